"""`flashgen verify LAB` without --sim, through kube.RealCluster and the `kubernetes` client, against the served
simulated cluster: it passes and fails exactly as with --sim."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from flashgen.cli import main


def _verify(args: list[str], env: dict[str, str] | None = None) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["verify", *args, "--json"], env=env or {}, catch_exceptions=False)
    return result.exit_code, json.loads(result.output)


@pytest.mark.parametrize("lab_id", ["lab6-6", "lab6-3", "lab7"])
def test_reference_solutions_pass_through_the_api(api, lab_id):
    code, data = _verify([lab_id, "--solution", "--timeout", "60"], {"KUBECONFIG": str(api.kubeconfig)})
    assert code == 0, json.dumps(data, ensure_ascii=False, indent=1)
    assert data["cluster"] == "context flashgen-sim"


def test_a_wrong_manifest_fails_the_same_check_as_under_sim(api, tmp_path):
    wrong = tmp_path / "job.yaml"
    wrong.write_text("apiVersion: batch/v1\nkind: Job\nmetadata: {name: backup}\nspec:\n  backoffLimit: 0\n"
                     "  template:\n    spec:\n      restartPolicy: Never\n"
                     "      containers: [{name: b, image: busybox, command: [sh, -c, 'exit 1']}]\n", encoding="utf-8")
    sim_code, sim_data = _verify(["lab6-6", "-f", str(wrong), "--sim", "--timeout", "30"])
    code, data = _verify(["lab6-6", "-f", str(wrong), "--timeout", "4"], {"KUBECONFIG": str(api.kubeconfig)})
    assert sim_code == code == 1

    def failing(d: dict) -> list:
        return sorted(json.dumps(c.get("name") or c, sort_keys=True) for c in d["checks"] if not c["passed"])
    assert failing(data) == failing(sim_data) and failing(data)
