"""`flashgen verify` without --sim, end to end through kube.RealCluster and HTTP, against the simulator
served by a small Kubernetes-style HTTP front (test-only) that settles the simulation before each answer."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from flashgen.cli import main

sim = pytest.importorskip("flashgen.sim")
if not hasattr(sim, "SimCluster"):
    pytest.skip("the simulated cluster is not available yet", allow_module_level=True)
from flashgen.sim.errors import ApiError  # noqa: E402
from flashgen.sim.kinds import KINDS  # noqa: E402

KUBECONFIG = """\
apiVersion: v1
kind: Config
clusters: [{{name: c, cluster: {{server: "{server}"}}}}]
users: [{{name: u, user: {{token: t}}}}]
contexts: [{{name: sim, context: {{cluster: c, user: u, namespace: {namespace}}}}}]
current-context: sim
"""


class SimFront(BaseHTTPRequestHandler):
    """Maps Kubernetes REST paths onto SimCluster calls."""

    cluster = None
    lock = threading.Lock()
    seen: list = []

    def log_message(self, *args):
        pass

    def _send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _route(self, path):
        parts = [p for p in path.split("/") if p]
        if parts[:2] == ["api", "v1"]:
            api_version, rest = "v1", parts[2:]
        elif parts[:1] == ["apis"] and len(parts) >= 3:
            api_version, rest = f"{parts[1]}/{parts[2]}", parts[3:]
        else:
            return None
        namespace = None
        if rest[:1] == ["namespaces"] and len(rest) >= 3:  # /namespaces/{ns}/{plural}[/{name}]
            namespace, rest = rest[1], rest[2:]
        return api_version, rest, namespace

    def _handle(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        type(self).seen.append((self.command, url.path))
        route = self._route(url.path)
        if route is None:
            return self._send(404, {"kind": "Status", "code": 404, "reason": "NotFound", "message": "no such path"})
        api_version, rest, namespace = route
        served = [k for k in KINDS if k.api_version == api_version]
        if not rest:
            return self._send(200, {"kind": "APIResourceList", "groupVersion": api_version, "resources": [
                {"name": k.plural, "kind": k.kind, "namespaced": k.namespaced, "verbs": ["get", "list"]} for k in served]})
        kind = next((k for k in served if k.plural == rest[0]), None)
        if kind is None:
            return self._send(404, {"kind": "Status", "code": 404, "reason": "NotFound", "message": "unknown resource"})
        name = rest[1] if len(rest) > 1 else None
        with self.lock:
            cluster = self.cluster
            cluster.run_until_settled(max_seconds=120)
            try:
                if self.command == "GET" and name is None:
                    selector = query.get("labelSelector", [None])[0]
                    items = cluster.list(api_version, kind.kind, namespace, label_selector=selector)
                    return self._send(200, {"kind": f"{kind.kind}List", "apiVersion": api_version, "items": items})
                if self.command == "GET":
                    obj = cluster.get(api_version, kind.kind, name, namespace)
                    if obj is None:
                        return self._send(404, {"kind": "Status", "code": 404, "reason": "NotFound",
                                                "message": f'{kind.plural} "{name}" not found'})
                    return self._send(200, obj)
                if self.command in ("POST", "PATCH"):
                    return self._send(201 if self.command == "POST" else 200, cluster.apply(body, namespace))
                if self.command == "DELETE":
                    return self._send(200 if cluster.delete(api_version, kind.kind, name, namespace) else 404, {})
            except ApiError as exc:
                return self._send(exc.code, exc.status())
        return self._send(405, {"kind": "Status", "code": 405, "message": "method not allowed"})

    do_GET = do_POST = do_PATCH = do_DELETE = _handle


@pytest.fixture
def kubeconfig(tmp_path):
    handler = type("Front", (SimFront,), {"cluster": sim.SimCluster(), "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    path = tmp_path / "config"
    path.write_text(KUBECONFIG.format(server=f"http://127.0.0.1:{server.server_address[1]}", namespace="default"),
                    encoding="utf-8")
    yield path, handler
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("lab_id", ["lab6-6", "lab7"])
def test_solution_passes_through_the_real_client(kubeconfig, lab_id):
    path, handler = kubeconfig
    result = CliRunner().invoke(main, ["verify", lab_id, "--solution", "--json", "--timeout", "5"],
                                env={"KUBECONFIG": str(path)}, catch_exceptions=False)
    data = json.loads(result.output)
    assert result.exit_code == 0, json.dumps(data, ensure_ascii=False, indent=1)
    assert data["cluster"] == "context sim"
    assert ("POST", "/apis/batch/v1/namespaces/default/jobs" if lab_id == "lab6-6"
            else "/api/v1/namespaces/default/services") in handler.seen


def test_a_rejected_manifest_reaches_the_learner_through_the_real_client(kubeconfig, tmp_path):
    path, _ = kubeconfig
    job = tmp_path / "job.yaml"
    job.write_text("apiVersion: batch/v1\nkind: Job\nmetadata: {name: backup}\nspec:\n  template:\n    spec:\n"
                   "      restartPolicy: Always\n      containers: [{name: b, image: busybox}]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "lab6-6", "-f", str(job), "--timeout", "1"],
                                env={"KUBECONFIG": str(path)}, catch_exceptions=False)
    assert result.exit_code == 1
    assert "rejected Job default/backup" in result.output and "restartPolicy" in result.output


def test_the_contexts_namespace_is_used_like_kubectl_does(kubeconfig):
    path, handler = kubeconfig
    path.write_text(path.read_text(encoding="utf-8").replace("namespace: default", "namespace: team"), encoding="utf-8")
    handler.cluster.apply({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team"}})
    result = CliRunner().invoke(main, ["verify", "lab6-6", "--solution", "--json", "--timeout", "5"],
                                env={"KUBECONFIG": str(path)}, catch_exceptions=False)
    data = json.loads(result.output)
    assert result.exit_code == 0 and data["namespace"] == "team"
    assert ("POST", "/apis/batch/v1/namespaces/team/jobs") in handler.seen
