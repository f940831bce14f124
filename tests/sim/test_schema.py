"""Every object the simulator returns validates against the official 1.33 schema and the Python client's models."""

from __future__ import annotations

import json

import kubernetes_validate
import pytest
from kubernetes.client import ApiClient

from flashgen.sim import SimCluster
from flashgen.sim.validation import schema_errors

from sim_helpers import deployment, pod

MODELS = {"Event": "CoreV1Event", "HorizontalPodAutoscaler": "V2HorizontalPodAutoscaler"}
MANIFESTS = [
    deployment(),
    {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
     "spec": {"type": "NodePort", "selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": "http"}]}},
    {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "db"},
     "spec": {"clusterIP": "None", "selector": {"app": "db"}, "ports": [{"port": 6379}]}},
    {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
     "spec": {"selector": {"matchLabels": {"app": "agent"}}, "template": {"metadata": {"labels": {"app": "agent"}},
              "spec": {"containers": [{"name": "a", "image": "busybox", "command": ["sleep", "3600"]}]}}}},
    {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
     "spec": {"serviceName": "db", "replicas": 2, "selector": {"matchLabels": {"app": "db"}},
              "template": {"metadata": {"labels": {"app": "db"}}, "spec": {"containers": [{"name": "redis",
                                                                                          "image": "redis:7"}]}},
              "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {
                  "accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]}},
    {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "pi"},
     "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [
         {"name": "pi", "image": "perl:5.34.0", "command": ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]}]}}}},
    {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "hello"},
     "spec": {"schedule": "*/1 * * * *", "jobTemplate": {"spec": {"template": {"spec": {
         "restartPolicy": "OnFailure", "containers": [{"name": "hello", "image": "busybox:1.28", "command": [
             "/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"]}]}}}}}},
    {"apiVersion": "v1", "kind": "ReplicationController", "metadata": {"name": "rc"},
     "spec": {"replicas": 2, "template": {"metadata": {"labels": {"app": "rc"}},
                                          "spec": {"containers": [{"name": "c", "image": "httpd"}]}}}},
    {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "claim"},
     "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "2Gi"}}}},
    pod("testpod", "centos:7", ["sleep", "5"]),
    pod("bad", "nginx:doesnotexist"),
    pod("with-init", "nginx", initContainers=[{"name": "wait", "image": "busybox", "command": ["sleep", "10"]}]),
    pod("uses-claim", "nginx", volumes=[{"name": "d", "persistentVolumeClaim": {"claimName": "claim"}}]),
    {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}},
    {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "ext"},
     "spec": {"type": "ExternalName", "externalName": "db.example.com"}},
    {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "lb"},
     "spec": {"type": "LoadBalancer", "selector": {"app": "web"}, "ports": [{"port": 80}]}},
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "conf"}, "data": {"k": "v"}},
    {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "pw"}, "stringData": {"password": "s3cret"}},
    {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "web"},
     "spec": {"rules": [{"http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {
         "service": {"name": "web", "port": {"number": 80}}}}]}}]}},
    {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"},
     "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}, "maxReplicas": 5}},
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "reader"},
     "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]}]},
]


@pytest.fixture(scope="module")
def busy_cluster() -> SimCluster:
    sim = SimCluster()
    for m in MANIFESTS:
        sim.apply(m)
    sim.advance(150)
    return sim


def test_every_kind_is_produced(busy_cluster: SimCluster) -> None:
    kinds = {o["kind"] for o in busy_cluster.store.objects.values()}
    assert {"Pod", "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "CronJob", "Service", "Endpoints",
            "EndpointSlice", "PersistentVolumeClaim", "PersistentVolume", "Namespace", "Node", "Event",
            "ReplicationController", "StorageClass", "ConfigMap", "ServiceAccount"} <= kinds


def test_every_object_validates_strictly(busy_cluster: SimCluster) -> None:
    first_of_kind: dict[str, dict] = {}
    for o in busy_cluster.store.objects.values():
        first_of_kind.setdefault(o["kind"], o)
        # the same strict 1.33 schemas, with the validator cached (kubernetes_validate reloads them per call)
        assert schema_errors(json.loads(json.dumps(o))) == [], (o["kind"], o["metadata"]["name"])
    for o in first_of_kind.values():
        kubernetes_validate.validate(json.loads(json.dumps(o)), "1.33", strict=True)


def test_every_object_deserializes_into_client_models(busy_cluster: SimCluster) -> None:
    api = ApiClient()
    for o in busy_cluster.store.objects.values():
        model = MODELS.get(o["kind"], "V1" + o["kind"])
        obj = api._ApiClient__deserialize(json.loads(json.dumps(o)), model)
        assert obj.metadata.name == o["metadata"]["name"]


def test_watch_log_objects_validate(busy_cluster: SimCluster) -> None:
    for ev in busy_cluster.store.events_since(busy_cluster.store.rv - 300):
        assert ev["type"] in ("ADDED", "MODIFIED", "DELETED")
        assert schema_errors(json.loads(json.dumps(ev["object"]))) == []


def test_reapplying_the_same_manifests_changes_nothing(busy_cluster: SimCluster) -> None:
    for m in MANIFESTS:
        live = busy_cluster.store.find(m["kind"], "default", m["metadata"]["name"])
        out = busy_cluster.apply(m)
        assert out["metadata"]["resourceVersion"] == live["metadata"]["resourceVersion"], m["kind"]
