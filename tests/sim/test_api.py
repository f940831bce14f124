"""The simulated API server: metadata, defaulting, validation errors, conflicts, patches, GC, watch log."""

from __future__ import annotations

import pytest
from sim_helpers import deployment, pod

from flashgen.kube.cluster import Cluster
from flashgen.sim import ApiError, SimCluster


def test_implements_cluster_protocol(sim: SimCluster) -> None:
    assert isinstance(sim, Cluster)
    assert sim.now() == 1706518800.0  # 2024-01-29T09:00:00Z


def test_default_nodes_and_namespaces(sim: SimCluster) -> None:
    nodes = {n["metadata"]["name"]: n for n in sim.list("v1", "Node")}
    assert sorted(nodes) == ["kind-control-plane", "kind-worker", "kind-worker2"]
    assert nodes["kind-control-plane"]["spec"]["taints"] == [
        {"key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"}]
    assert "taints" not in nodes["kind-worker"]["spec"]
    names = {n["metadata"]["name"] for n in sim.list("v1", "Namespace")}
    assert {"default", "kube-system", "kube-public", "kube-node-lease"} <= names


def test_configurable_nodes() -> None:
    one = SimCluster(workers=0)
    (node,) = one.list("v1", "Node")
    assert "taints" not in node["spec"]  # kind removes the taint on a one-node cluster
    big = SimCluster(workers=3, control_planes=2)
    assert len(big.list("v1", "Node")) == 5


def test_metadata_and_resource_versions(sim: SimCluster) -> None:
    a = sim.apply(pod("a", "nginx"))
    b = sim.apply(pod("b", "nginx"))
    assert a["metadata"]["uid"] != b["metadata"]["uid"]
    assert int(b["metadata"]["resourceVersion"]) > int(a["metadata"]["resourceVersion"])
    assert a["metadata"]["creationTimestamp"] == "2024-01-29T09:00:00Z"
    d = sim.apply(deployment())
    assert d["metadata"]["generation"] == 1
    d2 = sim.apply(deployment(image="nginx:1.25"))
    assert d2["metadata"]["generation"] == 2


def test_pod_defaults(sim: SimCluster) -> None:
    p = sim.apply(pod("p", "nginx", None))
    spec = p["spec"]
    assert spec["restartPolicy"] == "Always"
    assert spec["dnsPolicy"] == "ClusterFirst"
    assert spec["terminationGracePeriodSeconds"] == 30
    assert spec["schedulerName"] == "default-scheduler"
    c = spec["containers"][0]
    assert c["imagePullPolicy"] == "Always"
    assert c["terminationMessagePath"] == "/dev/termination-log"
    assert c["terminationMessagePolicy"] == "File"
    tagged = sim.apply(pod("q", "nginx:1.25"))
    assert tagged["spec"]["containers"][0]["imagePullPolicy"] == "IfNotPresent"


def test_deployment_and_service_defaults(sim: SimCluster) -> None:
    d = sim.apply(deployment())
    assert d["spec"]["strategy"] == {"type": "RollingUpdate",
                                     "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}}
    assert d["spec"]["revisionHistoryLimit"] == 10
    assert d["spec"]["progressDeadlineSeconds"] == 600
    assert d["spec"]["template"]["spec"]["containers"][0]["ports"][0]["protocol"] == "TCP"
    s = sim.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
                   "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}})
    assert s["spec"]["sessionAffinity"] == "None"
    assert s["spec"]["type"] == "ClusterIP"
    assert s["spec"]["ports"][0]["targetPort"] == 80


def test_strict_decoding_unknown_field(sim: SimCluster) -> None:
    cj = {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "backup"},
          "spec": {"schedule": "0 3 1 * * ", "JobTemplate": {"spec": {}}}}
    with pytest.raises(ApiError) as e:
        sim.apply(cj)
    assert e.value.code == 400
    assert 'strict decoding error: unknown field "spec.JobTemplate"' in e.value.message


def test_missing_required_fields(sim: SimCluster) -> None:
    with pytest.raises(ApiError) as e:
        sim.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"},
                   "spec": {"containers": [{"name": "c"}]}})
    assert e.value.code == 422
    assert e.value.message == 'Pod "x" is invalid: spec.containers[0].image: Required value'
    bad = deployment()
    del bad["spec"]["selector"]
    with pytest.raises(ApiError) as e:
        sim.apply(bad)
    assert e.value.code == 422 and "spec.selector: Required value" in e.value.message
    mismatch = deployment()
    mismatch["spec"]["selector"]["matchLabels"] = {"app": "other"}
    with pytest.raises(ApiError) as e:
        sim.apply(mismatch)
    assert "`selector` does not match template `labels`" in e.value.message


def test_invalid_name(sim: SimCluster) -> None:
    with pytest.raises(ApiError) as e:
        sim.apply(pod("Web_1"))
    assert e.value.code == 422 and "a lowercase RFC 1123 subdomain" in e.value.message


def test_conflict_on_stale_resource_version(sim: SimCluster) -> None:
    d = sim.apply(deployment())
    sim.scale("deploy", "web", 5)
    d["spec"]["replicas"] = 2
    with pytest.raises(ApiError) as e:
        sim.replace(d)
    assert e.value.code == 409


def test_not_found_and_already_exists(sim: SimCluster) -> None:
    assert sim.get("v1", "Pod", "nope") is None
    assert sim.delete("v1", "Pod", "nope") is False
    sim.create(pod("a"))
    with pytest.raises(ApiError) as e:
        sim.create(pod("a"))
    assert e.value.code == 409 and e.value.reason == "AlreadyExists"
    with pytest.raises(ApiError) as e:
        sim.store.get("Pod", "default", "nope")
    assert e.value.code == 404 and e.value.message == 'pods "nope" not found'


def test_strategic_merge_patch_merges_containers_by_name(sim: SimCluster) -> None:
    sim.apply(deployment())
    out = sim.patch("apps/v1", "Deployment", "web", {"spec": {"template": {"spec": {"containers": [
        {"name": "nginx", "image": "nginx:1.25"}, {"name": "sidecar", "image": "busybox"}]}}}})
    cs = out["spec"]["template"]["spec"]["containers"]
    assert [c["name"] for c in cs] == ["nginx", "sidecar"]
    assert cs[0]["image"] == "nginx:1.25" and cs[0]["ports"][0]["containerPort"] == 80
    merged = sim.patch("apps/v1", "Deployment", "web", {"spec": {"replicas": 1}}, patch_type="merge")
    assert merged["spec"]["replicas"] == 1


def test_label_selectors(sim: SimCluster) -> None:
    for name, labels in (("a", {"app": "webui", "tier": "fe"}), ("b", {"app": "webui", "tier": "db"}),
                         ("c", {"app": "api"})):
        p = pod(name)
        p["metadata"]["labels"] = labels
        sim.apply(p)
    names = lambda sel: sorted(p["metadata"]["name"] for p in sim.list("v1", "Pod", "default", sel))  # noqa: E731
    assert names("app=webui,tier!=db") == ["a"]
    assert names("app in (webui,api)") == ["a", "b", "c"]
    assert names("!tier") == ["c"]
    assert names("tier") == ["a", "b"]


def test_garbage_collection_of_deployment(sim: SimCluster) -> None:
    sim.apply(deployment())
    sim.run_until_settled()
    assert len(sim.list("v1", "Pod", "default")) == 3
    sim.delete("apps/v1", "Deployment", "web")
    assert sim.list("apps/v1", "ReplicaSet", "default") == []
    pods = sim.list("v1", "Pod", "default")
    assert len(pods) == 3 and all(p["metadata"]["deletionTimestamp"] == "2024-01-29T09:00:33Z" for p in pods)
    sim.advance(1)  # nginx stops on SIGTERM at once; the pods go
    assert sim.list("v1", "Pod", "default") == []


def test_namespace_deletion_deletes_contents(sim: SimCluster) -> None:
    sim.apply({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team"}})
    sim.apply(deployment(), namespace="team")
    sim.run_until_settled()
    assert len(sim.list("v1", "Pod", "team")) == 3
    sim.delete("v1", "Namespace", "team")
    assert sim.get("v1", "Namespace", "team")["status"]["phase"] == "Terminating"
    assert sim.list("apps/v1", "Deployment", "team") == []
    sim.advance(1)
    assert sim.list("v1", "Pod", "team") == []
    assert sim.get("v1", "Namespace", "team") is None
    with pytest.raises(ApiError) as e:
        sim.apply(pod("x"), namespace="team")
    assert e.value.code == 404


def test_watch_log_records_changes_in_order(sim: SimCluster) -> None:
    rv = sim.store.rv
    sim.apply(pod("w", "nginx"))
    sim.delete("v1", "Pod", "w")
    evs = [e for e in sim.store.events_since(rv) if e["object"]["kind"] == "Pod"]
    assert evs[0]["type"] == "ADDED" and evs[-1]["type"] == "DELETED"
    rvs = [int(e["object"]["metadata"]["resourceVersion"]) for e in sim.store.events_since(rv)]
    assert rvs == sorted(rvs) and len(set(rvs)) == len(rvs)


def test_deterministic() -> None:
    def run() -> list:
        s = SimCluster()
        s.apply(deployment())
        s.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
                 "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}})
        s.run_until_settled()
        return [(p["metadata"]["name"], p["status"]["podIP"], p["spec"]["nodeName"], p["metadata"]["uid"])
                for p in s.list("v1", "Pod")] + [s.get("v1", "Service", "web")["spec"]["clusterIP"]]
    assert run() == run()


def test_state_round_trip(sim: SimCluster) -> None:
    import json
    sim.apply(deployment())
    sim.advance(10)
    again = SimCluster.from_state(json.loads(json.dumps(sim.to_state())))
    assert again.list("v1", "Pod") == sim.list("v1", "Pod")
    again.apply(pod("later"))
    again.advance(10)
    assert again.get("v1", "Pod", "later")["status"]["phase"] == "Running"


def test_secret_string_data_is_encoded(sim: SimCluster) -> None:
    s = sim.apply({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "pw"}, "stringData": {"user": "admin"}})
    assert s["data"] == {"user": "YWRtaW4="} and "stringData" not in s and s["type"] == "Opaque"


def test_byte_fields_that_are_not_base64_are_refused_as_the_api_server_decodes_them(sim: SimCluster) -> None:
    """A Secret's `data` and a ConfigMap's `binaryData` are base64 (line breaks skipped): anything else is refused
    while decoding (400), with Go's offset; the same check as `flashgen lint` (flashgen.kube.values)."""
    for manifest, message in (
            ({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}, "data": {"username": "YWRt=4f", "password": "MWYzfkljRTOIF2R2M"}},  # (the first met)
             'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4'),
            ({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "binaryData": {"k": "YWJj ZGVm"}},
             'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 4')):
        with pytest.raises(ApiError) as e:
            sim.apply(manifest)
        assert (e.value.code, e.value.message) == (400, message)
    kept = sim.apply({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "ok"},
                      "data": {"cert": "YWJj\nZGVm\n", "user": "YWRtaW4="}})
    assert kept["data"]["user"] == "YWRtaW4="


def test_pod_updates_only_image(sim: SimCluster) -> None:
    sim.apply(pod("web", "nginx:1.24"))
    sim.run_until_settled()
    out = sim.patch("v1", "Pod", "web", {"spec": {"containers": [{"name": "web", "image": "nginx:1.25"}]}})
    assert out["spec"]["containers"][0]["image"] == "nginx:1.25"
    sim.run_until_settled()
    cs = sim.get("v1", "Pod", "web")["status"]["containerStatuses"][0]
    assert cs["restartCount"] == 1 and cs["image"] == "docker.io/library/nginx:1.25" and cs["ready"]
    with pytest.raises(ApiError) as e:
        sim.patch("v1", "Pod", "web", {"spec": {"restartPolicy": "Never"}}, patch_type="merge")
    assert e.value.code == 422 and "pod updates may not change fields" in e.value.message


def test_apply_removes_what_was_removed_from_the_manifest(sim: SimCluster) -> None:
    d = deployment()
    d["metadata"]["labels"] = {"team": "a"}
    d["spec"]["template"]["spec"]["containers"].append({"name": "sidecar", "image": "busybox",
                                                       "command": ["sleep", "infinity"]})
    sim.apply(d)
    out = sim.apply(deployment())
    assert "labels" not in out["metadata"]
    assert [c["name"] for c in out["spec"]["template"]["spec"]["containers"]] == ["nginx"]
    assert out["spec"]["strategy"]["type"] == "RollingUpdate"  # server defaults survive


def test_enumerated_fields(sim: SimCluster) -> None:
    d = deployment(strategy={"type": "BlueGreen"})
    with pytest.raises(ApiError) as e:
        sim.apply(d)
    assert e.value.message == ('Deployment.apps "web" is invalid: spec.strategy.type: Unsupported value: '
                               '"BlueGreen": supported values: "Recreate", "RollingUpdate"')
    with pytest.raises(ApiError) as e:
        sim.apply({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"},
                   "spec": {"type": "Nodeport", "ports": [{"port": 80}]}})
    assert 'spec.type: Unsupported value: "Nodeport"' in e.value.message
    with pytest.raises(ApiError) as e:
        sim.apply(pod("p", restart="Sometimes"))
    assert 'spec.restartPolicy: Unsupported value: "Sometimes"' in e.value.message
    tolerant = pod("t")
    tolerant["spec"]["tolerations"] = [{"key": "app", "operator": "Equal", "value": "blue", "effect": "Noschedule"}]
    with pytest.raises(ApiError) as e:
        sim.apply(tolerant)
    assert e.value.message.endswith('spec.tolerations[0].effect: Unsupported value: "Noschedule": supported values: '
                                    '"NoExecute", "NoSchedule", "PreferNoSchedule"')
    with pytest.raises(ApiError) as e:
        sim.apply({"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data"},
                   "spec": {"accessModes": ["ReadWriteOne"], "resources": {"requests": {"storage": "1Gi"}}}})
    assert 'spec.accessModes[0]: Unsupported value: "ReadWriteOne"' in e.value.message


def test_malformed_manifests_are_rejected_not_crashed():
    from flashgen.sim import ApiError, SimCluster

    claim = {"spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}
    sts = {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "w"},
           "spec": {"serviceName": "w", "selector": {"matchLabels": {"a": "b"}}, "volumeClaimTemplates": [claim],
                    "template": {"metadata": {"labels": {"a": "b"}},
                                 "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}}
    for manifest, expected in ((sts, "volumeClaimTemplates[0].metadata.name: Required value"),
                               ({"apiVersion": "v1", "kind": "Pod", "metadata": None}, "metadata.name: Required")):
        cluster = SimCluster()
        try:
            cluster.apply(manifest)
        except ApiError as exc:
            assert exc.code == 422 and expected in exc.message
        else:
            raise AssertionError("accepted an invalid object")


def test_a_new_pod_is_pending_before_it_is_scheduled():
    from flashgen.sim import SimCluster

    cluster = SimCluster()
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
           "spec": {"containers": [{"name": "c", "image": "nginx"}]}}
    created = cluster.store.create(pod, "default")
    assert created["status"] == {"phase": "Pending", "qosClass": "BestEffort"}


def test_the_watch_log_keeps_each_change_as_it_was(sim: SimCluster) -> None:
    """Watchers replay the log: a later write, scale or deletion never changes an entry already in it."""
    import json

    sim.apply(deployment("web", replicas=2))
    sim.run_until_settled()
    before = [json.dumps(entry, sort_keys=True) for entry in sim.store.log]
    sim.scale("Deployment", "web", 3)
    sim.run_until_settled()
    sim.delete("apps/v1", "Deployment", "web")
    sim.run_until_settled()
    assert [json.dumps(entry, sort_keys=True) for entry in sim.store.log[:len(before)]] == before
    assert any(e["type"] == "DELETED" and e["object"]["kind"] == "Pod" for e in sim.store.log[len(before):])
