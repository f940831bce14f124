"""Partial-object matching: ignored fields, lists, operators and field paths in messages."""

from flashgen.kube.fieldpath import format_path, get_path, parse_path
from flashgen.labs.match import compare, match, validate_pattern

JOB = {
    "apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "backup", "annotations": {"a.b/c": "2"}},
    "spec": {"backoffLimit": 6, "template": {"spec": {"restartPolicy": "Always",
             "containers": [{"name": "b", "image": "busybox", "ports": [{"containerPort": 80}]}]}}},
}


def test_fields_not_named_are_ignored():
    assert match({"kind": "Job", "spec": {"backoffLimit": 6}}, JOB) == []


def test_a_wrong_field_names_its_path_expected_and_found():
    [m] = match({"spec": {"template": {"spec": {"restartPolicy": "OnFailure"}}}}, JOB)
    assert (m.path, m.expected, m.found) == ("spec.template.spec.restartPolicy", "OnFailure", "Always")


def test_a_missing_field_is_reported():
    [m] = match({"spec": {"completions": 1}}, JOB)
    assert m.path == "spec.completions" and "not set" in m.found


def test_lists_match_element_wise_and_by_length():
    assert match({"spec": {"template": {"spec": {"containers": [{"image": "busybox"}]}}}}, JOB) == []
    [m] = match({"spec": {"template": {"spec": {"containers": [{"image": "nginx"}]}}}}, JOB)
    assert m.path == "spec.template.spec.containers[0].image"
    [m] = match({"spec": {"template": {"spec": {"containers": [{}, {}]}}}}, JOB)
    assert "2 item(s)" in m.expected


def test_contains_and_any():
    containers = {"spec": {"template": {"spec": {"containers": {"$contains": [{"ports": {"$contains": [{"containerPort": 80}]}}]}}}}}
    assert match(containers, JOB) == []
    missing = {"spec": {"template": {"spec": {"containers": {"$contains": [{"name": "x"}]}}}}}
    assert len(match(missing, JOB)) == 1
    assert match({"spec": {"template": {"spec": {"containers": {"$any": {"image": {"$regex": "^busy"}}}}}}}, JOB) == []


def test_operators():
    policy = {"spec": {"template": {"spec": {"restartPolicy": {"$in": ["OnFailure", "Never"]}}}}}
    [m] = match(policy, JOB)
    assert m.expected == "one of [OnFailure, Never]" and m.found == "Always"
    assert match({"spec": {"backoffLimit": {"$gte": 6, "$lt": 7}}}, JOB) == []
    assert match({"spec": {"backoffLimit": {"$between": [0, 5]}}}, JOB) != []
    assert match({"spec": {"suspend": {"$exists": False}}}, JOB) == []
    assert match({"metadata": {"name": {"$ne": "backup"}}}, JOB) != []
    assert match({"spec": {"template": {"spec": {"containers": {"$len": 1}}}}}, JOB) == []


def test_scalars_do_not_confuse_types():
    assert match({"x": True}, {"x": 1}) != []
    assert match({"x": 3}, {"x": 3.0}) == []
    assert match({"x": "3"}, {"x": 3}) != []


def test_numeric_strings_compare_as_numbers():
    assert compare("2", ">=", 2) and not compare("1", ">=", 2) and compare("abc", "==", "abc")
    assert not compare(None, ">=", 1)


def test_paths_round_trip_with_quoted_keys():
    path = ("metadata", "annotations", "deployment.kubernetes.io/revision")
    text = format_path(path)
    assert text == 'metadata.annotations["deployment.kubernetes.io/revision"]'
    assert parse_path(text) == path
    assert parse_path("spec.containers[0].image") == ("spec", "containers", 0, "image")
    assert get_path(JOB, parse_path('metadata.annotations["a.b/c"]')) == "2"


def test_bad_patterns_are_found():
    problems = validate_pattern({"spec": {"x": {"$inn": [1]}, "y": {"$between": [1]}}})
    assert [p for p, _ in problems] == [("spec", "x", "$inn"), ("spec", "y", "$between")]
