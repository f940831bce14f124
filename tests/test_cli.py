"""The `flashgen` command as a user runs it: exit codes, summary, --strict, and a light --help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import write_note


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flashgen", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_build_prints_a_summary_and_exits_0_with_warnings(seed_vault: Path, tmp_path: Path) -> None:
    done = run("build", "--notes", str(seed_vault), "--out", str(tmp_path / "out"), "--no-site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "notes: 1" in done.stdout and "cards:" in done.stdout and "basic" in done.stdout
    assert "쿠버네티스 학습 과정.md:15: warning: missing image" in done.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["notes"] == 1 and report["cards"]["basic"] > 10
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


def test_missing_notes_folder_is_an_error_without_traceback(tmp_path: Path) -> None:
    done = run("build", "--notes", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 1
    assert "notes folder not found" in done.stderr and "Traceback" not in done.stderr


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
