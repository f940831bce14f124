"""A build whose inputs and outputs are untouched writes nothing; any change rebuilds."""

from __future__ import annotations

from pathlib import Path

from flashgen.build.pipeline import build
from tests.conftest import SEED_NOTE
from tests.test_cli import run


def _snapshot(out: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(out)): (p.stat().st_size, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}


def test_nothing_changed_writes_nothing(seed_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(seed_vault, out)
    before = _snapshot(out)
    again = build(seed_vault, out)
    assert again.unchanged and not first.unchanged
    assert _snapshot(out) == before
    assert (again.notes, again.cards_by_kind, again.labs) == (first.notes, first.cards_by_kind, first.labs)
    assert [str(d) for d in again.diagnostics] == [str(d) for d in first.diagnostics]


def test_an_edited_note_or_a_damaged_output_rebuilds(seed_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(seed_vault, out)
    note = seed_vault / SEED_NOTE
    note.write_text(note.read_text(encoding="utf-8") + "\n새 카드::새 답\n", encoding="utf-8")
    edited = build(seed_vault, out)
    assert not edited.unchanged and edited.cards_by_rule["explicit"] == 1
    (out / "site" / "index.html").unlink()
    repaired = build(seed_vault, out)
    assert not repaired.unchanged and (out / "site" / "index.html").exists()
    assert build(seed_vault, out).unchanged
    decks_only = build(seed_vault, out, site=False)
    assert not decks_only.unchanged  # other options, another build


def test_the_command_says_when_nothing_changed(seed_vault: Path, tmp_path: Path) -> None:
    args = ("build", "--notes", str(seed_vault), "--out", str(tmp_path / "out"))
    assert "nothing changed" not in run(*args, cwd=tmp_path).stdout
    second = run(*args, cwd=tmp_path)
    assert second.returncode == 0 and "nothing changed since the last build" in second.stdout
    assert "쿠버네티스 학습 과정.md:15: warning: missing image" in second.stderr
    assert run(*args, "--strict", cwd=tmp_path).returncode == 1


def test_the_setup_key_covers_all_of_flashgens_code_but_not_its_compiled_files(monkeypatch) -> None:
    """An upgrade that changes any of flashgen's modules (the site's, the cards' …) starts from nothing; a module's
    compiled file, written when it is first loaded during a build, does not."""
    import flashgen
    from flashgen.build import state

    package = Path(flashgen.__file__).resolve().parent
    listed = {"site/builder.py": (100, 1), "site/__pycache__/builder.cpython-311.pyc": (50, 1)}
    monkeypatch.setattr(state, "_stat_tree", lambda root, skip_dot=True: sorted(
        (rel, *stat) for rel, stat in listed.items()) if Path(root) == package else [])
    before = state.setup_key([], "flags")
    listed["site/__pycache__/builder.cpython-311.pyc"] = (60, 2)
    assert state.setup_key([], "flags") == before
    listed["site/builder.py"] = (101, 2)
    assert state.setup_key([], "flags") != before
