"""A fresh kind cluster: nodes, system namespaces, the `kubernetes` Service and the `standard` StorageClass."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .timefmt import rfc3339

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]
KUBE_VERSION = "v1.33.1"
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


def create(sim: "Engine", workers: int, control_planes: int) -> None:
    """Populate an empty store with what `kind create cluster` leaves behind."""
    store = sim.store
    for ns in ("default", "kube-node-lease", "kube-public", "kube-system", "local-path-storage"):
        store.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}, validate=False)
    nodes = node_names(workers, control_planes)
    only_control_planes = workers == 0
    for i, (name, cp) in enumerate(nodes):
        node = _node(name, cp, i, tainted=cp and not only_control_planes)
        stamp = rfc3339(sim.time)
        for c in node["status"]["conditions"]:
            c["lastHeartbeatTime"] = c["lastTransitionTime"] = stamp
        info = node["status"]["nodeInfo"]
        info["machineID"] = sim.names.hex(32)
        info["systemUUID"] = sim.names.uid()
        info["bootID"] = sim.names.uid()
        store.create(node, validate=False)
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
