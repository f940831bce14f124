"""What the site makes of a note on its own, where the note was just parsed: its page's content (with holes
for what other notes decide), the images it shows, its search records and its study log's facts."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

from flashgen.render.html import render_tokens
from flashgen.site import search_index
from flashgen.site.linker import Hole, LinkTargets, SiteLinker
from flashgen.site.timeline import entry_facts
from flashgen.site.tokens import body
from flashgen.site.urls import SiteUrls, relative
from flashgen.vault.model import Note


@dataclass(frozen=True)
class NotePart:
    """A note's share of the site, made from the note alone. Its page's content and search records are held
    compressed: every note's part waits for the site to be written, and they are most of a build's memory."""

    packed_content: bytes  # the page's rendered note, with holes (SiteLinker.fill), as zlib'd UTF-8
    holes: tuple[Hole, ...]
    images: tuple[str, ...]  # vault paths of the images and files the content shows (copied into the site)
    packed_search: bytes  # the note's search records, encoded (search_index.encode_records), as zlib'd UTF-8
    timeline: tuple  # (topics, preview) of each study-log entry (timeline.entry_facts)
    inline_title: bool  # whether the page shows the title (not when the note opens with it as its heading)

    @property
    def content(self) -> str:
        return zlib.decompress(self.packed_content).decode("utf-8")

    @property
    def search(self) -> str:
        return zlib.decompress(self.packed_search).decode("utf-8")


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 1)


def note_part(note: Note, vault: Any, urls: SiteUrls, cards: int = 0,
              code_warnings: dict[int, tuple[str, tuple[str, ...]]] | None = None) -> NotePart:
    """The site's part of a whole note (its tokens at hand, or parsed again from its text) with `cards` cards
    (as Anki counts them)."""
    page = urls.note(note.path)
    holes: list[Hole] = []
    targets = LinkTargets(vault, urls, set(note.tag_names), vault.config.course_headings)
    env: dict[str, Any] = {"linker": SiteLinker(targets, page, note, holes), "from": note.path,
                           "code_warnings": code_warnings}
    urls.trace = []
    try:
        content = render_tokens(body(note, vault.config.course_headings), env, vault.config.course_headings)
        images = tuple(dict.fromkeys(urls.trace))
    finally:
        urls.trace = None
    records = search_index.note_records(note, relative("index.html", page), cards)
    first = next((s for s in note.sections() if s.level), None)
    inline_title = not (first and first.level == 1 and first.title == note.title and
                        not any(block.kind != "html" for block in note.root.blocks))
    return NotePart(_pack(content), tuple(holes), images, _pack(search_index.encode_records(records)),
                    tuple(entry_facts(note)), inline_title)
