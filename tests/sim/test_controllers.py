"""Controllers on scenarios from the Kubernetes documentation."""

from __future__ import annotations

import copy

import pytest

from flashgen.sim import SimCluster
from flashgen.sim.controllers.deployment import surge_and_unavailable
from sim_helpers import deployment, pod, ready


def _rs(sim: SimCluster) -> dict[str, dict]:
    return {r["metadata"]["name"]: r for r in sim.list("apps/v1", "ReplicaSet", "default")}


@pytest.mark.parametrize("replicas,surge,unavailable", [(3, 1, 0), (10, 3, 2), (1, 1, 0), (4, 1, 1)])
def test_default_surge_and_unavailable(replicas: int, surge: int, unavailable: int) -> None:
    assert surge_and_unavailable(deployment(replicas=replicas)) == (surge, unavailable)


def test_zero_surge_and_unavailable_means_one_unavailable() -> None:
    d = deployment(strategy={"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 0, "maxUnavailable": 0}})
    assert surge_and_unavailable(d) == (0, 1)


def test_deployment_creates_replicaset_and_pods(sim: SimCluster) -> None:
    sim.apply(deployment())
    sim.run_until_settled()
    (rs,) = _rs(sim).values()
    assert rs["metadata"]["name"].startswith("web-")
    h = rs["metadata"]["labels"]["pod-template-hash"]
    assert rs["metadata"]["name"] == f"web-{h}" and set(h) <= set("bcdfghjklmnpqrstvwxz2456789")
    assert rs["metadata"]["annotations"]["deployment.kubernetes.io/revision"] == "1"
    pods = sim.list("v1", "Pod", "default")
    assert len(pods) == 3 and all(p["metadata"]["name"].startswith(rs["metadata"]["name"] + "-") for p in pods)
    assert all(len(p["metadata"]["name"]) == len(rs["metadata"]["name"]) + 6 for p in pods)
    d = sim.get("apps/v1", "Deployment", "web")
    st = d["status"]
    assert (st["replicas"], st["updatedReplicas"], st["readyReplicas"], st["availableReplicas"]) == (3, 3, 3, 3)
    conds = {c["type"]: c for c in st["conditions"]}
    assert conds["Available"]["reason"] == "MinimumReplicasAvailable"
    assert conds["Progressing"]["reason"] == "NewReplicaSetAvailable"
    assert d["metadata"]["annotations"]["deployment.kubernetes.io/revision"] == "1"


def test_rolling_update_keeps_availability(sim: SimCluster) -> None:
    """3 replicas, default strategy: never more than 4 pods, never fewer than 3 available."""
    sim.apply(deployment())
    sim.run_until_settled()
    sim.apply(deployment(image="nginx:1.25"))
    most, fewest, steps = 0, 3, 0
    while sim.step(sim.now() + 600):
        pods = [p for p in sim.list("v1", "Pod", "default") if "deletionTimestamp" not in p["metadata"]]
        most = max(most, len(pods))
        fewest = min(fewest, sum(1 for p in pods if ready(p)))
        steps += 1
        done, _ = sim.rollout_status("deploy", "web")
        if done:
            break
    assert most == 4 and fewest == 3 and steps > 3
    sim.advance(2)  # the last old pod finishes terminating
    images = {p["spec"]["containers"][0]["image"] for p in sim.list("v1", "Pod", "default")}
    assert images == {"nginx:1.25"}
    rss = _rs(sim)
    assert sorted(r["spec"]["replicas"] for r in rss.values()) == [0, 3]
    d = sim.get("apps/v1", "Deployment", "web")
    assert d["metadata"]["annotations"]["deployment.kubernetes.io/revision"] == "2"


def test_rollout_status_messages(sim: SimCluster) -> None:
    sim.apply(deployment())
    done, msg = sim.rollout_status("deploy", "web")
    assert not done and msg.startswith('Waiting for deployment "web" rollout to finish')
    sim.run_until_settled()
    assert sim.rollout_status("deploy", "web") == (True, 'deployment "web" successfully rolled out')


def test_recreate_strategy(sim: SimCluster) -> None:
    sim.apply(deployment(strategy={"type": "Recreate"}))
    sim.run_until_settled()
    sim.apply(deployment(image="nginx:1.25", strategy={"type": "Recreate"}))
    pods = sim.list("v1", "Pod", "default")
    assert len(pods) == 3 and all("deletionTimestamp" in p["metadata"] for p in pods)  # all old ones stop first
    while sim.step():
        pods = sim.list("v1", "Pod", "default")
        assert len({p["spec"]["containers"][0]["image"] for p in pods}) <= 1  # never old and new together
        if len(pods) == 3 and all(ready(p) for p in pods):
            break
    assert {p["spec"]["containers"][0]["image"] for p in pods} == {"nginx:1.25"}


def test_history_undo_and_change_cause(sim: SimCluster) -> None:
    for i, image in enumerate(["nginx:1.23", "nginx:1.24", "nginx:1.25"]):
        d = deployment(image=image)
        d["metadata"]["annotations"] = {"kubernetes.io/change-cause": f"image {image}"}
        sim.apply(d)
        sim.run_until_settled()
    assert sim.rollout_history("deploy", "web") == [(1, "image nginx:1.23"), (2, "image nginx:1.24"),
                                                    (3, "image nginx:1.25")]
    sim.rollout_undo("deploy", "web")
    sim.run_until_settled()
    assert sim.get("apps/v1", "Deployment", "web")["spec"]["template"]["spec"]["containers"][0]["image"] == \
        "nginx:1.24"
    assert [r for r, _ in sim.rollout_history("deploy", "web")] == [1, 3, 4]
    sim.rollout_undo("deploy", "web", to_revision=1)
    sim.run_until_settled()
    assert {p["spec"]["containers"][0]["image"] for p in sim.list("v1", "Pod", "default")} == {"nginx:1.23"}


def test_revision_history_limit(sim: SimCluster) -> None:
    for i in range(5):
        sim.apply(deployment(image=f"nginx:1.2{i}", revisionHistoryLimit=2))
        sim.run_until_settled()
    assert len(_rs(sim)) == 3


def test_scale(sim: SimCluster) -> None:
    sim.apply(deployment())
    sim.run_until_settled()
    sim.scale("deployment", "web", 5)
    sim.run_until_settled()
    assert len(sim.list("v1", "Pod", "default")) == 5
    sim.scale("deployment", "web", 1)
    pods = sim.list("v1", "Pod", "default")
    assert sum(1 for p in pods if "deletionTimestamp" not in p["metadata"]) == 1 and len(pods) == 5
    assert sim.get("apps/v1", "Deployment", "web")["status"]["replicas"] == 1
    sim.advance(1)
    assert len(sim.list("v1", "Pod", "default")) == 1


def test_replicaset_replaces_deleted_pods_and_adopts_orphans(sim: SimCluster) -> None:
    orphan = pod("orphan", "nginx")
    orphan["metadata"]["labels"] = {"app": "frontend"}
    sim.apply(orphan)
    rs = {"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": "frontend"},
          "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "frontend"}},
                   "template": {"metadata": {"labels": {"app": "frontend"}},
                                "spec": {"containers": [{"name": "php", "image": "nginx"}]}}}}
    sim.apply(rs)
    pods = sim.list("v1", "Pod", "default")
    assert len(pods) == 3 and "orphan" in {p["metadata"]["name"] for p in pods}
    victim = next(p for p in pods if p["metadata"]["name"] != "orphan")
    sim.delete("v1", "Pod", victim["metadata"]["name"])
    assert len(sim.list("v1", "Pod", "default")) == 3


def test_replication_controller(sim: SimCluster) -> None:
    rc = {"apiVersion": "v1", "kind": "ReplicationController", "metadata": {"name": "nginx"},
          "spec": {"replicas": 3, "selector": {"app": "nginx"},
                   "template": {"metadata": {"labels": {"app": "nginx"}},
                                "spec": {"containers": [{"name": "nginx", "image": "nginx"}]}}}}
    sim.apply(rc)
    sim.run_until_settled()
    st = sim.get("v1", "ReplicationController", "nginx")["status"]
    assert st["replicas"] == st["readyReplicas"] == st["availableReplicas"] == 3


def _ds(tolerate: bool = False) -> dict:
    spec = {"containers": [{"name": "fluentd", "image": "quay.io/fluentd_elasticsearch/fluentd:v2.5.2"}]}
    if tolerate:
        spec["tolerations"] = [{"key": "node-role.kubernetes.io/control-plane", "operator": "Exists",
                                "effect": "NoSchedule"}]
    return {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "fluentd"},
            "spec": {"selector": {"matchLabels": {"name": "fluentd"}},
                     "template": {"metadata": {"labels": {"name": "fluentd"}}, "spec": spec}}}


def test_daemonset_skips_tainted_control_plane(sim: SimCluster) -> None:
    sim.apply(_ds())
    sim.run_until_settled()
    pods = sim.list("v1", "Pod", "default")
    assert sorted(p["spec"]["nodeName"] for p in pods) == ["kind-worker", "kind-worker2"]
    st = sim.get("apps/v1", "DaemonSet", "fluentd")["status"]
    assert st["desiredNumberScheduled"] == st["numberReady"] == 2


def test_daemonset_with_toleration_runs_everywhere(sim: SimCluster) -> None:
    sim.apply(_ds(tolerate=True))
    sim.run_until_settled()
    assert len(sim.list("v1", "Pod", "default")) == 3
    assert sim.get("apps/v1", "DaemonSet", "fluentd")["status"]["desiredNumberScheduled"] == 3


def test_daemonset_on_one_node_cluster() -> None:
    one = SimCluster(workers=0)
    one.apply(_ds())
    one.run_until_settled()
    assert len(one.list("v1", "Pod", "default")) == 1


def test_daemonset_rolling_update(sim: SimCluster) -> None:
    sim.apply(_ds())
    sim.run_until_settled()
    ds = _ds()
    ds["spec"]["template"]["spec"]["containers"][0]["image"] = "quay.io/fluentd_elasticsearch/fluentd:v2.6.0"
    sim.apply(ds)
    sim.run_until_settled()
    pods = sim.list("v1", "Pod", "default")
    assert len(pods) == 2 and all(p["spec"]["containers"][0]["image"].endswith("v2.6.0") for p in pods)
    assert sim.rollout_status("ds", "fluentd")[0]


def _sts(replicas: int = 3, policy: str = "OrderedReady") -> dict:
    return {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "web"},
            "spec": {"serviceName": "nginx", "replicas": replicas, "podManagementPolicy": policy,
                     "selector": {"matchLabels": {"app": "nginx"}},
                     "template": {"metadata": {"labels": {"app": "nginx"}},
                                  "spec": {"containers": [{"name": "nginx", "image": "registry.k8s.io/nginx-slim:0.8",
                                                           "volumeMounts": [{"name": "www",
                                                                             "mountPath": "/usr/share/nginx/html"}]}]}},
                     "volumeClaimTemplates": [{"metadata": {"name": "www"}, "spec": {
                         "accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]}}


def test_statefulset_ordered_ready(sim: SimCluster) -> None:
    sim.apply(_sts())
    names = [p["metadata"]["name"] for p in sim.list("v1", "Pod", "default")]
    assert names == ["web-0"]
    seen = []
    while sim.step():
        pods = {p["metadata"]["name"]: p for p in sim.list("v1", "Pod", "default")}
        if len(pods) > len(seen):
            newest = sorted(pods)[-1]
            earlier = [pods[n] for n in sorted(pods)[:-1]]
            assert all(ready(p) for p in earlier), f"{newest} created before its predecessors were ready"
            seen = sorted(pods)
        if len(pods) == 3 and all(ready(p) for p in pods.values()):
            break
    assert seen == ["web-0", "web-1", "web-2"]
    claims = sorted(c["metadata"]["name"] for c in sim.list("v1", "PersistentVolumeClaim", "default"))
    assert claims == ["www-web-0", "www-web-1", "www-web-2"]
    assert all(c["status"]["phase"] == "Bound" for c in sim.list("v1", "PersistentVolumeClaim", "default"))
    p0 = sim.get("v1", "Pod", "web-0")
    assert p0["spec"]["hostname"] == "web-0" and p0["spec"]["subdomain"] == "nginx"


def test_statefulset_pvcs_survive_pod_deletion_and_scale_down(sim: SimCluster) -> None:
    sim.apply(_sts())
    sim.run_until_settled()
    uid = sim.get("v1", "Pod", "web-1")["metadata"]["uid"]
    sim.delete("v1", "Pod", "web-1")
    sim.run_until_settled()
    p = sim.get("v1", "Pod", "web-1")
    assert p["metadata"]["uid"] != uid and ready(p)
    assert p["spec"]["volumes"][0]["persistentVolumeClaim"]["claimName"] == "www-web-1"
    sim.scale("sts", "web", 1)
    sim.run_until_settled()
    assert [p["metadata"]["name"] for p in sim.list("v1", "Pod", "default")] == ["web-0"]
    assert len(sim.list("v1", "PersistentVolumeClaim", "default")) == 3


def test_statefulset_parallel(sim: SimCluster) -> None:
    sim.apply(_sts(policy="Parallel"))
    assert len(sim.list("v1", "Pod", "default")) == 3


def _job(completions: int | None = None, parallelism: int | None = None, command: list[str] | None = None,
         **spec: object) -> dict:
    s: dict = {"template": {"spec": {"restartPolicy": "Never", "containers": [
        {"name": "worker", "image": "busybox", "command": command or ["sleep", "5"]}]}}, **spec}
    if completions is not None:
        s["completions"] = completions
    if parallelism is not None:
        s["parallelism"] = parallelism
    return {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "work"}, "spec": s}


def test_job_defaults_and_labels(sim: SimCluster) -> None:
    j = sim.apply(_job())
    assert j["spec"]["completions"] == j["spec"]["parallelism"] == 1 and j["spec"]["backoffLimit"] == 6
    (p,) = sim.list("v1", "Pod", "default")
    labels = p["metadata"]["labels"]
    assert labels["job-name"] == labels["batch.kubernetes.io/job-name"] == "work"
    assert labels["controller-uid"] == j["metadata"]["uid"]


def test_job_completions_and_parallelism(sim: SimCluster) -> None:
    sim.apply(_job(completions=5, parallelism=2))
    most = 0
    while sim.step():
        st = sim.get("batch/v1", "Job", "work")["status"]
        most = max(most, st.get("active", 0))
        if st.get("completionTime"):
            break
    st = sim.get("batch/v1", "Job", "work")["status"]
    assert most == 2 and st["succeeded"] == 5
    types = [c["type"] for c in st["conditions"]]
    assert types == ["SuccessCriteriaMet", "Complete"]


def test_job_backoff_limit(sim: SimCluster) -> None:
    sim.apply(_job(command=["false"], backoffLimit=3))
    sim.run_until_settled()
    st = sim.get("batch/v1", "Job", "work")["status"]
    assert st["failed"] == 4
    assert [c["type"] for c in st["conditions"]] == ["FailureTarget", "Failed"]
    assert st["conditions"][-1]["reason"] == "BackoffLimitExceeded"
    created = sorted(p["metadata"]["creationTimestamp"] for p in sim.list("v1", "Pod", "default"))
    from flashgen.sim.timefmt import parse_rfc3339
    t = [parse_rfc3339(x) for x in created]
    gaps = [b - a for a, b in zip(t, t[1:])]
    assert [g - 3 for g in gaps] == [10, 20, 40]  # 3 s to start and fail, then 10 s doubling back-off


def test_job_active_deadline(sim: SimCluster) -> None:
    sim.apply(_job(command=["sleep", "100"], activeDeadlineSeconds=30))
    sim.run_until_settled()
    st = sim.get("batch/v1", "Job", "work")["status"]
    assert st["conditions"][-1]["reason"] == "DeadlineExceeded"
    assert sim.list("v1", "Pod", "default") == []


def _cron(schedule: str = "*/1 * * * *", **spec: object) -> dict:
    return {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "hello"},
            "spec": {"schedule": schedule, **spec, "jobTemplate": {"spec": {"template": {"spec": {
                "restartPolicy": "OnFailure", "containers": [{"name": "hello", "image": "busybox:1.28", "command": [
                    "/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"]}]}}}}}}


def test_cronjob_every_minute_keeps_three(sim: SimCluster) -> None:
    sim.apply(_cron())
    sim.advance(5 * 60 + 30)
    jobs = sorted(j["metadata"]["name"] for j in sim.list("batch/v1", "Job", "default"))
    assert len(jobs) == 3
    minutes = [int(n.rsplit("-", 1)[1]) for n in jobs]
    assert minutes == [m for m in range(minutes[0], minutes[0] + 3)]
    assert minutes[-1] * 60 == int(sim.now()) // 60 * 60
    cj = sim.get("batch/v1", "CronJob", "hello")
    assert cj["status"]["lastScheduleTime"] == "2024-01-29T09:05:00Z"
    assert cj["status"]["lastSuccessfulTime"].startswith("2024-01-29T09:05:")
    job = sim.get("batch/v1", "Job", jobs[-1])
    pod_ = sim.list("v1", "Pod", "default", f"job-name={jobs[-1]}")[0]
    assert sim.logs(pod_["metadata"]["name"])[-1] == "Hello from the Kubernetes cluster"
    assert job["metadata"]["ownerReferences"][0]["kind"] == "CronJob"


def test_cronjob_monthly_schedule_a_month_ahead(sim: SimCluster) -> None:
    sim.apply(_cron("0 3 1 * *"))
    sim.advance(31 * 86400)
    (job,) = sim.list("batch/v1", "Job", "default")
    assert job["metadata"]["name"] == f"hello-{1706756400 // 60}"  # 2024-02-01T03:00:00Z


def test_cronjob_forbid_and_suspend(sim: SimCluster) -> None:
    long = _cron(concurrencyPolicy="Forbid")
    long["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["command"] = ["sleep", "150"]
    sim.apply(long)
    sim.advance(150)
    assert len(sim.list("batch/v1", "Job", "default")) == 1
    sim.patch("batch/v1", "CronJob", "hello", {"spec": {"suspend": True}}, patch_type="merge")
    before = len(sim.list("batch/v1", "Job", "default"))
    sim.advance(600)
    assert len(sim.list("batch/v1", "Job", "default")) <= before


def test_service_endpoints_follow_readiness(sim: SimCluster) -> None:
    sim.apply(deployment())
    svc = sim.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
                     "spec": {"selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": "http"}]}})
    assert svc["spec"]["clusterIP"].startswith("10.96.")
    ep = sim.get("v1", "Endpoints", "web")
    assert "subsets" not in ep or not any(s.get("addresses") for s in ep["subsets"])
    sim.run_until_settled()
    ep = sim.get("v1", "Endpoints", "web")
    addrs = ep["subsets"][0]["addresses"]
    assert len(addrs) == 3 and ep["subsets"][0]["ports"][0]["port"] == 80
    pods = {p["status"]["podIP"] for p in sim.list("v1", "Pod", "default")}
    assert {a["ip"] for a in addrs} == pods
    (sl,) = sim.list("discovery.k8s.io/v1", "EndpointSlice", "default", "kubernetes.io/service-name=web")
    assert all(e["conditions"]["ready"] for e in sl["endpoints"]) and len(sl["endpoints"]) == 3
    sim.scale("deploy", "web", 1)
    assert len(sim.get("v1", "Endpoints", "web")["subsets"][0]["addresses"]) == 1


def test_kubernetes_service_and_nodeports(sim: SimCluster) -> None:
    k = sim.get("v1", "Service", "kubernetes")
    assert k["spec"]["clusterIP"] == "10.96.0.1"
    a = sim.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"},
                   "spec": {"type": "NodePort", "selector": {"app": "a"}, "ports": [{"port": 80, "nodePort": 30080}]}})
    assert a["spec"]["ports"][0]["nodePort"] == 30080
    b = sim.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "b"},
                   "spec": {"type": "NodePort", "selector": {"app": "b"}, "ports": [{"port": 80}]}})
    assert 30000 <= b["spec"]["ports"][0]["nodePort"] <= 32767
    from flashgen.sim import ApiError
    with pytest.raises(ApiError) as e:
        sim.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "c"},
                   "spec": {"type": "NodePort", "selector": {"app": "c"}, "ports": [{"port": 80, "nodePort": 30080}]}})
    assert e.value.code == 422 and "provided port is already allocated" in e.value.message
    h = sim.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "h"},
                   "spec": {"clusterIP": "None", "selector": {"app": "a"}, "ports": [{"port": 80}]}})
    assert h["spec"]["clusterIP"] == "None"


def test_pvc_waits_for_first_consumer(sim: SimCluster) -> None:
    sim.apply({"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data"},
               "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}})
    claim = sim.get("v1", "PersistentVolumeClaim", "data")
    assert claim["spec"]["storageClassName"] == "standard" and claim["status"]["phase"] == "Pending"
    sim.apply(pod("user", "nginx", volumes=[{"name": "d", "persistentVolumeClaim": {"claimName": "data"}}]))
    claim = sim.get("v1", "PersistentVolumeClaim", "data")
    assert claim["status"]["phase"] == "Bound"
    assert sim.get("v1", "PersistentVolume", claim["spec"]["volumeName"])["status"]["phase"] == "Bound"


def test_events_are_recorded(sim: SimCluster) -> None:
    sim.apply(deployment())
    sim.run_until_settled()
    reasons = {e["reason"] for e in sim.list("v1", "Event", "default")}
    assert {"ScalingReplicaSet", "SuccessfulCreate", "Scheduled", "Pulling", "Pulled", "Created", "Started"} <= reasons
    scaled = [e["message"] for e in sim.list("v1", "Event", "default") if e["reason"] == "ScalingReplicaSet"]
    assert scaled[0].startswith("Scaled up replica set web-") and scaled[0].endswith("from 0 to 3")


def test_copy_isolation(sim: SimCluster) -> None:
    d = sim.apply(deployment())
    d2 = copy.deepcopy(d)
    d["spec"]["replicas"] = 99
    assert sim.get("apps/v1", "Deployment", "web")["spec"]["replicas"] == d2["spec"]["replicas"]


def test_stuck_rollout_with_bad_image_then_undo(sim: SimCluster) -> None:
    sim.apply(deployment())
    sim.run_until_settled()
    sim.apply(deployment(image="nginx:doesnotexist"))
    sim.run_until_settled()
    pods = sim.list("v1", "Pod", "default")
    good = [p for p in pods if ready(p)]
    assert len(good) == 3 and len(pods) == 4  # maxUnavailable 0: the old pods stay
    done, msg = sim.rollout_status("deploy", "web")
    assert not done and "1 out of 3 new replicas have been updated" in msg
    sim.advance(601)
    conds = {c["type"]: c for c in sim.get("apps/v1", "Deployment", "web")["status"]["conditions"]}
    assert conds["Progressing"]["status"] == "False" and conds["Progressing"]["reason"] == "ProgressDeadlineExceeded"
    assert conds["Available"]["status"] == "True"
    sim.rollout_undo("deploy", "web")
    sim.run_until_settled()
    assert sim.rollout_status("deploy", "web")[0]
    assert {p["spec"]["containers"][0]["image"] for p in sim.list("v1", "Pod", "default")} == {"nginx:1.24"}


def test_readiness_probe_delays_endpoints(sim: SimCluster) -> None:
    d = deployment(replicas=2)
    d["spec"]["template"]["spec"]["containers"][0]["readinessProbe"] = {
        "httpGet": {"path": "/", "port": 80}, "initialDelaySeconds": 20}
    sim.apply(d)
    sim.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
               "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}})
    sim.advance(10)
    (subset,) = sim.get("v1", "Endpoints", "web")["subsets"]
    assert "addresses" not in subset and len(subset["notReadyAddresses"]) == 2
    assert sim.get("apps/v1", "Deployment", "web")["status"].get("readyReplicas", 0) == 0
    sim.advance(15)
    (subset,) = sim.get("v1", "Endpoints", "web")["subsets"]
    assert len(subset["addresses"]) == 2 and "notReadyAddresses" not in subset


def test_deleting_a_job_deletes_its_pods_and_cronjob_history(sim: SimCluster) -> None:
    sim.apply(_job(completions=2, parallelism=2))
    assert len(sim.list("v1", "Pod", "default")) == 2
    sim.delete("batch/v1", "Job", "work")
    assert sim.list("v1", "Pod", "default") == []


def test_cronjob_replace_policy(sim: SimCluster) -> None:
    c = _cron(concurrencyPolicy="Replace")
    c["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["command"] = ["sleep", "90"]
    sim.apply(c)
    sim.advance(125)
    jobs = sim.list("batch/v1", "Job", "default")
    assert len(jobs) == 1 and jobs[0]["metadata"]["name"] == f"hello-{(int(sim.now()) // 60)}"


def test_service_types_in_get_output(sim: SimCluster) -> None:
    from flashgen.sim.printers import table
    sim.apply(deployment(name="webui"))
    for name, spec in (("cip", {"type": "ClusterIP"}), ("np", {"type": "NodePort"}), ("lb", {"type": "LoadBalancer"})):
        sim.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": name},
                   "spec": {"selector": {"app": "webui"}, "ports": [{"protocol": "TCP", "port": 80, "targetPort": 80}],
                            **spec}})
    sim.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "ext"},
               "spec": {"type": "ExternalName", "externalName": "my.database.example.com"}})
    rows = {r.split()[0]: r.split() for r in table("Service", sim.list("v1", "Service", "default"), sim.now())
            .splitlines()[1:]}
    assert rows["cip"][1:4:2] == ["ClusterIP", "<none>"] and rows["cip"][4] == "80/TCP"
    assert rows["np"][1] == "NodePort" and rows["np"][4].startswith("80:3")
    assert rows["lb"][1] == "LoadBalancer" and rows["lb"][3] == "<pending>"
    assert rows["ext"][1:4] == ["ExternalName", "<none>", "my.database.example.com"]
    assert sim.get("v1", "Endpoints", "ext") is None
    from flashgen.sim import ApiError
    bad = _cron()
    bad["spec"]["timeZone"] = "Mars/Olympus"
    with pytest.raises(ApiError) as e:
        sim.apply(bad)
    assert "unknown time zone Mars/Olympus" in e.value.message


def test_relabelled_pod_is_released_and_replaced(sim: SimCluster) -> None:
    sim.apply(deployment(replicas=2))
    sim.run_until_settled()
    victim = sim.list("v1", "Pod", "default")[0]["metadata"]["name"]
    sim.patch("v1", "Pod", victim, {"metadata": {"labels": {"app": "debug"}}}, patch_type="merge")
    released = sim.get("v1", "Pod", victim)
    assert "ownerReferences" not in released["metadata"]
    assert len(sim.list("v1", "Pod", "default", "app=web")) == 2
    sim.delete("apps/v1", "Deployment", "web")
    sim.advance(1)
    assert [p["metadata"]["name"] for p in sim.list("v1", "Pod", "default")] == [victim]


def test_a_node_takes_at_most_110_pods_and_the_rest_wait():
    from flashgen.sim import SimCluster

    cluster = SimCluster()
    cluster.apply({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "many"},
                   "spec": {"replicas": 230, "selector": {"matchLabels": {"app": "many"}},
                            "template": {"metadata": {"labels": {"app": "many"}},
                                         "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}})
    cluster.run_until_settled(600)
    pods = cluster.list("v1", "Pod", "default")
    placed = [p for p in pods if p["spec"].get("nodeName")]
    # each worker already runs kind's kindnet and kube-proxy pods: 108 places are left on each
    assert len(pods) == 230 and len(placed) == 216
    assert {p["spec"]["nodeName"] for p in placed} == {"kind-worker", "kind-worker2"}
    waiting = [p for p in pods if not p["spec"].get("nodeName")]
    message = waiting[0]["status"]["conditions"][0]["message"]
    assert "2 Too many pods" in message and "1 node(s) had untolerated taint" in message
