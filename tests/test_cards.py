"""Cards: explicit syntax, plain-note rules, manifests, and the golden cards of the seed note."""

from __future__ import annotations

import os
import re
from pathlib import Path

from flashgen.cards import extract_cards, note_cards
from flashgen.cards.cloze import to_anki_cloze
from flashgen.config import Config
from flashgen.kube.lint import lint_note
from flashgen.vault.parse import parse_note, parse_vault

GOLDEN = Path(__file__).parent / "golden" / "seed_cards.txt"


def cards_of(text: str, path: str = "n.md"):
    return note_cards(parse_note(path, text), Config(vault_name="v", deck="v"))


def show(cards) -> str:
    out = []
    for card in cards:
        out.append(f"=== {card.kind} · {card.rule} · line {card.line} · {' › '.join(card.heading_path)}")
        if card.prompt:
            out.append(f"[{card.prompt}]")
        out.append("Q: " + card.front.replace("\n", "\n   "))
        out.append("A: " + card.back.replace("\n", "\n   "))
    return "\n".join(out) + "\n"


def test_seed_cards_match_the_golden_file(seed_vault: Path) -> None:
    got = show(extract_cards(parse_vault(seed_vault), manifest_problems=lint_note))
    if os.environ.get("FLASHGEN_UPDATE_GOLDEN"):
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")


def test_seed_cards_cover_every_topic_a_learner_needs(seed_vault: Path) -> None:
    cards = extract_cards(parse_vault(seed_vault))
    text = [(c.front + "\n" + c.back) for c in cards]
    fronts = [c.front for c in cards]
    for term in ("etcd", "kube-apiserver", "kube-scheduler", "kube-controller-manager", "kubelet", "kube-proxy",
                 "컨테이너 런타임", "ClusterIP", "NodePort", "LoadBalancer", "DaemonSet", "Stateful", "job controller",
                 "CronJob"):
        assert any(term in front for front in fronts), term
    assert any("ExternalName" in t for t in text)
    assert any("OnFailure" in t and "Never" in t for t in text)
    assert any(c.rule == "manifest" and "webui-deployment" in c.front for c in cards)
    assert any(c.rule == "manifest" and "webui-service" in c.front for c in cards)


def test_seed_cards_have_no_empty_side_lone_date_or_lone_image(seed_vault: Path) -> None:
    for card in extract_cards(parse_vault(seed_vault)):
        for side in (card.front, card.back if card.kind != "cloze" else card.front):
            bare = re.sub(r"!\[\[[^\]]*\]\]|\s", "", side)
            assert bare, card
            assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", bare), card
        assert "Pasted image" not in card.front + card.back, card


def test_single_line_and_reversed_cards() -> None:
    cards = cards_of("# 파드\n파드란::가장 작은 배포 단위\n- 서비스:::파드 묶음의 단일 진입점\n")
    assert [(c.kind, c.front, c.back) for c in cards] == [
        ("basic", "파드란", "가장 작은 배포 단위"), ("reversed", "서비스", "파드 묶음의 단일 진입점")]
    assert all(c.heading_path == ("파드",) and c.line in (2, 3) for c in cards)


def test_multiline_cards_end_at_a_blank_line() -> None:
    cards = cards_of("# Job\nJob의 기본 backoffLimit은\n?\n6\n재시도 횟수\n\n다음 문단\n\n앞면\n??\n뒷면\n")
    assert [(c.kind, c.front, c.back, c.line) for c in cards if c.rule == "multiline"] == [
        ("basic", "Job의 기본 backoffLimit은", "6\n재시도 횟수", 2), ("reversed", "앞면", "뒷면", 9)]


def test_cloze_numbering_keeps_anki_numbers() -> None:
    assert to_anki_cloze("{{c2::a}} ==b== {{c}} {{c1::d}}") == ("{{c2::a}} {{c3::b}} {{c4::c}} {{c1::d}}", 4, (3, 4))
    cards = cards_of("# 서비스\n기본 타입은 ==ClusterIP== 이고 포트 범위는 {{30000-32767}}\n")
    assert [(c.kind, c.front) for c in cards] == [
        ("cloze", "기본 타입은 {{c1::ClusterIP}} 이고 포트 범위는 {{c2::30000-32767}}")]


def test_nothing_in_code_inline_code_or_comments_becomes_a_card() -> None:
    text = ("# 코드\n```\nQ::A\n==x==\n- term - def\n```\n`a::b` 와 `==c==`\n<!-- 숨김::답 -->\n%% 숨김2::답 %%\n"
            "    indented::code\n")
    no_explain = Config(rules=frozenset(Config().rules - {"explain"}))
    assert note_cards(parse_note("n.md", text), no_explain) == []
    explain = cards_of(text)
    assert [c.rule for c in explain] == ["explain"]  # the section itself may still be explained


def test_definition_bullets_and_terms() -> None:
    text = ("# 컴포넌트\n마스터 컴포넌트:\n\n- etcd - 저장소\n- **kubelet**: 노드 에이전트\n- kube-proxy: 네트워크 규칙\n"
            "- ClusterIP\n\t클러스터 내부 가상 IP\n- LoadBalancer(클라우드에서만 됨)\n")
    cards = cards_of(text)
    got = {(c.rule, c.front, c.back) for c in cards}
    assert ("definition", "etcd", "저장소") in got
    assert ("definition", "kubelet", "노드 에이전트") in got
    assert ("definition", "kube-proxy", "네트워크 규칙") in got
    assert ("term", "ClusterIP", "클러스터 내부 가상 IP") in got
    assert ("term", "LoadBalancer", "클라우드에서만 됨") in got
    listing = next(c for c in cards if c.rule == "list")
    assert listing.front == "마스터 컴포넌트" and "- etcd\n- kubelet" in listing.back
    assert all(c.prompt.startswith("마스터 컴포넌트") for c in cards if c.rule == "definition")


def test_plain_rules_can_be_switched_off() -> None:
    note = parse_note("n.md", "# A\n- etcd - 저장소\nQ::A\n")
    only_explicit = Config(rules=frozenset({"explicit"}))
    assert [c.rule for c in note_cards(note, only_explicit)] == ["explicit"]
    off = parse_note("n.md", "---\nflashgen: {cards: false}\n---\nQ::A\n")
    assert note_cards(off, Config()) == []


def test_frontmatter_deck_override() -> None:
    note = parse_note("f/n.md", "---\ndeck: 시험::파드\n---\nQ::A\n")
    assert note_cards(note, Config(deck="v"))[0].deck == ("시험", "파드")
    plain = parse_note("f/n.md", "Q::A\n")
    assert note_cards(plain, Config(deck="v"))[0].deck == ("v", "f", "n")


def test_manifest_card_blanks_key_fields_of_a_job() -> None:
    text = ("# 백업\n```yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: backup\nspec:\n  backoffLimit: 4\n"
            "  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n      - name: b\n"
            "        image: busybox\n```\n")
    card = next(c for c in cards_of(text) if c.rule == "manifest")
    assert "restartPolicy: {{c" in card.front and "::OnFailure}}" in card.front
    # (`backoffLimit` beside a pod `template` is a Job's shape: its kind stays shown)
    assert "backoffLimit: {{c" in card.front and "kind: Job\n" in card.front
    assert card.front.startswith("```yaml\n") and "\n      restartPolicy" in card.front


def test_explain_card_is_cut_short_and_skips_dates_and_missing_images(tmp_path: Path) -> None:
    body = "\n".join(f"- 줄 {i} 설명이 조금 있음" for i in range(30))
    (tmp_path / "n.md").write_text(f"# 긴 절\n2024-01-02\n![[없음.png]]\n{body}\n", encoding="utf-8")
    card = next(c for c in extract_cards(parse_vault(tmp_path)) if c.rule == "explain")
    assert "2024-01-02" not in card.back and "없음.png" not in card.back
    shown, _, more = card.back.rpartition("\n\n")
    assert shown.count("\n") < 12 and shown.endswith("- 줄 11 설명이 조금 있음")
    assert more == "[[n#긴 절|… 노트에서 계속]]"  # cut visibly, with the way to the rest


def test_block_ids_anchor_cards_and_are_not_shown() -> None:
    cards = cards_of("# A\n파드::가장 작은 단위 ^pod-card\n- etcd - 저장소 ^etcd\n")
    assert [(c.front, c.back, c.block_id) for c in cards] == [
        ("파드", "가장 작은 단위", "pod-card"), ("etcd", "저장소", "etcd")]
    moved = cards_of("# B\n## C\n파드 (바뀐 질문)::가장 작은 단위 ^pod-card\n")
    assert moved[0].identity == cards[0].identity == "n.md#^pod-card"
