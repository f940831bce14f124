"""Obsidian highlights `==text==` as `<mark>`."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline


def _tokenize(state: StateInline, silent: bool) -> bool:
    start = state.pos
    src = state.src
    maximum = state.posMax
    if not src.startswith("==", start) or src.startswith("===", start):
        return False
    if start + 2 >= maximum or src[start + 2].isspace():
        return False
    state.pos = start + 2
    found = False
    while state.pos < maximum:
        if src.startswith("==", state.pos) and not src[state.pos - 1].isspace():
            found = True
            break
        state.md.inline.skipToken(state)
    if not found:
        state.pos = start
        return False
    close = state.pos
    if silent:  # a rule that matches in silent mode must move past what it matched (inside links, nesting)
        state.pos = close + 2
        return True
    state.posMax = close
    state.pos = start + 2
    token = state.push("mark_open", "mark", 1)
    token.markup = "=="
    state.md.inline.tokenize(state)
    token = state.push("mark_close", "mark", -1)
    token.markup = "=="
    state.pos = close + 2
    state.posMax = maximum
    return True


def highlight_plugin(md: MarkdownIt) -> None:
    """Add `mark_open`/`mark_close` tokens for `==highlights==`."""
    md.inline.ruler.before("emphasis", "highlight", _tokenize)
