"""Resources through real kubectl: requests against the nodes' allocatable, ResourceQuota and LimitRange at
admission, and the metrics API behind `kubectl top`, each as the documentation page in its docstring shows it."""

from __future__ import annotations

import json

from .policies_support import Cluster, k, served  # noqa: F401  (fixtures)


def _pod(name: str, image: str = "nginx", requests: dict | None = None, limits: dict | None = None,
         args: list[str] | None = None, namespace: str = "default") -> dict:
    c: dict = {"name": name + "-ctr", "image": image}
    if requests or limits:
        c["resources"] = {k_: v for k_, v in (("requests", requests), ("limits", limits)) if v}
    if args:
        c["args"] = args
    return {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "namespace": namespace},
            "spec": {"containers": [c]}}


def _scheduled_message(k: Cluster, name: str, namespace: str = "default") -> str:
    pod = k.json("get", "pod", name, "-n", namespace)
    cond = next(c for c in pod["status"]["conditions"] if c["type"] == "PodScheduled")
    assert cond["status"] == "False" and cond["reason"] == "Unschedulable"
    return cond["message"]


def test_a_cpu_request_larger_than_every_node_stays_pending(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/assign-cpu-resource/ (a CPU request too big for
    your nodes: the Pod stays Pending, and its events say the nodes have insufficient CPU)."""
    k.apply(_pod("cpu-demo-2", "vish/stress", {"cpu": "100"}, {"cpu": "100"}, ["-cpus", "2"]))
    k.advance(5)
    assert k.json("get", "pod", "cpu-demo-2")["status"]["phase"] == "Pending"
    message = _scheduled_message(k, "cpu-demo-2")
    assert message == ("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
                       "2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for "
                       "scheduling, 2 No preemption victims found for incoming pod.")
    described = k.ok("describe", "pod", "cpu-demo-2")
    assert "FailedScheduling" in described and "2 Insufficient cpu" in described


def test_a_memory_request_larger_than_every_node_stays_pending(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/ (a memory request too big
    for your nodes: Pending, `Insufficient memory`)."""
    k.apply(_pod("memory-demo-3", "polinux/stress", {"memory": "1000Gi"}, {"memory": "1000Gi"},
                 ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]))
    k.advance(5)
    assert "2 Insufficient memory" in _scheduled_message(k, "memory-demo-3")
    events = k.ok("get", "events", "--field-selector", "involvedObject.name=memory-demo-3")
    assert "FailedScheduling" in events and "Insufficient memory" in events


def test_requests_fill_nodes_until_the_next_pod_fits_nowhere(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/ (filtering: nodes without room
    for the Pod's requests are left out) and https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
    (the sum of requests never exceeds a node's capacity). Each worker has 8 CPUs."""
    k.apply({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "big"},
             "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "big"}},
                      "template": {"metadata": {"labels": {"app": "big"}}, "spec": {"containers": [
                          {"name": "nginx", "image": "nginx", "resources": {"requests": {"cpu": "5"}}}]}}}})
    k.advance(10)
    pods = k.pods("app=big")
    running = [p for p in pods if p["spec"].get("nodeName")]
    pending = [p for p in pods if not p["spec"].get("nodeName")]
    assert len(running) == 2 and len({p["spec"]["nodeName"] for p in running}) == 2 and len(pending) == 1
    assert "2 Insufficient cpu" in _scheduled_message(k, pending[0]["metadata"]["name"])
    node = json.loads(k.ok("get", "node", running[0]["spec"]["nodeName"], "-o", "json"))
    assert node["status"]["allocatable"]["cpu"] == "8"
    described = k.ok("describe", "node", running[0]["spec"]["nodeName"])
    row = next(line for line in described.split("Non-terminated Pods:")[1].splitlines()
               if running[0]["metadata"]["name"] in line)
    assert row.split()[2:4] == ["5", "(62%)"]  # CPU Requests of the pod: 5 of the node's 8
    assert "Allocated resources:" in described


def test_a_limit_without_a_request_becomes_the_request(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/ (if you specify a limit but
    no request, Kubernetes copies the limit as the request); quantities come back in canonical form."""
    k.apply(_pod("limited", limits={"cpu": "0.5", "memory": "1024Mi"}))
    resources = k.json("get", "pod", "limited")["spec"]["containers"][0]["resources"]
    assert resources == {"limits": {"cpu": "500m", "memory": "1Gi"}, "requests": {"cpu": "500m", "memory": "1Gi"}}
    assert k.json("get", "pod", "limited")["status"]["qosClass"] == "Guaranteed"


MEM_CPU_QUOTA = """
apiVersion: v1
kind: ResourceQuota
metadata: {name: mem-cpu-demo}
spec:
  hard: {requests.cpu: "1", requests.memory: 1Gi, limits.cpu: "2", limits.memory: 2Gi}
"""


def test_a_memory_and_cpu_quota_refuses_the_pod_that_would_exceed_it(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/quota-memory-cpu-namespace/ (the second
    Pod is refused: exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi,
    limited: requests.memory=1Gi)."""
    k.ok("create", "namespace", "quota-mem-cpu-example")
    k.apply(MEM_CPU_QUOTA, "-n", "quota-mem-cpu-example")
    k.apply(_pod("quota-mem-cpu-demo", requests={"memory": "600Mi", "cpu": "400m"},
                 limits={"memory": "800Mi", "cpu": "800m"}, namespace="quota-mem-cpu-example"))
    status = k.json("get", "resourcequota", "mem-cpu-demo", "-n", "quota-mem-cpu-example")["status"]
    assert status["used"] == {"limits.cpu": "800m", "limits.memory": "800Mi", "requests.cpu": "400m",
                              "requests.memory": "600Mi"}
    assert status["hard"] == {"limits.cpu": "2", "limits.memory": "2Gi", "requests.cpu": "1", "requests.memory": "1Gi"}
    err = k.fails("apply", "-f", "-", input=json.dumps(_pod(
        "quota-mem-cpu-demo-2", requests={"memory": "700Mi", "cpu": "400m"}, limits={"memory": "1Gi", "cpu": "800m"},
        namespace="quota-mem-cpu-example")))
    assert ('Error from server (Forbidden): error when creating "STDIN": pods "quota-mem-cpu-demo-2" is forbidden: '
            "exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, "
            "limited: requests.memory=1Gi") in err
    described = k.ok("describe", "quota", "mem-cpu-demo", "-n", "quota-mem-cpu-example")
    assert "requests.memory  600Mi  1Gi" in described


def test_a_pod_quota_stops_a_deployment_at_two_pods(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/quota-pod-namespace/ (only two of three
    replicas are created; the Deployment reports ReplicaFailure: exceeded quota: pod-demo, requested: pods=1,
    used: pods=2, limited: pods=2)."""
    k.ok("create", "quota", "pod-demo", "--hard=pods=2")
    k.ok("create", "deployment", "pod-quota-demo", "--image=nginx", "--replicas=3")
    k.advance(10)
    dep = k.json("get", "deployment", "pod-quota-demo")
    assert dep["status"]["availableReplicas"] == 2
    failure = next(c for c in dep["status"]["conditions"] if c["type"] == "ReplicaFailure")
    assert failure["reason"] == "FailedCreate" and failure["message"].startswith("unable to create pods: pods ")
    assert failure["message"].endswith('-" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, '
                                       "limited: pods=2")
    events = k.ok("get", "events", "--field-selector", "reason=FailedCreate")
    assert "Error creating: pods" in events
    assert k.ok("get", "quota", "pod-demo").splitlines()[1].split()[2:] == ["pods:", "2/2"]


def test_a_quota_on_cpu_requires_every_container_to_state_it(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/policy/resource-quotas/ (if the quota has a value for requests.cpu or
    limits.memory, every incoming container must make an explicit request or limit for it)."""
    k.apply(MEM_CPU_QUOTA)
    err = k.fails("run", "bare", "--image=nginx")
    assert ('pods "bare" is forbidden: failed quota: mem-cpu-demo: must specify limits.cpu for: bare; '
            "limits.memory for: bare; requests.cpu for: bare; requests.memory for: bare") in err


def test_object_count_quotas(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/quota-api-object/ (persistentvolumeclaims:
    1 lets one claim in and refuses the second; services.nodeports: 0 refuses a NodePort Service)."""
    k.apply({"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "object-quota-demo"},
             "spec": {"hard": {"persistentvolumeclaims": "1", "services.loadbalancers": "2",
                               "services.nodeports": "0"}}})
    claim = {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "pvc-quota-demo"},
             "spec": {"storageClassName": "manual", "accessModes": ["ReadWriteOnce"],
                      "resources": {"requests": {"storage": "3Gi"}}}}
    k.apply(claim)
    claim["metadata"]["name"] = "pvc-quota-demo-2"
    err = k.fails("apply", "-f", "-", input=json.dumps(claim))
    assert ('persistentvolumeclaims "pvc-quota-demo-2" is forbidden: exceeded quota: object-quota-demo, '
            "requested: persistentvolumeclaims=1, used: persistentvolumeclaims=1, limited: persistentvolumeclaims=1") in err
    err = k.fails("create", "service", "nodeport", "np", "--tcp=80:80")
    assert "exceeded quota: object-quota-demo, requested: services.nodeports=1, used: services.nodeports=0, " \
        "limited: services.nodeports=0" in err


def test_a_limitrange_fills_in_default_memory(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/memory-default-namespace/ (a container
    without memory settings gets the default limit 512Mi and request 256Mi)."""
    k.apply({"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "mem-limit-range"},
             "spec": {"limits": [{"default": {"memory": "512Mi"}, "defaultRequest": {"memory": "256Mi"},
                                  "type": "Container"}]}})
    k.apply(_pod("default-mem-demo"))
    pod = k.json("get", "pod", "default-mem-demo")
    assert pod["spec"]["containers"][0]["resources"] == {"limits": {"memory": "512Mi"}, "requests": {"memory": "256Mi"}}
    assert pod["metadata"]["annotations"]["kubernetes.io/limit-ranger"] == \
        "LimitRanger plugin set: memory request for container default-mem-demo-ctr; memory limit for container " \
        "default-mem-demo-ctr"
    k.apply(_pod("default-mem-demo-2", limits={"memory": "1Gi"}))  # a limit alone: the request follows it
    assert k.json("get", "pod", "default-mem-demo-2")["spec"]["containers"][0]["resources"]["requests"] == \
        {"memory": "1Gi"}


def test_a_limitrange_enforces_min_and_max_cpu(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/cpu-constraint-namespace/ (defaults are
    made from max; a limit above max and a request below min are refused with the documented messages)."""
    k.apply({"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "cpu-min-max-demo-lr"},
             "spec": {"limits": [{"max": {"cpu": "800m"}, "min": {"cpu": "200m"}, "type": "Container"}]}})
    item = k.json("get", "limitrange", "cpu-min-max-demo-lr")["spec"]["limits"][0]
    assert item["default"] == {"cpu": "800m"} and item["defaultRequest"] == {"cpu": "800m"}
    err = k.fails("apply", "-f", "-", input=json.dumps(_pod("constraints-cpu-demo-2", requests={"cpu": "500m"},
                                                              limits={"cpu": "1.5"})))
    assert 'pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is ' \
        "1500m." in err
    err = k.fails("apply", "-f", "-", input=json.dumps(_pod("constraints-cpu-demo-3", requests={"cpu": "100m"},
                                                              limits={"cpu": "800m"})))
    assert 'pods "constraints-cpu-demo-3" is forbidden: minimum cpu usage per Container is 200m, but request is ' \
        "100m." in err
    k.apply(_pod("constraints-cpu-demo-4"))
    assert k.json("get", "pod", "constraints-cpu-demo-4")["spec"]["containers"][0]["resources"] == \
        {"limits": {"cpu": "800m"}, "requests": {"cpu": "800m"}}


def test_kubectl_top_reads_the_metrics_api(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/debug/debug-cluster/resource-metrics-pipeline/ (metrics-server serves
    NodeMetrics and PodMetrics at metrics.k8s.io/v1beta1 for `kubectl top`) and
    https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/ (the stress container uses
    about 150 MiB, `kubectl top pod memory-demo`)."""
    k.apply(_pod("memory-demo", "polinux/stress", {"memory": "100Mi"}, {"memory": "200Mi"},
                 ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]))
    k.advance(5)
    # no sample yet: metrics-server answers 404 until it has scraped the new container once
    assert 'podmetrics.metrics.k8s.io "default/memory-demo" not found' in k.fails("top", "pod", "memory-demo")
    k.advance(20)
    top = k.ok("top", "pod", "memory-demo").splitlines()
    assert top[0].split() == ["NAME", "CPU(cores)", "MEMORY(bytes)"]
    name, cpu, memory = top[1].split()
    assert name == "memory-demo" and cpu.endswith("m") and memory == "151Mi"
    nodes = k.ok("top", "nodes").splitlines()
    assert nodes[0].split() == ["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"] and len(nodes) == 4
    raw = json.loads(k.ok("get", "--raw", "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/memory-demo"))
    assert raw["kind"] == "PodMetrics" and raw["containers"][0]["usage"]["memory"] == f"{151 * 1024}Ki"


def test_a_cpu_limit_caps_what_a_busy_container_uses(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/assign-cpu-resource/ (a container that tries to use
    2 CPUs with a limit of 1 CPU is held to about 1 CPU, as `kubectl top pod cpu-demo` shows)."""
    k.apply(_pod("cpu-demo", "vish/stress", {"cpu": "0.5"}, {"cpu": "1"}, ["-cpus", "2"]))
    k.advance(25)
    assert k.ok("top", "pod", "cpu-demo").splitlines()[1].split()[1] == "1000m"
