"""Hostile and heavy requests to `flashgen sim serve`: a Deployment of 20,000 replicas, malformed bodies, bodies
and objects over the API server's size limits, and a `kill -9`; the server keeps answering with the real API
server's codes and messages, and a save costs what changed."""

from __future__ import annotations

import http.client
import json
import signal
from pathlib import Path

import pytest

from flashgen.sim import state as sim_state
from flashgen.sim.store import MAX_PODS

from .test_serve_cmd import _start

CM = "/api/v1/namespaces/default/configmaps"


def _request(url: str, method: str, path: str, body: bytes | None = None,
             ctype: str = "application/json", headers: dict[str, str] | None = None) -> tuple[int, dict]:
    host, port = url.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        conn.request(method, path, body, {"Content-Type": ctype, **(headers or {})})
        reply = conn.getresponse()
        return reply.status, json.loads(reply.read() or b"{}")
    finally:
        conn.close()


@pytest.mark.parametrize("method, path, body, words", [
    ("POST", CM, b'{"metadata": "x"}', "cannot unmarshal string into Go struct field ConfigMap.metadata"),
    ("POST", CM, b"[" * 100_000, "nested more than"),
    ("POST", CM, b'{"metadata": {"name": "deep"}, "data": ' + b'{"a": ' * 150 + b"1" + b"}" * 151,
     "nested more than"),
    ("PUT", CM + "/a", b'{"metadata": []}', "cannot unmarshal array into Go struct field ConfigMap.metadata"),
    ("PATCH", CM + "/a", b'{"metadata": "x"}', "cannot unmarshal string into Go struct field ConfigMap.metadata"),
    ("DELETE", CM + "/a", b"[1]", "cannot unmarshal array into Go value of type v1.DeleteOptions"),
    ("DELETE", CM + "/a", b'{"gracePeriodSeconds": "soon"}', "DeleteOptions.gracePeriodSeconds"),
    ("DELETE", CM + "/a", b'{"preconditions": {"uid": 5}}', "preconditions"),
    ("POST", CM, b"\xff\xfe{", "not valid JSON"),
], ids=["metadata-string", "deep-array", "deep-object", "put-metadata-array", "patch-metadata-string",
        "delete-array", "delete-grace-string", "delete-precondition-uid", "not-json"])
def test_malformed_bodies_get_400_with_the_reason(api, method: str, path: str, body: bytes, words: str) -> None:
    _request(api.url, "POST", CM, b'{"metadata": {"name": "a"}}')
    ctype = "application/merge-patch+json" if method == "PATCH" else "application/json"
    code, reply = _request(api.url, method, path, body, ctype)
    assert (code, reply["reason"]) == (400, "BadRequest") and words in reply["message"], reply
    assert _request(api.url, "GET", CM + "/a")[0] == 200  # nothing was changed, and the server still answers


def test_requests_and_objects_over_the_api_servers_limits_are_refused_with_its_messages(api, kubectl,
                                                                                         tmp_path: Path) -> None:
    code, reply = _request(api.url, "POST", CM, b'{"metadata": {"name": "huge"}, "data": {"a": "' +
                           b"x" * (3 * 1024 * 1024) + b'"}}')
    assert (code, reply["reason"], reply["message"]) == (413, "RequestEntityTooLarge",
                                                         "Request entity too large: limit is 3145728")
    # a client announcing 100 MB is refused before the body is read
    code, reply = _request(api.url, "POST", CM, b"{}", headers={"Content-Length": str(100 * 1024 * 1024)})
    assert code == 413
    big = tmp_path / "big.yaml"
    big.write_text("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: " + "x" * (2 * 1024 * 1024)
                   + "\n", encoding="utf-8")
    done = kubectl.run("create", "-f", str(big), check=False)
    assert done.returncode == 1 and "etcdserver: request is too large" in done.stderr
    assert "NotFound" in kubectl.run("get", "configmap", "big", check=False).stderr


def test_twenty_thousand_replicas_do_not_wedge_the_server(api, kubectl, tmp_path: Path) -> None:
    manifest = tmp_path / "big.yaml"
    manifest.write_text("""\
apiVersion: apps/v1
kind: Deployment
metadata: {name: big}
spec:
  replicas: 20000
  selector: {matchLabels: {app: big}}
  template:
    metadata: {labels: {app: big}}
    spec: {containers: [{name: web, image: nginx}]}
""", encoding="utf-8")
    kubectl.run("apply", "-f", str(manifest), timeout=120)
    for _ in range(3):  # every later request is answered, promptly enough for kubectl's own timeouts
        kubectl.run("get", "deployment", "big", timeout=60)
        kubectl.run("create", "configmap", f"still-{_}", "--from-literal=a=b", timeout=60)
    pods = api.call(lambda rt: sum(1 for _ in rt.sim.store.items("Pod")))
    assert pods == MAX_PODS
    described = kubectl.run("describe", "replicaset", "-l", "app=big", timeout=60).stdout
    assert "FailedCreate" in described and f"holds at most {MAX_PODS} pods" in described


def test_a_killed_server_keeps_every_change_and_a_save_costs_what_changed(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    (tmp_path / "state.json.abcd1234.tmp").write_text("half a save")  # left by a save killed half-way
    proc, url = _start(tmp_path)
    try:
        for i in range(300):
            assert _request(url, "POST", CM, json.dumps({"metadata": {"name": f"cm-{i}"}, "data": {
                "k": "v" * 200}}).encode())[0] == 201
        log = sim_state.log_path(state)
        before = log.stat().st_size
        assert _request(url, "POST", CM, b'{"metadata": {"name": "one-more"}}')[0] == 201
        grown = log.stat().st_size - before
        assert 0 < grown < 4000 < state.stat().st_size + before  # one object's line, not the whole cluster
        assert _request(url, "DELETE", CM + "/cm-7")[0] == 200
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert not (tmp_path / "state.json.abcd1234.tmp").exists()
    with open(sim_state.log_path(state), "ab") as fh:
        fh.write(b'{"rv": 99999, "put": [{"kind": "Conf')  # a line cut short by the kill
    proc, url = _start(tmp_path)
    try:
        code, listed = _request(url, "GET", CM)
        names = {o["metadata"]["name"] for o in listed["items"]}
        assert code == 200 and "one-more" in names and "cm-299" in names and "cm-7" not in names
        assert _request(url, "POST", CM, b'{"metadata": {"name": "after"}}')[0] == 201
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    again = sim_state.load(state)
    assert again.store.find("ConfigMap", "default", "after") is not None
    assert again.store.find("ConfigMap", "default", "cm-7") is None
