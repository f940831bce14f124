"""Obsidian syntax on the study site, in headless Chromium from file://: callout titles, block and section
embeds, math as MathML, a labelled Mermaid source, players and a PDF viewer for embedded files, raw HTML images,
aligned tables, no comment shown, and no console error (the pages' security policy forbids inline styles)."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from flashgen.site import build_site
from flashgen.vault.parse import parse_vault
from tests.site.linkcheck import check_site
from tests.site.test_browser import Page
from tests.syntax_vault import make_syntax_vault


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("syntax-site")
    return build_site(parse_vault(make_syntax_vault(root / "vault")), [], root / "site")


@pytest.fixture(scope="module")
def pages(built, browser):
    page = Page(browser, built.out_dir.as_uri() + "/")
    yield page
    page.close()


def test_every_link_anchor_and_copied_file_of_the_pages_exists(built):
    problems, checked = check_site(built.out_dir)
    assert problems == [] and checked > 30


def test_pod_page_shows_titles_math_tables_and_diagrams_as_obsidian_does(pages):
    tab = pages.open("notes/파드.html")
    title = tab.locator(".callout[data-callout=tip] .callout-title")
    assert title.locator("code").inner_text() == "kubectl get pods -w"
    assert title.locator("a.internal-link").inner_text() == "서비스" and title.locator("em").count() == 1
    shown = tab.evaluate("""() => [...document.querySelectorAll('.markdown math')].map(m => [
        getComputedStyle(m).display, m.getBoundingClientRect().height])""")
    assert [display for display, _ in shown] in (["math", "block math"], ["inline math", "block math"])
    assert all(height > 10 for _, height in shown)
    assert tab.locator("table th").nth(1).evaluate("th => getComputedStyle(th).textAlign") == "right"
    assert tab.locator("figure.diagram figcaption").inner_text().startswith("Mermaid diagram")
    text = tab.locator(".markdown").inner_text()
    assert "<!-- HTML Comment -->" in text and "%%not a comment%%" in text and "hidden drawing data" not in text
    assert tab.locator('[id="^svc-types"]').evaluate("e => e.tagName") == "UL"
    assert pages.errors == []


def test_service_page_embeds_blocks_its_own_section_and_files(pages):
    tab = pages.open("notes/서비스.html")
    embeds = tab.locator(".embed .embed-content")
    assert "ClusterIP" in embeds.nth(0).inner_text()  # a list named by `^id` on the line below it
    assert embeds.nth(1).locator("img").evaluate("img => img.complete && img.naturalWidth") == 1
    assert "targetPort" in embeds.nth(2).inner_text()  # a section of the same note, no loop
    duration = tab.locator("audio.embed-audio").evaluate("""a => new Promise(done => a.readyState >= 1
        ? done(a.duration) : a.addEventListener('loadedmetadata', () => done(a.duration)))""")
    assert duration == pytest.approx(0.5, abs=0.05)
    pdf = tab.locator("object.embed-pdf")
    assert pdf.get_attribute("data").endswith(".pdf#page=2") and pdf.bounding_box()["height"] > 100
    assert tab.locator("video.embed-video").get_attribute("width") == "320"
    assert tab.locator("a.internal-link", has_text="map.canvas").get_attribute("href").endswith(".canvas")
    raw = tab.locator("img[width='120']")  # raw HTML <img src> pointing at a vault image
    assert raw.evaluate("img => img.complete && img.naturalWidth") == 1
    assert tab.locator(".missing-image", has_text="missing-shot.png").count() == 1
    assert pages.errors == []


def test_a_section_that_embeds_itself_becomes_a_link(pages):
    tab = pages.open("notes/loop.html")
    assert tab.locator(f"a.internal-link[href$='{quote('#a', safe='#')}']").count() >= 1
    assert tab.locator(".embed").count() == 1  # section B shows A once; A's own embed of A is a link
    assert pages.errors == []
