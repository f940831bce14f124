"""Hostile YAML: impossible dates, huge integers, alias bombs, self-referring aliases and deep nesting in
frontmatter, note manifests, lab files and `-f` files are each reported with file and line; nothing hangs,
crashes or eats memory, and the rest of the work goes on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flashgen.yamlsafe import MAX_ALIAS_VALUES, YamlError, load_documents, safe_load, safe_load_all
from tests.conftest import write_note

BOMB = "".join(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9 if i else ['"lol"'] * 9) + "]\n"
               for i in range(9))  # 9^9 values from about 400 bytes
MANIFEST = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  x: y\n"


@pytest.mark.parametrize("text, line, words", [
    ("created: 2024-02-30\n", 1, "day is out of range"),
    ("a: 1\nn: " + "9" * 5000 + "\n", 2, "4300 digits"),
    ("x: 1\n" + BOMB, 7, "alias bomb"),
    ("a: &a [1, *a]\n", 1, "refers to the value that holds it"),
    ("[" * 100_000 + "]" * 100_000, 1, "nested more than"),  # libyaml's composer overflows the C stack on this
    ("- " * 5000 + "x\n", 1, "nested more than"),
    ("x: !!python/object/apply:os.system ['true']\n", 1, "could not determine a constructor"),
], ids=["impossible-date", "huge-integer", "alias-bomb", "self-alias", "deep-flow", "deep-block", "python-tag"])
def test_every_loader_failure_is_a_yaml_error_with_its_line(text: str, line: int, words: str) -> None:
    for read in (safe_load, safe_load_all, load_documents):
        with pytest.raises(YamlError) as caught:
            read(text)
        assert caught.value.line == line and words in caught.value.message


def test_aliases_within_the_cap_and_merge_keys_still_load() -> None:
    text = "base: &b {app: web, tier: front}\nuse: *b\nmerged: {<<: *b, tier: back}\nlist: [*b, *b]\n"
    assert safe_load(text)["merged"] == {"app": "web", "tier": "back"}
    wide = "x: &x [" + ",".join(["1"] * 1000) + "]\n" + "".join(f"y{i}: *x\n" for i in MAX_ALIAS_VALUES // 2000 * [0])
    assert len(safe_load(wide)) == 2


def _hostile_vault(tmp_path: Path) -> Path:
    vault = tmp_path / "vault"
    write_note(vault, "date.md", "---\ncreated: 2024-02-30\n---\n# 날짜\n- etcd - 저장소\n")
    write_note(vault, "bigint.md", "---\ntitle: t\nn: " + "9" * 5000 + "\n---\n- pod - 파드\n")
    write_note(vault, "bomb.md", "---\n" + BOMB + "---\n- node - 노드\n")
    write_note(vault, "self.md", "---\nx: &x [*x]\n---\n- svc - 서비스\n")
    write_note(vault, "manifests.md", "# 매니페스트\n- rs - 레플리카셋\n\n```yaml\n" + MANIFEST + "n: " + "9" * 5000
               + "\n```\n\n```yaml\n" + MANIFEST + BOMB + "```\n\n```yaml\n" + MANIFEST + "when: 2024-13-01\n```\n")
    return vault


def test_a_build_reports_each_and_builds_the_rest(tmp_path: Path) -> None:
    vault = _hostile_vault(tmp_path)
    out = tmp_path / "out"
    # in a process of its own, bounded: before the loader was made safe this hung and ate memory
    done = subprocess.run([sys.executable, "-m", "flashgen", "build", "--notes", str(vault), "--out", str(out),
                           "--no-site"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = {(d["file"], d["line"], d["code"]): d["message"]
             for d in json.loads((out / "report.json").read_text(encoding="utf-8"))["diagnostics"]}
    assert "day is out of range" in found[("date.md", 2, "frontmatter")]
    assert "4300 digits" in found[("bigint.md", 3, "frontmatter")]
    assert "alias bomb" in found[("bomb.md", 7, "frontmatter")]
    assert "refers to the value" in found[("self.md", 2, "frontmatter")]
    assert "4300 digits" in found[("manifests.md", 11, "manifest-yaml")]
    assert "alias bomb" in found[("manifests.md", 26, "manifest-yaml")]
    assert "month must be in 1..12" in found[("manifests.md", 39, "manifest-yaml")]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["notes"] == 5 and report["anki"]["notes_by_kind"]["basic"] >= 5  # every note still gives its card


def test_sim_apply_and_verify_name_the_file_and_line(tmp_path: Path) -> None:
    env_state = str(tmp_path / "state.json")
    for body, line, words in ((MANIFEST + BOMB, 12, "alias bomb"), (MANIFEST + "d: 2024-02-30\n", 7, "out of range"),
                              ("apiVersion: v1\nkind: List\nitems:\n- " + MANIFEST.replace("\n", "\n  ")
                               + "\n- 7\n", 11, "must be a mapping")):
        manifest = tmp_path / "m.yaml"
        manifest.write_text(body, encoding="utf-8")
        for args in (["sim", "--state", env_state, "apply", "-f", str(manifest)],
                     ["verify", "lab6-6", "--sim", "-f", str(manifest)]):
            done = subprocess.run([sys.executable, "-m", "flashgen", *args], capture_output=True, text=True,
                                  timeout=120)
            assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
            assert f"{manifest}:{line}" in done.stdout + done.stderr and words in done.stdout + done.stderr


def test_a_lab_file_with_an_impossible_date_is_reported_with_its_line(tmp_path: Path) -> None:
    from flashgen.labs import LabError, load_lab

    lab = tmp_path / "lab9.yaml"
    lab.write_text("id: lab9\ntitle: t\nnote: n\nheading: h\nwhen: 2024-02-30\n", encoding="utf-8")
    with pytest.raises(LabError) as caught:
        load_lab(lab)
    assert caught.value.line == 5 and "out of range" in caught.value.message
