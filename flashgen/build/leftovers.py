"""One build at a time per output folder, and what an earlier build killed half-way left behind (temporary
files and folders), removed before the next one starts."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # not a POSIX system: builds are not locked against each other
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".flashgen-lock"
# what flashgen's writers name their temporary files and folders (tempfile's 8 random characters)
_TEMPORARY = re.compile(r"\.(?:site-new-|site-old-|collection-)[a-z0-9_]{8}(?:\.anki2)?|\..+\.[a-z0-9_]{8}\.tmp")
_FOLDERS = ("", "anki", "anki/media")  # where a build writes files beside their targets


@contextlib.contextmanager
def exclusive(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock (waiting for a build that holds it), then remove what an interrupted
    build left: no other build can be writing those files meanwhile."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK_FILE, "a") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            remove(out_dir)
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def remove(out_dir: Path) -> list[str]:
    """Remove the temporary files and folders of interrupted builds; returns their paths (relative)."""
    removed = []
    for folder in _FOLDERS:
        try:
            entries = list(os.scandir(out_dir / folder))
        except OSError:
            continue
        for entry in entries:
            if not _TEMPORARY.fullmatch(entry.name):
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
            removed.append(f"{folder}/{entry.name}".lstrip("/"))
    return removed
