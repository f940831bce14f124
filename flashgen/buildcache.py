"""What a build keeps for the next: parsed notes, cards, rendered card sides and the keys of written pages."""

from __future__ import annotations

import hashlib
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
SHARDS = ".flashgen-cache-notes"  # a file per note: a build rewrites only the notes whose memos changed


def load(out_dir: Path, setup: str) -> BuildCache:
    """The last build's memos, or empty ones when there are none or they were made under another setup."""
    cache = _read(Path(out_dir) / CACHE_FILE, setup)
    if not isinstance(cache, BuildCache):
        return BuildCache(setup=setup)
    for shard in sorted((Path(out_dir) / SHARDS).glob("*.pickle")):
        entry = _read(shard, setup)
        if isinstance(entry, tuple) and len(entry) == 2:
            cache.put_note(*entry)
            cache.loaded[entry[0]] = entry[1]
    return cache


def save(out_dir: Path, cache: BuildCache) -> None:
    """Write the memos, each atomically: the per-note ones that changed in their own files, the rest in one."""
    folder = Path(out_dir) / SHARDS
    folder.mkdir(parents=True, exist_ok=True)
    now = cache.per_note()
    for path, entry in now.items():
        if not _same(entry, cache.loaded.get(path)):
            _write(folder / _shard_name(path), cache.setup, (path, entry))
    names = {_shard_name(path) for path in now}
    for shard in folder.glob("*.pickle"):
        if shard.name not in names:  # a note that is gone, or a file of another setup
            shard.unlink(missing_ok=True)
    cache.loaded = now
    rest = {name: memo for name, memo in cache.site.items() if name not in SITE_PER_NOTE}
    _write(Path(out_dir) / CACHE_FILE, cache.setup, BuildCache(setup=cache.setup, site=rest, resolved=cache.resolved))


def _same(entry: tuple, before: tuple | None) -> bool:
    """Whether a note's memos are those read: same keys and values (the very objects, mostly: reused values
    are; values made in another process are compared)."""
    if before is None or len(before) != len(entry):
        return False
    return all(a is b or (a is not None and b is not None and a[0] == b[0] and (a[1] is b[1] or a[1] == b[1]))
               for a, b in zip(entry, before))


def _shard_name(path: str) -> str:
    return hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:24] + ".pickle"


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
