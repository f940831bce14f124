"""Obsidian `#tags`, including Korean and nested `#k8s/pod`, as inline tokens."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

# Obsidian allows letters of any script, digits, `_`, `-` and `/`; a tag needs one non-digit.
TAG_RE = re.compile(r"#([^\W\d_]|[\d_\-/]*[^\W\d])[\w\-/]*", re.UNICODE)


def find_tag(text: str, pos: int) -> str | None:
    """The tag (without `#`) that starts at text[pos], or None."""
    if pos > 0 and not text[pos - 1].isspace() and text[pos - 1] not in "([{,":
        return None
    match = TAG_RE.match(text, pos)
    if not match:
        return None
    return match.group(0)[1:].rstrip("/")


def _tokenize(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "#":
        return False
    tag = find_tag(state.src, state.pos)
    if not tag:
        return False
    if not silent:
        token = state.push("tag", "", 0)
        token.content = tag
        token.markup = "#"
        token.meta = {"tag": tag}
    state.pos += len(tag) + 1
    return True


def tag_plugin(md: MarkdownIt) -> None:
    """Add `tag` inline tokens."""
    md.inline.ruler.before("text", "tag", _tokenize)
    stop_text_at(md, "#")


def stop_text_at(md: MarkdownIt, char: str) -> None:
    """Make the `text` rule stop at `char` so that an inline rule can fire there."""
    add = getattr(md.inline, "add_terminator_char", None)
    if add is not None:
        add(char)
