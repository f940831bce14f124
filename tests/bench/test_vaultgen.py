"""The benchmark's vault generator: deterministic, nested, and shaped like the seed note."""

from __future__ import annotations

import re
import struct
import sys
import zlib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import vaultgen  # noqa: E402

FENCE = re.compile(r"^```yaml\n(.*?)^```", re.S | re.M)
EMBED = re.compile(r"!\[\[([^\]]+)\]\]")
LINK = re.compile(r"(?<!!)\[\[([^\]|#]+)(?:#([^\]|]+))?(?:\|[^\]]+)?\]\]")


def _read_all(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.md"))}


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> vaultgen.Vault:
    return vaultgen.generate(tmp_path_factory.mktemp("gen") / "notes", 60, seed=7)


def test_writes_n_notes_in_nested_folders(vault: vaultgen.Vault) -> None:
    files = _read_all(vault.root)
    assert len(files) == 60 == len(vault.notes)
    assert set(files) == set(vault.notes)
    assert any(name.count("/") >= 2 for name in files)
    assert len({name.split("/")[0] for name in files}) > 3


def test_same_seed_same_bytes_other_seed_other_text(tmp_path: Path, vault: vaultgen.Vault) -> None:
    again = vaultgen.generate(tmp_path / "again", 60, seed=7)
    other = vaultgen.generate(tmp_path / "other", 60, seed=8)
    assert _read_all(again.root) == _read_all(vault.root)
    assert sorted(p.name for p in again.root.glob("*.png")) == sorted(p.name for p in vault.root.glob("*.png"))
    assert _read_all(other.root) != _read_all(vault.root)


def test_notes_have_the_seed_notes_shapes(vault: vaultgen.Vault) -> None:
    text = "\n".join(_read_all(vault.root).values())
    assert re.search(r"^# \d+ \S", text, re.M)
    assert re.search(r"^\d+-\d+\. \S", text, re.M)
    assert re.search(r"^- etcd - key-value", text, re.M) or re.search(r"^- \S[^\n]* - \S", text, re.M)
    assert re.search(r"^- [^\n]+\n\t\S", text, re.M), "a term bullet with an indented explanation"
    assert re.search(r"^2024-\d\d-\d\d$", text, re.M)
    assert re.search(r"(^| )#k8s", text, re.M)
    assert re.search(r"[\uac00-\ud7a3]", text) and re.search(r"[A-Za-z]{5,}", text)


def test_yaml_fences_are_kubernetes_objects(vault: vaultgen.Vault) -> None:
    kinds = set()
    for text in _read_all(vault.root).values():
        for body in FENCE.findall(text):
            obj = yaml.safe_load(body)
            assert obj["apiVersion"] and obj["metadata"]["name"]
            kinds.add(obj["kind"])
    assert {"Deployment", "Service", "Job"} <= kinds


def test_embeds_point_at_real_pngs_or_at_missing_files(vault: vaultgen.Vault) -> None:
    present = missing = 0
    for text in _read_all(vault.root).values():
        for name in EMBED.findall(text):
            assert re.fullmatch(r"Pasted image 2024\d{10}\.png", name)
            path = vault.root / name
            if path.exists():
                present += 1
            else:
                missing += 1
    assert present and missing and missing == vault.missing_images
    for name in vault.images:
        data = (vault.root / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (4, 4)
        idat_len = struct.unpack(">I", data[33:37])[0]
        assert data[37:41] == b"IDAT"
        assert len(zlib.decompress(data[41:41 + idat_len])) == height * (1 + 3 * width)


def test_wikilinks_resolve_to_notes_and_headings_and_some_are_broken(vault: vaultgen.Vault) -> None:
    files = _read_all(vault.root)
    stems = {name.rsplit("/", 1)[-1][:-3]: text for name, text in files.items()}
    resolved = broken = to_heading = 0
    for text in files.values():
        for target, heading in LINK.findall(text):
            if target not in stems:
                broken += 1
                continue
            resolved += 1
            if heading:
                assert re.search(rf"^#+ {re.escape(heading)}$", stems[target], re.M)
                to_heading += 1
    assert resolved and to_heading and broken == vault.broken_links > 0


def test_edit_one_note_changes_only_that_note(tmp_path: Path) -> None:
    made = vaultgen.generate(tmp_path / "notes", 12, seed=1)
    before = _read_all(made.root)
    vaultgen.edit_one_note(made.root, made.notes[5])
    after = _read_all(made.root)
    assert [name for name in before if before[name] != after[name]] == [made.notes[5]]
    assert after[made.notes[5]].startswith(before[made.notes[5]])


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.md").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match="must be empty"):
        vaultgen.generate(tmp_path, 3)
    assert (tmp_path / "keep.md").read_text(encoding="utf-8") == "mine"


def test_flashgen_reads_every_generated_note(tmp_path: Path) -> None:
    from flashgen.vault.parse import parse_vault

    made = vaultgen.generate(tmp_path / "notes", 8, seed=3)
    assert len(parse_vault(made.root).notes) == 8
