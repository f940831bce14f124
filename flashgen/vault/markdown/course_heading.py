"""Numbered lesson lines such as `6-4. DaemonSet` that learners use as section titles."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from flashgen.vault.markdown.lineblock import line_text, push_line_block, starts_with_digit

# `6-2 레플리카 셋`, `6-4. DaemonSet`: two or more 1-2 digit numbers joined by `-`, then a short title.
COURSE_LINE = re.compile(r"^(\d{1,2}(?:-\d{1,2})+)\.?[ \t]+(\S.{0,59}?)[ \t]*$")


def match_course_line(line: str) -> tuple[str, str] | None:
    """The lesson number and title when `line` is a numbered lesson line."""
    match = COURSE_LINE.match(line)
    if not match or match.group(2)[-1] in ".!?:;,":
        return None
    return match.group(1), match.group(2)


def _rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.blkIndent or state.sCount[start_line] > 0 or not starts_with_digit(state, start_line) \
            or state.is_code_block(start_line):
        return False
    text = line_text(state, start_line)
    found = match_course_line(text)
    if not found:
        return False
    if not silent:
        number, title = found
        push_line_block(state, start_line, "course_heading", {"number": number, "title": title}, text.strip())
    return True


def course_heading_plugin(md: MarkdownIt) -> None:
    """Add `course_heading_open` block tokens for top-level numbered lesson lines."""
    md.block.ruler.before("paragraph", "course_heading", _rule, {"alt": ["paragraph"]})
