"""The probe lab on the simulated cluster with a second plausible mistake (the first of each lab is in
tests/labs/test_wrong_attempts.py, and the reference solutions pass in tests/labs/test_verify_sim.py)."""

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


def test_probes_lab_catches_a_liveness_probe_on_the_wrong_port() -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-tcp-liveness-probe
    a liveness probe that cannot connect gets the container killed and restarted."""
    code, data, text = _verify("lab-probes", "lab-probes-wrong-port.yaml")
    assert code == 1
    failed = {c["name"] for c in data["checks"] if not c["passed"]}
    assert "all 3 pods are ready and were never restarted by their liveness probe" in failed
    assert "connection refused" in text
