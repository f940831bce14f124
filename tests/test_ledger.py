"""The GUID ledger on disk: kept across builds, written in place, old and broken ledgers handled."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from flashgen.build.pipeline import build
from tests.conftest import write_note

NOTES = {
    "파드.md": "# 파드\n\n## 정의\n- 파드 - 컨테이너의 묶음\n- 노드 - 파드가 도는 머신\n",
    "서비스.md": "# 서비스\n\n- 서비스 - 파드 앞의 고정 주소\n- 엔드포인트 - 서비스 뒤의 주소 목록\n",
}


def _vault(root: Path) -> Path:
    for rel, text in NOTES.items():
        write_note(root / "vault", rel, text)
    return root / "vault"


def _entries(ledger: Path) -> dict[str, tuple]:
    with closing(sqlite3.connect(ledger)) as db:
        return {row[0]: row[1:] for row in db.execute("SELECT guid, identity, note, hash, mod FROM entries")}


def _guids(out: Path) -> dict[str, str]:
    """identity -> GUID of the cards in the last build's package."""
    return {identity: guid for guid, (identity, *_rest) in _entries(out / "anki" / "vault.ledger.sqlite").items()}


def test_rebuild_rewrites_only_changed_entries_and_keeps_gone_ones(tmp_path: Path) -> None:
    vault, out = _vault(tmp_path), tmp_path / "out"
    assert not build(vault, out, site=False).errors
    ledger = out / "anki" / "vault.ledger.sqlite"
    first = _entries(ledger)
    assert len(first) == 4
    (vault / "서비스.md").write_text(NOTES["서비스.md"].replace("고정 주소", "바뀐 주소"), encoding="utf-8")
    assert not build(vault, out, site=False).errors
    second = _entries(ledger)
    assert second.keys() == first.keys()
    changed = [guid for guid in first if first[guid] != second[guid]]
    assert len(changed) == 1 and second[changed[0]][0] == "서비스.md#서비스#qa:서비스"  # only the edited answer
    assert second[changed[0]][3] > first[changed[0]][3]
    (vault / "서비스.md").write_text("# 서비스\n\n- 서비스 - 파드 앞의 주소\n", encoding="utf-8")
    assert not build(vault, out, site=False).errors
    assert first.keys() <= _entries(ledger).keys()  # gone cards' entries stay for when they come back


def test_a_ledger_of_the_json_format_is_imported(tmp_path: Path) -> None:
    vault, out = _vault(tmp_path), tmp_path / "out"
    assert not build(vault, out, site=False).errors
    before = _guids(out)
    ledger = out / "anki" / "vault.ledger.sqlite"
    # the same history as an earlier flashgen wrote it, with GUIDs unlike the stable ones a new ledger gives
    renamed = {identity: f"old{n:04d}" for n, identity in enumerate(sorted(before))}
    with closing(sqlite3.connect(ledger)) as db:
        notes = {renamed[identity]: {"identity": identity, "note": note, "section": [], "anchor": "", "kind": "basic",
                                     "hash": content_hash, "mod": mod}
                 for _guid, (identity, note, content_hash, mod) in
                 ((row[0], row[1:]) for row in db.execute("SELECT guid, identity, note, hash, mod FROM entries"))}
    ledger.unlink()
    (out / "anki" / "vault.ledger.json").write_text(json.dumps({"version": 1, "notes": notes}), encoding="utf-8")
    for cache in out.glob(".flashgen-cache*"):
        cache.unlink() if cache.is_file() else None
    result = build(vault, out, site=False)
    assert not result.errors and not result.warnings
    assert _guids(out) == renamed  # every card kept its GUID, so its review history
    assert not (out / "anki" / "vault.ledger.json").exists()


def test_a_broken_ledger_is_reported_and_replaced(tmp_path: Path) -> None:
    vault, out = _vault(tmp_path), tmp_path / "out"
    assert not build(vault, out, site=False).errors
    before = _guids(out)
    ledger = out / "anki" / "vault.ledger.sqlite"
    ledger.write_bytes(b"not a database at all" * 100)
    result = build(vault, out, site=False)
    assert not result.errors
    assert any(d.code == "ledger" and "vault.ledger.sqlite" in d.message for d in result.warnings)
    assert _guids(out) == before  # replaced by a good ledger; exact identities keep their stable GUIDs
