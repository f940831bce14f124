"""Fronts made of a heading's or a list term's own words, as the note writes them in shorthand: marks of emphasis
(`스키마(중요)`), a prefix that only says what kind of aside follows (`참고: API 인증`), a term and its gloss in one
heading (`튜플 - 릴레이션의 행`), a term that is only a word in brackets (`(기본)`), a step that points at what the step
before it names (`# 해당 경로 내에서 …`)."""

from __future__ import annotations

import re
from typing import Callable

from flashgen.cards.quality import EMOJI, EMOJI_CHARS, is_generic, names_only
from flashgen.vault.heading_text import heading_text

# marks the learner put on a term to flag it for review: emphasis, no part of the term (`튜플 (중요)`, `⭐`, `[중요]`)
EMPHASIS = re.compile(r"\s*(?:[(（\[]\s*(?:중요|매우 중요|핵심|important|!+)\s*[)）\]]|(?:[⭐★🌟]\ufe0f?)+)", re.I)
# in a heading `(필수)` flags a step not to skip (`서브넷 태그 설정 (필수)`); beside a field (`access_token(필수)`) it
# says the field is required, which is part of what is learnt: a mark in headings only
HEADING_EMPHASIS = re.compile(rf"{EMPHASIS.pattern}|\s*[(（\[]\s*필수\s*[)）\]]", re.I)
MARK_CHARS = frozenset("(（[⭐★🌟")
# an aside's prefix: `참고: API 인증`, `Note - …`, `TIP: …`; the subject is what follows it
ASIDE_PREFIX = re.compile(r"^\s*(?:\*\*|__)?(?:참고|팁|노트|note|tip|info|fyi)(?:\*\*|__)?\s*(?:[:：]|\s[-–—])\s*(?P<rest>\S.*)$",
                          re.I)
ASIDE_STARTS = frozenset("참팁노nNtTiIfF*_")
# a heading `term - gloss` or `term: gloss` (the term short, before the first separator)
TERM_AND_GLOSS = re.compile(r"^(?P<term>[^:：\s][^:：]{0,38}?)(?P<mark>(?:\s*[(（\[][^()（）\[\]]{1,8}[)）\]]|\s*[⭐★🌟]\ufe0f?)*)"
                            r"(?:\s+[-–—]{1,2}|\s*[:：])\s+(?P<gloss>\S.*)$")
# a term that says what kind of part follows rather than naming something: `방법 1`, `방식 A`, `상세 비교`, `Day 4`,
# `문제`, `실전 예시`, `1단계`; what follows it is the subject, not its gloss
LABEL_TERM = re.compile(r"(?:^|\s)(?:방법|방식|비교|예시|예제|문제|해결|원인|조합|사례|단계|경우|결과|주의|step|example|case|problem|"
                        r"solution|option|day|part|phase|warning)\s*(?:\d+|[A-Za-z])?$|^\d+\s*(?:단계|번째)$|\d$", re.I)
WRAPPED = re.compile(r"^(\*\*|__)([^*_\n]+)\1$")
WORD = re.compile(r"[^\W_]+")
# a gloss that says the term is one of steps a longer task was cut into (`— 3단계 (전체 7단계)`): the card's own part
PART_OF = re.compile(r"\(전체 \d+단계\)|\bpart \d+ of \d+\b", re.I)
GLOSS_WORDS = 8  # a gloss longer than this is a sentence of its own, not a name for the term
TERM_WORDS = 5  # (`Resource Owner Password Credentials Grant`)
BRACKETED = re.compile(r"^[(（\[][^()（）\[\]]{1,30}[)）\]]$")  # `(기본)`, `[default]`
# a step that points at what the line before it names: `해당 경로 내에서 …`, `위 파일을 …`, `this path`, `the above`
POINTS_BACK = re.compile(r"^(?:해당|위|위의|상기|앞의|앞서 만든|앞에서 만든|그)\s+\S|^(?:this|that|these|those|the above|above)\s+\S", re.I)
POINT_STARTS = frozenset("해위상앞그tTaA")
PLACEHOLDER = re.compile(r"<[^<>\s][^<>\n]{0,40}>|\$\{?[A-Za-z_]\w*\}?|\{\{?[^{}\s]+\}?\}")  # `<노드이름>`, `$NODE`


def unmarked(text: str, heading: bool = False) -> str:
    """`text` without its marks of emphasis (`어트리뷰트(중요)` → `어트리뷰트`); in a heading `(필수)` as well."""
    if not MARK_CHARS.intersection(text) and not (heading and "필수" in text):
        return text
    plain = (HEADING_EMPHASIS if heading else EMPHASIS).sub("", text).strip()
    return plain if heading_text(plain) else text


def aside_subject(title: str) -> str | None:
    """What an aside's heading is about (`참고: API 인증` → `API 인증`), else None."""
    if title[:1] not in ASIDE_STARTS:
        return None
    found = ASIDE_PREFIX.match(title)
    return found.group("rest").strip() if found else None


def term_and_gloss(title: str, back: str, siblings: Callable[[], tuple[str, ...]]) -> tuple[str, str] | None:
    """(term, gloss) of a heading that names a term and glosses it (`튜플 (중요) - 릴레이션의 행`, `axum - 웹
    프레임워크`), when the gloss is what the section's text says first, or a mark of emphasis stands on the term.
    A label and its subject (`방법 1 - …`, `문제: …`), a topic and one of several points on it (`이름 짓기 - …` beside
    `이름 짓기 - …`), a name beside a name (`Service - ClusterIP`) and a part of a longer task are no such heading."""
    if not ("-" in title or ":" in title or "：" in title or "–" in title or "—" in title):
        return None
    wrapped = WRAPPED.match(title.strip())  # (`**Implicit Grant - 암묵적 승인 방식**`: the heading in bold)
    found = TERM_AND_GLOSS.match(wrapped.group(2) if wrapped else title.strip())
    if not found:
        return None
    term, gloss = found.group("term").strip(), found.group("gloss").strip()
    plain_term, plain_gloss = heading_text(term), heading_text(gloss)
    if len(plain_term.split()) > TERM_WORDS or LABEL_TERM.search(plain_term) or is_generic(plain_term) \
            or names_only(plain_gloss) or " vs" in plain_gloss.lower() or PART_OF.search(plain_gloss) \
            or len(plain_gloss.split()) > GLOSS_WORDS:
        return None
    if any(other != title and other.strip().startswith(term) and TERM_AND_GLOSS.match(other.strip())
           and TERM_AND_GLOSS.match(other.strip()).group("term").strip() == term for other in siblings()):
        return None  # a series of points on one topic, each headed by it
    if not (found.group("mark") and unmarked(found.group("mark"), heading=True) != found.group("mark")):
        glossed = WORD.findall(plain_gloss.lower())
        said = set(WORD.findall(" ".join(back.split("\n")[:2]).lower()))
        if len(glossed) < 2 or sum(any(seen.startswith(word[:2]) for seen in said) for word in glossed) * 2 \
                < len(glossed) + 1:
            return None  # the text does not say the gloss again: the heading is no term and its definition
    return term, gloss


def bracketed_only(term: str) -> bool:
    """A term that is only a word in brackets (`(기본)`): it names nothing without its table's or list's subject."""
    return term[:1] in "(（[" and bool(BRACKETED.match(heading_text(term.strip())))


def points_back(says: str) -> bool:
    """A step's description that points at what the step before it names (`해당 경로 내에서 … 작성`)."""
    return says[:1] in POINT_STARTS and bool(POINTS_BACK.match(says))


def takes_what_it_points_at(command: str) -> bool:
    """A command given what its description points at (`# 해당 노드에는 …` over `kubectl cordon <노드이름>`)."""
    return bool(PLACEHOLDER.search(command))


# emoji a heading opens with (`📦 즉시 적용`, `✅Nginx 기본 웹 사이트 수정`): decoration of the note, no word of what is asked
# (and a keycap number, `1️⃣ kube-proxy`: the digit, its variation selector and the keycap, a list's numbering)
KEYCAP = re.compile(r"[0-9#*]\uFE0F?\u20E3")
LEADING_EMOJI = re.compile(rf"(^|› )(?:[{EMOJI_CHARS}][\uFE0F\u200d\u20e3]*|{KEYCAP.pattern})+\s*")
# a heading or a table's label of a word or two that names only an action or a property, with no object (`즉시 적용`,
# `상세 정보`, `강제 삭제`, `Details`, `Apply now`): applied to what, details of what, is said by the heading above it
OBJECTLESS_KO = frozenset("적용 정보 처리 설정 확인 조회 실행 삭제 생성 변경 수정 취소 중지 시작 재시작 설치 제거 추가 목록 상태 "
                          "상세 결과 편집 배포 사용 활용 보기 옵션 사용법 공유 초기화".split())
MANNER_KO = frozenset("즉시 상세 강제 백그라운드 대화형 자동 수동 지연 병렬 기본 전체 로컬 원격 간단 직접 바로 일괄 실시간 부분 "
                      "나머지 기타 추가".split())
OBJECTLESS_EN = frozenset("apply details detail info information status list delete remove create run start stop install "
                          "uninstall update settings options usage edit result results".split())
PROPERTY_EN = frozenset("details detail info information options".split())
MANNER_EN = frozenset("now immediately more force forced all basic advanced local remote manual automatic auto".split())
# a label that points at what the text before it names (`나머지 요청 처리`: the rest of which requests?)
POINTS_BACK_LABEL = re.compile(rf"{POINTS_BACK.pattern}|^나머지\s+\S|^the rest\b", re.I)
LABEL_WORDS = 4
EN_LABEL_WORDS = OBJECTLESS_EN | MANNER_EN
LABEL_POINT_STARTS = POINT_STARTS | {"나"}
# a question that points back at what the section above it did (`How do I revert these changes?`, `이것을 …?`)
QUESTION_POINTS = re.compile(r"\b(?:these|those)\s+(?P<noun>[A-Za-z]+)|이것|그것|해당|이들", re.I)


def objectless(label: str) -> bool:
    """A label of one or two words that names only an action or a property (`즉시 적용`, `Details`, `Apply now`), or
    that points at what comes before it (`나머지 요청 처리`)."""
    if not label or "›" in label or "`" in label:  # (`install`: a name in code, no action)
        return False
    tail = label[label.rfind(" ") + 1:]
    tail = tail[tail.rfind("/") + 1:].strip("*.:")  # (`삭제/공유`: two actions)
    if tail in OBJECTLESS_KO or tail.lower() in EN_LABEL_WORDS:
        said = label.replace("*", " ").replace("/", " ").split()
        if len(said) == 1:
            return tail in OBJECTLESS_KO or tail.lower() in PROPERTY_EN  # (one English word alone is often a
            # thing's name, `Stop` a token filter: a property only)
        if len(said) == 2:
            first = said[0].strip("*.:")
            if tail in OBJECTLESS_KO and (first in MANNER_KO or first in OBJECTLESS_KO):
                return True
            if first.lower() in EN_LABEL_WORDS and (first.lower() in OBJECTLESS_EN or tail.lower() in OBJECTLESS_EN):
                return True
    return label[0] in LABEL_POINT_STARTS and label.count(" ") < LABEL_WORDS and not label.rstrip().endswith("?") \
        and bool(POINTS_BACK_LABEL.match(label.replace("*", "")))


def pointing_question(front: str) -> re.Match | None:
    """A one-sentence question that points back at what the text above it names (`How do I revert these
    changes?`): the match, with the noun it points at when it says one."""
    text = front.rstrip()
    if not text.endswith("?") or ". " in text or "\n" in text:
        return None
    return QUESTION_POINTS.search(text)


def without_emoji(front: str) -> str:
    """A front without the emoji its headings open with (`📦 즉시 적용` → `즉시 적용`)."""
    if not front or not (EMOJI.match(front) or KEYCAP.match(front) or "› " in front
                         and any(EMOJI.match(part) or KEYCAP.match(part) for part in front.split("› ")[1:])):
        return front
    plain = LEADING_EMOJI.sub(r"\1", front)
    return plain if plain.strip() else front
