"""Obsidian comments `%% ... %%` and HTML comments `<!-- ... -->`: hidden text, neither rendered nor made into cards.

A note is cleared of its comments before it is parsed, by one scan that knows where code is: nothing inside a
code fence or an inline code span is a comment, and everything between `%%` and `%%` is, code fences included (an
Excalidraw drawing keeps its data that way). An `%%` that is never closed hides the rest of the note, as
Obsidian's editor shows it, with a warning. Lines are kept, so line numbers stay those of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

# a fence may stand in a quote or a list; a backtick fence's info string holds no backtick
_FENCE = re.compile(r"[ \t]*((?:>[ \t]?)*)[ \t]*(`{3,}|~{3,})([^\n]*)")
_SCAN = re.compile(r"\\[\\`]|`+|%%|<!--|\n")  # an escaped backtick opens no code span
_BLANK_LINE = re.compile(r"\n[ \t>]*\n")


@dataclass(frozen=True)
class Stripped:
    """A text without its comments, and the 1-based line of an `%%` that is never closed (0 when none)."""

    text: str
    unclosed_line: int = 0


def _blank(text: str) -> str:
    return "\n" * text.count("\n")


def _fence_end(text: str, start: int, quoted: bool, marker: str) -> int:
    """Where the fence whose opening line ends at `start` ends: after its closing line, at the end of its quote,
    or at the end of the text."""
    closing = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*" + re.escape(marker[0]) + "{" + str(len(marker)) + r",}[ \t]*(?:\n|$)")
    pos = start
    while pos < len(text):
        if quoted and not re.match(r"[ \t]*>", text[pos:pos + 8]):
            return pos  # a fence in a quote ends with the quote
        if closing.match(text, pos):
            end = text.find("\n", pos)
            return len(text) if end < 0 else end + 1
        end = text.find("\n", pos)
        if end < 0:
            return len(text)
        pos = end + 1
    return len(text)


def strip_comments(text: str) -> Stripped:
    """`text` with `%%comments%%` and `<!-- comments -->` blanked, never inside code, line count kept."""
    if "%%" not in text and "<!--" not in text:
        return Stripped(text)
    out: list[str] = []
    pos, line_start = 0, True
    spans = _CodeSpans(text)
    while pos < len(text):
        if line_start:
            fence = _FENCE.match(text, pos)
            if fence and not (fence.group(2)[0] == "`" and "`" in fence.group(3)):
                end = _fence_end(text, fence.end() + 1, bool(fence.group(1)), fence.group(2))
                out.append(text[pos:end])
                pos, line_start = end, True
                continue
        found = _SCAN.search(text, pos)
        if not found:
            out.append(text[pos:])
            break
        out.append(text[pos:found.start()])
        token, pos, line_start = found.group(), found.end(), False
        if token == "\n":
            out.append(token)
            line_start = True
        elif token[0] == "`":
            pos = spans.end(found.start(), len(token))
            out.append(text[found.start():pos])
        elif token == "%%":
            end = text.find("%%", pos)
            if end < 0:
                out.append(_blank(text[found.start():]))
                return Stripped("".join(out), text.count("\n", 0, found.start()) + 1)
            out.append(_blank(text[found.start():end + 2]))
            pos = end + 2
        elif token == "<!--":
            end = text.find("-->", pos)
            if end < 0:
                out.append(token)
            else:
                comment = text[found.start():end + 3]
                out.append("\n".join(["<!---->"] * (comment.count("\n") + 1)) if _in_html_lines(out, text, end + 3)
                           else _blank(comment))
                pos = end + 3
        else:
            out.append(token)  # an escaped backtick or backslash
    return Stripped("".join(out))


def _in_html_lines(out: list[str], text: str, after: int) -> bool:
    """Whether an HTML comment that fills its lines stands among lines of HTML (`<td>` ⏎ `<!-- … -->` ⏎ `kind`): left
    blank, its line would end the HTML block it is part of, and what follows would no longer be in the table (an
    empty comment keeps the line, and shows nothing)."""
    tail: list[str] = []
    for piece in reversed(out):  # (back to the start of the line before: a few pieces)
        tail.append(piece)
        if sum(part.count("\n") for part in tail) >= 2:
            break
    before = "".join(reversed(tail)).rsplit("\n", 2)
    rest = text[after:text.find("\n", after) if "\n" in text[after:] else len(text)]
    return len(before) >= 2 and not before[-1].strip() and not rest.strip() \
        and before[-2].lstrip(" >").startswith("<")


class _CodeSpans:
    """Finds where inline code spans end; the paragraph end and the failed searches are remembered, so that a
    paragraph of many code spans or lone backticks is read in one pass per backtick count."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraph = (-1, -1)  # (start, end) of the paragraph last looked at
        self.unclosed: dict[int, int] = {}  # a run of N backticks found no closer before this paragraph end

    def end(self, start: int, ticks: int) -> int:
        """The end of the span that opens with `ticks` backticks at `start` (a run of exactly as many closes
        it, within its paragraph), or the end of the opening run when it is never closed."""
        if not self.paragraph[0] <= start < self.paragraph[1]:
            blank = _BLANK_LINE.search(self.text, start)
            self.paragraph = (start, blank.start() if blank else len(self.text))
        limit = self.paragraph[1]
        if self.unclosed.get(ticks) == limit:
            return start + ticks
        found = re.compile(r"(?<!`)`{%d}(?!`)" % ticks).search(self.text, start + ticks, limit)
        if not found:
            self.unclosed[ticks] = limit
            return start + ticks
        return found.end()


def _rule(state: StateCore) -> None:
    # a note's comments are gone before it is parsed (see flashgen.vault.parse); this clears fragments
    for token in state.tokens:
        if token.type == "inline" and ("%%" in token.content or "<!--" in token.content):
            token.content = strip_comments(token.content).text


def comments_plugin(md: MarkdownIt) -> None:
    """Drop comments from paragraphs of text that was not cleared before parsing (card sides, fragments)."""
    md.core.ruler.before("inline", "obsidian_comments", _rule)
