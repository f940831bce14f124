"""Dated log lines: a line that is a date (`2024-01-29`) or starts with one opens a study-log entry."""

from __future__ import annotations

import datetime as dt
import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from flashgen.vault.markdown.lineblock import line_text, push_line_block, starts_with_digit

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
    if not starts_with_digit(state, start_line) or state.is_code_block(start_line):
        return False
    found = match_date(line_text(state, start_line))
    if not found:
        return False
    if not silent:
        day, rest = found
        push_line_block(state, start_line, "log_date", {"date": day, "text": rest}, rest)
    return True


def datelog_plugin(md: MarkdownIt) -> None:
    """Add `log_date_open`/`log_date_close` block tokens; they may interrupt a paragraph."""
    md.block.ruler.before("paragraph", "log_date", _rule, {"alt": ["paragraph", "reference", "blockquote", "list"]})
