"""What a build keeps for the next: parsed notes, cards, rendered card sides and the keys of written pages."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from flashgen.build import codec
from flashgen.fsutil import new_sqlite, write_text

CACHE_FILE = ".flashgen-cache.json"
FORMAT = 2  # 1 was pickled, and is never read: a planted pickle would run code
_PICKLED = (".flashgen-cache.pickle", ".flashgen-cache-anki.pickle")  # what format 1 left, removed on save


@dataclass
class BuildCache:
    """Memos by note path (or site path), each valid only while its key matches. `setup` is the digest of the
    code, settings and options that made them: any change there starts from nothing."""

    setup: str = ""
    notes: dict[str, tuple[tuple[int, int], Any]] = field(default_factory=dict)  # path -> (stamp, Note)
    cards: dict[str, tuple[str, list]] = field(default_factory=dict)  # path -> (note key, cards)
    lint: dict[str, tuple[tuple[int, int], list]] = field(default_factory=dict)  # path -> (stamp, diagnostics)
    links: dict[str, tuple[str, list]] = field(default_factory=dict)  # path -> (note key, link warnings)
    site: dict[str, Any] = field(default_factory=dict)  # the site builder's own memos
    resolved: tuple[str, dict] | None = None  # the link resolver's answers, for a vault of the same files
    loaded: dict[str, tuple] = field(default_factory=dict, repr=False)  # per-note entries as read

    def keep_notes(self, vault: Any) -> None:
        """Remember the vault's notes, without their tokens (those are parsed again when a page needs them)."""
        self.notes = {note.path: (vault.stamps[note.path], replace(note, tokens=()) if note.tokens else note)
                      for note in vault.notes if note.path in vault.stamps}

    def _parts(self) -> list[dict]:
        return [self.notes, self.cards, self.lint, self.links] + [self.site.setdefault(name, {})
                                                                  for name in SITE_PER_NOTE]

    def per_note(self) -> dict[str, tuple]:
        """Everything kept about each note: (note, cards, lint, links, then the site's) memo entries."""
        parts = self._parts()
        paths = set().union(*parts)
        return {path: tuple(part.get(path) for part in parts) for path in paths}

    def put_note(self, path: str, entry: tuple) -> None:
        for part, value in zip(self._parts(), entry):
            if value is not None:
                part[path] = value


SITE_PER_NOTE = ("search", "timeline", "links")  # the site memos kept note by note
NOTES_FILE = ".flashgen-cache-notes.sqlite"  # a row per note: a build rewrites only the notes whose memos changed
_OLD_SHARDS = ".flashgen-cache-notes"  # the folder of one file per note that earlier versions kept
_TABLE = "CREATE TABLE notes (path TEXT PRIMARY KEY, entry TEXT NOT NULL)"  # entry: codec JSON
_META = "CREATE TABLE meta (format INTEGER NOT NULL, setup TEXT NOT NULL)"


def load(out_dir: Path, setup: str) -> BuildCache:
    """The last build's memos, or empty ones when there are none or they were made under another setup."""
    cache = _read(Path(out_dir) / CACHE_FILE, setup)
    if not isinstance(cache, BuildCache):
        return BuildCache(setup=setup)
    for path, entry in _read_notes(Path(out_dir) / NOTES_FILE, setup):
        cache.put_note(path, entry)
        cache.loaded[path] = entry
    return cache


def _read_notes(db_path: Path, setup: str) -> list[tuple[str, tuple]]:
    """The per-note memos of the notes file, or none when it is missing, damaged or of another setup."""
    if not db_path.exists():
        return []
    try:
        db = sqlite3.connect(db_path)
        try:
            if not _of_setup(db, setup):
                return []
            rows = [(path, codec.loads(text)) for path, text in db.execute("SELECT path, entry FROM notes")]
        finally:
            db.close()
    except (OSError, sqlite3.Error, codec.CodecError):  # a damaged or foreign file: build from nothing
        return []
    return [(path, entry) for path, entry in rows if isinstance(entry, tuple)]


def _of_setup(db: sqlite3.Connection, setup: str) -> bool:
    """Whether a notes file was written by this format and setup."""
    return db.execute("SELECT format, setup FROM meta").fetchall() == [(FORMAT, setup)]


def save(out_dir: Path, cache: BuildCache) -> None:
    """Write the memos: the per-note ones that changed as rows of one SQLite file, in one transaction, and
    the rest in a file of their own (each write atomic)."""
    out_dir = Path(out_dir)
    now = cache.per_note()
    changed = {path: entry for path, entry in now.items() if not _same(entry, cache.loaded.get(path))}
    gone = set(cache.loaded) - set(now)
    if not _update_notes(out_dir / NOTES_FILE, cache.setup, changed, gone):
        _new_notes(out_dir / NOTES_FILE, cache.setup, now)
    shutil.rmtree(out_dir / _OLD_SHARDS, ignore_errors=True)
    for name in _PICKLED:
        (out_dir / name).unlink(missing_ok=True)
    cache.loaded = now
    rest = {name: memo for name, memo in cache.site.items() if name not in SITE_PER_NOTE}
    _write(out_dir / CACHE_FILE, cache.setup, BuildCache(setup=cache.setup, site=rest, resolved=cache.resolved))


def _update_notes(db_path: Path, setup: str, changed: dict[str, tuple], gone: set[str]) -> bool:
    """Change the rows of an existing notes file of this setup in one transaction; False when there is no
    such file (or it cannot be used), and it must be written whole."""
    if not db_path.exists():
        return False
    try:
        db = sqlite3.connect(db_path)
    except sqlite3.Error:
        return False
    try:
        if not _of_setup(db, setup):
            return False
        with db:
            db.executemany("INSERT OR REPLACE INTO notes VALUES (?, ?)", _rows(changed))
            db.executemany("DELETE FROM notes WHERE path = ?", [(path,) for path in gone])
        return True
    except sqlite3.Error:
        return False
    finally:
        db.close()


def _new_notes(db_path: Path, setup: str, entries: dict[str, tuple]) -> None:
    """Write a whole notes file beside the old one, then put it in its place."""
    with new_sqlite(db_path) as db:
        db.execute(_TABLE)
        db.execute(_META)
        db.execute("INSERT INTO meta VALUES (?, ?)", (FORMAT, setup))
        db.executemany("INSERT INTO notes VALUES (?, ?)", _rows(entries))


def _rows(entries: dict[str, tuple]) -> list[tuple[str, str]]:
    return [(path, codec.dumps(entry)) for path, entry in entries.items()]


def _same(entry: tuple, before: tuple | None) -> bool:
    """Whether a note's memos are those read: same keys and values (the very objects, mostly: reused values
    are; values made in another process are compared)."""
    if before is None or len(before) != len(entry):
        return False
    return all(a is b or (a is not None and b is not None and a[0] == b[0] and (a[1] is b[1] or a[1] == b[1]))
               for a, b in zip(entry, before))


def part_path(out_dir: Path, name: str, suffix: str = ".json") -> Path:
    """Where a part of the cache with a file of its own lives (the deck writer's, which runs in a process of
    its own, and its kept Anki collection)."""
    return Path(out_dir) / f".flashgen-cache-{name}{suffix}"


def load_part(out_dir: Path, name: str, setup: str) -> Any:
    """A memo kept in a file of its own, or None."""
    return _read(part_path(out_dir, name), setup)


def save_part(out_dir: Path, name: str, setup: str, memo: Any) -> None:
    _write(part_path(out_dir, name), setup, memo)


def _read(path: Path, setup: str) -> Any:
    try:
        data = codec.loads(path.read_bytes())
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("setup") == setup:
            return data.get("memo")
    except (OSError, codec.CodecError):  # a missing, partial or foreign file: build from nothing
        pass
    return None


def _write(path: Path, setup: str, memo: Any) -> None:
    write_text(path, codec.dumps({"format": FORMAT, "setup": setup, "memo": memo}))
