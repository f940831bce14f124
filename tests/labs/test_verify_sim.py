"""`flashgen verify --sim`: every lab passes with its reference solution and fails clearly on wrong manifests."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from flashgen.cli import main
from flashgen.labs import load_labs

sim = pytest.importorskip("flashgen.sim")
if not hasattr(sim, "SimCluster"):
    pytest.skip("the simulated cluster is not available yet", allow_module_level=True)

LAB_IDS = [lab.id for lab in load_labs()]


def verify(*args):
    result = CliRunner().invoke(main, ["verify", *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize("lab_id", LAB_IDS)
def test_each_lab_passes_with_its_solution_on_the_simulator(lab_id):
    code, out = verify(lab_id, "--sim", "--solution", "--json")
    data = json.loads(out)
    failed = [c for c in data["checks"] if not c["passed"]]
    assert code == 0 and data["passed"], json.dumps(failed, ensure_ascii=False, indent=1)
    assert data["cluster"] and all(c["passed"] for c in data["checks"])


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


JOB_ALWAYS = """\
apiVersion: batch/v1
kind: Job
metadata: {name: backup}
spec:
  template:
    spec:
      restartPolicy: Always
      containers: [{name: b, image: busybox:1.36, command: [sh, -c, "echo hi"]}]
"""


def test_job_with_restart_policy_always_is_rejected_clearly(tmp_path):
    code, out = verify("lab6-6", "--sim", "-f", write(tmp_path, "job.yaml", JOB_ALWAYS))
    assert code == 1
    assert "✗" in out and "rejected Job default/backup" in out and "restartPolicy" in out
    assert "6-6. job controller" in out


DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: webui}
spec:
  replicas: 2
  selector: {matchLabels: {app: webui}}
  template:
    metadata: {labels: {app: webui}}
    spec: {containers: [{name: nginx, image: IMAGE}]}
"""


def test_deployment_with_two_replicas_fails_on_spec_replicas(tmp_path):
    v1 = write(tmp_path, "v1.yaml", DEPLOYMENT.replace("IMAGE", "nginx:1.26"))
    v2 = write(tmp_path, "v2.yaml", DEPLOYMENT.replace("IMAGE", "nginx:1.27"))
    code, out = verify("lab6-3", "--sim", "-f", v1, "-f", v2, "--json")
    data = json.loads(out)
    assert code == 1
    by_name = {c["name"]: c for c in data["checks"]}
    replicas = by_name["Deployment webui runs 3 replicas of app=webui"]
    assert not replicas["passed"]
    assert replicas["findings"][0]["path"] == "spec.replicas"
    assert (replicas["findings"][0]["expected"], replicas["findings"][0]["found"]) == ("3", "2")
    # the two files were applied as two steps: the rollout itself happened
    assert by_name["a new image was rolled out"]["passed"]
    assert by_name["the old ReplicaSet is scaled down to 0"]["passed"]


def test_only_one_revision_fails_the_revision_check(tmp_path):
    v1 = write(tmp_path, "v1.yaml", DEPLOYMENT.replace("IMAGE", "nginx:1.26").replace("replicas: 2", "replicas: 3"))
    code, out = verify("lab6-3", "--sim", "-f", v1, "--json", "--timeout", "10")
    data = json.loads(out)
    assert code == 1
    failing = {c["name"] for c in data["checks"] if not c["passed"]}
    assert failing == {"a new image was rolled out", "the old ReplicaSet is scaled down to 0"}


SERVICE = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: webui-deployment}
spec:
  replicas: 3
  selector: {matchLabels: {app: webui}}
  template:
    metadata: {labels: {app: webui}}
    spec: {containers: [{name: webui, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: webui-service}
spec:
  type: NodePort
  selector: {app: webui}
  ports: [{port: 80, targetPort: 80}]
"""


def test_service_of_the_wrong_type_fails_on_spec_type(tmp_path):
    code, out = verify("lab7", "--sim", "-f", write(tmp_path, "svc.yaml", SERVICE))
    assert code == 1
    assert "spec.type" in out and "expected: ClusterIP" in out and "found:    NodePort" in out
    assert "✓ webui-service has exactly the 3 webui pods as ready endpoints on port 80" in out


def test_service_selecting_nothing_has_no_endpoints(tmp_path):
    text = SERVICE.replace("type: NodePort", "type: ClusterIP").replace("selector: {app: webui}\n  ports", "selector: {app: web}\n  ports")
    code, out = verify("lab7", "--sim", "-f", write(tmp_path, "svc.yaml", text), "--timeout", "10")
    assert code == 1 and "0 ready" in out


def test_cli_in_a_real_process_exits_0_and_prints_a_checklist():
    run = subprocess.run([sys.executable, "-m", "flashgen", "verify", "lab6-6", "--sim", "--solution"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "✓ the job completed" in run.stdout and "5/5 checks passed" in run.stdout


def test_a_fresh_cluster_without_manifests_is_a_usage_error():
    code, out = verify("lab6-6", "--sim", "--fresh")
    assert code == 2 and "--solution" in out


CRONJOB_CAPITAL_J = """\
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup-cron}
spec:
  schedule: "0 3 1 * *"
  JobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: b, image: busybox}]
"""


def test_cronjob_with_jobtemplate_capitalised_is_rejected_by_strict_decoding(tmp_path):
    code, out = verify("lab6-7", "--sim", "-f", write(tmp_path, "cj.yaml", CRONJOB_CAPITAL_J))
    assert code == 1 and 'unknown field "spec.JobTemplate"' in out and "cj.yaml, document 1" in out


FAILING_JOB = """\
apiVersion: batch/v1
kind: Job
metadata: {name: backup}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: b, image: busybox, command: [sh, -c, "exit 1"]}]
"""


def test_a_failing_job_reports_backoff_limit_exceeded(tmp_path):
    code, out = verify("lab6-6", "--sim", "-f", write(tmp_path, "job.yaml", FAILING_JOB), "--json")
    data = json.loads(out)
    by_name = {c["name"]: c for c in data["checks"]}
    assert code == 1
    assert "BackoffLimitExceeded" in by_name["the job completed"]["findings"][0]["found"]
    assert by_name["succeeded pods equal completions"]["findings"][0]["found"] == "0"
    assert by_name["the job's pods restart only on failure (OnFailure or Never)"]["passed"]


STATEFULSET_NO_STORAGE = """\
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: store}
spec:
  serviceName: store
  replicas: 3
  selector: {matchLabels: {app: store}}
  template:
    metadata: {labels: {app: store}}
    spec: {containers: [{name: a, image: nginx}]}
"""


def test_statefulset_without_claims_or_service_fails_those_checks(tmp_path):
    code, out = verify("lab6-5", "--sim", "-f", write(tmp_path, "sts.yaml", STATEFULSET_NO_STORAGE), "--json")
    data = json.loads(out)
    failing = {c["name"] for c in data["checks"] if not c["passed"]}
    assert code == 1
    assert failing == {"service store is headless", "each pod gets a 1Gi claim from the template data, and is labelled "
                       "app=store", "one bound PersistentVolumeClaim per pod",
                       "the headless service's endpoints are the 3 pods"}
    needs = {c["name"]: c["needs"] for c in data["checks"] if c["needs"]}
    assert needs == {"the headless service's endpoints are the 3 pods": "Service default/store"}


def test_a_wrong_target_port_is_named(tmp_path):
    text = SERVICE.replace("type: NodePort", "type: ClusterIP").replace("targetPort: 80", "targetPort: 8080")
    code, out = verify("lab7", "--sim", "-f", write(tmp_path, "svc.yaml", text), "--timeout", "4")
    assert code == 1 and "is targetPort the container's port?" in out


def test_sim_checks_the_cluster_practised_on_and_lets_its_clock_run(tmp_path):
    """`flashgen sim apply`, then the lab page's own `flashgen verify LAB --sim`: the state file is checked."""
    state = str(tmp_path / "state.json")
    job = write(tmp_path, "job.yaml", FAILING_JOB.replace("backoffLimit: 2", "backoffLimit: 4").replace(
        '"exit 1"', '"echo backing up; sleep 20"'))
    code, out = verify("lab6-6", "--sim", "--state", state)
    assert code == 1 and "no Job named backup in namespace default" in out  # a new cluster: nothing there yet
    applied = CliRunner().invoke(main, ["sim", "--state", state, "apply", "-f", job])
    assert applied.exit_code == 0, applied.output
    code, out = verify("lab6-6", "--sim", "--state", state)
    assert code == 0, out
    assert f"on the simulated cluster in {state}" in out and "5/5 checks passed" in out
    # the job needed about 20 s more: the clock moved on while checking, and the state file kept it
    assert "the simulated clock moved on" in out
    jobs = CliRunner().invoke(main, ["sim", "--state", state, "get", "jobs"]).output
    assert "Complete" in jobs.splitlines()[1]
