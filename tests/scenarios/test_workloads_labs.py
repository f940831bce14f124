"""The ConfigMap, Secret and probe labs on the simulated cluster: a plausible mistake fails with a message
that teaches what went wrong (their reference solutions pass in tests/labs/test_verify_sim.py)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from flashgen.cli import main

from .workloads_kit import FIXTURES


def _verify(lab: str, fixture: str) -> tuple[int, dict, str]:
    path = str(FIXTURES / fixture)
    data = CliRunner().invoke(main, ["verify", lab, "--sim", "-f", path, "--json"], catch_exceptions=False)
    text = CliRunner().invoke(main, ["verify", lab, "--sim", "-f", path], catch_exceptions=False)
    return data.exit_code, json.loads(data.output), text.output


def test_configmap_lab_names_the_missing_key() -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#define-container-environment-variables-using-configmap-data
    a key is referred to by its exact name; a missing one keeps the container from starting."""
    code, data, text = _verify("lab-configmap", "lab-configmap-wrong-key.yaml")
    assert code == 1 and not data["passed"]
    failed = {c["name"] for c in data["checks"] if not c["passed"]}
    assert failed == {"config-demo takes APP_COLOR from the ConfigMap's key",
                      "the container has started (its configuration could be built)"}
    assert "CreateContainerConfigError" in text
    assert "couldn't find key app_color in ConfigMap default/app-config" in text


def test_secret_lab_explains_a_secret_read_as_a_configmap() -> None:
    """https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/#define-container-environment-variables-using-secret-data
    env from a Secret uses secretKeyRef; a configMapKeyRef looks for a ConfigMap of that name."""
    code, data, text = _verify("lab-secret", "lab-secret-as-configmap.yaml")
    assert code == 1
    assert 'configmap "db-credentials" not found' in text
    assert "secretKeyRef" in text


def test_probes_lab_shows_a_readiness_probe_that_never_passes() -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes
    pods whose readiness probe fails stay out of the Service and the rollout never completes."""
    code, data, text = _verify("lab-probes", "lab-probes-wrong-path.yaml")
    assert code == 1
    by_name = {c["name"]: c for c in data["checks"]}
    assert by_name["the pods have a readiness probe and a liveness probe"]["passed"]
    assert not by_name["the Deployment rolled out (all 3 pods ready)"]["passed"]
    assert "0 ready, 3 not ready" in text and "Unhealthy events" in text


def test_probes_lab_catches_a_liveness_probe_on_the_wrong_port() -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-tcp-liveness-probe
    a liveness probe that cannot connect gets the container killed and restarted."""
    code, data, text = _verify("lab-probes", "lab-probes-wrong-port.yaml")
    assert code == 1
    failed = {c["name"] for c in data["checks"] if not c["passed"]}
    assert "all 3 pods are ready and were never restarted by their liveness probe" in failed
    assert "connection refused" in text
