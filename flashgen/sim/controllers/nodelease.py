"""Node heartbeats: each node's Lease in `kube-node-lease`, renewed every 10 s of virtual time as the kubelet renews
it. The renewal is read off the clock whenever the cluster settles, not kept on a timer of its own, so that letting
a month pass costs no more than before."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..engine import Engine

NAMESPACE = "kube-node-lease"
RENEW_SECONDS = 10  # the kubelet renews its lease every 10 s (a quarter of its 40 s duration)
DURATION_SECONDS = 40


def micro_time(ts: float) -> str:
    """A UNIX time as a Kubernetes MicroTime (`2024-01-29T09:00:00.000000Z`)."""
    return _dt.datetime.fromtimestamp(ts, tz=_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def reconcile(sim: "Engine", keys: object = None) -> None:
    if sim.store.find("Namespace", None, NAMESPACE) is None:
        return
    renewed = micro_time(sim.time - sim.time % RENEW_SECONDS)
    for node in list(sim.store.items("Node")):
        name = node["metadata"]["name"]
        lease = sim.store.find("Lease", NAMESPACE, name)
        if lease is None:
            sim.store.create(_lease(node, renewed), validate=False, copy_out=False, take=True)
        elif lease["spec"].get("renewTime") != renewed:
            sim.store.write({**lease, "spec": {**lease["spec"], "renewTime": renewed}})


def _lease(node: dict[str, Any], renewed: str) -> dict[str, Any]:
    meta = node["metadata"]
    return {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
            "metadata": {"name": meta["name"], "namespace": NAMESPACE,
                         "ownerReferences": [{"apiVersion": "v1", "kind": "Node", "name": meta["name"],
                                              "uid": meta["uid"]}]},
            "spec": {"holderIdentity": meta["name"], "leaseDurationSeconds": DURATION_SECONDS,
                     "renewTime": renewed}}
