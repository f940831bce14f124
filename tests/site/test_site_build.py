"""The built site's pages, rendering, images, search data, safety and atomic replacement."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from flashgen.site import build_site
from flashgen.vault.parse import parse_vault
from tests.site.conftest import build_fixture_site, card, sample_cards
from tests.site.linkcheck import card_data


def page(result, path: str) -> str:
    return (result.out_dir / path).read_text(encoding="utf-8")


def test_every_kind_of_page_is_written(site):
    _, result = site
    for path in ("index.html", "timeline.html", "tags/index.html", "study.html", "labs/index.html",
                 "labs/lab6-3.html", "notes/디플로이먼트.html", "notes/guides/Pod basics.html"):
        assert path in result.pages
        assert (result.out_dir / path).is_file()
    assert [p for p in result.pages if p.startswith("folders/")] and not [p for p in result.pages if "cards/" in p]
    for data in ("cards/서비스.js", "cards/guides/Pod basics.js", "assets/decks.js"):
        assert (result.out_dir / data).is_file()  # card data: scripts, no per-card HTML


def test_pages_forbid_inline_scripts_and_note_scripts_are_gone(site):
    _, result = site
    for path in result.pages:
        html = page(result, path)
        csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert csp and "script-src 'self';" in unescape(csp.group(1)), path
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, f"inline script in {path}"
        assert not re.search(r"<[^>]+\son\w+=", html), f"event handler attribute in {path}"
    service = page(result, "notes/서비스.html")
    assert "alert" not in service and "<b>굵게</b>" in service


def test_note_renders_as_obsidian_does(site):
    _, result = site
    html = page(result, "notes/디플로이먼트.html")
    assert "<strong>파드(Pod)</strong>를" in html
    assert "<mark>상위 리소스</mark>" in html
    assert 'data-callout="tip"' in html and "기억하기" in html
    assert '<pre class="code highlight" data-lang="yaml">' in html
    assert "<table>" in html
    assert html.count('type="checkbox" disabled checked>') == 1 and html.count('type="checkbox" disabled>') == 1
    assert re.search(r'<img src="\.\./assets/img/diagram-[0-9a-f]{8}\.png" alt="diagram.png" width="200"', html)
    assert "없는 그림.png <em>(missing)</em>" in html
    assert '<h2 id="전략">' in html
    assert 'id="log-2024-01-20"' in html


def test_wikilinks_keep_aliases_and_korean_heading_anchors(site):
    _, result = site
    html = page(result, "notes/서비스.html")
    assert ('<a class="internal-link" href="%EB%94%94%ED%94%8C%EB%A1%9C%EC%9D%B4%EB%A8%BC%ED%8A%B8.html#%EC%A0%84%EB%9E%B5">'
            "디플로이먼트 전략</a>") in html
    pod = page(result, "notes/guides/Pod basics.html")
    assert 'href="../%EC%84%9C%EB%B9%84%EC%8A%A4.html"' in pod  # a markdown link with ../ from a sub-folder


def test_transclusion_of_heading_and_block_with_loop_protection(site):
    _, result = site
    html = page(result, "notes/서비스.html")
    embeds = re.findall(r'<div class="embed">.*?</div></div>', html, re.DOTALL)
    assert len(embeds) == 2
    assert "maxSurge" in embeds[0] and "<h2>전략</h2>" in embeds[0]  # the heading's section, without its id
    assert "재생성" not in embeds[1] and "롤링업데이트" in embeds[1]  # only the block ^rolling
    assert 'href="#"' not in html
    assert re.search(r"스스로를 넣으면 링크로 보입니다: <a class=\"internal-link\" href=\"[^\"]*\">서비스</a>", html)


def test_whole_note_transclusion(site):
    _, result = site
    html = page(result, "notes/모음.html")
    embed = html.split('<div class="embed">', 1)[1]
    assert "Traffic goes only to ready pods." in embed and "<h3>Readiness</h3>" in embed
    assert 'src="../assets/img/diagram-' in embed  # the embedded note's image, relative to this page
    assert 'href="guides/Pod%20basics.html"' in embed


def test_backlinks_and_table_of_contents(site):
    _, result = site
    html = page(result, "notes/디플로이먼트.html")
    backlinks = html.split('id="backlinks-title"', 1)[1]
    assert ">서비스</a>" in backlinks and ">Pod basics</a>" in backlinks
    assert 'class="toc"' in page(result, "notes/guides/Pod basics.html")
    assert 'class="toc"' not in page(result, "notes/서비스.html")


def test_tags_timeline_and_home(site):
    _, result = site
    tags = page(result, "tags/index.html")
    assert "#k8s" in tags and "#k8s/workload" in tags
    timeline = page(result, "timeline.html")
    days = re.findall(r'<li class="day" id="d-([\d-]+)">', timeline)
    assert days == ["2024-01-22", "2024-01-20"]
    assert 'href="notes/%EB%94%94%ED%94%8C%EB%A1%9C%EC%9D%B4%EB%A8%BC%ED%8A%B8.html#log-2024-01-22"' in timeline
    assert "6-3 디플로이먼트 롤백</a>" in timeline
    month = page(result, "timeline/2024-01.html")  # every day of the month, links from one folder down
    assert re.findall(r'<li class="day" id="d-([\d-]+)">', month) == days
    assert 'href="../notes/%EB%94%94%ED%94%8C%EB%A1%9C%EC%9D%B4%EB%A8%BC%ED%8A%B8.html#log-2024-01-22"' in month
    assert '<a href="timeline/2024-01.html">2024-01' in timeline and 'aria-current="page">2024-01' in month
    home = page(result, "index.html")
    assert "<strong>4</strong> notes" in home and "<strong>5</strong> cards" in home and "<strong>1</strong> lab<" in home


def test_card_data_holds_the_sides_anki_gets_and_where_the_site_keeps_what_they_link(site):
    _, result = site
    service = card_data(result.out_dir, "서비스")
    [cloze] = service["cards"]
    assert cloze["kind"] == "cloze" and cloze["front"] == "<p>서비스는 {{c1::파드}} 앞에 섭니다</p>\n"  # Anki's text
    assert cloze["back"] == "" and cloze["deck"] == "vault::서비스" and service["page"] == "notes/서비스.html"
    deploy = card_data(result.out_dir, "디플로이먼트")
    reversed_card = next(c for c in deploy["cards"] if c["kind"] == "reversed")
    link = re.search(r'href="(obsidian://open\?[^"]+)"', reversed_card["back"]).group(1)  # [[서비스]], as Anki opens it
    assert unescape(link) == "obsidian://open?vault=vault&file=%EC%84%9C%EB%B9%84%EC%8A%A4"
    assert deploy["refs"] == {unescape(link): "notes/%EC%84%9C%EB%B9%84%EC%8A%A4.html"}  # the site's page of it
    strategy = next(c for c in deploy["cards"] if c["kind"] == "basic")
    assert strategy["at"] == ["디플로이먼트", "디플로이먼트 › 전략"] and strategy["id"].startswith("c-")  # line 12


def test_the_deck_index_names_every_note_with_cards_and_its_decks(site, tmp_path):
    _, result = site
    assert _deck_rows(result) == [["디플로이먼트", "디플로이먼트", [["vault::디플로이먼트", 3]]],
                                  ["서비스", "서비스", [["vault::서비스", 1]]],
                                  ["guides/Pod basics", "Pod basics", [["vault::guides::Pod basics", 1]]]]
    from dataclasses import replace

    by_folder = [replace(c, deck=c.deck[:-1]) for c in sample_cards()]  # `vault/folder`: notes share decks
    _, folders = build_fixture_site(tmp_path / "site", cards=by_folder)
    assert [row[2] for row in _deck_rows(folders)] == [[["vault", 3]], [["vault", 1]], [["vault::guides", 1]]]


def _deck_rows(result) -> list:
    """The rows of every part of the index of decks, in order."""
    index = page(result, "assets/decks.js")
    parts = json.loads(index[len("window.FLASHGEN_DECKS="):].rstrip().rstrip(";"))["parts"]
    rows = []
    for number, name in enumerate(parts):
        text = page(result, "assets/" + name)
        rows += json.loads(text[text.index("]=") + 2:].rstrip().rstrip(";"))
    return rows


def test_lab_page_shows_task_note_and_verify_commands(site):
    _, result = site
    html = page(result, "labs/lab6-3.html")
    assert "<strong>롤링업데이트</strong>" in html
    assert "flashgen verify lab6-3</code>" in html and "flashgen verify lab6-3 --sim</code>" in html
    assert 'href="../notes/%EB%94%94%ED%94%8C%EB%A1%9C%EC%9D%B4%EB%A8%BC%ED%8A%B8.html#%EC%A0%84%EB%9E%B5"' in html


def test_search_data_is_a_script_with_sections_and_cards(site):
    _, result = site
    data = {"docs": _search_records(result)}
    kinds = {record[0] for record in data["docs"]}
    assert kinds == {0, 1}  # notes and sections: a card's text is its note's (the search loads card data for cards)
    strategy = [r for r in data["docs"] if r[2] == "디플로이먼트 › 전략"]
    assert strategy and "롤링업데이트" in strategy[0][4] and strategy[0][3].endswith("#%EC%A0%84%EB%9E%B5")
    notes = {r[1]: r[5] for r in data["docs"] if r[0] == 0}  # a note's record says how many cards it has
    assert notes == {"디플로이먼트": 3, "서비스": 1, "Pod basics": 1, "모음": 0}


def _search_records(result) -> list:
    """The records of every search data file, in the order the page's search code joins them."""
    script = page(result, "assets/search-data.js")
    assert script.startswith("window.FLASHGEN_SEARCH=")
    files = json.loads(script[len("window.FLASHGEN_SEARCH="):].rstrip().rstrip(";"))["parts"]
    records = []
    for number, name in enumerate(files):
        part = page(result, "assets/" + name)
        prefix = f"(window.FLASHGEN_SEARCH_PARTS=window.FLASHGEN_SEARCH_PARTS||{{}})[{number}]="
        assert part.startswith(prefix)
        records += json.loads(part[len(prefix):].rstrip().rstrip(";"))
    return records


def test_search_data_in_several_files_is_the_same_records(vault_copy, tmp_path, monkeypatch):
    from flashgen.site import search_index

    _, whole = build_fixture_site(tmp_path / "one", vault_copy)
    monkeypatch.setattr(search_index, "CHUNK_NOTES", 1)  # a file per note
    _, split = build_fixture_site(tmp_path / "many", vault_copy)
    assert len(list((tmp_path / "many" / "assets" / "search").iterdir())) > 2
    assert _search_records(split) == _search_records(whole) and len(_search_records(whole)) >= 15


def test_only_used_images_are_copied_under_distinct_names(vault_copy, tmp_path):
    (vault_copy / "unused.png").write_bytes((vault_copy / "img" / "diagram.png").read_bytes())
    _, result = build_fixture_site(tmp_path / "site", vault_copy)
    assert len(result.images) == 2 and len(set(result.images)) == 2
    copied = sorted(p.name for p in (tmp_path / "site" / "assets" / "img").iterdir())
    assert len(copied) == 2 and all(name.startswith("diagram-") for name in copied)


def test_report_receives_what_only_the_site_found(tmp_path, vault_copy):
    seen = []
    build_site(parse_vault(vault_copy, check=False), [], tmp_path / "site", report=seen.append)
    assert ("서비스.md", 4, "missing-heading") in [(d.path, d.line, d.code) for d in seen]
    seen.clear()  # a vault whose links were checked has said it all: the same anchor is not reported twice
    build_site(parse_vault(vault_copy), [], tmp_path / "again", report=seen.append)
    assert seen == []


def test_failed_build_leaves_the_previous_site_in_place(tmp_path, vault_copy):
    out = tmp_path / "site"
    build_fixture_site(out, vault_copy)
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))

    class Broken:  # a lab object without the fields a lab page needs
        id = "lab9"

    with pytest.raises(AttributeError):
        build_site(parse_vault(vault_copy), sample_cards(), out, labs=[Broken()])
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "vault"]  # no half-built folder left behind


def test_rebuild_replaces_the_site(tmp_path, vault_copy):
    out = tmp_path / "site"
    build_fixture_site(out, vault_copy)
    (vault_copy / "서비스.md").unlink()
    _, result = build_fixture_site(out, vault_copy, cards=[c for c in sample_cards() if c.note_path != "서비스.md"])
    assert not (out / "notes" / "서비스.html").exists()
    assert "notes/디플로이먼트.html" in result.pages
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "vault"]


def test_card_ids_are_stable_and_unique():
    from flashgen.site.card_data import card_ids

    cards = sample_cards() + [card("basic", "디플로이먼트의 전략 두 가지는?", "x", "디플로이먼트.md", 12, ())]
    first = card_ids(cards)
    again = card_ids(cards)
    assert first == again and len(set(first)) == len(first)
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", i) for i in first)


# The ids the fixture vault's cards had on the per-card flashcards pages of the version before the study page
# was made from card data: a learner's progress in localStorage is kept under them, so they must never change.
IDS_BEFORE = {
    "guides/Pod basics": ["c-66eb5566093b", "c-f17d39d0af43", "c-3f371bbe350f"],
    # (its fourth card, `디플로이먼트 › 예제`, c-10b37b11317f, is no longer made: an example heading asks nothing)
    # (`전략`, c-9e1071ae4e93, is made since a list only half of whose items have cards stays in its section's
    # explanation: both strategies; a new card with an id of its own, the others' ids unchanged)
    "디플로이먼트": ["c-aeaa27e15f08", "c-a7979560faa0", "c-9e1071ae4e93", "c-2ef70d8aece7"],
    "서비스": ["c-82fa91d0b8ea"],
}


def test_cards_keep_the_ids_their_study_progress_is_saved_under(vault_copy, tmp_path):
    from flashgen.build.pipeline import build

    site = build(vault_copy, tmp_path / "out", decks=False).site_path
    assert {name: [row["id"] for row in card_data(site, name)["cards"]] for name in IDS_BEFORE} == IDS_BEFORE
    assert len(list((site / "cards").rglob("*.js"))) == len(IDS_BEFORE)  # no other note of the fixture has cards
