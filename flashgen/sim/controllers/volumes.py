"""PersistentVolumeClaims with kind's `standard` StorageClass (rancher.io/local-path, WaitForFirstConsumer):
a claim stays Pending until a scheduled pod uses it, then a PersistentVolume `pvc-<uid>` is provisioned and bound."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .. import events

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]


def _claim_node(sim: "Engine", namespace: str, claim: str) -> str | None:
    """The node of the first scheduled pod (in name order) that mounts the claim."""
    users = sim.store.objects.claims.users(namespace, claim)
    return sim.store.objects[users[0]]["spec"]["nodeName"] if users else None


def reconcile(sim: "Engine", keys: object = None) -> None:
    """Provision and bind every claim not yet Bound (always all of them: there are few)."""
    for pvc in list(sim.store.items("PersistentVolumeClaim")):
        if (pvc.get("status") or {}).get("phase") == "Bound":
            continue
        ns, name = pvc["metadata"]["namespace"], pvc["metadata"]["name"]
        sc_name = pvc["spec"].get("storageClassName")
        sc = sim.store.find("StorageClass", None, sc_name) if sc_name else None
        if sc is None:
            if sc_name:
                events.record(sim, pvc, "ProvisioningFailed", f'storageclass.storage.k8s.io "{sc_name}" not found',
                              "persistentvolume-controller", warning=True)
            continue
        node = _claim_node(sim, ns, name)
        if node is None and sc.get("volumeBindingMode") == "WaitForFirstConsumer":
            events.record(sim, pvc, "WaitForFirstConsumer",
                          "waiting for first consumer to be created before binding", "persistentvolume-controller")
            continue
        _bind(sim, pvc, sc, node)


def _bind(sim: "Engine", pvc: Obj, sc: Obj, node: str | None) -> None:
    uid = pvc["metadata"]["uid"]
    pv_name = f"pvc-{uid}"
    size = ((pvc["spec"].get("resources") or {}).get("requests") or {}).get("storage", "1Gi")
    modes = pvc["spec"].get("accessModes") or ["ReadWriteOnce"]
    pv: Obj = {"apiVersion": "v1", "kind": "PersistentVolume",
               "metadata": {"name": pv_name, "annotations": {"local.path.provisioner/selected-node": node or "",
                                                             "pv.kubernetes.io/provisioned-by": sc["provisioner"]},
                            "finalizers": ["kubernetes.io/pv-protection"]},
               "spec": {"accessModes": modes, "capacity": {"storage": size},
                        "claimRef": {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": pvc["metadata"]["name"],
                                     "namespace": pvc["metadata"]["namespace"], "uid": uid},
                        "hostPath": {"path": f"/var/local-path-provisioner/{pv_name}_{pvc['metadata']['namespace']}_"
                                             f"{pvc['metadata']['name']}", "type": "DirectoryOrCreate"},
                        "persistentVolumeReclaimPolicy": sc.get("reclaimPolicy", "Delete"),
                        "storageClassName": sc["metadata"]["name"], "volumeMode": "Filesystem"},
               "status": {"phase": "Bound"}}
    if node:
        pv["spec"]["nodeAffinity"] = {"required": {"nodeSelectorTerms": [{"matchExpressions": [
            {"key": "kubernetes.io/hostname", "operator": "In", "values": [node]}]}]}}
    if sim.store.find("PersistentVolume", None, pv_name) is None:
        sim.store.create(pv, validate=False)
        events.record(sim, pvc, "ProvisioningSucceeded", f"Successfully provisioned volume {pv_name}",
                      f"{sc['provisioner']}_local-path-provisioner")
    new = copy.deepcopy(pvc)
    new["spec"]["volumeName"] = pv_name
    ann = new["metadata"].setdefault("annotations", {})
    ann.update({"pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes",
                "volume.beta.kubernetes.io/storage-provisioner": sc["provisioner"],
                "volume.kubernetes.io/storage-provisioner": sc["provisioner"]})
    if node:
        ann["volume.kubernetes.io/selected-node"] = node
    new["metadata"].setdefault("finalizers", ["kubernetes.io/pvc-protection"])
    new["status"] = {"phase": "Bound", "accessModes": modes, "capacity": {"storage": size}}
    sim.store.write(new)


def on_claim_deleted(sim: "Engine", pvc: Obj) -> None:
    """Reclaim policy Delete: the provisioned volume goes with its claim."""
    pv_name = (pvc.get("spec") or {}).get("volumeName")
    pv = sim.store.find("PersistentVolume", None, pv_name) if pv_name else None
    if pv and pv["spec"].get("persistentVolumeReclaimPolicy") == "Delete":
        sim.store.delete("PersistentVolume", None, pv_name)
