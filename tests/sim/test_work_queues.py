"""Work queues: reconciling only what changed gives exactly the cluster that reconciling everything gives."""

from __future__ import annotations

import copy
import json
from collections import Counter
from typing import Any, Callable

from flashgen.sim import SimCluster
from flashgen.sim.objects import controller_of

from sim_helpers import deployment, pod


def _job(name: str, script: str, **spec: Any) -> dict:
    return {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": name},
            "spec": {"backoffLimit": 2, **spec, "template": {"spec": {"restartPolicy": "Never", "containers": [
                {"name": "main", "image": "busybox:1.36", "command": ["sh", "-c", script]}]}}}}


def _scenario(c: SimCluster) -> None:
    c.apply({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}})
    c.apply(deployment("web", 3, minReadySeconds=5))
    c.apply(deployment("db", 2, strategy={"type": "Recreate"}), "shop")
    c.apply(deployment("db", 2, image="nginx:1.23", strategy={"type": "Recreate"}), "shop")
    c.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
             "spec": {"selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": "http"}]}})
    c.apply({"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
             "spec": {"selector": {"matchLabels": {"app": "agent"}},
                      "template": {"metadata": {"labels": {"app": "agent"}},
                                   "spec": {"containers": [{"name": "a", "image": "busybox:1.36",
                                                            "command": ["sleep", "infinity"]}]}}}})
    c.apply({"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "store"},
             "spec": {"serviceName": "store", "replicas": 2, "selector": {"matchLabels": {"app": "store"}},
                      "template": {"metadata": {"labels": {"app": "store"}},
                                   "spec": {"containers": [{"name": "s", "image": "redis:7"}]}},
                      "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {
                          "accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]}})
    c.apply(_job("once", "echo done", completions=2, parallelism=2))
    c.apply(_job("flaky", "exit 1"))
    c.apply({"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "tick"},
             "spec": {"schedule": "*/2 * * * *", "successfulJobsHistoryLimit": 2, "jobTemplate": {"spec": {
                 "template": {"spec": {"restartPolicy": "OnFailure", "containers": [
                     {"name": "t", "image": "busybox:1.36", "command": ["sh", "-c", "date"]}]}}}}}})
    c.apply(pod("orphan", image="nginx:1.25"))
    c.apply({"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": "adopter"},
             "spec": {"replicas": 2, "selector": {"matchLabels": {"run": "orphan"}},
                      "template": {"metadata": {"labels": {"run": "orphan"}},
                                   "spec": {"containers": [{"name": "orphan", "image": "nginx:1.25"}]}}}})
    c.apply(pod("picky", nodeSelector={"disk": "ssd"}))
    c.run_until_settled()
    stray = pod("stray", image="nginx:1.25")
    stray["metadata"]["labels"] = {"run": "orphan"}
    c.store.create(stray)
    c.settle()
    c.apply(deployment("web", 3, image="nginx:1.25", minReadySeconds=5))  # a rolling update
    c.apply(deployment("db", 2, image="nginx:1.25", strategy={"type": "Recreate"}), "shop")
    for p in list(c.store.items("Pod", "shop")):  # force the old pods out: Recreate goes on at once
        c.store.delete("Pod", "shop", p["metadata"]["name"], grace_period=0)
    c.settle()
    c.advance(7)
    c.patch("v1", "Node", "kind-worker", {"metadata": {"labels": {"disk": "ssd"}}})
    c.scale("StatefulSet", "store", 1)
    c.delete("v1", "Pod", "orphan")
    c.advance(20)
    c.run_until_settled()
    c.advance(300)
    c.delete("apps/v1", "Deployment", "web")
    c.delete("v1", "Namespace", "shop")
    c.advance(60)


def _crowded(c: SimCluster) -> None:
    """More pods than the nodes take: the rest wait, and take the places of deleted ones."""
    for i in range(50):
        c.apply(deployment(f"d{i}", 6))
    c.run_until_settled()
    for i in range(0, 50, 5):
        c.delete("apps/v1", "Deployment", f"d{i}")
    c.advance(40)
    c.apply(deployment("late", 4))
    c.run_until_settled()


def _snapshot(c: SimCluster) -> str:
    return json.dumps({"time": c.time, "rv": c.store.rv, "names": c.names.counter, "objects": list(
        c.store.objects.values()), "log": c.store.log, "runtime": c.runtime}, sort_keys=False, default=str)


def _run(scenario: Callable[[SimCluster], None], tracking: bool) -> SimCluster:
    c = SimCluster(workers=2)
    c.dirty_tracking = tracking
    scenario(c)
    return c


def _same(scenario: Callable[[SimCluster], None]) -> SimCluster:
    tracked, full = _run(scenario, True), _run(scenario, False)
    assert [o["metadata"]["name"] for o in tracked.store.objects.values()] == \
        [o["metadata"]["name"] for o in full.store.objects.values()]
    assert _snapshot(tracked) == _snapshot(full)
    return tracked


def test_work_queues_give_the_full_reconcile_result() -> None:
    c = _same(_scenario)
    kinds = Counter(k[0] for k in c.store.objects)
    assert kinds["CronJob"] == 1 and kinds["Job"] >= 3 and kinds["PersistentVolume"] == 2
    assert not c.store.find("Namespace", None, "shop")
    assert c.store.find("Pod", "default", "picky")["spec"].get("nodeName") == "kind-worker"


def test_work_queues_with_more_pods_than_room() -> None:
    c = _same(_crowded)
    pods = list(c.store.items("Pod"))
    assert any(p["spec"].get("nodeName") is None for p in pods)
    assert sum(1 for p in pods if p["spec"].get("nodeName") == "kind-worker") == 110


def test_the_store_counts_pods_per_node_as_a_recount_would() -> None:
    c = _run(_crowded, True)
    placed = [p for p in c.store.items("Pod") if p["spec"].get("nodeName")]
    on_node = Counter(p["spec"]["nodeName"] for p in placed
                      if (p.get("status") or {}).get("phase") not in ("Succeeded", "Failed"))
    owners = Counter((p["spec"]["nodeName"], controller_of(p)) for p in placed)
    placement = c.store.objects.placement
    assert +placement.on_node == on_node and +placement.owner_on_node == owners


def test_owned_by_and_garbage_collection_follow_any_owner_reference() -> None:
    c = SimCluster()
    c.apply(deployment("web", 2))
    rs = next(c.store.items("ReplicaSet"))
    p = copy.deepcopy(next(c.store.items("Pod")))
    p["metadata"] = {"name": "extra", "namespace": "default", "labels": {"x": "y"},
                     "ownerReferences": [dict(p["metadata"]["ownerReferences"][0], controller=False)]}
    p.pop("status", None)
    c.create(p)
    assert "extra" in [o["metadata"]["name"] for o in c.store.owned_by(rs, "Pod")]
    c.delete("apps/v1", "ReplicaSet", rs["metadata"]["name"])
    extra = c.store.find("Pod", "default", "extra")
    assert extra is None or extra["metadata"].get("deletionTimestamp")
