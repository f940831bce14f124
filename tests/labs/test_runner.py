"""The verifier: steps in order, polling until checks pass or time runs out, rejected manifests, reports."""

import json

from rich.console import Console

from flashgen.labs import find_lab, verify
from flashgen.labs.model import Check, Step
from flashgen.labs.report import print_checklist, to_json
from flashgen.labs.runner import poll


class Refused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.code, self.reason, self.message = 422, "Invalid", message


def test_polling_waits_on_the_cluster_clock_until_the_timeout(cluster_from):
    cluster = cluster_from("")
    check = Check("job", condition="job-complete", args={"name": "backup"})
    [result] = poll([check], cluster, "default", timeout=10, interval=2)
    assert not result.passed
    assert cluster.waited == 10


def test_polling_stops_as_soon_as_checks_pass(cluster_from):
    cluster = cluster_from("apiVersion: v1\nkind: Namespace\nmetadata: {name: study}\n")
    check = Check("ns", pattern={"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "study"}})
    assert poll([check], cluster, "default", timeout=10)[0].passed
    assert cluster.waited == 0


def test_solution_steps_are_applied_in_order_and_checked(cluster_from):
    cluster = cluster_from("")
    lab = find_lab("lab3")
    settled = []
    result = verify(lab, cluster, steps=lab.solution, timeout=4, settle=settled.append)
    assert settled == [cluster]
    assert cluster.objects[0]["metadata"]["name"] == "study"
    # the fixture cluster does not set status.phase, so the Active check fails with its field path
    failed = [c for c in result.checks if not c.passed]
    assert [f.path for f in failed[0].findings] == ["status.phase"]
    assert "3 쿠버네티스 네임스페이스" in failed[0].hint
    assert result.checks[1].passed and not result.passed


def test_a_rejected_manifest_is_a_failed_result_with_the_api_message(cluster_from):
    cluster = cluster_from("")

    def refuse(manifest, namespace=None):
        raise Refused('Job.batch "backup" is invalid: spec.template.spec.restartPolicy: Required value: '
                      'valid values: "OnFailure", "Never"')

    cluster.apply = refuse
    lab = find_lab("lab6-6")
    step = Step("mine", (lab.solution[0].manifests[0],), source="job.yaml")
    result = verify(lab, cluster, steps=[step], rejected=(Refused,))
    [check] = result.checks
    assert not check.passed and not result.passed
    assert "job.yaml, document 1" in check.error and "restartPolicy" in check.error
    assert "6-6. job controller" in check.hint


def test_reports_show_expected_found_and_where(cluster_from):
    lab = find_lab("lab6-6")
    cluster = cluster_from("apiVersion: batch/v1\nkind: Job\nmetadata: {name: backup, namespace: default}\n"
                           "spec: {template: {spec: {restartPolicy: Always}}}\n")
    result = verify(lab, cluster, timeout=0)
    console = Console(record=True, width=200)
    print_checklist(result, console)
    text = console.export_text()
    assert "✗ the job's pods restart only on failure" in text
    assert "spec.template.spec.restartPolicy" in text and "expected: one of [OnFailure, Never]" in text
    assert "found:    Always" in text
    data = json.loads(to_json(result))
    assert data["passed"] is False and data["heading"] == "6-6. job controller"
    assert data["checks"][0]["findings"][0]["path"] == "spec.template.spec.restartPolicy"


def test_progress_is_reported_while_waiting(cluster_from):
    cluster = cluster_from("")
    seen = []
    check = Check("job", condition="job-complete", args={"name": "backup"})
    poll([check], cluster, "default", timeout=6, interval=2, progress=lambda results, left: seen.append(left))
    assert seen == [6, 4, 2]
