"""The ReplicaSet controller (and the ReplicationController one, which differs only in its map selector)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import selectors
from . import common

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]


def _matcher(rs: Obj) -> Any:
    sel = rs["spec"].get("selector")
    return selectors.from_map(sel) if rs["kind"] == "ReplicationController" else selectors.from_label_selector(sel)


def _pods(sim: "Engine", rs: Obj) -> list[Obj]:
    """Active pods the set owns, adopting matching orphans."""
    match = _matcher(rs)
    uid = rs["metadata"]["uid"]
    out = []
    namespace = rs["metadata"]["namespace"]
    # only its own pods and orphans can be the set's: pods of other controllers are never looked at
    candidates = sim.store.controlled(uid, "Pod", namespace) + sim.store.controlled(None, "Pod", namespace)
    for pod in sorted(candidates, key=lambda p: p["metadata"]["name"]):
        if not match(pod["metadata"].get("labels") or {}):
            if common.controller_uid(pod) == uid:  # relabelled: release it
                p = dict(pod)
                p["metadata"] = {k: v for k, v in pod["metadata"].items() if k != "ownerReferences"}
                sim.store.write(p)
            continue
        owner = common.controller_uid(pod)
        if owner is None:
            p = dict(pod)
            p["metadata"] = dict(pod["metadata"], ownerReferences=[common.owner_ref(rs)])
            sim.store.write(p)
            pod = sim.store.find("Pod", p["metadata"]["namespace"], p["metadata"]["name"])
            owner = uid
        if owner == uid and common.is_active(pod):
            out.append(pod)
    return out


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None, kind: str = "ReplicaSet") -> None:
    """Sync every set of the kind (only those among keys unless None)."""
    for rs in sim.store.pick(kind, keys):
        sync(sim, rs)


def sync(sim: "Engine", rs: Obj) -> None:
    pods = _pods(sim, rs)
    want = rs["spec"].get("replicas", 1)
    if len(pods) < want:
        missing, room = want - len(pods), sim.store.room("Pod")
        for _ in range(min(missing, room)):
            created = common.create_pod(sim, rs, rs["spec"].get("template") or {})
            if created is None:
                break
            pods.append(created)
        if missing > room:
            common.refused_pods(sim, rs)
    elif len(pods) > want:
        for pod in sorted(pods, key=common.pod_delete_order)[: len(pods) - want]:
            common.delete_pod(sim, rs, pod)
            pods.remove(pod)
    pods = [sim.store.find("Pod", p["metadata"]["namespace"], p["metadata"]["name"]) for p in pods]
    pods = [p for p in pods if p]
    min_ready = rs["spec"].get("minReadySeconds", 0)
    tpl_labels = ((rs["spec"].get("template") or {}).get("metadata") or {}).get("labels") or {}
    status = {"replicas": len(pods),
              "fullyLabeledReplicas": sum(1 for p in pods if all(
                  (p["metadata"].get("labels") or {}).get(k) == v for k, v in tpl_labels.items())),
              "readyReplicas": sum(1 for p in pods if common.is_ready(p)),
              "availableReplicas": sum(1 for p in pods if common.is_available(p, min_ready, sim.time)),
              "observedGeneration": rs["metadata"].get("generation", 1)}
    if rs["kind"] == "ReplicaSet":
        status["terminatingReplicas"] = 0
    conditions = [c for c in (rs.get("status") or {}).get("conditions") or [] if c.get("type") != "ReplicaFailure"]
    failure = sim.runtime.get("failed_create", {}).get(rs["metadata"]["uid"])
    if failure and len(pods) < want:
        kept = next((c for c in (rs.get("status") or {}).get("conditions") or []
                     if c.get("type") == "ReplicaFailure"), None)
        conditions = common.set_condition(conditions + ([kept] if kept else []), "ReplicaFailure", "True",
                                          "FailedCreate", f"unable to create pods: {failure}", sim.time)
    if conditions:
        status["conditions"] = conditions
    new = dict(rs)
    new["status"] = common.prune_zero(status, keep=("replicas",))
    sim.store.write(new)


def wakeups(sim: "Engine", kind: str = "ReplicaSet") -> list[tuple[float, bool]]:
    """minReadySeconds: when a ready pod becomes available."""
    out = []
    for rs in sim.store.items(kind):
        mrs = rs["spec"].get("minReadySeconds", 0)
        if mrs:
            for p in sim.store.owned_by(rs, "Pod"):
                since = common.ready_since(p)
                if since is not None and since + mrs > sim.time:
                    out.append((since + mrs, True))
    return out
