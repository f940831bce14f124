"""The GUID ledger kept beside a deck: which note GUID each card had, so that small edits keep history."""

from __future__ import annotations

import difflib
import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from flashgen.cards.model import Card
from flashgen.fsutil import write_text

LEDGER_VERSION = 1
SIMILAR = 0.75  # how alike a reworded question must be to keep its card


def stable_guid(identity: str) -> str:
    """A GUID computed from a card's identity alone (used when the ledger knows nothing better)."""
    digest = hashlib.sha256(identity.encode("utf-8")).digest()
    return "fg" + digest[:12].hex()


@dataclass
class Ledger:
    """GUIDs, content hashes and modification times of the last build's notes."""

    path: Path
    entries: dict[str, dict] = field(default_factory=dict)  # guid -> entry
    problem: str = ""

    @classmethod
    def load(cls, path: Path) -> "Ledger":
        """Read the ledger; a missing or broken one starts empty (GUIDs then fall back to stable hashes)."""
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["notes"] if data.get("version") == LEDGER_VERSION else {}
            return cls(path, dict(entries))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return cls(path, {}, problem=f"ignored unreadable GUID ledger {path.name}: {exc}")

    def assign(self, cards: list[Card], taken: set[str] | frozenset[str] = frozenset()) -> dict[int, str]:
        """A GUID for every card (by index): its identity's GUID from the last build, else that of a
        similar question in the same section that no card claims any more, else a stable hash. GUIDs in
        `taken` belong to other cards already."""
        by_identity = {entry["identity"]: guid for guid, entry in self.entries.items()}
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
        places: dict[tuple, list[str]] = {}  # (note, kind, section) -> GUIDs of the last build's cards there
        if pending:
            for guid, entry in self.entries.items():
                places.setdefault((entry.get("note"), entry.get("kind"), tuple(entry.get("section", ()))),
                                  []).append(guid)
        for index in pending:
            card = cards[index]
            best, best_ratio = None, SIMILAR
            for guid in places.get((card.note_path, card.kind, card.heading_path), ()):
                entry = self.entries[guid]
                if guid in claimed:
                    continue
                ratio = difflib.SequenceMatcher(None, entry.get("anchor", ""), card.anchor).ratio()
                if ratio >= best_ratio:
                    best, best_ratio = guid, ratio
            guid = best or stable_guid(card.identity)
            while guid in claimed:  # two cards with one identity: keep both, distinctly
                guid = stable_guid(guid)
            result[index] = guid
            claimed.add(guid)
        return result

    def modified(self, guid: str, content_hash: str, now: float | None = None) -> int:
        """The note's modification time: unchanged notes keep theirs; changed ones get one that is newer
        in whole seconds than any earlier build's, even within the same second."""
        now_s = int(now if now is not None else time.time())
        entry = self.entries.get(guid)
        if entry and entry.get("hash") == content_hash:
            return int(entry["mod"])
        previous = int(entry["mod"]) if entry else 0
        return max(now_s, previous + 1)

    def save(self, records: dict[str, dict]) -> None:
        """Replace the ledger with this build's notes (atomically). Entries of cards that disappeared are
        kept, so that a card that comes back gets its old GUID and history again."""
        merged = {guid: entry for guid, entry in self.entries.items() if guid not in records}
        merged.update(records)
        self.entries = merged
        write_text(self.path, json.dumps({"version": LEDGER_VERSION, "notes": merged}, ensure_ascii=False,
                                         sort_keys=True, separators=(",", ":")))
