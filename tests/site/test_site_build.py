"""The built site's pages, rendering, images, search data, safety and atomic replacement."""

from __future__ import annotations

import json
import re
import urllib.parse
from html import unescape

import pytest

from flashgen.site import build_site
from flashgen.vault.parse import parse_vault
from tests.site.conftest import build_fixture_site, card, sample_cards


def page(result, path: str) -> str:
    return (result.out_dir / path).read_text(encoding="utf-8")


def test_every_kind_of_page_is_written(site):
    _, result = site
    for path in ("index.html", "timeline.html", "tags/index.html", "decks/index.html", "labs/index.html",
                 "labs/lab6-3.html", "notes/디플로이먼트.html", "notes/guides/Pod basics.html", "cards/서비스.html"):
        assert path in result.pages
        assert (result.out_dir / path).is_file()


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


def test_cards_pages_render_both_sides_and_cloze(site):
    _, result = site
    html = page(result, "cards/서비스.html")
    assert '<span class="cloze" data-c="1">[...]</span>' in html and '<span class="cloze" data-c="1">파드</span>' in html
    decks = page(result, "decks/index.html")
    assert "vault › guides" in decks
    top = [p for p in result.pages if re.fullmatch(r"decks/vault-[0-9a-f]{8}\.html", p)]
    assert len(top) == 1

    def deck_cards(deck_page: str) -> list[dict]:
        """The cards a deck page studies: those of the data scripts it loads, in its deck or below."""
        html = page(result, deck_page)
        deck = re.search(r'id="deck-notes" data-deck="([^"]+)"', html).group(1)
        cards = []
        for src in re.findall(r'<script src="(data/[^"]+\.js)"', html):
            script = (result.out_dir / "decks" / urllib.parse.unquote(src)).read_text(encoding="utf-8")
            chunk = json.loads(script[script.index("push(") + 5:script.rindex(");")])
            assert chunk["base"] == "cards/" or chunk["base"].startswith("cards/")
            cards += chunk["cards"]
        return [c for c in cards if c["deck"] == deck or c["deck"].startswith(deck + "::")]

    # sub-decks' cards too: 4 Anki notes, of which Anki makes 5 cards (one note is a reversed pair)
    assert len(deck_cards(top[0])) == 4 and "5 cards from 3 notes" in page(result, top[0])
    assert all("[...]" in c["front"] or c["back"] for c in deck_cards(top[0]))
    # a deck of one note's cards (each note's deck, and here the folder deck of one note) is studied on that
    # note's flashcards page, which holds the same cards: no deck page repeats it
    assert [p for p in result.pages if p.startswith("decks/vault-")] == top
    rows = re.findall(r'<li class="depth-\d"><a href="([^"]+)">([^<]+)</a> <span class="muted">(\d+) card', decks)
    assert len(rows) == 5
    for href, name, count in rows[1:]:
        cards_page = "cards/" + urllib.parse.unquote(href.removeprefix("../cards/"))
        assert href.startswith("../cards/") and cards_page in result.pages
        listed = page(result, cards_page)  # the page lists its Anki notes and says how many cards Anki makes
        notes = listed.count('<li class="card"')
        assert f"({count} card{'s' if count != '1' else ''} from {notes} Anki note" in listed, name


def test_the_decks_page_lists_notes_apart_only_when_decks_stop_above_them(site, tmp_path):
    _, result = site  # decks down to each note: the deck list names every note already
    assert "By note" not in page(result, "decks/index.html")
    from dataclasses import replace

    by_folder = [replace(c, deck=c.deck[:-1]) for c in sample_cards()]  # `vault/folder`: notes share decks
    _, folders = build_fixture_site(tmp_path / "site", cards=by_folder)
    decks = page(folders, "decks/index.html")
    assert "By note" in decks
    notes = re.findall(r'<li><a href="\.\./cards/([^"]+)">([^<]+)</a> <span class="muted">(\d+) card', decks)
    assert sorted((urllib.parse.unquote(href), int(n)) for href, _, n in notes) == [
        ("guides/Pod basics.html", 1), ("디플로이먼트.html", 3), ("서비스.html", 1)]  # a reversed pair is two cards


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
    assert kinds == {0, 1, 2}
    strategy = [r for r in data["docs"] if r[2] == "디플로이먼트 › 전략"]
    assert strategy and "롤링업데이트" in strategy[0][4] and strategy[0][3].endswith("#%EC%A0%84%EB%9E%B5")
    assert any(r[0] == 2 and "readiness" in r[4] for r in data["docs"])


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
    assert _search_records(split) == _search_records(whole) and len(_search_records(whole)) >= 20


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
    from flashgen.site.cards_view import card_views

    cards = sample_cards() + [card("basic", "디플로이먼트의 전략 두 가지는?", "x", "디플로이먼트.md", 12, ())]
    first = [v.id for v in card_views(cards, "d")]
    again = [v.id for v in card_views(cards, "d")]
    assert first == again and len(set(first)) == len(first)
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", i) for i in first)
