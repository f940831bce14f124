"""Card sides as HTML, rendered once for both outputs: what an Anki field holds is what the site's study page shows.

Links and embeds are written for Anki, which shows a card with nothing around it: an image, audio, video or PDF
is a media file named by its content (`fg-<sha256>.png`, packed in the deck), a link to a note or heading is an
`obsidian://open` link that opens it in Obsidian, audio and video are Anki's own `[sound:…]`. Each such address
is listed in the sides' `refs` with the vault file it stands for, so that the site can point it at its own copy
(a note's page, a copied image) without rendering the side again."""

from __future__ import annotations

import hashlib
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashgen.render.html import render_cloze, render_markdown
from flashgen.vault.files import attachment_kind
from flashgen.vault.model import Link


@dataclass(frozen=True, slots=True)
class Ref:
    """An address in a card side and the vault file it stands for (a note, with the heading or block a link
    names, or an attachment)."""

    url: str
    path: str
    heading: str = ""
    block: str = ""


@dataclass(frozen=True, slots=True)
class Sides:
    """A card's two sides as HTML. A cloze card's front is its text with Anki's `{{cN::…}}` deletions, and its
    back the extra shown under the answer ("" when there is none)."""

    front: str
    back: str
    media: tuple[tuple[str, str], ...] = ()  # (media name, file on disk) of what the sides show
    refs: tuple[Ref, ...] = ()
    missing: tuple[str, ...] = ()  # the names of missing images and files the sides show placeholders for


def media_name(disk: Path) -> str:
    """`fg-<sha256 of the bytes>.<ext>`: two different files never share a name, an edited file gets a new one."""
    sha = hashlib.sha256()
    with open(disk, "rb") as file:  # read in pieces: a video may be large
        for piece in iter(lambda: file.read(1 << 20), b""):
            sha.update(piece)
    ext = Path(disk).suffix.lower() or ".bin"
    return f"fg-{sha.hexdigest()[:24]}{ext}"


def obsidian_url(vault_name: str, path: str, heading: str = "", block: str = "") -> str:
    """The `obsidian://open` address of a vault file (a note without its `.md`), at a heading or block."""
    file = path[:-3] if path.lower().endswith(".md") else path
    if block:
        file += "#^" + block
    elif heading:
        file += "#" + heading
    return "obsidian://open?" + urllib.parse.urlencode({"vault": vault_name, "file": file},
                                                       quote_via=urllib.parse.quote)


class CardLinker:
    """The Linker for card sides (flashgen.render.html.Linker): addresses as Anki needs them, each listed with
    what it stands for. One per build and process; it remembers each file's media name by its stamp."""

    def __init__(self, vault: Any) -> None:
        self.vault = vault
        self._names: dict[tuple[str, Any], str] = {}
        self.media: dict[str, str] = {}
        self.refs: dict[str, Ref] = {}

    def start(self) -> None:
        """Begin a card: what it shows is collected anew."""
        self.media = {}
        self.refs = {}

    def link(self, link: Link, from_path: str) -> tuple[str | None, bool]:
        if link.external:
            return link.target, True
        vault = self.vault
        target = vault.resolve(link, from_path)
        if target is None:
            return None, vault.resolver.folder(link.target, from_path) is not None  # a folder: shown as text
        if target in vault.resolver.notes:
            if not vault.readable(target):
                return None, False  # a note that is not read (too large): nothing to open
            heading, block = (link.heading or "", link.block or "")
        elif attachment_kind(target):
            heading = block = ""
        else:
            return None, True  # another kind of file: shown as text
        url = obsidian_url(vault.config.vault_name, target, heading, block)
        self.refs[url] = Ref(url, target, heading, block)
        return url, True

    def image(self, link: Link, from_path: str) -> str | None:
        path = self.vault.resolve(link, from_path)
        disk = self.vault.files.get(path) if path else None
        if disk is None or attachment_kind(path) in (None, "canvas", "base"):
            return None
        stamp = self.vault.stamps.get(path)
        name = self._names.get((path, stamp))
        if name is None:
            name = self._names[(path, stamp)] = media_name(disk)
        self.media[name] = str(disk)
        self.refs[name] = Ref(name, path)
        return name

    def transclude(self, link: Link, from_path: str, env: dict[str, Any]) -> str | None:
        return None  # a card shows a link to the embedded note: its text is no part of the card

    def tag_href(self, tag: str) -> str | None:
        return None


def render_sides(card: Any, linker: CardLinker) -> Sides:
    """The sides of a card (flashgen.cards.Card), rendered through `linker`."""
    linker.start()
    env: dict[str, Any] = {"linker": linker, "from": card.note_path, "anki_media": True}
    if card.kind == "cloze":
        front = render_cloze(card.front, env)
        back = render_markdown(card.back, env) if card.back.strip() else ""
    else:
        front, back = render_markdown(card.front, env), render_markdown(card.back, env)
    return Sides(front, back, tuple(sorted(linker.media.items())), tuple(linker.refs.values()),
                 tuple(env.get("missing_images", ())))
