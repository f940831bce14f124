"""SimCluster: the simulated kind cluster behind the `flashgen.kube.cluster.Cluster` interface, plus the operations
the `flashgen sim` command needs (scale, rollout, logs, run) and saving to / loading from JSON."""

from __future__ import annotations

import copy
import json
from typing import Any

from flashgen.kube.rollout import deployment_rollout

from . import bootstrap, clusterdefaults, conversion, errors, events, kinds, scheduler
from .controllers import (
    clusterroles,
    cronjob,
    daemonset,
    deployment,
    disruption,
    endpoints,
    hpa,
    ingress,
    job,
    namespace,
    nodelease,
    nodetaints,
    replicaset,
    replicationcontroller,
    resourcequota,
    statefulset,
    volumes,
)
from .engine import Engine
from .kubelet import Kubelet
from .patch import apply_merge

Obj = dict[str, Any]
LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"
STATE_VERSION = 1


def _prune_events(sim: Engine) -> None:
    """Drop the events older than the API server's one-hour time to live."""
    changed = sim.queues.take("events")
    events.prune(sim, changed if sim.dirty_tracking else None)


class SimCluster(Engine):
    """A deterministic simulated kind cluster (one control plane, two workers by default) on a virtual clock."""

    name = "simulated cluster"

    def __init__(self, workers: int = 2, control_planes: int = 1, start_time: str | float | None = None,
                 seed: str = "flashgen", *, empty: bool = False):
        super().__init__(workers, control_planes, start_time, seed)
        self.kubelet = Kubelet(self)
        self.store.on_delete.append(self._after_delete)
        # the control plane and the nodes' kubelets, in the order they run on every pass
        self.register(namespace.reconcile)
        self.register(nodelease.reconcile)
        self.register(nodetaints.reconcile, "nodetaints", nodetaints.wakeups)
        self.register(scheduler.reconcile, "scheduler", scheduler.wakeups)
        self.register(lambda sim, keys: sim.kubelet.reconcile(keys), "kubelet", lambda sim: sim.kubelet.wakeups())
        self.register(volumes.reconcile)
        self.register(deployment.reconcile, "deployment", deployment.wakeups)
        self.register(replicaset.reconcile, "replicaset", replicaset.wakeups)
        self.register(replicationcontroller.reconcile, "replicationcontroller", replicationcontroller.wakeups)
        self.register(daemonset.reconcile, "daemonset", daemonset.wakeups)
        self.register(statefulset.reconcile, "statefulset", statefulset.wakeups)
        self.register(cronjob.reconcile, "cronjob", cronjob.wakeups)
        self.register(job.reconcile, "job", job.wakeups)
        self.register(endpoints.reconcile, "endpoints")
        self.register(resourcequota.reconcile)
        self.register(disruption.reconcile)
        self.register(hpa.reconcile, None, hpa.wakeups)
        self.register(ingress.reconcile)
        self.register(clusterroles.reconcile, "clusterroles")
        self.after_settle.append(_prune_events)
        if not empty:
            bootstrap.create(self, workers, control_planes)
            clusterdefaults.create(self)
            self.settle()

    def _after_delete(self, obj: Obj) -> None:
        if obj["kind"] == "Pod":
            self.kubelet.forget(obj)
        elif obj["kind"] == "PersistentVolumeClaim":
            volumes.on_claim_deleted(self, obj)

    # ----- the Cluster interface -----
    def _kind(self, api_version: str, kind: str) -> kinds.Kind:
        return self.store.kind_of(api_version, kind)

    def apply(self, manifest: Obj, namespace: str | None = None) -> Obj:
        """Create or update like `kubectl apply` (last-applied annotation, three-way merge); then reconcile."""
        if not isinstance(manifest, dict) or not manifest.get("apiVersion") or not manifest.get("kind"):
            raise errors.bad_request("Object 'Kind' is missing in the manifest" if isinstance(manifest, dict)
                                     and not manifest.get("kind") else "apiVersion and kind must be set")
        manifest = conversion.to_storage(manifest)
        k = self._kind(manifest["apiVersion"], manifest["kind"])
        desired = copy.deepcopy(manifest)
        if not isinstance(desired.get("metadata"), dict):
            desired["metadata"] = {}  # `metadata:` left empty in YAML: the name check below reports it
        meta = desired["metadata"]
        if k.namespaced:
            meta["namespace"] = meta.get("namespace") or namespace or "default"
        applied = json.dumps(manifest, sort_keys=True, separators=(",", ":"))
        meta.setdefault("annotations", {})[LAST_APPLIED] = applied + "\n"
        live = self.store.find(k.kind, meta.get("namespace"), meta.get("name", "")) if meta.get("name") else None
        if live is None:
            out = self.store.create(desired, namespace)
        else:
            last = {}
            try:
                last = json.loads((live["metadata"].get("annotations") or {}).get(LAST_APPLIED, "{}"))
            except ValueError:
                pass
            merged = apply_merge(copy.deepcopy(live), desired, last)
            merged["metadata"]["resourceVersion"] = live["metadata"]["resourceVersion"]
            out = self.store.update(merged)
        self.settle()
        return self.store.get(k.kind, out["metadata"].get("namespace"), out["metadata"]["name"])

    def create(self, manifest: Obj, namespace: str | None = None) -> Obj:
        """Create only (`kubectl create`); 409 when it exists."""
        out = self.store.create(conversion.to_storage(manifest), namespace)
        self.settle()
        return self.store.get(out["kind"], out["metadata"].get("namespace"), out["metadata"]["name"])

    def replace(self, obj: Obj) -> Obj:
        """Replace (PUT); 409 Conflict on a stale resourceVersion."""
        out = self.store.update(conversion.to_storage(obj))
        self.settle()
        return self.store.get(out["kind"], out["metadata"].get("namespace"), out["metadata"]["name"])

    def patch(self, api_version: str, kind: str, name: str, body: Obj, namespace: str | None = None,
              patch_type: str = "strategic") -> Obj:
        k = self._kind(api_version, kind)
        out = self.store.patch(k.kind, namespace, name, body, patch_type)
        self.settle()
        return self.store.get(k.kind, out["metadata"].get("namespace"), name)

    def get(self, api_version: str, kind: str, name: str, namespace: str | None = None) -> Obj | None:
        k = self._kind(api_version, kind)
        obj = self.store.find(k.kind, namespace, name)
        return copy.deepcopy(obj) if obj is not None else None

    def list(self, api_version: str, kind: str, namespace: str | None = None,
             label_selector: str | None = None) -> list[Obj]:
        k = self._kind(api_version, kind)
        try:
            return self.store.list(k.kind, namespace if k.namespaced else None, label_selector)
        except ValueError as e:
            raise errors.bad_request(str(e)) from None

    def delete(self, api_version: str, kind: str, name: str, namespace: str | None = None,
               propagation: str = "Background") -> bool:
        k = self._kind(api_version, kind)
        if self.store.find(k.kind, namespace, name) is None:
            return False
        self.store.delete(k.kind, namespace, name, propagation)
        self.settle()
        return True

    def wait(self, seconds: float) -> None:
        self.advance(seconds)

    def now(self) -> float:
        return self.time

    # ----- kubectl-like operations -----
    def scale(self, kind: str, name: str, replicas: int, namespace: str | None = None) -> Obj:
        k = kinds.lookup(kind)
        if k is None or k.kind not in ("Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"):
            raise errors.bad_request(f'no scale subresource for kind "{kind}"')
        if replicas < 0:
            raise errors.invalid(k.qualified, name, [f"spec.replicas: Invalid value: {replicas}: must be greater "
                                                     "than or equal to 0"])
        return self.patch(k.api_version, k.kind, name, {"spec": {"replicas": replicas}}, namespace, "merge")

    def logs(self, pod: str, namespace: str | None = None, container: str | None = None,
             previous: bool = False) -> list[str]:
        obj = self.store.get("Pod", namespace, pod)
        names = [c["name"] for c in obj["spec"]["containers"]]
        init_names = [c["name"] for c in obj["spec"].get("initContainers") or []]
        if container in init_names:
            try:
                return self.kubelet.logs(obj, container, previous)
            except LookupError as e:
                raise errors.bad_request(str(e)) from None
        if container and container not in names:
            raise errors.bad_request(f"container {container} is not valid for pod {pod}")
        if container is None and len(names) > 1:
            container = names[0]
        cs = next((c for c in (obj.get("status") or {}).get("containerStatuses") or []
                   if c["name"] == (container or names[0])), None)
        waiting = ((cs or {}).get("state") or {}).get("waiting")
        if waiting and not previous and not cs.get("restartCount"):
            reason = waiting.get("reason", "ContainerCreating")
            raise errors.bad_request(f'container "{container or names[0]}" in pod "{pod}" is waiting to start: '
                                     + ("ContainerCreating" if reason == "ContainerCreating" else
                                        'trying and failing to pull image' if "Image" in reason else reason))
        try:
            return self.kubelet.logs(obj, container, previous)
        except LookupError as e:
            raise errors.bad_request(str(e)) from None

    def rollout_history(self, kind: str, name: str, namespace: str | None = None) -> list[tuple[int, str]]:
        """(revision, change-cause) of a Deployment's ReplicaSets, oldest first."""
        d = self.store.get("Deployment", namespace, name)
        out = []
        for rs in deployment.owned_replicasets(self, d):
            cause = (rs["metadata"].get("annotations") or {}).get(deployment.CHANGE_CAUSE, "<none>")
            out.append((deployment.revision(rs), cause))
        return sorted(out)

    def rollout_undo(self, kind: str, name: str, namespace: str | None = None,
                     to_revision: int | None = None) -> Obj:
        """Roll a Deployment back to the previous (or a given) revision's pod template."""
        d = self.store.get("Deployment", namespace, name)
        rss = deployment.owned_replicasets(self, d)
        by_rev = {deployment.revision(rs): rs for rs in rss}
        current = int((d["metadata"].get("annotations") or {}).get(deployment.REVISION, "0"))
        if to_revision:
            target = by_rev.get(to_revision)
            if target is None:
                raise errors.bad_request(f"unable to find specified revision {to_revision} in history")
        else:
            older = [r for r in by_rev if r < current]
            if not older:
                raise errors.bad_request("no rollout history found for deployment " + repr(name))
            target = by_rev[max(older)]
        tpl = deployment.template_without_hash(target)
        if deployment.same_template(target, d["spec"]["template"]):
            return d
        d["spec"]["template"] = tpl
        cause = (target["metadata"].get("annotations") or {}).get(deployment.CHANGE_CAUSE)
        ann = d["metadata"].setdefault("annotations", {})
        if cause:
            ann[deployment.CHANGE_CAUSE] = cause
        else:
            ann.pop(deployment.CHANGE_CAUSE, None)
        return self.replace(d)

    def rollout_status(self, kind: str, name: str, namespace: str | None = None) -> tuple[bool, str]:
        """(done, message) as `kubectl rollout status` prints for a Deployment, DaemonSet or StatefulSet."""
        k = kinds.lookup(kind)
        kname = k.kind if k else kind
        obj = self.store.get(kname, namespace, name)
        st, spec = obj.get("status") or {}, obj["spec"]
        if kname == "Deployment":
            step = deployment_rollout(obj)
            if step.pending == "observed":
                return False, "Waiting for deployment spec update to be observed..."
            for c in st.get("conditions") or []:
                if c["type"] == "Progressing" and c.get("reason") == "ProgressDeadlineExceeded":
                    return False, f'error: deployment "{name}" exceeded its progress deadline'
            waiting = f'Waiting for deployment "{name}" rollout to finish: '
            if step.pending == "updated":
                return False, f"{waiting}{step.have} out of {step.want} new replicas have been updated..."
            if step.pending == "old":
                return False, f"{waiting}{step.have - step.want} old replicas are pending termination..."
            if step.pending == "available":
                return False, f"{waiting}{step.have} of {step.want} updated replicas are available..."
            return True, f'deployment "{name}" successfully rolled out'
        if kname == "DaemonSet":
            want = st.get("desiredNumberScheduled", 0)
            if st.get("updatedNumberScheduled", 0) < want:
                return False, (f'Waiting for daemon set "{name}" rollout to finish: {st.get("updatedNumberScheduled", 0)}'
                               f" out of {want} new pods have been updated...")
            if st.get("numberAvailable", 0) < want:
                return False, (f'Waiting for daemon set "{name}" rollout to finish: {st.get("numberAvailable", 0)} of '
                               f"{want} updated pods are available...")
            return True, f'daemon set "{name}" successfully rolled out'
        if kname == "StatefulSet":
            want = spec.get("replicas", 1)
            if st.get("readyReplicas", 0) < want:
                return False, f"Waiting for {want - st.get('readyReplicas', 0)} pods to be ready..."
            if st.get("updateRevision") != st.get("currentRevision"):
                return False, (f"waiting for statefulset rolling update to complete {st.get('updatedReplicas', 0)} "
                               f"pods at revision {st.get('updateRevision')}...")
            return True, f"statefulset rolling update complete {want} pods at revision {st.get('updateRevision')}..."
        raise errors.bad_request(f"no status viewer has been implemented for {kname}")

    # ----- persistence -----
    def to_state(self) -> dict[str, Any]:
        """Everything needed to continue later, as JSON-ready data."""
        return {"version": STATE_VERSION, "time": self.time, "config": self.config,
                "names": {"seed": self.names.seed, "counter": self.names.counter},
                "store": self.store.dump(), "runtime": self.runtime}

    @classmethod
    def from_state(cls, data: dict[str, Any]) -> "SimCluster":
        """Rebuild a cluster saved with to_state; ValueError when the data is not a saved cluster."""
        try:
            if data.get("version") != STATE_VERSION:
                raise ValueError(f"unsupported state version {data.get('version')!r}")
            cfg = data["config"]
            sim = cls(cfg["workers"], cfg["control_planes"], float(data["time"]), data["names"]["seed"], empty=True)
            sim.config = cfg
            sim.names.counter = int(data["names"]["counter"])
            sim.store.load(data["store"])
            sim.runtime = data["runtime"]
            return sim
        except (KeyError, TypeError, AttributeError) as e:
            raise ValueError(f"not a simulator state ({e.__class__.__name__}: {e})") from None
