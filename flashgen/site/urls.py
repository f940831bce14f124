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
STUDY_PAGE = "study.html"  # the one study page: a note's cards, a deck's, every card with its answer


def _safe_part(part: str) -> str:
    part = _UNSAFE.sub("-", unicodedata.normalize("NFC", part)).strip()
    return part.strip(".") or "_"


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


MAX_NAME_BYTES = 180  # a site file's name, before its extension: file systems take at most 255 bytes


def fit(name: str, limit: int = MAX_NAME_BYTES, mark: bool = True) -> str:
    """A file name part no longer than `limit` UTF-8 bytes: a longer one is cut (at a character) and, with
    `mark`, gets a hash of the whole, so that two long names sharing a beginning stay apart (without it, the
    caller adds a hash of its own)."""
    data = name.encode("utf-8", "surrogatepass")
    if len(data) <= limit:
        return name
    if not mark:
        return data[:limit].decode("utf-8", "ignore")
    return data[:limit - 9].decode("utf-8", "ignore").rstrip() + "-" + _short_hash(name)


class SiteUrls:
    """Site paths (POSIX, relative to the site root) for notes, tags, decks, labs and images."""

    def __init__(self, note_paths: list[str]) -> None:
        self._notes: dict[str, str] = {}
        self.shortened: list[str] = []  # notes whose names are too long for their pages' file names
        taken: set[str] = set()
        for path in sorted(note_paths):
            stem = path[:-3] if path.lower().endswith(".md") else path
            parts = [_safe_part(p) for p in stem.split("/")]
            fitted = [fit(p) for p in parts]
            if fitted != parts:
                self.shortened.append(path)
            site = "notes/" + "/".join(fitted) + ".html"
            if site.lower() in taken:  # case-insensitive file systems: keep every page apart
                site = site[:-5] + "-" + _short_hash(path) + ".html"
            taken.add(site.lower())
            self._notes[path] = site
        self._tags: dict[str, str] = {}
        self._folders: dict[str, str] = {}
        self._images: dict[str, str] = {}
        self.trace: list[str] | None = None  # when a list, image() adds each vault image asked for to it

    def again(self) -> SiteUrls:
        """The same notes' pages for another build of the same notes (worked out once), and nothing else asked of
        it yet: the images a build's pages show are its own."""
        other = SiteUrls([])
        other._notes, other.shortened = self._notes, self.shortened
        return other

    def note(self, path: str) -> str:
        """The page of a note."""
        return self._notes[path]

    def note_id(self, path: str) -> str:
        """The name of a note on the study page (`study.html#note=…`): its page's path under `notes/`, without
        `.html`."""
        return self._notes[path][len("notes/"):-len(".html")]

    def card_data(self, path: str) -> str:
        """The script with a note's cards, which the study page and search load."""
        return "cards/" + self.note_id(path) + ".js"

    def study(self, page: str, note: str | None = None, deck: str | None = None, card: str | None = None) -> str:
        """The URL from `page` of the study page, studying a note's cards (its path) or a deck's, or at one card
        of a note in the list of its cards."""
        parts = []
        if note is not None:
            parts.append("note=" + quote(self.note_id(note), safe="/"))
        if deck is not None:
            parts.append("deck=" + quote(deck, safe=":"))
        if card is not None:
            parts.append("card=" + quote(card, safe=""))
        return relative(page, STUDY_PAGE) + ("#" + "&".join(parts) if parts else "")

    def tag(self, tag: str, part: int = 1) -> str:
        """The page listing a tag's notes (nested tags `a/b` get their own page), or its `part`-th page."""
        if tag not in self._tags:
            self._tags[tag] = f"tags/{fit(slugify(tag.replace('/', '-')), mark=False)}-{_short_hash(tag.lower())}"
        return self._tags[tag] + (f"-{part}" if part > 1 else "") + ".html"

    def folder(self, folder: str, part: int = 1) -> str:
        """The page listing a folder's notes ("" for the vault's top), or its `part`-th page when it is long."""
        if folder not in self._folders:
            name = fit(slugify(folder.replace("/", "-")), mark=False) if folder else "top"
            self._folders[folder] = f"folders/{name}-{_short_hash(folder)}"
        return self._folders[folder] + (f"-{part}" if part > 1 else "") + ".html"

    @staticmethod
    def timeline_month(month: str, part: int = 1) -> str:
        """The timeline page of one month (`2024-01`), or its `part`-th page when the month is long."""
        return f"timeline/{month}" + (f"-{part}" if part > 1 else "") + ".html"

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
            self._images[vault_path] = (f"assets/{folder}/{fit(slugify(stem)[:60], 120, mark=False)}-"
                                        f"{_short_hash(vault_path)}{fit(ext.lower(), 16, mark=False)}")
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
