"""core/v1 Events as `kubectl describe` and `kubectl get events` show them, de-duplicated with a count."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .timefmt import parse_rfc3339, rfc3339

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]
EVENT_TTL = 3600.0


def record(sim: "Engine", obj: Obj, reason: str, message: str, component: str, *, warning: bool = False,
           host: str | None = None, field_path: str | None = None) -> None:
    """Record an Event about obj; the same reason and message again bumps count and lastTimestamp."""
    meta = obj["metadata"]
    ns = meta.get("namespace") or "default"
    now = rfc3339(sim.time)
    typ = "Warning" if warning else "Normal"
    same = sim.store.objects.events.first(ns, meta.get("uid"), reason, message, field_path)
    if same is not None:
        ev = sim.store.objects[same]
        if ev["lastTimestamp"] == now:
            return
        updated = dict(ev, count=ev.get("count", 1) + 1, lastTimestamp=now)
        sim.store.write(updated)
        return
    involved = {"kind": obj["kind"], "name": meta["name"], "uid": meta.get("uid", ""),
                "apiVersion": obj["apiVersion"]}
    if meta.get("namespace"):
        involved["namespace"] = meta["namespace"]
    if meta.get("resourceVersion"):
        involved["resourceVersion"] = meta["resourceVersion"]
    if field_path:
        involved["fieldPath"] = field_path
    source = {"component": component}
    if host:
        source["host"] = host
    ev = {"apiVersion": "v1", "kind": "Event",
          "metadata": {"name": f"{meta['name']}.{_stamp(sim):x}", "namespace": ns},
          "involvedObject": involved, "reason": reason, "message": message, "source": source,
          "firstTimestamp": now, "lastTimestamp": now, "count": 1, "type": typ,
          "reportingComponent": component, "reportingInstance": host or ""}
    from .errors import ApiError
    try:
        sim.store.create(ev, validate=False, copy_out=False, take=True)
    except ApiError:  # the namespace is being deleted
        pass


def record_times(sim: "Engine", obj: Obj, reason: str, message: str, component: str, first: float, last: float,
                 count: int, *, warning: bool = False, host: str | None = None, field_path: str | None = None) -> None:
    """Record `count` occurrences of an event between the virtual times first and last (the kubelet's probes
    are counted in runs of ticks): a new Event, or the same reason and message again with a higher count."""
    meta = obj["metadata"]
    ns = meta.get("namespace") or "default"
    same = sim.store.objects.events.first(ns, meta.get("uid"), reason, message, field_path)
    if same is not None:
        ev = sim.store.objects[same]
        sim.store.write(dict(ev, count=ev.get("count", 1) + count, lastTimestamp=rfc3339(last)))
        return
    record(sim, obj, reason, message, component, warning=warning, host=host, field_path=field_path)
    same = sim.store.objects.events.first(ns, meta.get("uid"), reason, message, field_path)
    if same is not None:
        ev = sim.store.objects[same]
        sim.store.write(dict(ev, count=count, firstTimestamp=rfc3339(first), lastTimestamp=rfc3339(last)))


def _stamp(sim: "Engine") -> int:
    """The event name's suffix: the time in nanoseconds, as the API server's recorder names events, so that
    names sort in the order the events were made (kubectl lists a second's events in that order). Events of one
    virtual instant are told apart by the cluster's name counter, which only grows."""
    sim.names.counter += 1
    return int(sim.time) * 1_000_000_000 + sim.names.counter % 1_000_000_000


def prune(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    """Drop events older than the API server's one-hour TTL (only those among keys unless None)."""
    for ev in sim.store.pick("Event", keys):
        if sim.time - parse_rfc3339(ev["lastTimestamp"]) > EVENT_TTL:
            sim.store.delete("Event", ev["metadata"]["namespace"], ev["metadata"]["name"])


def for_object(sim: "Engine", obj: Obj) -> list[Obj]:
    """Events about one object as kubectl describe lists them: by last time seen, then in the order they were
    made."""
    uid = obj["metadata"].get("uid")
    evs = [e for e in sim.store.items("Event", obj["metadata"].get("namespace") or "default")
           if e["involvedObject"].get("uid") == uid]
    return sorted(evs, key=lambda e: (e["lastTimestamp"], e["metadata"]["name"]))
