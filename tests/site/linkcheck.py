"""A link checker for a built site: every href, src and anchor must lead to a file and id that exist."""

from __future__ import annotations

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


def check_site(root: Path) -> tuple[list[str], int]:
    """(problems, number of internal references checked) for every HTML page under root; links marked
    `is-unresolved` are broken links of the notes, which the build reports, so they are not checked here."""
    pages: dict[str, _Collect] = {}
    for file in root.rglob("*.html"):
        parser = _Collect()
        parser.feed(file.read_text(encoding="utf-8"))
        pages[file.relative_to(root).as_posix()] = parser
    problems, checked = [], 0
    for page, parsed in sorted(pages.items()):
        for tag, attr, url in parsed.refs:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                continue  # external: not the site's business
            checked += 1
            path = unquote(parts.path)
            target = page if not path else posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            if target.startswith("../"):
                problems.append(f"{page}: {attr}={url!r} leaves the site")
                continue
            if not (root / target).is_file():
                problems.append(f"{page}: {attr}={url!r} -> {target} does not exist")
                continue
            if parts.fragment and target.endswith(".html"):  # a PDF's `#page=2` is for its viewer
                fragment = unquote(parts.fragment)
                ids = pages[target].ids if target in pages else set()
                if fragment not in ids:
                    problems.append(f"{page}: {attr}={url!r} -> no id {fragment!r} in {target}")
    return problems, checked
