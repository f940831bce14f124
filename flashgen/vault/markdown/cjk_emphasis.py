"""Emphasis that closes before Korean particles, as Obsidian renders `**파드(Pod)**를`."""

from __future__ import annotations

import unicodedata

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Delimiter


def is_cjk(char: str) -> bool:
    """True for Hangul, Kana and CJK ideographs (scripts written without spaces before particles)."""
    if not char:
        return False
    name = unicodedata.name(char, "")
    return name.startswith(("HANGUL", "CJK", "HIRAGANA", "KATAKANA"))


def _tokenize(state: StateInline, silent: bool) -> bool:
    start = state.pos
    marker = state.src[start]
    if silent or marker not in ("_", "*"):
        return False
    scanned = state.scanDelims(start, marker == "*")
    can_open, can_close = scanned.can_open, scanned.can_close
    before = state.src[start - 1] if start > 0 else " "
    end = start + scanned.length
    after = state.src[end] if end < state.posMax else " "
    if marker == "*":
        # CommonMark forbids `**(x)**를`; Korean text needs it: a CJK neighbour counts as a word break
        if not can_close and is_cjk(after) and not before.isspace():
            can_close = True
        if not can_open and is_cjk(before) and not after.isspace():
            can_open = True
    for _ in range(scanned.length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(Delimiter(
            marker=ord(marker), length=scanned.length, token=len(state.tokens) - 1,
            end=-1, open=can_open, close=can_close,
        ))
    state.pos = end
    return True


def cjk_emphasis_plugin(md: MarkdownIt) -> None:
    """Replace the emphasis scanner with one that lets `*`/`**` close before Hangul."""
    md.inline.ruler.at("emphasis", _tokenize)
