"""The disruption controller: each PodDisruptionBudget's status (expected, healthy and desired pods, the
disruptions allowed now, the DisruptionAllowed condition), which the Eviction API consults."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .. import selectors
from ..timefmt import parse_rfc3339
from . import common

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]
SCALABLE = {"ReplicaSet": "apps/v1", "StatefulSet": "apps/v1", "ReplicationController": "v1", "Deployment": "apps/v1"}
DISRUPTED_TIMEOUT = 120.0  # an eviction the controller has not seen carried out stops counting after 2 minutes


def pods_of(sim: "Engine", pdb: Obj) -> list[Obj]:
    """The pods in the budget's namespace its selector picks (policy/v1: an empty selector picks every pod)."""
    sel = (pdb.get("spec") or {}).get("selector")
    if sel is None:
        return []
    match = selectors.from_label_selector(sel)
    return [p for p in sim.store.items("Pod", pdb["metadata"]["namespace"]) if match(p["metadata"].get("labels") or {})]


def _scale_of_controllers(sim: "Engine", pods: list[Obj]) -> int | None:
    """The summed replicas of the pods' controllers (a ReplicaSet counts as its Deployment); None when a pod has
    no scalable controller."""
    seen: dict[str, int] = {}
    for pod in pods:
        ref = next((r for r in pod["metadata"].get("ownerReferences") or [] if r.get("controller")), None)
        if ref is None or ref.get("kind") not in SCALABLE:
            return None
        owner = sim.store.find(ref["kind"], pod["metadata"]["namespace"], ref.get("name", ""))
        if owner is None:
            return None
        if ref["kind"] == "ReplicaSet":
            dref = next((r for r in owner["metadata"].get("ownerReferences") or [] if r.get("controller")), None)
            dep = sim.store.find("Deployment", pod["metadata"]["namespace"], dref.get("name", "")) if dref and \
                dref.get("kind") == "Deployment" else None
            if dep is not None:
                owner = dep
        seen[owner["metadata"]["uid"]] = int(owner["spec"].get("replicas", 1))
    return sum(seen.values())


def _resolve(value: Any, total: int, round_up: bool) -> int:
    if isinstance(value, str) and value.endswith("%"):
        share = total * int(value[:-1]) / 100
        return math.ceil(share) if round_up else math.floor(share)
    return int(value)


def healthy(pod: Obj) -> bool:
    return common.is_ready(pod) and not pod["metadata"].get("deletionTimestamp")


def compute(sim: "Engine", pdb: Obj) -> Obj:
    spec = pdb.get("spec") or {}
    pods = [p for p in pods_of(sim, pdb) if (p.get("status") or {}).get("phase") not in ("Succeeded", "Failed")]
    current = sum(1 for p in pods if healthy(p))
    old = pdb.get("status") or {}
    disrupted = {name: t for name, t in (old.get("disruptedPods") or {}).items()
                 if sim.time - parse_rfc3339(t) < DISRUPTED_TIMEOUT and
                 any(p["metadata"]["name"] == name and not p["metadata"].get("deletionTimestamp") for p in pods)}
    expected, desired = len(pods), 0
    if spec.get("maxUnavailable") is not None:
        scale = _scale_of_controllers(sim, pods)
        expected = scale if scale is not None else len(pods)
        desired = max(0, expected - _resolve(spec["maxUnavailable"], expected, True))
    elif spec.get("minAvailable") is not None:
        value = spec["minAvailable"]
        if isinstance(value, str) and value.endswith("%"):
            scale = _scale_of_controllers(sim, pods)
            expected = scale if scale is not None else len(pods)
        desired = _resolve(value, expected, True)
    allowed = max(0, current - len(disrupted) - desired) if expected > 0 or desired > 0 else 0
    if expected == 0 and desired == 0:
        allowed = 0
    reason = "SufficientPods" if allowed > 0 else "InsufficientPods"
    conds = common.set_condition(old.get("conditions") or [], "DisruptionAllowed", "True" if allowed > 0 else "False",
                                 reason, "", sim.time)
    for c in conds:
        c["observedGeneration"] = pdb["metadata"].get("generation", 1)
    status: Obj = {"observedGeneration": pdb["metadata"].get("generation", 1), "disruptionsAllowed": allowed,
                   "currentHealthy": current, "desiredHealthy": desired, "expectedPods": expected,
                   "conditions": conds}
    if disrupted:
        status["disruptedPods"] = disrupted
    return status


def reconcile(sim: "Engine", keys: Any = None) -> None:
    """Recompute every budget's status (there are few; each looks at its namespace's pods)."""
    if not sim.store.objects.keys_of("PodDisruptionBudget"):
        return
    for pdb in list(sim.store.items("PodDisruptionBudget")):
        status = compute(sim, pdb)
        if status != pdb.get("status"):
            sim.store.write(dict(pdb, status=status))
