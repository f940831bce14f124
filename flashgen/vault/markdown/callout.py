"""Obsidian callouts: a blockquote whose first line is `[!type]` (with `+`/`-` folding and a title)."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

CALLOUT_LINE = re.compile(r"^\[!([\w-]+)\]([+-]?)[ \t]*(.*)$")


def _rule(state: StateCore) -> None:
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "blockquote_open" or i + 2 >= len(tokens):
            continue
        if tokens[i + 1].type != "paragraph_open" or tokens[i + 2].type != "inline":
            continue
        inline = tokens[i + 2]
        first, _, rest = inline.content.partition("\n")
        match = CALLOUT_LINE.match(first.strip())
        if not match:
            continue
        kind = match.group(1).lower()
        token.type = "callout_open"
        token.meta = {"kind": kind, "fold": match.group(2), "title": match.group(3).strip() or kind.capitalize()}
        _close_of(tokens, i).type = "callout_close"
        inline.content = rest
        if not rest.strip():
            # the callout has only a title line: drop its now empty paragraph
            tokens[i + 1].hidden = tokens[i + 3].hidden = True
            inline.content = ""


def _close_of(tokens, start: int):
    depth = 0
    for token in tokens[start:]:
        if token.type in ("blockquote_open", "callout_open"):
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
            if depth == 0:
                return token
    raise ValueError("unbalanced blockquote")


def callout_plugin(md: MarkdownIt) -> None:
    """Turn `> [!note] Title` blockquotes into `callout_open`/`callout_close` tokens."""
    md.core.ruler.before("inline", "callout", _rule)
