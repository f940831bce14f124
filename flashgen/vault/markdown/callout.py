"""Obsidian callouts: a blockquote whose first line is `[!type]` (with `+`/`-` folding and a title).

The title is inline markdown (code, links, emphasis), parsed like any other line: the callout's tokens are
`callout_open`, `callout_title_open`, an `inline` token with the title, `callout_title_close`, its content and
`callout_close`.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

CALLOUT_LINE = re.compile(r"^\[!([\w-]+)\]([+-]?)[ \t]*(.*)$")


def _title_tokens(opener: Token, title: str) -> list[Token]:
    line = [opener.map[0], opener.map[0] + 1] if opener.map else None
    head = Token("callout_title_open", "div", 1, map=line, level=opener.level + 1, block=True, meta=opener.meta)
    inline = Token("inline", "", 0, map=line, level=opener.level + 2, content=title, children=[], block=True)
    tail = Token("callout_title_close", "div", -1, level=opener.level + 1, block=True, meta=opener.meta)
    return [head, inline, tail]


def _rule(state: StateCore) -> None:
    tokens = state.tokens
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token.type != "blockquote_open" or i + 1 >= len(tokens):
            continue
        if tokens[i].type != "paragraph_open" or tokens[i + 1].type != "inline":
            continue
        inline = tokens[i + 1]
        first, _, rest = inline.content.partition("\n")
        match = CALLOUT_LINE.match(first.strip())
        if not match:
            continue
        kind = match.group(1).lower()
        token.type = "callout_open"
        token.meta = {"kind": kind, "fold": match.group(2)}
        _close_of(tokens, i - 1).type = "callout_close"
        inline.content = rest
        for shifted in (tokens[i], inline):  # the paragraph now starts on the line below the title
            if shifted.map and rest.strip():
                shifted.map = [shifted.map[0] + 1, shifted.map[1]]
        if not rest.strip():
            # the callout has only a title line: drop its now empty paragraph
            tokens[i].hidden = tokens[i + 2].hidden = True
            inline.content = ""
        title = match.group(3).strip() or kind.capitalize()
        tokens[i:i] = _title_tokens(token, title)
        i += 3


def _close_of(tokens: list[Token], start: int) -> Token:
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
    """Turn `> [!note] Title` blockquotes into callout tokens with an inline title."""
    md.core.ruler.before("inline", "callout", _rule)
