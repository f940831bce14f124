"""Real kubectl (1.33, and 1.27 for reading) against the served simulated cluster, as a learner types it."""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from .conftest import SPEED, Kubectl, note_manifest


def _write(kubectl: Kubectl, name: str, text: str) -> str:
    path = kubectl.home / name
    path.write_text(text, encoding="utf-8")
    return name


def _deploy_webui(kubectl: Kubectl) -> None:
    _write(kubectl, "webui-deployment.yaml", note_manifest("webui-deployment"))
    _write(kubectl, "webui-service.yaml", note_manifest("webui-service"))
    assert kubectl.run("apply", "-f", "webui-deployment.yaml").stdout.strip() == \
        "deployment.apps/webui-deployment created"
    assert kubectl.run("apply", "-f", "webui-service.yaml").stdout.strip() == "service/webui-service created"


def test_apply_get_and_reapply_the_notes_manifests(api, kubectl):
    _deploy_webui(kubectl)
    out = kubectl.run("rollout", "status", "deployment/webui-deployment", "--timeout", "60s").stdout
    assert 'deployment "webui-deployment" successfully rolled out' in out
    pods = kubectl.run("get", "pods", "-l", "app=webui").stdout.splitlines()
    assert pods[0].split() == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
    assert len(pods) == 4 and all(" 1/1 " in p and "Running" in p for p in pods[1:])
    wide = kubectl.run("get", "pods", "-o", "wide").stdout.splitlines()[0]
    assert "NODE" in wide and "IP" in wide
    svc = kubectl.run("get", "svc", "webui-service").stdout
    assert "ClusterIP" in svc and "80/TCP" in svc
    live = json.loads(kubectl.run("get", "deploy", "webui-deployment", "-o", "json").stdout)
    assert "kubectl.kubernetes.io/last-applied-configuration" in live["metadata"]["annotations"]
    # unchanged re-apply, then a change: kubectl sends a strategic merge patch
    assert "unchanged" in kubectl.run("apply", "-f", "webui-deployment.yaml").stdout
    changed = note_manifest("webui-deployment").replace("image: nginx ", "image: nginx:1.25 ")
    _write(kubectl, "webui-deployment.yaml", changed)
    api.call(lambda rt: setattr(rt, "speed", 0))  # the clock stands still: the rollout is seen under way
    assert "configured" in kubectl.run("apply", "-f", "webui-deployment.yaml").stdout
    out = kubectl.run("rollout", "status", "deployment/webui-deployment", "--watch=false").stdout
    assert "new replicas have been updated" in out
    api.call(lambda rt: setattr(rt, "speed", SPEED))
    out = kubectl.run("rollout", "status", "deployment/webui-deployment", "--timeout", "60s").stdout
    assert "successfully rolled out" in out
    images = kubectl.run("get", "deploy", "webui-deployment", "-o", "jsonpath={.spec.template.spec.containers[0]"
                                                                    ".image}").stdout
    assert images == "nginx:1.25"
    history = kubectl.run("rollout", "history", "deployment/webui-deployment").stdout
    assert "REVISION" in history and "2 " in history
    first_rs = {line.split()[0] for line in kubectl.run("get", "rs").stdout.splitlines()[1:]}
    assert "rolled back" in kubectl.run("rollout", "undo", "deployment/webui-deployment").stdout
    # the undo goes back to revision 1's ReplicaSet, which becomes revision 3, as Kubernetes does it
    assert {line.split()[0] for line in kubectl.run("get", "rs").stdout.splitlines()[1:]} == first_rs
    history = kubectl.run("rollout", "history", "deployment/webui-deployment").stdout
    assert [line.split()[0] for line in history.splitlines()[2:] if line.strip()] == ["2", "3"]
    assert "restarted" in kubectl.run("rollout", "restart", "deployment/webui-deployment").stdout
    yaml_out = kubectl.run("get", "deploy", "webui-deployment", "-o", "yaml").stdout
    assert "kubectl.kubernetes.io/restartedAt" in yaml_out


def test_scale_describe_delete(kubectl):
    _deploy_webui(kubectl)
    assert kubectl.run("scale", "deployment/webui-deployment", "--replicas", "5").stdout.strip() == \
        "deployment.apps/webui-deployment scaled"
    kubectl.run("rollout", "status", "deployment/webui-deployment", "--timeout", "60s")
    assert kubectl.run("get", "deploy", "webui-deployment").stdout.splitlines()[1].split()[1] == "5/5"
    described = kubectl.run("describe", "deployment", "webui-deployment").stdout
    assert "Replicas:" in described and "ScalingReplicaSet" in described
    pod = kubectl.run("get", "pods", "-o", "name").stdout.split()[0]
    assert "Scheduled" in kubectl.run("describe", pod).stdout
    assert 'deployment.apps "webui-deployment" deleted' in kubectl.run("delete", "deployment",
                                                                       "webui-deployment").stdout
    missing = kubectl.run("get", "deployment", "webui-deployment", check=False)
    assert missing.returncode == 1
    assert 'deployments.apps "webui-deployment" not found' in missing.stderr


def test_run_create_job_and_logs(kubectl):
    assert kubectl.run("run", "testpod", "--image=centos:7", "--command", "sleep", "5").stdout.strip() == \
        "pod/testpod created"
    pod = json.loads(kubectl.run("get", "pod", "testpod", "-o", "json").stdout)
    assert pod["metadata"]["labels"] == {"run": "testpod"} and pod["spec"]["containers"][0]["command"] == \
        ["sleep", "5"]
    # kubectl's typed clients send these as protobuf
    assert kubectl.run("create", "job", "hello", "--image=busybox", "--", "echo", "hello from the job").stdout \
        .strip() == "job.batch/hello created"
    kubectl.run("create", "deployment", "web", "--image=nginx", "--replicas=2", "--port=80")
    kubectl.run("create", "secret", "generic", "s", "--from-literal=password=pw")
    web = json.loads(kubectl.run("get", "deployment", "web", "-o", "json").stdout)
    assert web["spec"]["replicas"] == 2 and web["spec"]["template"]["spec"]["containers"][0]["ports"] == \
        [{"containerPort": 80, "protocol": "TCP"}]
    assert kubectl.run("get", "secret", "s", "-o", "jsonpath={.data.password}").stdout == "cHc="
    deadline = time.monotonic() + 30
    while "Complete" not in kubectl.run("get", "job", "hello").stdout and time.monotonic() < deadline:
        time.sleep(0.3)
    assert "1/1" in kubectl.run("get", "job", "hello").stdout
    assert kubectl.run("logs", "job/hello").stdout == "hello from the job\n"


def test_watch_streams_changes(kubectl, api):
    kubectl.run("run", "w1", "--image=nginx")
    proc = subprocess.Popen([str(kubectl.binary), "--cache-dir", str(kubectl.home / "cache"), "get", "pods", "-w"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={"HOME": str(kubectl.home), "KUBECONFIG": str(kubectl.config), "PATH": "/usr/bin"})
    try:
        kubectl.run("run", "w2", "--image=nginx")
        lines: list[str] = []
        deadline = time.monotonic() + 30
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            lines.append(line)
            if line.startswith("w2 ") and "Running" in line:
                break
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert lines[0].split()[:3] == ["NAME", "READY", "STATUS"]
    assert any(line.startswith("w1 ") for line in lines)
    assert any(line.startswith("w2 ") and "Running" in line for line in lines)


def test_unsupported_and_invalid_requests_say_why(kubectl):
    kubectl.run("run", "box", "--image=nginx")
    exec_ = kubectl.run("exec", "box", "--", "ls", check=False)
    assert exec_.returncode != 0 and "flashgen's simulated cluster does not support exec" in exec_.stderr
    bad = _write(kubectl, "bad.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n"
                                      "  replicas: 1\n  template:\n    metadata: {labels: {app: d}}\n"
                                      "    spec: {containers: [{name: c, image: nginx}]}\n")
    refused = kubectl.run("apply", "-f", bad, check=False)
    assert refused.returncode == 1 and "is invalid" in refused.stderr and "selector" in refused.stderr
    assert kubectl.run("auth", "can-i", "delete", "pods").stdout.strip() == "yes"
    ssa = kubectl.run("apply", "--server-side", "-f", bad, check=False)
    assert "does not support server-side apply" in ssa.stderr


def test_explain_reads_the_openapi_documents(kubectl):
    out = kubectl.run("explain", "deployment.spec.replicas").stdout
    assert "KIND:       Deployment" in out and "replicas" in out and "<integer>" in out


def test_kubectl_127_reads_the_cluster(api, tmp_path):
    home = tmp_path / "home127"
    home.mkdir()
    old = Kubectl("1.27", api.kubeconfig, home)
    api.call(lambda rt: rt.sim.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                                      "spec": {"containers": [{"name": "c", "image": "nginx"}]}}))
    nodes = old.run("get", "nodes").stdout
    assert "kind-control-plane" in nodes and "Ready" in nodes
    assert old.run("get", "pods").stdout.splitlines()[0].split() == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
    assert old.run("delete", "pod", "p", "--wait=false").stdout.strip() == 'pod "p" deleted'


@pytest.mark.parametrize("version", ["1.27", "1.33"])
def test_apply_with_either_kubectl(api, tmp_path, version):
    home = tmp_path / f"home{version}"
    home.mkdir()
    k = Kubectl(version, api.kubeconfig, home)
    _write(k, "webui-service.yaml", note_manifest("webui-service"))
    out = k.run("apply", "-f", "webui-service.yaml", check=False)
    assert out.returncode == 0, out.stderr
    assert "service/webui-service created" in out.stdout
