"""Obsidian syntax across a vault: no warning on valid syntax, a warning with file and line for each real problem,
block ids found by links and embeds, a note embedding its own sections, and hidden comments never on a card."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashgen.cards import extract_cards
from flashgen.vault.parse import parse_vault
from tests.syntax_vault import make_syntax_vault


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    return parse_vault(make_syntax_vault(tmp_path_factory.mktemp("syntax") / "vault"))


def test_only_real_problems_are_reported_each_with_its_line(vault):
    found = sorted((d.path, d.line, d.code, d.message) for d in vault.diagnostics)
    assert found == [
        ("loop.md", 7, "embed-loop", "embeds loop (loop.md → loop.md); the loop is shown as a link"),
        ("서비스.md", 25, "missing-image", "missing image `missing-shot.png`"),  # raw HTML <img src>
        ("서비스.md", 27, "broken-link", "missing note `없는노트.md`"),  # raw HTML <a href>
        ("서비스.md", 29, "missing-file", "missing audio file `missing-talk.ogg`"),
        ("서비스.md", 31, "folder-link", "link `scripts/` names a folder, which Obsidian cannot open; shown as text"),
    ]


def test_block_ids_below_blocks_name_those_blocks(vault):
    pod = vault.note("파드.md")
    assert set(pod.block_ids) == {"pod-def", "watch-tip", "svc-types", "defaults", "cluster-diagram"}
    kinds = {b.block_id: b.kind for s in pod.sections() for b in s.blocks if b.block_id}
    assert kinds == {"pod-def": "paragraph", "watch-tip": "callout", "svc-types": "list", "defaults": "table",
                     "cluster-diagram": "paragraph"}
    assert pod.span(block="watch-tip") == (5, 7)  # the callout's lines, its id line included


def test_embeds_of_other_files_resolve_and_links_to_other_files_exist(vault):
    service = vault.note("서비스.md")
    resolved = {link.target: vault.resolve(link, service.path) for link in service.links}
    assert resolved["probe.wav"] == "media/probe.wav" and resolved["api.pdf"] == "media/api.pdf"
    assert resolved["map.canvas"] == "map.canvas" and resolved["rollout.webm"] == "media/rollout.webm"
    assert resolved["manifests/service.yaml"] == "manifests/service.yaml"  # a file no output shows, but there
    assert resolved["cluster.png"] == "media/cluster.png"  # from raw HTML <img src>


def test_hidden_comments_and_drawing_data_never_reach_a_card(vault):
    cards = extract_cards(vault)
    text = "\n".join(card.front + "\n" + card.back for card in cards)
    assert "hidden drawing data" not in text and "N4KAk" not in text and "compressed-json" not in text
    blocks = [b.source for s in vault.note("파드.md").sections() for b in s.blocks]
    assert any("`<!-- HTML Comment -->`, `%%not a comment%%`" in source for source in blocks)  # code is kept
    assert not any("hidden drawing data" in source for source in blocks)


def test_an_unclosed_comment_hides_the_rest_of_the_note_with_a_warning(tmp_path: Path):
    (tmp_path / "n.md").write_text("보이는 줄\n\n%% 닫히지 않은 주석\n숨은 줄\n", encoding="utf-8")
    vault = parse_vault(tmp_path)
    note = vault.note("n.md")
    assert [(d.line, d.code) for d in vault.diagnostics] == [(3, "unclosed-comment")]
    assert [b.source for s in note.sections() for b in s.blocks] == ["보이는 줄"]
    assert note.source.endswith("숨은 줄\n")  # what the user wrote is kept


def test_a_comment_among_the_lines_of_html_leaves_the_html_whole(tmp_path: Path):
    """`<td>` ⏎ `<!-- REMOVE THE BACKSLASHES -->` ⏎ `apiVersion` ⏎ `</td>` (a table written in HTML, as notes copied
    from GitHub READMEs have them): the comment is hidden and the table stays one piece of HTML, as Obsidian shows it;
    blanked, its line had ended the HTML and put the table's cells on cards as raw tags and loose words. A comment on
    lines of its own between words still hides without a trace."""
    (tmp_path / "n.md").write_text(
        "# 크론잡\n## API\n<table>\n<tr>\n<td>\n<!-- REMOVE THE BACKSLASHES -->\napiVersion\n</td>\n<td>\n<!-- a\nb -->\n"
        "batch/v1 설정\n</td>\n</tr>\n</table>\n\n## 설명\n크론잡은 잡을\n\n<!-- 메모 -->\n\n정해진 시각에 만든다.\n",
        encoding="utf-8")
    vault = parse_vault(tmp_path)
    blocks = [(b.kind, b.source) for s in vault.note("n.md").sections() for b in s.blocks]
    assert [kind for kind, _ in blocks[:1]] == ["html"] and "batch/v1 설정" in blocks[0][1] and "</table>" in blocks[0][1]
    assert not any("REMOVE" in source or "메모" in source for _, source in blocks)
    cards = extract_cards(vault)
    assert not any("</td>" in card.back or "apiVersion" in card.back for card in cards)
    assert [card.front for card in cards] == ["크론잡 › 설명"]
