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
    site: dict[str, Any] = field(default_factory=dict)  # the site builder's own memos

    def keep_notes(self, vault: Any) -> None:
        """Remember the vault's notes, without their tokens (those are parsed again when a page needs them)."""
        self.notes = {note.path: (vault.stamps[note.path], replace(note, tokens=()) if note.tokens else note)
                      for note in vault.notes if note.path in vault.stamps}


def load(out_dir: Path, setup: str) -> BuildCache:
    """The last build's memos, or empty ones when there are none or they were made under another setup."""
    cache = _read(Path(out_dir) / CACHE_FILE, setup)
    return cache if isinstance(cache, BuildCache) else BuildCache(setup=setup)


def save(out_dir: Path, cache: BuildCache) -> None:
    """Write the memos atomically."""
    _write(Path(out_dir) / CACHE_FILE, cache.setup, cache)


def part_path(out_dir: Path, name: str, suffix: str = ".pickle") -> Path:
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
        with open(path, "rb") as handle:
            data = pickle.load(handle)
        if data.get("format") == FORMAT and data.get("setup") == setup:
            return data["memo"]
    except Exception:  # a missing, partial or foreign file: build from nothing
        pass
    return None


def _write(path: Path, setup: str, memo: Any) -> None:
    write_bytes(path, pickle.dumps({"format": FORMAT, "setup": setup, "memo": memo}, protocol=pickle.HIGHEST_PROTOCOL))
