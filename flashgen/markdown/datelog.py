"""Dated log lines: a line that is a date (`2024-01-29`) or starts with one opens a study-log entry."""

from __future__ import annotations

import datetime as dt
import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

DATE_LINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?=\s|$)[ \t]*(.*?)[ \t]*$")


def match_date(line: str) -> tuple[dt.date, str] | None:
    """The date and the rest of the line when `line` starts with a valid ISO date."""
    match = DATE_LINE.match(line)
    if not match:
        return None
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return day, match.group(4)


def _rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    line = state.src[begin:state.eMarks[start_line]]
    found = match_date(line)
    if not found:
        return False
    if silent:
        return True
    day, rest = found
    token = state.push("log_date_open", "p", 1)
    token.map = [start_line, start_line + 1]
    token.meta = {"date": day, "text": rest}
    inline = state.push("inline", "", 0)
    inline.content = rest
    inline.map = [start_line, start_line + 1]
    inline.children = []
    state.push("log_date_close", "p", -1)
    state.line = start_line + 1
    return True


def datelog_plugin(md: MarkdownIt) -> None:
    """Add `log_date_open`/`log_date_close` block tokens; they may interrupt a paragraph."""
    md.block.ruler.before("paragraph", "log_date", _rule, {"alt": ["paragraph", "reference", "blockquote", "list"]})
