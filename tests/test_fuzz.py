"""Fuzzing the notes pipeline: mixed Obsidian syntax, YAML frontmatter and raw bytes go through the parse, the
card rules, the manifest lint and the rendering of notes, transclusions and card sides (as the deck and the study page share them); no exception may
escape, and each input must be done within a time bound (hypothesis' deadline)."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashgen.cards import extract_cards
from flashgen.kube.commands import lint_commands
from flashgen.kube.lint import lint_note
from flashgen.render.card_sides import CardLinker, render_sides
from flashgen.render.html import render_tokens
from flashgen.site.card_data import card_data_script
from flashgen.site.linker import LinkTargets, SiteLinker, unwrap_embeds
from flashgen.site.tokens import body
from flashgen.site.urls import SiteUrls
from flashgen.vault.parse import parse_vault

PIECES = [
    "# 6 레플리케이션 컨트롤러", "## 절 {#x}", "6-4. DaemonSet", "- etcd - key-value 데이터의 저장소", "- **파드**: 컨테이너",
    "- ClusterIP\n\tcluster IP 가", "질문::답", "앞:::뒤", "질문\n?\n답", "질문\n??\n답", "==강조==", "==a ==b== c==",
    "[==x==]", "See [the ==official== docs](https://kubernetes.io).", "{{c1::숨김}}", "{{숨김}}", "{{c2::a::힌트}}",
    "[[other]]", "[[other|별칭]]", "[[other#절]]", "[[other#^blk]]", "![[other]]", "![[other#절]]",
    "![[other#^blk]]", "![[page]]", "![[그림.png|300]]", "![[x.svg|10x20]]", "![a](x.png)", "[t](../../etc/passwd)",
    "#k8s/pod", "#태그", "> [!note] 제목\n> 본문", "> [!tip]- 접힘\n> x", "각주[^1]\n\n[^1]: 설명", "- [ ] 할 일",
    "| a | b |\n|---|---|\n| 1 | 2 |", "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n```",
    "```yaml\napiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: &r 3\n  x: *r\n```", "```\nunclosed",
    "%% 주석 %%", "<!-- 숨김 -->", "<script>alert(1)</script>", "<details><summary>s</summary>d</details>",
    "2024-01-29", "2024-02-30 로그", "^blk", "---", "***", "    들여쓴 코드", "https://a.b/c?d=e:f@g",
    '{"a":"https://x.io","b":"c:d","e":"f@g.h"}', "www.example.com", "a@b.io", "**파드(Pod)**를", "\t", "\\",
    "[", "]]", "![[", "==", "{{", "::", "`", "~~x~~", "<br>", "&amp;", "\u200b", "\ufffd", "😀",
    "```bash\nkubectl desribe po x -n\n```", "```\n$ kubectl get po --all-namespace | grep 'x\n```",
    "```sh\nkubectl -n \\\n  get -oyaml -- --x\n```", "kubectl",
]
FRONTMATTER = [
    "", "tags: [a, b]", "aliases: 별칭", "flashgen: {cards: false}", "flashgen: {rules: [explicit, cloze]}",
    "deck: 시험::파드", "created: 2024-02-30", "n: " + "9" * 5000, "a: &a [*a]", "x: [" * 300,
    "a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
    "tags: {a: b}", "- list", ": :", "x: !!python/object/apply:os.system ['true']",
]

pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=25)
separators = st.sampled_from(["\n", "\n\n", " ", "", "\n- ", "\n> ", "\n\t"])


@st.composite
def notes(draw) -> bytes:
    parts = draw(pieces)
    text = ""
    for part in parts:
        text += draw(separators) + part
    front = draw(st.sampled_from(FRONTMATTER))
    if front or draw(st.booleans()):
        text = f"---\n{front}\n---\n" + text
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):  # raw bytes: not UTF-8, NULs, a BOM, cut in the middle of a character
        noise = draw(st.binary(max_size=40))
        at = draw(st.integers(0, len(data)))
        data = data[:at] + noise + data[at:]
    return data


def _run(page: bytes, other: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        vault_dir = Path(tmp) / "vault"
        vault_dir.mkdir()
        (vault_dir / "page.md").write_bytes(page)
        (vault_dir / "other.md").write_bytes(other)
        vault = parse_vault(vault_dir)
        cards = extract_cards(vault)
        targets = LinkTargets(vault, SiteUrls([n.path for n in vault.notes]))
        for note in vault.notes:
            lint_note(note)
            lint_commands(note)
            linker = SiteLinker(targets, targets.urls.note(note.path), note.path)
            unwrap_embeds(render_tokens(body(note), {"linker": linker, "from": note.path}))
        card_linker = CardLinker(vault)
        for note in vault.notes:
            mine = [card for card in cards if card.note_path == note.path]
            sides = [render_sides(card, card_linker) for card in mine]
            card_data_script(note, mine, sides, vault, targets.urls, "flashgen")


@settings(max_examples=300, deadline=timedelta(seconds=5), database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(notes(), notes())
def test_no_exception_escapes_the_pipeline(page: bytes, other: bytes) -> None:
    _run(page, other)


def test_the_pieces_that_once_crashed_a_build_go_through() -> None:
    for piece in PIECES:
        page = f"# 제목\n\n{piece}\n\n{piece} 뒤\n".encode()
        other = f"---\ntags: [a]\n---\n# 절\n{piece} ^blk\n".encode()
        _run(page, other)
