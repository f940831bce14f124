"""The study timeline: dated log lines of every note, grouped by day, newest first."""

from __future__ import annotations

import datetime as dt
from typing import Callable, NamedTuple

from flashgen.site.tokens import find_section
from flashgen.vault.model import LogEntry, Note


class TimelineItem(NamedTuple):
    """What one note's log says about one day: where to jump and the lessons it covered. (A named tuple: a
    timeline has an item per dated line of the vault, made again at every build.)"""

    note: Note
    entry: LogEntry
    topics: tuple[tuple[str, str], ...]  # (title, slug) of the sections started that day
    preview: str = ""  # the words after the date, else the entry's first line of text


class StudyDay(NamedTuple):
    """Everything studied on one date."""

    date: dt.date
    items: tuple[TimelineItem, ...]


def study_days(notes: tuple[Note, ...] | list[Note],
               facts: Callable[[Note], list[tuple[tuple[tuple[str, str], ...], str]]] | None = None) -> list[StudyDay]:
    """All study days, newest first; within a day, in note order. `facts(note)` gives (topics, preview) for
    each of the note's log entries (entry_facts, or a memo of it)."""
    by_day: dict[dt.date, list[TimelineItem]] = {}
    for note in notes:
        if not note.log_entries:
            continue
        for entry, (topics, preview) in zip(note.log_entries, (facts or entry_facts)(note)):
            by_day.setdefault(entry.date, []).append(TimelineItem(note, entry, topics, preview))
    return [StudyDay(day, tuple(items)) for day, items in sorted(by_day.items(), reverse=True)]


def entry_facts(note: Note) -> list[tuple[tuple[tuple[str, str], ...], str]]:
    """(topics, preview) of each log entry of the note."""
    out = []
    for entry in note.log_entries:
        topics = []
        inside = [s for s in note.sections() if s.level and entry.line < s.line <= entry.end_line]
        for title in entry.topics:
            section = next((s for s in inside if s.title == title), None) or find_section(note, title)
            if section is not None:
                topics.append((title, section.slug))
        out.append((tuple(topics), _preview(entry, {title for title, _ in topics})))
    return out


def _preview(entry: LogEntry, topics: set[str] = frozenset(), limit: int = 140) -> str:
    """The words after the date, else the entry's first line of text that is not one of its lessons' titles
    (those are listed as topics already)."""
    from flashgen.site.search_index import plain_text

    if entry.text.strip() and entry.text.strip() not in topics:
        return entry.text.strip()
    lines = [line for line in plain_text("\n".join(entry.source.split("\n")[1:])).split("\n")
             if line.strip() and line.strip().lstrip("#").strip() not in topics]
    if not lines:
        return ""
    first = lines[0]
    return first if len(first) <= limit else first[:limit].rstrip() + "…"
