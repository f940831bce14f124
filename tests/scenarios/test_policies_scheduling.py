"""Scheduling and node maintenance through real kubectl: nodeSelector, node and pod (anti-)affinity, taints and
tolerations (NoExecute eviction included), cordon and drain through the Eviction API with PodDisruptionBudgets,
and PriorityClasses, each as the documentation page in its docstring shows it."""

from __future__ import annotations

import json

import pytest

from .policies_support import Cluster, k, served  # noqa: F401  (fixtures)

TAINT_CP = "1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"


def _pod(name: str, **spec: object) -> dict:
    labels = spec.pop("labels", None) or {"app": name}
    return {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "labels": labels},
            "spec": {"containers": [{"name": "nginx", "image": "nginx"}], **spec}}


def _deployment(name: str, replicas: int, **spec: object) -> dict:
    return {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name},
            "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [{"name": "c", "image": "nginx"}], **spec}}}}


def _node_of(k: Cluster, pod: str) -> str | None:
    return k.json("get", "pod", pod)["spec"].get("nodeName")


def _pending_message(k: Cluster, pod: str) -> str:
    cond = next(c for c in k.json("get", "pod", pod)["status"]["conditions"] if c["type"] == "PodScheduled")
    assert cond["status"] == "False"
    return cond["message"]


def _anti(app: str) -> dict:
    return {"podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"labelSelector": {"matchExpressions": [{"key": "app", "operator": "In", "values": [app]}]},
         "topologyKey": "kubernetes.io/hostname"}]}}


def test_a_node_selector_picks_the_labelled_node(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/assign-pods-nodes/ (label a node disktype=ssd; a
    Pod with that nodeSelector runs there)."""
    assert k.ok("label", "nodes", "kind-worker2", "disktype=ssd").strip() == "node/kind-worker2 labeled"
    k.apply(_pod("nginx", nodeSelector={"disktype": "ssd"}))
    k.advance(3)
    assert _node_of(k, "nginx") == "kind-worker2"


def test_a_node_selector_no_node_has_keeps_the_pod_pending(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/ (nodeSelector: the Pod is only
    scheduled onto nodes with every label it names)."""
    k.apply(_pod("picky", nodeSelector={"disktype": "ssd"}))
    k.advance(3)
    assert _pending_message(k, "picky") == (
        f"0/3 nodes are available: {TAINT_CP}, 2 node(s) didn't match Pod's node affinity/selector. preemption: "
        "0/3 nodes are available: 3 Preemption is not helpful for scheduling.")
    k.ok("label", "nodes", "kind-worker", "disktype=ssd")
    k.advance(3)
    assert _node_of(k, "picky") == "kind-worker"


def test_required_and_preferred_node_affinity(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/assign-pods-nodes-using-node-affinity/ (a required
    In term must match; a preferred term with weight decides among the nodes that fit)."""
    k.ok("label", "nodes", "kind-worker", "disktype=ssd")
    k.ok("label", "nodes", "kind-worker2", "disktype=hdd")
    required = {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
        {"matchExpressions": [{"key": "disktype", "operator": "In", "values": ["ssd"]}]}]}}}
    preferred = {"nodeAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [
        {"weight": 1, "preference": {"matchExpressions": [{"key": "disktype", "operator": "In", "values": ["hdd"]}]}}]}}
    k.apply([_pod("with-required", affinity=required), _pod("with-preferred", affinity=preferred)])
    k.advance(3)
    assert _node_of(k, "with-required") == "kind-worker" and _node_of(k, "with-preferred") == "kind-worker2"


def test_pod_anti_affinity_spreads_replicas_and_leaves_the_extra_one_pending(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/ (the redis-cache example: required
    anti-affinity on kubernetes.io/hostname puts each replica on its own node; with two workers, the third waits)."""
    dep = _deployment("redis-cache", 3, affinity=_anti("store"))
    dep["spec"]["selector"]["matchLabels"] = dep["spec"]["template"]["metadata"]["labels"] = {"app": "store"}
    k.apply(dep)
    k.advance(5)
    pods = k.pods("app=store")
    placed = sorted(p["spec"]["nodeName"] for p in pods if p["spec"].get("nodeName"))
    assert placed == ["kind-worker", "kind-worker2"]
    waiting = next(p["metadata"]["name"] for p in pods if not p["spec"].get("nodeName"))
    assert _pending_message(k, waiting) == (
        f"0/3 nodes are available: {TAINT_CP}, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes "
        "are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.")


def test_pod_affinity_places_web_servers_next_to_the_cache(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/ (web-store pods require a
    redis-cache pod on the same node, and anti-affinity among themselves; a pod whose affinity nothing matches
    waits with `didn't match pod affinity rules`)."""
    cache = _deployment("cache", 1)
    cache["spec"]["template"]["metadata"]["labels"] = cache["spec"]["selector"]["matchLabels"] = {"app": "store"}
    k.apply(cache)
    web = _deployment("web-store", 2, affinity={
        **_anti("web-store"),
        "podAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
            {"labelSelector": {"matchLabels": {"app": "store"}}, "topologyKey": "kubernetes.io/hostname"}]}})
    k.apply(web)
    k.advance(5)
    cache_node = k.pods("app=store")[0]["spec"]["nodeName"]
    webs = k.pods("app=web-store")
    assert [p["spec"].get("nodeName") for p in webs].count(cache_node) == 1
    waiting = next(p["metadata"]["name"] for p in webs if not p["spec"].get("nodeName"))
    message = _pending_message(k, waiting)
    assert "1 node(s) didn't match pod affinity rules" in message and \
        "1 node(s) didn't match pod anti-affinity rules" in message
    lonely = _pod("lonely", affinity={"podAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"labelSelector": {"matchLabels": {"app": "nothing"}}, "topologyKey": "kubernetes.io/hostname"}]}})
    k.apply(lonely)
    k.advance(3)
    assert "2 node(s) didn't match pod affinity rules" in _pending_message(k, "lonely")


def test_a_noschedule_taint_keeps_pods_off_unless_they_tolerate_it(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/ (`kubectl taint nodes node1
    key1=value1:NoSchedule`; a matching toleration lets a Pod on; `key1=value1:NoSchedule-` removes the taint)."""
    assert k.ok("taint", "nodes", "kind-worker", "key1=value1:NoSchedule").strip() == "node/kind-worker tainted"
    k.ok("taint", "nodes", "kind-worker2", "key1=value1:NoSchedule")
    k.apply(_pod("plain"))
    k.apply(_pod("tolerant", tolerations=[{"key": "key1", "operator": "Equal", "value": "value1",
                                           "effect": "NoSchedule"}]))
    k.advance(3)
    assert _node_of(k, "tolerant") in ("kind-worker", "kind-worker2")
    assert "2 node(s) had untolerated taint {key1: value1}" in _pending_message(k, "plain")
    assert k.ok("taint", "nodes", "kind-worker", "key1=value1:NoSchedule-").strip() == "node/kind-worker untainted"
    k.advance(3)
    assert _node_of(k, "plain") == "kind-worker"


def test_a_noexecute_taint_evicts_pods_at_once_or_after_toleration_seconds(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/ (NoExecute: pods that do not
    tolerate the taint are evicted immediately; with tolerationSeconds they stay that long, then are evicted)."""
    on_worker = {"nodeSelector": {"kubernetes.io/hostname": "kind-worker"}}
    k.apply([_pod("intolerant", **on_worker),
             _pod("patient", **on_worker, tolerations=[{"key": "key1", "operator": "Equal", "value": "value1",
                                                        "effect": "NoExecute", "tolerationSeconds": 3600}])])
    k.advance(5)
    k.ok("taint", "nodes", "kind-worker", "key1=value1:NoExecute")
    k.advance(1)
    gone = k.run("get", "pod", "intolerant", "-o", "json")
    assert gone.returncode != 0 or json.loads(gone.stdout)["metadata"].get("deletionTimestamp")
    events = k.ok("get", "events", "--field-selector", "reason=TaintManagerEviction")
    assert "Marking for deletion Pod default/intolerant" in events
    k.advance(3000)
    assert not k.json("get", "pod", "patient")["metadata"].get("deletionTimestamp")
    k.advance(700)
    assert "patient" not in k.ok("get", "pods", "-o", "name")


def test_prefer_no_schedule_is_avoided_when_another_node_fits(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/ (PreferNoSchedule: the
    scheduler tries to avoid the node, but it is not a requirement)."""
    k.ok("taint", "nodes", "kind-worker", "team=blue:PreferNoSchedule")
    k.apply(_deployment("soft", 2))
    k.advance(5)
    assert {p["spec"]["nodeName"] for p in k.pods("app=soft")} == {"kind-worker2"}
    k.ok("taint", "nodes", "kind-worker2", "team=blue:NoSchedule")
    k.apply(_pod("still-placed"))
    k.advance(3)
    assert _node_of(k, "still-placed") == "kind-worker"


def test_cordon_marks_the_node_unschedulable(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/architecture/nodes/#manual-node-administration (`kubectl cordon` marks a
    node unschedulable: existing pods stay, new ones go elsewhere; the node gets the unschedulable taint)."""
    k.apply(_pod("before", nodeSelector={"kubernetes.io/hostname": "kind-worker"}))
    k.advance(3)
    assert k.ok("cordon", "kind-worker").strip() == "node/kind-worker cordoned"
    assert k.ok("cordon", "kind-worker2").strip() == "node/kind-worker2 cordoned"
    assert "Ready,SchedulingDisabled" in k.ok("get", "node", "kind-worker")
    node = k.json("get", "node", "kind-worker")
    assert node["spec"]["unschedulable"] is True and \
        {"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"}.items() <= node["spec"]["taints"][-1].items()
    k.apply(_pod("after"))
    k.advance(3)
    assert _node_of(k, "before") == "kind-worker"
    assert _pending_message(k, "after").startswith(f"0/3 nodes are available: {TAINT_CP}, 2 node(s) were "
                                                    "unschedulable.")
    assert "Node kind-worker status is now: NodeNotSchedulable" in k.ok("describe", "node", "kind-worker")
    assert k.ok("uncordon", "kind-worker").strip() == "node/kind-worker uncordoned"
    k.advance(3)
    assert _node_of(k, "after") == "kind-worker"
    assert "taints" not in k.json("get", "node", "kind-worker")["spec"]


def test_drain_evicts_through_the_eviction_api_and_respects_the_budget(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/ (`kubectl drain` evicts the pods;
    when the PodDisruptionBudget allows no disruption the eviction is refused with 429 and retried) and
    https://kubernetes.io/docs/tasks/run-application/configure-pdb/ (the budget's ALLOWED DISRUPTIONS)."""
    k.apply(_deployment("zk", 3, nodeSelector={"kubernetes.io/hostname": "kind-worker"}))
    assert k.ok("create", "pdb", "zk-pdb", "--selector=app=zk", "--min-available=2").strip() == \
        "poddisruptionbudget.policy/zk-pdb created"
    k.advance(10)
    assert k.ok("get", "pdb", "zk-pdb").splitlines()[1].split()[:4] == ["zk-pdb", "2", "N/A", "1"]
    proc = k.run("drain", "kind-worker", "--ignore-daemonsets", "--timeout=1s")
    assert proc.returncode != 0
    assert "node/kind-worker cordoned" in proc.stdout and proc.stdout.count("evicting pod default/zk-") >= 3
    assert "Cannot evict pod as it would violate the pod's disruption budget." in proc.stderr
    k.advance(5)
    pods = k.pods("app=zk")  # one eviction was allowed; its replacement cannot go to the cordoned node
    waiting = [p["metadata"]["name"] for p in pods if not p["spec"].get("nodeName")]
    assert len(pods) == 3 and len(waiting) == 1
    assert "node(s) were unschedulable" in _pending_message(k, waiting[0])
    assert k.ok("get", "pdb", "zk-pdb").splitlines()[1].split()[3] == "0"
    k.ok("uncordon", "kind-worker")
    k.advance(5)
    assert k.ok("get", "pdb", "zk-pdb").splitlines()[1].split()[3] == "1"


def test_drain_refuses_unmanaged_pods_without_force_and_daemonset_pods_without_the_flag(k: Cluster) -> None:
    """https://kubernetes.io/docs/reference/kubectl/generated/kubectl_drain/ (drain refuses pods no controller
    manages unless --force, DaemonSet pods unless --ignore-daemonsets, and emptyDir data unless
    --delete-emptydir-data)."""
    on_worker = {"nodeSelector": {"kubernetes.io/hostname": "kind-worker"}}
    k.apply([_pod("loner", **on_worker), _pod("scratchy", **on_worker, volumes=[{"name": "s", "emptyDir": {}}])])
    k.apply({"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
             "spec": {"selector": {"matchLabels": {"app": "agent"}},
                      "template": {"metadata": {"labels": {"app": "agent"}},
                                   "spec": {"containers": [{"name": "a", "image": "nginx"}]}}}})
    k.advance(5)
    err = k.fails("drain", "kind-worker")
    assert "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-" in err
    assert "Pods that declare no controller (use --force to override): default/loner" in err
    assert "cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratchy" in err
    err = k.fails("drain", "kind-worker", "--ignore-daemonsets", "--force")
    assert "default/loner" not in err.split("pending nodes")[0] and "default/scratchy" in err
    proc = k.run("drain", "kind-worker", "--ignore-daemonsets", "--force", "--delete-emptydir-data", "--timeout=20s")
    assert proc.returncode == 0 and "node/kind-worker drained" in proc.stdout
    # kubectl joins its warnings in map order, which varies from run to run
    assert proc.stderr.startswith("Warning: ")
    assert "deleting Pods that declare no controller: default/loner, default/scratchy" in proc.stderr
    assert "ignoring DaemonSet-managed Pods: default/agent-" in proc.stderr
    assert "pod/loner evicted" in proc.stdout and "pod/scratchy evicted" in proc.stdout
    assert any(p["metadata"]["name"].startswith("agent-") for p in k.pods("app=agent"))
    assert "loner" not in k.ok("get", "pods", "-o", "name")


def test_the_eviction_api_answers_429_with_the_budget_cause(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/ (an eviction the budget forbids gets
    429 Too Many Requests with the budget as the cause; one it allows deletes the pod), through the official
    Python client's create_namespaced_pod_eviction."""
    kubernetes = pytest.importorskip("kubernetes")
    k.apply(_pod("guarded", labels={"app": "guarded"}))
    k.apply({"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "guard"},
             "spec": {"maxUnavailable": 0, "selector": {"matchLabels": {"app": "guarded"}}}})
    k.advance(5)
    cfg = kubernetes.client.Configuration()
    kubernetes.config.load_kube_config(config_file=str(k.kubectl.config), client_configuration=cfg)
    eviction = kubernetes.client.V1Eviction(metadata=kubernetes.client.V1ObjectMeta(name="guarded",
                                                                                    namespace="default"))
    with kubernetes.client.ApiClient(cfg) as api_client:
        core = kubernetes.client.CoreV1Api(api_client)
        with pytest.raises(kubernetes.client.rest.ApiException) as refused:
            core.create_namespaced_pod_eviction("guarded", "default", eviction)
        assert refused.value.status == 429
        status = json.loads(refused.value.body)
        assert status["reason"] == "TooManyRequests"
        assert status["message"] == "Cannot evict pod as it would violate the pod's disruption budget."
        assert status["details"]["causes"] == [{"reason": "DisruptionBudget", "message": "The disruption budget "
                                                "guard needs 1 healthy pods and has 1 currently"}]
        k.ok("delete", "pdb", "guard")
        core.create_namespaced_pod_eviction("guarded", "default", eviction)
    left = k.run("get", "pod", "guarded", "-o", "json")  # nginx stops at once: the pod is gone or going
    assert left.returncode != 0 or json.loads(left.stdout)["metadata"].get("deletionTimestamp")


def test_priority_classes_give_pods_their_priority(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/ (a PriorityClass's value
    becomes the Pod's priority; a Pod naming a class that does not exist is refused)."""
    assert k.ok("create", "priorityclass", "high-priority", "--value=1000000",
                "--description=for critical pods").strip() == "priorityclass.scheduling.k8s.io/high-priority created"
    assert "system-node-critical" in k.ok("get", "priorityclasses")
    k.apply(_pod("important", priorityClassName="high-priority"))
    pod = k.json("get", "pod", "important")
    assert pod["spec"]["priority"] == 1000000 and pod["spec"]["preemptionPolicy"] == "PreemptLowerPriority"
    err = k.fails("run", "nobody", "--image=nginx", "--overrides",
                  json.dumps({"spec": {"priorityClassName": "missing"}}))
    assert 'pods "nobody" is forbidden: no PriorityClass with name missing was found' in err


def test_a_higher_priority_pod_preempts_lower_priority_ones(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/#preemption (a pending Pod
    that fits nowhere evicts lower-priority Pods from one node, which is nominated for it; a Pod with
    preemptionPolicy Never waits instead)."""
    k.ok("create", "priorityclass", "high", "--value=1000")
    k.ok("create", "priorityclass", "low", "--value=10")
    k.ok("create", "priorityclass", "polite", "--value=1000", "--preemption-policy=Never")
    filler = _deployment("filler", 4, priorityClassName="low")
    filler["spec"]["template"]["spec"]["containers"][0]["resources"] = {"requests": {"cpu": "3"}}
    k.apply(filler)
    k.advance(10)
    polite = _pod("polite", priorityClassName="polite")
    polite["spec"]["containers"][0]["resources"] = {"requests": {"cpu": "5"}}
    k.apply(polite)
    k.advance(3)
    assert _pending_message(k, "polite").endswith("preemption: not eligible due to preemptionPolicy=Never.")
    k.ok("delete", "pod", "polite", "--wait=false")
    vip = _pod("vip", priorityClassName="high")
    vip["spec"]["containers"][0]["resources"] = {"requests": {"cpu": "5"}}
    k.apply(vip)
    k.advance(10)
    node = _node_of(k, "vip")
    preempted = k.ok("get", "events", "--field-selector", "reason=Preempted")
    uid = k.json("get", "pod", "vip")["metadata"]["uid"]
    assert node and preempted.count("Preempted by pod") == 1 and f"Preempted by pod {uid} on node {node}" in preempted
    waiting = [p["metadata"]["name"] for p in k.pods("app=filler") if not p["spec"].get("nodeName")]
    assert len(waiting) == 1 and "No preemption victims found for incoming pod" in _pending_message(k, waiting[0])
