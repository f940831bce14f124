"""The real-cluster client: kubeconfig problems, unreachable and forbidden clusters, and plain-dict replies."""

import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from flashgen.kube.client import RealCluster, RejectedError
from flashgen.kube.cluster import Cluster, ClusterError

KUBECONFIG = """\
apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {{server: "{server}", insecure-skip-tls-verify: true}}
users:
- name: u
  user: {{token: secret-token}}
contexts:
- name: kind-test
  context: {{cluster: c, user: u}}
current-context: kind-test
"""


def kubeconfig(tmp_path, server):
    path = tmp_path / "config"
    path.write_text(KUBECONFIG.format(server=server), encoding="utf-8")
    return path


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_verify(env_kubeconfig, *args):
    env = dict(os.environ, KUBECONFIG=str(env_kubeconfig))
    return subprocess.run([sys.executable, "-m", "flashgen", "verify", "lab6-6", "--timeout", "1", *args],
                          capture_output=True, text=True, env=env)


def test_missing_kubeconfig_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("KUBECONFIG", str(tmp_path / "nope"))
    with pytest.raises(ClusterError, match=r"no kubeconfig found \(looked at .*nope\).*kind create cluster.*--sim"):
        RealCluster()
    run = run_verify(tmp_path / "nope")
    assert run.returncode == 2 and "no kubeconfig found" in run.stderr and "Traceback" not in run.stderr


def test_unknown_context_lists_the_known_ones(tmp_path):
    with pytest.raises(ClusterError, match="contexts: kind-test"):
        RealCluster(context="other", kubeconfig=kubeconfig(tmp_path, "https://127.0.0.1:1"))


def test_broken_kubeconfig_is_a_clear_error(tmp_path):
    path = tmp_path / "config"
    path.write_text("clusters: [\n", encoding="utf-8")
    with pytest.raises(ClusterError, match="kubeconfig"):
        RealCluster(kubeconfig=path)


def test_closed_port_fails_quickly_and_clearly(tmp_path):
    port = closed_port()
    config = kubeconfig(tmp_path, f"https://127.0.0.1:{port}")
    cluster = RealCluster(kubeconfig=config)
    assert cluster.name == "context kind-test"
    with pytest.raises(ClusterError, match=rf"cannot reach the cluster at https://127.0.0.1:{port} \(connection refused"):
        cluster.list("v1", "Pod", "default")
    run = run_verify(config)
    assert run.returncode == 2
    assert f"cannot reach the cluster at https://127.0.0.1:{port}" in run.stderr
    assert "Traceback" not in run.stderr


class FakeApiServer(BaseHTTPRequestHandler):
    """Just enough of the Kubernetes API over HTTP for the client's requests, recording them."""

    forbidden = False
    requests: list = []
    pods: dict = {}

    def log_message(self, *args):
        pass

    def _send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        type(self).requests.append((self.command, self.path, self.headers.get("Authorization"),
                                    self.headers.get("Content-Type"), body))
        if self.forbidden:
            return self._send(403, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "Forbidden",
                                    "code": 403, "message": 'pods is forbidden: User "learner" cannot list resource "pods"'})
        path = self.path.split("?")[0]
        if path == "/api/v1":
            return self._send(200, {"kind": "APIResourceList", "groupVersion": "v1", "resources": [
                {"name": "pods", "kind": "Pod", "namespaced": True, "verbs": ["get", "list", "create"]},
                {"name": "pods/status", "kind": "Pod", "namespaced": True, "verbs": ["get"]},
                {"name": "namespaces", "kind": "Namespace", "namespaced": False, "verbs": ["get", "list"]}]})
        if path == "/api/v1/namespaces/default/pods" and self.command == "GET":
            return self._send(200, {"kind": "PodList", "apiVersion": "v1", "items": list(self.pods.values())})
        if path == "/api/v1/namespaces/default/pods" and self.command == "POST":
            if body["spec"].get("restartPolicy") == "Sometimes":
                return self._send(422, {"kind": "Status", "status": "Failure", "reason": "Invalid", "code": 422,
                                        "message": 'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes"'})
            self.pods[body["metadata"]["name"]] = body
            return self._send(201, body)
        if path.startswith("/api/v1/namespaces/default/pods/"):
            name = path.rsplit("/", 1)[1]
            if name in self.pods:
                return self._send(200, self.pods[name])
        return self._send(404, {"kind": "Status", "status": "Failure", "reason": "NotFound", "code": 404,
                                "message": "not found"})

    do_GET = do_POST = do_PATCH = do_DELETE = _handle


@pytest.fixture
def api_server():
    handler = type("Handler", (FakeApiServer,), {"requests": [], "pods": {}, "forbidden": False})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_requests_and_replies_are_plain_json(tmp_path, api_server):
    handler, url = api_server
    cluster = RealCluster(kubeconfig=kubeconfig(tmp_path, url))
    assert isinstance(cluster, Cluster)
    assert cluster.get("v1", "Pod", "p", "default") is None
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
           "spec": {"containers": [{"name": "a", "image": "nginx"}]}}
    stored = cluster.apply(pod, namespace="default")
    assert stored["metadata"]["namespace"] == "default"
    [listed] = cluster.list("v1", "Pod", "default", label_selector="app=web")
    assert listed["kind"] == "Pod" and listed["metadata"]["name"] == "p"
    methods = [(m, p) for m, p, *_ in handler.requests]
    assert ("POST", "/api/v1/namespaces/default/pods?fieldManager=flashgen&fieldValidation=Strict") in methods
    assert ("GET", "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb") in methods
    assert all(auth == "Bearer secret-token" for _, _, auth, _, _ in handler.requests)
    post = next(r for r in handler.requests if r[0] == "POST")
    assert post[3] == "application/json" and post[4]["metadata"]["name"] == "p"


def test_a_rejected_object_carries_the_api_message(tmp_path, api_server):
    _, url = api_server
    cluster = RealCluster(kubeconfig=kubeconfig(tmp_path, url))
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"restartPolicy": "Sometimes"}}
    with pytest.raises(RejectedError) as caught:
        cluster.apply(pod, namespace="default")
    assert caught.value.code == 422 and "Unsupported value" in caught.value.message


def test_unknown_kind_is_a_clear_error(tmp_path, api_server):
    _, url = api_server
    cluster = RealCluster(kubeconfig=kubeconfig(tmp_path, url))
    with pytest.raises(ClusterError, match="does not know kind Gadget"):
        cluster.list("v1", "Gadget", "default")


def test_forbidden_is_a_clear_error(tmp_path, api_server):
    handler, url = api_server
    handler.forbidden = True
    config = kubeconfig(tmp_path, url)
    with pytest.raises(ClusterError, match='access forbidden: pods is forbidden: User "learner"'):
        RealCluster(kubeconfig=config).list("v1", "Pod", "default")
    run = run_verify(config)
    assert run.returncode == 2 and "access forbidden" in run.stderr and "Traceback" not in run.stderr
