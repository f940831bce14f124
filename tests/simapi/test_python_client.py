"""The official `kubernetes` Python client against the served simulated cluster."""

from __future__ import annotations

import json

import pytest

kubernetes = pytest.importorskip("kubernetes")
from kubernetes import client, config, watch  # noqa: E402
from kubernetes.client.rest import ApiException  # noqa: E402

DEPLOYMENT = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
              "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                       "template": {"metadata": {"labels": {"app": "web"}},
                                    "spec": {"containers": [{"name": "web", "image": "nginx"}]}}}}


@pytest.fixture
def apis(api):
    cfg = client.Configuration()
    config.load_kube_config(config_file=str(api.kubeconfig), client_configuration=cfg)
    with client.ApiClient(cfg) as api_client:
        yield client.CoreV1Api(api_client), client.AppsV1Api(api_client)


def test_typed_client_reads_and_writes(apis):
    core, apps = apis
    assert sorted(n.metadata.name for n in core.list_node().items) == ["kind-control-plane", "kind-worker",
                                                                       "kind-worker2"]
    created = apps.create_namespaced_deployment("default", DEPLOYMENT)
    assert created.metadata.name == "web" and created.spec.replicas == 2
    patched = apps.patch_namespaced_deployment("web", "default", {"spec": {"replicas": 3}})
    assert patched.spec.replicas == 3 and patched.metadata.generation == 2
    scale = apps.read_namespaced_deployment_scale("web", "default")
    assert scale.spec.replicas == 3 and scale.status.selector == "app=web"
    pods = core.list_namespaced_pod("default", label_selector="app=web")
    assert len(pods.items) == 3


def test_errors_are_kubernetes_statuses(apis):
    core, apps = apis
    with pytest.raises(ApiException) as missing:
        apps.read_namespaced_deployment("nope", "default")
    assert missing.value.status == 404
    assert json.loads(missing.value.body)["message"] == 'deployments.apps "nope" not found'
    apps.create_namespaced_deployment("default", DEPLOYMENT)
    with pytest.raises(ApiException) as exists:
        apps.create_namespaced_deployment("default", DEPLOYMENT)
    assert exists.value.status == 409 and "already exists" in exists.value.body
    stale = apps.read_namespaced_deployment("web", "default")
    apps.patch_namespaced_deployment("web", "default", {"metadata": {"labels": {"x": "1"}}})
    with pytest.raises(ApiException) as conflict:
        apps.replace_namespaced_deployment("web", "default", stale)
    assert conflict.value.status == 409 and "the object has been modified" in conflict.value.body
    with pytest.raises(ApiException) as invalid:
        core.create_namespaced_pod("default", {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                                               "spec": {"containers": []}})
    assert invalid.value.status == 422


def test_watch_sees_pods_start(apis):
    core, apps = apis
    listed = core.list_namespaced_pod("default")
    apps.create_namespaced_deployment("default", DEPLOYMENT)
    seen: dict[str, str] = {}
    w = watch.Watch()
    for event in w.stream(core.list_namespaced_pod, "default", resource_version=listed.metadata.resource_version,
                          timeout_seconds=20):
        pod = event["object"]
        seen[pod.metadata.name] = pod.status.phase if pod.status else None
        if len(seen) == 2 and set(seen.values()) == {"Running"}:
            w.stop()
    assert len(seen) == 2 and set(seen.values()) == {"Running"}


def test_logs_and_delete(apis, api):
    core, apps = apis
    core.create_namespaced_pod("default", {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "talker"},
                                           "spec": {"restartPolicy": "Never", "containers": [
                                               {"name": "t", "image": "busybox", "command": ["echo", "hi there"]}]}})
    api.call(lambda rt: rt.sim.run_until_settled(120))
    assert core.read_namespaced_pod_status("talker", "default").status.phase == "Succeeded"
    assert core.read_namespaced_pod_log("talker", "default") == "hi there\n"
    core.delete_namespaced_pod("talker", "default", body=client.V1DeleteOptions(propagation_policy="Background"))
    assert [p.metadata.name for p in core.list_pod_for_all_namespaces().items if p.metadata.name == "talker"] == []
