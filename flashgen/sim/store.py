"""The object store of the simulated API server: create/get/list/update/patch/delete, resourceVersions,
an ADDED/MODIFIED/DELETED event log for watches, and garbage collection by ownerReferences."""

from __future__ import annotations

import json
from typing import Any, Callable, Iterator

from . import admission, defaults, errors, kinds, selectors, validation
from . import patch as patching
from .names import NameSource
from .objects import Objects, clone
from .timefmt import rfc3339

Obj = dict[str, Any]
Key = tuple[str, str, str]  # (kind, namespace or "", name)
GENERATION_KINDS = {"Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "CronJob",
                    "ReplicationController", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Ingress"}
LOG_LIMIT = 5000
MAX_OBJECT_BYTES = 1536 * 1024  # etcd's default --max-request-bytes: a larger object is never stored
MAX_PODS = 1000  # the fewest pods any cluster holds; a kind cluster of three nodes runs at most 330 (110 per node)
PODS_PER_CAPACITY = 3  # a cluster holds at most this many times the pods its nodes can run (and MAX_PODS at least)
MAX_OBJECTS = 50_000  # everything the cluster holds, events included
GENERATE_NAME_TRIES = 8  # the API server retries a generated name that is taken


def _metadata(obj: Obj, k: kinds.Kind) -> Obj:
    """The object's metadata, made if missing; 400 (as the API server's decoding says it) when not an object."""
    meta = obj.setdefault("metadata", {})
    if not isinstance(meta, dict):
        validation.check_schema(obj, k)
        raise errors.bad_request(f"{k.kind}.metadata must be an object")
    return meta


def _check_size(obj: Obj) -> None:
    """Refuse an object larger than etcd stores, with the API server's message."""
    if len(json.dumps(obj, separators=(",", ":"))) > MAX_OBJECT_BYTES:
        raise errors.ApiError(500, "", "etcdserver: request is too large")


def _key(kind: str, namespace: str | None, name: str) -> Key:
    k = kinds.BY_KIND[kind]
    return (kind, (namespace or "default") if k.namespaced else "", name)


class Store:
    """Objects by kind, namespace and name, each change numbered by a cluster-wide resourceVersion."""

    def __init__(self, clock: Callable[[], float], names: NameSource):
        self.clock = clock
        self.names = names
        self.objects: Objects = Objects()
        self.rv = 0
        self.log: list[dict[str, Any]] = []  # {"type", "object"} newest last
        self.on_delete: list[Callable[[Obj], None]] = []
        # called with (key, old or None, new or None) after every stored change
        self.watchers: list[Callable[[Key, Obj | None, Obj | None], None]] = []

    # ----- reading -----
    def kind_of(self, api_version: str, kind: str) -> kinds.Kind:
        k = kinds.for_object(api_version, kind)
        if k is None:
            raise errors.ApiError(404, "NotFound", f'no matches for kind "{kind}" in version "{api_version}" '
                                  "(the simulated cluster does not serve it)")
        return k

    def find(self, kind: str, namespace: str | None, name: str) -> Obj | None:
        """The stored object itself (do not mutate; use write)."""
        return self.objects.get(_key(kind, namespace, name))

    def get(self, kind: str, namespace: str | None, name: str) -> Obj:
        """A copy of one object, or ApiError 404."""
        obj = self.find(kind, namespace, name)
        if obj is None:
            raise errors.not_found(kinds.BY_KIND[kind].resource, name)
        return clone(obj)

    def items(self, kind: str, namespace: str | None = None) -> Iterator[Obj]:
        """Stored objects of a kind (all namespaces when namespace is None), sorted by namespace and name."""
        for key in list(self.objects.keys_of(kind)):
            if (namespace is None or key[1] == namespace) and key in self.objects:
                yield self.objects[key]

    def pick(self, kind: str, keys: set[Key] | None = None) -> list[Obj]:
        """Stored objects of a kind in key order: all of them when keys is None, else those among keys."""
        if keys is None:
            return list(self.items(kind))
        objects = self.objects
        return [objects[k] for k in sorted(keys) if k[0] == kind and k in objects]

    def list(self, kind: str, namespace: str | None = None, label_selector: str | None = None,
             field_name: str | None = None) -> list[Obj]:
        """Copies of matching objects."""
        match = selectors.parse(label_selector)
        return [clone(o) for o in self.items(kind, namespace)
                if match((o["metadata"].get("labels") or {})) and (field_name is None or
                                                                   o["metadata"]["name"] == field_name)]

    def controlled(self, uid: str | None, kind: str, namespace: str | None) -> list[Obj]:
        """Stored objects of a kind in a namespace whose controller has this uid (None: that have none)."""
        return [self.objects[k] for k in self.objects.controlled_by(uid, kind, namespace)]

    def owned_by(self, owner: Obj, kind: str) -> list[Obj]:
        """Stored objects of a kind whose controller ownerReference points at owner."""
        uid = owner["metadata"]["uid"]
        return [self.objects[k] for k in self.objects.owned(uid, kind, owner["metadata"].get("namespace"))]

    # ----- writing -----
    def _record(self, event_type: str, obj: Obj) -> None:
        # stored objects are replaced, never changed in place: the log may hold them as they are
        self.log.append({"type": event_type, "object": obj})
        if len(self.log) > LOG_LIMIT:
            del self.log[: len(self.log) - LOG_LIMIT]

    def _notify(self, key: Key, old: Obj | None, new: Obj | None) -> None:
        for watcher in self.watchers:
            watcher(key, old, new)

    def _bump(self, obj: Obj) -> None:
        self.rv += 1
        obj["metadata"]["resourceVersion"] = str(self.rv)

    def create(self, manifest: Obj, namespace: str | None = None, *, validate: bool = True,
               copy_out: bool = True, take: bool = False) -> Obj | None:
        """Create an object as the API server would: validate, default, admit, assign uid and resourceVersion.
        `validate`: a client's object, checked against the schema, the field rules and etcd's size limit (what the
        controllers make from such objects is no larger). `take`: the manifest is a new object the caller hands
        over and never touches again, stored as it is instead of copied."""
        obj = manifest if take else clone(manifest)
        k = self.kind_of(obj.get("apiVersion", ""), obj.get("kind", ""))
        meta = _metadata(obj, k)
        if k.namespaced:
            ns = meta.get("namespace") or namespace or "default"
            if namespace and meta.get("namespace") and meta["namespace"] != namespace:
                raise errors.bad_request("the namespace of the provided object does not match the namespace sent "
                                         "on the request")
            meta["namespace"] = ns
            nso = self.find("Namespace", None, ns)
            if nso is None:
                raise errors.not_found("namespaces", ns)
            if nso.get("status", {}).get("phase") == "Terminating":
                raise errors.ApiError(403, "Forbidden", f'{k.plural} "{meta.get("name", "")}" is forbidden: unable '
                                      f"to create new content in namespace {ns} because it is being terminated")
        else:
            meta.pop("namespace", None)
        if not meta.get("name") and meta.get("generateName"):
            meta["name"] = meta["generateName"] + self.names.suffix(5)
            for _ in range(GENERATE_NAME_TRIES):
                if _key(k.kind, meta.get("namespace"), meta["name"]) not in self.objects:
                    break
                meta["name"] = meta["generateName"] + self.names.suffix(5)
        for f in ("uid", "resourceVersion", "creationTimestamp", "generation", "deletionTimestamp",
                  "deletionGracePeriodSeconds"):
            meta.pop(f, None)
        if validate:
            validation.check_schema(obj, k)
        defaults.apply_defaults(obj)
        if validate:
            validation.check_fields(obj, k)
        key = _key(k.kind, meta.get("namespace"), meta["name"])
        if key in self.objects:
            raise errors.already_exists(k.resource, meta["name"])
        self._check_room(k, meta["name"])
        if validate:
            _check_size(obj)
        meta["uid"] = self.names.uid()
        admission.admit(self, obj, None)
        meta["creationTimestamp"] = rfc3339(self.clock())
        if k.kind in GENERATION_KINDS:
            meta["generation"] = 1
        self._order(obj)
        self._bump(obj)
        self.objects[key] = obj
        self._record("ADDED", obj)
        self._notify(key, None, obj)
        return clone(obj) if copy_out else None

    def update(self, new: Obj, *, validate: bool = True, subresource: str | None = None) -> Obj:
        """Replace an object (PUT). A stale metadata.resourceVersion gives 409 Conflict. `subresource="status"`
        changes only status; otherwise status is kept and spec changes bump metadata.generation."""
        obj = clone(new)
        k = self.kind_of(obj.get("apiVersion", ""), obj.get("kind", ""))
        meta = _metadata(obj, k)
        key = _key(k.kind, meta.get("namespace"), meta.get("name", ""))
        old = self.objects.get(key)
        if old is None:
            raise errors.not_found(k.resource, meta.get("name", ""))
        rv = meta.get("resourceVersion")
        if rv and rv != old["metadata"]["resourceVersion"]:
            raise errors.conflict(k.resource, meta["name"])
        if subresource == "status":
            merged = clone(old)
            if "status" in obj:
                merged["status"] = obj["status"]
            obj = merged
        else:
            if validate:
                validation.check_schema(obj, k)
            defaults.apply_defaults(obj)
            if validate:
                validation.check_fields(obj, k)
                admission.check_update(self, obj, old, k)
            if "status" in old and k.kind not in ("Namespace",):
                obj["status"] = clone(old["status"])
            admission.admit(self, obj, old)
            for f in ("uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds",
                      "namespace"):
                if f in old["metadata"]:
                    meta[f] = old["metadata"][f]
            if k.kind in GENERATION_KINDS and obj.get("spec") != old.get("spec"):
                meta["generation"] = old["metadata"].get("generation", 1) + 1
            _check_size(obj)
        return self._replace(key, old, obj)

    def _replace(self, key: Key, old: Obj, obj: Obj, copy_out: bool = True) -> Obj | None:
        obj["metadata"]["resourceVersion"] = old["metadata"]["resourceVersion"]
        if obj == old:
            return clone(old) if copy_out else None
        self._order(obj)
        self._bump(obj)
        self.objects[key] = obj
        self._record("MODIFIED", obj)
        self._notify(key, old, obj)
        return clone(obj) if copy_out else None

    def write(self, obj: Obj) -> bool:
        """Controller write of a whole stored object (spec, status, metadata); a no-op when nothing changed.
        Returns whether it changed. Bumps generation when spec changed."""
        meta = obj["metadata"]
        key = _key(obj["kind"], meta.get("namespace"), meta["name"])
        old = self.objects.get(key)
        if old is None:
            return False
        if obj["kind"] in GENERATION_KINDS and obj.get("spec") != old.get("spec"):
            meta["generation"] = old["metadata"].get("generation", 1) + 1
        before = old["metadata"]["resourceVersion"]
        if {**obj, "metadata": {**meta, "resourceVersion": before}} == old:
            return False
        self._replace(key, old, clone(obj), copy_out=False)
        return self.objects[key]["metadata"]["resourceVersion"] != before

    def patch(self, kind: str, namespace: str | None, name: str, body: Obj, patch_type: str = "strategic") -> Obj:
        """PATCH with `merge` (application/merge-patch+json) or `strategic` (strategic-merge-patch+json)."""
        current = self.get(kind, namespace, name)
        if patch_type == "merge":
            merged = patching.merge_patch(current, body)
        elif patch_type == "strategic":
            merged = patching.strategic_merge_patch(current, body)
        else:
            raise errors.ApiError(415, "UnsupportedMediaType", f"unsupported patch type {patch_type!r}")
        _metadata(merged, kinds.BY_KIND[kind])
        if "resourceVersion" not in (body.get("metadata") or {}):
            merged["metadata"]["resourceVersion"] = current["metadata"]["resourceVersion"]
        if "status" in body and "spec" not in body and set(body) <= {"status", "metadata"}:
            return self.update(merged, subresource="status")
        return self.update(merged)

    def delete(self, kind: str, namespace: str | None, name: str, propagation: str = "Background",
               grace_period: int | None = None) -> Obj:
        """Delete an object and, unless propagation is Orphan, its dependents; returns the object.

        A running pod is deleted gracefully: it gets metadata.deletionTimestamp (now + grace period) and stays,
        Terminating, until the kubelet has stopped it; grace_period=0 removes it at once. A namespace turns
        Terminating, its contents are deleted, and it goes when it is empty."""
        key = _key(kind, namespace, name)
        obj = self.objects.get(key)
        if obj is None:
            raise errors.not_found(kinds.BY_KIND[kind].resource, name)
        if obj["metadata"].get("deletionTimestamp"):
            if kind == "Pod" and grace_period == 0:
                return self.remove(kind, namespace, name)
            return clone(obj)
        if kind == "Namespace":
            if name in ("default", "kube-system", "kube-public", "kube-node-lease"):
                raise errors.ApiError(403, "Forbidden", f'namespaces "{name}" is forbidden: this namespace may not be '
                                      "deleted")
            ns = clone(obj)
            ns["metadata"]["deletionTimestamp"] = rfc3339(self.clock())
            ns["status"] = {"phase": "Terminating"}
            self._replace(key, obj, ns)
            for k in list(self.objects):
                if k[1] == name and k in self.objects and k[0] != "Event":
                    self.delete(k[0], k[1], k[2])
            return self.get(kind, namespace, name)
        if kind == "Pod" and grace_period != 0 and obj["spec"].get("nodeName") and \
                (obj.get("status") or {}).get("phase") not in ("Succeeded", "Failed"):
            grace = obj["spec"].get("terminationGracePeriodSeconds", 30) if grace_period is None else grace_period
            pod = clone(obj)
            pod["metadata"]["deletionTimestamp"] = rfc3339(self.clock() + grace)
            pod["metadata"]["deletionGracePeriodSeconds"] = grace
            self._replace(key, obj, pod)
            return clone(pod)
        return self.remove(kind, namespace, name, propagation)

    def remove(self, kind: str, namespace: str | None, name: str, propagation: str = "Background") -> Obj:
        """Remove an object from the store now (the end of a deletion), collecting its dependents."""
        key = _key(kind, namespace, name)
        obj = clone(self.objects[key])  # the stored object stays as the watch log recorded it
        del self.objects[key]
        self._bump(obj)
        obj["metadata"].setdefault("deletionTimestamp", rfc3339(self.clock()))
        self._record("DELETED", obj)
        self._notify(key, obj, None)
        uid = obj["metadata"]["uid"]
        for k2, dep in [(k, self.objects[k]) for k in self.objects.dependents(uid)]:
            refs = dep["metadata"].get("ownerReferences") or []
            if any(r.get("uid") == uid for r in refs):
                if propagation == "Orphan":
                    d = clone(dep)
                    d["metadata"]["ownerReferences"] = [r for r in refs if r.get("uid") != uid] or None
                    if d["metadata"]["ownerReferences"] is None:
                        del d["metadata"]["ownerReferences"]
                    self._replace(k2, dep, d)
                elif k2 in self.objects:
                    self.delete(k2[0], k2[1], k2[2])
        for hook in self.on_delete:
            hook(obj)
        return clone(obj)

    def pod_limit(self) -> tuple[int, int]:
        """(the most pods the cluster holds, the most its nodes can run): PODS_PER_CAPACITY times its nodes'
        capacity, and MAX_PODS at least, so that a runaway controller cannot fill memory but a big cluster can
        hold what it runs."""
        capacity = 0
        for node in self.items("Node"):
            try:
                capacity += int(((node.get("status") or {}).get("allocatable") or {}).get("pods", 110))
            except (TypeError, ValueError):
                capacity += 110
        return max(MAX_PODS, PODS_PER_CAPACITY * capacity), capacity

    def pods_refused(self) -> str:
        """Why the cluster takes no more pods, as the end of a 403 message."""
        limit, capacity = self.pod_limit()
        return (f"the simulated cluster holds at most {limit} pods (its nodes run at most {capacity}); "
                "delete some first")

    def room(self, kind: str) -> int:
        """How many more objects of a kind the cluster holds (pod_limit, MAX_OBJECTS)."""
        left = MAX_OBJECTS - len(self.objects)
        return min(left, self.pod_limit()[0] - len(self.objects.keys_of("Pod"))) if kind == "Pod" else left

    def _check_room(self, k: kinds.Kind, name: str) -> None:
        if self.room(k.kind) > 0:
            return
        why = self.pods_refused() if k.kind == "Pod" else \
            f"the simulated cluster holds at most {MAX_OBJECTS} objects; delete some first"
        raise errors.ApiError(403, "Forbidden", f'{k.plural} "{name}" is forbidden: {why}')

    @staticmethod
    def _order(obj: Obj) -> None:
        """Key order as the API server prints: apiVersion, kind, metadata, spec, status, then the rest."""
        first = [k for k in ("apiVersion", "kind", "metadata", "spec") if k in obj]
        rest = [k for k in obj if k not in first and k != "status"]
        ordered = {k: obj[k] for k in first + rest + (["status"] if "status" in obj else [])}
        obj.clear()
        obj.update(ordered)

    def events_since(self, resource_version: int) -> list[dict[str, Any]]:
        """Watch events with a resourceVersion greater than the one given (410 Gone if compacted away)."""
        if self.log and resource_version < int(self.log[0]["object"]["metadata"]["resourceVersion"]) - 1:
            raise errors.ApiError(410, "Expired", f"too old resource version: {resource_version} "
                                  f"({self.log[0]['object']['metadata']['resourceVersion']})")
        return [clone(e) for e in self.log
                if int(e["object"]["metadata"]["resourceVersion"]) > resource_version]

    # ----- persistence -----
    def dump(self, log_limit: int = 200) -> dict[str, Any]:
        """JSON-ready contents; only the newest log_limit watch events are kept."""
        return {"rv": self.rv, "objects": list(self.objects.values()), "log": self.log[-log_limit:] if log_limit else []}

    def load(self, data: dict[str, Any]) -> None:
        self.rv = int(data["rv"])
        self.objects = Objects()
        for o in data["objects"]:
            self.objects[_key(o["kind"], o["metadata"].get("namespace"), o["metadata"]["name"])] = o
        self.log = list(data.get("log") or [])
