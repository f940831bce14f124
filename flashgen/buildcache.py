"""What a build keeps for the next: parsed notes, cards, rendered card sides and the keys of written pages."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from flashgen.fsutil import write_bytes

CACHE_FILE = ".flashgen-cache.pickle"
FORMAT = 1


@dataclass
class BuildCache:
    """Memos by note path (or site path), each valid only while its key matches. `setup` is the digest of the
    code, settings and options that made them: any change there starts from nothing."""

    setup: str = ""
    notes: dict[str, tuple[tuple[int, int], Any]] = field(default_factory=dict)  # path -> (stamp, Note)
    cards: dict[str, tuple[str, list]] = field(default_factory=dict)  # path -> (note key, cards)
    lint: dict[str, tuple[tuple[int, int], list]] = field(default_factory=dict)  # path -> (stamp, diagnostics)
    anki: dict[str, tuple[str, dict]] = field(default_factory=dict)  # path -> (note key, card -> fields)
    site: dict[str, Any] = field(default_factory=dict)  # the site builder's own memos

    def keep_notes(self, vault: Any) -> None:
        """Remember the vault's notes, without their tokens (those are parsed again when a page needs them)."""
        self.notes = {note.path: (vault.stamps[note.path], replace(note, tokens=()) if note.tokens else note)
                      for note in vault.notes if note.path in vault.stamps}


def load(out_dir: Path, setup: str) -> BuildCache:
    """The last build's memos, or empty ones when there are none or they were made under another setup."""
    try:
        with open(Path(out_dir) / CACHE_FILE, "rb") as handle:
            data = pickle.load(handle)
        if data.get("format") == FORMAT and data["cache"].setup == setup:
            return data["cache"]
    except Exception:  # a missing, partial or foreign file: build from nothing
        pass
    return BuildCache(setup=setup)


def save(out_dir: Path, cache: BuildCache) -> None:
    """Write the memos atomically."""
    write_bytes(Path(out_dir) / CACHE_FILE, pickle.dumps({"format": FORMAT, "cache": cache},
                                                         protocol=pickle.HIGHEST_PROTOCOL))
