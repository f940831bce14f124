"""Where inline markup starts and ends in a line of markdown, found in one pass: code spans, links, URLs,
HTML tags and delimiter pairs (`**x**`, `==x==`), so that card rules never split text inside them."""

from __future__ import annotations

from functools import lru_cache

import re

FILL = "\u2591"
URL = re.compile(r"(?:https?|ftp)://[^\s<>]+|www\.[^\s<>]+")
WIKILINK = re.compile(r"!?\[\[[^\[\]\n]*\]\]")
MD_LINK = re.compile(r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"\n]*\")?\)")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
PAREN = re.compile(r"\([^()\n]{1,80}\)")
BRACKETED = re.compile(r"\[[^\[\]\n]{1,80}\]")  # `[::1]`, `[note: x]`: one thing, not text to split
QUOTED = re.compile(r'"[^"\n]{1,80}"|“[^”\n]{1,80}”|「[^」\n]{1,80}」')


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every inline code span, as CommonMark pairs backtick runs of equal length; linear."""
    if "`" not in text:
        return []
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", text)]
    following: list[int | None] = [None] * len(runs)  # index of the next run of the same length
    seen: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        size = runs[index][1] - runs[index][0]
        following[index] = seen.get(size)
        seen[size] = index
    spans = []
    index = 0
    while index < len(runs):
        closer = following[index]
        if closer is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closer][1]))
        index = closer + 1
    return spans


def delimited(line: str, mark: str, intraword: bool = True) -> list[tuple[int, int]]:
    """(start, end) of the outermost `mark`…`mark` pairs of one line: an opener is followed by a non-space, a
    closer follows a non-space (as Obsidian reads `==x==` and `**x**`); a pair may hold other pairs. Runs of
    the mark's character longer than the mark are neither. Without `intraword`, a mark between two letters
    or digits is neither (`snake_case`). Linear in the line."""
    size = len(mark)
    found: list[tuple[int, int]] = []
    stack: list[tuple[int, list[tuple[int, int]]]] = []  # opener position, pairs closed inside it
    at = line.find(mark)
    while at >= 0:
        end = at + size
        run_end = end
        while run_end < len(line) and line[run_end] == mark[0]:
            run_end += 1
        if (at > 0 and line[at - 1] == mark[0]) or run_end - at > size:
            at = line.find(mark, run_end)
            continue
        before = line[at - 1] if at else " "
        after = line[end] if end < len(line) else " "
        word = not intraword and before.isalnum() and after.isalnum()
        if stack and not before.isspace() and at > stack[-1][0] + size and not word \
                and (intraword or not after.isalnum()):
            start, inner = stack.pop()
            (stack[-1][1] if stack else found).append((start, end))
        elif not after.isspace() and not word and (intraword or not before.isalnum()):
            stack.append((at, []))
        at = line.find(mark, end)
    while stack:  # openers never closed: what they hold stands on its own
        _, inner = stack.pop()
        (stack[-1][1] if stack else found).extend(inner)
    return sorted(found)


def markup_spans(line: str, emphasis: bool = True) -> list[tuple[int, int, int]]:
    """(start, end, keep) of the inline markup of one line: code spans, URLs, links, embeds, HTML tags and (with
    `emphasis`) `**`, `__`, `*`, `_`, `==`, `~~` pairs, quoted text and remarks in brackets; `keep` is how many
    characters at each end are the markup's own delimiters."""
    spans = [(s, e, 0) for s, e in code_spans(line)]
    if "://" in line or "www." in line:
        spans += [(m.start(), m.end(), 0) for m in URL.finditer(line)]
    if "[" in line:
        spans += [(m.start(), m.end(), 2) for m in WIKILINK.finditer(line)]
        spans += [(m.start(), m.end(), 1) for m in MD_LINK.finditer(line)]
    if "<" in line:
        spans += [(m.start(), m.end(), 1) for m in HTML_TAG.finditer(line)]
    if emphasis and any(q in line for q in ('"', "“", "「")):
        spans += [(m.start(), m.end(), 1) for m in QUOTED.finditer(line)]  # a quoted label is one thing
    if emphasis and "(" in line:
        spans += [(m.start(), m.end(), 1) for m in PAREN.finditer(line)]  # `(e.g., Docker Hub: nginx)`: a remark
    if "[" in line:  # (emphasis or not: a separator in `Forwarding from [::1]:8080` is none)
        spans += [(m.start(), m.end(), 1) for m in BRACKETED.finditer(line)]
    if emphasis:
        for mark in ("**", "__", "==", "~~"):
            if mark in line:
                spans += [(s, e, len(mark)) for s, e in delimited(line, mark, intraword=mark != "__")]
        for mark in ("*", "_"):
            if mark in line:
                spans += [(s, e, 1) for s, e in delimited(line, mark, intraword=mark == "*")]
    return _outermost(spans)


def _outermost(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The spans not inside an earlier one (the first to open wins where two cross)."""
    out: list[tuple[int, int, int]] = []
    end = -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[0] >= end:
            out.append(span)
            end = span[1]
    return out


@lru_cache(maxsize=1 << 14)
def mask_markup(text: str, emphasis: bool = True) -> str:
    """`text` with the inside of its inline markup replaced by filler of the same length (positions kept, the
    markup's own delimiters such as `**` and `[`/`]` kept), line by line."""
    if not any(c in text for c in "`:w[<*_=~(\"“「"):
        return text
    out = []
    for line in text.split("\n"):
        spans = markup_spans(line, emphasis)
        if not spans:
            out.append(line)
            continue
        chars = list(line)
        for start, end, keep in spans:
            for index in range(start + keep, max(start + keep, end - keep)):
                chars[index] = FILL
        out.append("".join(chars))
    return "\n".join(out)
