"""What the last build read and wrote: a build whose inputs and outputs are untouched writes nothing."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from flashgen import __version__
from flashgen.fsutil import write_text

STATE_FILE = ".flashgen-build.json"
OUTPUTS = ("anki", "site", "report.json")


def _stat_tree(root: Path, skip_dot: bool = True) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime in ns) of every file below root, sorted."""
    if root.is_file():
        st = root.stat()
        return [(root.name, st.st_size, st.st_mtime_ns)]
    out: list[tuple[str, int, int]] = []
    todo = [(str(root), "")]
    while todo:
        folder, prefix = todo.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if not (skip_dot and entry.name.startswith(".")):
                    todo.append((entry.path, prefix + entry.name + "/"))
                continue
            try:
                st = entry.stat()
            except OSError:
                continue
            out.append((prefix + entry.name, st.st_size, st.st_mtime_ns))
    return sorted(out)


def setup_key(extra: list[Path], flags: str) -> str:
    """A digest of what a build reads besides the notes: flashgen's own code and version, the settings and
    labs (by size and modification time), and the build's options."""
    return _digest([], extra, flags)


def input_key(notes_dir: Path, extra: list[Path], flags: str) -> str:
    """A digest of everything a build reads: the vault's files (by size and modification time) and the setup."""
    return _digest([("vault", notes_dir)], extra, flags)


def _digest(roots: list[tuple[str, Path]], extra: list[Path], flags: str) -> str:
    digest = hashlib.sha256(f"{__version__}\0{flags}\0{os.environ.get('FLASHGEN_LABS', '')}".encode())
    package = Path(__file__).resolve().parent.parent  # all of flashgen, not only this folder
    for label, root in [("code", package)] + roots + [("extra", p) for p in extra]:
        digest.update(f"\0{label}:{root}".encode("utf-8", "surrogateescape"))
        if root.exists():
            for entry in _stat_tree(root, skip_dot=label != "code"):
                if label != "code" or "__pycache__/" not in entry[0]:  # (written when a module is first loaded)
                    digest.update(repr(entry).encode())
    return digest.hexdigest()


def output_listing(out_dir: Path) -> list[tuple[str, int, int]]:
    """The files a build writes, as they are now."""
    listing = []
    for name in OUTPUTS:
        path = out_dir / name
        if path.is_dir():
            listing.extend((f"{name}/{rel}", size, mtime) for rel, size, mtime in _stat_tree(path))
        elif path.exists():
            listing.extend((name, size, mtime) for _, size, mtime in _stat_tree(path))
    return listing


def _outputs_digest(out_dir: Path) -> str:
    """A digest of the files a build writes, by path, size and modification time."""
    return hashlib.sha256(repr(output_listing(out_dir)).encode("utf-8", "surrogateescape")).hexdigest()


def unchanged(out_dir: Path, key: str) -> dict | None:
    """The last build's report when its inputs had this key and its outputs are still as it left them."""
    try:
        state = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
        if state.get("key") != key or state.get("outputs") != _outputs_digest(out_dir):
            return None
        return json.loads((out_dir / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, AttributeError):
        return None


def remember(out_dir: Path, key: str) -> None:
    """Record this build's input key and its outputs (atomically, after everything else is written)."""
    write_text(out_dir / STATE_FILE, json.dumps({"key": key, "outputs": _outputs_digest(out_dir)}))


def forget(out_dir: Path) -> None:
    """Remove the record of the last build: the next one looks at everything."""
    (out_dir / STATE_FILE).unlink(missing_ok=True)
