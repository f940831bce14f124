"""The store's object table and the indexes it keeps current: kind order, owners, pods per node, events, claims."""

from __future__ import annotations

import bisect
import copy
from collections import Counter
from typing import Any

from .podresources import scheduling_requests

Obj = dict[str, Any]
Key = tuple[str, str, str]  # (kind, namespace or "", name)
FINISHED = ("Succeeded", "Failed")


def clone(value: Any) -> Any:
    """A deep copy of JSON-like data (dicts, lists, scalars); anything else goes through copy.deepcopy."""
    t = type(value)
    if t is dict:
        return {k: clone(v) for k, v in value.items()}
    if t is list:
        return [clone(v) for v in value]
    if t is str or t is int or t is float or t is bool or value is None:
        return value
    return copy.deepcopy(value)


def controller_of(obj: Obj) -> str | None:
    """The uid of the object's controller ownerReference, if any."""
    for ref in obj.get("metadata", {}).get("ownerReferences") or []:
        if ref.get("controller"):
            return ref.get("uid")
    return None


def _owner_uids(obj: Obj) -> tuple[str, ...]:
    refs = obj.get("metadata", {}).get("ownerReferences") or []
    return tuple(dict.fromkeys(r.get("uid") for r in refs if r.get("uid")))


class Placement:
    """Bound pods per node (finished ones left out) and per (node, controller uid) (all of them), as the
    scheduler counts them; the CPU (millicores) and memory (bytes) the live ones request of each node, also
    with the scheduler's non-zero defaults for scoring; and the bound pods with required pod anti-affinity."""

    def __init__(self) -> None:
        self.on_node: Counter[str] = Counter()
        self.owner_on_node: Counter[tuple[str, str | None]] = Counter()
        self.requested: dict[str, list[int]] = {}  # node -> [cpu, memory, non-zero cpu, non-zero memory]
        self.anti_affinity: dict[Key, str] = {}  # pod key -> node
        self.node_views: dict[str, tuple[str, Any]] = {}  # node -> (resourceVersion, the scheduler's view of it)
        self._memo: dict[Key, tuple[str, bool, str | None, tuple[int, int, int, int]]] = {}

    def add(self, key: Key, obj: Obj) -> None:
        spec = obj.get("spec") or {}
        node = spec.get("nodeName")
        if key[0] != "Pod" or not node:
            return
        live = (obj.get("status") or {}).get("phase") not in FINISHED
        owner = controller_of(obj)
        req = scheduling_requests(spec) if live else (0, 0, 0, 0)
        self._memo[key] = (node, live, owner, req)
        if live:
            self.on_node[node] += 1
            total = self.requested.setdefault(node, [0, 0, 0, 0])
            for i in range(4):
                total[i] += req[i]
            if ((spec.get("affinity") or {}).get("podAntiAffinity") or {}).get(
                    "requiredDuringSchedulingIgnoredDuringExecution"):
                self.anti_affinity[key] = node
        self.owner_on_node[(node, owner)] += 1

    def drop(self, key: Key) -> None:
        memo = self._memo.pop(key, None)
        if memo is None:
            return
        node, live, owner, req = memo
        if live:
            self.on_node[node] -= 1
            total = self.requested[node]
            for i in range(4):
                total[i] -= req[i]
            self.anti_affinity.pop(key, None)
        self.owner_on_node[(node, owner)] -= 1


class EventIndex:
    """Event keys by (namespace, involved uid, reason, message, fieldPath): what events.record de-duplicates on."""

    def __init__(self) -> None:
        self._keys: dict[tuple, set[Key]] = {}
        self._memo: dict[Key, tuple] = {}

    def add(self, key: Key, obj: Obj) -> None:
        if key[0] != "Event":
            return
        io = obj.get("involvedObject") or {}
        sig = (key[1], io.get("uid"), obj.get("reason"), obj.get("message"), io.get("fieldPath"))
        self._memo[key] = sig
        self._keys.setdefault(sig, set()).add(key)

    def drop(self, key: Key) -> None:
        sig = self._memo.pop(key, None)
        if sig is not None:
            self._keys[sig].discard(key)
            if not self._keys[sig]:
                del self._keys[sig]

    def first(self, namespace: str, uid: Any, reason: str, message: str, field_path: str | None) -> Key | None:
        """The matching event key first in name order, or None."""
        keys = self._keys.get((namespace, uid, reason, message, field_path))
        return min(keys) if keys else None


class ClaimPods:
    """Scheduled pods by the (namespace, claim) they mount."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, str], set[Key]] = {}
        self._memo: dict[Key, tuple[tuple[str, str], ...]] = {}

    def add(self, key: Key, obj: Obj) -> None:
        spec = obj.get("spec") or {}
        if key[0] != "Pod" or not spec.get("nodeName"):
            return
        claims = tuple(dict.fromkeys((key[1], c) for v in spec.get("volumes") or []
                                     if (c := (v.get("persistentVolumeClaim") or {}).get("claimName"))))
        if claims:
            self._memo[key] = claims
            for c in claims:
                self._keys.setdefault(c, set()).add(key)

    def drop(self, key: Key) -> None:
        for c in self._memo.pop(key, ()):
            self._keys[c].discard(key)
            if not self._keys[c]:
                del self._keys[c]

    def users(self, namespace: str, claim: str) -> list[Key]:
        """Sorted keys of the scheduled pods that mount the claim."""
        return sorted(self._keys.get((namespace, claim), ()))


class Objects(dict):
    """Stored objects by (kind, namespace, name) that also keep each kind's keys in order: controllers list
    one kind many times per event, and sorting every key of every kind each time grows with the cube."""

    def __init__(self) -> None:
        super().__init__()
        self._sorted: dict[str, list[Key]] = {}
        # (controller uid or None, kind, namespace) -> keys; and each key's uids as indexed, since stored
        # objects may be changed in place
        self._controlled: dict[tuple[str | None, str, str | None], set[Key]] = {}
        self._controller_of: dict[Key, str | None] = {}
        self._owned: dict[str, set[Key]] = {}  # any ownerReference's uid -> keys
        self._owners_of: dict[Key, tuple[str, ...]] = {}
        self._seq: dict[Key, int] = {}  # insertion order, which dict iteration follows
        self._by_uid: dict[str, Key] = {}
        self._uid_of: dict[Key, str] = {}
        self._next = 0
        self.placement = Placement()
        self.events = EventIndex()
        self.claims = ClaimPods()
        self._extra = (self.placement, self.events, self.claims)

    def _unindex(self, key: Key) -> None:
        if key in self._controller_of:
            self._controlled[(self._controller_of.pop(key), key[0], key[1])].discard(key)
        for uid in self._owners_of.pop(key, ()):
            self._owned[uid].discard(key)
            if not self._owned[uid]:
                del self._owned[uid]
        uid = self._uid_of.pop(key, None)
        if uid is not None and self._by_uid.get(uid) == key:
            del self._by_uid[uid]
        for index in self._extra:
            index.drop(key)

    def _insert_sorted(self, key: Key) -> None:
        keys = self._sorted.get(key[0])
        if keys is not None:
            bisect.insort(keys, key)

    def _remove_sorted(self, key: Key) -> None:
        keys = self._sorted.get(key[0])
        if keys is not None:
            i = bisect.bisect_left(keys, key)
            if i < len(keys) and keys[i] == key:
                del keys[i]
            else:
                self._sorted.pop(key[0], None)

    def __setitem__(self, key: Key, value: Obj) -> None:
        if key not in self:
            self._insert_sorted(key)
            self._seq[key] = self._next
            self._next += 1
        self._unindex(key)
        super().__setitem__(key, value)
        uid = controller_of(value)
        self._controller_of[key] = uid
        self._controlled.setdefault((uid, key[0], key[1]), set()).add(key)
        uid = value.get("metadata", {}).get("uid")
        if uid:
            self._uid_of[key] = uid
            self._by_uid[uid] = key
        owners = _owner_uids(value)
        if owners:
            self._owners_of[key] = owners
            for o in owners:
                self._owned.setdefault(o, set()).add(key)
        for index in self._extra:
            index.add(key, value)

    def __delitem__(self, key: Key) -> None:
        super().__delitem__(key)
        self._forget(key)

    def pop(self, key: Key, *default: Any) -> Any:  # type: ignore[override]
        if key in self:
            self._forget(key)
        return super().pop(key, *default)

    def _forget(self, key: Key) -> None:
        self._unindex(key)
        self._remove_sorted(key)
        self._seq.pop(key, None)

    def key_of_uid(self, uid: str | None) -> Key | None:
        """The key of the stored object with this uid, if any."""
        return self._by_uid.get(uid) if uid else None

    def controlled_by(self, uid: str | None, kind: str, namespace: str | None) -> list[Key]:
        """Sorted keys of one kind in a namespace whose controller is `uid` (None: no controller)."""
        return sorted(self._controlled.get((uid, kind, namespace), ()))

    def owned(self, uid: str, kind: str, namespace: str | None) -> list[Key]:
        """Sorted keys of one kind (in one namespace unless None) with an ownerReference to `uid`."""
        return sorted(k for k in self._owned.get(uid, ()) if k[0] == kind and (namespace is None or k[1] == namespace))

    def dependents(self, uid: str) -> list[Key]:
        """Keys with an ownerReference to `uid`, in the order the objects were stored."""
        return sorted(self._owned.get(uid, ()), key=self._seq.__getitem__)

    def keys_of(self, kind: str) -> list[Key]:
        """The keys of one kind, sorted by namespace and name."""
        keys = self._sorted.get(kind)
        if keys is None:
            keys = self._sorted[kind] = sorted(k for k in self if k[0] == kind)
        return keys
