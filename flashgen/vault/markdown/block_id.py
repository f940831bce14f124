"""Obsidian block ids: a trailing `^id` names a paragraph or list item for `[[note#^id]]`."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

BLOCK_ID = re.compile(r"(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$")


def _rule(state: StateCore) -> None:
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "inline" or i == 0:
            continue
        match = BLOCK_ID.search(token.content)
        if not match:
            continue
        token.content = token.content[:match.start()].rstrip()
        owner = tokens[i - 1]
        # a list item's id belongs to the item, not to its paragraph
        if i >= 2 and owner.type == "paragraph_open" and tokens[i - 2].type == "list_item_open":
            owner = tokens[i - 2]
        owner.meta = {**(owner.meta or {}), "block_id": match.group(1)}
        owner.attrSet("id", "^" + match.group(1))


def block_id_plugin(md: MarkdownIt) -> None:
    """Strip trailing `^id` markers and record them on the block's opening token."""
    md.core.ruler.before("inline", "block_id", _rule)
