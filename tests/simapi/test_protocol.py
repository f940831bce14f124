"""The API server's protocol pieces: Status errors over HTTP, dry runs, OpenAPI documents, JSON patch, field
selectors, Tables and protobuf bodies."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from flashgen.sim import errors
from flashgen.simapi import discovery, fields, jsonpatch, openapi, openapi_v2, protobuf, tables


def _request(url: str, method: str = "GET", body: object = None, ctype: str = "application/json",
             accept: str = "application/json") -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": ctype, "Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


POD = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
       "spec": {"containers": [{"name": "c", "image": "nginx"}]}}


def test_status_errors_over_http(api):
    base = api.url
    code, body = _request(base + "/api/v1/namespaces/default/pods?fieldSelector=metadata.name")
    assert code == 400 and body["kind"] == "Status" and "invalid field selector" in body["message"]
    code, body = _request(base + "/apis/nothing.example/v1/widgets")
    assert code == 404 and body["reason"] == "NotFound"
    code, body = _request(base + "/api/v1/namespaces/default/pods", "POST", {**POD, "kind": "Service"})
    assert code == 400 and "does not match" in body["message"]
    code, created = _request(base + "/api/v1/namespaces/default/pods", "POST", POD)
    assert code == 201 and created["metadata"]["resourceVersion"]
    stale = {**created, "metadata": {**created["metadata"], "resourceVersion": "1"}}
    code, body = _request(base + "/api/v1/namespaces/default/pods/p", "PUT", stale)
    assert code == 409 and body["reason"] == "Conflict"
    code, body = _request(base + "/api/v1/namespaces/default/pods/p", "PATCH", {"metadata": {}},
                          ctype="application/apply-patch+yaml")
    assert code == 415 and "does not support server-side apply" in body["message"]
    code, body = _request(base + "/api/v1/namespaces/default/pods", "POST",
                          {**POD, "metadata": {"name": "q"}, "spec": {"containers": [{"name": "c"}]}})
    assert code == 422 and body["details"]["causes"][0]["field"].startswith("spec.containers")


def test_discovery_legacy_and_aggregated(api):
    code, legacy = _request(api.url + "/apis")
    assert code == 200 and legacy["kind"] == "APIGroupList"
    assert "apps" in [g["name"] for g in legacy["groups"]]
    code, apps = _request(api.url + "/apis/apps/v1")
    scale = next(r for r in apps["resources"] if r["name"] == "deployments/scale")
    assert (scale["group"], scale["version"], scale["kind"]) == ("autoscaling", "v1", "Scale")
    req = urllib.request.Request(api.url + "/api", headers={"Accept": discovery.AGGREGATED + ",application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.headers["Content-Type"] == discovery.AGGREGATED
        core = json.loads(r.read())
    pods = next(x for x in core["items"][0]["versions"][0]["resources"] if x["resource"] == "pods")
    assert pods["scope"] == "Namespaced" and pods["shortNames"] == ["po"]
    assert "log" in [s["subresource"] for s in pods["subresources"]]


def test_dry_run_changes_nothing(api):
    code, out = _request(api.url + "/api/v1/namespaces/default/pods?dryRun=All", "POST", POD)
    assert code == 201 and out["metadata"]["name"] == "p"
    code, _ = _request(api.url + "/api/v1/namespaces/default/pods/p")
    assert code == 404


def test_watch_list_with_initial_events_and_bookmark(api):
    api.call(lambda rt: rt.sim.apply(POD))
    url = (api.url + "/api/v1/namespaces/default/pods?watch=true&sendInitialEvents=true&allowWatchBookmarks=true"
           "&resourceVersionMatch=NotOlderThan&timeoutSeconds=1")
    with urllib.request.urlopen(url, timeout=10) as r:
        events = [json.loads(line) for line in r.read().splitlines() if line.strip()]
    assert events[0]["type"] == "ADDED" and events[0]["object"]["metadata"]["name"] == "p"
    marks = [e for e in events if e["type"] == "BOOKMARK"]
    assert marks[0]["object"]["metadata"]["annotations"] == {"k8s.io/initial-events-end": "true"}
    assert int(marks[0]["object"]["metadata"]["resourceVersion"]) >= int(events[0]["object"]["metadata"]
                                                                          ["resourceVersion"])


def test_table_for_kubectl_get(api):
    api.call(lambda rt: rt.sim.apply(POD))
    code, table = _request(api.url + "/api/v1/namespaces/default/pods",
                           accept="application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
    assert code == 200 and table["kind"] == "Table"
    names = [c["name"] for c in table["columnDefinitions"]]
    assert names[:5] == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
    assert {c["name"]: c["priority"] for c in table["columnDefinitions"]}["NODE"] == 1
    assert table["rows"][0]["cells"][0] == "p" and table["rows"][0]["object"]["metadata"]["name"] == "p"
    assert tables.wants_table("application/json") is False


def test_openapi_v3_tells_kubectl_the_server_validates_fields():
    index = openapi.index()
    url = index["paths"]["apis/apps/v1"]["serverRelativeURL"]
    assert url.startswith("/openapi/v3/apis/apps/v1?hash=")
    doc = json.loads(openapi.document("apps/v1"))
    patch = doc["paths"]["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]["patch"]
    assert patch["x-kubernetes-group-version-kind"] == {"group": "apps", "version": "v1", "kind": "Deployment"}
    assert "fieldValidation" in [p["name"] for p in patch["parameters"]]
    schemas = doc["components"]["schemas"]
    deployment = schemas["io.k8s.api.apps.v1.Deployment"]
    assert deployment["x-kubernetes-group-version-kind"][0]["kind"] == "Deployment"
    text = json.dumps(doc)
    assert "#/$defs/" not in text and '"null"' not in text
    for ref in {r.split('"')[0] for r in text.split('"$ref":"#/components/schemas/')[1:]}:
        assert ref in schemas, ref
    assert openapi_v2.document().startswith(b"\n\x032.0")


def test_json_patch():
    doc = {"spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "a"}]}}}}
    out = jsonpatch.apply(doc, [{"op": "replace", "path": "/spec/replicas", "value": 3},
                                {"op": "add", "path": "/spec/template/spec/containers/-", "value": {"name": "b"}},
                                {"op": "test", "path": "/spec/template/spec/containers/0/name", "value": "a"},
                                {"op": "remove", "path": "/spec/template/spec/containers/0"}])
    assert out == {"spec": {"replicas": 3, "template": {"spec": {"containers": [{"name": "b"}]}}}}
    assert doc["spec"]["replicas"] == 1
    with pytest.raises(errors.ApiError) as failed:
        jsonpatch.apply(doc, [{"op": "test", "path": "/spec/replicas", "value": 2}])
    assert failed.value.code == 422


def test_field_selectors():
    pod = {"metadata": {"name": "a", "namespace": "default"}, "status": {"phase": "Running"}}
    assert fields.field_matcher("metadata.name=a,status.phase!=Pending")(pod)
    assert not fields.field_matcher("status.phase==Pending")(pod)
    with pytest.raises(errors.ApiError):
        fields.field_matcher("metadata.name")


def _pb_field(number: int, payload: bytes | str) -> bytes:
    return openapi_v2._field(number, payload)


def test_protobuf_job_body():
    container = _pb_field(1, "job") + _pb_field(2, "busybox") + _pb_field(3, "echo") + _pb_field(3, "hi") + \
        _pb_field(5, "")
    pod_spec = _pb_field(2, container) + _pb_field(3, "Never")
    template = _pb_field(1, b"") + _pb_field(2, pod_spec)
    job = _pb_field(1, _pb_field(1, "hello")) + _pb_field(2, _pb_field(6, template)) + _pb_field(3, b"")
    body = protobuf.MAGIC + _pb_field(1, _pb_field(1, "batch/v1") + _pb_field(2, "Job")) + _pb_field(2, job)
    obj = protobuf.decode(body)
    assert obj == {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "hello"},
                   "spec": {"template": {"metadata": {}, "spec": {
                       "containers": [{"name": "job", "image": "busybox", "command": ["echo", "hi"]}],
                       "restartPolicy": "Never"}}}, "status": {}}
    with pytest.raises(errors.ApiError) as unknown:
        protobuf.decode(protobuf.MAGIC + _pb_field(1, _pb_field(1, "v1") + _pb_field(2, "Node")))
    assert unknown.value.code == 415
