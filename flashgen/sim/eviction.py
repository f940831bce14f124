"""The Eviction API (pods/eviction, policy/v1): delete a pod unless a PodDisruptionBudget forbids it, with the
API server's 429 and its DisruptionBudget cause."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import errors, selectors
from .controllers import common, disruption
from .timefmt import rfc3339

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]
VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget."


def _too_many(cause: str) -> errors.ApiError:
    return errors.ApiError(429, "TooManyRequests", VIOLATION,
                           {"causes": [{"reason": "DisruptionBudget", "message": cause}]})


def _delete(sim: "Engine", pod: Obj, options: Obj) -> None:
    meta = pod["metadata"]
    pre = options.get("preconditions") or {}
    if pre.get("uid") and pre["uid"] != meta["uid"]:
        raise errors.conflict("pods", meta["name"])
    grace = options.get("gracePeriodSeconds")
    conds = common.set_condition((pod.get("status") or {}).get("conditions") or [], "DisruptionTarget", "True",
                                 "EvictionByEvictionAPI", "Eviction API: evicting", sim.time)
    if not meta.get("deletionTimestamp"):
        sim.store.write(dict(pod, status=dict(pod.get("status") or {}, conditions=conds)))
    sim.store.delete("Pod", meta["namespace"], meta["name"], options.get("propagationPolicy") or "Background",
                     int(grace) if grace is not None else None)


def evict(sim: "Engine", namespace: str, name: str, body: Obj | None) -> Obj:
    """Evict a pod; returns the Status of success, raises ApiError 429 when a budget forbids it."""
    pod = sim.store.find("Pod", namespace, name)
    if pod is None:
        raise errors.not_found("pods", name)
    options = (body or {}).get("deleteOptions") or {}
    phase = (pod.get("status") or {}).get("phase")
    budgets = [] if pod["metadata"].get("deletionTimestamp") or phase in ("Succeeded", "Failed", "Pending") else [
        b for b in sim.store.items("PodDisruptionBudget", namespace)
        if (b.get("spec") or {}).get("selector") is not None and
        selectors.from_label_selector(b["spec"]["selector"])(pod["metadata"].get("labels") or {})]
    if len(budgets) > 1:
        raise errors.ApiError(500, "InternalError", "This pod has more than one PodDisruptionBudget, which the "
                              "eviction subresource does not support.")
    if budgets:
        pdb = budgets[0]
        st = pdb.get("status") or {}
        if st.get("observedGeneration", 0) < pdb["metadata"].get("generation", 1):
            raise _too_many(f"The disruption budget {pdb['metadata']['name']} is still being processed by the "
                            "server.")
        unhealthy_ok = not disruption.healthy(pod) and (
            (pdb["spec"].get("unhealthyPodEvictionPolicy") == "AlwaysAllow") or
            st.get("currentHealthy", 0) >= st.get("desiredHealthy", 0))
        if not unhealthy_ok:
            if st.get("disruptionsAllowed", 0) <= 0:
                raise _too_many(f"The disruption budget {pdb['metadata']['name']} needs {st.get('desiredHealthy', 0)} "
                                f"healthy pods and has {st.get('currentHealthy', 0)} currently")
            st = dict(st, disruptionsAllowed=st["disruptionsAllowed"] - 1,
                      disruptedPods=dict(st.get("disruptedPods") or {}, **{name: rfc3339(sim.time)}))
            sim.store.write(dict(pdb, status=st))
    _delete(sim, pod, options)
    sim.settle()
    return {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success", "code": 201}
