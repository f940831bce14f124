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


def test_another_groups_kind_named_like_a_built_in_one_is_no_wrong_apiversion():
    """An audit log's `Event` (`audit.k8s.io/v1`) and Knative's `Service` (`serving.knative.dev/v1`) are kinds of
    their own groups, not Kubernetes' Event and Service under a wrong apiVersion: nothing is reported."""
    audit = "apiVersion: audit.k8s.io/v1\nkind: Event\nlevel: Metadata\nstage: ResponseComplete\n"
    knative = ("apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template:\n"
               "    spec:\n      containers:\n      - image: ghcr.io/knative/helloworld-go\n")
    assert lint_manifest_text(audit, "n.md", 1) == []
    assert lint_manifest_text(knative, "n.md", 1) == []


def test_a_placeholder_where_a_number_goes_is_a_blank_to_fill_in_not_a_wrong_type():
    """A template of a Service (`port: <서비스포트>`) is not a manifest with a string for a port: nothing is said of
    the placeholders, and the rest of it is still checked."""
    template = ("apiVersion: v1\nkind: Service\nmetadata:\n  name: <서비스명>\nspec:\n  type: <ClusterIP|NodePort>\n"
                "  selector:\n    app: <라벨>\n  ports:\n    - name: <포트명>\n      protocol: TCP\n"
                "      port: <서비스포트>\n      targetPort: <컨테이너포트>\n")
    assert lint_manifest_text(template, "n.md", 1) == []
    assert ['did you mean "protocol"' in d.message
            for d in lint_manifest_text(template.replace("protocol:", "protocl:"), "n.md", 1)] == [True]


def test_a_fragment_is_checked_as_the_kind_its_own_comment_names_and_never_as_a_heading_guess_it_does_not_fit():
    """`# fastapi-deployment.yaml` over `spec.template.spec.volumes` under a heading about an Ingress: a Deployment's
    fragment, valid as one; a fragment that fits no kind the heading names is left alone, while a typo of a key the
    heading's kind has is still reported."""
    fragment = ("# fastapi-deployment.yaml\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n"
                "        volumeMounts:\n        - name: repos\n          mountPath: /repos\n      volumes:\n"
                "      - name: repos\n        persistentVolumeClaim:\n          claimName: repos-pvc\n")
    assert lint_manifest_text(fragment, "n.md", 1, ("Ingress 설정", "문제")) == []
    unnamed = fragment.split("\n", 1)[1]
    assert lint_manifest_text(unnamed, "n.md", 1, ("Ingress 설정", "문제")) == []
    typo = "spec:\n  ingressClasName: nginx\n  rules: []\n"
    assert ['did you mean "ingressClassName"' in d.message
            for d in lint_manifest_text(typo, "n.md", 1, ("Ingress 설정",))] == [True]


def test_values_and_names_the_api_server_rejects_are_reported_with_the_one_meant():
    """The schemas leave `effect`, `accessModes` and names as free strings; the API server does not. A blank to
    fill in (`<ClusterIP|NodePort>`, `<pod-name>`) is no value."""
    claim = ("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: myClaim\nspec:\n  accessModes:\n"
             "    - ReadWriteOne\n  resources:\n    requests:\n      storage: 1Gi\n")
    assert [(d.line, d.message) for d in lint_manifest_text(claim, "n.md", 1)] == [
        (4, 'name "myClaim" of a PersistentVolumeClaim: Kubernetes rejects it (lowercase letters, digits, \'-\' and '
            '\'.\'); did you mean "myclaim"?'),
        (7, 'unsupported value "ReadWriteOne" for "spec.accessModes[0]" in PersistentVolumeClaim: Kubernetes rejects '
            'it; did you mean "ReadWriteOnce"?')]
    pod = ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: <pod-name>\nspec:\n  containers:\n  - name: c\n"
           "    image: nginx\n  tolerations:\n  - key: app\n    operator: Equal\n    value: blue\n    effect: Noschedule\n")
    assert [(d.line, 'did you mean "NoSchedule"' in d.message) for d in lint_manifest_text(pod, "n.md", 1)] == [(13, True)]
    blank = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: <ClusterIP|NodePort>\n  ports:\n  - port: 80\n"
    assert lint_manifest_text(blank, "n.md", 1) == []
    role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: podReader\nrules: []\n"
    assert lint_manifest_text(role, "n.md", 1) == []  # a role's name is a path segment: capitals are fine


def test_byte_fields_that_are_not_base64_are_reported_where_the_schema_says_format_byte():
    """The API server decodes a Secret's `data`, a ConfigMap's `binaryData` (and a `caBundle`, a CSR's `request`)
    as standard padded base64, skipping line breaks only; `stringData` and a ConfigMap's `data` are plain text."""
    secret = ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\ndata:\n  username: YWRt=4f\n"
              "  password: MWYzfkljRTOIF2R2M\n  token: YWRtaW4=\n  cert: |\n    YWJj\n    ZGVm\n  folded: YWJj\n    ZGVm\n"
              "  blank: <base64-encoded-password>\nstringData:\n  plain: not base64 at all\n")
    found = [(d.line, d.message) for d in lint_manifest_text(secret, "n.md", 1)]
    assert found == [
        (7, '"data.username" in Secret is not base64: Kubernetes rejects "YWRt=4f" (illegal base64 data at input byte '
            "4); give its base64 (echo -n 'value' | base64), or the plain text under \"stringData\""),
        (8, '"data.password" in Secret is not base64: Kubernetes rejects "MWYzfkljRTOIF2R2M" (illegal base64 data at '
            "input byte 16); give its base64 (echo -n 'value' | base64), or the plain text under \"stringData\""),
        (13, '"data.folded" in Secret is not base64: Kubernetes rejects "YWJj ZGVm" (illegal base64 data at input '
             "byte 4); give its base64 (echo -n 'value' | base64), or the plain text under \"stringData\"")]
    config = ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  mode: plain text\n"
              "binaryData:\n  logo.png: iVBORw0KGgo\n")
    assert [(d.line, "binaryData" in d.message and "stringData" not in d.message)
            for d in lint_manifest_text(config, "n.md", 1)] == [(8, True)]
    csr = ("apiVersion: certificates.k8s.io/v1\nkind: CertificateSigningRequest\nmetadata:\n  name: c\nspec:\n"
           "  signerName: kubernetes.io/kube-apiserver-client\n  request: <base64-encoded-CSR>\n  usages: [client auth]\n")
    assert lint_manifest_text(csr, "n.md", 1) == []  # a blank to fill in, and the required field is there


def test_base64_problems_are_the_api_servers_own():
    """Go's decoder stops where these real rejections say it does (`billy` at byte 4, kubernetes#31548)."""
    from flashgen.kube.values import base64_problem

    assert [base64_problem(text) for text in ("billy", "YWRt=4f", "YQ=", "Y===", "YQ==YQ==", "a b")] == [
        f"illegal base64 data at input byte {n}" for n in (4, 4, 3, 1, 4, 1)]
    assert [base64_problem(text) for text in ("", "YWRtaW4=", "YQ==", "YWJj\r\nZGVm\n", "YR==")] == [None] * 5


def test_an_object_of_a_served_kind_without_a_name_is_reported_and_configuration_kinds_are_not():
    """A Pod with neither `metadata.name` nor `generateName` is refused ("name or generateName is required"); the kinds
    of configuration files (kubelet's, kubeconfig's, Kustomize's, kind's), a list and a review the API server only
    answers take no name."""
    pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
    assert [(d.line, d.message) for d in lint_manifest_text(pod, "n.md", 10)] == [
        (12, 'missing "metadata.name" in Pod: Kubernetes rejects an object with neither a name nor a generateName')]
    assert lint_manifest_text(pod.replace("  labels:\n    app: web\n", "  generateName: web-\n"), "n.md", 1) == []
    bare = "apiVersion: v1\nkind: Deployment\nspec:\n  template: {}\n"  # checked as the apps/v1 it means
    assert [d.line for d in lint_manifest_text(bare, "n.md", 1) if "metadata.name" in d.message] == [1]
    for quiet in ("apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmaxPods: 50\n",
                  "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources: []\n",
                  "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\n",
                  "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n",
                  "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n",
                  "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n",
                  "apiVersion: v1\nkind: PodList\nmetadata: {}\nitems: []\n",
                  "apiVersion: authorization.k8s.io/v1\nkind: SelfSubjectAccessReview\nspec:\n"
                  "  resourceAttributes: {verb: get, resource: pods}\n",
                  "apiVersion: example.com/v1\nkind: Widget\nspec: {size: 1}\n",
                  "spec:\n  containers:\n  - name: c\n    image: nginx\n"):
        assert lint_manifest_text(quiet, "n.md", 1, ("Pod",)) == [], quiet


def test_a_container_name_that_is_not_a_dns_label_is_reported_with_the_one_meant():
    pod = ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n  - name: <init-name>\n"
           "    image: busybox\n  containers:\n  - name: data_processor\n    image: data-processor\n")
    assert [(d.line, d.message) for d in lint_manifest_text(pod, "n.md", 1)] == [
        (10, 'name "data_processor" of a container in Pod: Kubernetes rejects it (lowercase letters, digits and \'-\'); '
             'did you mean "data-processor"?')]
    custom = "apiVersion: example.com/v1\nkind: Runner\nmetadata:\n  name: r\nspec:\n  containers:\n  - name: My_App\n"
    assert lint_manifest_text(custom, "n.md", 1) == []  # a custom resource's fields are its own


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


def test_a_top_level_key_in_another_case_or_a_letter_off_is_a_manifest_with_a_typo_not_a_fragment():
    """`apiversion: v1` over `kind: Pod` (as notes write it) is rejected by the API server: it is reported with the
    key meant, at its own line, and the rest of the object is checked as that kind; YAML that is no manifest (a
    workflow, a custom resource's kind) stays quiet."""
    pod = "apiversion: v1\nkind: Pod\nmetadata:\n  name: pod1\n  labels:\n    app: app1\n"
    assert [(d.line, d.message) for d in lint_manifest_text(pod, "n.md", 10)] == [
        (10, 'unknown field "apiversion" in Pod: Kubernetes rejects it; did you mean "apiVersion"?')]
    daemonset = ("apiVerion: apps/v1\nkind: DaemonSet\nMetadata:\n  name: d\nspec:\n  selector: {matchLabels: {a: b}}\n"
                 "  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n      - name: c\n"
                 "        imagee: nginx\n")
    assert [(d.line, d.message.split(":")[0]) for d in lint_manifest_text(daemonset, "n.md", 1)] == [
        (1, 'unknown field "apiVerion" in DaemonSet'), (3, 'unknown field "Metadata" in DaemonSet'),
        (12, 'unknown field "spec.template.spec.containers[0].imagee" in DaemonSet')]
    assert lint_manifest_text(pod.replace("apiversion", "apiVersion"), "n.md", 1) == []
    assert lint_manifest_text("apiversion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\n", "n.md", 1) == []
    assert lint_manifest_text("name: ci\non: push\ntype: x\nspecs: 1\n", "n.md", 1) == []


def test_a_files_name_at_a_prompt_over_a_manifest_is_its_label_not_part_of_it():
    """`$ vip-daemonset.yml` on the first line of a bare fence, then the manifest (how a Korean Kubernetes book's notes
    name each file): not "not valid YAML", but the manifest under it checked as written."""
    code = ("$ vip-daemonset.yml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n"
            "  - name: web\n    imagee: nginx\n")
    assert [(d.line, d.message.split(":")[0]) for d in lint_manifest_text(code, "n.md", 1)] == [
        (9, 'unknown field "spec.containers[0].imagee" in Pod')]
    assert lint_manifest_text(code.replace("imagee", "image"), "n.md", 1) == []
