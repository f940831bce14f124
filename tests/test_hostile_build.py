"""Hostile and heavy input to a build: a planted cache, leftovers of a killed build, names the output cannot
hold, SVGs with script, and notes that ask for unbounded work. Each is handled with a message, never a crash,
a hang or code run."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import sqlite3
from pathlib import Path

import pytest

from flashgen.build import codec
from flashgen.build.pipeline import build
from flashgen.cards.model import Card
from flashgen.diagnostics import Level, warning
from flashgen.vault.model import Block, Link
from tests.conftest import write_note


class _Planted:
    """A pickle that creates a file when it is loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch '{self.marker}'",))


def test_a_planted_cache_runs_nothing_and_the_build_starts_from_nothing(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    write_note(vault, "n.md", "# 노트\n- etcd - 저장소\n")
    out = tmp_path / "out"
    marker = tmp_path / "ran"
    bomb = pickle.dumps({"format": 1, "setup": "", "memo": _Planted(marker)})
    out.mkdir()
    for name in (".flashgen-cache.pickle", ".flashgen-cache-anki.pickle"):
        (out / name).write_bytes(bomb)
    db = sqlite3.connect(out / ".flashgen-cache-notes.sqlite")
    db.execute("CREATE TABLE notes (path TEXT PRIMARY KEY, entry BLOB NOT NULL)")
    db.execute("CREATE TABLE meta (format INTEGER NOT NULL, setup TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES (1, '')")
    db.execute("INSERT INTO notes VALUES ('n.md', ?)", (bomb,))
    db.commit()
    db.close()
    result = build(vault, out)
    assert not marker.exists(), "a planted cache file ran code"
    assert not result.errors and result.cards_by_kind["basic"] == 1
    assert not (out / ".flashgen-cache.pickle").exists()  # the old format's files are removed, never read
    for cache in out.glob(".flashgen-cache*.json"):
        assert cache.read_bytes().lstrip()[:1] == b"{"  # plain data


def test_the_cache_format_round_trips_and_refuses_foreign_types() -> None:
    values = [
        (1, "a", None, 2.5, True, ("x", ("y",)), ["l", ("t",)], {"k": (1, 2)}, {("a", "b"): None, 3: "i"},
         {"\x00": "not a tag"}, {1, 2}, frozenset({"f"}), b"\x00\xff", dt.date(2024, 1, 29),
         dt.datetime(2024, 1, 29, 11, 5, tzinfo=dt.timezone.utc)),
        Card("basic", "f", "b", "n.md", 1, ("h",), ("t",), "definition", "f", deck=("d",)),
        warning("n.md", 3, "m", "code"),
        (Level.ERROR, Block("paragraph", 1, 2, "text"), Link("x", 4, heading="h")),
    ]
    for value in values:
        back = codec.loads(codec.dumps(value))
        assert back == value and type(back) is type(value)
    for planted in ('{"\\u0000": "subprocess:Popen", "v": [["touch", "x"]]}',
                    '{"\\u0000": "e", "c": "os:environ", "v": 1}',
                    '{"\\u0000": "flashgen.build.cache:pickle.loads", "v": ["x"]}',
                    '{"\\u0000": "flashgen.cards.model:Card", "v": ["too", "few"]}',
                    '{"\\u0000": "t", "v": [1, 2', "\x80\x04K\x01."):
        with pytest.raises(codec.CodecError):
            codec.loads(planted)
    with pytest.raises(codec.CodecError):
        codec.dumps(object())
