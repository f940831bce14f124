"""Atomic writes: outputs and state appear whole or not at all."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(target: Path):
    """Yield a temporary path beside `target`; on success it replaces `target` in one step."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def new_sqlite(target: Path):
    """Yield a connection to a new SQLite file beside `target`, which replaces `target` once the block ends
    without error: the file is put in place whole, so it needs no journal of its own."""
    import sqlite3  # (here: a build that finds nothing changed writes none)

    with atomic_path(target) as tmp:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            yield db
            db.commit()
        finally:
            db.close()
        drop_journal(target)


def drop_journal(db_file: Path) -> None:
    """Remove the journal files of an SQLite file about to be replaced: a hot journal left by a process killed
    while committing to the old file would otherwise be rolled back into the new one, and corrupt it."""
    for suffix in ("-journal", "-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)


def write_text(target: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_bytes(target: Path, data: bytes) -> None:
    """Write bytes atomically."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
