"""Bad input: each problem is reported with file and line, the rest of the vault still builds,
nothing in the notes folder is touched, and outputs are never half written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from flashgen.build.pipeline import build
from tests.conftest import write_note


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def bad_vault(tmp_path: Path) -> Path:
    vault = tmp_path / "vault"
    write_note(vault, "good.md", "# 좋은 노트\n- etcd - 저장소\n")
    write_note(vault, "empty.md", "")
    (vault / "latin1.md").write_bytes("# 카드\n- term - def\n- caf\xe9 - bad\n".encode("utf-8")[:0]
                                      + b"# title\n- term - definition\n- caf\xe9 - bad byte\n")
    write_note(vault, "frontmatter.md", "---\ntags: [a, b\nbad: : yaml\n---\n- term - 정의\n")
    write_note(vault, "fence.md", "# 코드\n- before - 앞\n```yaml\nkind: Pod\n")
    write_note(vault, "links.md", "# 링크\n[[없는 노트]]\n![[없는 그림.png]]\n![[../../etc/passwd]]\n")
    write_note(vault, "loop-a.md", "# A\n![[loop-b]]\n")
    write_note(vault, "loop-b.md", "# B\n![[loop-a]]\n")
    (vault / "huge.md").write_bytes(b"x" * (6 * 1024 * 1024))
    return vault


def test_every_problem_is_named_with_file_and_line(bad_vault: Path, tmp_path: Path) -> None:
    result = build(bad_vault, tmp_path / "out", site=False)
    found = {(d.path, d.line, d.code) for d in result.diagnostics}
    assert ("empty.md", 0, "empty") in found
    assert ("latin1.md", 3, "encoding") in found
    assert ("frontmatter.md", 3, "frontmatter") in found  # where YAML finds the unclosed list
    assert ("fence.md", 3, "unclosed-fence") in found
    assert ("links.md", 2, "broken-link") in found
    assert ("links.md", 3, "missing-image") in found
    assert ("links.md", 4, "outside-vault") in found
    assert ("huge.md", 0, "too-large") in found
    assert {(d.path, d.code) for d in result.diagnostics if d.code == "embed-loop"} == {
        ("loop-a.md", "embed-loop"), ("loop-b.md", "embed-loop")}
    assert not result.errors
    fronts = {c for c in result.cards_by_rule}
    assert "definition" in fronts and result.deck_path.exists()
    assert result.notes == 8  # the oversized note is skipped, the rest builds


def test_the_rest_of_the_vault_still_gives_cards(bad_vault: Path, tmp_path: Path) -> None:
    from flashgen.cards import extract_cards
    from flashgen.vault.parse import parse_vault

    cards = extract_cards(parse_vault(bad_vault))
    fronts = {(c.note_path, c.front) for c in cards}
    assert ("good.md", "etcd") in fronts
    assert ("latin1.md", "term") in fronts
    assert ("frontmatter.md", "term") in fronts
    assert ("fence.md", "before") in fronts


def test_nothing_outside_the_vault_is_read_or_copied(bad_vault: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for you")
    write_note(bad_vault, "sneaky.md", "- a - ![[../secret.png]]\n- b - ![](../secret.png)\n")
    out = tmp_path / "out"
    result = build(bad_vault, out, site=False)
    assert any(d.path == "sneaky.md" and d.code == "outside-vault" for d in result.diagnostics)
    for path in out.rglob("*"):
        if path.is_file() and path.suffix != ".apkg":
            assert b"not for you" not in path.read_bytes()
    import zipfile

    with zipfile.ZipFile(result.deck_path) as package:
        assert all(b"not for you" != package.read(name) for name in package.namelist())


def test_the_notes_folder_is_never_written(bad_vault: Path, tmp_path: Path) -> None:
    before = _snapshot(bad_vault)
    build(bad_vault, tmp_path / "out")
    assert _snapshot(bad_vault) == before
    refused = build(bad_vault, bad_vault / "build")
    assert refused.errors and refused.errors[0].code == "out-in-vault"
    assert _snapshot(bad_vault) == before


def test_a_failed_write_leaves_the_previous_package_whole(bad_vault: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    first = build(bad_vault, out, site=False).deck_path
    good = first.read_bytes()
    import zipfile

    def explode(self, name, *args, **kwargs):
        self.fp.write(b"half a zip")
        raise OSError("disk full")

    monkeypatch.setattr(zipfile.ZipFile, "write", explode)
    write_note(bad_vault, "good.md", "# 좋은 노트\n- etcd - 바뀐 저장소\n")
    with pytest.raises(OSError, match="disk full"):
        build(bad_vault, out, site=False)
    assert first.read_bytes() == good
    assert not [p for p in out.rglob("*.tmp")] and not [p for p in out.rglob(".collection-*")]


def test_broken_settings_are_reported_and_defaults_used(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    write_note(vault, "n.md", "- a - b\n")
    (tmp_path / "flashgen.toml").write_text("deck = [unclosed\n", encoding="utf-8")
    result = build(vault, tmp_path / "out", site=False)
    assert any(d.path == "flashgen.toml" and d.code == "config" for d in result.errors)
    assert result.deck_path is not None and result.deck_path.name == "vault.apkg"
