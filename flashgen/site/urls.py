"""Where each page and copied image lives in the site, and relative URLs between them."""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from flashgen.vault.files import attachment_kind
from flashgen.vault.slug import slugify

_UNSAFE = re.compile(r'[#?%\\:*"<>|\x00-\x1f]')


def _safe_part(part: str) -> str:
    part = _UNSAFE.sub("-", unicodedata.normalize("NFC", part)).strip()
    return part.strip(".") or "_"


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


class SiteUrls:
    """Site paths (POSIX, relative to the site root) for notes, tags, decks, labs and images."""

    def __init__(self, note_paths: list[str]) -> None:
        self._notes: dict[str, str] = {}
        taken: set[str] = set()
        for path in sorted(note_paths):
            stem = path[:-3] if path.lower().endswith(".md") else path
            site = "notes/" + "/".join(_safe_part(p) for p in stem.split("/")) + ".html"
            if site.lower() in taken:  # case-insensitive file systems: keep every page apart
                site = site[:-5] + "-" + _short_hash(path) + ".html"
            taken.add(site.lower())
            self._notes[path] = site
        self._tags: dict[str, str] = {}
        self._decks: dict[str, str] = {}
        self._images: dict[str, str] = {}
        self.trace: list[str] | None = None  # when a list, image() adds each vault image asked for to it

    def note(self, path: str) -> str:
        """The page of a note."""
        return self._notes[path]

    def note_cards(self, path: str) -> str:
        """The flashcards page of a note."""
        return "cards/" + self._notes[path][len("notes/"):]

    def tag(self, tag: str) -> str:
        """The page listing a tag's notes (nested tags `a/b` get their own page)."""
        if tag not in self._tags:
            self._tags[tag] = f"tags/{slugify(tag.replace('/', '-'))}-{_short_hash(tag.lower())}.html"
        return self._tags[tag]

    def deck(self, deck: str) -> str:
        """The study page of a deck."""
        if deck not in self._decks:
            self._decks[deck] = f"decks/{slugify(deck.replace('::', '-'))}-{_short_hash(deck)}.html"
        return self._decks[deck]

    def deck_data(self, path: str) -> str:
        """The script with a note's cards, rendered for the deck pages (which all live in `decks/`)."""
        return "decks/data/" + self._notes[path][len("notes/"):-len(".html")] + ".js"

    @staticmethod
    def timeline_month(month: str) -> str:
        """The timeline page of one month (`2024-01`)."""
        return f"timeline/{month}.html"

    @staticmethod
    def lab(lab_id: str) -> str:
        """The page of a hands-on lab."""
        return f"labs/{slugify(lab_id)}.html"

    def image(self, vault_path: str) -> str:
        """Where a vault image (or audio, video, PDF, canvas) is copied: its name made safe plus a hash of its
        vault path, so two files with the same name in different folders never collide."""
        if self.trace is not None:
            self.trace.append(vault_path)
        if vault_path not in self._images:
            stem, ext = posixpath.splitext(posixpath.basename(vault_path))
            folder = "img" if attachment_kind(vault_path) == "image" else "files"
            self._images[vault_path] = f"assets/{folder}/{slugify(stem)[:60]}-{_short_hash(vault_path)}{ext.lower()}"
        return self._images[vault_path]

    def used_images(self) -> dict[str, str]:
        """Vault path -> site path of every image a page used."""
        return dict(self._images)


def relative(from_page: str, to_path: str, fragment: str | None = None) -> str:
    """A percent-encoded URL from one site page to another site path, working from file:// and any sub-path."""
    url = _relative_url(posixpath.dirname(from_page), to_path)
    if fragment:
        url += "#" + quote(fragment, safe="-_.~")
    return url


@lru_cache(maxsize=1 << 16)
def _relative_url(base: str, to_path: str) -> str:
    """`to_path` relative to the folder `base` (both site paths, no `..` in them), percent-encoded."""
    here = base.split("/") if base else []
    there = to_path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return quote("/".join([".."] * (len(here) - common) + there[common:]), safe="/-_.~")


def root_of(page: str) -> str:
    """The relative URL of the site root from a page ('' or '../../')."""
    depth = page.count("/")
    return "../" * depth
