"""`flashgen verify LAB` without --sim, through kube.RealCluster and the `kubernetes` client, against the served
simulated cluster: it passes and fails exactly as with --sim."""

from __future__ import annotations

import json

import pytest
import yaml
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


def test_a_rejected_manifest_reaches_the_learner_through_the_real_client(api, tmp_path):
    job = tmp_path / "job.yaml"
    job.write_text("apiVersion: batch/v1\nkind: Job\nmetadata: {name: backup}\nspec:\n  template:\n    spec:\n"
                   "      restartPolicy: Always\n      containers: [{name: b, image: busybox}]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "lab6-6", "-f", str(job), "--timeout", "1"],
                                env={"KUBECONFIG": str(api.kubeconfig)}, catch_exceptions=False)
    assert result.exit_code == 1
    assert "rejected Job default/backup" in result.output and "restartPolicy" in result.output


def test_the_contexts_namespace_is_used_like_kubectl_does(api):
    config = api.kubeconfig
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["contexts"][0]["context"]["namespace"] = "team"
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    api.call(lambda rt: rt.sim.apply({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team"}}))
    code, result = _verify(["lab6-6", "--solution", "--timeout", "60"], {"KUBECONFIG": str(config)})
    assert code == 0 and result["namespace"] == "team"
    jobs = api.call(lambda rt: [(j["metadata"]["namespace"], j["metadata"]["name"])
                                for j in rt.sim.list("batch/v1", "Job", None)])
    assert jobs and all(namespace == "team" for namespace, _ in jobs)
