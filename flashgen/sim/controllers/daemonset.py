"""The DaemonSet controller: one pod per eligible node (nodeSelector, affinity, taints and tolerations), pinned
with node affinity on metadata.name, rolling updates one node at a time."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .. import names, scheduler
from . import common

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]
DAEMON_TOLERATIONS = [
    {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute"},
    {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute"},
    {"key": "node.kubernetes.io/disk-pressure", "operator": "Exists", "effect": "NoSchedule"},
    {"key": "node.kubernetes.io/memory-pressure", "operator": "Exists", "effect": "NoSchedule"},
    {"key": "node.kubernetes.io/pid-pressure", "operator": "Exists", "effect": "NoSchedule"},
    {"key": "node.kubernetes.io/unschedulable", "operator": "Exists", "effect": "NoSchedule"},
]


def revision_hash(ds: Obj) -> str:
    return names.template_hash(ds["spec"].get("template") or {})[:10]


def _pod_node(pod: Obj) -> str | None:
    aff = ((pod["spec"].get("affinity") or {}).get("nodeAffinity") or {}).get(
        "requiredDuringSchedulingIgnoredDuringExecution") or {}
    for term in aff.get("nodeSelectorTerms") or []:
        for f in term.get("matchFields") or []:
            if f.get("key") == "metadata.name" and f.get("values"):
                return f["values"][0]
    return pod["spec"].get("nodeName")


def _eligible(ds: Obj, node: Obj) -> bool:
    tpl = ds["spec"].get("template") or {}
    probe = {"spec": dict(tpl.get("spec") or {})}  # why_not only reads it
    probe["spec"]["tolerations"] = (probe["spec"].get("tolerations") or []) + DAEMON_TOLERATIONS
    return scheduler.why_not(probe, node) is None


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    """Sync every DaemonSet (only those among keys unless None)."""
    for ds in sim.store.pick("DaemonSet", keys):
        sync(sim, ds)


def sync(sim: "Engine", ds: Obj) -> None:
    h = revision_hash(ds)
    gen = ds["metadata"].get("generation", 1)
    nodes = list(sim.store.items("Node"))
    pods = [p for p in sim.store.owned_by(ds, "Pod") if common.is_active(p)]
    by_node: dict[str, list[Obj]] = {}
    for p in pods:
        by_node.setdefault(_pod_node(p) or "", []).append(p)
    eligible = [n for n in nodes if _eligible(ds, n)]
    eligible_names = {n["metadata"]["name"] for n in eligible}
    for node_name, ps in by_node.items():
        if node_name not in eligible_names:
            for p in ps:
                common.delete_pod(sim, ds, p)
    max_unavailable = ((ds["spec"].get("updateStrategy") or {}).get("rollingUpdate") or {}).get("maxUnavailable", 1)
    if isinstance(max_unavailable, str):
        max_unavailable = max(1, int(max_unavailable.rstrip("%")) * len(eligible) // 100)
    rolling = (ds["spec"].get("updateStrategy") or {}).get("type", "RollingUpdate") == "RollingUpdate"
    unavailable = sum(1 for n in eligible for p in by_node.get(n["metadata"]["name"], [])[:1]
                      if not common.is_available(p, ds["spec"].get("minReadySeconds", 0), sim.time))
    for node in eligible:
        name = node["metadata"]["name"]
        ps = by_node.get(name, [])
        if not ps:
            _create(sim, ds, name, h, gen)
            continue
        for extra in ps[1:]:
            common.delete_pod(sim, ds, extra)
        p = ps[0]
        if rolling and (p["metadata"].get("labels") or {}).get("controller-revision-hash") != h:
            if common.is_available(p, 0, sim.time) and unavailable < max_unavailable:
                common.delete_pod(sim, ds, p)
                unavailable += 1
                _create(sim, ds, name, h, gen)
            elif not common.is_available(p, 0, sim.time):
                common.delete_pod(sim, ds, p)
                _create(sim, ds, name, h, gen)
    _status(sim, ds, eligible_names, h)


def _create(sim: "Engine", ds: Obj, node: str, h: str, gen: int) -> None:
    tpl = ds["spec"].get("template") or {}
    spec = copy.deepcopy(tpl.get("spec") or {})
    spec["tolerations"] = (spec.get("tolerations") or []) + [
        t for t in DAEMON_TOLERATIONS if t not in (spec.get("tolerations") or [])]
    spec.setdefault("affinity", {})["nodeAffinity"] = {"requiredDuringSchedulingIgnoredDuringExecution": {
        "nodeSelectorTerms": [{"matchFields": [{"key": "metadata.name", "operator": "In", "values": [node]}]}]}}
    common.create_pod(sim, ds, {"metadata": tpl.get("metadata") or {}, "spec": spec},
                      labels={"controller-revision-hash": h, "pod-template-generation": str(gen)})


def _status(sim: "Engine", ds: Obj, eligible: set[str], h: str) -> None:
    ds = sim.store.find("DaemonSet", ds["metadata"]["namespace"], ds["metadata"]["name"])
    pods = [p for p in sim.store.owned_by(ds, "Pod") if common.is_active(p)]
    scheduled = [p for p in pods if (_pod_node(p) or "") in eligible]
    mrs = ds["spec"].get("minReadySeconds", 0)
    desired = len(eligible)
    available = sum(1 for p in scheduled if common.is_available(p, mrs, sim.time))
    status = {"currentNumberScheduled": len(scheduled), "desiredNumberScheduled": desired,
              "numberMisscheduled": len(pods) - len(scheduled),
              "numberReady": sum(1 for p in scheduled if common.is_ready(p)),
              "observedGeneration": ds["metadata"].get("generation", 1),
              "updatedNumberScheduled": sum(1 for p in scheduled
                                            if (p["metadata"].get("labels") or {}).get("controller-revision-hash") == h),
              "numberAvailable": available, "numberUnavailable": desired - available}
    new = dict(ds)
    new["status"] = common.prune_zero(status, keep=("currentNumberScheduled", "desiredNumberScheduled",
                                                    "numberMisscheduled", "numberReady"))
    sim.store.write(new)


def wakeups(sim: "Engine") -> list[tuple[float, bool]]:
    return []
