"""Obsidian comments `%% ... %%`: hidden text that is neither rendered nor turned into cards."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

COMMENT = re.compile(r"%%.*?%%", re.DOTALL)


def strip_comments(text: str) -> str:
    """`text` with Obsidian `%%comments%%` and HTML `<!-- comments -->` removed, line count kept."""
    def blank(match: re.Match) -> str:
        return "\n" * match.group(0).count("\n")
    return HTML_COMMENT.sub(blank, COMMENT.sub(blank, text))


HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _rule(state: StateCore) -> None:
    # whole-block comments are removed before parsing (see parse); inline ones here
    for token in state.tokens:
        if token.type == "inline" and "%%" in token.content:
            token.content = COMMENT.sub("", token.content)


def comments_plugin(md: MarkdownIt) -> None:
    """Drop `%%comments%%` inside paragraphs before inline parsing."""
    md.core.ruler.before("inline", "obsidian_comments", _rule)
