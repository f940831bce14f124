"""Elastic tabstops as Go's text/tabwriter computes them, which is how kubectl aligns `describe` output.

A line's text is cut into cells at each tab; the text after the last tab is not a cell and is never padded. A
column is aligned over a block of consecutive lines that all have a cell in it, so a line without that many tabs
ends the block and the lines after it are aligned afresh. kubectl uses minwidth 0, padding 2 and spaces."""

from __future__ import annotations


def _format(lines: list[list[str]], padding: int) -> list[str]:
    out: list[str] = []
    widths: list[int] = []

    def write(start: int, end: int) -> None:
        for cells in lines[start:end]:
            text = []
            for j, cell in enumerate(cells):
                text.append(cell)
                if j < len(widths) and j < len(cells) - 1:
                    text.append(" " * (widths[j] - len(cell)))
            out.append("".join(text))

    def block(line0: int, line1: int) -> None:
        column = len(widths)
        this = line0
        while this < line1:
            if column >= len(lines[this]) - 1:
                this += 1
                continue
            write(line0, this)
            line0 = this
            width = 0
            while this < line1 and column < len(lines[this]) - 1:
                width = max(width, len(lines[this][column]) + padding)
                this += 1
            widths.append(width)
            block(line0, this)
            widths.pop()
            line0 = this
        write(line0, line1)

    block(0, len(lines))
    return out


def align(text: str, padding: int = 2) -> str:
    """`text` with its tab-separated cells aligned; a form feed (\\f) alone on a line flushes, as kubectl's
    `w.Flush()` does: the lines after it are aligned on their own."""
    out: list[str] = []
    for part in text.replace("\n\f\n", "\f").removeprefix("\f\n").split("\f"):
        lines = part.split("\n")
        out.extend(_format([line.split("\t") for line in lines], padding))
    return "\n".join(out)
