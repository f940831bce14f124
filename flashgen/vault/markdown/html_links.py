"""Raw HTML in notes that names vault files: `<img src="…">` embeds an image, `<a href="…">` links a note or file."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_ATTRIBUTE = {"img": "src", "a": "href", "audio": "src", "video": "src", "source": "src"}
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][\w+.-]*:|//|#)")


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = _ATTRIBUTE.get(tag)
        for name, value in attrs:
            if name == wanted and value and value.strip() and not _EXTERNAL.match(value.strip()):
                self.found.append((self.getpos()[0] - 1, tag, value.strip()))

    handle_startendtag = handle_starttag


def html_file_links(html: str) -> list[tuple[int, bool, str]]:
    """(line offset within `html`, embed, URL) of each tag that names a file of the vault rather than a web
    address: images, audio and video are embeds, anchors are links."""
    lowered = html.lower()
    if "src" not in lowered and "href" not in lowered:
        return []
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return [(line, tag != "a", url) for line, tag, url in scanner.found]
