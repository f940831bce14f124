"""Cloze deletions in a note's text: `==x==`, `{{x}}`, `**x**` (when chosen) and Anki's own `{{c1::x}}`, each
within one line as the obsidian-spaced-repetition plugin reads them, found and converted in linear time."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from flashgen.cards.spans import code_spans, delimited

ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.+?)\}\}")
SEQUENCE_AND_HINT = re.compile(r"(?:(\d+);;)?(.*?)(?:;;(.*))?")
DEFAULT_SYNTAXES = frozenset({"highlight", "curly"})


@dataclass(frozen=True)
class Deletion:
    """One deletion: where it stands in the text, what it hides, and Anki's number when the author gave one."""

    start: int
    end: int
    inner: str
    number: int | None = None
    hint: str = ""


FENCE = re.compile(r"^[\s>]*(`{3,}|~{3,})")
# the start of a Go template's action: a field (`.Values.port`), a variable (`$name`), a trim marker (`- `), a
# comment (`/*`) or a function the templates of Helm call first (`include`, `toYaml`, `if`, `range` …)
TEMPLATE = re.compile(r"-?\s*(?:\.[A-Za-z]|\$|/\*|(?:include|template|toYaml|toJson|quote|default|required|tpl|"
                      r"if|else|end|range|with|define|block)\b)")


def deletions(text: str, syntaxes: frozenset[str] = DEFAULT_SYNTAXES) -> list[Deletion]:
    """The deletions of `text`, left to right; none inside inline code or a code block (also one indented under a
    list item: `{{date:YYYY-MM-DD}}` in a template is code), none across a line break."""
    found: list[Deletion] = []
    offset = 0
    fence = ""
    for line in text.split("\n"):
        marker = FENCE.match(line)
        if marker and (not fence or marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence)):
            fence = "" if fence else marker.group(1)
        elif not fence and any(mark in line for mark in ("==", "{{", "**")):
            found.extend(_line_deletions(line, offset, syntaxes))
        offset += len(line) + 1
    return found


def _line_deletions(line: str, offset: int, syntaxes: frozenset[str]) -> list[Deletion]:
    code = code_spans(line)
    candidates: list[tuple[int, int, int, int | None]] = []  # start, end, inner start/end, number
    if "{{" in line:
        for start, end in _curly(line):
            anki = ANKI_CLOZE.fullmatch(line, start, end)
            if anki:
                candidates.append((start, end, anki.start(2), int(anki.group(1))))
            elif "curly" in syntaxes and not TEMPLATE.match(line, start + 2):
                candidates.append((start, end, start + 2, None))  # (`{{ .Release.Name }}`, `{{- include … }}`:
                # a Helm or Go template's action, in a manifest written outside a fence, is no deletion)
    for name, mark in (("highlight", "=="), ("bold", "**")):
        if name in syntaxes and mark in line:
            candidates += [(s, e, s + len(mark), None) for s, e in delimited(line, mark)]
    out: list[Deletion] = []
    taken = -1
    starts = [span[0] for span in code]
    for start, end, inner_start, number in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start < taken:
            continue  # inside or across a deletion already found
        if _in_code(code, starts, start) or _in_code(code, starts, end - 1):
            continue  # a marker inside inline code is literal text (code inside a deletion is fine)
        inner = line[inner_start:end - 2]
        hint = ""
        if number is None:
            own = SEQUENCE_AND_HINT.fullmatch(inner)
            if own:  # the plugin's `==2;;answer;;hint==`: a group number and a hint
                number = int(own.group(1)) if own.group(1) else None
                inner, hint = own.group(2), own.group(3) or ""
            if not inner.strip():
                continue
        out.append(Deletion(offset + start, offset + end, inner, number, hint))
        taken = end
    return out


def _in_code(code: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    index = bisect_right(starts, at) - 1
    return index >= 0 and code[index][0] <= at < code[index][1]


def _curly(line: str) -> list[tuple[int, int]]:
    """(start, end) of each `{{…}}`: an opening pair and the next closing pair."""
    spans = []
    at = line.find("{{")
    while at >= 0:
        close = line.find("}}", at + 2)
        if close < 0:
            break
        if close > at + 2:
            spans.append((at, close + 2))
        at = line.find("{{", close + 2)
    return spans


def to_anki_cloze(text: str, syntaxes: frozenset[str] = DEFAULT_SYNTAXES) -> tuple[str, int, tuple[int, ...]]:
    """`text` with every deletion written as Anki's `{{cN::x}}`: the author's own numbers are kept and the
    others numbered after the highest of them; with the count of deletions and the numbers flashgen chose."""
    found = deletions(text, syntaxes)
    own = [d.number for d in found if d.number is not None]
    first = max(own, default=0) + 1
    number = first
    out: list[str] = []
    last = 0
    for deletion in found:
        out.append(text[last:deletion.start])
        if ANKI_CLOZE.fullmatch(text, deletion.start, deletion.end):
            out.append(text[deletion.start:deletion.end])
        else:
            hint = f"::{deletion.hint}" if deletion.hint else ""
            own = deletion.number
            out.append(f"{{{{c{own if own is not None else number}::{deletion.inner}{hint}}}}}")
            number += own is None
        last = deletion.end
    out.append(text[last:])
    return "".join(out), len(found), tuple(range(first, number))
