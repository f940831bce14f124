"""Watch streams: newline-separated `{"type": ..., "object": ...}` events from the store's change log, with
initial ADDED events when no resourceVersion is given, BOOKMARK events when asked for, and timeoutSeconds."""

from __future__ import annotations

import json
import time
from typing import Any, AsyncIterator, Callable

from flashgen.sim import errors, kinds

from . import status, tables
from .runtime import Runtime

Obj = dict[str, Any]
BOOKMARK_SECONDS = 15.0
POLL_SECONDS = 1.0


def _line(event_type: str, obj: Obj) -> bytes:
    return (json.dumps({"type": event_type, "object": obj}, separators=(",", ":")) + "\n").encode()


def _bookmark(kind: str, resource_version: int, initial_end: bool = False) -> bytes:
    meta: Obj = {"resourceVersion": str(resource_version)}
    if initial_end:
        meta["annotations"] = {"k8s.io/initial-events-end": "true"}
    return _line("BOOKMARK", {"kind": kind, "apiVersion": kinds.BY_KIND[kind].api_version, "metadata": meta})


async def stream(rt: Runtime, kind: str, match: Callable[[Obj], bool], resource_version: str | None,
                 bookmarks: bool, timeout: float | None, table_include: str | None,
                 initial_events: bool = False) -> AsyncIterator[bytes]:
    """Events for objects of `kind` accepted by `match`, after resource_version (or from the current state).
    With table_include set, each object is sent as a one-row Table (kubectl get -w). With initial_events
    (sendInitialEvents=true) the current objects come first, closed by a BOOKMARK marked initial-events-end."""
    sim = rt.sim
    deadline = time.monotonic() + timeout if timeout else None

    def render(obj: Obj) -> Obj:
        if table_include is None:
            return obj
        return tables.table(kind, [obj], sim.time, obj["metadata"].get("resourceVersion", ""), table_include)

    if resource_version in (None, "", "0") or initial_events:
        last = sim.store.rv
        for obj in sim.store.items(kind):
            if match(obj):
                yield _line("ADDED", render(obj))
        if initial_events and bookmarks:
            yield _bookmark(kind, last, initial_end=True)
    else:
        try:
            last = int(resource_version)
        except ValueError:
            yield _line("ERROR", status.status_body(400, f"invalid resourceVersion {resource_version!r}"))
            return
    last_mark = time.monotonic()
    while not rt.stopping:
        try:
            events = sim.store.events_since(last)
        except errors.ApiError as e:
            yield _line("ERROR", e.status())
            return
        last = max(last, sim.store.rv)
        for ev in events:
            obj = ev["object"]
            if obj.get("kind") == kind and match(obj):
                yield _line(ev["type"], render(obj))
        now = time.monotonic()
        if bookmarks and now - last_mark >= BOOKMARK_SECONDS:
            last_mark = now
            yield _bookmark(kind, last)
        if deadline is not None and now >= deadline:
            return
        wait = POLL_SECONDS if deadline is None else max(0.0, min(POLL_SECONDS, deadline - now))
        await rt.wait_for_change(wait)
