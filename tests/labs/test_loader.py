"""Lab files: the shipped labs load, and broken ones give file:line messages, never a traceback."""

import subprocess
import sys
import textwrap
from pathlib import Path

import kubernetes_validate
import pytest

from flashgen.labs import LabError, find_lab, load_lab, load_labs, load_manifest_file

REQUIRED = {"lab3", "lab5", "lab6-2", "lab6-3", "lab6-4", "lab6-5", "lab6-6", "lab6-7", "lab7", "lab7-2"}
NOTE = Path(__file__).resolve().parents[2] / "notes" / "쿠버네티스 학습 과정.md"


def test_the_course_labs_load_in_order():
    labs = load_labs()
    ids = [lab.id for lab in labs]
    assert REQUIRED <= set(ids)
    assert ids.index("lab6-2") < ids.index("lab6-3") < ids.index("lab7") < ids.index("lab7-2")


def test_every_lab_points_at_a_section_of_its_note():
    from flashgen.vault.parse import parse_vault

    vault = parse_vault(NOTE.parent)
    titles = {}
    for note in vault.notes:
        titles[note.path.rsplit("/", 1)[-1].removesuffix(".md")] = {
            s.title for top in note.sections() for s in top.walk()}
    for lab in load_labs():
        # a lab of a chapter the notes do not have yet (lab-configmap ...) names no note
        if lab.note:
            assert lab.heading in titles[lab.note], f"{lab.id}: no section {lab.heading!r} in note {lab.note!r}"
        else:
            assert lab.id.startswith("lab-") and not lab.heading
        assert lab.task_ko and lab.task_en and lab.hints


def test_every_reference_solution_passes_the_strict_schema():
    for lab in load_labs():
        for step in lab.solution:
            for manifest in step.manifests:
                kubernetes_validate.validate(manifest, "1.33", strict=True)


def test_the_deployment_lab_solution_has_two_steps():
    lab = find_lab("6-3")
    assert len(lab.solution) == 2
    images = [s.manifests[0]["spec"]["template"]["spec"]["containers"][0]["image"] for s in lab.solution]
    assert images[0] != images[1]
    assert lab.solution[0].wait_for[0].condition == "rollout-complete"


def test_unknown_lab_suggests_a_close_id():
    with pytest.raises(LookupError, match="did you mean 'lab6-6'"):
        find_lab("lab6-66")


GOOD = """\
id: lab9
title: t
note: n
heading: h
task: {ko: 한국어, en: English}
solution:
  - manifests:
      - {apiVersion: v1, kind: Namespace, metadata: {name: x}}
checks:
  - condition: count
    args: {apiVersion: v1, kind: Namespace, min: 1}
"""


def write(tmp_path, text, name="lab9.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_good_minimal_lab_loads(tmp_path):
    lab = load_lab(write(tmp_path, GOOD))
    assert lab.id == "lab9" and lab.checks[0].name == "count" and lab.timeout == 60


@pytest.mark.parametrize("old, new, line, words", [
    ("    args: {apiVersion: v1, kind: Namespace, min: 1}", "    args: {apiVersion: v1, kind: Namespace, mni: 1}", 11, "unknown key 'mni'"),
    ("  - condition: count", "  - condition: cuont", 10, "did you mean 'count'"),
    ("title: t\n", "titel: t\n", 2, "did you mean 'title'"),
    ("task: {ko: 한국어, en: English}", "task: {ko: 한국어}", 5, "task.en"),
    ("      - {apiVersion: v1, kind: Namespace, metadata: {name: x}}", "      - {apiVersion: v1, kind: Namespace, metadata: {}}", 8, "metadata.name"),
    ("id: lab9", "id: lab9x", 1, "must look like"),
    ("    args: {apiVersion: v1, kind: Namespace, min: 1}", "    args: {apiVersion: v1, kind: Namespace, min: one}", 11, "must be int"),
    ("  - condition: count\n    args: {apiVersion: v1, kind: Namespace, min: 1}",
     "  - assert: {apiVersion: v1, kind: Namespace, spec: {x: {$gte: many}}}", 10, "$gte needs a number"),
    ("heading: h\n", "heading: h\n  oops: [\n", 5, "invalid YAML"),
])
def test_broken_lab_files_name_file_and_line(tmp_path, old, new, line, words):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(LabError) as caught:
        load_lab(path)
    assert caught.value.path == str(path)
    assert words in caught.value.message
    if line:
        assert caught.value.line == line, str(caught.value)


def test_id_must_match_the_file_name(tmp_path):
    with pytest.raises(LabError, match="does not match the file name"):
        load_lab(write(tmp_path, GOOD, name="lab8.yaml"))


def test_a_broken_lab_makes_the_cli_exit_2_without_traceback(tmp_path):
    write(tmp_path, GOOD.replace("checks:", "chekcs:"))
    run = subprocess.run([sys.executable, "-m", "flashgen", "labs", "--labs-dir", str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "lab9.yaml:9: unknown key 'chekcs'" in run.stderr
    assert "Traceback" not in run.stderr


def test_the_labs_command_lists_id_title_and_section():
    run = subprocess.run([sys.executable, "-m", "flashgen", "labs", "--json"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    import json
    listed = {lab["id"]: lab for lab in json.loads(run.stdout)}
    assert listed["lab6-6"]["heading"] == "6-6. job controller"
    assert listed["lab6-6"]["note"] == "쿠버네티스 학습 과정"


def test_user_manifest_files_are_checked_with_lines(tmp_path):
    good = write(tmp_path, "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n"
                           "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n", name="ns.yaml")
    assert [o["metadata"]["name"] for o in load_manifest_file(good)] == ["a", "b"]
    bad = write(tmp_path, "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nmetadata: {name: b}\n",
                name="bad.yaml")
    with pytest.raises(LabError) as caught:
        load_manifest_file(bad)
    assert caught.value.line == 5 and "kind" in caught.value.message


def test_the_lab_format_readme_documents_every_condition_and_operator():
    from flashgen.labs.conditions import CONDITIONS
    from flashgen.labs.match import OPERATORS

    readme = (NOTE.parents[1] / "labs" / "README.md").read_text(encoding="utf-8")
    for name in CONDITIONS:
        assert f"`{name}`" in readme, name
    for op in OPERATORS:
        assert f"`{op}" in readme, op
