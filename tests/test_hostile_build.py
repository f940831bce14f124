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


_KILLED_MID_COMMIT = """
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA cache_size = 1")  # pages spill into the file before the commit, as in a large commit
db.execute("BEGIN")
db.execute("UPDATE notes SET flds = flds || zeroblob(3000)")
os.kill(os.getpid(), 9)
"""


def test_a_build_killed_while_committing_the_kept_collection_leaves_nothing_that_breaks_later_builds(
        tmp_path: Path) -> None:
    import subprocess
    import sys

    vault = tmp_path / "vault"
    for i in range(30):
        write_note(vault, f"n{i}.md", f"# 노트 {i}\n" + "".join(f"- 용어{i}-{j} - 정의 {j}\n" for j in range(20)))
    out = tmp_path / "out"
    build(vault, out, site=False)
    kept = out / ".flashgen-cache-anki.anki2"
    write_note(vault, "n1.md", "# 노트 1\n- 바뀐 용어 - 새로 고친 설명\n")
    subprocess.run([sys.executable, "-c", _KILLED_MID_COMMIT, str(kept)], timeout=60)
    assert Path(f"{kept}-journal").exists()  # a hot journal, as a build killed mid-commit leaves
    for edit in range(3):  # the collection is replaced, then patched in place by the builds after it
        write_note(vault, "n2.md", f"# 노트 2\n- 용어 {edit} - 정의 {edit}\n")
        result = build(vault, out, site=False)
        assert not result.errors, result.errors
        assert not Path(f"{kept}-journal").exists()
        with sqlite3.connect(kept) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            fields = [row[0] for row in db.execute("SELECT flds FROM notes")]
        assert len(fields) == 28 * 20 + 2 and any(f"용어 {edit}" in f for f in fields)


def test_leftovers_of_killed_builds_are_removed_and_nothing_else(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    write_note(vault, "n.md", "# 노트\n- etcd - 저장소\n![[a.png]]\n")
    from tests.conftest import png_bytes

    (vault / "a.png").write_bytes(png_bytes((1, 2, 3)))
    out = tmp_path / "out"
    build(vault, out)
    left = [".site-new-a1b2c3d4/index.html", ".site-old-zz_9y8x7/notes/n.html", ".collection-q1w2e3r4.anki2",
            ".report.json.k3j4h5g6.tmp", ".flashgen-cache.json.abcdefgh.tmp", "anki/.vault.apkg.abcd_123.tmp",
            "anki/.vault.ledger.sqlite.0a1b2c3d.tmp", "anki/media/.fg-0123.png.mnbvcxzl.tmp"]
    mine = ["notes.tmp", "anki/keep.me", ".site-new-x"]  # not the writers' names: never touched
    for name in left + mine:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(b"half")
    write_note(vault, "n.md", "# 노트\n- etcd - 바뀐 저장소\n![[a.png]]\n")
    assert not build(vault, out).errors
    assert [name for name in left if (out / name).exists()] == []
    assert sorted(p.name for p in out.glob(".site-*")) == [".site-new-x"]
    assert all((out / name).read_bytes() == b"half" for name in mine)


def test_a_half_written_cache_is_not_read(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    write_note(vault, "n.md", "# 노트\n- etcd - 저장소\n")
    out = tmp_path / "out"
    build(vault, out)
    write_note(vault, "n.md", "# 노트\n- etcd - 바뀐 저장소\n- pod - 파드\n")
    for cache in out.glob(".flashgen-cache*.json"):
        cache.write_bytes(cache.read_bytes()[: cache.stat().st_size // 2])
    notes = out / ".flashgen-cache-notes.sqlite"
    notes.write_bytes(notes.read_bytes()[:1000])
    result = build(vault, out)
    clean = build(vault, tmp_path / "clean")
    assert not result.errors and result.cards_by_kind == clean.cards_by_kind and result.cards_by_kind["basic"] == 2


def test_names_the_output_cannot_hold_are_shortened_or_repaired_with_a_warning(tmp_path: Path) -> None:
    from tests.conftest import png_bytes

    vault = tmp_path / "vault"
    long_name = "파" * 84  # 252 bytes: legal on disk, but not with `.html` after it
    image = "그림" * 40 + ".png"  # 243 bytes
    write_note(vault, f"{long_name}.md", "# 긴 이름\n- etcd - 저장소\n#" + "태그" * 100 + "\n")
    write_note(vault, "links.md", f"# 파드\n- pod - 가장 작은 배포 단위 ([[{long_name}]])\n![[{image}]]\n")
    (vault / image).write_bytes(png_bytes((9, 9, 9)))
    os.makedirs(vault, exist_ok=True)
    with open(os.path.join(os.fsencode(vault), b"caf\xe9 \xff.md"), "wb") as fh:
        fh.write("# 이름\n- node - 노드\n".encode("utf-8"))
    out = tmp_path / "out"
    result = build(vault, out)
    assert not result.errors and result.cards_by_kind["basic"] == 3
    found = {(d.path.split("-")[0] if d.code == "file-name" else d.path, d.code) for d in result.diagnostics}
    assert (f"{long_name}.md", "long-name") in found and ("caf\ufffd \ufffd", "file-name") in found
    pages = [p.name for p in (out / "site" / "notes").iterdir()]
    assert all(len(name.encode()) <= 255 for name in pages) and len(pages) == 3
    assert any(name.startswith("caf\ufffd \ufffd-") for name in pages)
    from urllib.parse import quote

    short = next(name for name in pages if name.startswith("파"))
    assert f'href="{quote(short)}"' in (out / "site" / "notes" / "links.html").read_text(encoding="utf-8")
    assert len(list((out / "site" / "assets" / "img").iterdir())) == 1


_PARSE_LONG_LINES = """
import json, sys
from flashgen.vault.parse import parse_note
n = 40_000
line = json.dumps({f"k{i}": f"v{i}" for i in range(n)}, separators=(",", ":"))
urls = json.dumps({f"k{i}": f"https://example.com/{i}" for i in range(n // 4)}, separators=(",", ":"))
spaced = " ".join(f"(https://e.com/{i}) a@b.io www.x{i}.io x:y" for i in range(n // 8))
note = parse_note("json.md", "# JSON\\n" + line + "\\n\\n" + urls + "\\n\\n" + spaced + "\\n")
links = sum(1 for t in note.tokens if t.type == "inline" for c in t.children if c.type == "link_open")
print(links)
"""


def test_long_lines_with_many_colons_parse_without_quadratic_work() -> None:
    import subprocess
    import sys

    # bounded, not timed: the autolink scanners used to copy the rest of the line at every `:`, which took
    # minutes on these lines; they now take a fraction of a second
    done = subprocess.run([sys.executable, "-c", _PARSE_LONG_LINES], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == 3 * (40_000 // 8)  # the links of the spaced line are still found, none in JSON


def test_embeds_past_the_pages_budget_become_links_with_a_warning(tmp_path: Path, monkeypatch) -> None:
    from flashgen.site import builder, linker

    monkeypatch.setattr(linker, "MAX_EMBEDDED_BYTES", 200_000)
    monkeypatch.setattr(builder, "MAX_EMBEDDED_BYTES", 200_000)
    vault = tmp_path / "vault"
    write_note(vault, "big.md", "# 큰 노트\n" + "".join(f"- 항목 {i} 설명 " + "가" * 40 + "\n" for i in range(1200)))
    write_note(vault, "small.md", "# 작은 노트\n짧은 글 ^s1\n\n## 절\n절의 글\n")
    write_note(vault, "page.md", "# 임베드\n" + "![[big]]\n\n" * 20 + "![[small#^s1]]\n\n![[small#절]]\n")
    write_note(vault, "chain.md", "# 사슬\n![[page]]\n")
    result = build(vault, tmp_path / "out", decks=False)
    capped = sorted((d.path, d.line) for d in result.diagnostics if d.code == "embed-too-large")
    big_size = len((vault / "big.md").read_bytes())
    fits = 200_000 // big_size  # 1: the rest of the big embeds are links
    assert fits == 1 and capped == [("page.md", 2 + 2 * i) for i in range(fits, 20)]
    page = (tmp_path / "out" / "site" / "notes" / "page.html").read_text(encoding="utf-8")
    assert page.count('class="embed"') == fits + 2 and "짧은 글" in page and "절의 글" in page
    assert page.count("항목 7 설명") == fits and len(page.encode()) < 3 * big_size
    chain = (tmp_path / "out" / "site" / "notes" / "chain.html").read_text(encoding="utf-8")
    assert len(chain.encode()) < 3 * big_size  # the budget is the page's, nested embeds included
