"""The built .apkg imported into a real Anki collection: counts, updates, review history, media."""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from flashgen.build.pipeline import build
from tests.conftest import SEED_NOTE, png_bytes, write_note

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection
ImportAnkiPackageRequest = anki_collection.ImportAnkiPackageRequest
ImportAnkiPackageOptions = anki_collection.ImportAnkiPackageOptions


class Anki:
    """A fresh Anki collection that imports packages the way Anki's import dialog does by default."""

    def __init__(self, path: Path) -> None:
        self.col = Collection(str(path))

    def import_(self, package: Path):
        request = ImportAnkiPackageRequest(package_path=str(package),
                                           options=ImportAnkiPackageOptions(with_scheduling=False))
        return self.col.import_anki_package(request).log

    def note_by_front(self, text: str):
        for nid in self.col.find_notes(""):
            note = self.col.get_note(nid)
            if text in note.fields[0]:
                return note
        raise AssertionError(f"no note whose first field contains {text!r}")

    def review(self, note, ease: int = 3) -> int:
        card = note.cards()[0]
        self.col.sched.answerCard(self._started(card), ease)
        return card.id

    @staticmethod
    def _started(card):
        card.start_timer()
        return card

    def revlog(self, card_id: int) -> int:
        return self.col.db.scalar("select count() from revlog where cid = ?", card_id)

    def media_names(self) -> set[str]:
        folder = Path(self.col.media.dir())
        return {p.name for p in folder.iterdir()}


@pytest.fixture
def anki(tmp_path: Path):
    (tmp_path / "collection").mkdir(exist_ok=True)
    collection = Anki(tmp_path / "collection" / "collection.anki2")
    yield collection
    collection.col.close()


def _visible(html: str) -> str:
    """What a reviewer sees: no CSS, no tags (Anki keeps hidden answers in attributes)."""
    return re.sub(r"<style>.*?</style>|<[^>]+>", "", html, flags=re.DOTALL)


def _build(vault: Path, out: Path) -> Path:
    result = build(vault, out, site=False)
    assert not result.errors, result.errors
    return result.deck_path


def test_seed_imports_every_note_with_korean_text(seed_vault: Path, tmp_path: Path, anki: Anki) -> None:
    deck = _build(seed_vault, tmp_path / "out")
    log = anki.import_(deck)
    with closing(sqlite3.connect(deck.parent / "쿠버네티스.ledger.sqlite")) as ledger:
        built = ledger.execute("SELECT count(*) FROM entries").fetchone()[0]
    assert len(log.new) == built >= 25
    assert not log.duplicate and not log.conflicting
    etcd = anki.note_by_front("etcd")
    assert "key-value 데이터의 저장소" in etcd.fields[1]
    assert etcd.note_type()["name"] == "flashgen Basic"
    assert any(tag.startswith("flashgen::2_쿠버네티스_컴포넌트") for tag in etcd.tags)
    assert "obsidian://open?vault=" in etcd["Source"] and f"{SEED_NOTE}:" in etcd["Source"]
    names = {d.name for d in anki.col.decks.all_names_and_ids()}
    assert "쿠버네티스::쿠버네티스 학습 과정" in names


def test_manifest_cloze_keeps_indentation_and_highlighting(seed_vault: Path, tmp_path: Path, anki: Anki) -> None:
    anki.import_(_build(seed_vault, tmp_path / "out"))
    note = anki.note_by_front("webui-deployment")
    assert note.note_type()["name"] == "flashgen Cloze"
    text = note["Text"]
    assert "{{c2::replicas}}" in text and '<span class="nt">' in text  # the spec's keys hidden; highlighted
    # as Anki shows the card: the note type's CSS (the same for every card of the type) colours each token class
    shown = note.cards()[0].question()
    tokens = set(re.findall(r'<span class="([a-z0-9]+)">', text)) - {"w"}
    assert {"nt", "p"} <= tokens
    for token in tokens:
        assert re.search(rf"\.highlight \.{token} {{[^}}]*color: #", shown), token
    assert re.search(r"\n {6}app", re.sub(r"<[^>]+>", "", text))  # indentation intact under matchLabels
    cards = note.cards()
    assert len(cards) == 2  # kind, the spec's keys: one card each
    assert "[...]" in cards[1].question() or "..." in cards[1].question()


def test_a_collection_with_an_older_note_type_css_gets_the_new_one(seed_vault: Path, tmp_path: Path,
                                                                    anki: Anki) -> None:
    """Highlighting lives in the note types' CSS: a collection whose note types have another CSS (an earlier
    flashgen's, which styled code inline) takes the new one when updated cards are imported, fields and IDs
    unchanged, review history kept."""
    out = tmp_path / "out"
    anki.import_(_build(seed_vault, out))
    note = anki.note_by_front("kube-scheduler")
    card_id = anki.review(note)
    fields = {name: anki.col.models.field_names(anki.col.models.by_name(name)) for name in ("flashgen Basic",
                                                                                             "flashgen Cloze")}
    for name in ("flashgen Basic", "flashgen Cloze"):
        model = anki.col.models.by_name(name)
        model["css"] = ".card { color: black; }"
        anki.col.models.update_dict(model)
    time.sleep(2 - time.time() % 1)  # a note type is updated only when the package's copy is newer, in whole seconds
    path = seed_vault / SEED_NOTE
    path.write_text(path.read_text(encoding="utf-8").replace("파드를 실행할 노드 선택", "파드를 배치할 노드를 고름"),
                    encoding="utf-8")
    log = anki.import_(_build(seed_vault, out))
    assert len(log.updated) == 1 and not log.new and not log.conflicting
    for name in ("flashgen Basic", "flashgen Cloze"):
        model = anki.col.models.by_name(name)
        assert ".highlight .nt {" in model["css"] and anki.col.models.field_names(model) == fields[name]
    assert {m["id"] for m in anki.col.models.all()} >= {1746310001, 1746310003}
    assert anki.revlog(card_id) == 1


def test_reimporting_an_unchanged_build_adds_nothing(seed_vault: Path, tmp_path: Path, anki: Anki) -> None:
    out = tmp_path / "out"
    first = anki.import_(_build(seed_vault, out))
    count = anki.col.note_count()
    again = anki.import_(_build(seed_vault, out))
    assert len(first.new) == count
    assert not again.new and not again.updated
    assert anki.col.note_count() == count


def test_editing_an_answer_updates_in_place_and_keeps_history(seed_vault: Path, tmp_path: Path, anki: Anki) -> None:
    out = tmp_path / "out"
    anki.import_(_build(seed_vault, out))
    note = anki.note_by_front("kube-scheduler")
    card_id = anki.review(note)
    assert anki.revlog(card_id) == 1
    count = anki.col.note_count()
    path = seed_vault / SEED_NOTE
    path.write_text(path.read_text(encoding="utf-8").replace("파드를 실행할 노드 선택", "파드를 배치할 노드를 고름"),
                    encoding="utf-8")
    log = anki.import_(_build(seed_vault, out))  # the same second as the first build: must still update
    assert len(log.updated) == 1 and not log.new
    assert anki.col.note_count() == count
    updated = anki.col.get_note(note.id)
    assert "파드를 배치할 노드를 고름" in updated.fields[1]
    assert anki.revlog(card_id) == 1 and anki.col.get_card(card_id).reps == 1


def test_rewording_a_question_keeps_the_card(seed_vault: Path, tmp_path: Path, anki: Anki) -> None:
    out = tmp_path / "out"
    anki.import_(_build(seed_vault, out))
    note = anki.note_by_front("kube-controller-manager")
    card_id = anki.review(note)
    path = seed_vault / SEED_NOTE
    path.write_text(path.read_text(encoding="utf-8").replace("- kube-controller-manager  -", "- kube-controller-mgr -"),
                    encoding="utf-8")
    log = anki.import_(_build(seed_vault, out))
    assert not log.new and len(log.updated) >= 1
    assert "kube-controller-mgr" in anki.col.get_note(note.id).fields[0]
    assert anki.revlog(card_id) == 1


def test_moving_a_card_within_its_section_keeps_its_guid(seed_vault: Path, tmp_path: Path, anki: Anki) -> None:
    out = tmp_path / "out"
    anki.import_(_build(seed_vault, out))
    before = anki.note_by_front("etcd").guid
    path = seed_vault / SEED_NOTE
    text = path.read_text(encoding="utf-8")
    line = "- etcd - key-value 데이터의 저장소\n"
    text = text.replace(line, "").replace("- kube-controller-manager  - 파드를 관찰하며 개수를 보장\n",
                                          "- kube-controller-manager  - 파드를 관찰하며 개수를 보장\n" + line)
    path.write_text(text, encoding="utf-8")
    log = anki.import_(_build(seed_vault, out))
    assert not log.new
    assert anki.note_by_front("etcd").guid == before


def test_images_are_packed_under_content_hash_names(tmp_path: Path, anki: Anki) -> None:
    vault = tmp_path / "vault"
    (vault / "a").mkdir(parents=True)
    (vault / "b").mkdir()
    (vault / "a" / "image.png").write_bytes(png_bytes((255, 0, 0)))
    (vault / "b" / "image.png").write_bytes(png_bytes((0, 0, 255)))
    write_note(vault, "a/Red.md", "# Red\n\n- 빨강 - 이 그림 ![[image.png]]\n")
    write_note(vault, "b/Blue.md", "# Blue\n\n- 파랑 - 이 그림 ![[image.png]]\n- 없음 - ![[nothere.png]] 그림\n")
    out = tmp_path / "out"
    result = build(vault, out, site=False)
    assert any(d.code == "missing-image" and d.path == "b/Blue.md" and d.line == 4 for d in result.diagnostics)
    anki.import_(result.deck_path)
    names = {n for n in anki.media_names() if n.startswith("fg-")}
    assert len(names) == 2
    red, blue = anki.note_by_front("빨강"), anki.note_by_front("파랑")
    red_src = re.search(r'src="([^"]+)"', red.fields[1]).group(1)
    blue_src = re.search(r'src="([^"]+)"', blue.fields[1]).group(1)
    assert red_src != blue_src and {red_src, blue_src} == names
    missing = anki.note_by_front("없음")
    assert "missing-image" in missing.fields[1] and "nothere.png" in missing.fields[1]
    # an edited image gets a new name; the old picture is not overwritten in the collection
    (vault / "a" / "image.png").write_bytes(png_bytes((0, 255, 0)))
    log = anki.import_(build(vault, out, site=False).deck_path)
    assert len(log.updated) == 1
    assert len({n for n in anki.media_names() if n.startswith("fg-")}) == 3
    assert red_src in anki.media_names()


def test_a_new_highlight_before_another_keeps_each_cards_history(tmp_path: Path, anki: Anki) -> None:
    vault = tmp_path / "vault"
    note = write_note(vault, "svc.md", "# 서비스\n기본 타입은 ==ClusterIP== 이고 외부 노출은 ==NodePort== 이다\n")
    out = tmp_path / "out"
    anki.import_(build(vault, out, site=False).deck_path)
    cloze = anki.note_by_front("ClusterIP")
    nodeport_card = next(c for c in cloze.cards() if "ClusterIP" in _visible(c.question()))
    nodeport_card.start_timer()
    anki.col.sched.answerCard(nodeport_card, 3)
    note.write_text("# 서비스\n파드는 ==Pod== 이고 기본 타입은 ==ClusterIP== 이고 외부 노출은 ==NodePort== 이다\n",
                    encoding="utf-8")
    log = anki.import_(build(vault, out, site=False).deck_path)
    assert not log.new and len(log.updated) == 1
    reviewed = anki.col.get_card(nodeport_card.id)
    assert reviewed.reps == 1
    assert "NodePort" in reviewed.answer() and "[...]" in reviewed.question()
    assert "NodePort" not in _visible(reviewed.question())
    assert len(anki.col.get_note(cloze.id).cards()) == 3


def test_the_summary_and_the_report_count_notes_and_cards_as_anki_does(seed_vault: Path, tmp_path: Path,
                                                                        anki: Anki) -> None:
    """A reversed pair and clozes with several numbers make more cards than notes: everyone says both alike."""
    import json
    import subprocess
    import sys

    write_note(seed_vault, "두 방향.md", "# 두 방향\n\n데몬셋:::모든 노드에 하나씩\n\n서비스는 ==파드== 앞의 ==고정 주소== 입니다.\n")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "flashgen", "build", "--notes", str(seed_vault), "--out", str(out)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    log = anki.import_(out / "anki" / "쿠버네티스.apkg")
    notes, cards = anki.col.note_count(), anki.col.card_count()
    assert len(log.new) == notes == report["anki"]["notes"] and cards == report["anki"]["cards"] > notes
    assert f"anki: {notes} notes, {cards} cards (" in done.stdout
    assert sum(report["anki"]["cards_by_kind"].values()) == cards
    # the site says the same: the home page's count and the study page's
    home = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert f"<strong>{cards}</strong> cards" in home


def test_embedded_audio_video_and_pdf_are_packed_and_math_is_mathml(tmp_path: Path, anki: Anki) -> None:
    from tests.syntax_vault import make_syntax_vault

    vault = make_syntax_vault(tmp_path / "vault")
    anki.import_(_build(vault, tmp_path / "out"))
    media = Path(anki.col.media.dir())
    for front, pattern, source in (("프로브 설명은", r"\[sound:(fg-[0-9a-f]+\.wav)\]", "probe.wav"),
                                   ("롤아웃 영상은", r"\[sound:(fg-[0-9a-f]+\.webm)\]", "rollout.webm"),
                                   ("API 문서의", r'<object [^>]*data="(fg-[0-9a-f]+\.pdf)"', "api.pdf")):
        name = re.search(pattern, anki.note_by_front(front).fields[1]).group(1)  # played or shown by Anki itself
        assert (media / name).read_bytes() == (vault / "media" / source).read_bytes()
    assert "<math" in anki.note_by_front("준비까지 걸리는").fields[1]  # MathML made at build time, no script
    check = anki.col.media.check()
    assert list(check.missing) == [] and list(check.unused) == []  # Anki's own check sees every file in use
