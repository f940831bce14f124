"""The policy labs (Ingress, scheduling, RBAC, resources) fail on a wrong-but-plausible manifest with a message
that teaches what is wrong (their solutions pass in tests/labs/test_verify_sim.py)."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from flashgen.cli import main
from flashgen.labs import find_lab


def _verify(tmp_path, lab: str, manifests: list[dict]) -> dict:
    path = tmp_path / f"{lab}.yaml"
    path.write_text(yaml.safe_dump_all(manifests, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", lab, "--sim", "-f", str(path), "--json"], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert not data["passed"]
    return {c["name"]: c for c in data["checks"]}


def _solution(lab: str) -> list[dict]:
    return [json.loads(json.dumps(m)) for step in find_lab(lab).solution for m in step.manifests]


def _found(check: dict) -> str:
    return " | ".join(f["found"] for f in check["findings"])


def test_an_ingress_without_its_class_and_with_exact_paths(tmp_path) -> None:
    """lab8: the Ingress names no class (no controller serves it) and uses pathType Exact (/green/cart is not
    routed)."""
    manifests = _solution("lab8")
    ingress = manifests[-1]
    del ingress["spec"]["ingressClassName"]
    for path in ingress["spec"]["rules"][0]["http"]["paths"]:
        path["pathType"] = "Exact"
    checks = _verify(tmp_path, "lab8", manifests)
    assert "no IngressClass is the default (set spec.ingressClassName" in \
        _found(checks["http://shop.example.com/blue reaches blue-svc"])
    cart = checks["http://shop.example.com/green/cart reaches green-svc"]
    assert "no rule matches it" in _found(cart) and "/green (Exact)" in _found(cart)
    assert "7 서비스" in cart["hint"]


def test_three_spread_replicas_on_two_workers_and_a_pod_without_its_toleration(tmp_path) -> None:
    """lab12: three cache replicas with required anti-affinity on two workers, and the monitor pod without the
    toleration for the control-plane taint: the FailedScheduling messages say why."""
    manifests = _solution("lab12")
    manifests[0]["spec"]["replicas"] = 3
    del manifests[2]["spec"]["tolerations"]
    checks = _verify(tmp_path, "lab12", manifests)
    assert "2 node(s) didn't match pod anti-affinity rules" in \
        _found(checks["the cache pods are scheduled, each on its own node"])
    assert "1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's " \
        "node affinity/selector" in _found(checks["monitor runs on the control-plane node"])


def test_a_rolebinding_that_names_a_clusterrole_instead_of_the_role(tmp_path) -> None:
    """lab13: the RoleBinding's roleRef says kind ClusterRole for the Role pod-manager, so RBAC finds no role."""
    manifests = _solution("lab13")
    manifests[-1]["roleRef"]["kind"] = "ClusterRole"
    checks = _verify(tmp_path, "lab13", manifests)
    found = _found(checks["jane may list pods in dev"])
    assert 'no (RBAC: clusterrole.rbac.authorization.k8s.io "pod-manager" not found)' in found
    assert checks["jane may not list pods in default (a Role is namespaced)"]["passed"]


@pytest.mark.parametrize("cpu,expected", [
    ("500m", "exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=1, limited: requests.cpu=1"),
    (None, "must specify"),
])
def test_requests_that_do_not_fit_the_quota(tmp_path, cpu, expected) -> None:
    """lab14: 3 x 500m of CPU does not fit a quota of 1 CPU (the third pod is refused); without the LimitRange a
    pod stating no requests is refused by the quota."""
    manifests = _solution("lab14")
    resources = manifests[-1]["spec"]["template"]["spec"]["containers"][0]["resources"]
    if cpu:
        resources["requests"]["cpu"] = cpu
    else:
        del manifests[-1]["spec"]["template"]["spec"]["containers"][0]["resources"]
        manifests = [m for m in manifests if m["kind"] != "LimitRange"]
    checks = _verify(tmp_path, "lab14", manifests)
    found = _found(checks["every api pod was admitted by the quota"])
    assert found.startswith('FailedCreate: unable to create pods: pods "api-')
    assert expected in found
