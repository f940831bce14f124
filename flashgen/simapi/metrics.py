"""The resource metrics API (metrics.k8s.io/v1beta1, what metrics-server serves) from the simulated use of
flashgen.sim.usage: NodeMetrics and PodMetrics, for `kubectl top nodes|pods` and the autoscaler."""

from __future__ import annotations

from typing import Any

from flashgen.sim import SimCluster, errors
from flashgen.sim.timefmt import rfc3339
from flashgen.sim.usage import WINDOW, Usage

Obj = dict[str, Any]
GROUP_VERSION = "metrics.k8s.io/v1beta1"
RESOURCES = {"nodes": ("NodeMetrics", False), "pods": ("PodMetrics", True)}


def _usage(cpu_m: int, mem: int) -> Obj:
    """metrics-server's units: nanocores and KiB."""
    return {"cpu": f"{cpu_m * 1000000}n" if cpu_m else "0", "memory": f"{mem // 1024}Ki"}


def _meta(sim: SimCluster, obj: Obj) -> Obj:
    meta: Obj = {"name": obj["metadata"]["name"], "creationTimestamp": rfc3339(sim.time)}
    if obj["metadata"].get("namespace"):
        meta["namespace"] = obj["metadata"]["namespace"]
    if obj["metadata"].get("labels"):
        meta["labels"] = dict(obj["metadata"]["labels"])
    return meta


def node_metrics(sim: SimCluster, usage: Usage, node: Obj) -> Obj:
    cpu, mem = usage.node(node)
    return {"kind": "NodeMetrics", "apiVersion": GROUP_VERSION, "metadata": _meta(sim, node),
            "timestamp": rfc3339(sim.time), "window": f"{WINDOW:g}s", "usage": _usage(cpu, mem)}


def pod_metrics(sim: SimCluster, usage: Usage, pod: Obj) -> Obj | None:
    got = usage.pod(pod)
    if got is None:
        return None
    return {"kind": "PodMetrics", "apiVersion": GROUP_VERSION, "metadata": _meta(sim, pod),
            "timestamp": rfc3339(sim.time), "window": f"{WINDOW:g}s",
            "containers": [{"name": n, "usage": _usage(c, m)} for n, c, m in got]}


def get(sim: SimCluster, resource: str, namespace: str | None, name: str | None, match: Any) -> Obj:
    """A NodeMetrics/PodMetrics or their list; 404 as metrics-server answers for what it has no sample of."""
    usage = Usage(sim)
    if resource == "nodes":
        nodes = [n for n in sim.store.items("Node") if name in (None, n["metadata"]["name"]) and match(n)]
        if name is not None and not nodes:
            raise errors.not_found("nodemetrics.metrics.k8s.io", name)
        items = [node_metrics(sim, usage, n) for n in nodes]
        kind = "NodeMetrics"
    else:
        pods = [p for p in sim.store.items("Pod", namespace) if name in (None, p["metadata"]["name"]) and match(p)]
        items = [m for m in (pod_metrics(sim, usage, p) for p in pods) if m is not None]
        if name is not None and not items:
            raise errors.not_found("podmetrics.metrics.k8s.io", f"{namespace}/{name}")
        kind = "PodMetrics"
    if name is not None:
        return items[0]
    return {"kind": f"{kind}List", "apiVersion": GROUP_VERSION, "metadata": {}, "items": items}
