"""A rebuild that reuses the last build's parse, cards and pages writes exactly what a clean build writes."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import zipfile
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from flashgen.build.depkeys import note_keys
from flashgen.build import codec
from flashgen.build.memory import ENCODE_APART, NOTES_FILE, Memory, NoteMemo
from flashgen.build.pipeline import build
from flashgen.vault.files import walk_vault
from flashgen.vault.parse import parse_vault
from tests.conftest import png_bytes, write_note

NOTES = {
    "워크로드/파드.md": "# 파드\n\n2024-01-20\n\n## 정의\n- 파드 - 컨테이너의 묶음 ^pod-def\n- 노드 - 파드가 도는 머신 ![[pod.png]]\n\n"
                        "## 생명주기\nPending 에서 Running 으로 간다.\n\n#workload\n",
    "워크로드/디플로이먼트.md": "# 디플로이먼트\n\n[[파드#정의]] 를 관리하는 [[레플리카셋]] 을 만든다.\n\n"
                             "![[파드#생명주기]]\n\n## 전략\n- 롤링업데이트 - 조금씩 바꾼다\n\n"
                             "```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
                             "  replicas: 3\n  minReadySecond: 5\n  selector:\n    matchLabels:\n      app: web\n  template:\n"
                             "    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n"
                             "      - name: web\n        image: nginx:1.25\n```\n\n#workload\n",
    "네트워크/서비스.md": "# 서비스\n\n2024-01-22\n\n- 서비스 - 파드 앞의 고정 주소\n\n[[파드#^pod-def]] 와 [[없는 노트]]\n\n"
                        "![[디플로이먼트]]\n\n이름::값\n",
    "색인.md": "# 색인\n\n[[파드]] · [[서비스]] · [[디플로이먼트#전략]]\n",
    "요약.md": "# 요약\n\n![[디플로이먼트]]\n\n[[용어#^rs-def]]\n",  # shows 파드's 생명주기 only through 디플로이먼트
    "용어.md": "# 용어\n\n- 레플리카셋 - 파드의 복제본을 지킨다 ^rs-def\n",  # a block only a link names
}


def _vault(root: Path) -> Path:
    vault = root / "vault"
    for rel, text in NOTES.items():
        write_note(vault, rel, text)
    (vault / "워크로드" / "pod.png").write_bytes(png_bytes((10, 20, 30)))
    return vault


def _edit(vault: Path, rel: str, old: str, new: str) -> None:
    path = vault / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


SCENARIOS = {
    "answer edited": lambda v: _edit(v, "워크로드/파드.md", "컨테이너의 묶음", "하나 이상의 컨테이너 묶음"),
    "linked heading renamed": lambda v: _edit(v, "워크로드/파드.md", "## 정의", "## 파드의 정의"),
    "embedded note edited": lambda v: _edit(v, "워크로드/파드.md", "Running 으로", "Running 을 거쳐 Succeeded 로"),
    "heading only a link names renamed": lambda v: _edit(v, "워크로드/디플로이먼트.md", "## 전략", "## 배포 전략"),
    "embed of an embed edited": lambda v: _edit(v, "워크로드/디플로이먼트.md", "조금씩 바꾼다", "한 번에 몇 개씩 바꾼다"),
    "new note resolves a broken link": lambda v: write_note(v, "없는 노트.md", "# 없는 노트\n\n- 이제 - 있다\n"),
    "note deleted": lambda v: (v / "색인.md").unlink(),
    "image replaced": lambda v: ((v / "워크로드" / "pod.png").write_bytes(png_bytes((200, 0, 0))),
                                 _touch_later(v / "워크로드" / "pod.png")),
    "tag added": lambda v: _edit(v, "네트워크/서비스.md", "이름::값", "이름::값\n\n#network"),
    "block id removed": lambda v: _edit(v, "워크로드/파드.md", " ^pod-def", ""),
    "study day's words edited": lambda v: _edit(v, "네트워크/서비스.md", "2024-01-22", "2024-01-22 서비스 복습"),
    "study day added": lambda v: _edit(v, "워크로드/디플로이먼트.md", "- 롤링업데이트", "2024-02-03\n\n- 롤링업데이트"),
    "study day's date changed": lambda v: _edit(v, "워크로드/파드.md", "2024-01-20", "2024-01-23"),
    "backlink added under a heading": lambda v: _edit(v, "워크로드/파드.md", "Pending 에서", "[[서비스]] 로 Pending 에서"),
    "linking heading renamed": lambda v: _edit(v, "워크로드/디플로이먼트.md", "# 디플로이먼트\n", "# 디플로이먼트 개요\n"),
    "block id only a link names removed": lambda v: _edit(v, "용어.md", " ^rs-def", ""),
    "backlink removed": lambda v: _edit(v, "네트워크/서비스.md", "[[파드#^pod-def]] 와 ", ""),
    "note renamed into a new folder": lambda v: ((v / "정리").mkdir(), (v / "요약.md").rename(v / "정리" / "요약.md")),
    "study day added to a note without one": lambda v: _edit(v, "용어.md", "- 레플리카셋", "2024-02-10 용어 정리\n\n- 레플리카셋"),
    "note renamed (its title)": lambda v: (v / "용어.md").rename(v / "용어 모음.md"),
    "saved through a temporary file": lambda v: (write_note(v, "워크로드/파드.md.tmp", (v / "워크로드/파드.md").read_text(
        encoding="utf-8").replace("컨테이너의 묶음", "컨테이너 묶음")), (v / "워크로드/파드.md.tmp").replace(v / "워크로드/파드.md")),
    "file no output shows added": lambda v: (v / "할 일.txt").write_text("-", encoding="utf-8"),
    "image embed removed": lambda v: _edit(v, "워크로드/파드.md", " ![[pod.png]]", ""),  # (no page shows it now)
    # (another note of a name the vault has: the cards of both name them by their folders now)
    "a second note of one name added": lambda v: write_note(v, "네트워크/파드.md", "# 파드\n\n- 파드 네트워크 - 파드마다 IP\n"),
}


def _site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _site_rows(out: Path, change: str | None = None) -> int:
    """How many rows the site's memo has in the notes file (after running `change` on it, if given)."""
    with closing(sqlite3.connect(out / NOTES_FILE)) as db, db:
        if change:
            db.execute(change)
        return db.execute("SELECT count(*) FROM site").fetchone()[0]


def _deck_rows(apkg: Path, tmp: Path) -> tuple[dict, list]:
    """Notes by GUID (type, fields, tags, modification time, deck names of their cards) and the media names."""
    with zipfile.ZipFile(apkg) as package:
        db = tmp / "collection.anki2"
        db.write_bytes(package.read("collection.anki2"))
        media = sorted(json.loads(package.read("media")).values())
    con = sqlite3.connect(db)
    try:
        decks = {int(k): v["name"] for k, v in json.loads(con.execute("select decks from col").fetchone()[0]).items()}
        rows = {}
        for nid, guid, mid, mod, tags, flds in con.execute("select id, guid, mid, mod, tags, flds from notes"):
            cards = sorted((ord_, decks[did]) for ord_, did in
                           con.execute("select ord, did from cards where nid = ?", (nid,)))
            rows[guid] = (mid, flds, tags, mod, cards)
    finally:
        con.close()
    db.unlink()
    return rows, media


def _report(out: Path) -> dict:
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    data.pop("seconds")
    data["deck"] = Path(data["deck"]).name
    data["site"] = Path(data["site"]).name
    return data


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_a_rebuild_after_an_edit_equals_a_clean_build(scenario: str, tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    out = tmp_path / "out"
    build(vault, out)
    assert _site_rows(out)
    SCENARIOS[scenario](vault)
    clean = tmp_path / "clean"
    (clean / "anki").mkdir(parents=True)
    shutil.copy(out / "anki" / "vault.ledger.sqlite", clean / "anki")  # the same card history, no cache

    again = build(vault, out)
    fresh = build(vault, clean)

    assert not again.unchanged and not fresh.unchanged
    assert _site_files(out / "site") == _site_files(clean / "site")
    assert _report(out) == _report(clean)
    rows, media = _deck_rows(out / "anki" / "vault.apkg", tmp_path)
    clean_rows, clean_media = _deck_rows(clean / "anki" / "vault.apkg", tmp_path)
    assert media == clean_media
    assert set(rows) == set(clean_rows)
    for guid, (mid, flds, tags, mod, cards) in rows.items():
        other = clean_rows[guid]
        assert (mid, flds, tags, cards) == (other[0], other[1], other[2], other[4]), guid
        assert abs(mod - other[3]) <= 2  # an edited card is stamped with the build's clock


def test_search_records_are_made_again_when_the_last_builds_search_file_is_gone(tmp_path: Path) -> None:
    """A rebuild takes unchanged notes' search records out of the last build's search file; with the file
    gone from the site folder, it makes them again."""
    vault = _vault(tmp_path)
    out = tmp_path / "out"
    build(vault, out)
    for data in (out / "site" / "assets" / "search").iterdir():
        data.unlink()
    SCENARIOS["answer edited"](vault)
    build(vault, out)
    build(vault, tmp_path / "clean")
    assert _site_files(out / "site") == _site_files(tmp_path / "clean" / "site")


def test_the_cache_is_reused_and_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    out = tmp_path / "out"
    build(vault, out)
    page = out / "site" / "notes" / "색인.html"
    before = page.stat().st_ino
    _edit(vault, "워크로드/파드.md", "컨테이너의 묶음", "컨테이너 묶음")
    build(vault, out)
    assert page.stat().st_ino == before  # kept from the last build: nothing it shows changed
    assert _site_rows(out, "UPDATE site SET entry = 'not a memo' WHERE part = 'files' AND name = 'index.html'")
    _edit(vault, "워크로드/파드.md", "컨테이너 묶음", "컨테이너들")
    result = build(vault, out)
    assert not result.errors and page.stat().st_ino != before  # made again from nothing
    assert "컨테이너들" in (out / "site" / "notes" / "워크로드" / "파드.html").read_text(encoding="utf-8")


def test_the_notes_memos_are_kept_row_by_row_and_a_damaged_file_is_replaced(tmp_path: Path) -> None:
    """Each note's memos are a row of one SQLite file: an edit changes the rows of the edited note and of the
    notes that depend on it and no other, and a damaged file is ignored (the notes are done again) and
    written anew."""
    vault = _vault(tmp_path)
    out = tmp_path / "out"
    build(vault, out)
    notes_file = out / NOTES_FILE

    def rows() -> dict[str, bytes]:
        with closing(sqlite3.connect(notes_file)) as db:
            return dict(db.execute("SELECT path, entry FROM notes"))

    def site_rows() -> dict[tuple[str, str], tuple[int, str]]:  # with the rowid, which a row written again changes
        with closing(sqlite3.connect(notes_file)) as db:
            return {(part, name): (rowid, entry) for rowid, part, name, entry in
                    db.execute("SELECT rowid, part, name, entry FROM site")}

    def keys() -> dict[str, str]:
        return note_keys(parse_vault(vault))

    before, keys_before, site_before = rows(), keys(), site_rows()
    assert len(before) == len(list(vault.rglob("*.md")))
    _edit(vault, "워크로드/파드.md", "컨테이너의 묶음", "컨테이너 묶음")
    build(vault, out)
    after, keys_after, site_after = rows(), keys(), site_rows()
    depending = {path for path in keys_before if keys_after[path] != keys_before[path]}  # the note, its embedders
    assert "워크로드/파드.md" in depending and len(depending) < len(before)
    assert {path for path in before if after[path] != before[path]} == depending
    # the site's memo: of what it keeps per note, only the depending notes' rows are written again
    written = {row for row in site_after if site_before.get(row) != site_after[row]}
    per_note = {name for part, name in written if part in ("edges", "links", "timeline")}
    assert "워크로드/파드.md" in per_note and per_note <= depending
    assert ("files", "notes/워크로드/파드.html") in written and ("files", "notes/색인.html") not in written
    notes_file.write_bytes(b"not a database" * 100)
    _edit(vault, "워크로드/파드.md", "컨테이너 묶음", "컨테이너들")
    result = build(vault, out)
    assert not result.errors and set(rows()) == set(before)
    build(vault, tmp_path / "clean")
    assert _site_files(out / "site") == _site_files(tmp_path / "clean" / "site")


def test_rows_encoded_apart_are_the_rows_and_a_memo_changed_since_is_written_as_it_is_now(tmp_path: Path) -> None:
    """The notes' rows are encoded in a forked process when they are many; what it gives back is used only for
    the memos it was given: one replaced after the encoding started is written as it is at the save."""
    memory = Memory(setup="s")
    for number in range(ENCODE_APART + 1):
        memory.notes[f"n{number}.md"] = NoteMemo((number, 1), key=f"k{number}")
    rows = memory.encoding()
    memory.notes["n0.md"] = NoteMemo((0, 2), key="changed")
    memory.save(tmp_path, rows)
    with closing(sqlite3.connect(tmp_path / NOTES_FILE)) as db:
        saved = dict(db.execute("SELECT path, entry FROM notes"))
    assert saved == {path: codec.dumps(memo) for path, memo in memory.notes.items()}
    assert codec.loads(saved["n0.md"]).key == "changed"


def test_a_cache_older_than_the_outputs_is_not_trusted(tmp_path: Path) -> None:
    """A build stopped after replacing its outputs but before saving its cache leaves an older cache beside
    newer outputs; reverting the edit must not bring back pages or Anki notes made for the edit."""
    vault = _vault(tmp_path)
    out = tmp_path / "out"
    build(vault, out)
    older = {p.relative_to(out): p.read_bytes() for p in out.glob(".flashgen-cache*.json")}
    older.update({p.relative_to(out): p.read_bytes() for p in out.glob(".flashgen-cache*.sqlite")})
    assert len(older) == 2  # the notes' memos (with the site's) and the deck writer's
    note = vault / "워크로드" / "파드.md"
    original = note.stat()
    _edit(vault, "워크로드/파드.md", "컨테이너의 묶음", "다른 답")
    _edit(vault, "워크로드/파드.md", "- 노드 - 파드가 도는 머신", "노드는 빼 둔다")  # one card fewer
    build(vault, out)
    for name, data in older.items():
        (out / name).write_bytes(data)
    _edit(vault, "워크로드/파드.md", "다른 답", "컨테이너의 묶음")
    _edit(vault, "워크로드/파드.md", "노드는 빼 둔다", "- 노드 - 파드가 도는 머신")
    os.utime(note, ns=(original.st_atime_ns, original.st_mtime_ns))  # restored with its time, as from a backup
    clean = tmp_path / "clean"
    (clean / "anki").mkdir(parents=True)
    shutil.copy(out / "anki" / "vault.ledger.sqlite", clean / "anki")
    build(vault, out)
    build(vault, clean)
    assert _site_files(out / "site") == _site_files(clean / "site")
    rows, _ = _deck_rows(out / "anki" / "vault.apkg", tmp_path)
    clean_rows, _ = _deck_rows(clean / "anki" / "vault.apkg", tmp_path)
    assert {g: r[1] for g, r in rows.items()} == {g: r[1] for g, r in clean_rows.items()}
    assert any("노드" in r[1].split("\x1f")[0] for r in rows.values())
    assert not any("다른 답" in r[1] for r in rows.values())


def _one_process(monkeypatch, alone: bool) -> None:
    from flashgen.build import pipeline as build_module

    monkeypatch.setattr(build_module, "SHARE_AT", 10 ** 9 if alone else 2)


@contextmanager
def _counted(tmp_path: Path, module, name: str):
    """Count the calls of module.name in this process and in the processes it forks (each call appends a line
    to a file); yields a function that reads the counts by first argument's note path."""
    log = tmp_path / f"calls-{name}.txt"
    original = getattr(module, name)

    def counting(*args, **kwargs):
        first = args[0]
        path = getattr(first, "note_path", None) or getattr(first, "path", None) or str(first)
        with open(log, "a", encoding="utf-8") as file:
            file.write(f"{path}\n")
        return original(*args, **kwargs)

    setattr(module, name, counting)
    try:
        yield lambda: [line for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    finally:
        setattr(module, name, original)


def test_notes_worked_on_in_two_processes_give_the_same_outputs_and_each_side_is_rendered_once(
        tmp_path: Path, monkeypatch) -> None:
    """On big vaults the notes are read and worked on (cards, their sides, their share of the site) in turns by the
    build and a forked process: the outputs are those of one process, from nothing and from the cache. Each note is
    parsed once, and each card side rendered once for both outputs."""
    from flashgen.build import notework

    vault = _vault(tmp_path)
    _one_process(monkeypatch, alone=True)
    one = build(vault, tmp_path / "one")
    _one_process(monkeypatch, alone=False)
    with _counted(tmp_path, notework, "parse_file") as parsed, _counted(tmp_path, notework, "render_sides") as sides:
        two = build(vault, tmp_path / "two")
        notes = sorted(str(p.relative_to(vault)) for p in vault.rglob("*.md"))
        assert sorted(parsed()) == notes  # once each, in one process or the other
        assert len(sides()) == sum(one.cards_by_kind.values())  # each card's sides once, for deck and site
    assert _site_files(tmp_path / "one" / "site") == _site_files(tmp_path / "two" / "site")
    assert _report(tmp_path / "one") == _report(tmp_path / "two") and not one.errors and not two.errors
    rows = {g: r[:3] for g, r in _deck_rows(tmp_path / "one" / "anki" / "vault.apkg", tmp_path)[0].items()}
    assert rows == {g: r[:3] for g, r in _deck_rows(tmp_path / "two" / "anki" / "vault.apkg", tmp_path)[0].items()}
    _edit(vault, "워크로드/파드.md", "컨테이너의 묶음", "컨테이너 묶음")  # and again, from the cache
    build(vault, tmp_path / "two")
    _one_process(monkeypatch, alone=True)
    build(vault, tmp_path / "three")
    assert _site_files(tmp_path / "two" / "site") == _site_files(tmp_path / "three" / "site")
    # two notes changed: worked on apart again, with the other pages kept from the cache
    _edit(vault, "워크로드/파드.md", "컨테이너 묶음", "컨테이너들")
    _edit(vault, "네트워크/서비스.md", "파드 앞의 고정 주소", "파드 앞의 고정된 주소")
    _one_process(monkeypatch, alone=False)
    build(vault, tmp_path / "two")
    _one_process(monkeypatch, alone=True)
    build(vault, tmp_path / "four")
    assert _site_files(tmp_path / "two" / "site") == _site_files(tmp_path / "four" / "site")
    rows = {g: r[:3] for g, r in _deck_rows(tmp_path / "two" / "anki" / "vault.apkg", tmp_path)[0].items()}
    assert rows == {g: r[:3] for g, r in _deck_rows(tmp_path / "four" / "anki" / "vault.apkg", tmp_path)[0].items()}
    assert any("고정된 주소" in r[1] for r in rows.values())


def _restore(path: Path, text: str, stat: os.stat_result) -> None:
    """Put a note back as it was, with its time (as from a backup or an undo that keeps it)."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.mark.parametrize("serve", [False, True], ids=["build", "serve"])
def test_a_site_changed_in_place_by_a_build_that_fails_is_repaired_by_the_next(tmp_path: Path, monkeypatch,
                                                                              serve: bool) -> None:
    """A rebuild changes the site in place, file by file (each file whole, never half-written): one that fails
    after some pages were written leaves a site whose memo no longer matches it. Even when the edit is then
    undone (the notes' keys are the last complete build's again), the next build does not keep the pages the
    failed build wrote: its site is a clean build's."""
    from flashgen.build.memory import Memory
    from flashgen.site import builder

    vault = _vault(tmp_path)
    out = tmp_path / "out"
    memory = Memory() if serve else None
    build(vault, out, decks=False, memory=memory)
    pod, service = vault / "워크로드" / "파드.md", vault / "네트워크" / "서비스.md"
    kept = [(path, path.read_text(encoding="utf-8"), path.stat()) for path in (pod, service)]

    def fail(self):
        raise RuntimeError("timeline broke")
    monkeypatch.setattr(builder._Build, "_timeline", fail)
    _edit(vault, "워크로드/파드.md", "컨테이너의 묶음", "컨테이너 묶음")
    _edit(vault, "네트워크/서비스.md", "파드 앞의 고정 주소", "파드 앞의 고정된 주소")
    with pytest.raises(RuntimeError, match="timeline broke"):
        build(vault, out, decks=False, memory=memory)
    site = out / "site"
    assert "고정된 주소" in (site / "notes" / "네트워크" / "서비스.html").read_text(encoding="utf-8")  # written
    assert [p.name for p in out.iterdir() if p.name.startswith(".site")] == []
    assert [p for p in site.rglob("*") if p.name.endswith(".flashgen-part")] == []
    monkeypatch.undo()
    for path, text, stat in kept:
        _restore(path, text, stat)
    build(vault, out, decks=False, memory=memory)
    build(vault, tmp_path / "clean", decks=False)
    assert _site_files(site) == _site_files(tmp_path / "clean" / "site")


def test_a_build_killed_while_changing_the_site_in_place_is_repaired_by_the_next(tmp_path: Path) -> None:
    """A build killed (no exception, no clean-up) after it wrote some files of the site in place: the next build
    finds the site is not the one its memo describes and makes a clean build's site, even with the edit undone."""
    import multiprocessing

    from flashgen.site import output

    vault = _vault(tmp_path)
    out = tmp_path / "out"
    build(vault, out)
    pod = vault / "워크로드" / "파드.md"
    text, stat = pod.read_text(encoding="utf-8"), pod.stat()
    _edit(vault, "워크로드/파드.md", "컨테이너의 묶음", "하나 이상의 컨테이너 묶음")

    def killed_after_its_page() -> None:
        original = output.SiteWriter.text

        def text_then_die(self, site_path: str, content: str) -> None:
            original(self, site_path, content)
            if site_path == "notes/워크로드/파드.html":
                os._exit(9)
        output.SiteWriter.text = text_then_die
        build(vault, out)

    child = multiprocessing.get_context("fork").Process(target=killed_after_its_page)
    child.start()
    child.join(60)
    assert child.exitcode == 9
    changed = (out / "site" / "notes" / "워크로드" / "파드.html").read_text(encoding="utf-8")
    assert "하나 이상의 컨테이너 묶음" in changed  # the killed build wrote it in place
    _restore(pod, text, stat)
    build(vault, out)
    build(vault, tmp_path / "clean")
    assert _site_files(out / "site") == _site_files(tmp_path / "clean" / "site")
    assert "하나 이상의" not in (out / "site" / "notes" / "워크로드" / "파드.html").read_text(encoding="utf-8")


def test_a_site_made_from_nothing_that_fails_leaves_no_half_written_folder(tmp_path: Path, monkeypatch) -> None:
    """A site made from nothing is built beside the last one: when it fails, its folder is removed and the last
    site stays as it was."""
    from flashgen.site import builder

    vault = _vault(tmp_path)
    out = tmp_path / "out"
    build(vault, out, decks=False)
    before = _site_files(out / "site")
    assert _site_rows(out, "DELETE FROM site") == 0  # no memo: the next site is made from nothing

    def fail(self):
        raise RuntimeError("timeline broke")
    monkeypatch.setattr(builder._Build, "_timeline", fail)
    _edit(vault, "워크로드/파드.md", "컨테이너의 묶음", "컨테이너 묶음")
    with pytest.raises(RuntimeError, match="timeline broke"):
        build(vault, out, decks=False)
    assert [p.name for p in out.iterdir() if p.name.startswith(".site")] == []
    assert _site_files(out / "site") == before


def test_serve_keeps_the_vault_in_memory_and_an_edit_reworks_only_what_depends_on_it(tmp_path: Path,
                                                                                   monkeypatch) -> None:
    """`flashgen serve` rebuilds with the memory its last build left (the notes' outlines, card counts, keys and
    link checks, the site's memo): an edit parses that note again, and nothing else, and no cache file is read
    back from disk; the site is a clean build's."""
    from flashgen.build import memory as memory_module
    from flashgen.build import notework
    from flashgen.build.memory import Memory
    from flashgen.cli.serve_cmd import build_once

    vault = _vault(tmp_path)
    out = tmp_path / "out"
    kept = Memory()
    first = build_once(vault, out, kept)
    assert first.deck_path is None and not first.errors and len(kept.notes) == len(NOTES)

    def unread(*args, **kwargs):
        raise AssertionError("a rebuild of serve read the cache back from disk")

    monkeypatch.setattr(memory_module, "_read_notes", unread)
    monkeypatch.setattr(memory_module, "_read_site", unread)
    for round_, (rel, old, new) in enumerate((("네트워크/서비스.md", "파드 앞의 고정 주소", "파드 앞의 바뀌지 않는 주소"),
                                              ("워크로드/파드.md", "컨테이너의 묶음", "컨테이너 묶음"))):
        _edit(vault, rel, old, new)
        logs = tmp_path / f"round{round_}"
        logs.mkdir()
        with _counted(logs, notework, "parse_file") as parsed, _counted(logs, notework, "render_sides") as sides:
            result = build_once(vault, out, kept)
            worked = parsed()
        assert not result.unchanged and not result.errors
        assert worked[0] == rel and rel in worked and len(worked) < len(NOTES)  # the note, then its dependants
        assert len(sides()) <= sum(result.cards_by_kind.values())
    assert "파드 앞의 바뀌지 않는 주소" in (out / "site" / "notes" / "네트워크" / "서비스.html").read_text(encoding="utf-8")
    monkeypatch.undo()
    clean = build(vault, tmp_path / "clean", decks=False)
    assert _site_files(out / "site") == _site_files(tmp_path / "clean" / "site")
    assert sorted(map(str, result.diagnostics)) == sorted(map(str, clean.diagnostics))


def test_serve_started_on_an_up_to_date_build_reads_its_memory_before_the_first_save(tmp_path: Path,
                                                                                   monkeypatch) -> None:
    """When serve's first build finds nothing changed (the last build left every output as it is), what the next
    rebuild works from (the notes' memos, the site's memo, the labs, the vault's files) is read then: the first
    save reads no cache file back and parses the edited note and its dependants only; the site is a clean
    build's."""
    from flashgen.build import memory as memory_module
    from flashgen.build import notework
    from flashgen.build.memory import Memory
    from flashgen.cli.serve_cmd import build_once

    vault = _vault(tmp_path)
    out = tmp_path / "out"
    build(vault, out, decks=False)
    kept = Memory()
    assert build_once(vault, out, kept).unchanged
    assert len(kept.notes) == len(NOTES) and kept.walked is not None and kept.labs is not None

    def unread(*args, **kwargs):
        raise AssertionError("serve's first rebuild read the cache back from disk")

    monkeypatch.setattr(memory_module, "_read_notes", unread)
    monkeypatch.setattr(memory_module, "_read_site", unread)
    rel = "네트워크/서비스.md"
    _edit(vault, rel, "파드 앞의 고정 주소", "파드 앞의 바뀌지 않는 주소")
    with _counted(tmp_path, notework, "parse_file") as parsed:
        result = build_once(vault, out, kept, {str(vault / rel)})
        worked = parsed()
    assert not result.unchanged and not result.errors
    assert worked[0] == rel and len(worked) < len(NOTES)
    monkeypatch.undo()
    clean = build(vault, tmp_path / "clean", decks=False)
    assert _site_files(out / "site") == _site_files(tmp_path / "clean" / "site")
    assert sorted(map(str, result.diagnostics)) == sorted(map(str, clean.diagnostics))


def _files(vault: Path) -> dict[str, tuple]:
    """Every path below the vault's folder: (stamp, whether it is a folder)."""
    found = {}
    for path in vault.rglob("*"):
        st = path.lstat()
        found[str(path)] = (None, True) if path.is_dir() else ((st.st_size, st.st_mtime_ns), False)
    return found


def _reported(before: dict[str, tuple], after: dict[str, tuple]) -> set[str]:
    """What a watcher reports between two looks at a vault: files added, removed or written to, folders added or
    removed (a folder's own time, moved on by what happens inside it, is not a change of it)."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


@pytest.mark.parametrize("told", [False, True], ids=["looked-at", "told-what-changed"])
def test_serve_rebuilds_after_each_kind_of_edit_equal_a_clean_build(tmp_path: Path, monkeypatch, told: bool) -> None:
    """Serve's memory (each note's own links, backlinks, timeline and link checks kept between rebuilds) carried
    through every kind of edit in a row: after each, the site and the warnings are a clean build's. Told what
    changed (as the watcher tells it), the vault is walked again only when files or folders came or went."""
    from flashgen.build.memory import Memory
    from flashgen.cli.serve_cmd import build_once
    from flashgen.vault import parse

    vault = _vault(tmp_path)
    out = tmp_path / "out"
    kept = Memory()
    build_once(vault, out, kept)
    walks = []
    monkeypatch.setattr(parse, "walk_vault", lambda *args: walks.append(1) or walk_vault(*args))
    for number, scenario in enumerate(SCENARIOS):
        before, walks[:] = _files(vault), []
        SCENARIOS[scenario](vault)
        after = _files(vault)
        changed = _reported(before, after) if told else None
        again = build_once(vault, out, kept, changed)
        if told:
            assert bool(walks) == (before.keys() != after.keys()), scenario  # (files or folders came or went)
        clean = build(vault, tmp_path / f"clean{number}", decks=False)
        assert not again.unchanged, scenario
        assert _site_files(out / "site") == _site_files(tmp_path / f"clean{number}" / "site"), scenario
        assert sorted(map(str, again.diagnostics)) == sorted(map(str, clean.diagnostics)), scenario
        reported = [json.loads((folder / "report.json").read_text(encoding="utf-8"))["diagnostics"]
                    for folder in (out, tmp_path / f"clean{number}")]
        assert reported[0] == reported[1], scenario  # (the report's rows, kept while the warnings are the same)


LAB = """id: lab-pods
title: "Pods"
note: 파드
heading: 정의
task:
  ko: |
    [[서비스]] 를 읽고 ![[색인]] 의 파드를 만드세요.
  en: |
    Read [[디플로이먼트#전략]], then make a pod.
solution:
  - title: the pod
    manifests:
      - apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx:1.25
checks:
  - name: a pod exists
    assert:
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
"""

LAB_EDITS = {
    "the lab's note retitled": lambda v: _edit(v, "워크로드/파드.md", "# 파드\n", "---\ntitle: 파드 개념\n---\n# 파드\n"),
    "the lab's heading renamed": lambda v: _edit(v, "워크로드/파드.md", "## 정의", "## 파드의 정의"),
    "a linked heading renamed": lambda v: _edit(v, "워크로드/디플로이먼트.md", "## 전략", "## 배포 전략"),
    "an embedded note edited": lambda v: _edit(v, "색인.md", "[[파드]] · ", "[[파드]] 와 "),
    "a note the lab names nowhere edited": lambda v: _edit(v, "요약.md", "# 요약", "# 요약 노트"),
}


@pytest.mark.parametrize("serve", [False, True], ids=["build", "serve"])
def test_lab_pages_kept_or_made_again_as_the_notes_they_show_change(tmp_path: Path, monkeypatch, serve: bool) -> None:
    """A lab page is kept while the notes it shows something of (its note and heading, the notes its text links
    to or embeds) are the same; after each kind of edit, the site is a clean build's."""
    from flashgen.build.memory import Memory

    vault = _vault(tmp_path)
    labs = tmp_path / "labs"
    labs.mkdir()
    (labs / "lab-pods.yaml").write_text(LAB, encoding="utf-8")
    monkeypatch.setenv("FLASHGEN_LABS", str(labs))
    out = tmp_path / "out"
    memory = Memory() if serve else None
    build(vault, out, decks=False, memory=memory)
    page = out / "site" / "labs" / "lab-pods.html"
    assert "정의" in page.read_text(encoding="utf-8") and "서비스" in page.read_text(encoding="utf-8")
    for number, (edit, change) in enumerate(LAB_EDITS.items()):
        before = page.stat().st_mtime_ns
        change(vault)
        build(vault, out, decks=False, memory=memory)
        build(vault, tmp_path / f"clean{number}", decks=False)
        assert _site_files(out / "site") == _site_files(tmp_path / f"clean{number}" / "site"), edit
        if edit == "a note the lab names nowhere edited":
            assert page.stat().st_mtime_ns == before  # kept: nothing it shows changed


def test_a_long_month_of_the_timeline_is_paged_and_an_edit_remakes_only_the_page_of_its_day(tmp_path: Path,
                                                                                           monkeypatch) -> None:
    """A month with more study-log entries than one page holds continues on further pages, a day never cut in
    two; serve's rebuild after an edit under one day's entry makes that day's page again and keeps the others."""
    from flashgen.build.memory import Memory
    from flashgen.cli.serve_cmd import build_once
    from flashgen.site import builder

    monkeypatch.setattr(builder, "TIMELINE_ITEMS", 2)
    vault = tmp_path / "vault"
    for number in range(1, 7):  # one note a day, 2024-01-01 … 2024-01-06: three pages of two days
        write_note(vault, f"노트{number}.md", f"# 노트{number}\n\n2024-01-0{number}\n\n- 용어{number} - 뜻{number}\n")
    out = tmp_path / "out"
    kept = Memory()
    build_once(vault, out, kept)
    timeline = out / "site" / "timeline"
    pages = {name: re.findall(r'<li class="day" id="d-([\d-]+)">', (timeline / name).read_text(encoding="utf-8"))
             for name in ("2024-01.html", "2024-01-2.html", "2024-01-3.html")}
    assert pages == {"2024-01.html": ["2024-01-06", "2024-01-05"], "2024-01-2.html": ["2024-01-04", "2024-01-03"],
                     "2024-01-3.html": ["2024-01-02", "2024-01-01"]}
    before = {name: (timeline / name).stat().st_ino for name in pages}
    _edit(vault, "노트3.md", "2024-01-03", "2024-01-03 파드를 다시 읽음")
    build_once(vault, out, kept)
    after = {name: (timeline / name).stat().st_ino for name in pages}
    assert [name for name in pages if after[name] != before[name]] == ["2024-01-2.html"]
    assert "파드를 다시 읽음" in (timeline / "2024-01-2.html").read_text(encoding="utf-8")
