"""`flashgen sim` through click's CliRunner, with the state file in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from flashgen.cli import main

DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.24
        ports: [{containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
"""

BAD_CRON = """\
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 1 * * "
  JobTemplate:
    spec:
      template:
        spec:
          containers: [{name: b, image: busybox}]
"""


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    state = tmp_path / "state.json"
    runner = CliRunner()

    def invoke(*args: str, ok: bool = True) -> Result:
        result = runner.invoke(main, ["sim", "--state", str(state), *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        if ok:
            assert result.exit_code == 0, result.output
        return result
    invoke.state = state  # type: ignore[attr-defined]
    return invoke


def _rows(output: str) -> list[list[str]]:
    return [line.split() for line in output.strip().splitlines()]


def test_apply_get_and_advance(run, tmp_path: Path) -> None:
    run("reset", "--start", "2024-01-29T09:00:00Z")  # a fixed start, for the times below
    (tmp_path / "web.yaml").write_text(DEPLOY)
    out = run("apply", "-f", "web.yaml").output
    assert out.splitlines() == ["deployment.apps/web created", "service/web created"]
    assert run("apply", "-f", "web.yaml").output.splitlines() == ["deployment.apps/web unchanged",
                                                                  "service/web unchanged"]
    rows = _rows(run("get", "deploy").output)
    assert rows[0] == ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]
    assert rows[1][:4] == ["web", "3/3", "3", "3"]
    pods = _rows(run("get", "po").output)
    assert pods[0] == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
    assert len(pods) == 4 and all(r[1:4] == ["1/1", "Running", "0"] for r in pods[1:])
    out = run("advance", "2m").output
    assert "2024-01-29T09:02:" in out
    assert _rows(run("get", "deploy").output)[1][4] == "2m10s"
    svc = _rows(run("get", "svc").output)
    assert svc[0] == ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"]
    assert svc[1][:2] == ["kubernetes", "ClusterIP"] and svc[1][2] == "10.96.0.1"
    ep = _rows(run("get", "ep", "web").output)
    assert ep[1][1].count(":80") == 3


def test_output_formats_and_selectors(run, tmp_path: Path) -> None:
    (tmp_path / "web.yaml").write_text(DEPLOY)
    run("apply", "-f", "web.yaml")
    doc = yaml.safe_load(run("get", "deployment", "web", "-o", "yaml").output)
    assert doc["kind"] == "Deployment" and doc["status"]["readyReplicas"] == 3
    lst = json.loads(run("get", "pods", "-o", "json", "-l", "app=web").output)
    assert lst["kind"] == "List" and len(lst["items"]) == 3
    assert "No resources found in default namespace." in run("get", "pods", "-l", "app=nothing").output
    wide = _rows(run("get", "pods", "-o", "wide").output)
    assert wide[0][5:7] == ["IP", "NODE"] and wide[1][5].startswith("10.244.")
    allns = _rows(run("get", "svc", "-A").output)
    assert allns[0][0] == "NAMESPACE"
    names = run("get", "deploy", "-o", "name").output.split()
    assert names == ["deployment.apps/web"]


def test_run_crash_loop_and_logs(run) -> None:
    assert run("run", "testpod", "--image=centos:7", "--command", "--", "sleep", "5").output.strip() == \
        "pod/testpod created"
    run("advance", "40s")
    (row,) = _rows(run("get", "pods").output)[1:]
    assert row[0] == "testpod" and row[2] == "CrashLoopBackOff" and row[3] == "2"
    pod = yaml.safe_load(run("get", "pod", "testpod", "-o", "yaml").output)
    assert pod["metadata"]["labels"] == {"run": "testpod"}
    assert pod["spec"]["containers"][0]["command"] == ["sleep", "5"]
    run("run", "hello", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo hello")
    run("advance", "10s")
    assert run("logs", "hello").output == "hello\n"
    described = run("describe", "pod", "testpod").output
    assert "Events:" in described and "Back-off restarting failed container" in described


def test_create_job_scale_and_rollout(run, tmp_path: Path) -> None:
    run("create", "job", "once", "--image=busybox", "--", "echo", "done")
    run("advance", "10s")
    jobs = _rows(run("get", "jobs").output)
    assert jobs[0] == ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"] and jobs[1][1:3] == ["Complete", "1/1"]
    (tmp_path / "web.yaml").write_text(DEPLOY)
    run("apply", "-f", "web.yaml")
    assert run("scale", "deploy/web", "--replicas", "5").output.strip() == "deployment.apps/web scaled"
    run("advance", "10s")
    assert _rows(run("get", "deploy", "web").output)[1][1] == "5/5"
    (tmp_path / "web.yaml").write_text(DEPLOY.replace("nginx:1.24", "nginx:1.25"))
    assert run("apply", "-f", "web.yaml").output.splitlines()[0] == "deployment.apps/web configured"
    run("advance", "1m")
    assert run("rollout", "status", "deploy/web").output.strip() == 'deployment "web" successfully rolled out'
    hist = run("rollout", "history", "deploy/web").output
    assert "REVISION" in hist and "\n2 " in hist
    assert run("rollout", "undo", "deploy/web").output.strip() == "deployment.apps/web rolled back"
    run("advance", "1m")
    doc = yaml.safe_load(run("get", "deploy", "web", "-o", "yaml").output)
    assert doc["spec"]["template"]["spec"]["containers"][0]["image"] == "nginx:1.24"
    assert run("delete", "deploy", "web").output.strip() == 'deployment.apps "web" deleted'
    assert _rows(run("get", "rs").output) == [] or "No resources" in run("get", "rs").output


def test_strict_validation_error_names_file_and_line(run, tmp_path: Path) -> None:
    (tmp_path / "cron.yaml").write_text("---\n" + BAD_CRON)
    r = run("apply", "-f", "cron.yaml", ok=False)
    assert r.exit_code == 1
    assert 'error when creating "cron.yaml" (line 2)' in r.output
    assert 'strict decoding error: unknown field "spec.JobTemplate"' in r.output
    assert "Traceback" not in r.output


def test_yaml_syntax_error(run, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("apiVersion: v1\nkind: Pod\nmetadata: {name: [x\n")
    r = run("apply", "-f", "broken.yaml", ok=False)
    assert r.exit_code == 1 and r.output.startswith("error: broken.yaml:") and "invalid YAML" in r.output


def test_not_found(run) -> None:
    r = run("get", "pod", "ghost", ok=False)
    assert r.exit_code == 1 and 'Error from server (NotFound): pods "ghost" not found' in r.output
    r = run("get", "bananas", ok=False)
    assert r.exit_code == 2 and "doesn't have a resource type" in r.output


def test_corrupt_state_and_reset(run) -> None:
    run.state.write_text("{ not json")
    r = run("get", "pods", ok=False)
    assert r.exit_code == 1
    assert "flashgen sim reset" in r.output and "Traceback" not in r.output
    assert "fresh simulated cluster" in run("reset").output
    assert "No resources found" in run("get", "pods").output


def test_state_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "elsewhere" / "sim.json"
    monkeypatch.setenv("FLASHGEN_SIM_STATE", str(target))
    result = CliRunner().invoke(main, ["sim", "create", "namespace", "team"])
    assert result.exit_code == 0, result.output
    assert target.exists() and json.loads(target.read_text())["version"] == 1


def test_locked_state_is_refused(run) -> None:
    from flashgen.sim import state
    with state.locked(run.state):
        r = run("get", "pods", ok=False)
    assert r.exit_code == 1 and "in use by another" in r.output


def _saved_time(path: Path) -> float:
    """The virtual time of the saved cluster (its snapshot and the changes logged since)."""
    from flashgen.sim import state

    return state.load(path).time


def test_mutations_advance_five_seconds(run) -> None:
    run("create", "namespace", "a")
    t1 = _saved_time(run.state)
    run("get", "ns")
    assert _saved_time(run.state) == t1
    run("create", "namespace", "b")
    assert _saved_time(run.state) == t1 + 5


def test_describe_deployment_and_delete_by_file(run, tmp_path: Path) -> None:
    (tmp_path / "web.yaml").write_text(DEPLOY)
    run("apply", "-f", "web.yaml")
    text = run("describe", "deploy", "web").output
    assert "Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable" in text
    assert "StrategyType:           RollingUpdate" in text and "ScalingReplicaSet" in text
    events = _rows(run("get", "events").output)
    assert events[0] == ["LAST", "SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
    out = run("delete", "-f", "web.yaml").output.splitlines()
    assert out == ['deployment.apps "web" deleted', 'service "web" deleted']
    assert "No resources found" in run("get", "pods").output


def test_delete_waits_for_graceful_termination(run) -> None:
    run("run", "web", "--image=nginx")
    run("run", "sleeper", "--image=busybox", "--", "sleep", "3600")
    run("advance", "10s")
    t0 = _saved_time(run.state)
    assert run("delete", "pod", "web").output.strip() == 'pod "web" deleted'
    t1 = _saved_time(run.state)
    assert t1 - t0 == 1 + 5  # nginx stops on SIGTERM within a second, then the usual 5 s
    run("delete", "pod", "sleeper", "--wait=false")
    (row,) = _rows(run("get", "pods").output)[1:]
    assert row[0] == "sleeper" and row[2] == "Terminating"
    run("advance", "30s")
    assert "No resources found" in run("get", "pods").output
    run("run", "sleeper2", "--image=busybox", "--", "sleep", "3600")
    r = run("delete", "pod", "sleeper2", "--grace-period=0", "--force")
    assert 'pod "sleeper2" force deleted' in r.output


def test_rollout_status_waits_as_kubectl_does(run) -> None:
    run("create", "deployment", "web", "--image=nginx:1.26", "--replicas=3")
    run("set", "image", "deployment/web", "nginx=nginx:1.27")
    waited = run("rollout", "status", "deployment", "web")  # right after the change: it must wait, then succeed
    lines = waited.output.strip().splitlines()
    assert lines[0].startswith('Waiting for deployment "web" rollout to finish') and len(lines) >= 2
    assert lines[-1] == 'deployment "web" successfully rolled out'
    pods = [p for p in _rows(run("get", "pods", "--no-headers").output) if p[2] != "Terminating"]
    assert len(pods) == 3 and all(p[1:3] == ["1/1", "Running"] for p in pods)  # the clock ran while it waited
    # an image that cannot be pulled: --timeout gives up, and the progress deadline ends it as kubectl does
    run("set", "image", "deploy/web", "nginx=nginx:doesnotexist")
    timed_out = run("rollout", "status", "deploy/web", "--timeout", "30s", ok=False)
    assert timed_out.exit_code == 1 and "error: timed out waiting for the condition" in timed_out.output
    stuck = run("rollout", "status", "deploy/web", ok=False)
    assert stuck.exit_code == 1 and 'error: deployment "web" exceeded its progress deadline' in stuck.output
    once = run("rollout", "status", "deploy/web", "--watch=false", ok=False)
    assert once.exit_code == 1 and "exceeded its progress deadline" in once.output


def test_kubectl_habits_scale_expose_label_and_get_options(run) -> None:
    run("create", "deployment", "web", "--image=nginx", "--port=80")
    assert run("scale", "deployment", "web", "--replicas=2").output == "deployment.apps/web scaled\n"
    assert run("expose", "deployment", "web", "--type=NodePort").output == "service/web exposed\n"
    svc = yaml.safe_load(run("get", "svc", "web", "-o", "yaml").output)
    assert svc["spec"]["selector"] == {"app": "web"} and svc["spec"]["ports"][0]["targetPort"] == 80
    assert 30000 <= svc["spec"]["ports"][0]["nodePort"] <= 32767
    run("advance", "10s")
    assert run("get", "ep", "web", "--no-headers").output.split()[1].count(":80") == 2
    assert run("label", "deploy", "web", "purpose=lab").output == "deployment.apps/web labeled\n"
    refused = run("label", "deploy", "web", "purpose=other", ok=False)
    assert refused.exit_code == 1 and "'purpose' already has a value (lab), and --overwrite is false" in refused.output
    shown = _rows(run("get", "deploy", "-l", "purpose=lab", "--show-labels").output)
    assert shown[0][-1] == "LABELS" and shown[1][0] == "web" and "purpose=lab" in shown[1][-1]
    assert run("get", "deploy", "--no-headers").output.startswith("web ")
    watch = run("get", "pods", "-w", ok=False)
    assert watch.exit_code == 2 and "flashgen sim serve" in watch.output and "get pods -w" in watch.output


def test_describe_takes_name_prefixes_selectors_and_all_namespaces(run) -> None:
    run("create", "deployment", "web", "--image=nginx", "--replicas=2")
    both = run("describe", "pods", "web").output  # kubectl describes every pod whose name starts so
    assert both.count("\nName:") + both.startswith("Name:") == 2 and "\n\n\nName:" in both
    assert run("describe", "pods", "-l", "app=web").output == both
    assert "Namespace:        default" in run("describe", "pods", "-A", "-l", "app=web").output
    missing = run("describe", "pod", "nope", ok=False)
    assert missing.exit_code == 1 and 'pods "nope" not found' in missing.output


def test_a_new_cluster_starts_at_the_current_time(run) -> None:
    import time

    from flashgen.sim.timefmt import parse_rfc3339
    created = yaml.safe_load(run("get", "ns", "default", "-o", "yaml").output)["metadata"]["creationTimestamp"]
    assert abs(parse_rfc3339(created) - time.time()) < 60
    run("advance", "400d")
    assert "its clock starts at" in run("reset").output
    created = yaml.safe_load(run("get", "ns", "default", "-o", "yaml").output)["metadata"]["creationTimestamp"]
    assert abs(parse_rfc3339(created) - time.time()) < 60
