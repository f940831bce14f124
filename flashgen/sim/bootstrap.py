"""A fresh kind cluster: nodes, system namespaces, the `kubernetes` Service, the `standard` StorageClass and what
runs in kube-system and local-path-storage (kindsystem). As with `kind create cluster`, the control plane comes
up first (its static pods, CoreDNS and the local-path provisioner land on it), the workers join later, and the
cluster is handed over BOOT_SECONDS after it started: its system pods are running by then."""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from . import images, kindsystem
from .timefmt import rfc3339

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]
KUBE_VERSION = kindsystem.KUBE_VERSION
BOOT_SECONDS = 45.0  # from `kind create cluster` to the moment the cluster is handed over
WORKERS_JOIN = 20.0  # seconds after the control plane that the workers join
CONTROL_PLANE_TAINT = {"key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"}


def node_names(workers: int, control_planes: int) -> list[tuple[str, bool]]:
    """kind's node names: kind-control-plane, kind-control-plane2 ..., kind-worker, kind-worker2 ..."""
    out = [("kind-control-plane" + (str(i + 1) if i else ""), True) for i in range(control_planes)]
    out += [("kind-worker" + (str(i + 1) if i else ""), False) for i in range(workers)]
    return out


def _node(name: str, control_plane: bool, index: int, tainted: bool) -> Obj:
    labels = {"beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
              "kubernetes.io/hostname": name, "kubernetes.io/os": "linux"}
    if control_plane:
        labels["node-role.kubernetes.io/control-plane"] = ""
        labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
    ip = f"172.18.0.{index + 2}"
    spec: Obj = {"podCIDR": f"10.244.{index}.0/24", "podCIDRs": [f"10.244.{index}.0/24"],
                 "providerID": f"kind://docker/kind/{name}"}
    if tainted:
        spec["taints"] = [dict(CONTROL_PLANE_TAINT)]
    ready = {"type": "Ready", "status": "True", "reason": "KubeletReady", "message": "kubelet is posting ready status"}
    pressure = [("MemoryPressure", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                ("DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                ("PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available")]
    conditions = [{"type": t, "status": "False", "reason": r, "message": m} for t, r, m in pressure] + [ready]
    capacity = {"cpu": "8", "ephemeral-storage": "102626232Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0",
                "memory": "16365384Ki", "pods": "110"}
    return {"apiVersion": "v1", "kind": "Node",
            "metadata": {"name": name, "labels": labels, "annotations": {
                "node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true"}},
            "spec": spec,
            "status": {"addresses": [{"type": "InternalIP", "address": ip}, {"type": "Hostname", "address": name}],
                       "allocatable": dict(capacity), "capacity": capacity, "conditions": conditions,
                       "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
                       "nodeInfo": {"architecture": "amd64", "bootID": "", "containerRuntimeVersion":
                                    "containerd://2.1.1", "kernelVersion": "6.8.0-1015-gcp", "kubeProxyVersion":
                                    KUBE_VERSION, "kubeletVersion": KUBE_VERSION, "machineID": "",
                                    "operatingSystem": "linux", "osImage": "Debian GNU/Linux 12 (bookworm)",
                                    "systemUUID": ""}}}


def _add_node(sim: "Engine", name: str, control_plane: bool, index: int, tainted: bool) -> Obj:
    node = _node(name, control_plane, index, tainted)
    stamp = rfc3339(sim.time)
    for c in node["status"]["conditions"]:
        c["lastHeartbeatTime"] = c["lastTransitionTime"] = stamp
    info = node["status"]["nodeInfo"]
    info["machineID"] = sim.names.hex(32)
    info["systemUUID"] = sim.names.uid()
    info["bootID"] = sim.names.uid()
    created = sim.store.create(node, validate=False)
    # kind's node image comes with the system images already loaded
    sim.runtime.setdefault("images", {})[name] = [images.parse(ref).full for ref in kindsystem.IMAGES.values()]
    return created


def create(sim: "Engine", workers: int, control_planes: int) -> None:
    """Populate an empty store with what `kind create cluster` leaves behind, and run it until handed over.
    The same cluster (sizes, start time, seed) is made once per process and copied after that."""
    snap = json.loads(_booted(type(sim), workers, control_planes, sim.time, sim.names.seed, sim.names.counter))
    sim.store.load(snap["store"])
    sim.runtime = snap["runtime"]
    sim.names.counter = snap["counter"]
    sim.time = snap["time"]
    sim.settled_now()  # the copy is of a settled cluster; nothing has changed since


@functools.lru_cache(maxsize=8)
def _booted(cls: type, workers: int, control_planes: int, start: float, seed: str, counter: int) -> str:
    sim = cls(workers, control_planes, start, seed, empty=True)
    sim.names.counter = counter
    _boot(sim, workers, control_planes)
    # the watch log of the cluster's start is left out: nobody was watching then
    return json.dumps({"store": sim.store.dump(log_limit=0), "runtime": sim.runtime,
                       "counter": sim.names.counter, "time": sim.time})


def _boot(sim: "Engine", workers: int, control_planes: int) -> None:
    store = sim.store
    handed_over = sim.time
    sim.time = handed_over - BOOT_SECONDS
    for ns in ("default", "kube-node-lease", "kube-public", "kube-system", "local-path-storage"):
        store.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}, validate=False)
    nodes = node_names(workers, control_planes)
    only_control_planes = workers == 0
    seen = rfc3339(sim.time).replace("Z", ".000000000Z")
    for i, (name, cp) in enumerate(nodes):
        if cp:
            node = _add_node(sim, name, cp, i, tainted=not only_control_planes)
            for pod in kindsystem.static_pods(node, seen):
                store.create(pod, validate=False)
    store.create({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
                  "metadata": {"name": "standard", "annotations": {
                      "storageclass.kubernetes.io/is-default-class": "true"}},
                  "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete",
                  "volumeBindingMode": "WaitForFirstConsumer"}, validate=False)
    store.create({"apiVersion": "v1", "kind": "Service",
                  "metadata": {"name": "kubernetes", "namespace": "default",
                               "labels": {"component": "apiserver", "provider": "kubernetes"}},
                  "spec": {"clusterIP": "10.96.0.1", "ports": [{"name": "https", "port": 443, "protocol": "TCP",
                                                                 "targetPort": 6443}]}}, validate=False)
    for obj in kindsystem.addons():
        store.create(obj, validate=False)
    sim.settle()
    sim.advance(WORKERS_JOIN)
    for i, (name, cp) in enumerate(nodes):
        if not cp:
            _add_node(sim, name, cp, i, tainted=False)
    sim.advance(handed_over - sim.time)
    sim.time = handed_over
