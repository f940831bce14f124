"""The check of the notes' kubectl commands: what kubectl itself rejects before it reaches a cluster, with the command
or flag meant; checked against the real kubectl where the machine has one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from flashgen.kube.commands import REFERENCE_FILE, _invocations, check, lint_commands
from flashgen.kube.kubectl_help import _options
from flashgen.vault.parse import parse_note

# (a command line as notes write it, whether kubectl rejects it, a piece of what flashgen says of it)
CASES = [
    ("kubectl desribe pod web -n ckad", True, 'did you mean "kubectl describe"?'),
    ("kubectl undordon worker-1", True, 'did you mean "kubectl uncordon"?'),
    ("kubectl use-context k8s", True, '"kubectl config use-context"'),
    ("kubectl get pods --all-namespace", True, 'did you mean "--all-namespaces"?'),
    ("kubectl get pod -all", True, 'no shorthand flag "-a"'),
    ("kubectl get pods --n kube-system", True, 'did you mean "-n"'),
    ("kubectl -n kube-system get pods --selecotr app=web", True, 'did you mean "--selector"?'),
    ("kubectl run web --image=nginx --generator=run-pod/v1", True, 'kubectl run has no flag "--generator"'),
    ("kubectl rollout stauts deployment/web", True, 'did you mean "kubectl rollout status"?'),
    ("kubectl config use-contxt k8s", True, 'did you mean "kubectl config use-context"?'),
    ("kubectl create role r --verb=get --resources=pods", True, 'did you mean "--resource"?'),
    ("kubectl create deployment web --image=nginx -f web.yaml", True, 'no shorthand flag "-f"'),
    ("kubectl version --client --short", True, 'kubectl version has no flag "--short"'),
    ("kubectl apply -y application1.yml", True, 'kubectl apply has no shorthand flag "-y"'),
    ("kubectl sa pod-access --namespace apps", True, 'a resource type follows a command ("kubectl get sa")'),
    # what kubectl takes
    ("kubectl get po -owide", False, ""),
    ("kubectl get po -A -l app=web --show-labels", False, ""),
    ("kubectl create deploy web --image=nginx --dry-run -o yaml", False, ""),
    ("kubectl set image deployment/web web=nginx:1.25 --record", False, ""),  # deprecated, hidden, still taken
    ("kubectl logs -f deploy/web --tail=10 -c app", False, ""),
    ("kubectl exec -it web -- ls --color", False, ""),
    ("kubectl get pods -o jsonpath='{.items[*].metadata.name}'", False, ""),
    ("kubectl auth can-i get pods --as=system:serviceaccount:default:sa", False, ""),
    ("kubectl top pods --sort-by=cpu", False, ""),
    ("kubectl create secret generic db --from-literal=password=s3cr3t", False, ""),
    ("kubectl get pods --help", False, ""),
]


@pytest.mark.parametrize("line, rejected, said", CASES)
def test_what_kubectl_rejects_is_said_with_the_one_meant(line: str, rejected: bool, said: str) -> None:
    [args] = list(_invocations(line))
    problems = check(args)
    assert bool(problems) == rejected, problems
    assert said in " ".join(problems)


def test_a_word_that_may_name_a_plugin_and_words_that_are_no_command_are_left_alone() -> None:
    """kubectl runs `kubectl-ctx` for `kubectl ctx` when the plugin is installed: only a word a letter or two from
    one of kubectl's own commands, or one of a group's, is said to be wrong."""
    for line in ("kubectl ctx", "kubectl neat get pod x", "echo kubectl is installed", "# kubectl 설치",
                 "# kubectl top 명령어 확인", "kubectl -o jsonpath란?",
                 "kubectl <command> [TYPE] [NAME] [flags]", "alias k=kubectl", "which kubectl"):
        assert [check(args) for args in _invocations(line)] in ([], [[]]), line


def test_commands_are_read_as_a_shell_reads_them() -> None:
    """A prompt, `sudo` or `watch` before it, a pipe, `;` or `&&` after it, a line that goes on after `\\`."""
    lines = {
        "root@master:~# kubectl get nodes --show-label | grep Ready": ['"--show-labels"'],
        "sudo kubectl get nodes; kubectl desribe node n1": ['"kubectl describe"'],
        "watch kubectl get po --A && echo --bogus": ['"-A"'],
        "kubectl get pods 2> /dev/null --bogus": [],
    }
    for line, said in lines.items():
        problems = [problem for args in _invocations(line) for problem in check(args)]
        assert len(problems) == len(said) and all(s in p for s, p in zip(said, problems)), (line, problems)
    note = parse_note("n.md", "# 노드\n```bash\n$ kubectl drain worker-1 \\\n    --ignore-daemonset \\\n    --force\n"
                              "kubectl get nodes\n```\n\n```yaml\nkubectl: desribe\n```\n")
    [problem] = lint_commands(note)
    assert (problem.path, problem.line, problem.code) == ("n.md", 3, "kubectl-command")
    assert 'did you mean "--ignore-daemonsets"?' in problem.message


KUBECTL = os.environ.get("FLASHGEN_KUBECTL") or shutil.which("kubectl.1.33") or next(
    (str(path) for path in Path("/usr/lib/google-cloud-sdk/bin").glob("kubectl.1.33")), None)


@pytest.fixture(scope="module")
def kubectl(tmp_path_factory):
    if KUBECTL is None:
        pytest.skip("no kubectl 1.33 on this machine (FLASHGEN_KUBECTL names one)")
    home = tmp_path_factory.mktemp("kubectl-home")
    config = home / "config"  # a cluster that is not there: kubectl reads its flags, then fails to connect
    config.write_text("apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: 'https://127.0.0.1:9'}}]\n"
                      "contexts: [{name: c, context: {cluster: c, user: u}}]\nusers: [{name: u, user: {token: t}}]\n"
                      "current-context: c\n", encoding="utf-8")
    return KUBECTL, {"PATH": "/usr/bin:/bin", "HOME": str(home), "KUBECONFIG": str(config)}


def _rejected_by(kubectl, args: list[str]) -> bool:
    binary, env = kubectl
    done = subprocess.run([binary, *args, "--request-timeout=1s"], capture_output=True, text=True, env=env,
                          cwd=env["HOME"], stdin=subprocess.DEVNULL, timeout=30)  # (where a `--kubeconfig` it writes goes)
    said = done.stdout + done.stderr
    return any(mark in said for mark in ("unknown flag", "unknown shorthand flag", "unknown command"))


def test_the_real_kubectl_rejects_exactly_what_flashgen_says_it_rejects(kubectl) -> None:
    for line, rejected, _ in CASES:
        if "--help" in line:
            continue
        [args] = list(_invocations(line))
        assert _rejected_by(kubectl, args) == rejected == bool(check(args)), line


def test_the_shipped_reference_is_what_kubectl_says_of_its_commands(kubectl) -> None:
    """The flags of a few commands, as the kubectl on this machine lists them, are those the check knows (the
    reference also holds the deprecated flags kubectl hides from its help but takes)."""
    binary, env = kubectl
    reference = json.loads(REFERENCE_FILE.read_text(encoding="utf-8"))
    for path in ("get", "create deployment", "config use-context", "rollout status", "drain"):
        text = subprocess.run([binary, *path.split(), "--help"], capture_output=True, text=True, env=env,
                              timeout=30).stdout
        flags, shorts = _options(text)
        known = reference["commands"][path]
        assert {name: takes for name, takes in known["flags"].items() if name in flags} == flags, path
        assert known["shorts"] == shorts, path
