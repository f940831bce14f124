"""The resource quota controller: keeps each ResourceQuota's status.hard and status.used current as objects
in its namespace come and go (admission adds a new object's usage at once; this recounts from scratch)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import quota

if TYPE_CHECKING:
    from ..engine import Engine


def reconcile(sim: "Engine", keys: Any = None) -> None:
    """Recount every quota (there are few, each over its namespace's objects; none costs nothing)."""
    if not sim.store.objects.keys_of("ResourceQuota"):
        return
    for rq in list(sim.store.items("ResourceQuota")):
        hard = dict((rq.get("spec") or {}).get("hard") or {})
        status: dict[str, Any] = {"hard": hard, "used": quota.compute_used(sim.store, dict(rq, status={"hard": hard}),
                                                                          sim.time)}
        if not hard:
            status = {}
        if status != rq.get("status"):
            sim.store.write(dict(rq, status=status))
