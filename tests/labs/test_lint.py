"""Manifest lint: strict schema checks of the notes' code fences, with lines and field suggestions."""

import subprocess
import sys
from pathlib import Path

from flashgen.kube.lint import lint_manifest_text, lint_manifests, suggest

NOTES = Path(__file__).resolve().parents[2] / "notes"
NOTE_PATH = "쿠버네티스 학습 과정.md"

SERVICE = """\
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  tpye: ClusterIP
  selector:
    app: web
  ports:
    - port: 80
      protcol: TCP
"""


def test_the_seed_cronjob_snippet_gets_jobtemplate_suggested():
    from flashgen.vault.parse import parse_vault

    found = lint_manifests(parse_vault(NOTES))
    job_template = [d for d in found if '"spec.JobTemplate"' in d.message]
    assert len(job_template) == 1
    diag = job_template[0]
    assert diag.path == NOTE_PATH
    lines = (NOTES / NOTE_PATH).read_text(encoding="utf-8").splitlines()
    assert lines[diag.line - 1].strip() == "JobTemplate:"
    assert 'did you mean "jobTemplate"' in diag.message
    # the webui Deployment and Service examples in section 7 are valid
    assert all("Deployment" not in d.message and "Service" not in d.message for d in found)


def test_unknown_fields_are_reported_at_their_own_line_with_suggestions():
    found = lint_manifest_text(SERVICE, "n.md", 20)
    by_line = {d.line: d.message for d in found}
    assert 'did you mean "type"' in by_line[25]
    assert 'did you mean "protocol"' in by_line[30]
    assert len(found) == 2


def test_a_valid_manifest_and_a_fragment_without_kind_are_quiet():
    valid = SERVICE.replace("tpye", "type").replace("protcol", "protocol")
    assert lint_manifest_text(valid, "n.md", 1) == []
    assert lint_manifest_text("containers:\n  - name: a\n    image: nginx\n", "n.md", 1) == []
    assert lint_manifest_text("echo hello | grep h", "n.md", 1) == []
    helm = "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n  tpye: x\n"
    assert lint_manifest_text(helm, "n.md", 1) == []


def test_wrong_types_and_missing_required_fields_in_full_manifests():
    code = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: three\n  selector: {}\n"
    found = lint_manifest_text(code, "n.md", 1)
    assert any(d.line == 6 and "three" in d.message for d in found)
    assert any('missing required field "spec.template"' in d.message for d in found)


def test_an_apiversion_that_does_not_serve_a_built_in_kind_is_reported_and_the_rest_checked_as_meant():
    """`v1` for a Deployment, a typo in the group, a version Kubernetes no longer serves: each is rejected by a real
    API server, so each gets its correction; a custom resource's kind stays unchecked."""
    deployment = ("apiVersion: v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector: {matchLabels: {a: b}}\n"
                  "  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n      - name: c\n"
                  "        imagee: nginx\n")
    found = lint_manifest_text(deployment, "n.md", 1)
    assert [(d.line, d.message) for d in found] == [
        (1, 'apiVersion "v1" does not serve Deployment: Kubernetes rejects it; did you mean "apps/v1"?'),
        (12, 'unknown field "spec.template.spec.containers[0].imagee" in Deployment: Kubernetes rejects it; '
             'did you mean "image"?')]
    policy = "apiVersion: networing.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n"
    assert ['did you mean "networking.k8s.io/v1"' in d.message for d in lint_manifest_text(policy, "n.md", 1)] == [True]
    hpa = ("apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n"
           "  scaleTargetRef: {kind: Deployment, name: d}\n  maxReplicas: 3\n")
    assert ['did you mean "autoscaling/v2"' in d.message for d in lint_manifest_text(hpa, "n.md", 1)] == [True]
    custom = "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\nspec:\n  secretName: s\n"
    assert lint_manifest_text(custom, "n.md", 1) == []


def test_values_and_names_the_api_server_rejects_are_reported_with_the_one_meant():
    """The schemas leave `effect`, `accessModes` and names as free strings; the API server does not. A blank to
    fill in (`<ClusterIP|NodePort>`, `<pod-name>`) is no value."""
    claim = ("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: myClaim\nspec:\n  accessModes:\n"
             "    - ReadWriteOne\n  resources:\n    requests:\n      storage: 1Gi\n")
    assert [(d.line, d.message) for d in lint_manifest_text(claim, "n.md", 1)] == [
        (7, 'unsupported value "ReadWriteOne" for "spec.accessModes[0]" in PersistentVolumeClaim: Kubernetes rejects '
            'it; did you mean "ReadWriteOnce"?'),
        (4, 'name "myClaim" of a PersistentVolumeClaim: Kubernetes rejects it (lowercase letters, digits, \'-\' and '
            '\'.\'); did you mean "myclaim"?')]
    pod = ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: <pod-name>\nspec:\n  containers:\n  - name: c\n"
           "    image: nginx\n  tolerations:\n  - key: app\n    operator: Equal\n    value: blue\n    effect: Noschedule\n")
    assert [(d.line, 'did you mean "NoSchedule"' in d.message) for d in lint_manifest_text(pod, "n.md", 1)] == [(13, True)]
    blank = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: <ClusterIP|NodePort>\n  ports:\n  - port: 80\n"
    assert lint_manifest_text(blank, "n.md", 1) == []
    role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: podReader\nrules: []\n"
    assert lint_manifest_text(role, "n.md", 1) == []  # a role's name is a path segment: capitals are fine


def test_invalid_yaml_that_looks_like_a_manifest_is_reported():
    [diag] = lint_manifest_text("apiVersion: v1\nkind: Pod\nmetadata: [\n", "n.md", 7)
    assert diag.line == 9 and "not valid YAML" in diag.message


def test_suggest_prefers_case_then_close_match():
    assert suggest("JobTemplate", ["jobTemplate", "schedule"]) == "jobTemplate"
    assert suggest("schedul", ["jobTemplate", "schedule"]) == "schedule"
    assert suggest("zzz", ["jobTemplate", "schedule"]) is None


def test_lint_command_reports_and_exits_1():
    run = subprocess.run([sys.executable, "-m", "flashgen", "lint", "--notes", str(NOTES)],
                         capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    assert f"{NOTE_PATH}:135:" in run.stdout and "jobTemplate" in run.stdout


def test_lint_command_on_a_clean_vault_exits_0(tmp_path):
    (tmp_path / "n.md").write_text("# Pod\n\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
                                   "spec:\n  containers:\n    - name: a\n      image: nginx\n```\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "flashgen", "lint", "--notes", str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
