"""What a build keeps for the next: for every note its stamp, dependency key (and its own part of it), outline,
card counts and warnings, and the site's and the deck's own memos. `flashgen serve` keeps it in memory between
rebuilds; `flashgen build` keeps it in `build/.flashgen-cache*` between commands: in one SQLite file a row per
note, and a row per entry of the site's memo (per note or per file of the site), of which a build rewrites only
the rows that changed, in one transaction; and a JSON file for the deck. All of it is plain data (JSON), read
without running anything: a planted or damaged file is at worst ignored."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from flashgen.build import codec
from flashgen.build.processes import Background
from flashgen.cards.counts import Tally
from flashgen.diagnostics import Diagnostic
from flashgen.fsutil import new_sqlite, write_text
from flashgen.vault.model import NoteOutline

# 1 was pickled (never read: a planted pickle would run code), 2 kept whole parses and cards, 3 no `own`, 4 the
# site's memo in a JSON file of its own
FORMAT = 5
NOTES_FILE = ".flashgen-cache-notes.sqlite"  # a row per note, and the site builder's memo row by row
DECK_FILE = ".flashgen-cache-anki.json"  # the deck writer's memo; its Anki collection is `.flashgen-cache-anki.anki2`
# what earlier versions kept, removed when the memory is saved
_FORMER = (".flashgen-cache.json", ".flashgen-cache.pickle", ".flashgen-cache-anki.pickle", ".flashgen-cache-site.json")
_TABLE = "CREATE TABLE notes (path TEXT PRIMARY KEY, entry TEXT NOT NULL)"  # entry: codec JSON of a NoteMemo
# the site's memo: a dict of parts, each a dict of entries by name (a row each) or one value (a row named "")
_SITE = "CREATE TABLE site (part TEXT NOT NULL, name TEXT NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (part, name))"
_META = "CREATE TABLE meta (format INTEGER NOT NULL, setup TEXT NOT NULL)"


@dataclass(frozen=True)
class NoteMemo:
    """What the last build knew of one note, valid while its file has the same stamp (and, for `links`, while
    the note has the same key)."""

    stamp: tuple[int, int]
    key: str = ""
    outline: NoteOutline | None = None  # None: the file could not be used (`problems` say why)
    problems: tuple[Diagnostic, ...] = ()
    lint: tuple[Diagnostic, ...] = ()
    tally: Tally = Tally()
    links: tuple[str, tuple[Diagnostic, ...]] | None = None  # (key, the link checks' warnings) (vault.links)
    own: tuple | None = None  # its own part of its dependency key, with what it was made of (depkeys.note_keys)


@dataclass
class Memory:
    """Every note's memo by vault path, and the site's and the deck's memos (read when first asked for). `setup`
    is the digest of the code, settings and options that made them: any change there starts from nothing."""

    setup: str = ""
    notes: dict[str, NoteMemo] = field(default_factory=dict)
    folder: Path | None = None  # where it is kept between commands
    resolved: Any = None  # the link resolver's answers (vault.files.Resolver.answers); kept in memory only
    labs: Any = None  # the loaded labs and their problems (pipeline.load_course_labs); kept in memory only
    walked: Any = None  # the vault's files as the last build found them (vault.files.VaultFiles); in memory only
    _kept: dict[str, tuple[Any, Any]] = field(default_factory=dict, repr=False)  # see kept(); in memory only
    _site: dict[str, Any] | None = field(default=None, repr=False)
    _deck: Any = field(default=None, repr=False)
    _saved: dict[str, NoteMemo] = field(default_factory=dict, repr=False)  # the rows as in the file
    _site_saved: dict[str, Any] = field(default_factory=dict, repr=False)  # the site's memo as in the file

    @classmethod
    def load(cls, out_dir: Path, setup: str) -> Memory:
        """The memory a build left in `out_dir`, or an empty one (none there, damaged, or of another setup)."""
        memory = cls()
        memory.ready(out_dir, setup)
        return memory

    def ready(self, out_dir: Path, setup: str) -> None:
        """Make this the memory for a build of this setup into `out_dir`: as it is when it was last used for the
        same, else read again from there (or empty)."""
        if self.setup == setup and self.folder == Path(out_dir):
            return
        self.setup, self.folder = setup, Path(out_dir)
        self.notes, self._saved, self._site, self._deck, self.resolved, self.labs = {}, {}, None, None, None, None
        self.walked = None
        self._kept = {}
        self._site_saved = {}
        for path, entry in _read_notes(Path(out_dir) / NOTES_FILE, setup):
            self.notes[path] = self._saved[path] = entry

    def kept(self, name: str, key: Any, make: Callable[[], Any]) -> Any:
        """What `make()` gives for `key` (the site's addresses of a set of notes, how cards name them, the JSON rows
        of a report's warnings): made again only when the key is not the last one's."""
        held = self._kept.get(name)
        if held is None or held[0] != key:
            held = self._kept[name] = (key, make())
        return held[1]

    def holds(self, out_dir: Path, setup: str) -> bool:
        """Whether this memory is what the last build of this setup into `out_dir`, in this process, left."""
        return self.setup == setup and self.folder == Path(out_dir) and self.walked is not None

    def site(self) -> dict[str, Any]:
        """The site builder's memo (flashgen.site.write_site), updated in place by each build."""
        if self._site is None:
            self._site_saved = _read_site(self.folder / NOTES_FILE, self.setup) if self.folder else {}
            self._site = _copy_site(self._site_saved)
        return self._site

    def deck(self) -> Any:
        """The deck writer's memo (flashgen.emit.anki.DeckMemo)."""
        from flashgen.emit.anki import DeckMemo

        if self._deck is None:
            found = None
            if self.folder:
                try:
                    found = _of_setup(codec.loads((self.folder / DECK_FILE).read_bytes()), self.setup)
                except (OSError, codec.CodecError):
                    found = None
            self._deck = found if isinstance(found, DeckMemo) else DeckMemo()
        return self._deck

    def keep_deck(self, memo: Any) -> None:
        self._deck = memo

    def _changed(self) -> dict[str, NoteMemo]:
        """The notes' memos that are not the ones read or last saved."""
        return {path: memo for path, memo in self.notes.items() if self._saved.get(path) is not memo}

    def encoding(self) -> Rows:
        """The rows of the notes' memos that changed, encoded as the notes file holds them: in a forked process
        when they are many (the longest part of a save), while the build makes its outputs. Call it once every
        note's memo is final; `save` takes the rows whose memos are still the ones encoded."""
        return Rows(self._changed())

    def save(self, out_dir: Path, rows: Rows | None = None) -> None:
        """Write what changed since it was read or last saved (each write atomic)."""
        out_dir = Path(out_dir)
        changed = self._changed()
        gone = set(self._saved) - set(self.notes)
        site_changed, site_gone = _site_changes(self._site_saved, self._site)
        encoded = rows.result() if rows is not None else {}
        if not _update_notes(out_dir / NOTES_FILE, self.setup, (changed, gone), (site_changed, site_gone), encoded):
            _new_notes(out_dir / NOTES_FILE, self.setup, self.notes, self._site or {}, encoded)
        self._saved = dict(self.notes)
        if self._site is not None:
            self._site_saved = _copy_site(self._site)
        if self._deck is not None:
            write_text(out_dir / DECK_FILE, codec.dumps({"format": FORMAT, "setup": self.setup, "memo": self._deck}))
        for name in _FORMER:
            (out_dir / name).unlink(missing_ok=True)
        shutil.rmtree(out_dir / ".flashgen-cache-notes", ignore_errors=True)
        self.folder = out_dir


ENCODE_APART = 64  # from this many changed memos, their rows are encoded in a forked process


class Rows:
    """Notes' memos and their rows for the notes file, encoded apart (processes.Background) when they are many."""

    def __init__(self, memos: dict[str, NoteMemo]) -> None:
        self.memos = memos
        self._task = Background(_encoded, memos) if len(memos) >= ENCODE_APART else None

    def result(self) -> dict[str, tuple[NoteMemo, str]]:
        """Each note's memo and its row, by path."""
        texts = self._task.result() if self._task is not None else _encoded(self.memos)
        return {path: (self.memos[path], text) for path, text in texts.items()}


def _encoded(memos: dict[str, NoteMemo]) -> dict[str, str]:
    return {path: codec.dumps(memo) for path, memo in memos.items()}


def deck_collection(out_dir: Path) -> Path:
    """Where the deck writer keeps the Anki collection of the last package, to patch it note by note."""
    return Path(out_dir) / ".flashgen-cache-anki.anki2"


def _read_notes(db_path: Path, setup: str) -> list[tuple[str, NoteMemo]]:
    """The per-note memos of the notes file, or none when it is missing, damaged or of another setup."""
    if not db_path.exists():
        return []
    try:
        db = sqlite3.connect(db_path)
        try:
            if not _db_of_setup(db, setup):
                return []
            rows = [(path, codec.loads(text)) for path, text in db.execute("SELECT path, entry FROM notes")]
        finally:
            db.close()
    except (OSError, sqlite3.Error, codec.CodecError):  # a damaged or foreign file: build from nothing
        return []
    return [(path, entry) for path, entry in rows if isinstance(entry, NoteMemo)]


def _db_of_setup(db: sqlite3.Connection, setup: str) -> bool:
    """Whether a notes file was written by this format and setup."""
    return db.execute("SELECT format, setup FROM meta").fetchall() == [(FORMAT, setup)]


def _read_site(db_path: Path, setup: str) -> dict[str, Any]:
    """The site's memo from its rows, or an empty one when the file is missing, damaged or of another setup."""
    if not db_path.exists():
        return {}
    memo: dict[str, Any] = {}
    try:
        db = sqlite3.connect(db_path)
        try:
            if not _db_of_setup(db, setup):
                return {}
            for part, name, entry in db.execute("SELECT part, name, entry FROM site"):
                if name:
                    memo.setdefault(part, {})[name] = json.loads(entry)
                else:
                    memo[part] = json.loads(entry)
        finally:
            db.close()
    except (OSError, sqlite3.Error, ValueError, AttributeError):  # a damaged or foreign file: build from nothing
        return {}
    return memo


def _copy_site(memo: dict[str, Any]) -> dict[str, Any]:
    """A copy of the site's memo down to its parts' dicts (their entries shared), for one side to change alone."""
    return {part: dict(value) if isinstance(value, dict) else value for part, value in memo.items()}


def _site_changes(saved: dict[str, Any], memo: dict[str, Any] | None) -> tuple[list[tuple], list[tuple]]:
    """The rows of the site's memo to write ((part, name, entry)) and to delete ((part, name)) for the file to
    hold `memo` where it holds `saved`. Most entries are the very objects read or saved: compared by identity
    first."""
    if memo is None:
        return [], []
    missing = object()
    changed: list[tuple] = []
    gone: list[tuple] = [(part, "" if not isinstance(value, dict) else name)
                         for part, value in saved.items() if part not in memo
                         for name in (value if isinstance(value, dict) else [""])]
    for part, value in memo.items():
        old = saved.get(part)
        if not isinstance(value, dict):
            if isinstance(old, dict) or old != value or part not in saved:
                changed.append((part, "", value))
            continue
        old = old if isinstance(old, dict) else {}
        changed.extend((part, name, entry) for name, entry in value.items()
                       if (was := old.get(name, missing)) is not entry and was != entry)
        gone.extend((part, name) for name in old.keys() - value.keys())
    return changed, gone


def _update_notes(db_path: Path, setup: str, notes: tuple[dict[str, NoteMemo], set[str]],
                  site: tuple[list[tuple], list[tuple]], encoded: dict[str, tuple[NoteMemo, str]]) -> bool:
    """Change the rows of an existing notes file of this setup in one transaction (the notes' changed and gone,
    the site memo's changed and gone); False when there is no such file (or it cannot be used), and it must be
    written whole."""
    if not db_path.exists():
        return False
    try:
        db = sqlite3.connect(db_path)
    except sqlite3.Error:
        return False
    try:
        if not _db_of_setup(db, setup):
            return False
        with db:
            db.executemany("INSERT OR REPLACE INTO notes VALUES (?, ?)", _rows(notes[0], encoded))
            db.executemany("DELETE FROM notes WHERE path = ?", [(path,) for path in notes[1]])
            db.executemany("INSERT OR REPLACE INTO site VALUES (?, ?, ?)", _site_entries(site[0]))
            db.executemany("DELETE FROM site WHERE part = ? AND name = ?", site[1])
        return True
    except sqlite3.Error:
        return False
    finally:
        db.close()


def _new_notes(db_path: Path, setup: str, entries: dict[str, NoteMemo], site: dict[str, Any],
               encoded: dict[str, tuple[NoteMemo, str]]) -> None:
    """Write a whole notes file beside the old one, then put it in its place."""
    with new_sqlite(db_path) as db:
        db.execute(_TABLE)
        db.execute(_SITE)
        db.execute(_META)
        db.execute("INSERT INTO meta VALUES (?, ?)", (FORMAT, setup))
        db.executemany("INSERT INTO notes VALUES (?, ?)", _rows(entries, encoded))
        db.executemany("INSERT INTO site VALUES (?, ?, ?)", _site_entries(_site_changes({}, site)[0]))


def _rows(entries: dict[str, NoteMemo], encoded: dict[str, tuple[NoteMemo, str]]) -> list[tuple[str, str]]:
    """(path, row) of each entry: the row already encoded when it is of this very memo."""
    rows = []
    for path, entry in entries.items():
        memo, text = encoded.get(path, (None, ""))
        rows.append((path, text if memo is entry else codec.dumps(entry)))
    return rows


def _site_entries(rows: list[tuple]) -> list[tuple[str, str, str]]:
    return [(part, name, json.dumps(entry, ensure_ascii=False, separators=(",", ":"))) for part, name, entry in rows]


def _of_setup(data: Any, setup: str) -> Any:
    if isinstance(data, dict) and data.get("format") == FORMAT and data.get("setup") == setup:
        return data.get("memo")
    return None
