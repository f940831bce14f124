"""Helpers the controllers share: owner references, pod creation from templates, pod readiness."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import events
from ..errors import ApiError
from ..objects import clone
from ..timefmt import parse_rfc3339, rfc3339

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]


# the controller that reports a pod's creation and deletion in events, by owner kind
COMPONENTS = {"ReplicaSet": "replicaset-controller", "ReplicationController": "replication-controller",
              "Job": "job-controller", "DaemonSet": "daemonset-controller",
              "StatefulSet": "statefulset-controller"}

def owner_ref(owner: Obj, block: bool = True) -> Obj:
    """A controller ownerReference pointing at owner."""
    return {"apiVersion": owner["apiVersion"], "kind": owner["kind"], "name": owner["metadata"]["name"],
            "uid": owner["metadata"]["uid"], "controller": True, "blockOwnerDeletion": block}


def controller_uid(obj: Obj) -> str | None:
    for r in obj["metadata"].get("ownerReferences") or []:
        if r.get("controller"):
            return r.get("uid")
    return None


def is_active(pod: Obj) -> bool:
    """Not finished and not being deleted."""
    return (pod.get("status") or {}).get("phase") not in ("Succeeded", "Failed") and \
        not pod["metadata"].get("deletionTimestamp")


def is_ready(pod: Obj) -> bool:
    return any(c["type"] == "Ready" and c["status"] == "True" for c in (pod.get("status") or {}).get("conditions") or [])


def ready_since(pod: Obj) -> float | None:
    for c in (pod.get("status") or {}).get("conditions") or []:
        if c["type"] == "Ready" and c["status"] == "True":
            return parse_rfc3339(c["lastTransitionTime"])
    return None


def is_available(pod: Obj, min_ready: int, now: float) -> bool:
    since = ready_since(pod)
    return since is not None and is_active(pod) and (min_ready <= 0 or since + min_ready <= now)


def refused_pods(sim: "Engine", owner: Obj) -> None:
    """A FailedCreate warning on an owner that wants more pods than the cluster holds (Store.pod_limit)."""
    events.record(sim, owner, "FailedCreate", f'Error creating: pods "{owner["metadata"]["name"]}-" is forbidden: '
                  + sim.store.pods_refused(),
                  COMPONENTS.get(owner["kind"], "controller-manager"), warning=True)


def create_pod(sim: "Engine", owner: Obj, template: Obj, *, name: str | None = None,
               generate_name: str | None = None, labels: dict[str, str] | None = None,
               annotations: dict[str, str] | None = None, spec_patch: Obj | None = None) -> Obj | None:
    """Create a pod from a template, owned by owner; records SuccessfulCreate on the owner and returns the stored
    pod (to read, never to change). When admission refuses it, records FailedCreate (with the API server's
    message) instead, remembers the message for the owner's status (`failed_create`, by owner uid) and returns
    None."""
    tmeta = template.get("metadata") or {}
    meta: Obj = {"namespace": owner["metadata"]["namespace"], "ownerReferences": [owner_ref(owner)]}
    if name:
        meta["name"] = name
    else:
        meta["generateName"] = generate_name or owner["metadata"]["name"] + "-"
    meta["labels"] = dict(tmeta.get("labels") or {}, **(labels or {}))
    ann = dict(tmeta.get("annotations") or {}, **(annotations or {}))
    if ann:
        meta["annotations"] = ann
    spec = clone(template.get("spec") or {})
    if spec_patch:
        spec.update(clone(spec_patch))
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec}
    component = COMPONENTS.get(owner["kind"], "controller-manager")
    try:
        sim.store.create(pod, validate=False, copy_out=False, take=True)
        created = pod
    except ApiError as e:  # refused by admission (a quota, a LimitRange, a missing PriorityClass ...)
        if e.code not in (403, 422):
            raise
        msg = f"Error creating: {e.message}"
        if owner["kind"] == "StatefulSet":
            msg = f"create Pod {name} in StatefulSet {owner['metadata']['name']} failed error: {e.message}"
        events.record(sim, owner, "FailedCreate", msg, component, warning=True)
        sim.runtime.setdefault("failed_create", {})[owner["metadata"]["uid"]] = e.message
        return None
    sim.runtime.get("failed_create", {}).pop(owner["metadata"]["uid"], None)
    msg = f"Created pod: {created['metadata']['name']}"
    if owner["kind"] == "StatefulSet":
        msg = f"create Pod {created['metadata']['name']} in StatefulSet {owner['metadata']['name']} successful"
    events.record(sim, owner, "SuccessfulCreate", msg, component)
    return created


def delete_pod(sim: "Engine", owner: Obj, pod: Obj) -> None:
    name = pod["metadata"]["name"]
    sim.store.delete("Pod", pod["metadata"]["namespace"], name)
    component = COMPONENTS.get(owner["kind"], "controller-manager")
    msg = f"Deleted pod: {name}"
    if owner["kind"] == "StatefulSet":
        msg = f"delete Pod {name} in StatefulSet {owner['metadata']['name']} successful"
    events.record(sim, owner, "SuccessfulDelete", msg, component)


def set_condition(conditions: list[Obj], ctype: str, status: str, reason: str, message: str, now: float,
                  update_time: bool = False) -> list[Obj]:
    """Set one condition, keeping lastTransitionTime when status did not change."""
    out = []
    found = False
    for c in conditions:
        if c["type"] == ctype:
            found = True
            changed = c["status"] != status
            n = dict(c, status=status, reason=reason, message=message)
            if changed:
                n["lastTransitionTime"] = rfc3339(now)
            if update_time and (changed or c.get("reason") != reason or c.get("message") != message):
                n["lastUpdateTime"] = rfc3339(now)
            out.append(n)
        else:
            out.append(c)
    if not found:
        c = {"type": ctype, "status": status}
        if update_time:
            c["lastUpdateTime"] = rfc3339(now)
        c.update(lastTransitionTime=rfc3339(now), reason=reason, message=message)
        out.append(c)
    return out


def prune_zero(status: Obj, keep: tuple[str, ...] = ()) -> Obj:
    """Drop zero-valued counters, as Go's omitempty does."""
    return {k: v for k, v in status.items() if k in keep or v not in (0, None, [], {})}


def pod_delete_order(pod: Obj) -> tuple:
    """Sort key: pods to delete first (unscheduled, pending, not ready, newest)."""
    st = pod.get("status") or {}
    phase_rank = {"Pending": 0, "Unknown": 1, "Running": 2}.get(st.get("phase", "Pending"), 0)
    restarts = sum(c.get("restartCount", 0) for c in st.get("containerStatuses") or [])
    return (1 if pod["spec"].get("nodeName") else 0, phase_rank, 1 if is_ready(pod) else 0, -restarts,
            -parse_rfc3339(pod["metadata"]["creationTimestamp"]), pod["metadata"]["name"])
