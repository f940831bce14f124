"""Namespace housekeeping: every namespace gets the `default` ServiceAccount and the kube-root-ca.crt ConfigMap."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import Engine

CA = "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIsimulatedcaAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END CERTIFICATE-----\n"


def reconcile(sim: "Engine", keys: object = None) -> None:
    for ns in list(sim.store.items("Namespace")):
        name = ns["metadata"]["name"]
        if (ns.get("status") or {}).get("phase") == "Terminating":
            left = [k for k in sim.store.objects if k[1] == name and k[0] != "Event"]
            if not left:
                for k in [k for k in sim.store.objects if k[1] == name]:
                    sim.store.remove(*k)
                sim.store.remove("Namespace", None, name)
            continue
        if (ns.get("status") or {}).get("phase") != "Active":
            continue
        if sim.store.find("ServiceAccount", name, "default") is None:
            sim.store.create({"apiVersion": "v1", "kind": "ServiceAccount",
                              "metadata": {"name": "default", "namespace": name}}, validate=False)
        if sim.store.find("ConfigMap", name, "kube-root-ca.crt") is None:
            sim.store.create({"apiVersion": "v1", "kind": "ConfigMap",
                              "metadata": {"name": "kube-root-ca.crt", "namespace": name,
                                           "annotations": {"kubernetes.io/description": (
                                               "Contains a CA bundle that can be used to verify the kube-apiserver "
                                               "when using internal endpoints such as the internal service IP or "
                                               "kubernetes.default.svc. No other usage is guaranteed across "
                                               "distributions of Kubernetes clusters.")}},
                              "data": {"ca.crt": CA}}, validate=False)
