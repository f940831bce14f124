"""The site in headless Chromium, from file:// and from 127.0.0.1: pages, Korean search, studying cards."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

SHOTS = Path(os.environ.get("FLASHGEN_SHOTS", "/tmp/flashgen-site-shots"))


@pytest.fixture(scope="module")
def server(site):
    from flashgen.site.server import SiteServer

    _, result = site
    running = SiteServer(result.out_dir, port=0).start()
    yield running
    running.stop()


@pytest.fixture(params=["file", "http"])
def base(request, site) -> str:
    _, result = site
    if request.param == "file":
        return result.out_dir.as_uri() + "/"
    return request.getfixturevalue("server").url


class Page:
    """A browser tab that records console errors and uncaught exceptions."""

    def __init__(self, browser, base: str) -> None:
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.tab = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.tab.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.tab.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path: str):
        self.tab.goto(self.base + quote(path))
        self.tab.wait_for_load_state("load")
        return self.tab

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, base):
    page = Page(browser, base)
    yield page
    assert page.errors == [], f"console errors: {page.errors}"
    page.close()


def test_home_and_note_pages_load_with_their_scripts(tab):
    home = tab.open("index.html")
    assert home.locator("h1").first.inner_text() == "vault"
    assert home.locator(".stats").inner_text().count("notes") == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    home.screenshot(path=str(SHOTS / f"home-{tab.base[:4]}.png"), full_page=True)
    note = tab.open("notes/디플로이먼트.html")
    assert note.locator("h1#디플로이먼트").inner_text() == "디플로이먼트"
    assert note.locator(".code-wrap button.copy").count() == 1  # site.js ran (the CSP allowed it)
    note.screenshot(path=str(SHOTS / f"note-{tab.base[:4]}.png"), full_page=True)
    note.locator("a.internal-link", has_text="서비스 노트").click()
    note.wait_for_load_state("load")
    assert note.url.endswith(quote("서비스.html"))


def test_theme_toggle_is_remembered(tab):
    page = tab.open("index.html")
    before = page.evaluate("document.documentElement.dataset.theme")
    page.click("#theme-toggle")
    after = page.evaluate("document.documentElement.dataset.theme")
    assert {before, after} == {"light", "dark"}
    page = tab.open("notes/서비스.html")
    assert page.evaluate("document.documentElement.dataset.theme") == after


def _search(page, query: str):
    page.fill("#search-input", query)
    page.wait_for_function("q => document.getElementById('search-results').dataset.query === q", arg=query)
    return page.evaluate("""() => Array.from(document.querySelectorAll('#search-results .search-hit')).map(hit => [
        hit.querySelector('.search-hit-title').innerText, hit.querySelector('.search-hit-context').innerText,
        Array.from(hit.querySelectorAll('mark')).map(m => m.textContent)])""")


def test_korean_search_finds_word_beginnings_and_words_inside_compounds(tab):
    page = tab.open("notes/guides/Pod basics.html")
    hits = _search(page, "디플로이")
    assert "디플로이먼트" in hits[0][0] and hits[0][0].lower().startswith("note")  # the note's title ranks first
    hits = _search(page, "업데이트")
    inside = [h for h in hits if "롤링업데이트" in h[1]]
    assert inside and "업데이트" in inside[0][2]
    with page.expect_navigation():
        page.keyboard.press("Enter")  # opens the first hit
    assert quote("디플로이먼트.html") in page.url or quote("서비스.html") in page.url


def test_search_finds_every_note_whichever_data_file_holds_it(tab, site):
    vault, _ = site
    page = tab.open("index.html")
    for note in vault.notes:  # the session's site has a search data file per note
        hits = _search(page, note.title)
        assert any(h[0].lower().startswith("note") and note.title in h[0] for h in hits), (note.title, hits)


def test_search_has_no_hit_for_a_word_not_in_the_notes(tab):
    page = tab.open("index.html")
    page.fill("#search-input", "존재하지않는단어")
    page.wait_for_function("() => document.getElementById('search-results').dataset.query === '존재하지않는단어'")
    assert page.locator("#search-results .search-empty").is_visible()
    assert page.locator("#search-results .search-hit").count() == 0


def test_flip_and_grade_a_card_and_the_state_survives_a_reload(tab):
    page = tab.open("cards/디플로이먼트.html")
    assert page.locator(".count-new").inner_text() == "3"  # a basic card, and a reversed pair: two cards, as in Anki
    assert page.locator("#study-back").is_hidden()
    page.keyboard.press("Space")
    assert page.locator("#study-back").is_visible()
    assert page.locator("#study-grades .grade.good small").inner_text() == "10m"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"cards-{tab.base[:4]}.png"), full_page=True)
    page.keyboard.press("3")
    assert page.locator(".count-new").inner_text() == "2"
    assert page.locator(".count-learn").inner_text() == "1"
    page.click("#study-card")  # the second new card, flipped by a click
    page.click("#study-grades .grade.easy")
    page.reload()
    page.wait_for_load_state("load")
    assert page.locator(".count-new").inner_text() == "1"
    assert page.locator(".count-learn").inner_text() == "1"
    states = page.evaluate("JSON.parse(localStorage.getItem('flashgen:srs:v1'))")
    assert sorted(s["state"] for s in states.values()) == ["learning", "review"]
    easy = next(s for s in states.values() if s["state"] == "review")
    assert easy["interval"] == 4 and easy["ease"] == 2.5


def test_spaced_repetition_follows_anki_sm2(tab):
    page = tab.open("cards/서비스.html")
    result = page.evaluate("""() => {
      const day = 86400000, t0 = Date.UTC(2024, 0, 1);
      let c = FlashgenSRS.fresh();
      c = FlashgenSRS.answer(c, 3, t0);                 // learning step 2 (10m)
      const step = c.due - t0;
      c = FlashgenSRS.answer(c, 3, t0 + step);          // graduates: 1 day
      const graduated = c.interval;
      c = FlashgenSRS.answer(c, 3, c.due);              // review, on time: 1 * 2.5 -> 3 (at least hard+1)
      const good = c.interval;
      c = FlashgenSRS.answer(c, 2, c.due);              // hard: 3 * 1.2 -> 4, ease 2.35
      const hard = [c.interval, Math.round(c.ease * 100)];
      c = FlashgenSRS.answer(c, 1, c.due);              // lapse: relearning, ease 2.15
      const lapse = [c.state, c.lapses, Math.round(c.ease * 100), (c.due - c.last) / 60000];
      return {step: step / 60000, graduated, good, hard, lapse};
    }""")
    assert result == {"step": 10, "graduated": 1, "good": 3, "hard": [4, 235], "lapse": ["relearning", 1, 215, 10]}


def test_open_page_reloads_after_a_rebuild_when_served(browser, server):
    page = Page(browser, server.url)
    try:
        tab = page.open("notes/서비스.html")
        tab.evaluate("window.beforeRebuild = true")
        tab.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('__flashgen__'))")
        server.version += 1
        tab.wait_for_function("() => window.beforeRebuild === undefined", timeout=15000)  # a fresh page
        assert page.errors == []
    finally:
        server.version -= 1
        page.close()


def test_a_link_to_a_card_opens_the_card_list(tab):
    page = tab.open("cards/서비스.html")
    assert page.locator("#browse").get_attribute("open") is None
    card_id = page.locator(".card-list .card").first.get_attribute("id")
    page.goto(page.url + "#" + card_id)
    page.wait_for_function("() => document.getElementById('browse').open")
    assert page.locator(f"#{card_id} .card-back").is_visible()


def test_a_deck_page_studies_its_sub_decks_cards_with_working_links(tab, site):
    _, result = site
    top = next(p for p in result.pages if p.startswith("decks/vault-") and p.count("-") == 1)
    page = tab.open(top)
    assert page.locator(".count-new").inner_text() == "5"  # every note's cards, loaded from their scripts
    hrefs = []
    for _ in range(5):
        page.keyboard.press("Space")
        hrefs += page.eval_on_selector_all("#study-front a, #study-back a, #study-source a", "els => els.map(e => e.href)")
        page.keyboard.press("4")
    assert page.locator("#study-done").is_visible()
    assert any(h.endswith("notes/" + quote("서비스.html")) for h in hrefs)  # [[서비스]] in a card's answer
    for href in hrefs:
        if tab.base.startswith("file:"):
            assert Path(unquote(href[len("file://"):].split("#")[0])).is_file(), href
        else:
            assert page.request.get(href.split("#")[0]).status == 200, href
    assert tab.errors == []
