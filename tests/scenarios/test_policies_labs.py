"""More wrong-but-plausible attempts at the policy labs (one each is in tests/labs/test_wrong_attempts.py): each
fails on the check for the detail it misses, with a message that teaches it."""

from __future__ import annotations

import json

import yaml
from click.testing import CliRunner

from flashgen.cli import main
from flashgen.labs import find_lab


def _verify(tmp_path, lab: str, manifests: list[dict]) -> dict:
    path = tmp_path / f"{lab}.yaml"
    path.write_text(yaml.safe_dump_all(manifests, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", lab, "--sim", "--timeout", "10", "-f", str(path), "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert not data["passed"]
    return {c["name"]: c for c in data["checks"]}


def _solution(lab: str) -> list[dict]:
    return [json.loads(json.dumps(m)) for step in find_lab(lab).solution for m in step.manifests]


def _found(check: dict) -> str:
    return " | ".join(f["found"] for f in check["findings"])


def test_exact_paths_do_not_take_the_paths_below(tmp_path) -> None:
    """lab8 with pathType Exact: /green/cart matches no rule (a 404 from the controller's default backend); the
    check of the class fails too when the Ingress names none.
    https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types"""
    manifests = _solution("lab8")
    for path in manifests[-1]["spec"]["rules"][0]["http"]["paths"]:
        path["pathType"] = "Exact"
    del manifests[-1]["spec"]["ingressClassName"]
    checks = _verify(tmp_path, "lab8", manifests)
    assert not checks["shop belongs to the nginx IngressClass"]["passed"]
    cart = checks["http://shop.example.com/green/cart reaches green-svc"]
    assert "no rule matches it" in _found(cart) and "/green (Exact)" in _found(cart)
    assert "7 서비스" in cart["hint"] and checks["http://shop.example.com/blue reaches blue-svc"]["passed"]


def test_a_node_selector_without_the_toleration(tmp_path) -> None:
    """lab12 with the monitor pod's toleration left out: the control plane's taint keeps it Pending.
    https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/"""
    manifests = _solution("lab12")
    del manifests[-1]["spec"]["tolerations"]
    checks = _verify(tmp_path, "lab12", manifests)
    assert "1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's " \
        "node affinity/selector" in _found(checks["monitor runs on the control-plane node"])


def test_no_requests_and_no_limitrange_under_a_quota(tmp_path) -> None:
    """lab14 without the LimitRange and with no resources in the pod template: the quota refuses every pod.
    https://kubernetes.io/docs/concepts/policy/resource-quotas/#compute-resource-quota"""
    manifests = [m for m in _solution("lab14") if m["kind"] != "LimitRange"]
    del manifests[-1]["spec"]["template"]["spec"]["containers"][0]["resources"]
    checks = _verify(tmp_path, "lab14", manifests)
    found = _found(checks["every api pod was admitted by the quota"])
    assert 'is forbidden: failed quota: compute: must specify limits.cpu for: api; limits.memory for: api; ' \
        "requests.cpu for: api; requests.memory for: api" in found
