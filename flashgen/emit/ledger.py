"""The GUID ledger kept beside a deck: which note GUID each card had, so that small edits keep history."""

from __future__ import annotations

import difflib
import hashlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Iterable

from flashgen.cards.model import Card
from flashgen.fsutil import new_sqlite

LEDGER_VERSION = 2  # 1 was one JSON file (`<deck>.ledger.json`), read once and imported
SIMILAR = 0.75  # how alike a reworded question must be to keep its card
_COLUMNS = ("guid", "identity", "note", "kind", "section", "anchor", "hash", "mod", "clozes")
_TABLE = """CREATE TABLE entries (guid TEXT PRIMARY KEY, identity TEXT NOT NULL, note TEXT NOT NULL,
                   kind TEXT NOT NULL, section TEXT NOT NULL, anchor TEXT NOT NULL, hash TEXT NOT NULL,
                   mod INTEGER NOT NULL, clozes TEXT)"""
_INDEXES = """CREATE INDEX entries_identity ON entries (identity);
CREATE INDEX entries_place ON entries (note, kind);"""  # made after the rows: quicker than kept up row by row
_BATCH = 500  # host parameters per query, well under SQLite's limit


def stable_guid(identity: str) -> str:
    """A GUID computed from a card's identity alone (used when the ledger knows nothing better)."""
    digest = hashlib.sha256(identity.encode("utf-8")).digest()
    return "fg" + digest[:12].hex()


class Ledger:
    """GUIDs, content hashes and modification times of the cards of earlier builds, in an SQLite file: a
    build reads only the entries of the cards it assigns and writes only those it changed, in one
    transaction (a build stopped half-way leaves the ledger as it was)."""

    def __init__(self, path: Path, problem: str = "", imported: dict[str, dict] | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self._imported = imported  # entries that must be written whole: a ledger of the old format, or none
        self._rows: dict[str, dict] = {}  # guid -> entry, as read
        self._all = False  # every entry is in _rows
        self._db: sqlite3.Connection | None = None

    @classmethod
    def load(cls, path: Path) -> "Ledger":
        """Open the ledger; a missing one starts empty, and so does a broken one, with a problem to report
        (GUIDs then fall back to stable hashes). A ledger of the old JSON format beside it is imported."""
        path = Path(path)
        legacy = path.with_suffix(".json")
        if not path.exists():
            if legacy.exists():
                return cls._from_json(path, legacy)
            return cls(path, imported={})
        try:
            db = sqlite3.connect(path)
        except sqlite3.Error as exc:
            return cls(path, f"ignored unreadable GUID ledger {path.name}: {exc}", imported={})
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] != LEDGER_VERSION:
                db.close()
                return cls(path, f"ignored GUID ledger {path.name} of another version", imported={})
            db.execute("SELECT count(*) FROM entries").fetchone()
        except sqlite3.Error as exc:
            db.close()
            return cls(path, f"ignored unreadable GUID ledger {path.name}: {exc}", imported={})
        ledger = cls(path)
        ledger._db = db
        return ledger

    @classmethod
    def _from_json(cls, path: Path, legacy: Path) -> "Ledger":
        try:
            data = json.loads(legacy.read_text(encoding="utf-8"))
            entries = data["notes"] if data.get("version") == 1 else {}
            return cls(path, imported={guid: dict(entry, guid=guid) for guid, entry in entries.items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            return cls(path, f"ignored unreadable GUID ledger {legacy.name}: {exc}", imported={})

    # -- reading
    def _query(self, where: str, values: Iterable) -> list[dict]:
        if self._db is None:
            return []
        values = list(values)
        found = []
        for at in range(0, len(values), _BATCH):
            chunk = values[at:at + _BATCH]
            sql = f"SELECT {', '.join(_COLUMNS)} FROM entries WHERE {where.format(','.join('?' * len(chunk)))}"
            found.extend(_entry(row) for row in self._db.execute(sql, chunk))
        for entry in found:
            self._rows[entry["guid"]] = entry
        return found

    def _load_all(self) -> None:
        if not self._all:
            if self._imported is not None:
                self._rows.update(self._imported)
            elif self._db is not None:
                self._rows.update((e["guid"], e) for e in map(_entry, self._db.execute(
                    f"SELECT {', '.join(_COLUMNS)} FROM entries")))
            self._all = True

    def entry(self, guid: str) -> dict | None:
        """What the ledger holds about a card GUID, or None."""
        if guid not in self._rows and not self._all:
            self._query("guid IN ({})", [guid])
        return self._rows.get(guid)

    def __len__(self) -> int:
        if self._imported is not None:
            return len(self._imported)
        return self._db.execute("SELECT count(*) FROM entries").fetchone()[0] if self._db is not None else 0

    # -- assigning
    def assign(self, cards: list[Card], taken: set[str] | frozenset[str] = frozenset()) -> dict[int, str]:
        """A GUID for every card (by index): its identity's GUID from the last build, else that of a
        similar question in the same section that no card claims any more, else a stable hash. GUIDs in
        `taken` belong to other cards already."""
        if not cards:
            return {}
        if self._imported is not None or len(cards) * 4 >= len(self):
            self._load_all()  # most of the ledger is wanted: one read is quicker than many lookups
            known = list(self._rows.values())
        else:
            known = self._query("identity IN ({})", {card.identity for card in cards})
        by_identity: dict[str, str] = {}
        for entry in sorted(known, key=lambda e: e["guid"]):  # of two entries with one identity, the last GUID
            by_identity[entry["identity"]] = entry["guid"]
        result: dict[int, str] = {}
        claimed: set[str] = set(taken)
        pending: list[int] = []
        for index, card in enumerate(cards):
            guid = by_identity.get(card.identity)
            if guid and guid not in claimed:
                result[index] = guid
                claimed.add(guid)
            else:
                pending.append(index)
        places = self._places({(cards[i].note_path, cards[i].kind) for i in pending})
        for index in pending:
            card = cards[index]
            best, best_ratio = None, SIMILAR
            for guid in places.get((card.note_path, card.kind, tuple(card.heading_path)), ()):
                if guid in claimed:
                    continue
                ratio = difflib.SequenceMatcher(None, self._rows[guid]["anchor"], card.anchor).ratio()
                if ratio >= best_ratio:
                    best, best_ratio = guid, ratio
            guid = best or stable_guid(card.identity)
            while guid in claimed:  # two cards with one identity: keep both, distinctly
                guid = stable_guid(guid)
            result[index] = guid
            claimed.add(guid)
        return result

    def _places(self, wanted: set[tuple[str, str]]) -> dict[tuple, list[str]]:
        """(note, kind, section) -> GUIDs of earlier cards there, for the (note, kind) pairs wanted."""
        if not wanted:
            return {}
        if self._all:
            entries = [e for e in self._rows.values() if (e["note"], e["kind"]) in wanted]
        else:
            entries = self._query("note IN ({})", sorted({note for note, _ in wanted}))
        places: dict[tuple, list[str]] = {}
        for entry in sorted(entries, key=lambda e: e["guid"]):
            if (entry["note"], entry["kind"]) in wanted:
                places.setdefault((entry["note"], entry["kind"], tuple(entry["section"])), []).append(entry["guid"])
        return places

    def modified(self, guid: str, content_hash: str, now: float | None = None) -> int:
        """The note's modification time: unchanged notes keep theirs; changed ones get one that is newer
        in whole seconds than any earlier build's, even within the same second."""
        now_s = int(now if now is not None else time.time())
        entry = self.entry(guid)
        if entry and entry.get("hash") == content_hash:
            return int(entry["mod"])
        previous = int(entry["mod"]) if entry else 0
        return max(now_s, previous + 1)

    # -- writing
    def save(self, records: dict[str, dict]) -> None:
        """Add or replace this build's entries (in one transaction). Entries of cards that disappeared are
        kept, so that a card that comes back gets its old GUID and history again."""
        rows = [_row(guid, entry) for guid, entry in records.items()]
        if self._imported is not None:  # a new file, made beside and put in place whole
            merged = dict(self._imported)
            merged.update((row[0], None) for row in rows)
            rows = [_row(guid, entry) for guid, entry in merged.items() if entry is not None] + rows
            self._write_new(rows)
        else:
            with self._db:
                self._db.executemany(f"INSERT OR REPLACE INTO entries VALUES ({','.join('?' * len(_COLUMNS))})",
                                     rows)
        for guid, entry in records.items():
            self._rows[guid] = dict(entry, guid=guid)

    def _write_new(self, rows: list[tuple]) -> None:
        with new_sqlite(self.path) as db:
            db.execute(_TABLE)
            db.executemany(f"INSERT OR REPLACE INTO entries VALUES ({','.join('?' * len(_COLUMNS))})", rows)
            db.executescript(_INDEXES)
            db.execute(f"PRAGMA user_version = {LEDGER_VERSION}")
        legacy = self.path.with_suffix(".json")
        if legacy.exists():  # imported: the new file holds all of it now
            legacy.unlink()
        self._imported = None
        self._db = sqlite3.connect(self.path)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _row(guid: str, entry: dict) -> tuple:
    clozes = entry.get("clozes")
    return (guid, entry["identity"], entry["note"], entry["kind"], json.dumps(list(entry.get("section", ())),
            ensure_ascii=False), entry.get("anchor", ""), entry["hash"], int(entry["mod"]),
            json.dumps(clozes, ensure_ascii=False, sort_keys=True) if clozes else None)


def _entry(row: tuple) -> dict:
    guid, identity, note, kind, section, anchor, content_hash, mod, clozes = row
    entry = {"guid": guid, "identity": identity, "note": note, "kind": kind, "section": json.loads(section),
             "anchor": anchor, "hash": content_hash, "mod": mod}
    if clozes:
        entry["clozes"] = json.loads(clozes)
    return entry
