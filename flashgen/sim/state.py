"""The simulated cluster's state: a JSON snapshot written atomically, a change log beside it that each save
appends to (so a save costs what changed, and survives `kill -9`), compacted into the snapshot as it grows;
locked against concurrent use."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Iterator

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
            _remove_leftovers(path)  # no other process saves while the lock is held
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
    """The saved cluster (its snapshot, then the changes logged since), or a fresh one (its clock at the
    current time) when there is no state file yet."""
    if not path.exists():
        return SimCluster(workers=workers, control_planes=control_planes, start_time=float(int(time.time())))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the top level is not a JSON object")
        sim = SimCluster.from_state(data)
        journal = Journal(path, str(data.get("generation", "")))
        journal.replay(sim)
    except (ValueError, UnicodeDecodeError, OSError) as e:
        raise StateError(f"{path}: the simulated cluster's state is unreadable ({e}). "
                         "Run `flashgen sim reset` to start a fresh cluster.") from None
    journal.follow(sim)
    return sim


def save(sim: SimCluster, path: Path) -> None:
    """Save what changed since the last save: a line appended to the change log beside the state file, which
    costs what changed; the whole state is written (atomically) only when the log has grown as large as it,
    or the cluster has no log yet."""
    journal = next((w for w in sim.store.watchers if isinstance(w, Journal) and w.path == path), None)
    if journal is None or journal.due():
        compact(sim, path)
    else:
        journal.append(sim)


def compact(sim: SimCluster, path: Path) -> None:
    """Write the whole state atomically (a temporary file, then os.replace), then start an empty change log
    for it; a log of an earlier snapshot is never replayed on a newer one (they carry the same generation)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    generation = uuid.uuid4().hex
    state = sim.to_state()
    state["generation"] = generation
    _atomic(path, json.dumps(state, separators=(",", ":")))
    _atomic(log_path(path), json.dumps({"generation": generation}) + "\n")
    sim.store.watchers[:] = [w for w in sim.store.watchers if not isinstance(w, Journal)]
    journal = Journal(path, generation, snapshot_bytes=path.stat().st_size)
    journal.follow(sim)


def log_path(path: Path) -> Path:
    """The change log beside a state file."""
    return path.with_name(path.name + ".log")


def _atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _remove_leftovers(path: Path) -> None:
    """The temporary files of saves killed before they were put in place (`state.json.x1y2z3w4.tmp`)."""
    if path.parent.is_dir():
        for name in os.listdir(path.parent):
            if name.startswith(path.name + ".") and name.endswith(".tmp") and len(name) == len(path.name) + 13:
                with contextlib.suppress(OSError):
                    os.unlink(path.parent / name)


MIN_LOG_BYTES = 1 << 20  # a log is compacted into the snapshot once larger than this and than the snapshot


class Journal:
    """The change log of one state file: a JSON line per save, holding the objects written and removed since
    the last, the counters and the changed parts of engine.runtime. A line cut short by a killed process is
    ignored (and cut off), so the state read back is the one of the last complete save."""

    def __init__(self, path: Path, generation: str, snapshot_bytes: int = 0) -> None:
        self.path = path
        self.generation = generation
        self.snapshot_bytes = snapshot_bytes
        self.log_bytes = 0
        self.dirty: dict[tuple[str, str, str], bool] = {}  # keys changed since the last save (True: still there)
        self.runtime: dict[tuple[str, ...], str] = {}  # runtime entries as last saved (JSON text)

    def __call__(self, key: tuple[str, str, str], old: Any, new: Any) -> None:
        """A store watcher: remember which keys changed."""
        self.dirty[key] = new is not None

    def follow(self, sim: SimCluster) -> None:
        self.runtime = _runtime_entries(sim.runtime)
        self.dirty.clear()
        sim.store.watchers.append(self)

    def due(self) -> bool:
        return self.log_bytes > max(MIN_LOG_BYTES, self.snapshot_bytes)

    def append(self, sim: SimCluster) -> None:
        objects = sim.store.objects
        line: dict[str, Any] = {"rv": sim.store.rv, "time": sim.time, "counter": sim.names.counter}
        put = [objects[key] for key, there in self.dirty.items() if there and key in objects]
        gone = [list(key) for key, there in self.dirty.items() if key not in objects]
        if put:
            line["put"] = put
        if gone:
            line["del"] = gone
        now = _runtime_entries(sim.runtime)
        changed = [[list(k), json.loads(v)] for k, v in now.items() if self.runtime.get(k) != v]
        removed = [list(k) for k in self.runtime if k not in now]
        if changed:
            line["runtime"] = changed
        if removed:
            line["runtime_del"] = removed
        data = (json.dumps(line, separators=(",", ":")) + "\n").encode("utf-8")
        with open(log_path(self.path), "ab") as fh:
            fh.write(data)
        self.log_bytes += len(data)
        self.runtime = now
        self.dirty.clear()

    def replay(self, sim: SimCluster) -> None:
        """Apply the logged changes of this generation to the cluster read from the snapshot."""
        log = log_path(self.path)
        try:
            raw = log.read_bytes()
        except FileNotFoundError:
            return
        self.snapshot_bytes = self.path.stat().st_size
        lines = raw.split(b"\n")
        try:
            head = json.loads(lines[0]) if lines[0] else {}
        except ValueError:
            head = {}
        if head.get("generation") != self.generation or not self.generation:
            return  # the log of another snapshot (a save killed between writing the snapshot and a new log)
        good = len(lines[0]) + 1
        store = sim.store
        for raw_line in lines[1:]:
            try:
                line = json.loads(raw_line)
            except ValueError:
                break  # the last line, cut short by a killed save
            for obj in line.get("put", ()):
                meta = obj["metadata"]
                key = (obj["kind"], meta.get("namespace") or "", meta["name"])
                store.log.append({"type": "MODIFIED" if key in store.objects else "ADDED", "object": obj})
                store.objects[key] = obj
            for kind, namespace, name in line.get("del", ()):
                gone = store.objects.get((kind, namespace, name))
                if gone is not None:
                    del store.objects[(kind, namespace, name)]
                    store.log.append({"type": "DELETED", "object": gone})
            for path, value in line.get("runtime", ()):
                _set_runtime(sim.runtime, path, value)
            for path in line.get("runtime_del", ()):
                _set_runtime(sim.runtime, path, None, remove=True)
            store.rv, sim.time, sim.names.counter = int(line["rv"]), float(line["time"]), int(line["counter"])
            good += len(raw_line) + 1
        del store.log[: max(0, len(store.log) - LOG_KEPT)]
        if good < len(raw):  # cut off a partial line, so that the next save starts on a line of its own
            with open(log, "r+b") as fh:
                fh.truncate(good)
        self.log_bytes = good


LOG_KEPT = 200  # watch events kept across a restart, as in the snapshot


def _runtime_entries(runtime: dict[str, Any]) -> dict[tuple[str, ...], str]:
    """engine.runtime as entries one or two keys deep (a dict's items, or a whole other value), as JSON."""
    out: dict[tuple[str, ...], str] = {}
    for top, value in runtime.items():
        if isinstance(value, dict):
            out[(top,)] = "{}"
            for key, inner in value.items():
                out[(top, str(key))] = json.dumps(inner, separators=(",", ":"), sort_keys=True)
        else:
            out[(top,)] = json.dumps(value, separators=(",", ":"), sort_keys=True)
    return out


def _set_runtime(runtime: dict[str, Any], path: list[str], value: Any, remove: bool = False) -> None:
    if len(path) == 1:
        if remove:
            runtime.pop(path[0], None)
        elif value == {}:
            runtime.setdefault(path[0], {})
        else:
            runtime[path[0]] = value
        return
    inner = runtime.setdefault(path[0], {})
    if remove:
        inner.pop(path[1], None)
    else:
        inner[path[1]] = value
