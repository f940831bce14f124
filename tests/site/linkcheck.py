"""A link checker for a built site: every href, src and anchor must lead to a file and id that exist, and so must
every address in the card data the study page reads (`cards/NAME.js`): what `study.html#note=NAME&card=ID`
names, the notes' pages and sections the cards come from, and where the site keeps what a card side shows."""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.unresolved: list[str] = []  # hrefs of links the build reported as broken

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if "is-unresolved" in (values.get("class") or ""):
            self.unresolved.append(values.get("href") or "")
            return
        for attr in ("href", "src"):
            if values.get(attr) is not None:
                self.refs.append((tag, attr, values[attr]))


def card_data(root: Path, name: str) -> dict | None:
    """What `cards/NAME.js` registers for the study page, or None when there is no such file."""
    file = root / "cards" / (name + ".js")
    if not file.is_file():
        return None
    text = file.read_text(encoding="utf-8")
    return json.loads(text[text.index("]=") + 2:].rstrip().rstrip(";"))


def check_site(root: Path) -> tuple[list[str], int]:
    """(problems, number of internal references checked) for every HTML page and card data script under root;
    links marked `is-unresolved` are broken links of the notes, which the build reports, so they are not
    checked here."""
    pages: dict[str, _Collect] = {}
    for file in root.rglob("*.html"):
        parser = _Collect()
        parser.feed(file.read_text(encoding="utf-8"))
        pages[file.relative_to(root).as_posix()] = parser
    problems, checked = [], 0

    def check(page: str, attr: str, url: str) -> None:
        nonlocal checked
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//"):
            return  # external: not the site's business
        checked += 1
        path = unquote(parts.path)
        target = page if not path else posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if target.startswith("../"):
            problems.append(f"{page}: {attr}={url!r} leaves the site")
            return
        if not (root / target).is_file():
            problems.append(f"{page}: {attr}={url!r} -> {target} does not exist")
            return
        if target == "study.html" and parts.fragment:
            problems.extend(f"{page}: {attr}={url!r} -> {problem}" for problem in _study_problems(root, parts.fragment))
        elif parts.fragment and target.endswith(".html"):  # a PDF's `#page=2` is for its viewer
            fragment = unquote(parts.fragment)
            ids = pages[target].ids if target in pages else set()
            if fragment not in ids:
                problems.append(f"{page}: {attr}={url!r} -> no id {fragment!r} in {target}")

    for page, parsed in sorted(pages.items()):
        for tag, attr, url in parsed.refs:
            check(page, attr, url)
    for file in sorted((root / "cards").rglob("*.js")) if (root / "cards").is_dir() else []:
        name = file.relative_to(root / "cards").as_posix()[:-3]
        data = card_data(root, name)
        check("study.html", "page", data["page"])
        for card in data["cards"]:
            check("study.html", "at", data["page"] + ("#" + card["at"][0] if card["at"][0] else ""))
        for url, target in data["refs"].items():
            check("study.html", url, target)
    return problems, checked


def _study_problems(root: Path, fragment: str) -> list[str]:
    """What is wrong with the study page's address `#note=NAME&card=ID` (a deck names no file)."""
    asked = dict(part.split("=", 1) for part in fragment.split("&") if "=" in part)
    if "note" not in asked:
        return []
    data = card_data(root, unquote(asked["note"]))
    if data is None:
        return [f"no card data for the note {unquote(asked['note'])!r}"]
    if "card" in asked and unquote(asked["card"]) not in {card["id"] for card in data["cards"]}:
        return [f"no card {unquote(asked['card'])!r} in the data of {unquote(asked['note'])!r}"]
    return []
