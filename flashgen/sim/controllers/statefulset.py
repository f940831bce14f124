"""The StatefulSet controller: ordinal pods `<sts>-N`, OrderedReady or Parallel management, PVCs from
volumeClaimTemplates named `<template>-<sts>-<N>` that outlive their pods, rolling updates from the highest ordinal."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .. import names
from . import common

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]


def revision(sts: Obj) -> str:
    return f"{sts['metadata']['name']}-{names.template_hash(sts['spec'].get('template') or {})[:10]}"


def _ordinal(sts: Obj, pod: Obj) -> int | None:
    prefix = sts["metadata"]["name"] + "-"
    n = pod["metadata"]["name"]
    if n.startswith(prefix) and n[len(prefix):].isdigit():
        return int(n[len(prefix):])
    return None


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    """Sync every StatefulSet (only those among keys unless None)."""
    for sts in sim.store.pick("StatefulSet", keys):
        sync(sim, sts)


def _ensure_claims(sim: "Engine", sts: Obj, i: int) -> None:
    ns = sts["metadata"]["namespace"]
    labels = dict((sts["spec"].get("selector") or {}).get("matchLabels") or {})
    for t in sts["spec"].get("volumeClaimTemplates") or []:
        name = f"{t['metadata']['name']}-{sts['metadata']['name']}-{i}"
        if sim.store.find("PersistentVolumeClaim", ns, name) is None:
            claim = {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                     "metadata": {"name": name, "namespace": ns,
                                  "labels": dict(labels, **(t["metadata"].get("labels") or {}))},
                     "spec": copy.deepcopy(t.get("spec") or {})}
            sim.store.create(claim, validate=False)


def _create(sim: "Engine", sts: Obj, i: int, rev: str) -> None:
    _ensure_claims(sim, sts, i)
    name = f"{sts['metadata']['name']}-{i}"
    tpl = copy.deepcopy(sts["spec"].get("template") or {})
    spec = tpl.get("spec") or {}
    spec["hostname"] = name
    if sts["spec"].get("serviceName"):
        spec["subdomain"] = sts["spec"]["serviceName"]
    vols = spec.setdefault("volumes", [])
    for t in sts["spec"].get("volumeClaimTemplates") or []:
        claim = f"{t['metadata']['name']}-{sts['metadata']['name']}-{i}"
        vols[:] = [v for v in vols if v.get("name") != t["metadata"]["name"]]
        vols.append({"name": t["metadata"]["name"], "persistentVolumeClaim": {"claimName": claim}})
    if not vols:
        spec.pop("volumes")
    common.create_pod(sim, sts, {"metadata": tpl.get("metadata") or {}, "spec": spec}, name=name,
                      labels={"apps.kubernetes.io/pod-index": str(i), "controller-revision-hash": rev,
                              "statefulset.kubernetes.io/pod-name": name})


def sync(sim: "Engine", sts: Obj) -> None:
    rev = revision(sts)
    replicas = sts["spec"].get("replicas", 1)
    parallel = sts["spec"].get("podManagementPolicy") == "Parallel"
    pods = {}
    for p in sim.store.owned_by(sts, "Pod"):
        i = _ordinal(sts, p)
        if i is not None:
            pods[i] = p
    # replace failed or finished pods; a terminating pod keeps its ordinal until it is gone
    for i, p in list(pods.items()):
        if not common.is_active(p) and not p["metadata"].get("deletionTimestamp"):
            common.delete_pod(sim, sts, p)
    pods = {i: p for i, p in pods.items() if sim.store.find("Pod", p["metadata"]["namespace"], p["metadata"]["name"])}
    healthy = {i: p for i, p in pods.items() if common.is_active(p) and common.is_ready(p)}
    # scale up
    for i in range(replicas):
        if i in pods:
            if not parallel and i not in healthy:
                break
            continue
        _create(sim, sts, i, rev)
        if not parallel:
            break
    else:
        # scale down: highest ordinal first, one at a time unless Parallel
        extra = sorted((i for i in pods if i >= replicas and common.is_active(pods[i])), reverse=True)
        if not parallel and any(i >= replicas and not common.is_active(p) for i, p in pods.items()):
            extra = []  # one at a time: wait until the previous one is gone
        for i in extra:
            if not parallel and any(j not in healthy for j in pods if j < replicas):
                break
            common.delete_pod(sim, sts, pods[i])
            if not parallel:
                break
        # rolling update from the highest ordinal down to the partition
        st = sts["spec"].get("updateStrategy") or {}
        if st.get("type", "RollingUpdate") == "RollingUpdate":
            partition = (st.get("rollingUpdate") or {}).get("partition", 0)
            current = {i: p for i, p in pods.items() if i < replicas}
            if all(i in healthy for i in current) and len(current) == replicas:
                for i in sorted(current, reverse=True):
                    if i < partition:
                        break
                    if (current[i]["metadata"].get("labels") or {}).get("controller-revision-hash") != rev:
                        common.delete_pod(sim, sts, current[i])
                        break
    _status(sim, sts, rev)


def _status(sim: "Engine", sts: Obj, rev: str) -> None:
    sts = sim.store.find("StatefulSet", sts["metadata"]["namespace"], sts["metadata"]["name"])
    pods = [p for p in sim.store.owned_by(sts, "Pod") if common.is_active(p)]
    updated = [p for p in pods if (p["metadata"].get("labels") or {}).get("controller-revision-hash") == rev]
    old = sts.get("status") or {}
    current_rev = old.get("currentRevision", rev)
    if len(updated) == sts["spec"].get("replicas", 1) and all(common.is_ready(p) for p in updated):
        current_rev = rev
    status = {"observedGeneration": sts["metadata"].get("generation", 1), "replicas": len(pods),
              "readyReplicas": sum(1 for p in pods if common.is_ready(p)),
              "currentReplicas": sum(1 for p in pods if (p["metadata"].get("labels") or {}).get(
                  "controller-revision-hash") == current_rev),
              "updatedReplicas": len(updated), "currentRevision": current_rev, "updateRevision": rev,
              "collisionCount": 0,
              "availableReplicas": sum(1 for p in pods if common.is_available(
                  p, sts["spec"].get("minReadySeconds", 0), sim.time))}
    new = dict(sts)
    new["status"] = common.prune_zero(status, keep=("replicas", "availableReplicas", "collisionCount",
                                                    "observedGeneration"))
    sim.store.write(new)


def wakeups(sim: "Engine") -> list[tuple[float, bool]]:
    return []
