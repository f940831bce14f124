"""Code fences that know whether they were closed, wherever they stand (in a quote, a callout or a list).

markdown-it ends an unclosed fence at the end of its container without saying so; this plugin wraps its fence
rule and records `meta["closed"]` and `meta["container_end"]` (the fence ran to the end of a quote or list item,
not of the note) by reading the fence's last line as the rule saw it, with the container's markers removed.
"""

from __future__ import annotations

from functools import partial
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

BlockRule = Callable[[StateBlock, int, int, bool], bool]


def _rule(fence: BlockRule, state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    at = state.bMarks[start_line] + state.tShift[start_line]
    if at >= state.eMarks[start_line] or state.src[at] not in "`~":
        return False  # (the fence rule's own first test, without its call: every line of a note comes here)
    count = len(state.tokens)
    if not fence(state, start_line, end_line, silent):
        return False
    if silent or len(state.tokens) == count:
        return True
    token = state.tokens[-1]
    last = state.line - 1
    text = state.src[state.bMarks[last] + state.tShift[last]:state.eMarks[last]]
    closed = last > start_line and state.sCount[last] - state.blkIndent < 4 and text.startswith(token.markup) \
        and not text.rstrip().strip(token.markup[0])
    token.meta = {**(token.meta or {}), "closed": closed, "container_end": not closed and state.level > 0}
    return True


def fence_plugin(md: MarkdownIt) -> None:
    """Wrap the fence rule in one that records whether each fence was closed."""
    ruler = md.block.ruler
    rule = ruler.__rules__[ruler.__find__("fence")]
    fence = rule.fn
    ruler.at("fence", partial(_rule, fence), {"alt": list(rule.alt)})
