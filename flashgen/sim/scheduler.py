"""The scheduler: binds pending pods to nodes (taints and tolerations, nodeSelector, required node affinity),
spreading a controller's pods over nodes deterministically."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import events
from .timefmt import rfc3339

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]


def tolerates(tolerations: list[Obj], taint: Obj) -> bool:
    """Whether a toleration list tolerates a taint."""
    for t in tolerations or []:
        if t.get("effect") and t["effect"] != taint.get("effect"):
            continue
        op = t.get("operator", "Equal")
        if not t.get("key") and op == "Exists":
            return True
        if t.get("key") != taint.get("key"):
            continue
        if op == "Exists" or t.get("value", "") == taint.get("value", ""):
            return True
    return False


def _node_term_matches(term: Obj, node: Obj) -> bool:
    labels = node["metadata"].get("labels") or {}
    for e in term.get("matchExpressions") or []:
        v, vals = labels.get(e["key"]), e.get("values") or []
        op = e["operator"]
        ok = {"In": v in vals, "NotIn": v not in vals, "Exists": e["key"] in labels,
              "DoesNotExist": e["key"] not in labels,
              "Gt": v is not None and v.isdigit() and vals and int(v) > int(vals[0]),
              "Lt": v is not None and v.isdigit() and vals and int(v) < int(vals[0])}.get(op, False)
        if not ok:
            return False
    for e in term.get("matchFields") or []:
        if e.get("key") == "metadata.name":
            name = node["metadata"]["name"]
            if (e["operator"] == "In") != (name in (e.get("values") or [])):
                return False
    return True


def why_not(pod: Obj, node: Obj) -> str | None:
    """None when the pod fits the node, else the scheduler's reason phrase."""
    spec = pod["spec"]
    if node["spec"].get("unschedulable") and not tolerates(spec.get("tolerations"), {
            "key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"}):
        return "node(s) were unschedulable"
    affinity = ((spec.get("affinity") or {}).get("nodeAffinity") or {}).get(
        "requiredDuringSchedulingIgnoredDuringExecution")
    sel = spec.get("nodeSelector") or {}
    labels = node["metadata"].get("labels") or {}
    if any(labels.get(k) != v for k, v in sel.items()) or (
            affinity and not any(_node_term_matches(t, node) for t in affinity.get("nodeSelectorTerms") or [])):
        return "node(s) didn't match Pod's node affinity/selector"
    for taint in node["spec"].get("taints") or []:
        if taint.get("effect") in ("NoSchedule", "NoExecute") and not tolerates(spec.get("tolerations"), taint):
            return "node(s) had untolerated taint {%s: %s}" % (taint["key"], taint.get("value", ""))
    return None


def _owner_uid(pod: Obj) -> str | None:
    for r in pod["metadata"].get("ownerReferences") or []:
        if r.get("controller"):
            return r.get("uid")
    return None


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    """Bind every unscheduled pod (only those among keys unless None) that fits somewhere. The store counts
    the pods on each node, and a binding written below counts at once."""
    nodes = list(sim.store.items("Node"))
    placement = sim.store.objects.placement
    on_node, owner_on_node = placement.on_node, placement.owner_on_node
    for pod in sim.store.pick("Pod", keys):
        if pod["spec"].get("nodeName") or pod["spec"].get("schedulerName", "default-scheduler") != "default-scheduler":
            continue
        fits, reasons = [], {}
        for node in nodes:
            r = why_not(pod, node)
            if r is None and on_node[node["metadata"]["name"]] >= _max_pods(node):
                r = "Too many pods"
            if r is None:
                fits.append(node)
            else:
                reasons[r] = reasons.get(r, 0) + 1
        p = dict(pod)
        p["spec"] = dict(pod["spec"])
        status = dict(pod.get("status") or {})
        if not fits:
            detail = ", ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
            msg = (f"0/{len(nodes)} nodes are available: {detail}. preemption: 0/{len(nodes)} nodes are available: "
                   f"{len(nodes)} Preemption is not helpful for scheduling.")
            cond = {"type": "PodScheduled", "status": "False", "lastProbeTime": None,
                    "lastTransitionTime": _kept_time(pod, "PodScheduled", "False", sim), "reason": "Unschedulable",
                    "message": msg}
            status.update(phase="Pending", conditions=[cond], qosClass=status.get("qosClass", "BestEffort"))
            p["status"] = status
            sim.store.write(p)
            events.record(sim, pod, "FailedScheduling", msg, "default-scheduler", warning=True)
            continue
        owner = _owner_uid(pod)

        def score(node: Obj) -> tuple[int, int, str]:
            name = node["metadata"]["name"]
            return (owner_on_node[(name, owner)] if owner else 0, on_node[name], name)
        node = min(fits, key=score)
        name = node["metadata"]["name"]
        p["spec"]["nodeName"] = name
        status = {"phase": "Pending", "conditions": [
            {"type": "PodScheduled", "status": "True", "lastProbeTime": None, "lastTransitionTime": rfc3339(sim.time)}],
            "qosClass": status.get("qosClass", "BestEffort")}
        p["status"] = status
        sim.store.write(p)
        ns = pod["metadata"].get("namespace")
        events.record(sim, pod, "Scheduled", f"Successfully assigned {ns}/{pod['metadata']['name']} to {name}",
                      "default-scheduler")


def _max_pods(node: Obj) -> int:
    """How many pods the node's kubelet takes (kind's default 110)."""
    try:
        return int(((node.get("status") or {}).get("allocatable") or {}).get("pods", 110))
    except (TypeError, ValueError):
        return 110


def _kept_time(pod: Obj, ctype: str, status: str, sim: "Engine") -> str:
    for c in (pod.get("status") or {}).get("conditions") or []:
        if c.get("type") == ctype and c.get("status") == status:
            return c["lastTransitionTime"]
    return rfc3339(sim.time)
