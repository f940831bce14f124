"""Work queues: what each control loop must reconcile, filled from the store's changes as informers feed controllers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import selectors
from .objects import controller_of

if TYPE_CHECKING:
    from .store import Store

Obj = dict[str, Any]
Key = tuple[str, str, str]
# the queue that reconciles each kind, and the queue an ownerReference to that kind wakes
OWN = {"Deployment": "deployment", "ReplicaSet": "replicaset", "ReplicationController": "replicationcontroller",
       "DaemonSet": "daemonset", "StatefulSet": "statefulset", "Job": "job", "CronJob": "cronjob",
       "Service": "endpoints", "Event": "events"}
OWNERS = {k: v for k, v in OWN.items() if k != "Event"}
NAMES = ("scheduler", "kubelet", "clusterroles", "nodetaints", *sorted(set(OWN.values())))
APISERVER = ("Service", "default", "kubernetes")
SERVICE_NAME = "kubernetes.io/service-name"


def _holds_slot(pod: Obj | None) -> str | None:
    """The node a pod counts against (bound and not finished), if any."""
    if pod is None or (pod.get("status") or {}).get("phase") in ("Succeeded", "Failed"):
        return None
    return (pod.get("spec") or {}).get("nodeName")


class WorkQueues:
    """Per control loop, the keys changed since it last ran, or a flag that it must look at everything."""

    def __init__(self, store: "Store"):
        self.store = store
        self.queues: dict[str, set[Key]] = {name: set() for name in NAMES}
        self.full: set[str] = set(NAMES)

    def everything(self) -> None:
        """The next run of every loop looks at every object (time moved, or the state came from elsewhere)."""
        self.full = set(NAMES)

    def take(self, name: str) -> set[Key] | None:
        """The keys the loop must reconcile now (None: all), emptying its queue."""
        keys = self.queues[name]
        self.queues[name] = set()
        if name in self.full:
            self.full.discard(name)
            return None
        return keys

    def changed(self, key: Key, old: Obj | None, new: Obj | None) -> None:
        kind, ns, _ = key
        queues = self.queues
        if kind == "Node":
            queues["nodetaints"].add(key)
        elif kind == "ClusterRole":
            queues["clusterroles"].add(key)
        own = OWN.get(kind)
        if own:
            queues[own].add(key)
        for obj in (old, new):
            if obj is not None:
                for ref in obj["metadata"].get("ownerReferences") or []:
                    self._owner(ref, ns)
        if kind == "Pod":
            self._pod(key, old, new)
        elif kind == "Node":
            self.full.update(("scheduler", "kubelet", "daemonset"))
            queues["endpoints"].add(APISERVER)
        elif kind == "Endpoints":
            queues["endpoints"].add(("Service", ns, key[2]))
        elif kind == "EndpointSlice":
            for obj in (old, new):
                name = ((obj or {}).get("metadata", {}).get("labels") or {}).get(SERVICE_NAME)
                if name:
                    queues["endpoints"].add(("Service", ns, name))

    def _owner(self, ref: Obj, ns: str) -> None:
        """Queue the owner an ownerReference names, and the stored object with its uid."""
        q = OWNERS.get(ref.get("kind"))
        if q and ref.get("name"):
            self.queues[q].add((ref["kind"], ns, ref["name"]))
        owner = self.store.objects.key_of_uid(ref.get("uid"))
        if owner is not None and owner[0] in OWNERS:
            self.queues[OWNERS[owner[0]]].add(owner)

    def _pod(self, key: Key, old: Obj | None, new: Obj | None) -> None:
        ns = key[1]
        queues = self.queues
        if new is not None:
            queues["kubelet" if (new.get("spec") or {}).get("nodeName") else "scheduler"].add(key)
        slot = _holds_slot(old)
        if slot and slot != _holds_slot(new):
            self.full.add("scheduler")  # room on a node: pods waiting as Unschedulable may fit now
        store = self.store
        if any(obj is not None and controller_of(obj) is None for obj in (old, new)):
            for kind in ("ReplicaSet", "ReplicationController"):  # orphans are adopted by selector
                queues[OWN[kind]].update(k for k in store.objects.keys_of(kind) if k[1] == ns)
        for obj in (old, new):
            if obj is None:
                continue
            for ref in obj["metadata"].get("ownerReferences") or []:
                if ref.get("kind") != "ReplicaSet":
                    continue
                rs = store.find("ReplicaSet", ns, ref.get("name") or "")
                for ref2 in (rs or {}).get("metadata", {}).get("ownerReferences") or []:
                    d = store.find("Deployment", ns, ref2.get("name") or "") if ref2.get("kind") == "Deployment" \
                        else None
                    if d and (d["spec"].get("strategy") or {}).get("type") == "Recreate":
                        queues["deployment"].add(("Deployment", ns, d["metadata"]["name"]))
        labels = [(obj["metadata"].get("labels") or {}) for obj in (old, new) if obj is not None]
        for svc in store.items("Service", ns):
            sel = (svc.get("spec") or {}).get("selector")
            if sel and any(selectors.from_map(sel)(lab) for lab in labels):
                queues["endpoints"].add(("Service", ns, svc["metadata"]["name"]))
