"""Node taints the control plane manages: the `node.kubernetes.io/unschedulable:NoSchedule` taint that follows a
cordon (the node lifecycle controller; the kubelet's NodeNotSchedulable and NodeSchedulable events), and the taint-eviction-controller, which deletes pods that do not
tolerate a node's NoExecute taints, at once or after their tolerationSeconds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import events
from ..scheduler import UNSCHEDULABLE_TAINT, tolerates
from ..timefmt import rfc3339
from . import common

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]
COMPONENT = "taint-eviction-controller"


def _sync_cordon(sim: "Engine", node: Obj) -> None:
    taints = node["spec"].get("taints") or []
    has = any(t.get("key") == UNSCHEDULABLE_TAINT and t.get("effect") == "NoSchedule" for t in taints)
    want = bool(node["spec"].get("unschedulable"))
    if has == want:
        return
    if want:
        new_taints = taints + [{"key": UNSCHEDULABLE_TAINT, "effect": "NoSchedule", "timeAdded": rfc3339(sim.time)}]
    else:
        new_taints = [t for t in taints if t.get("key") != UNSCHEDULABLE_TAINT]
    spec = dict(node["spec"])
    if new_taints:
        spec["taints"] = new_taints
    else:
        spec.pop("taints", None)
    sim.store.write(dict(node, spec=spec))
    name = node["metadata"]["name"]
    state = "NodeNotSchedulable" if want else "NodeSchedulable"
    events.record(sim, node, state, f"Node {name} status is now: {state}", "kubelet", host=name)


def _tolerated_for(spec: Obj, taints: list[Obj]) -> float | None:
    """None when some NoExecute taint is not tolerated; else the shortest tolerationSeconds (inf: forever)."""
    shortest = float("inf")
    for taint in taints:
        matching = [t for t in spec.get("tolerations") or [] if tolerates([t], taint)]
        if not matching:
            return None
        seconds = [float(t["tolerationSeconds"]) for t in matching if t.get("tolerationSeconds") is not None]
        if len(seconds) == len(matching):  # every matching toleration is limited in time
            shortest = min(shortest, max(0.0, min(seconds)))
    return shortest


def _evict(sim: "Engine", pod: Obj) -> None:
    meta = pod["metadata"]
    conds = common.set_condition((pod.get("status") or {}).get("conditions") or [], "DisruptionTarget", "True",
                                 "DeletionByTaintManager", "Taint manager: deleting due to NoExecute taint", sim.time)
    sim.store.write(dict(pod, status=dict(pod.get("status") or {}, conditions=conds)))
    sim.store.delete("Pod", meta["namespace"], meta["name"])


def _no_execute(node: Obj | None) -> list[Obj]:
    return [t for t in (node or {}).get("spec", {}).get("taints") or [] if t.get("effect") == "NoExecute"]


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    """Keep the cordon taint in step with spec.unschedulable, then evict what NoExecute taints forbid (only on
    the nodes among keys unless None: a pod bound to a tainted node meanwhile is seen when the clock next moves,
    which is when every loop looks at everything)."""
    if keys is not None and not keys:
        return
    store = sim.store
    if keys is None:
        nodes = list(store.items("Node"))
    else:
        nodes = [n for n in (store.find("Node", None, k[2]) for k in sorted(keys) if k[0] == "Node") if n]
    for node in nodes:
        _sync_cordon(sim, node)
    timers: dict[str, Any] = sim.runtime.setdefault("noexecute", {})
    if keys is None:
        tainted = {n["metadata"]["name"]: _no_execute(n) for n in store.items("Node")}
        pods = list(store.items("Pod")) if any(tainted.values()) else []
    else:  # only the nodes that changed: their pods (pods bound later are seen on the next full pass)
        tainted = {n["metadata"]["name"]: _no_execute(store.find("Node", None, n["metadata"]["name"])) for n in nodes}
        pods = [p for n, t in tainted.items() if t for p in store.items("Pod") if p["spec"].get("nodeName") == n]
    checked = set()
    for pod in pods:
        meta = pod["metadata"]
        node = pod["spec"].get("nodeName")
        if meta["uid"] in checked or not tainted.get(node) or meta.get("deletionTimestamp") or \
                (pod.get("status") or {}).get("phase") in ("Succeeded", "Failed"):
            continue
        checked.add(meta["uid"])
        ref = f"{meta['namespace']}/{meta['name']}"
        tolerated = _tolerated_for(pod["spec"], tainted[node])
        if tolerated == float("inf"):
            timers.pop(meta["uid"], None)
            continue
        if tolerated is not None:
            timer = timers.setdefault(meta["uid"], {"start": sim.time, "node": node})
            if timer.get("at") is None or timer["start"] + tolerated < timer["at"]:
                timer["at"] = timer["start"] + tolerated
            if sim.time < timer["at"]:
                continue
        events.record(sim, pod, "TaintManagerEviction", f"Marking for deletion Pod {ref}", COMPONENT)
        timers.pop(meta["uid"], None)
        _evict(sim, pod)
    if keys is None:
        _cancel_stale(sim, timers)


def _cancel_stale(sim: "Engine", timers: dict[str, Any]) -> None:
    """Forget timers of pods gone or no longer under a NoExecute taint (recording the cancellation)."""
    for uid in list(timers):
        key = sim.store.objects.key_of_uid(uid)
        pod = sim.store.objects.get(key) if key else None
        node = (pod or {}).get("spec", {}).get("nodeName")
        if pod is not None and _no_execute(sim.store.find("Node", None, node or "")) and \
                _tolerated_for(pod["spec"], _no_execute(sim.store.find("Node", None, node or ""))) not in \
                (None, float("inf")):
            continue
        del timers[uid]
        if pod is not None and not pod["metadata"].get("deletionTimestamp"):
            meta = pod["metadata"]
            events.record(sim, pod, "TaintManagerEviction",
                          f"Cancelling deletion of Pod {meta['namespace']}/{meta['name']}", COMPONENT)


def wakeups(sim: "Engine") -> list[tuple[float, bool]]:
    """When a tolerated NoExecute taint's tolerationSeconds run out."""
    return [(t["at"], True) for t in (sim.runtime.get("noexecute") or {}).values() if t.get("at") is not None]
