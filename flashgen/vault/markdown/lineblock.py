"""Shared helpers for block rules that turn one whole line into a block (dates, lesson lines)."""

from __future__ import annotations

from typing import Any

from markdown_it.rules_block import StateBlock


def line_text(state: StateBlock, line: int) -> str:
    """The line's text without its indentation."""
    return state.src[state.bMarks[line] + state.tShift[line]:state.eMarks[line]]


def starts_with_digit(state: StateBlock, line: int) -> bool:
    """Whether the line's text (after its indentation) begins with an ASCII digit: a quick test before the
    rules that read dates and lesson numbers look at the whole line."""
    at = state.bMarks[line] + state.tShift[line]
    return at < state.eMarks[line] and "0" <= state.src[at] <= "9"


def push_line_block(state: StateBlock, line: int, name: str, meta: dict[str, Any], content: str) -> None:
    """Emit `<name>_open`, an inline token with `content`, and `<name>_close` for one source line."""
    token = state.push(f"{name}_open", "p", 1)
    token.map = [line, line + 1]
    token.meta = meta
    inline = state.push("inline", "", 0)
    inline.content = content
    inline.map = [line, line + 1]
    inline.children = []
    state.push(f"{name}_close", "p", -1)
    state.line = line + 1
