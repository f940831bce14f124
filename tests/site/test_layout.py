"""The site's layout as rendered in Chromium: the header on a 390 px phone, code blocks and their Copy button, the
timeline's dots and lists, and the notice for a computer without a Korean font."""

from __future__ import annotations

import shutil
import subprocess
from urllib.parse import quote

import pytest

from tests.conftest import SEED, write_note
from tests.site.conftest import VAULT

LONG_CODE = """\
# 긴 줄

```yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: a-deployment-with-a-rather-long-name, labels: {app: web, tier: frontend, track: stable, team: study}}
```
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The seed note (its timeline), the fixture vault and a note with a long code line, built and served, under
    a Korean site name as long as a real one."""
    from flashgen.build.pipeline import build
    from flashgen.site.server import SiteServer

    root = tmp_path_factory.mktemp("layout")
    vault = root / "vault"
    shutil.copytree(VAULT, vault)
    shutil.copy(SEED / "쿠버네티스 학습 과정.md", vault / "쿠버네티스 학습 과정.md")
    write_note(vault, "긴 줄.md", LONG_CODE)
    (root / "flashgen.toml").write_text('deck = "쿠버네티스 학습 노트"\n', encoding="utf-8")
    assert build(vault, root / "out", decks=False).site_path is not None
    server = SiteServer(root / "out" / "site", port=0).start()
    yield server
    server.stop()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    yield context.new_page()
    context.close()


def _rect(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().toJSON()")


@pytest.mark.parametrize("path", ["index.html", "timeline.html", "notes/디플로이먼트.html"])
def test_the_phone_header_is_two_rows_with_the_theme_toggle_beside_the_links(served, phone, path):
    phone.goto(served.url + quote(path))
    brand, toggle, search = (_rect(phone, s) for s in (".brand", "#theme-toggle", ".search"))
    nav = _rect(phone, ".nav")
    assert abs(toggle["top"] - brand["top"]) < 12 and abs(nav["top"] - brand["top"]) < 12  # one row
    assert search["top"] >= max(brand["bottom"], toggle["bottom"]) - 2  # the search box on the second
    header = _rect(phone, ".topbar")
    assert header["bottom"] - header["top"] < 100, header
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sticks out of the screen
    assert toggle["right"] <= 390 and brand["left"] >= 0
    # every link stays reachable: the row scrolls sideways when the links are wider than the screen
    nav_box = phone.locator(".nav").evaluate("e => [e.scrollWidth, e.clientWidth, getComputedStyle(e).overflowX]")
    assert nav_box[0] <= nav_box[1] or nav_box[2] in ("auto", "scroll")


def test_the_copy_button_never_covers_code(served, desk, phone):
    for page in (desk, phone):
        page.goto(served.url + quote("notes/긴 줄.html"))
        wrap = page.locator(".code-wrap").first
        button, pre = _rect(page, ".code-wrap .copy"), _rect(page, ".code-wrap pre.code")
        assert button["bottom"] <= pre["top"] + 1, (button, pre)  # above the code, not on it
        assert wrap.locator(".code-lang").inner_text() == "yaml"
        long_line = page.locator("pre.code").first.evaluate("e => e.scrollWidth > e.clientWidth")
        assert long_line  # the line is longer than the block: it scrolls, and nothing sits on its end


def test_timeline_dots_sit_beside_their_dates_and_lists_use_one_marker(served, desk, phone):
    for page in (desk, phone):
        page.goto(served.url + "timeline.html")
        days = page.locator(".timeline .day")
        assert days.count() >= 4
        line_x = page.locator(".timeline").evaluate("e => e.getBoundingClientRect().left + "
                                                    "parseFloat(getComputedStyle(e).borderLeftWidth) / 2")
        for i in range(days.count()):
            day = days.nth(i)
            dot = day.locator(".dot").evaluate("e => e.getBoundingClientRect().toJSON()")
            date = day.locator("time").evaluate("e => e.getBoundingClientRect().toJSON()")
            assert abs((dot["top"] + dot["bottom"]) / 2 - (date["top"] + date["bottom"]) / 2) <= 3, (dot, date)
            assert abs((dot["left"] + dot["right"]) / 2 - line_x) <= 2
        markers = page.evaluate("[...document.querySelectorAll('.timeline li')].map(li => "
                                "(li.closest('.topics') ? 'topic ' : 'entry ') + getComputedStyle(li).listStyleType)")
        assert set(markers) <= {"entry none", "topic disc"} and "topic disc" in markers, set(markers)
    months = desk.locator(".months a").first.inner_text()
    assert months.endswith("study days") and "5d" not in months, months


def test_a_study_day_names_each_lesson_once(served, desk):
    desk.goto(served.url + "timeline.html")
    day = desk.locator("#d-2024-01-29").inner_text()
    assert day.count("6-4. DaemonSet") == 1, day


def _has_korean_font() -> bool | None:
    try:
        found = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return bool(found.stdout.strip()) if found.returncode == 0 else None


def test_a_computer_without_a_korean_font_is_told_what_to_install(served, desk):
    has_font = _has_korean_font()
    if has_font is None:
        pytest.skip("fc-list is not here to tell whether a Korean font is installed")
    desk.goto(served.url + quote("notes/디플로이먼트.html"))
    notice = desk.locator(".font-notice")
    assert notice.count() == (0 if has_font else 1)
    if not has_font:  # as on this machine: Hangul is drawn as boxes, and the notice says what to install
        assert "fonts-noto-cjk" in notice.inner_text() and notice.is_visible()
        notice.locator("button").click()
        desk.reload()
        assert desk.locator(".font-notice").count() == 0  # closed once, it stays closed


def test_the_study_page_studies_the_cards_anki_makes(served, desk):
    """The seed note's two manifests are cloze notes with several numbers (4 in all, tests/golden/seed_cards.txt):
    each number is a card of its own, with its own blank, as in Anki; the counts on the page are Anki's."""
    desk.goto(served.url + "study.html#note=" + quote("쿠버네티스 학습 과정"))
    desk.wait_for_selector("#study:not([hidden])")
    summary = desk.locator("#browse > summary").inner_text()
    total = int(summary.split("(")[1].split(" card")[0])
    desk.locator("#browse > summary").click()  # the list of every card with its answer: each Anki note once
    desk.wait_for_selector(".card-list .card")  # the list is made on the toggle event, which comes after the click
    notes = desk.locator(".card-list .card").count()
    assert f"from {notes} Anki notes" in summary and total > notes
    assert int(desk.locator(".count-new").inner_text()) == total
    clozes = 0
    for _ in range(total):  # every card once: each cloze card hides exactly one number
        front = desk.locator("#study-front")
        blanks = front.locator(".cloze").count()
        if blanks or front.locator(".cloze-other").count():
            clozes += 1
            assert blanks >= 1 and front.locator(".cloze").all_inner_texts() == ["[...]"] * blanks
            numbers = set(front.locator(".cloze").evaluate_all("s => s.map(e => e.dataset.c)"))
            assert len(numbers) == 1
        left = desk.locator(".count-new").inner_text()
        desk.keyboard.press("Space")
        desk.keyboard.press("4")  # easy: out of today's session
        desk.wait_for_function(  # the next card is shown (or the session is done) before it is read
            "left => document.querySelector('.count-new').textContent !== left"
            " || !document.querySelector('#study-done').hidden", arg=left)
    assert clozes == 4 and desk.locator("#study-done").is_visible()
    desk.goto(served.url + "study.html")  # the list of decks counts the same cards
    desk.wait_for_selector("#decks:not([hidden])")
    row = desk.locator("#deck-list a", has_text="쿠버네티스 학습 과정").locator("..")
    assert f"{total} cards" in row.inner_text()
