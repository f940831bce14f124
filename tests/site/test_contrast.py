"""Every text a learner reads, on the site and on the Anki cards, meets 4.5:1 contrast in light and dark mode.

Measured in Chromium on what is rendered (computed colours, opacity, the background actually behind the text),
not read off the CSS: the site's pages with the search open and a card flipped, and each card of a deck imported
into a real Anki collection, shown as Anki shows it (its HTML and the note type's CSS, with Anki's night-mode
classes for dark mode)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import SEED, write_note
from tests.site.conftest import VAULT
from tests.site.contrast import measure

EXTRA = """\
# 색 확인

- 파드 - 가장 작은 배포 단위이며 `kubectl get pods` 로 봅니다
- 링크 - [[없는 노트]] 와 [[디플로이먼트]] 를 함께 봅니다

서비스는 ==파드== 앞에 서는 {{c2::고정 주소}} 입니다.

서비스 타입::ClusterIP, NodePort, LoadBalancer

데몬셋:::모든 노드에 하나씩

> [!warning] 주의
> 셀렉터는 ==파드 라벨== 과 같아야 합니다.

```yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
  - port: 80
```
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed note and the site fixtures, with a note of every coloured thing, built into a site and a deck."""
    from flashgen.build.pipeline import build

    root = tmp_path_factory.mktemp("contrast")
    vault = root / "vault"
    shutil.copytree(VAULT, vault)
    shutil.copy(SEED / "쿠버네티스 학습 과정.md", vault / "쿠버네티스 학습 과정.md")
    write_note(vault, "색 확인.md", EXTRA)
    result = build(vault, root / "out")
    assert result.site_path is not None and result.deck_path is not None
    return result


@pytest.fixture(scope="module")
def served(built):
    from flashgen.site.server import SiteServer

    server = SiteServer(built.site_path, port=0).start()
    yield server
    server.stop()


PAGES = ["index.html", "notes/디플로이먼트.html", "notes/색 확인.html", "notes/쿠버네티스 학습 과정.html",
         "cards/쿠버네티스 학습 과정.html", "cards/색 확인.html", "timeline.html", "labs/lab6-6.html", "labs/index.html",
         "decks/index.html", "tags/index.html", "404.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_on_the_site_reads_at_4_5_to_1(browser, served, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in PAGES:
            page.goto(served.url + quote(path))
            page.wait_for_load_state("load")
            assert page.evaluate("document.documentElement.dataset.theme") == scheme
            if path.startswith("cards/"):
                page.locator("#study-flip").click()  # the back of a card, with its cloze answers
                page.locator("#browse > summary").click()  # and every card with its answer
            seen, low = measure(page)
            assert seen > 10, path  # the measure saw the page
            problems += [f"{path}: {line}" for line in low]
        page.goto(served.url + "index.html")
        page.locator("#search-input").fill("파드")  # the search results, with their highlighted hits
        page.wait_for_selector(".search-hit")
        problems += [f"search: {line}" for line in measure(page, "#search-results, #search-results *")[1]]
    finally:
        context.close()
    assert not problems, "\n".join(sorted(set(problems)))


def _anki_cards(deck: Path, folder: Path) -> list[tuple[str, str]]:
    """(question, answer) HTML of every card of the package, as Anki renders them (with the note type's CSS)."""
    collection = pytest.importorskip("anki.collection")
    col = collection.Collection(str(folder / "collection.anki2"))
    try:
        col.import_anki_package(collection.ImportAnkiPackageRequest(
            package_path=str(deck), options=collection.ImportAnkiPackageOptions(with_scheduling=False)))
        return [(col.get_card(cid).question(), col.get_card(cid).answer()) for cid in col.find_cards("")]
    finally:
        col.close()


@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
def test_every_text_on_the_anki_cards_reads_at_4_5_to_1(browser, built, tmp_path, night):
    cards = _anki_cards(built.deck_path, tmp_path)
    assert len(cards) > 30
    classes = "card card1" + (" nightMode night_mode" if night else "")
    context = browser.new_context(viewport={"width": 800, "height": 900})
    page = context.new_page()
    try:
        # every side of every card in one page, each in its own element with the classes Anki gives the card's body
        sides = [f'<div class="{classes}" id="side-{number}-{side}">{html}</div>'
                 for number, (question, answer) in enumerate(cards) for side, html in (("q", question), ("a", answer))]
        page.set_content('<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">'
                         + "".join(sides) + "</body></html>")
        kinds = {"cloze in code": page.locator("pre .cloze").count(), "cloze": page.locator(".cloze").count()}
        seen, problems = measure(page)
        assert seen > 4 * len(cards)
    finally:
        context.close()
    assert kinds["cloze in code"] and kinds["cloze"] > kinds["cloze in code"]  # both kinds of blank were seen
    assert not problems, "\n".join(sorted(set(problems)))
