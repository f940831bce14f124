"""Obsidian wikilinks `[[name#heading|alias]]` and embeds `![[image.png|300x200]]` as inline tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

_SIZE = re.compile(r"^\s*(\d+)\s*(?:x\s*(\d+))?\s*$")


@dataclass(frozen=True)
class WikiTarget:
    """The parts of what stands between `[[` and `]]`."""

    target: str  # the file or note name, may be "" for a link into the same note
    heading: str | None
    block: str | None
    alias: str | None
    width: int | None
    height: int | None


def split_wikilink(inner: str, embed: bool) -> WikiTarget:
    """Split `name#heading|alias` (or `name|300x200` for an embed) into its parts."""
    inner = inner.replace("\\|", "|")
    name, _, alias = inner.partition("|")
    width = height = None
    if embed and alias:
        size = _SIZE.match(alias)
        if size:
            width = int(size.group(1))
            height = int(size.group(2)) if size.group(2) else None
            alias = ""
    heading = block = None
    if "#" in name:
        name, _, fragment = name.partition("#")
        fragment = fragment.strip()
        if fragment.startswith("^"):
            block = fragment[1:]
        elif fragment:
            # `[[note#a#b]]` names a nested heading; Obsidian matches the last part
            heading = fragment.split("#")[-1].strip()
    return WikiTarget(name.strip(), heading, block, alias.strip() or None, width, height)


def _tokenize(state: StateInline, silent: bool) -> bool:
    pos = state.pos
    src = state.src
    embed = src.startswith("![[", pos)
    if not embed and not src.startswith("[[", pos):
        return False
    start = pos + (3 if embed else 2)
    end = src.find("]]", start, state.posMax)
    if end < 0:
        return False
    inner = src[start:end]
    if not inner.strip() or "\n" in inner or "[[" in inner:
        return False
    if not silent:
        parts = split_wikilink(inner, embed)
        token = state.push("wikiembed" if embed else "wikilink", "", 0)
        token.content = inner
        token.markup = src[pos:end + 2]
        token.meta = {"target": parts, "embed": embed}
    state.pos = end + 2
    return True


def wikilink_plugin(md: MarkdownIt) -> None:
    """Add the `wikilink` and `wikiembed` inline tokens (rendered by the emitter's renderer rules)."""
    md.inline.ruler.before("link", "wikilink", _tokenize)
