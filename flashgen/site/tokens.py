"""Pieces of a note's token stream: its body, a heading's section, a block, its footnotes."""

from __future__ import annotations

from flashgen.config import Config
from flashgen.vault.model import Note, Section
from flashgen.vault.parse import note_tokens

_COURSE = {True: Config(course_headings=True), False: Config(course_headings=False)}


def all_tokens(note: Note, course_headings: bool = True) -> list:
    """The note's tokens (parsed again for a note an earlier build kept without them)."""
    return list(note_tokens(note, _COURSE[course_headings]))


def body(note: Note, course_headings: bool = True) -> list:
    """Every token of the note but its frontmatter."""
    return [t for t in all_tokens(note, course_headings) if t.type != "front_matter"]


def find_section(note: Note, heading: str) -> Section | None:
    """The section a `#heading` fragment names (see Note.find_section)."""
    return note.find_section(heading)

def section_tokens(note: Note, section: Section, course_headings: bool = True) -> list:
    """The top-level tokens from the section's heading up to the next heading at its level or above."""
    sections = [s for s in note.sections() if s.level]
    end = None
    after = False
    for other in sections:
        if other is section:
            after = True
            continue
        if after and other.line > section.line and other.level <= section.level:
            end = other.line
            break
    return _tokens_in_lines(all_tokens(note, course_headings), section.line, end)


def block_tokens(note: Note, block_id: str, course_headings: bool = True) -> list:
    """The tokens of the paragraph or list item carrying `^block_id`."""
    tokens = all_tokens(note, course_headings)
    for index, token in enumerate(tokens):
        if token.nesting == 1 and token.attrGet("id") == "^" + block_id:
            depth = 0
            for end in range(index, len(tokens)):
                depth += tokens[end].nesting
                if depth == 0:
                    return tokens[index:end + 1]
    return []


def with_footnotes(note: Note, tokens: list, course_headings: bool = True) -> list:
    """The tokens plus the note's footnote list when they cite footnotes but do not include it."""
    cites = any(child.type == "footnote_ref" for t in tokens if t.type == "inline" for child in t.children or [])
    if not cites or any(t.type == "footnote_block_open" for t in tokens):
        return tokens
    every = all_tokens(note, course_headings)
    for index, token in enumerate(every):
        if token.type == "footnote_block_open":
            end = next(j for j in range(index, len(every)) if every[j].type == "footnote_block_close")
            return list(tokens) + every[index:end + 1]
    return tokens


def _tokens_in_lines(tokens: list, first_line: int, end_line: int | None) -> list:
    out = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.level == 0 and token.nesting >= 0 and token.map and token.type != "front_matter":
            start = token.map[0] + 1
            j = i
            if token.nesting == 1:
                depth = 0
                for j in range(i, len(tokens)):
                    depth += tokens[j].nesting
                    if depth == 0:
                        break
            if start >= first_line and (end_line is None or start < end_line):
                out.extend(tokens[i:j + 1])
            i = j + 1
            continue
        i += 1
    return out
