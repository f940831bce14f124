"""The `flashgen` command as a user runs it: exit codes, summary, --strict, and a light --help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_note


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flashgen", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_build_prints_a_summary_and_exits_0_with_warnings(seed_vault: Path, tmp_path: Path) -> None:
    done = run("build", "--notes", str(seed_vault), "--out", str(tmp_path / "out"), "--no-site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "vault: 1 note\n" in done.stdout and "anki: " in done.stdout and "basic: " in done.stdout
    assert "쿠버네티스 학습 과정.md:15: warning: missing image" in done.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["notes"] == 1 and report["anki"]["notes_by_kind"]["basic"] > 10
    assert any(d["line"] == 15 and d["code"] == "missing-image" for d in report["diagnostics"])


def test_strict_turns_warnings_into_failure(seed_vault: Path, tmp_path: Path) -> None:
    done = run("build", "--notes", str(seed_vault), "--out", str(tmp_path / "out"), "--no-site", "--strict",
               cwd=tmp_path)
    assert done.returncode == 1
    assert "--strict" in done.stdout


def test_clean_vault_passes_strict(tmp_path: Path) -> None:
    write_note(tmp_path / "v", "n.md", "# 파드\n- 파드 - 가장 작은 배포 단위\n")
    done = run("build", "--notes", str(tmp_path / "v"), "--out", str(tmp_path / "out"), "--no-site", "--strict",
               cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "warnings: 0, errors: 0" in done.stdout


def one_line_error(done: subprocess.CompletedProcess) -> str:
    """The single line a bad option or command gets (exit 2, nothing on stdout, no traceback)."""
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "" and done.stderr.count("\n") == 1 and done.stderr.startswith("error: "), done.stderr
    return done.stderr


def test_missing_notes_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = run("build", "--notes", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert "nope: no such notes folder" in one_line_error(done)
    assert not (tmp_path / "out").exists()  # checked before anything is written


def test_an_unusable_output_folder_is_one_line_and_exit_2(seed_vault: Path, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    for out, says in (("README.md", "README.md is a file, not a folder"),
                      ("README.md/x", "README.md is a file, not a folder (so README.md/x cannot be made)"),
                      ("/proc/flashgen-out", "cannot write into /proc/flashgen-out")):
        done = run("build", "--notes", str(seed_vault), "--out", out, cwd=tmp_path)
        assert says in one_line_error(done) and "--out" in done.stderr
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine\n"


def test_a_folder_that_refuses_writes_is_one_line(seed_vault: Path, tmp_path: Path) -> None:
    """`chattr +i` refuses writes even to root, as a read-only folder does to a user."""
    locked = tmp_path / "locked"
    locked.mkdir()
    if subprocess.run(["chattr", "+i", str(locked)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (not root, or the file system has no immutable flag)")
    try:
        done = run("build", "--notes", str(seed_vault), "--out", str(locked), cwd=tmp_path)
        assert f"cannot write into {locked}: operation not permitted" in one_line_error(done)
    finally:
        subprocess.run(["chattr", "-i", str(locked)], check=True)
    # a folder inside the output that refuses writes: the build stops with one line, not a traceback
    (locked / "anki").mkdir()
    subprocess.run(["chattr", "+i", str(locked / "anki")], check=True)
    try:
        done = run("build", "--notes", str(seed_vault), "--out", str(locked), "--no-site", cwd=tmp_path)
        assert f"cannot write {locked / 'anki'}" in done.stderr and "Traceback" not in done.stderr
        assert done.returncode == 2
    finally:
        subprocess.run(["chattr", "-i", str(locked / "anki")], check=True)


def test_typos_get_the_same_suggestions_everywhere(tmp_path: Path) -> None:
    assert "No such command 'verfy'. Did you mean 'verify'?" in one_line_error(run("verfy", cwd=tmp_path))
    assert "No such command 'gte'. Did you mean 'get'?" in one_line_error(run("sim", "gte", cwd=tmp_path))
    assert "No such option '--stirct'. Did you mean '--strict'?" in one_line_error(
        run("build", "--stirct", cwd=tmp_path))


def test_help_imports_no_heavy_library(tmp_path: Path) -> None:
    code = ("import sys; from click.testing import CliRunner; from flashgen.cli import main;"
            "r = CliRunner().invoke(main, ['--help']); assert r.exit_code == 0, r.output;"
            "heavy = [m for m in ('genanki', 'markdown_it', 'kubernetes', 'pygments', 'jinja2', 'yaml', 'rich',"
            " 'kubernetes_validate', 'anki') if m in sys.modules]; print(','.join(heavy)); print(r.output)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    heavy, _, output = done.stdout.partition("\n")
    assert heavy == ""
    for command in ("build", "verify", "labs", "sim", "serve", "lint"):
        assert command in output


HEAVY = ("markdown_it", "mdit_py_plugins", "genanki", "jinja2", "pygments", "yaml", "rich", "kubernetes",
         "kubernetes_validate", "multiprocessing", "sqlite3", "flashgen.vault.parse", "flashgen.cards",
         "flashgen.site", "flashgen.emit", "flashgen.labs")


def test_a_nothing_changed_build_answers_before_it_imports_anything_heavy(seed_vault: Path, tmp_path: Path) -> None:
    """The second build of an untouched vault gives the first's summary from its report, having looked only at
    the files' stamps: none of the libraries that read notes or write outputs is loaded (`-X importtime` lists
    every module the process imports)."""
    out = tmp_path / "out"
    first = run("build", "--notes", str(seed_vault), "--out", str(out), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = subprocess.run([sys.executable, "-X", "importtime", "-m", "flashgen", "build", "--notes", str(seed_vault),
                            "--out", str(out)], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 0, again.stderr
    assert "nothing changed since the last build" in again.stdout
    assert again.stdout.split("\n", 1)[1] == first.stdout  # the same summary
    imported = {line.rsplit("|", 1)[1].strip() for line in again.stderr.splitlines()
                if line.startswith("import time:")}
    assert "flashgen.build.pipeline" in imported  # (what it reads is listed)
    loaded = sorted(m for m in imported if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert loaded == []
    write_note(seed_vault, "새 노트.md", "# 새 노트\n- 서비스 - 파드 앞의 고정 주소\n")  # and a change is built
    changed = run("build", "--notes", str(seed_vault), "--out", str(out), cwd=tmp_path)
    assert "nothing changed" not in changed.stdout and "vault: 2 notes" in changed.stdout
