"""The simulated cluster's state file: JSON, written atomically, locked against concurrent use."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Iterator

from .cluster import SimCluster

DEFAULT_PATH = Path("build/sim/state.json")
ENV_VAR = "FLASHGEN_SIM_STATE"


class StateError(Exception):
    """The state file cannot be used (corrupt, unreadable, or locked)."""


def resolve(path: str | os.PathLike[str] | None) -> Path:
    """--state, else $FLASHGEN_SIM_STATE, else build/sim/state.json."""
    if path:
        return Path(path)
    return Path(os.environ.get(ENV_VAR) or DEFAULT_PATH)


@contextlib.contextmanager
def locked(path: Path, holder: str | None = None) -> Iterator[None]:
    """Hold an exclusive lock on `<state>.lock` for the duration of one command.

    A long-running holder (`flashgen sim serve`) names itself in the lock file, so that a command refused while
    it runs can say who holds the state and what to do instead."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            who = fh.read().strip()
            if who:
                raise StateError(f"{path} is in use by {who}") from None
            raise StateError(f"{path} is in use by another `flashgen sim` command; try again when it has finished") \
                from None
        try:
            if holder:
                fh.seek(0)
                fh.truncate()
                fh.write(holder)
                fh.flush()
            yield
        finally:
            if holder:
                fh.seek(0)
                fh.truncate()
                fh.flush()
            fcntl.flock(fh, fcntl.LOCK_UN)


def load(path: Path, *, workers: int = 2, control_planes: int = 1) -> SimCluster:
    """The saved cluster, or a fresh one (its clock at the current time) when there is no state file yet."""
    if not path.exists():
        return SimCluster(workers=workers, control_planes=control_planes, start_time=float(int(time.time())))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the top level is not a JSON object")
        return SimCluster.from_state(data)
    except (ValueError, UnicodeDecodeError, OSError) as e:
        raise StateError(f"{path}: the simulated cluster's state is unreadable ({e}). "
                         "Run `flashgen sim reset` to start a fresh cluster.") from None


def save(sim: SimCluster, path: Path) -> None:
    """Write atomically: a temporary file in the same folder, then os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(sim.to_state(), fh, separators=(",", ":"))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
