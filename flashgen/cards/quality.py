"""What makes a side worth learning: not a lone date, URL, link list or tag line, not a metadata field, and a
heading that asks something (`Example`, `TIP.`, `📋 목차` ask nothing on their own)."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from flashgen.cards.text import visible_text
from flashgen.vault.markdown.datelog import match_date

URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+")  # placeholders such as `http://<PUBLIC_IP>` included
HTML = re.compile(r"</?[A-Za-z][^<>\n]*>")
LINK = re.compile(r"!?\[\[[^\[\]\n]*\]\]|!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)|<https?://[^>]*>")
TAG = re.compile(r"(?:^|(?<=\s))#[^\s#]+")
FILLER = re.compile(r"[\s\-*+>|:;,.()\[\]`'\"!?/·•→←⇒–—=_~]+")
DATE_TIME = re.compile(r"^\s*(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{4}년\s*\d{1,2}월(?:\s*\d{1,2}일)?)"
                       r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?\s*(?:\([^)]*\))?\s*$", re.I)
EMOJI_CHARS = r"\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF"  # (a character class's ranges)
EMOJI = re.compile(rf"[{EMOJI_CHARS}\uFE0F\u200d]")

# fields that describe a note rather than teach anything (`- 작성일: 2024-11-15`, `- tags: k8s`)
METADATA_KEYS = {
    "created", "updated", "modified", "date", "time", "author", "authors", "tags", "tag", "aliases", "alias",
    "status", "source", "sources", "url", "link", "links", "ref", "refs", "reference", "references", "category",
    "categories", "type", "title", "version", "last updated", "last modified", "published", "reviewed",
    "작성일", "작성일자", "수정일", "수정일자", "생성일", "날짜", "일자", "일시", "작성자", "저자", "태그", "출처", "참고",
    "참고자료", "참고 자료", "링크", "상태", "분류", "카테고리", "제목", "버전", "업데이트", "최종 수정", "마지막 수정", "기간",
}
# the steps of a design interview: a stage of the answer, not a topic (`문제 이해 및 설계 범위 확정`)
DESIGN_STEPS = {"문제 이해 및 설계 범위 확정", "개략적 설계안 제시 및 동의 구하기", "상세 설계",
                "understand the problem and establish design scope", "propose high-level design and get buy-in",
                "design deep dive"}
# headings that close a note or section by going over it again (`정리`, `마무리`, `Summary`) or adding tips to it
WRAP_UP_HEADINGS = {"정리", "요약", "마무리", "결론", "마치며", "정리하며", "총정리", "핵심 요약", "핵심 정리", "summary",
                    "wrap-up", "wrap up", "conclusion", "conclusions", "in summary", "recap"}
# headings that name a kind of content, not a topic: a card needs the topic they belong to
GENERIC_HEADINGS = {
    "example", "examples", "e.g.", "sample", "samples", "tip", "tips", "note", "notes", "summary", "overview",
    "frequently asked questions", "자주 묻는 질문",
    "introduction", "intro", "conclusion", "details", "description", "usage", "basics", "background", "misc",
    "miscellaneous", "other", "others", "etc", "faq", "memo", "result", "results", "output", "code", "setup",
    "install", "installation", "configuration", "config", "settings", "preferences", "commands", "command", "syntax", "options", "steps",
    "how to", "how", "why", "what", "problem", "problems", "solution", "solutions", "issue", "issues", "cause",
    "fix", "troubleshooting", "analogy", "definition", "features", "characteristics", "pros", "cons",
    "pros and cons", "advantages", "disadvantages", "limitations", "important", "warning", "caution", "info",
    "question", "questions", "answer", "practice", "exercise", "lab", "test", "testing", "verification", "check",
    "explanation", "concept", "concepts", "key points", "key concepts", "key ideas", "key behaviors",
    "key features", "key facts", "takeaways", "key takeaways", "remarks", "considerations", "주요 특징", "주요 개념",
    "comment", "comments", "demo", "use cases", "use case", "purpose", "goal", "goals", "requirements",
    "prerequisites", "quick start", "getting started", "get started", "시작하기", "basic usage", "notes and tips", "how it works",
    "예시", "예제", "예", "팁", "메모", "요약", "정리", "개요", "소개", "결론", "설명", "정의", "특징", "장점", "단점",
    "장단점", "주의", "주의사항", "주의 사항", "문제", "해결", "해결 방법", "해결방법", "해결책", "원인", "결과", "실습",
    "실행", "확인", "사용법", "사용 방법", "명령어", "설정", "설치", "구성", "방법", "기타", "질문", "답변", "배경", "동작",
    "동작 원리", "기본 문법", "문법", "옵션", "코드", "출력", "테스트", "검증", "트러블슈팅", "이슈", "문제 상황", "해결 과정",
    "개념", "핵심", "핵심 개념", "요점", "포인트", "기본", "심화", "응용", "비유", "예시 코드", "예제 코드", "실습 예제",
    "목적", "목표", "이유", "용도", "활용", "사용 예", "사용 예시", "참고 사항", "참고사항", "추가", "추가 정보", "결과 확인",
    "준비", "사전 준비", "준비 사항", "사전 작업", "preparation",
    "작업 내용", "내용", "학습 내용", "배운 점", "느낀 점", "회고", "후기", "소감", "과제", "문제점", "개선", "개선점",
    "create", "delete", "update", "read", "list", "edit", "remove", "add", "cli", "console", "web console", "gui",
    "기본 사용", "기본 사용법", "기본 예제", "기본 예시", "수정", "삭제", "생성", "조회", "추가", "변경", "웹 콘솔", "콘솔",
    "명령", "설명서", "사용 예제", "상세", "상세 설명", "원칙", "규칙", "principle", "principles", "rules", "단계", "step",
    "stage", "manifest", "manifests", "manifest file", "example manifest", "example manifest file", "yaml",
    "yaml file", "snippet", "snippets", "operational snippets", "kubectl commands", "매니페스트", "yaml 파일",
    "매니페스트 파일", "코드 예시", "명령어 모음", "상황", "증상", "에러", "오류", "situation", "symptom", "symptoms",
    "error", "사용", "사용처", "적용", "설정 적용", "실행 방법", "usage example", "동작 방식", "작동 방식", "작동 원리", "처리 방식", "functionality", "why it's useful", "why it matters", "why use it", "benefits", "이점", "문제", "답안", "답", "정답", "해답", "풀이", "해설", "problem", "answer", "solution", "관리", "management", "사용 시나리오", "시나리오", "scenario",
    "scenarios", "활용 예", "활용 방법", "비교", "비교 테이블", "비교표", "comparison", "comparison table",
    "구현 프로세스", "구현 과정", "구현", "process", "implementation", "생성 리소스", "resources created",
    "troubleshoot", "troubleshooting", "문제 해결", "트러블 슈팅", "faq", "other", "others", "misc", "miscellaneous",
    "types", "kinds", "주요 정보", "기본 정보", "상세 정보", "정보", "information", "key information",
    "general information", "특이점", "특이사항", "특이 사항", "workflow", "워크플로우", "워크플로", "기본 워크플로우",
    "구조", "방식", "structure", "architecture", "아키텍처", "best practices", "best practice", "모범 사례",
    *WRAP_UP_HEADINGS, *DESIGN_STEPS,
    # note titles that name no topic
    "readme", "index", "home", "untitled", "inbox", "scratch", "draft", "todo", "welcome", "start here", "무제",
    "새 노트", "제목 없음", "임시", "할 일",
}
# sections that point elsewhere: their content is links and navigation, never something to recall
NAVIGATION_HEADINGS = {
    "toc", "table of contents", "contents", "references", "reference", "resources", "links", "see also",
    "related", "related notes", "further reading", "sources", "source", "bibliography", "changelog", "index",
    "navigation", "external links", "useful links", "외부 링크", "유용한 링크", "관련 자료", "credits", "acknowledgements", "acknowledgments", "third party acknowledgements", "license",
    "licenses", "licence", "copyright", "attribution", "release notes", "version history", "라이선스", "라이센스",
    "저작권", "감사의 말", "변경 이력", "변경 내역", "next steps", "todo", "to do", "roadmap", "progress", "status",
    "다음 단계", "할 일", "계획", "일정", "일정 계획", "로드맵", "진행 상황", "진행 현황", "목차", "objective", "objectives",
    "learning objectives", "lab objectives", "학습 목표", "실습 목표", "참고", "참고 자료", "참고자료", "참고 문서", "참고문서", "참고 링크", "관련 문서", "관련 링크", "링크",
    "출처", "관련", "관련 노트", "더 보기", "더보기", "참조", "레퍼런스", "문서", "learn more", "read more", "contribute",
    "contributing", "how to contribute", "feedback", "기여", "기여하기", "피드백",
}


@lru_cache(maxsize=1 << 14)
def words(text: str) -> str:
    """A label reduced for comparison: no markup, emoji, numbering or punctuation at the ends, lower case."""
    text = EMOJI.sub("", text).replace("’", "'")
    text = re.sub(r"^[\s#>*_=`~\[\]]*(?:\d+(?:[-.]\d+)*[.)]?\s*)?", "", text)
    text = re.sub(r"[*_=`~\[\]]", "", text)
    text = re.sub(r"\s*[(#]?\d+[)]?\s*$", "", text.strip(" \t.:：!?·-–—"))  # `방법1`, `Step 2`, `예시 (3)`
    return " ".join(text.strip(" \t.:：!?·-–—()").lower().split())


GENERIC_ENDINGS = re.compile(r"(?:^|\s)(?:예시|예제|example|examples|사용법|usage|snippets|manifests?|manifest files?)$"
                             r"|^(?:example|examples|sample|예시|예제)\s")


# the words of a heading made only of kinds of content (`차이 요약`, `기본 개념`, `Important Notes`, `주요 개념 및
# 특징`): each names a kind of section, or says which one (`key`, `주요`), or joins two; none names a topic
KIND_WORDS = frozenset({
    "summary", "overview", "notes", "note", "points", "ideas", "concepts", "takeaways", "features", "facts",
    "considerations", "differences", "difference", "comparison", "tips", "details", "setup", "installation", "usage",
    "configuration", "settings", "examples", "highlights", "basics", "remarks", "characteristics", "definition",
    "options", "commands", "옵션", "명령어",
    "요약", "정리", "차이", "차이점", "비교", "특징", "개요", "개념", "포인트", "요점", "설치", "설정", "방법", "사용법",
    "예시", "예제", "주의사항", "정의", "장점", "단점", "장단점", "메모", "팁",
})
KIND_QUALIFIERS = frozenset({"key", "main", "important", "core", "basic", "general", "quick", "overall", "주요", "핵심",
                             "기본", "전체", "간단한", "시각적", "and", "&", "및", "/"})
KIND_SPLIT = re.compile(r"\s+|(?<=\w)(?=/)|(?<=/)(?=\w)")


def _only_kinds(bare: str) -> bool:
    """`차이 요약`, `Important Notes`: two or more words, each a kind of content or a word that says which."""
    names = KIND_SPLIT.split(bare)
    return 2 <= len(names) <= 5 and all(name in KIND_WORDS or name in KIND_QUALIFIERS for name in names) \
        and any(name in KIND_WORDS for name in names)


@lru_cache(maxsize=1 << 14)
def is_generic(title: str) -> bool:
    """A heading that names a kind of content (`Example`, `TIP.`, `📋 목차`, `Tags`, `실전 예시`, `기본 사용 (derive)`,
    `차이 요약`), not a topic."""
    plain = words(title)
    bare = re.sub(r"\s*\([^()]*\)?$", "", plain)  # `기본 사용 (derive)`: the kind of content is before the brackets
    return not bare or any(name in GENERIC_HEADINGS or name in NAVIGATION_HEADINGS or name in METADATA_KEYS
                           for name in {plain, bare}) or (len(bare.split()) <= 3 and bool(GENERIC_ENDINGS.search(bare))) \
        or " " in bare and _only_kinds(bare)


# the platforms a heading or a label may name (`macOS`, `iOS and iPadOS`, `Desktop and larger tablets`)
PLATFORM_NAMES = r"(?:windows|macos|mac|os x|linux|ios|ipados|android|chromeos|desktop|mobile|윈도우|맥|리눅스|모바일|데스크톱)"
PLATFORM_HEADING = re.compile(rf"^{PLATFORM_NAMES}(?:\s*(?:/|,|and|or|&|및)\s*(?:(?:larger|smaller)\s+)?"
                              rf"(?:{PLATFORM_NAMES}|tablets?|phones?))*(?:\s+(?:app|apps|version|devices?))?$", re.I)
# a heading that names who a section is for (`For developers`, `개발자용`)
AUDIENCE_HEADING = re.compile(r"^for\s+(?:\w+\s+)?(?:developers|users|beginners|admins|administrators|teams|"
                              r"organizations|everyone)$|^(?:개발자|사용자|초보자|관리자|팀)(?:용|을 위한|를 위한)$", re.I)
TROUBLESHOOTING = {"troubleshoot", "troubleshooting", "문제 해결", "트러블슈팅", "트러블 슈팅"}


@lru_cache(maxsize=1 << 14)
def is_qualifier(title: str) -> bool:
    """A heading that only says on which platform or for whom (`macOS`, `Desktop`, `For developers`): it qualifies
    the heading above it and asks nothing on its own."""
    plain = words(title)
    return bool(PLATFORM_HEADING.match(plain) or AUDIENCE_HEADING.match(plain))


def is_audience(title: str) -> bool:
    """`For developers`, `개발자용`: a heading that names whom its section is for, not what it is about."""
    return bool(AUDIENCE_HEADING.match(words(title)))


def is_troubleshooting(title: str) -> bool:
    """`Troubleshooting`, `Troubleshoot`, `문제 해결`: what to check or do when something goes wrong."""
    return words(title) in TROUBLESHOOTING


# a sentence that asks readers to help a project (`The Maps plugin is open source. You can help by contributing bug
# reports, feature requests and pull requests.`): about the project, not what it does
CONTRIBUTION = re.compile(r"\bis (?:free and )?open[- ]source\b|\b(?:you can|please|feel free to) (?:help|contribute)\b|"
                          r"\bcontribut\w* (?:bug reports|feature requests|pull requests|improvements|translations)\b|"
                          r"\b(?:make|open|send|submit) a pull request\b", re.I)


def is_contribution_call(text: str) -> bool:
    """A paragraph every sentence of which asks readers to help the project (bug reports, pull requests)."""
    if "\n" in text.strip() or "```" in text:
        return False
    sentences = [one for one in re.split(r"(?<=[.!?])\s+", visible_text(text).strip()) if one]
    return bool(sentences) and all(CONTRIBUTION.search(one) for one in sentences)


# a section that sets a problem (`문제`, `Question`, `Task`); with what kind it is (`기출 문제`, `Practice question`)
PROBLEMS = {"문제", "질문", "과제", "문항", "퀴즈", "q", "question", "problem", "task", "exercise", "quiz"}
PROBLEM_KIND = re.compile(r"^(?:(?:참고|reference|ref|see also|note)\s*[-:–—]?\s*)?(?:(?:기출|연습|예상|실전|추가|예제|"
                          r"past|exam|practice|sample|extra|bonus|additional)\s*)*(?P<name>\S+?)s?$", re.I)


@lru_cache(maxsize=1 << 14)
def names_a_problem(title: str) -> bool:
    """A heading that only says a problem is set (`참고 - 기출 문제`, `Practice question`), not what it is about
    (`` `tasks` ``, a command in code, names what it explains)."""
    if "`" in title:
        return False
    match = PROBLEM_KIND.match(words(title))
    return bool(match) and match.group("name").lower() in PROBLEMS


# sections of values to fill in: nothing there is knowledge
CLOSING_HEADINGS = WRAP_UP_HEADINGS | DESIGN_STEPS | {"팁", "꿀팁", "tip", "tips"}


def is_wrap_up(title: str) -> bool:
    """A heading over a summary or wrap-up of what comes before it (`정리`, `마무리`, `Summary`)."""
    return words(title) in WRAP_UP_HEADINGS


def is_closing(title: str) -> bool:
    """A wrap-up, tips or design-step heading: it speaks of the whole section, not of the topic above it."""
    return words(title) in CLOSING_HEADINGS


FILL_IN_HEADINGS = {"placeholder", "placeholders", "플레이스홀더", "플레이스 홀더", "치환 변수", "변수 목록"}


RESULT_HEADINGS = {"result", "results", "output", "결과", "출력", "실행 결과", "출력 결과", "결과 화면", "출력 예시", "예시 출력",
                   "output example", "example output", "sample output"}


# a label over an example (`Example:`, `- 예시: …`, `e.g.`): what follows shows something, it names nothing
EXAMPLE_LABEL = re.compile(r"(?:examples?|e\.g\.?|ex|for example|예|예시|예제|사례|예를 들어)", re.I)


def is_example_label(text: str) -> bool:
    """`Example:`, `예시`, and one of several told apart by a number or what it shows (`Example (max)`, `예시 2`)."""
    label = text.rstrip(":： ").strip()
    if label[-1:] == ")" or label[-1:].isdigit():
        label = NUMBERED_OR_NAMED.sub("", label)
    return bool(EXAMPLE_LABEL.fullmatch(label))


NUMBERED_OR_NAMED = re.compile(r"\s*(?:\([^()]{1,30}\)|\d{1,2})$")  # `Example (max)`, `예시 2`


# what one example gave (`조회 결과`, `CI 결과`, `Sample output`): a word or two, then the result
RESULT_OF = re.compile(r"^(?:[^\s()]+\s){1,2}결과$|^(?:sample|example|expected|command|query)\s+(?:output|results?)$")


def is_result(title: str) -> bool:
    """A label over what an example printed (`Result`, `결과`, `조회 결과`)."""
    plain = words(title)
    return plain in RESULT_HEADINGS or bool(RESULT_OF.match(plain))


@lru_cache(maxsize=1 << 14)
def is_navigation(title: str) -> bool:
    """A heading over links, navigation or plans (a table of contents, references, `K8S 도큐먼트 사이트 참조`,
    `Day 2 목표`, `향후 계획`), a map of notes (`Database_MOC`) or a list of values to fill in (`플레이스홀더`)."""
    plain = words(title)
    return plain in NAVIGATION_HEADINGS or plain in FILL_IN_HEADINGS or bool(MAP_OF_NOTES.search(title.lower())) \
        or bool(re.search(r"(?:참조|참고|references?)$|^(?:important|useful|helpful|external|additional|further|"
                          r"more|other|related)\s+(?:resources|links)$", plain)) or bool(PLAN.search(plain))


# notes that as a whole point elsewhere or record rather than teach (`Credits`, `Changelog`, `Rust_MOC`)
NAVIGATION_NOTES = {"credits", "acknowledgements", "acknowledgments", "third party acknowledgements", "license",
                    "licenses", "changelog", "release notes", "version history", "references", "bibliography",
                    "table of contents", "toc", "index", "목차", "참고 문헌", "참고자료", "변경 이력", "라이선스"}


@lru_cache(maxsize=1 << 14)
def is_navigation_note(title: str) -> bool:
    """A note whose title says it points elsewhere or records a project's history (credits, a changelog, a map of
    notes); a note merely named `links` may still define things."""
    return words(title) in NAVIGATION_NOTES or bool(MAP_OF_NOTES.search(title.lower()))


# `Database_MOC`, a vault's `Home`: an index of notes
MAP_OF_NOTES = re.compile(r"(?:^|[\s_-])moc$|^moc[\s_-]|maps? of content|^(?:home|start here|대문|홈)$")
PLAN = re.compile(r"^(?:(?:향후|다음|일정|작업|학습|프로젝트|오늘|이번)\b.*|day \d+\s*)?(?:목표|계획)$|^(?:goals?|plans?|next steps)$")
PROJECT_DOCUMENT = re.compile(r"(?:^|/)contributing\b|계획서|기획서|제안서|발표|슬라이드|회의록|회고|체크리스트|\bppt\b|slides?\b|checklist|"
                              r"meeting[ _-]?notes|minutes|retrospective|proposal|roadmap", re.I)


# instructions to a repository's contributors or its coding assistants (`CLAUDE.md`, `AGENTS.md`)
REPOSITORY_DOCUMENT = re.compile(r"(?:^|/)(?:claude|agents|gemini|copilot-instructions|contributing|code_of_conduct|"
                                 r"security|pull_request_template|skill)\.md$", re.I)


@lru_cache(maxsize=1 << 14)
def is_project_document(path: str) -> bool:
    """A note that documents a project rather than knowledge (a plan, slides, a checklist, meeting notes,
    a retrospective, instructions to its contributors), by its name or its folder's."""
    return bool(PROJECT_DOCUMENT.search(path.replace("_", " ")) or REPOSITORY_DOCUMENT.search(path))


# a day's work on one project or lab: a folder or file named by its day (`day12-0108/`, `CICD_2026-02-03.md`,
# a daily note `2026-02-11.md`)
WORK_LOG_PATH = re.compile(r"(?:^|/)day[ _-]?\d+(?:[ _-]\d{4})?(?:[ _-][^/]*)?/|(?:^|[^\d])(?:19|20)\d{2}[-_.]?"
                           r"(?:0[1-9]|1[0-2])[-_.]?(?:0[1-9]|[12]\d|3[01])(?:[^\d/][^/]*)?\.md$", re.I)


# a note that collects commands for reference, whatever folder it sits in (`Docker 명령어 정리 (Day 1)`)
COMMAND_REFERENCE = re.compile(r"명령어|치트\s*시트|\bcommands?\b|cheat\s*sheet", re.I)
# a section that explains or compares, even within a day's work (`TLS vs Non-TLS 비교`, `핵심 개념`)
CAUSES = re.compile(r"원인|증상|이유|\b(?:causes?|symptoms?|reasons?|why)\b", re.I)
EXPLAINS = re.compile(r"\bvs\.?\s|비교|차이|개념|원리|\bconcepts?\b|\bcomparison\b|\bdifferences?\b", re.I)


def is_work_log(path: str, title: str, heading: str = "") -> bool:
    """A note that records a day's work (what was run and set up that day) rather than explains: filed or named by
    its day (`day12-0108/README.md`, `CICD_2026-02-03`, `Day 5 - … (01/01)`), unless its name or first heading says
    it collects commands. A dated heading inside a note is a day of a study log, which stays a lesson."""
    return (bool(WORK_LOG_PATH.search(path)) or is_log_heading(title)) \
        and not any(COMMAND_REFERENCE.search(name) for name in (title, heading))


# words that give a reason, a condition that must hold, a contrast, a consequence or advice: what turns a record of
# what was done into something learned (`…이므로`, `…있어야 동작합니다`, `…가 아니라`, `보안상 변경을 권장`, `because`)
REASONS = re.compile(
    r"때문|므로|니까|이유|왜|원인|인해|덕분|따라서|그래서|즉[,\s]|반면|대신|아니라|차이|의미|려면|않으면|없으면|"
    r"[어아여워줘]야\s*(?:[한합함하된됩됨돼]|정상|동작|적용)|해야|필요(?:하다|합니다|함|해|없|하지|\s*(?:$|[.)(。,]))|불필요|주의|장점|단점|위험|권장|좋다|좋습니다|\?|"
    # an action and what it changes (`주기를 늘리면 로그가 줄어든다`), not the next step (`준비되면 배포함`)
    r"[가-힣]면\s[^.!?\n]*?(?:된다|됨|됩니다|든다|난다|진다|짐|집니다|않는다|않음|않습니다|없다|없음|없습니다|못한다)|"
    r"\b(?:because|since|so that|otherwise|instead|unlike|means|in order to|why|reason|therefore|must|needs?|"
    r"should|unless|due to|avoid|recommended)\b", re.I)


def gives_reasons(text: str) -> bool:
    """Text that says why, what must hold, what differs or what to do better (see REASONS)."""
    return bool(REASONS.search(text))


# a word that is a name, a value or an identifier rather than a word of a sentence (`GitHub`, `MySQL`, `3306`,
# `k8s-node1`): Latin words in capitals or with digits, and anything in code
NAME_WORD = re.compile(r"^(?:[A-Z0-9][\w.+#:/-]*|[\w.+#:/-]*\d[\w.+#:/-]*)$")


def names_only(text: str) -> bool:
    """Text that only names things (`GitHub Public Repository`, `WordPress, MySQL`, `` `read_registry` ``): no word
    of a sentence, in any language, beside its names, values and code."""
    plain = URL.sub(" ", re.sub(r"`[^`\n]*`", " ", text))
    plain = re.sub(r"[*_~=]+|[,;()\[\]{}<>|→←>·•+&/-]+(?=\s|$)|(?:^|(?<=\s))[,;()\[\]{}<>|→←>·•+&/-]+", " ", plain)
    return all(NAME_WORD.match(word) for word in plain.split())


def explains_causes(header: str) -> bool:
    """A table header over symptoms and their causes (`증상 | 원인 | 조치`): what went wrong, and why."""
    return bool(CAUSES.search(header))


def explains(title: str) -> bool:
    """A heading over an explanation or a comparison (`TLS vs Non-TLS 비교`, `핵심 개념`)."""
    return bool(EXPLAINS.search(title))


def is_metadata_key(term: str) -> bool:
    return words(term) in METADATA_KEYS


LOG_HEADING = re.compile(r"\(\d{1,2}/\d{1,2}\)|\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b|\d{4}년\s*\d{1,2}월")
VERSION_ONLY = re.compile(r"^\W*(?:[A-Za-z][\w.-]*/)?v?\d+(?:\.\d+)+[\w.\-+]*(?:\s+\S+){0,2}\W*$", re.I)
BOX_DRAWING = re.compile(r"[\u2500-\u257f\u2580-\u259f]")


INSTANCE_ID = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b|\b[a-z]{2,12}-[0-9a-f]{8,}\b|\barn:aws:|\b[0-9a-f]{12,}\b")
STATUS_CELL = re.compile(r"^\s*(?:[oOxX✅❌⬜☑✔✖️-]|완료|진행중|진행 중|예정|미완료|done|todo|to do|in progress|planned)\s*$",
                         re.I)
PLACEHOLDER = re.compile(r"^\s*(?:\[[^\]]{1,20}\]|<[^>]{1,20}>|tbd|todo|n/a|미정|없음|추후 작성)\s*$", re.I)
META_SENTENCE = re.compile(r"(?:유형|방법|내용|명령어|개념|설정)?\s*정리(?:한다|했다|하였다|함)?\.?$|^.{0,50}(?:\s(?:모음|시나리오)|[하는]는 방법|\s(?:설정|설치|구성|사용|적용|배포|연결|관리|생성|구축) 방법)\.?$|가이드입니다|가이드이다|정리한 (?:문서|글|노트)|정리합니다|다룹니다|프로젝트입니다|"
                           r"(?:나오는|알아두면 좋은|출제되는) 문제입니다|this (?:guide|note|page|document)|"
                           r"in this (?:note|guide|section)", re.I)


CONFIG_KEYS = {"port", "host", "hostname", "name", "image", "version", "region", "zone", "namespace", "user",
               "username", "password", "path", "url", "ip", "domain", "id", "tag", "branch", "replicas", "포트",
               "호스트", "이름", "이미지", "버전", "리전", "존", "사용자", "비밀번호", "경로", "주소", "도메인", "브랜치"}
LEAD_IN = re.compile(r"(?:(?:아래|다음|밑)(?:의|과|와)?\s*(?:\S+\s+)?(?:같(?:[은이]|다|습니다|음)|특징|내용|표|그림|코드|방법|순서|명령|단계|가지)"
                     r"[^.\n]{0,20}|"
                     r"as follows|the following(?:\s+[\w-]+){0,5}|these(?:\s+[\w-]+){0,2}|below|"
                     r"^(?:but\s+)?there are (?:some\s+|a few\s+)?(?:limits|exceptions|caveats|restrictions)|"
                     r"^(?:하지만|단,?|다만)?\s*(?:한계|예외|제한)(?:가|이) (?:있다|있습니다)|"
                     # a sentence that only says some points matter (`…사항 몇 가지를 반드시 고려해야 한다`, `There are
                     # several things to consider.`): the points are what it announces
                     r"(?:몇|여러)\s*가지(?:를|가|의)?\s+(?:\S+\s+){0,2}(?:고려해야|살펴봐야|알아야|짚어야|있다|있습니다|필요하다)[^.\n]{0,8}|"
                     r"(?:several|a few|some) (?:things|points|aspects|factors|considerations) (?:to|must|should)\b[^.\n]{0,30})"
                     r"[.!]?\s*$", re.I)


def is_config_value(term: str, value: str) -> bool:
    """A setting of one environment (`Port: 8000`, `이미지: nginx:1.25`), not something to know."""
    key = re.sub(r"\s*(?:지정|설정|입력|변경)$", "", words(term))  # `비밀번호 지정: 1111`
    return key in CONFIG_KEYS and " " not in value.strip().strip("`") and len(value.strip()) <= 40


# an opening that points at a table or picture after it (`아래의 표는 …`, `The diagram below shows …`)
SHOWN_BELOW = r"(?:표|그림|사진|이미지|다이어그램|도표|그래프|스크린샷|화면|table|figure|diagram|image|picture|screenshot|chart|graph)"
POINTS_BELOW = re.compile(rf"[\s*>-]*(?:(?:아래|다음|밑)(?:의|에)?\s*{SHOWN_BELOW}(?:[은는을를에와과의]|에서|처럼|\s)|"
                          rf"(?:the|this) {SHOWN_BELOW} below\b|(?:the )?following {SHOWN_BELOW}\b|"
                          rf"below is (?:a|an|the) {SHOWN_BELOW}\b)", re.I)
SHOWS = re.compile(r"^\s*(?:\||```|~~~)|!\[", re.M)  # a table, a code block or an image


def points_below(back: str) -> bool:
    """An answer that opens on a table or picture below it (`아래의 표는 매주 취합한 데이터의 사례다. time 필드는 …`) and
    shows none: it explains what the card leaves out."""
    return bool(POINTS_BELOW.match(back)) and not SHOWS.search(back)


def leads_in(line: str) -> bool:
    """A line that announces what follows it (`…특징은 다음과 같다`, `…as follows.`, `Use these steps.`, `아래의 특징을
    가짐`); not a sentence that only goes on about `these` (`Controllers watch these resources and implement domain
    logic.`)."""
    return bool(LEAD_IN.search(line.strip()))


@lru_cache(maxsize=1 << 14)
def names_instances(text: str, at_least: int = 1) -> bool:
    """Whether text names this many specific machines or cloud resources (IP addresses, `vpc-0d54f35e…`):
    an inventory of one environment, not something to learn."""
    return len(INSTANCE_ID.findall(text)) >= at_least


# one of several like actors or machines of an example, told apart by a number or letter (`사람 2`, `노드 A`, `Thread 1`,
# `트랜잭션 B`): what it does there is the example's own story
EXAMPLE_INSTANCE = re.compile(r"^(?:사람|사용자|유저|고객|손님|학생|직원|개발자|노드|서버|클라이언트|스레드|쓰레드|프로세스|호스트|"
                              r"컴퓨터|머신|파드|컨테이너|트랜잭션|(?i:person|user|customer|student|client|server|node|host|"
                              r"thread|process|machine|pod|container|transaction|worker))(?:\s?\d{1,2}|\s[A-Z])$")


def is_example_instance(term: str) -> bool:
    """Whether a term names one instance of an example (`사람 2: 국 끓이기 → 스팸 굽기`, `노드 A: 0 ~ 8191 슬롯`), not a
    concept: its line is a step of the illustration, asked with it, never as a definition."""
    return bool(EXAMPLE_INSTANCE.match(term.strip()))


TABLE_DIVIDER = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")
CELL_EDGE = re.compile(r"\\\||`[^`\n]*`|\|")  # an escaped pipe, a code span (pipes in it are text), a cell's edge


def table_rows(table: str) -> list[list[str]]:
    """The cells of each row of a markdown table (its header first, the divider left out). A pipe inside a code
    span or written `\\|` is text, not the edge of a cell."""
    return [cells for _, cells in numbered_table_rows(table)]


def numbered_table_rows(table: str) -> list[tuple[int, list[str]]]:
    """table_rows, each row with its line's offset in the table."""
    rows = []
    for offset, line in enumerate(table.split("\n")):
        line = line.strip()
        if not line.startswith("|") or TABLE_DIVIDER.match(line):
            continue
        cells, start = [], 1
        for edge in CELL_EDGE.finditer(line, 1):
            if edge.group(0) == "|":
                cells.append(line[start:edge.start()].strip())
                start = edge.end()
        tail = line[start:].strip()
        rows.append((offset, cells + ([tail] if tail else [])))
    return rows


def is_status_table(table: str) -> bool:
    """A table with a column of progress marks (`✅`, `완료`, `진행중`, or `O`/`X` under a heading such as `상태`):
    a checklist, not knowledge. `O`/`X` under any other heading compare things (`스레드 안전 | O`)."""
    rows = table_rows(table)
    header, rows = (rows[0], rows[1:]) if rows else ([], [])
    if len(rows) < 2:
        return False
    width = min(map(len, rows))
    for col in range(width):
        marks = sum(bool(STATUS_CELL.match(row[col])) for row in rows)
        plain = sum(row[col].strip().upper() in ("O", "X", "-") for row in rows)
        named = col < len(header) and bool(STATUS_HEADER.search(header[col]))
        if marks * 2 > len(rows) and ((marks - plain) * 2 > len(rows) or named):
            return True
    return False


STATUS_HEADER = re.compile(r"상태|진행|완료|체크|status|progress|done|check", re.I)


SETTINGS_HEADER = re.compile(r"^\|?\s*(?:키|key|변수|variable|이름|name|항목|item|설정|setting|파라미터|parameter|"
                             r"placeholder|플레이스\s?홀더)\s*\|\s*(?:값|value|설정값)(?:\s*\([^()|]*\))?\s*\|?\s*$", re.I)  # `값 (입력란)`
PLACEHOLDER_CELL = re.compile(r"^\s*`?(?:<[A-Za-z_][\w*.-]*>|\{\{\s*\w+\s*\}\}|\$\{?[A-Z_][A-Z0-9_]*\}?)`?\s*$")
VARIABLE_CELL = re.compile(r"^\s*`?(?:\$\{?[A-Z_][A-Z0-9_]*\}?|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`?(?:\s*/\s*`?\$?[A-Z_][A-Z0-9_]*`?)*\s*$")
VALUE_HEADER = re.compile(r"^\s*(?:값|설정값|예시|예시 값|value|values|example)\s*$", re.I)


SECRETS_HEADER = re.compile(r"^\s*(?:github\s+)?(?:시크릿|secrets?)(?:\s*(?:이름|명|names?))?\s*$", re.I)


def is_settings_table(table: str) -> bool:
    """A table of one environment's settings: two columns headed `키 | 값` (`변수 | 값 (입력란)`), a first column of placeholders
    (`<CONTAINER_NAME> | nginx-server`) to fill in, a column of variables (`$VPC_NAME`, `AWS_REGION`) beside
    their values or examples, or the secrets a workflow is given (`시크릿 | 설명` over `AWS_ACCESS_KEY_ID`, …)."""
    rows = table_rows(table)
    if not rows:
        return False
    if SETTINGS_HEADER.match("| " + " | ".join(map(_unemphasized, rows[0])) + " |"):
        return True
    header, body = rows[0], rows[1:]
    if not body:
        return False

    def mostly(pattern: re.Pattern, col: int) -> bool:
        return sum(bool(pattern.match(row[col])) for row in body if col < len(row)) * 2 > len(body)
    valued = any(VALUE_HEADER.match(cell) for cell in header)
    secrets = bool(SECRETS_HEADER.match(header[0])) and mostly(VARIABLE_CELL, 0)  # the secrets one setup needs
    return secrets or mostly(PLACEHOLDER_CELL, 0) or valued and any(
        mostly(VARIABLE_CELL, col) for col in range(min(2, len(header))))


NAME_HEADER = re.compile(r"^\W*(?:이름|리소스 ?이름|리소스명|name|names|resource name)\W*$", re.I)
FILE_HEADER = re.compile(r"^\W*(?:파일|파일명|(?:\w+\s+)?(?:스크립트|scripts?)|file|files|filename)\W*$", re.I)
CHOSEN_NAME = re.compile(r"^`[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+`$")  # `pista-web-template`, `my_app`
OWN_FILE = re.compile(r"^`?(?![/~])[\w.-]+(?:/[\w.-]+)*\.(?:sh|bash|py|js|ts|ps1|ya?ml|json|toml|tf|env|sql|conf|"
                      r"rs|go|java|kt|rb|c|h|cc|cpp|hpp|cs|swift|php|jsx|tsx|vue|scala)`?$")
# files every project of a language has by its rules (`src/main.rs` is a binary crate's root): knowledge, not inventory
CONVENTIONAL_FILES = frozenset(("main.rs", "lib.rs", "mod.rs", "build.rs", "__init__.py", "__main__.py", "setup.py",
                                "conftest.py", "manage.py", "main.go", "index.js", "index.ts", "main.c", "main.cpp"))
BRANCH_HEADER = re.compile(r"^\W*(?:브랜치|브랜치명|branch|branches|branch name)\W*$", re.I)
BRANCH_NAME = re.compile(r"^`[\w.-]+(?:/[\w.*-]+)*`$")
# the branches of a branching model (`main`, `develop`, `feature/*`): knowledge, not one repository's inventory
CONVENTIONAL_BRANCH = re.compile(r"^(?:main|master|trunk|develop|dev|development|staging|production|prod|gh-pages|"
                                 r"(?:feature|release|hotfix|bugfix|fix|support)(?:/\S*)?)$", re.I)
EMPHASIS_EDGES = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")


def is_one_setups_table(table: str) -> bool:
    """A table of one setup's checklist, machines, settings or files: nothing to recall, in an answer or row by row."""
    return is_status_table(table) or names_instances(table, 2) or is_settings_table(table) or is_inventory_table(table) \
        or is_manifest_skeleton(table)


# the fields every manifest opens with: a table of them says only what each one is set to in the note's example
SKELETON_FIELDS = {"apiversion", "kind", "metadata", "spec", "status", "data", "stringdata", "type"}


def is_manifest_skeleton(table: str) -> bool:
    """A table of a manifest's top-level fields (`apiVersion | apps/v1 설정`, `kind | StatefulSet 설정`, `metadata |
    name에 이름 설정`, `spec | 표2 참고`): the skeleton of every manifest, what matters is in the spec's own table."""
    rows = table_rows(table)[1:]
    names = [_unemphasized(row[0]).strip("` ").lower() for row in rows if row]
    return len(names) >= 3 and {"apiversion", "kind"} <= set(names) and set(names) <= SKELETON_FIELDS


def is_inventory_table(table: str) -> bool:
    """A table of what one project made and what it calls it: a column of names (`리소스 | 이름` over
    `pista-web-template`, …), of the project's own files (`파일 | 용도` over `gcp-gke-setup.sh`, …) or of its
    repository's branches (`브랜치 | 설명` over `ci/s3`, `ci/eks-rust`, …). System paths
    (`/etc/kubernetes/manifests`) and a branching model's branches (`main`, `develop`, `feature/*`) are knowledge
    and stay."""
    rows = table_rows(table)
    if len(rows) < 3:
        return False
    header, body = [_unemphasized(cell) for cell in rows[0]], rows[1:]
    for col, name in enumerate(header):
        cells = [_unemphasized(row[col]) for row in body if col < len(row)]
        pattern = CHOSEN_NAME if NAME_HEADER.match(name) else OWN_FILE if FILE_HEADER.match(name) \
            else BRANCH_NAME if BRANCH_HEADER.match(name) else None
        own = [cell for cell in cells if pattern and pattern.match(cell)
               and cell.strip("`").rsplit("/", 1)[-1] not in CONVENTIONAL_FILES
               and not CONVENTIONAL_BRANCH.match(cell.strip("`"))]
        if pattern and len(own) * 3 >= len(body) * 2:
            return True
    return False


def _unemphasized(cell: str) -> str:
    """A table cell without the bold or italics around it (`**항목**`, `**`main.rs`**`)."""
    match = EMPHASIS_EDGES.match(cell.strip())
    return match.group(2).strip() if match else cell.strip()


CONSOLE_PATH = re.compile(r"^\W*(?:📍\s*)?[^>\n.。]{1,30}(?:\s>\s[^>\n.。]{1,30}){2,}$|^\W*📍")


def is_console_path(text: str) -> bool:
    """Lines that only walk through a console's menus (`📍 VPC 네트워크 > VPC 네트워크 > 서브넷 추가`), with at most
    short labels between them (`스냅샷에서 디스크 복원:`): where to click, not something to know."""
    lines = [line.strip().lstrip(">-*+ ").strip() for line in text.split("\n") if line.strip().strip(">").strip()]
    paths = [bool(CONSOLE_PATH.match(line)) for line in lines]
    return any(paths) and all(path or (line.endswith((":", "：")) and len(line) <= 40)
                              for path, line in zip(paths, lines))


def is_placeholder(text: str) -> bool:
    """`[이름]`, `<NAME>`, `TBD`: a value still to be filled in."""
    return bool(PLACEHOLDER.match(text))


# a line that only runs a file of the project (`bash gcp-vm-setup.sh`, `./install.sh --all`, `python3 seed.py`)
RUNS_SCRIPT = re.compile(r"^(?:sudo\s+)?(?:(?:ba|z)?sh|source|\.|python3?|node|pwsh)\s+[\w./~-]+\.(?:sh|bash|py|js|ps1)\b[^|;&]*$|"
                         r"^(?:sudo\s+)?\./[\w./-]+[^|;&]*$")


# a line that only installs or declares a package (`pip install rich`, `cargo add serde`, `serde = "1.0"`, `[dependencies]`)
DECLARES_PACKAGE = re.compile(
    r"^(?:sudo\s+)?(?:pip3?|uv pip|pipx|npm|pnpm|yarn|cargo|go|gem|composer|brew|apt(?:-get)?|dnf|yum|apk)\s+"
    r"(?:install|i|add|get|require)\b(?:\s+-{1,2}[\w-]+)*(?:\s+[\w@./=<>~^:+-]+)+$|"
    r"^\[[\w.-]+\]$|^[\w.-]+\s*=\s*(?:\"[\w.^~*<>=, -]+\"|\{[^}]*\bversion\b[^}]*\})$|^\"[\w@/.-]+\":\s*\"[\w.^~*<>=-]+\",?$")


def code_lines(code: str) -> list[str]:
    """The lines of code that do something: stripped, without blank lines and `#` comments."""
    return [line for line in (raw.strip() for raw in code.split("\n")) if line and not line.startswith("#")]


def declares_packages(code: str) -> bool:
    """Code that only installs or pins packages: which version a project used is nothing to recall."""
    lines = code_lines(code)
    return bool(lines) and all(DECLARES_PACKAGE.match(line) for line in lines)


def runs_scripts(code: str) -> bool:
    """Code that only runs the project's own scripts: what is learned is in the scripts, not on the card."""
    lines = code_lines(code)
    return bool(lines) and len(lines) <= 3 and all(RUNS_SCRIPT.match(line) for line in lines)


# one project's steps: run its own shell scripts (`bash gcp-vm-setup.sh`, `./deploy.sh staging`), make them runnable
# (`chmod +x *.sh`), go to its folder (`cd infra/scripts`), or call what it set up at an address still to fill in
# (`curl http://<PUBLIC_IP>`); a script under a system folder (`/usr/…`, `.git/hooks/…`) is no project's own
OWN_SCRIPT = r"\"?(?![/~.$])[\w.-]+(?:/[\w.*-]+)*\.(?:sh|bash|ps1)\"?"
ADDRESS_HOLE = r"(?:<[^<>\s]+>|\{\{?[^{}\s]+\}?\}|\$\{?[A-Z][A-Z0-9_]*\}?)"  # `<LB_IP>`, `{ec2 ip}`, `$EXTERNAL_IP`
PROBED = rf"https?://{ADDRESS_HOLE}(?::(?:\d+|{ADDRESS_HOLE}))?(?:/\S*)?"
PROJECT_STEP = re.compile(
    rf"^(?:sudo\s+)?(?:(?:ba|z)?sh|source|\.|pwsh)\s+{OWN_SCRIPT}(?:\s+[^|;&<>`]*)?$"
    rf"|^(?:sudo\s+)?\./{OWN_SCRIPT}(?:\s+[^|;&<>`]*)?$"
    r"|^(?:sudo\s+)?chmod\s+(?:[ugoa]*\+x|[0-7]{3})\s+(?![/~])[\w./*-]*\.(?:sh|bash)$"
    r"|^cd\s+(?![/~$.])[\w-]+(?:/[\w.-]+)+/?$"
    rf"|^(?:curl|wget|http)\s+(?:-{{1,2}}[\w-]+\s+)*[\"']?{PROBED}[\"']?$|^{PROBED}$")
RUNS_OWN = re.compile(r"^(?!cd\s|(?:sudo\s+)?chmod\s)")  # a step that runs or calls something
RUN_WORD = re.compile(r"실행|\b(?:run|runs|ran|execute)\b", re.I)  # (`` `gcp-network-setup.sh`를 실행했는지 확인하세요``)
SHELL_LANGUAGES = {"", "bash", "sh", "shell", "zsh", "console", "terminal", "shell-session", "powershell", "ps1",
                   "cmd", "bat"}
ANY_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*\n(.*?)^[ \t>]*\1[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"`([^`\n]+)`")
COMMAND_SPAN_START = re.compile(r"^(?:\./|(?:sudo\s+)?[a-z][\w.-]*\s+\S)")  # `kubectl get service`, not `PROJECT_ID`
OWN_SCRIPT_NAME = re.compile(rf"^{OWN_SCRIPT}$")
PROJECT_STEPS_SAID = 120  # characters of prose beside the steps: a remark on them (`클러스터 삭제에 약 5분 소요`), no lesson


@lru_cache(maxsize=1 << 14)
def only_project_steps(markdown: str) -> bool:
    """An answer whose every command is one project's own step (PROJECT_STEP), at least one of them running a
    script of it or calling what it set up, with no other code and at most a short remark beside them (`정리` →
    `bash gcp-gke-cleanup.sh` and `클러스터 삭제에 약 5분 정도 소요됩니다.`; `네트워크 구축 필수` →
    `` `bash gcp-network-setup.sh` 실행 필요``): what it does is in the project, not on the card."""
    if not re.search(r"\.(?:sh|bash|ps1)\b|https?://[<{$]", markdown):
        return False
    runs = names = 0
    for found in ANY_FENCE.finditer(markdown):
        if found.group(2).lower() not in SHELL_LANGUAGES:
            return False  # a manifest or a program beside them teaches something
        for line in code_lines(re.sub(r"^[ \t]*>", "", found.group(3), flags=re.M)):
            if not PROJECT_STEP.match(line):
                return False
            runs += bool(RUNS_OWN.match(line))
    said = ANY_FENCE.sub(" ", markdown)
    for span in CODE_SPAN.findall(said):
        span = span.strip()
        if PROJECT_STEP.match(span):
            runs += bool(RUNS_OWN.match(span))
        elif OWN_SCRIPT_NAME.match(span):
            names += 1
        elif COMMAND_SPAN_START.match(span):
            return False  # another command (`kubectl get service`, `chmod +x`): something general to recall
    kept = CODE_SPAN.sub(lambda span: "" if PROJECT_STEP.match(span.group(1).strip())
                         or OWN_SCRIPT_NAME.match(span.group(1).strip()) else span.group(1), said)
    return (runs > 0 or names > 0 and bool(RUN_WORD.search(kept))) and len(visible_text(kept)) <= PROJECT_STEPS_SAID


# the line at a note's head that names the code it walks through (`> 소스: `src/storage/value.rs``, `Source:
# `core/src/ast/``, `` `pkg/rust/`, `pkg/python/` ``): the note documents one codebase's own source files
SOURCE_PATH = r"`(?![/~$])(?:[\w.-]+/)+(?:[\w.-]+\.(?:rs|go|py|js|ts|jsx|tsx|java|kt|rb|c|h|cc|cpp|hpp|cs|swift|scala|php))?`" \
              r"|`(?![/~$])[\w.-]+\.(?:rs|go|py|js|ts|jsx|tsx|java|kt|rb|c|h|cc|cpp|hpp|cs|swift|scala|php)`"
SOURCE_POINTER = re.compile(rf"^[ \t]*(?:>[ \t]*)?(?:\*\*)?(?:소스|소스\s?코드|소스\s?파일|source(?:\s+code|\s+files?)?)(?:\*\*)?"
                            rf"[ \t]*[:：](?:\*\*)?[ \t]+(?:{SOURCE_PATH})(?:\s*,\s*(?:{SOURCE_PATH}))*[ \t]*$", re.I | re.M)


def documents_source(note_text: str) -> bool:
    """Whether a note says at its head (before its first section) which source files of one codebase it walks
    through (`> 소스: `src/repl/event.rs``)."""
    end = note_text.find("\n##", 0, 2000)  # the note's first section heading ends its head
    end = 2000 if end < 0 else end
    for colon in (": `", ":** `", "： `"):
        found = note_text.find(colon, 0, end)
        while found >= 0:  # (the line it is on, from its start)
            if SOURCE_POINTER.match(note_text, note_text.rfind("\n", 0, found) + 1, end):
                return True
            found = note_text.find(colon, found + 1, end)
    return False


# a type declared and nothing more: its header (`pub enum Value {`, `pub struct Glue<T: GStore> {`,
# `pub struct TableName(String);`, `type Config struct {`, `interface Props {`), its derives, its variants and fields
# one or several to a line (`Integer(i64),`, `Column { name, table_alias },`, `Int8, Int16, Int32,`,
# `pub rows: HashMap<u64, Row>,`) and its closing brace; a method (`fn fetch(&self) …;`) or any other attribute
# (`#[error("…")]`, `#[glue(rename = …)]`: how a library is used) is more than a declaration
DECLARED_TYPE = re.compile(r"^(?:export\s+)?(?:pub(?:\([\w:]+\))?\s+)?(?:enum|struct|interface)\s+\w+(?:<[^{}]*>)?"
                           r"\s*(?:\{|\([^(){}]*\)\s*;|;)$|^type\s+\w+\s+struct\s*\{$")
DECLARED_MEMBER = re.compile(r"^(?:pub(?:\([\w:]+\))?\s+)?\w+(?:\s*:\s*[^{};=()]+|\s*\([^;{}]*\)|\s*\{[^;{}]*\}|\s+[\w.*\[\]]+)?"
                             r"(?:\s*,\s*\w+(?:\([^;{}]*\))?)*\s*,?$|^\}\s*;?$|^#\[derive\([\w:, ]*\)\]$|^(?:\.\.\.|…)$")
LINE_COMMENT = re.compile(r"\s*//.*$")
# what a program's own functions call, step by step (`handle_key(app, key)` ⏎ `↓` ⏎ `app.quit()`)
FLOW_ARROW = re.compile(r"^\s*[↓⬇│|v]\s*$|^\s*[├└]──|→")
CALL = re.compile(r"\b[A-Za-z_][\w:.]*\([^()\n]*\)")
# the first column of a table of one type's members or one crate's dependencies (`variant | SQL`, `필드 | 타입 | 설명`,
# `크레이트 | 용도`)
MEMBER_HEADER = re.compile(r"^\W*(?:variants?|필드|fields?|멤버|members?|크레이트|crates?|의존성|dependency|dependencies)\W*$",
                           re.I)
SOURCE_REMARK = 100  # characters of prose beside them: a remark on the code (`현재 `Integer` 타입만 지원한다.`), no lesson
TABLE_BLOCK = re.compile(r"(?:^[ \t]*\|[^\n]*(?:\n|$))+", re.M)


def declares_types(code: str) -> bool:
    """Code that only declares types: their names, variants and fields, no behaviour."""
    lines = [LINE_COMMENT.sub("", line).strip() for line in code.split("\n")]
    lines = [line for line in lines if line]
    return any(DECLARED_TYPE.match(line) for line in lines) and all(
        DECLARED_TYPE.match(line) or DECLARED_MEMBER.match(line) for line in lines)


def is_call_flow(code: str) -> bool:
    """A drawing of the calls one program makes in turn: arrows between lines that call its functions."""
    lines = [line for line in code.split("\n") if line.strip()]
    return sum(bool(FLOW_ARROW.search(line)) for line in lines) >= 2 and sum(bool(CALL.search(line)) for line in lines) >= 2


def is_member_table(table: str) -> bool:
    """A table of one type's variants or fields, or of a program's dependencies (by its first column's header)."""
    rows = table_rows(table)
    return len(rows) >= 2 and bool(rows[0]) and bool(MEMBER_HEADER.match(_unemphasized(rows[0][0])))


@lru_cache(maxsize=1 << 12)
def recites_source(markdown: str) -> bool:
    """An answer, in a note that walks through one codebase's source, that only shows what its code declares or
    calls: a type's declaration (`pub enum Value { Integer(i64), Null }`), a table of its variants, fields or
    dependencies, or the flow of its own calls (`handle_key(app, key)` ⏎ `↓` ⏎ `app.quit()`), with at most a short
    remark (`현재 `Integer` 타입만 지원한다.`). What its parts are called is nothing to recite; what the note explains
    of them in prose stays."""
    if "```" not in markdown and "~~~" not in markdown and "|" not in markdown:
        return False
    shown = 0
    for found in ANY_FENCE.finditer(markdown):
        code = found.group(3)
        if not (declares_types(code) or found.group(2).lower() in ("", "text", "txt", "plain") and is_call_flow(code)):
            return False  # code that does something: a lesson in how it is done
        shown += 1
    said = ANY_FENCE.sub("", markdown)
    for found in TABLE_BLOCK.finditer(said):
        if not is_member_table(found.group(0)):
            return False  # another table (`메서드 | 설명`, `항목 | 내용`): what the code offers or is for
        shown += 1
    return shown > 0 and len(visible_text(TABLE_BLOCK.sub("\n", said))) <= SOURCE_REMARK


# a title that names a project's own scripts (`GCP 스크립트 - Cloud SQL 모듈`, `Backup scripts`)
SCRIPTS_TITLE = re.compile(r"스크립트|\bscripts?\b", re.I)
SCRIPT_CELL = re.compile(r"\.(?:sh|bash|ps1)`?\s*\|")


def lists_own_scripts(table: str) -> bool:
    """A table of a project's own files (`파일 | 용도`) that names its shell scripts (`gcp-cloudsql-setup.sh`)."""
    return bool(SCRIPT_CELL.search(table)) and is_inventory_table(table)


# a table with a column of links to related notes in (nearly) every row: an index of where each thing is explained
LINK_CELL = re.compile(r"^\s*(?:\[\[[^\]]+\]\][\s,]*)+$|^\s*(?:\[[^\]]+\]\([^)]+\)[\s,]*)+$")
RELATED_HEADER = re.compile(r"관련|참고|참조|링크|노트|문서|related|see also|reference|notes?$|links?$|docs?$", re.I)


def is_cross_reference(table: str) -> bool:
    """A markdown table with a column headed as related notes (`관련 노트`, `See also`) that links to another note
    in at least four of five rows: it points to where things are explained. (A column of links headed otherwise,
    `Syntax | Description`, may be what the table teaches.)"""
    def cells(row: str) -> list[str]:
        return re.split(r"(?<!\\)\|", row.strip().strip("|"))
    lines = [line for line in table.strip().split("\n") if line.strip().startswith("|")]
    rows = [cells(row) for row in lines[2:]]
    if len(rows) < 2:
        return False
    header = cells(lines[0])
    return any(RELATED_HEADER.search(name.strip()) and sum(
        1 for row in rows if col < len(row) and LINK_CELL.match(row[col])) * 5 >= len(rows) * 4
        for col, name in enumerate(header))


def is_meta_sentence(text: str) -> bool:
    """One short sentence about the note itself (`…를 위한 가이드입니다`, `This guide explains…`)."""
    return "\n" not in text.strip() and len(text) < 120 and bool(META_SENTENCE.search(text))


# a sentence that only says what a note or section goes over (`…를 정리한다.`, `…를 다룬다.`, `The Editor page contains
# settings for …`); after one, a sentence that says what else it compares or holds (`…방식을 비교한다.`, `…테스트 방법을
# 포함한다.`), which alone would be a definition (`다른 Git 저장소를 하위 디렉토리로 포함한다.`)
GOES_OVER = re.compile(r"(?:정리|소개|요약)(?:한다|합니다|했다|하였다)\.?$|(?:다룬다|다룹니다|살펴본다|살펴봅니다|알아본다|알아봅니다)\.?$|"
                       r"^(?:this|the [\w ]{1,30}?) (?:page|section|note|guide|document|tab|chapter)s? "
                       r"(?:contains|covers|describes|lists|explains|shows|includes|goes over)\b", re.I)
ALSO_GOES_OVER = re.compile(r"(?:비교|포함|설명)(?:한다|합니다|했다|하였다)\.?$")


def goes_over(text: str) -> bool:
    """One or two short sentences that only say what the note or section goes over: an overview whose subsections
    hold what there is to learn."""
    sentences = [part.strip() for part in re.split(r"(?<=[.!?。])\s+", text.strip()) if part.strip()]
    return "\n" not in text.strip() and len(text) < 200 and 0 < len(sentences) <= 2 \
        and bool(GOES_OVER.search(sentences[0]) or META_SENTENCE.search(sentences[0])) \
        and all(GOES_OVER.search(sentence) or META_SENTENCE.search(sentence) or ALSO_GOES_OVER.search(sentence)
                for sentence in sentences[1:])


def is_log_heading(title: str) -> bool:
    """A heading that dates a day of study or work (`Day 5 - Health Check (01/01)`, `2024-01-29 실습`)."""
    return bool(LOG_HEADING.search(title))


def is_version(text: str) -> bool:
    """A version and little else (`3.12-slim 기반`, `v1.28`): an environment's setting, not knowledge."""
    return bool(VERSION_ONLY.match(text.strip()))


def is_drawing_text(code: str) -> bool:
    """Text drawn with box characters (an architecture sketch, a directory tree): a picture, not code."""
    lines = [line for line in code.split("\n") if line.strip()]
    return bool(lines) and sum(bool(BOX_DRAWING.search(line)) for line in lines) * 2 >= len(lines)


def is_date(text: str) -> bool:
    """A date or time and nothing else."""
    return bool(DATE_TIME.match(text)) or match_date(text.strip()) is not None and len(text.strip()) <= 12


FILE_ONLY = re.compile(r"^\W*[\w./~-]+\.(?:ya?ml|json|sh|py|md|txt|conf|cfg|toml|ini|env|js|ts|rs|go|sql)\W*$", re.I)


@lru_cache(maxsize=1 << 14)
def nothing_to_learn(text: str) -> bool:
    """Only links, URLs, tags, dates, numbers and punctuation: a side with nothing to recall (images excepted,
    which the caller keeps)."""
    if is_date(text) or FILE_ONLY.match(text.strip()):
        return True  # a date, or a file's name alone (the caption of a listing)
    rest = LINK.sub(" ", HTML.sub(" ", text))
    rest = URL.sub(" ", rest)
    rest = TAG.sub(" ", rest)
    return not FILLER.sub("", rest)


POINTED = re.compile(r"\b(?:can be|are|is) (?:found|configured|described|covered|explained|documented|listed) "
                     r"(?:in|on|at)\b", re.I)
# one sentence whose only words before its link say what the link is for (`To sync your notes with Obsidian on
# Android see [[Sync your notes across devices]].`, `For information on syncing notes …, please see [[…]].`)
SENT_TO_LINK = re.compile(r"^\W*(?:to|for (?:(?:more|further|additional|detailed|complete|full)\s+)?"
                          r"(?:information|info|details|help|instructions))\b[^.!?\n]{0,100}?\s"
                          r"(?:please\s+)?(?:see|refer to|read|visit|check)\s+(?:the\s+)?"
                          r"(?:\[\[[^\[\]\n]+\]\]|\[[^\[\]\n]+\]\([^()\s]+\))[\s.]*$", re.I)
POINTER = re.compile(r"^\W*(?:see|refer to|learn (?:more|how)|"
                     r"for (?:more|further|detailed|additional) (?:info|information|details)|read more|"
                     r"more (?:info|information|details)|check out|visit|you can find|자세한 (?:내용|사항)|관련 (?:내용|문서)|"
                     r"참고\s*[:：]|더 (?:알아보|보기))", re.I)


@lru_cache(maxsize=1 << 14)
def is_pointer(text: str) -> bool:
    """A short answer that only points elsewhere (`See the list of functions.`, `자세한 내용은 [[Pod]] 참고`)."""
    plain = text.strip()
    return len(plain) <= 160 and "\n" not in plain and bool(POINTER.match(plain) or POINTED.search(plain)
                                                             or SENT_TO_LINK.match(plain) or re.search(
        r"(?:참고|참조)(?:하세요|할 것|바람)?[.\s]*$", plain)) and bool(LINK.search(plain) or URL.search(plain) or
                                                        re.match(r"^\W*(?:see|refer to)\b", plain, re.I))


# a sentence that sends the reader elsewhere for the rest (`For more details, refer to [[…]].`, `For questions about
# account security, please refer to […]`)
SENDS_FOR_MORE = re.compile(r"^(?:for (?:more|further|additional|in[- ]depth)\b[^,.]{0,40}|for (?:questions|help) "
                            r"(?:about|on|with)\b[^,]{0,60}),\s*(?:please\s+)?(?:see|refer to|read|visit)\b", re.I)
TEASER = 90  # characters of the one sentence before it: what it is about, not yet the answer


@lru_cache(maxsize=1 << 14)
def sends_for_more(text: str) -> bool:
    """One line of at most two sentences whose last one sends the reader to a link for the rest, after at most one
    short sentence that only says what there is (`Obsidian Sync can reload certain settings, but there are some
    limitations. For more details, refer to [[Reloading of settings]].`): the answer is on the other page."""
    plain = text.strip()
    if "\n" in plain or not re.search(r"(?i)for (?:more|further|additional|in[- ]depth|questions|help)\b", plain):
        return False
    sentences = re.split(r"(?<=[.!?])\s+(?=\S)", plain)
    return len(sentences) <= 2 and bool(SENDS_FOR_MORE.match(sentences[-1])) \
        and bool(LINK.search(sentences[-1]) or URL.search(sentences[-1])) \
        and (len(sentences) == 1 or len(visible_text(sentences[0])) <= TEASER)


LINK_ONLY_LINE = re.compile(r"^[^\w\[]*(?:\w[^\[\]:：]{0,12}[:：]\s*)?(?P<link>\[\[[^\[\]\n]+\]\]|\[[^\[\]\n]+\]\([^()\s]+\))\W*$")
DETAIL_LABEL = re.compile(r"^\W*(?:상세|자세히|자세한|더 ?보기|원문|전체|details?|more|read more|full\b|docs?\b|documentation)", re.I)


def is_map_entry(term: str) -> bool:
    """A term that is only a link to a map of notes (`[GCP_MOC](./GCP/GCP_MOC.md)`, `[[K8s Index]]`): its line
    lists what that map holds, a table of contents, not a definition."""
    if not LINK.fullmatch(term.strip()):
        return False
    shown = re.sub(r"^!?\[\[?|(?:\]\(.*|\]\])$", "", term.strip()).split("|")[-1]  # its text or alias
    return bool(MAP_OF_NOTES.search(shown.strip().lower()))


MAP_ITEM = re.compile(r"^[-*+]\s+(?:\*\*|__)?(\[\[[^\[\]\n]+\]\]|\[[^\[\]\n]+\]\([^()\s]+\))")


# a trail of pages down to a link (`kubernetes.io > Documentation > Concepts > [Secrets](https://…)`): where to read
DOCS_TRAIL = re.compile(r"[^\n>]{1,60}(?:\s(?:>|›|→)\s[^\n>]{1,60}){1,8}\s(?:>|›|→)\s\[[^\]\n]+\]\([^)\n]+\)\s*")


def is_docs_trail(text: str) -> bool:
    """Lines that are each a trail of pages down to a link to read (a chapter's references), and nothing else."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and all(DOCS_TRAIL.fullmatch(line.strip()) for line in lines)


def is_map_list(text: str) -> bool:
    """A list whose every item opens with a link to a map of notes: the vault's table of contents."""
    top = [line for line in text.split("\n") if line.strip() and not line[:1].isspace()]
    return bool(top) and all((found := MAP_ITEM.match(line)) and is_map_entry(found.group(1)) for line in top)


SUMMARY_SAYS = re.compile(r"(?:[.!?。]|다)\s*$")


def is_summary_and_link(text: str) -> bool:
    """An entry of a learning log or an index: one short line that sums a note up and a line that is only a link
    to it (`> 프라이빗 레지스트리 구축` over `📖 [상세 문서](./day4/README.md)`): a pointer, not an explanation."""
    lines = [line for line in text.strip().split("\n") if line.strip()]
    if len(lines) != 2 or "```" in text or len(lines[0]) > 80 or SUMMARY_SAYS.search(lines[0]):
        return False  # (a sentence that says something is an explanation, with its source linked)
    found = LINK_ONLY_LINE.match(lines[1])
    if not found:
        return False
    link = found.group("link")
    return link.startswith("[[") or bool(DETAIL_LABEL.match(link[1:])) or bool(re.search(r"\.md\)$|/\)$", link))


HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]")
UI_ACTION = re.compile(r"^(?P<what>(?:\S+\s+){0,3}\S*?)\s*(?P<verb>입력|선택|클릭|체크|입력함|선택함|누르기|누름|"
                       r"enter|type|select|choose|click|check|tick|press)\.?$", re.I)
UI_WORDS = re.compile(r"드롭다운|버튼|메뉴|탭에서|체크박스|라디오|dropdown|button|menu|checkbox|radio", re.I)


# a step taken in an app's screens: `Open **Settings**.`, `In the sidebar, select …`, `Finally, enter …`, `**계속** 클릭`
UI_STEP = re.compile(r"^(?:(?:in|on|from|under|at|inside|within|next to)\b(?:[^\n]{0,80}?,\s*|[^,.\n]{0,40}?\s+)|"
                     r"(?:(?:once|after|when)\b[^,]{0,60}|finally|then|next|now),\s*)?(?:then\s+)?(?:open|select|click|"
                     r"tap|choose|go to|navigate to|enter|type|press|toggle|enable|disable|turn (?:on|off)|sign (?:in|up)|"
                     r"log (?:in|into)|drag|scroll|hover|right-click|expand|paste|confirm|switch|find|pick|"
                     r"check(?!\s+(?:that|whether|if|for)\b)|uncheck|visit|return to|close|exit|allow)\b", re.I)
# (`Check that …`: no click; `Exit the menu.`, `Under **Permissions** allow it to run on all websites.`: steps in an
# app's screens too)
UI_STEP_KO = re.compile(r"(?:클릭|선택|누르기|누름|누릅니다|누르세요|입력|이동|체크)(?:합니다|하세요|한다|함|해요|해 주세요)?\.?\s*$")
# what the screen does in between (`A popup window will appear …`, `… should appear in the taskbar`)
SCREEN_CHANGE = re.compile(r"\b(?:appears?|will appear|should appear|will open|opens up|is shown|is displayed|"
                           r"(?:will be|is) replaced)\b", re.I)
NUMBERED = re.compile(r"^(?:\d+[.)])\s+(.*)$")
BULLETED = re.compile(r"^[-*+]\s+(?:\[.\]\s+)?(.*)$")
COMMAND_SPAN = re.compile(r"`\s*(?:sudo\s+)?[a-z][\w.-]*\s+[\x21-\x7e][\x20-\x7e]*`")  # `kubectl get pods`, not `새 인증서 만들기`
LABELLED = re.compile(r"^\*\*[^*\n]+\*\*[^:：\n]{0,30}[:：]\s")  # `- **Drag a note** (desktop only): …`: a way named, no step
CAPABILITIES = re.compile(r"\b(?:you can|allows? you to|lets? you|enables? you to)\s*[:：]\s*$", re.I)
CLICKS_SAID = 90  # characters of prose beside the steps that never make an explanation of them


def _is_click(step: str) -> bool:
    if any(COMMAND_SPAN.fullmatch(f"`{code}`") for code in re.findall(r"`([^`\n]+)`", step)):
        return False  # a command typed in code (`kubectl get pods`): a procedure worth recalling
    return any(UI_STEP.match(sentence) or UI_STEP_KO.search(sentence)
               for sentence in re.split(r"(?<=[.!?])\s+", step)) or bool(SCREEN_CHANGE.search(step))


def is_click_through(text: str, least: int = 2) -> bool:
    """A procedure of steps taken in an app's screens (`1. Open **Settings**.` `2. Select **Community plugins**.`,
    or bullets written as sentences: `- In the **Profile** section, select **Enable**.`), two thirds of them clicks,
    choices and what the screen does, and no code: a recipe looked up, not recalled. Prose beside the steps that
    is short, or at most half their length (`You can change the app icon. To change it:`), only leads into them.
    `least`: the fewest steps that make one (a task announced by its own lead-in is one with a single click)."""
    if "```" in text or "~~~" in text:
        return False
    lines = text.split("\n")
    steps = [found.group(1) for found in map(NUMBERED.match, lines) if found]
    bullets = [found.group(1) for found in map(BULLETED.match, lines) if found and not LABELLED.match(found.group(1))]
    if sum(bool(re.search(r"[.!?。]\s*$", item) or UI_STEP_KO.search(item)) for item in bullets) * 3 >= len(bullets) * 2 \
            and not any(CAPABILITIES.search(line) for line in lines):
        steps += bullets  # (a list of what the app offers, `- Open daily note`, `With this view you can:`, is no procedure)
    steps = [step.replace("**", "").strip() for step in steps]
    clicks = sum(map(_is_click, steps))
    said = " ".join(line for line in lines if line.strip() and not NUMBERED.match(line) and not line[:1].isspace()
                    and not line.rstrip().endswith((":", "：")) and not line.lstrip().startswith((">", "-", "*", "+")))
    room = CLICKS_SAID if "`" in said else max(CLICKS_SAID, sum(map(_shown_length, steps)) // 2)
    return len(steps) >= least and clicks * 3 >= len(steps) * 2 and _shown_length(said) <= room  # (more explains; a
    # setting or command written beside the steps, `Set `publish: true` in a note's properties`, is worth knowing)


def _shown_length(text: str) -> int:
    """Characters a reader sees: link texts without their targets, no icons."""
    text = re.sub(r"!\[\[[^\]\n]*\]\]|!\[[^\]\n]*\]\([^)\n]*\)", "", text)
    text = re.sub(r"\[\[(?:[^\]|\n]*\|)?([^\]\n]*)\]\]", r"\1", text)
    return len(re.sub(r"\[([^\]\n]*)\]\([^)\n]*\)", r"\1", text))


@lru_cache(maxsize=1 << 14)
def is_ui_action(answer: str) -> bool:
    """A short answer that is a step in a form (`myuser 입력`, `web-server-boot 선택`, `드롭다운에서 … 선택`,
    `버킷 이름 클릭 > 구성 탭 > 수정`), not something to know; `파드를 실행할 노드 선택` (a node selection) is knowledge."""
    plain = re.sub(r"\s*\([^()]*\)$", "", answer.strip())  # `커스텀 선택 (수동 서브넷 관리)`: the step is before the brackets
    if re.search(r" (?:>|→|->) ", plain) and re.search(r"클릭|탭|메뉴|우측|좌측|상단|하단|프로필|click|menu|tab|profile",
                                                       plain, re.I) and len(plain) <= 80:
        return True  # a path through a console
    found = UI_ACTION.match(plain) if len(plain) <= 50 else None
    if not found:
        return False
    what = found.group("what")
    if not what.strip():
        return False  # `Enter` alone: a key, not a step
    literal = "`" in what or '"' in what or bool(re.fullmatch(r"[\x00-\x7f]+", what.strip() or "x"))
    return found.group("verb") in ("입력", "클릭", "입력함", "누르기", "누름") or literal or bool(UI_WORDS.search(plain))


# the flag every command-line tool has, and what it does everywhere (`--help` -> `도움말 메시지를 표시합니다`)
HELP_FLAG = re.compile(r"(?:-h\s*,\s*)?--help|-h", re.I)
HELP_WORDS = re.compile(r"도움말|사용법|\bhelp\b|\busage\b", re.I)
# the person a design serves, or the device in that person's hands, defined as such (`사용자: 유튜브를 시청하는
# 이용자다`, `iOS 단말: 푸시 알림을 수신하는 사용자 단말이다`)
SCENARIO_USER = re.compile(r"사용자|이용자|유저|고객|(?:end[- ]?)?users?|(?:[\w-]+\s+)?(?:단말기?|기기|디바이스|devices?)", re.I)
A_PERSON = re.compile(r"(?:이용자|사용자|사람|주체|고객|유저|\busers?|\bperson|\bpeople|\bsomeone|"
                      r"(?:사용자|이용자|고객)\s*(?:단말기?|기기|디바이스|장치)|\busers?'?s? devices?)(?:이다|다|입니다|임)?\W*$",
                      re.I)
# a sentence after it that only names the API that person calls, given in the design's API list (`GET /v1/me/feed
# API를 이용한다`, `It calls the upload API.`)
CALLS_AN_API = re.compile(r"^[^.!?\n]{0,50}?\b(?:API|엔드포인트|endpoint)\S*\s*(?:를|을)?\s*(?:이용|사용|호출)(?:한다|합니다|함)\.?$"
                          r"|^(?:it |they )?(?:uses|calls) (?:the )?[^.!?\n]{0,50}?\b(?:API|endpoint)s?\.?$", re.I)
# a column of an example table named for what it holds (`query: 질의문을 저장하는 필드다.`)
STORING_COLUMN = re.compile(r"^\S[^\n]{0,40}?(?:을|를)\s*(?:저장|보관|기록|담)\S*\s*(?:필드|컬럼|칼럼|열)(?:이다|다|입니다|임)?\.?$")


def is_everyday_scenario_term(term: str, definition: str) -> bool:
    """A definition of what every reader knows, in the note's own scenario: the help flag (`--help` ->
    `도움말 메시지를 표시합니다`), the user of a designed system (`사용자` -> `유튜브를 시청하는 이용자다`), a column of
    an example table named for what it holds (`query` -> `질의문을 저장하는 필드다`)."""
    term, definition = term.strip(), definition.strip()
    return bool(HELP_FLAG.fullmatch(term) and HELP_WORDS.search(definition)) \
        or bool(SCENARIO_USER.fullmatch(term) and len(definition) <= 100 and _names_a_person(definition)) \
        or bool(re.fullmatch(r"[a-z]+", term) and STORING_COLUMN.match(definition))


def _names_a_person(definition: str) -> bool:
    """`뉴스 피드를 읽는 주체다.`, and at most a sentence more on which API the person calls: who uses the design."""
    first, _, rest = definition.partition(". ")
    if not rest:
        return len(definition) <= 60 and bool(A_PERSON.search(definition))
    return len(first) <= 60 and bool(A_PERSON.search(first)) and bool(CALLS_AN_API.match(rest.strip()))


# words an answer may add to its term and still say nothing more: articles, pronouns, prepositions, and nouns
# that any answer could end on (`Retain` -> `Retains data`, `Search Vault` -> `Search your vault for a keyword`),
# in Korean too (`IoT와 같은 … 환경에서의 요청 처리`)
SAYS_NOTHING = frozenset(
    "a an the to of for from in on at by with into as and or its it this that your you all any each every "
    "specific existing given data text value values keyword 같은 등 환경 위한 대한 통한".split())
# the particle or copula a Korean word ends on, no part of what it says (`IoT와`, `환경에서의`, `단말이다`)
KO_PARTICLE = re.compile(r"(?<=[\uac00-\ud7a3\w])(?:에서의|에서|에게|으로|로|와|과|의|은|는|이|가|을|를|에|도|만|이다|입니다|다)$")
ARTICLES = frozenset(("a", "an", "the", "to", "of"))
INFLECTION = re.compile(r"(?:ing|ed|es|s|e)$")


def _stem(word: str) -> str:
    """An English word without its ending (`retains`, `bookmarked`, `gets` -> `retain`, `bookmark`, `get`)."""
    stem = INFLECTION.sub("", word)
    return stem if len(stem) >= 3 else word


def _words_beyond(answer: str, term: str, inflected: bool) -> tuple[list[str], list[str], int]:
    """The answer's words, those the term does not hold (but for words that say nothing), and how many it holds.
    Korean words carry endings: their first two syllables are what the term already says; `inflected` counts an
    English word in another form (`retains` for `retain`) as held too."""
    words = re.findall(r"[\w]+", answer.lower())
    lowered = term.lower()
    known = set(re.findall(r"[\w]+", lowered))
    stems = {_stem(word) for word in known} if inflected else set()

    def given(word: str) -> bool:
        return not word.isdigit() and (word in known or _stem(word) in stems
                                       or (bool(HANGUL_WORD.match(word)) and word[:2] in lowered))
    held = [given(word) for word in words]
    if not inflected:
        return words, [w for w, h in zip(words, held) if not h and w not in ARTICLES], sum(held)
    rest = [word for word, h in zip(words, held) if not h and word not in SAYS_NOTHING
            and not (HANGUL_WORD.match(word) and KO_PARTICLE.sub("", word) in SAYS_NOTHING)]  # (`환경에서의`)
    return words, rest, sum(held)


@lru_cache(maxsize=1 << 14)
def restates(answer: str, term: str) -> bool:
    """An answer that says little beyond the term itself (`New Note` -> `Create a new note`, `뷰렌더링` ->
    `뷰를 통해서 뷰를 렌더링한다`)."""
    words, rest, _ = _words_beyond(answer, term, inflected=False)
    return bool(re.search(r"\w", term)) and len("".join(rest)) <= 8 and len(rest) < len(words)


@lru_cache(maxsize=1 << 14)
def says_nothing_more(answer: str, term: str) -> bool:
    """A plain answer (no code: code shows syntax) whose words the term already holds, in another form or not,
    but for at most eight letters, words that any answer could hold left aside: `Retain` -> `Retains data`,
    `Average` -> `average of all numeric values`, `Get Daily Note` -> `Gets text from a daily note`; a
    definition in words of its own (`etcd` -> `key-value 저장소`) shares none of the term's, and a number or a path
    is a value to know."""
    if re.search(r"\d|\w[/\\]|[/\\]\w", answer):
        return False  # a number, a path or an address is a value to know (`etcd 인증서 파일` -> `/etc/etcd/ 디렉토리`)
    _, rest, held = _words_beyond(answer, term, inflected=True)
    return held > 0 and len("".join(rest)) <= 8


def is_link_list(items: list[str]) -> bool:
    """A list most of whose items are links (a table of contents, a map of notes)."""
    return bool(items) and sum(map(is_link_list_item, items)) * 2 > len(items)


@lru_cache(maxsize=1 << 14)
def is_link_list_item(text: str) -> bool:
    """A list item that is a link with at most a short label beside it (a table of contents, a MOC); an
    embedded image is content, not a link; a link written in code (`` `[[Example]]` ``) shows the syntax."""
    if re.search(r"`[^`\n]*(?:\[\[|\]\()[^`\n]*`", text):
        return False
    links = [m for m in LINK.finditer(text) if not m.group(0).startswith("!")]
    if not links and not URL.search(text):
        return False
    rest = HTML.sub(" ", text)
    links = [m for m in LINK.finditer(rest) if not m.group(0).startswith("!")]
    for match in reversed(links):
        rest = rest[:match.start()] + " " + rest[match.end():]
    rest = FILLER.sub(" ", URL.sub(" ", rest)).split()
    return len(rest) <= 3 and sum(map(len, rest)) <= 15


# what a label can stand for, written out: an address, a path, a domain, a key chord, a number with its unit
VALUE_SHAPES = re.compile(
    r"(?:https?|ftp)://\S+"
    r"|(?:[A-Za-z]:)?[\\/~][\w.~<>$*;=+:-]*(?:[\\/][\w.~<>$*;=+:-]*)*"  # `/users/me/vaults`, `C:\Vaults`, `~/x`
    r"|(?P<relative>[\w.<>$*;=+-]+(?:[\\/][\w.~<>$*;=+:-]*)+)"  # `Drive/my-vault`, `text/plain`, `feat/main`
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+){2,}(?::\d+)?"  # `publish.obsidian.md`, `10.0.0.1:80`
    r"|(?:ctrl|cmd|command|shift|alt|option|opt|meta|win|super|fn)(?:\s*\+\s*[\w,.;/`'\[\]-]+)+"  # `Ctrl+Shift+I`
    r"|\d[\d,.]*\s*(?:바이트|bytes?|[KMGT]?B|[KMG]?bps|ms|초|분|시간|%|개|대)?(?![\w.])", re.I)
VALUE_FILLER = re.compile(r"[\s,;:()\[\]'\"“”/.·→]+|\b(?:or|and|to|default|또는|혹은|및|등)\b", re.I)


# a keyboard shortcut: modifiers and a key (`Ctrl+Shift+K`, `Option+←`, `Enter`, `⌘ ⌥`, `Down arrow`), or one character
MODIFIER = r"(?:ctrl|control|cmd|command|shift|alt|option|opt|meta|win|super|fn|[⌘⌥⇧⌃])"
KEY_NAME = (r"(?:enter|return|esc|escape|tab|backspace|delete|del|space|spacebar|insert|home|end|page ?up|page ?down|"
            r"pgup|pgdn|(?:up|down|left|right)(?: arrow)?|f\d{1,2}|[^\s`+/,])")
KEY_CHORD = re.compile(rf"(?:{MODIFIER}\s*\+\s*)*(?:{KEY_NAME}|{MODIFIER})", re.I)
CHORDS_APART = re.compile(r"\s*(?:\bor\b|\band\b|\bthen\b|또는|/|,)\s*", re.I)
KEY_REMARK = re.compile(r"\((?:[^()`]|`[^`]*`)*\)|_none_|\bnone\b", re.I)  # `(or `Cmd+Enter` on macOS)`


@lru_cache(maxsize=1 << 12)
def is_key_chord(text: str) -> bool:
    """Text that only names keys to press, one shortcut or a few (`` `Ctrl+Shift+K` ``, `` `Enter` ``, `` `Left/→` ``,
    `` `Down arrow` or `Tab` ``, `` `Cmd+Delete` (with no selected text) ``): a key written in code, or a chord
    with a modifier, with what is said in brackets beside it left aside."""
    plain = KEY_REMARK.sub(" ", re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)).strip()
    spans = re.findall(r"`([^`\n]+)`", plain)
    rest = re.sub(r"`[^`\n]+`", " ", plain)
    if not spans and not re.search(MODIFIER + r"\s*\+", rest, re.I):
        return False  # (a word outside code, `Delete`, is a word; a chord with a modifier is a key anywhere)
    pieces = [piece for chunk in spans + [rest] for piece in CHORDS_APART.split(chunk.strip()) if piece]
    return bool(pieces) and all(KEY_CHORD.fullmatch(piece) or all(map(KEY_CHORD.fullmatch, piece.split()))
                                for piece in pieces)  # (`⌘ ⌥ Shift`: keys held together)


def _bare_value(found: re.Match) -> str:
    """A value outside code, marked; a relative path outside code only in lower case (`text/plain`, not `TCP/IP`)."""
    relative = found.group("relative")
    return found.group(0) if relative and relative != relative.lower() else " \0 "


@lru_cache(maxsize=1 << 14)
def is_bare_value(text: str) -> bool:
    """Text that only gives values, such as paths, addresses, domains, key chords or sizes (`` `C:\\Vaults` ``,
    `publish.obsidian.md`, `Ctrl+Shift+I`, `1500바이트`), with at most a word between them: what a label in a list
    stands for. Code that is not such a value (`` `[[Note]]` ``, `` `{% set x = 1 %}` ``) is an example, not a value."""
    plain = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text.strip())
    found = False
    for span in re.findall(r"`([^`\n]+)`", plain):
        if not VALUE_SHAPES.fullmatch(span.strip()):
            return False
        found = True
    rest = VALUE_SHAPES.sub(_bare_value, re.sub(r"`[^`\n]+`", " ", plain))
    return (found or "\0" in rest) and len(VALUE_FILLER.sub(" ", rest.replace("\0", " ")).split()) <= 1


# one command alone as the answer: a code span, or a fence whose one line is not a comment (`$ ` prompt aside)
LONE_COMMAND = re.compile(r"^`(?P<span>[^`\n]+)`\.?$|^(?:```|~~~)[\w+-]*[ \t]*\n(?P<fenced>(?:[^\n]*\n){1,4})(?:```|~~~)$")


PLAIN_WORD = re.compile(r"-{0,2}[^\W\d_][\w-]*")  # a program, a subcommand or a flag: no path, value or placeholder


@lru_cache(maxsize=1 << 14)
def spells_out_heading(answer: str, heading: str) -> bool:
    """A command that only spells out its own heading (`Git Fetch` -> `git fetch`, `Get Service Accounts` ->
    `kubectl get serviceaccount`): every word after the program's name is a heading word, in another form or
    written as one (`serviceaccount`); an argument, a flag or a subcommand the heading does not name is the lesson."""
    found = LONE_COMMAND.match(answer.strip())
    if not found:
        return False
    command = found.group("span") or found.group("fenced")
    lines = [line for line in command.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    if len(lines) != 1:
        return False
    said = re.sub(r"^\s*(?:\$|>|sudo)\s+", "", lines[0]).lower().split()
    if not said or len(said) > 4 or not all(map(PLAIN_WORD.fullmatch, said)):
        return False  # (`git add .`, `ls .git/hooks/`: a path or a value is what to recall)
    said = [word.lstrip("-") for word in said]
    heard = re.findall(r"[^\W_]+", heading.lower())
    held = {_stem(word) for word in heard}
    held.update(_stem("".join(heard[i:i + 2])) for i in range(len(heard) - 1))  # `Service Accounts`: `serviceaccount`
    given = [_stem(word) in held for word in said]
    return all(given[1:]) and (len(said) > 1 or given[0])


# words an answer may say around the name of a setting, a command or a type and still say nothing of its own: being,
# letting, showing, choosing (`Show sync status`, `Choose an existing note`), and a Korean operation or role word
# (`ALTER TABLE 연산`)
SAYS_NOTHING_AROUND = SAYS_NOTHING | frozenset(
    "is are be can will lets let allows allow enable enables you your it its they them their which "
    "show shows display displays view set sets toggle toggles turn turns choose chooses select selects "
    "연산 기능 작업 역할 것 수 있다 있는 한다 하는 하다 함 된 되는 된다 용 및 해당".split())
# what makes a short answer say more than its front, whatever its words: a case (`when`, `unless`, `시`, `경우`), a
# reason (`because`, `위해`), an example (`e.g.`, `such as`, `예:`), a negation or a comparison (`not`, `않`, `보다`), a
# default (`기본`)
SAYS_A_CASE = re.compile(r"\b(?:when|whenever|if|unless|only|until|while|because|since|except|instead|without|not|"
                         r"never|no|default|e\.g|eg|such|like|example|but|than|more|less)\b|n't|"
                         r"시$|시\s|때|경우|면서|으면|하면|되면|라면|때문|위해|예:|예시|예를|대신|않|없|못|만$|보다|기본", re.I)
# a value, a path, an address, a link, code or a table: something to recall beyond words (`font size in pixels`)
SAYS_A_VALUE = re.compile(r"\d|\[\[|\]\(|\w[/\\]|[/\\]\w|https?:|```|~~~|!\[|\||\b(?:pixels?|px|seconds?|minutes?|"
                          r"hours?|days?|bytes?|kb|mb|gb|percent|characters?)\b", re.I)
MAKES_NEW = frozenset(("create", "creates", "creating", "add", "adds", "make", "makes"))
CAMEL_JOINT = re.compile(r"(?<=[a-z])(?=[A-Z])")
LETTERS = re.compile(r"[^\W\d_]+")


def _content_words(text: str) -> list[str]:
    """Lowered words, a name in CamelCase or snake_case split (`AlterTable`, `translate_with_params`)."""
    return [word.lower() for word in LETTERS.findall(CAMEL_JOINT.sub(" ", text))]


def _same_word(said: str, asked: str) -> bool:
    """One English word in another form or derivation: `gets`/`get`, `deleting`/`deletion`, `automatically`/`auto`;
    a shared start of four letters or more that leaves at most two letters of the shorter word."""
    if said == asked or _stem(said) == _stem(asked):
        return True
    shared = len(os.path.commonprefix((said, asked)))
    return shared >= 4 and shared >= min(len(said), len(asked)) - 2


@lru_cache(maxsize=1 << 14)
def only_says_the_front(answer: str, front: str) -> bool:
    """A short answer that says its front again in other words (`Auto-pair brackets` -> `Pair brackets and quotes
    automatically.`, `` `AlterTable` `` -> `ALTER TABLE 연산`, `sync:status` -> `Show sync status and usage.`): its
    words are the front's, in another form, split or with a Korean particle, but for one word (two short ones in a
    short answer, `Ask before deleting a file.` under `Confirm file deletion`) and words that say nothing around a
    name. An answer with a value, a unit, a path, a link, code the front does not show, a case, a reason or an
    example says something of its own."""
    if "\n" in answer or len(answer) > 120 or SAYS_A_VALUE.search(answer):
        return False
    if any(span not in front for span in CODE_SPAN.findall(answer)):
        return False
    shown = visible_text(answer)
    asked = _content_words(visible_text(front))
    if not asked or len(asked) > 8 or SAYS_A_CASE.search(shown):
        return False
    joined = "".join(asked)
    said = _content_words(shown)
    held, rest = 0, []
    for word in said:
        if HANGUL_WORD.match(word):
            word = KO_PARTICLE.sub("", word) or word
            if word[:2] in joined:
                held += 1
            elif word not in SAYS_NOTHING_AROUND:
                rest.append(word)
        elif any(_same_word(word, known) for known in asked) or word in MAKES_NEW and "new" in asked:
            held += 1  # (`Open New Note` -> `Create a new note in your vault`: what a new thing is, made)
        elif word not in SAYS_NOTHING_AROUND:
            rest.append(word)
    if not held or len(rest) > 2:
        return False
    # (a Korean syllable holds about as much as three letters: `자동으로 … 통합` is two words of their own)
    letters = sum(len(word) * (3 if HANGUL_WORD.match(word) else 1) for word in rest)
    return len(rest) <= 1 or held >= 2 and letters <= 9 and len(said) <= 8
