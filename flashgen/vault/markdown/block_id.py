"""Obsidian block ids: `^id` names a block for `[[note#^id]]` and `![[note#^id]]`.

A paragraph or list item takes a trailing ` ^id` (also right after an embed, `![[image.png]]^id`, or on the
next line). A list, quote, callout, table, code block or math block takes `^id` on its own line below it. An id
anywhere in a quote, callout or table names the whole of it, as Obsidian links to no part of one.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

BLOCK_ID = re.compile(r"(?:^|(?<=\s)|(?<=\]\]))\^([A-Za-z0-9-]+)[ \t]*$")
LONE_ID = re.compile(r"^\^([A-Za-z0-9-]+)[ \t]*$")
_WHOLE = ("blockquote_open", "callout_open", "table_open")  # blocks named only as a whole


def _opener(tokens: list[Token], close: int) -> int:
    """The index of the token that opens the block whose closing token is at `close`."""
    if tokens[close].nesting == 0:
        return close
    depth = 0
    for index in range(close, -1, -1):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return close


def block_end(tokens: list[Token], start: int) -> int:
    """The index of the token that closes the block opened at `start` (`start` itself for a block of one token)."""
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _wholes(tokens: list[Token]) -> list[int | None]:
    """For each token, the outermost quote, callout or table that holds it or that it opens: Obsidian links to no
    part of one, so an id anywhere inside names the whole."""
    out: list[int | None] = []
    outer: int | None = None  # the index of the outermost whole that is open, and its depth
    outer_depth = depth = 0
    for index, token in enumerate(tokens):
        if token.nesting == 1:
            depth += 1
            if outer is None and token.type in _WHOLE:
                outer, outer_depth = index, depth
        out.append(outer)
        if token.nesting == -1:
            if outer is not None and depth == outer_depth:
                outer = None
            depth -= 1
    return out


def _name(tokens: list[Token], wholes: list[int | None], owner: int, block_id: str) -> None:
    token = tokens[owner if wholes[owner] is None else wholes[owner]]
    token.meta = {**(token.meta or {}), "block_id": block_id}
    token.attrSet("id", "^" + block_id)


def _table_id_row(tokens: list[Token], tr: int) -> str | None:
    """The id when a table row is only `^id` in its first cell (a line right below a table joins it as a row)."""
    cells = [t.content.strip() for t in tokens[tr:block_end(tokens, tr)] if t.type == "inline"]
    if not cells or any(cells[1:]):
        return None
    match = LONE_ID.match(cells[0])
    return match.group(1) if match else None


def _lone_owner(tokens: list[Token], paragraph: int) -> int | None:
    """What a paragraph that is only `^id` names: the block above it, or the list item or quote it opens."""
    previous = paragraph - 1
    if previous < 0:
        return None
    if tokens[previous].nesting == 1:
        return previous
    owner = _opener(tokens, previous)
    return None if tokens[owner].type == "heading_open" else owner  # a heading is linked by its text


def _rule(state: StateCore) -> None:
    tokens = state.tokens
    wholes = _wholes(tokens)
    drop: set[int] = set()  # the tokens of each id's own line
    table = -1
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            table = i
        elif token.type == "tr_open":
            found = _table_id_row(tokens, i)
            if found:
                _name(tokens, wholes, table, found)
                drop.update(range(i, block_end(tokens, i) + 1))
            continue
        if token.type != "inline" or i == 0:
            continue
        match = BLOCK_ID.search(token.content)
        if not match:
            continue
        before = token.content[:match.start()].rstrip()
        owner: int | None = i - 1
        if not before and tokens[i - 1].type == "paragraph_open":
            owner = _lone_owner(tokens, i - 1)
            if owner is None:
                continue  # nothing to name: the text stays as written
            drop.update((i - 1, i, i + 1))
        elif tokens[i - 1].type == "paragraph_open" and i >= 2 and tokens[i - 2].type == "list_item_open":
            owner = i - 2  # a list item's id belongs to the item, not to its paragraph
        token.content = before
        _name(tokens, wholes, owner, match.group(1))
    if drop:
        tokens[:] = [token for index, token in enumerate(tokens) if index not in drop]  # an id's line is no content
    for j, token in enumerate(tokens[:-1]):
        if token.type == "tbody_open" and tokens[j + 1].type == "tbody_close":
            token.hidden = tokens[j + 1].hidden = True


def block_id_plugin(md: MarkdownIt) -> None:
    """Strip `^id` markers and record each on the opening token of the block it names."""
    md.core.ruler.before("inline", "block_id", _rule)
