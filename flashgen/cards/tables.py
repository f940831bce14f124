"""Tables whose rows are cards of their own: a table of errors with their causes and fixes (`오류 | 원인 | 해결`)
gives the error → its cause and fix; a reference table of commands, options or methods (`명령어 | 설명`,
`Option | Description`) gives what a command does → the command, and an option or method → what it does. One card
per row instead of one card that asks for the whole table; an option or function in code whose description only
translates its name (`col("name")` | `컬럼 참조`) is asked the other way, what it does → its name. A table of a subject's
features (`항목 | 설명` under `VPC 특징`) gives the subject and each feature's label → what the row says of it; a
comparison table (`| 항목 | AWS | GCP |`) the things compared and each aspect → what each is in it; a table of kinds
(`디스크 유형 | IOPS | 용도`) each kind → what its columns say of it. A list of
`**원인**: …` and `**해결**: …` under an error's heading is that error's card too, instead of a card per label."""

from __future__ import annotations

import re

from flashgen.cards.context import RuleContext
from flashgen.cards.fronts import bracketed_only, unmarked
from flashgen.cards.model import Card
from flashgen.cards.plain import ASPECT_COLUMN, in_context, topic_of
from flashgen.cards.quality import (
    MODIFIER,
    is_generic,
    is_key_chord,
    is_one_setups_table,
    names_instances,
    nothing_to_learn,
    numbered_table_rows,
    restates,
    runs_scripts,
    words,
)
from flashgen.cards.text import clean_title, unbolded, visible_text
from flashgen.vault.heading_text import heading_text
from flashgen.vault.model import Section

SYMPTOM = re.compile(r"^\W*(?:오류|에러|문제|증상|현상|장애|error|errors|problem|problems|symptom|symptoms|issue|issues)"
                     r"(?:\s*(?:메시지|내용|message))?\W*$", re.I)
CAUSE = re.compile(r"^\W*(?:원인|이유|cause|causes|reason|why)\W*$", re.I)
FIX = re.compile(r"^\W*(?:해결|해결책|해결 ?방법|조치|대응|대처|fix|fixes|solution|solutions|resolution|workaround)\W*$",
                 re.I)
COMMAND = re.compile(r"^\W*(?:명령어|명령|커맨드|command|commands|cmd)\W*$", re.I)
VARIABLES_OR_ROLES = r"변수|환경 ?변수|variables?|environment variables?|역할|roles?"
HEADERS = r"헤더|헤더 ?이름|headers?|header names?"
NAMED = re.compile(r"^\W*(?:옵션|option|options|플래그|flag|flags|메서드|메소드|method|methods|함수|function|functions|"
                   r"키워드|keyword|keywords|매크로|macro|macros|트레이트|trait|traits|파라미터|parameter|parameters|"
                   rf"인자|argument|arguments|필드|field|fields|{VARIABLES_OR_ROLES}|{HEADERS})\W*$", re.I)
# kinds of names that a reference writes in code (`GITHUB_SHA`, `roles/storage.admin`); in words they name a setup's parts
NAMED_IN_CODE = re.compile(rf"^\W*(?:{VARIABLES_OR_ROLES})\W*$", re.I)
DESCRIBES = re.compile(r"^\W*(?:설명|용도|의미|기능|역할|정의|동작|description|purpose|meaning|usage|effect|"
                       r"what it does)\W*$", re.I)
SWITCH = re.compile(r"^(?:enable or disable|enables or disables|toggle|toggles|turn (?:on|off)|show or hide|shows or hides)\b",
                    re.I)
EMPTY_CELL = ("", "-", "—", "–")
# the header of a column of keys to press: shortcuts, or the platform they are pressed on
KEYS_HEADER = re.compile(r"^\W*(?:(?:keyboard )?shortcuts?|hotkeys?|keys?|key ?bindings?|단축키|키|키 조합|"
                         r"(?:macos|mac|windows|linux|windows/linux|windows and linux)(?: shortcuts?)?)\W*$", re.I)
MODIFIED = re.compile(rf"{MODIFIER}\s*\+|[⌘⌥⇧⌃]", re.I)  # a modifier held with a key
# what every app does with the same keys: its shortcut is no lesson of the app at hand
EVERY_APP = re.compile(r"copy|cut|paste|undo|redo|select all|save|print|find|복사|잘라내기|붙여넣기|실행 취소|되돌리기|다시 실행|"
                       r"모두 선택|전체 선택|저장|인쇄|찾기", re.I)
NO_KEY = re.compile(r"[*_]*(?:none|없음)[*_]*", re.I)  # `_None_`: no key to press
# What a row of a table of errors names when it is an error a learner meets again: a code span, an HTTP status, or
# words of failure (`connection refused`, `CrashLoopBackOff`, `Pending`, `403`, `접속 실패`). `No import options`,
# `OFFLINE 상태` are what one setup showed, not an error to recognise.
READS_AS_ERROR = re.compile(
    r"`|\b[1-5]\d\d\b|error|fail|refused|denied|unknown|forbidden|unauthori[sz]ed|timeout|timed out|invalid|cannot|"
    r"can't|could not|not found|no such|too old|reset|backoff|crash|pending|terminating|evicted|oomkilled|stuck|hang|"
    r"unreachable|mismatch|conflict|exceed|missing|오류|에러|실패|불가|안 ?됨|안 ?되|충돌|불일치|멈춤|멈춰|경고|대기|거부|"
    r"없음|누락|초과|끊김", re.I)
# A fix that is no fix anywhere else: ignore it, see above, recover by hand.
NO_FIX = re.compile(r"무시|\bignor|위 ?참조|아래 ?참조|상단 ?참조|\bsee (?:above|below)\b|수동(?:으로)? ?(?:복구|처리|해결)|"
                    r"\bmanually\b|\bby hand\b", re.I)
# A table of what a subject is like, a label a row (`항목 | 설명` over `**범위** | 글로벌 리소스 …` under `VPC 특징`): its
# first column names aspects, its second says them; the heading or the header names features.
ASPECT = re.compile(r"^\W*(?:항목|특징|특성|속성|구분|features?|items?|aspects?|attributes?|characteristics?)\W*$", re.I)
SAID = re.compile(r"^\W*(?:설명|내용|특징|특성|description|details?|content)\W*$", re.I)
FEATURE_WORD = re.compile(r"^\W*(?:특징|특성|features?|characteristics?)\W*$", re.I)
FEATURES_TITLE = re.compile(r"(?:^|\s)(?:주요\s*)?(?:특징|특성)$|(?:^|\s)(?:key\s+|main\s+)?(?:features|characteristics)$", re.I)
# a table of an object's fields (`(2) 스테이트풀셋의 사양` over `항목 | 설명` rows `serviceName`, `replicas`): a card per
# field, asked with the object; the title's numbering (`(2)`, `표 2`) and `의` before the word are no part of its name
SPEC_TITLE = re.compile(r"^(?:\(?\d+\)\s*|표\s*\d+\s*)*(?P<subject>.*?)\s*(?:의\s*)?(?:사양|스펙|필드|"
                        r"spec(?:ification)?s?|fields)$", re.I)
FIELD_NAME = re.compile(r"`?[a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)*`?")  # `serviceName`, `selector.matchLabels`
ONLY_A_POINTER = re.compile(r"^\W*(?:표\s*\d+\s*(?:참고|참조)|(?:see\s+)?table\s+\d+)\W*$", re.I)
OVERVIEW = re.compile(r"\s*(?:개요|소개|overview|introduction)$", re.I)  # `Cloud Storage 개요` over `특징`: its subject
SET_TO = re.compile(r"^\W*(?:값|예시|예|설정값|value|values|example|examples)\W*$", re.I)  # what one setup sets a name to
HEADER_KIND = re.compile(rf"^\W*(?:{HEADERS})\W*$", re.I)  # `Host`: a header of what
FLAG = re.compile(r"^`?--?[A-Za-z]")  # a command's option (`--path`, `-n`)
CODE_NAME = re.compile(r"^`[^`\n]+`$")  # a name written in code alone in its cell
# a description that only lists the values a name takes (`x64 또는 x86`, `start/stop`): what it does is not said
VALUES_ONLY = re.compile(r"^[\w.-]+(?:\s*(?:/|,|또는|or)\s*[\w.-]+)+$", re.I | re.A)
HANGUL = re.compile(r"[가-힣]")
WORD_NAME = re.compile(r"^`[A-Za-z_]\w*`$")  # a name that is one word (`artifacts`), not a call or a flag
# a heading that compares what its table names (`needs vs dependencies`): the two rows side by side are the lesson
COMPARING = re.compile(r"\svs\.?\s|\bversus\b|\bdifferences?\b|차이|비교", re.I)
OWN_SCRIPT = re.compile(r"[\w-]\.(?:sh|bash|ps1)\b", re.I)  # `GCP 스크립트 공통 모듈 (gcp-env.sh)`: one project's script
# what the rows of a table of names are, to ask for one: `함수 | 설명` → `함수는?` / `Which function?`
NAME_KINDS = {"옵션": "option", "플래그": "flag", "메서드": "method", "메소드": "method", "함수": "function",
              "키워드": "keyword", "매크로": "macro", "트레이트": "trait", "파라미터": "parameter", "인자": "argument",
              "필드": "field", "변수": "variable", "환경 변수": "variable", "환경변수": "variable", "역할": "role",
              "헤더": "header", "헤더 이름": "header"}
VERSIONS_COMPARED = re.compile(r"\d+\.\d+\S*\s*[<>]=?\s*(?:\w+\s+)?v?\d+\.\d+")  # `client v1.43 < daemon v1.44`: that setup's pair


def row_cards(ctx: RuleContext, section: Section, used: set[int]) -> tuple[list[Card], set[int]]:
    """A card per row of each such table of the section, and the lines of the tables they cover."""
    cards: list[Card] = []
    covered: set[int] = set()
    for block in section.blocks:
        if block.kind != "table" or block.line in used:
            continue
        rows = numbered_table_rows(block.source)
        if len(rows) < 2:
            continue
        header = rows[0][1]
        if len(header) == 2 and ASPECT.match(header[0]) and SAID.match(header[1]):
            made = _feature_cards(ctx, section, header, rows[1:], block.line)
            if made:
                cards.extend(made)
                covered.add(block.line)
            continue
        compared = _compared(header)
        if compared:
            made = _comparison_cards(ctx, section, header, compared, rows[1:], block.line)
            if made:
                cards.extend(made)
                covered.add(block.line)
                continue
        if NAMED_IN_CODE.match(visible_text(header[0])) and any(SET_TO.match(visible_text(name)) for name in header[1:]):
            continue  # one workflow's variables and what it sets them to (`변수 | 설명 | 예시` over `S3_BUCKET_NAME`)
        keys = _key_columns(header, [row for _, row in rows[1:]])
        named = _names_in_code(header, [row for _, row in rows[1:]]) \
            and not any(NAMES_A_FILE.search(heading_text(clean_title(title))) for title in section.path[1:])
        # (`📄 nginx.yaml` over `리소스 | 역할`: what one project's file holds; a note on a format, `Cargo.toml 설정`,
        # names it in its title)
        made = [_shortcut_card(ctx, section, header, row, keys, block.line + offset) if keys else
                _row_card(ctx, section, header, row, block.line + offset, named) for offset, row in rows[1:]]
        if keys or sum(bool(card) for card in made) >= (1 if SYMPTOM.match(header[0]) else 2):  # (a reference of two
            # rows; a table of shortcuts whatever its rows give: keys every text field answers to are asked nowhere)
            cards.extend(card for card in made if card)
            covered.add(block.line)
            continue
        made = _entity_cards(ctx, section, header, rows[1:], block)
        if made:
            cards.extend(made)
            covered.add(block.line)
    return cards, covered


def _key_columns(header: list[str], rows: list[list[str]]) -> list[int]:
    """The columns of keys to press of a table of shortcuts (`Action | Shortcut`, `Action | MacOS | Windows/Linux`):
    every cell of each is a key chord, and its header names shortcuts or platforms (a column of only one-key cells,
    `` `y` ``, `` `q` ``, needs such a header; a column of chords with modifiers does not). [] when there is no
    column of what each shortcut does before or between them."""
    keys = []
    for col, name in enumerate(header):
        cells = [row[col] for row in rows if col < len(row) and visible_text(row[col]).strip() not in EMPTY_CELL
                 and not NO_KEY.fullmatch(row[col].strip())]
        if len(cells) >= 2 and all(is_key_chord(cell) for cell in cells) \
                and (KEYS_HEADER.match(name) or all(MODIFIED.search(cell) for cell in cells)):
            keys.append(col)
    actions = [col for col in range(len(header)) if col not in keys]
    return keys if keys and actions else []


def _shortcut_card(ctx: RuleContext, section: Section, header: list[str], row: list[str], keys: list[int],
                   line: int) -> Card | None:
    """What a row's shortcut does (the first other column) → its keys, one line per platform when there are
    several columns of keys, with the other columns' words after them."""
    action = next(col for col in range(len(header)) if col not in keys)
    asked = row[action].strip() if action < len(row) else ""
    pressed = [(header[col], row[col].strip()) for col in keys if col < len(row)
               and visible_text(row[col]).strip() not in EMPTY_CELL and not NO_KEY.fullmatch(row[col].strip())]
    if len(visible_text(asked)) < 3 or not pressed or nothing_to_learn(asked) \
            or all(_any_text_field(keys_of, visible_text(asked)) for _, keys_of in pressed) \
            or EVERY_APP.fullmatch(visible_text(asked)) \
            or any(span in asked for _, keys_of in pressed for span in re.findall(r"`[^`\n]+`", keys_of)):
        return None  # (`Insert new line` | `Enter`, `Copy` | `Ctrl+C`: what every text field or app does; a row
        # that names its keys already)
    back = pressed[0][1] if len(keys) == 1 else "\n".join(f"- **{visible_text(name)}**: {keys_of}"
                                                            for name, keys_of in pressed)
    back += "".join(f"\n\n**{visible_text(header[col])}**: {row[col].strip()}" for col in range(len(header))
                    if col not in keys and col != action and col < len(row)
                    and visible_text(row[col]).strip() not in EMPTY_CELL)
    asked = unbolded(asked)  # (`**New Tab**`: a row's name in bold is its name)
    return ctx.card("basic", asked, back, line, section, "shortcut", visible_text(asked),
                    prompt=ctx.say("단축키는?", "Which shortcut?"))


def _any_text_field(keys: str, action: str = "") -> bool:
    """Keys every text field answers to the same way: named keys alone, no modifier and no letter (`Enter`,
    `Backspace`, `↑`, `Page up`), where `j` or `Ctrl+D` is the app's own; and, for moving the cursor, selecting or
    deleting by word, line or page, modifiers on the arrows, Home, End, Page up or down, Backspace or Delete
    (`Ctrl+←`, `Shift+End`, `Option+Backspace`): the system's text editing, not the app's."""
    if not MODIFIED.search(keys) and not re.search(r"`[^\W_]`", keys):
        return True
    chords = re.findall(r"`([^`\n]+)`", keys) or [keys]
    return bool(TEXT_MOTION.search(action)) and all(
        EDITING_KEY.fullmatch(MODIFIED.sub("", chord).strip()) for chord in chords)


# what the system's text editing does (`Move the cursor to the end of the note`, `Extend selection one character`)
TEXT_MOTION = re.compile(r"\b(?:cursor|selection|select|word|character|delete)\b|커서|선택|단어|글자", re.I)
EDITING_KEY = re.compile(r"(?:left|right|up|down|home|end|page ?up|page ?down|backspace|delete|del|[←→↑↓])"
                         r"(?:\s*arrow)?(?:\s*/\s*(?:left|right|up|down|[←→↑↓]))?", re.I)


# a column of one project's files or folders (`파일 | 설명` over `main.py`), or of the secrets, outputs or images one
# workflow uses (`시크릿 | 설명` over `EC2_HOST`): its setup, not names to learn
FILES_COLUMN = re.compile(r"^\W*(?:파일|파일명|경로|디렉토리|디렉터리|폴더|files?|paths?|director(?:y|ies)|folders?|"
                          r"시크릿|secrets?|출력|outputs?|이미지|images?)\W*$", re.I)
FILE_NAME = re.compile(r"[/\\]|\.[A-Za-z]{1,5}`?$")  # `src/main.rs`, `app.py`
# a heading that names one of the project's files (`📄 nginx.yaml`; not `Rust async/await`)
NAMES_A_FILE = re.compile(r"[\w-]\.(?:ya?ml|json|toml|sh|py|rs|go|js|ts|conf|cfg|ini|env|txt|md)\b", re.I)


def _names_in_code(header: list[str], rows: list[list[str]]) -> bool:
    """A two-column reference whose first column, whatever its header says (`derive`, `어노테이션`), holds names
    in code and whose second says what each does (`| derive | 기능 |` over `Debug` | `{:?} 포맷 출력`): a table of
    names, as `메서드 | 설명` is. Not one of files or paths (a project's layout)."""
    first = visible_text(header[0])
    if len(header) != 2 or not DESCRIBES.match(visible_text(header[1])) or NAMED.match(first) or COMMAND.match(first) \
            or SYMPTOM.match(first) or FILES_COLUMN.match(first):
        return False
    heads = [row[0].strip() for row in rows if row]
    return len(heads) >= 2 and sum(bool(CODE_NAME.match(head)) and not FILE_NAME.search(head.strip("`"))
                                   for head in heads) * 5 >= len(heads) * 4


def _row_card(ctx: RuleContext, section: Section, header: list[str], row: list[str], line: int,
              named: bool = False) -> Card | None:
    """The card of a reference table's row: a command asked by what it does, a name (an option, a method, a name in
    code under `named`) by what it does or the other way round; None for a row that says nothing beyond its name."""
    if not row or names_instances(" ".join(row)):
        return None  # an address or resource of one machine: that machine's entry, not a lesson
    first = header[0]
    cells = {name: row[col].strip() for col, name in enumerate(header) if col < len(row)}
    given = [(name, text) for name, text in list(cells.items())[1:] if visible_text(text).strip() not in EMPTY_CELL]
    head = row[0].strip()
    if len(visible_text(head)) < 2 or not given or nothing_to_learn(head):
        return None
    if SYMPTOM.match(first):
        return _symptom_card(ctx, section, head, given, line)
    described = [(name, text) for name, text in given if DESCRIBES.match(name)]
    in_code = bool(NAMED_IN_CODE.match(visible_text(first))) and bool(CODE_NAME.match(head))
    if not described or len(visible_text(described[0][1])) < 3 \
            or _restated(visible_text(described[0][1]), visible_text(head), COMMAND.match(first)) and not in_code:
        return None  # (`Show ribbon` | `Shows the ribbon.`: nothing beyond its name; but which variable holds the
        # commit's SHA, `CI_COMMIT_SHA` | `커밋 SHA`, is asked by its description, and the name is the answer)
    rest = [(name, text) for name, text in given if (name, text) != described[0]]
    extra = "".join(f"\n\n**{visible_text(name)}**: {text}" for name, text in rest)
    if COMMAND.match(first):
        if runs_scripts(visible_text(head).strip("`")):
            return None  # the project's own script: what it does is in the script
        asked = described[0][1]
        topic = topic_of(section, ctx.topic)
        if len(visible_text(asked).split()) == 1 or len(visible_text(asked)) < 8 \
                and not any(word[:2] in visible_text(asked) for word in re.findall(r"\w{2,}", topic)):
            asked = in_context(asked, topic)  # (`업데이트`, `이름 변경`: the command of what is the section's topic;
            # `리베이스 취소` under `리베이스` names it)
        return ctx.card("basic", asked, head + extra, line, section, "reference", visible_text(head),
                        prompt=ctx.say("명령어는?", "Which command?"))
    if named or NAMED.match(first):
        meaning = visible_text(described[0][1])
        if SWITCH.match(meaning):
            return None  # `Enable or disable …`: a switch of an app
        if NAMED_IN_CODE.match(visible_text(first)) and not CODE_NAME.match(head):
            return None  # a variable or role not written as one (`Master` | `데이터 쓰기`): one setup's part
        if len(meaning) < 12 and len(meaning.split()) < 4 or CODE_NAME.match(head) and _says_a_word_of(meaning, head) \
                and len(meaning.split()) <= 8:  # a name in a few words, `col("name")` | `컬럼 참조`, or a name whose
            # description holds a word of it (`loop.last` | `true if last iteration`: asked by name, the card gives
            # its answer's word away): only the name in code answers them. None for a name not in code, a word for a word
            # (`timeout` | `타임아웃`: the name in another script), the values it takes (`x64 또는 x86`), two names
            # under a heading that compares them (the table is that comparison), or one project's own script's functions
            if not CODE_NAME.match(head) or VALUES_ONLY.match(meaning) or COMPARING.search(section.title) \
                    or len(meaning.split()) == 1 and WORD_NAME.match(head) \
                    or any(OWN_SCRIPT.search(title) for title in (ctx.note.title, *section.path)):
                return None
            return _name_card(ctx, section, "name" if named else first, head, described[0][1], extra, line)
        front = in_context(unbolded(head), topic_of(section, ctx.topic)) \
            if bracketed_only(head) or FLAG.match(head) or HEADER_KIND.match(visible_text(first)) else unmarked(head)
        # (`(기본)` | `비공개`: a word in brackets names nothing without the table's subject, `가시성 (pub)`; a flag,
        # `--path`, is an option of the command the section is about, `ob sync › --path`)
        return ctx.card("basic", front, described[0][1] + extra, line, section, "reference", visible_text(head),
                        prompt=ctx.say("무엇인가요?", "What is it?"))
    return None


def _says_a_word_of(meaning: str, name: str) -> bool:
    """Whether a description holds a word of the name it describes (`true if last iteration` of `loop.last`)."""
    if visible_text(name).strip("`:. ").lower() in meaning.lower():
        return False  # its example shows the name whole (`Case-insensitive match. Example: ignore-case:ikea`)
    named = {word.lower() for word in re.findall(r"[A-Za-z]{3,}", name)}
    return bool(named & {word.lower() for word in re.findall(r"[A-Za-z]{3,}", meaning)})


def _restated(said: str, name: str, command: bool) -> bool:
    """A description that says nothing beyond the name it describes. A command's words are not what it does: its
    description restates it only when it adds no word (`ZIP 생성` over `git archive HEAD -o file.zip` asks for the
    command); a Korean syllable says as much as two letters (`.execute(sql)` | `SQL 문자열 파싱 + 실행`)."""
    if not restates(said, name):
        return False
    beyond = [word for word in re.findall(r"\w+", said.lower()) if word not in name.lower()]
    if command:
        return not beyond
    return not HANGUL.search(said) or len("".join(beyond)) + len(HANGUL.findall("".join(beyond))) <= 8


def _name_card(ctx: RuleContext, section: Section, kind: str, name: str, meaning: str, extra: str,
               line: int) -> Card:
    """What an option or function in code does, in the few words of its description, with the section's topic → its
    name (`테이블과 값 › 컬럼 참조` → `col("name")`), asked the other way round as a command is: the name is what is
    recalled."""
    plain = visible_text(kind).strip().lower()
    english = NAME_KINDS.get(plain, plain.rstrip("s") if plain.isascii() else "name")
    korean = plain if not plain.isascii() else "이름"
    particle = "은" if (ord(korean[-1]) - 0xAC00) % 28 else "는"
    return ctx.card("basic", in_context(meaning, topic_of(section, ctx.topic)), name + extra, line, section,
                    "name", visible_text(meaning), prompt=ctx.say(f"{korean}{particle}?", f"Which {english}?"))


def _feature_cards(ctx: RuleContext, section: Section, header: list[str], rows: list[tuple[int, list[str]]],
                   start: int) -> list[Card]:
    """A card per feature of a subject's table of features (`VPC 특징` over `항목 | 설명`): the subject and the row's
    label → what the row says (`VPC › 범위` → `글로벌 리소스 …`). [] for another table of labels (`항목 | 내용` over one
    crate's `크레이트`, `의존성`; a setup's `Launch Template 설정`), and when fewer than half its rows say something in
    words: a fact sheet stays one explanation."""
    title = heading_text(clean_title(section.title))
    spec = SPEC_TITLE.match(title)
    fields = spec is not None and sum(bool(FIELD_NAME.fullmatch(unbolded(row[0]).strip())) for _, row in rows if row) \
        * 2 > len(rows)
    if not (FEATURES_TITLE.search(title) or FEATURE_WORD.match(header[0]) or FEATURE_WORD.match(header[1]) or fields):
        return []
    subject = spec.group("subject").strip() if fields and spec else FEATURES_TITLE.sub("", title).strip()
    if not subject or is_generic(subject):  # `특징` under `Cloud Storage 개요`: the subject is the heading above
        above = [heading_text(clean_title(path)) for path in section.path[:-1]]
        subject = next((OVERVIEW.sub("", name).strip() for name in reversed(above) if name and not is_generic(name)),
                       heading_text(clean_title(ctx.note.title)))
    cards = []
    for offset, row in rows:
        if len(row) < 2 or names_instances(" ".join(row)):
            continue
        label = unbolded(row[0])
        said = row[1].strip()
        shown = visible_text(re.sub(r"`[^`\n]*`", "", said))
        if len(visible_text(label)) < 2 or len(visible_text(label)) > 30 or len(shown) < 3 or not re.search(r"\w", shown) \
                or _says_only_label(visible_text(said), visible_text(label)) or ONLY_A_POINTER.match(shown):
            continue  # (`버전 관리` | `객체 버전 관리 지원`: the label said again; a value in code alone is a setting)
        cards.append(ctx.card("basic", in_context(label, subject), said, start + offset, section,
                              "feature", visible_text(label), prompt=ctx.say("무엇인가요?", "What is it?") if fields
                              else ctx.say("설명해 보세요", "Explain")))
    return cards if len(cards) * 2 >= len(rows) and len(cards) >= 2 else []


# a column of what the rows are, not one of the things compared (`설명`, `예시`, `용도`)
NOT_COMPARED = re.compile(r"^\W*(?:설명|내용|예시|예제|비고|참고|용도|의미|값|기본값|description|details?|notes?|example|"
                          r"examples|purpose|meaning|value|default)\W*$", re.I)


# the columns of one change's record (`| 항목 | 변경 전 | 변경 후 |`): that change, not two things to tell apart
BEFORE_AFTER = {"변경 전", "변경 후", "변경전", "변경후", "이전", "이후", "전", "후", "기존", "신규", "현재", "개선", "개선 후",
                "before", "after", "old", "new", "current", "as-is", "to-be", "as is", "to be"}


def _compared(header: list[str]) -> list[str]:
    """The things a comparison table compares, side by side in its columns after an aspect's (`| 항목 | AWS | GCP |`,
    `| | fetch | pull |`): 2 to 4 short names; else [] (also for a change's `변경 전 | 변경 후`)."""
    names = [heading_text(cell) for cell in header]
    if len(names) < 3 or words(names[0]) not in ASPECT_COLUMN or _records_a_change(names):
        return []
    compared = names[1:]
    if len(compared) > 4 or any(not 0 < len(name) <= 30 or NOT_COMPARED.match(name) for name in compared):
        return []
    return compared if len({name.lower() for name in compared}) == len(compared) else []


def _comparison_cards(ctx: RuleContext, section: Section, header: list[str], compared: list[str],
                      rows: list[tuple[int, list[str]]], start: int) -> list[Card]:
    """A card per aspect of a comparison table: the things compared and the row's aspect → what each is in it
    (`AWS vs GCP › NAT` → **AWS**: NAT Gateway 생성, **GCP**: Cloud NAT). A row the things do not differ in, or
    that is one machine's, asks nothing. [] when fewer than two rows make a card: the table stays one explanation."""
    cards = []
    subject = " vs ".join(compared)
    for offset, row in rows:
        label = unmarked(unbolded(row[0])) if row else ""
        said = _said(row, compared)
        if not 2 <= len(visible_text(label)) <= 30 or len(said) < 2 or names_instances(" ".join(row)) \
                or len({visible_text(text).strip().lower() for _, text in said}) < 2:
            continue
        cards.append(ctx.card("basic", in_context(label, subject), _labelled(said), start + offset, section, "comparison",
                              visible_text(label), prompt=ctx.say("비교해 보세요", "Compare")))
    return cards if len(cards) >= 2 else []


# the first column of a table of kinds of a thing (`디스크 유형`, `레코드 유형`, `포트 종류`, `버전`, `Service Type`, `모드`):
# each row is one kind, a thing to know apart from the others (a column of one setup's parts, `구성 요소`, `이름`, is not)
KIND_COLUMN = re.compile(r"(?:유형|종류|타입|클래스|등급|레벨|수준|모드|버전|패밀리|계열|방식|방법|기법|전략|도구|\btypes?|"
                         r"\bkinds?|\bclass(?:es)?|\btiers?|\blevels?|\bmodes?|\bversions?|\bfamil(?:y|ies)|\bmethods?|"
                         r"\bapproach(?:es)?|\bstrateg(?:y|ies)|\btools?)\W*$", re.I)
STARTS_WITH_NUMBER = re.compile(r"^\W*\d")  # `99.9%`, `1`, `2024-01-02`: a value of a scale or a record, not a name


def _entity_cards(ctx: RuleContext, section: Section, header: list[str], rows: list[tuple[int, list[str]]],
                  block) -> list[Card]:
    """A card per row of a table of kinds and what each is like (`디스크 유형 | IOPS/GB | 처리량 | 용도`, `버전 | 출시 연도 |
    주요 특징`): the kind with the table's topic → each column's value, labelled (`디스크 유형 › pd-ssd` → **용도**: …).
    [] for a table of two columns, of anything but kinds (one setup's parts, settings, machines or files, a change's
    `변경 전 | 변경 후`), of numbers, or when fewer than two rows say something: such a table stays one explanation."""
    names = [heading_text(cell) for cell in header]
    body = [(offset, row) for offset, row in rows if row and len(row) >= 2]
    if len(names) < 3 or not KIND_COLUMN.search(names[0]) or not all(names[1:]) or len(body) < 2 \
            or _records_a_change(names) \
            or sum(bool(STARTS_WITH_NUMBER.match(visible_text(row[0]))) for _, row in body) * 2 >= len(body) \
            or is_one_setups_table(block.source):
        return []
    topic = topic_of(section, ctx.topic)
    cards = []
    for offset, row in body:
        thing = unmarked(unbolded(row[0]))
        said = _said(row, names[1:])
        if not 2 <= len(visible_text(thing)) <= 40 or len(said) < 2 or names_instances(" ".join(row)) \
                or nothing_to_learn(thing):
            continue
        cards.append(ctx.card("basic", in_context(thing, topic), _labelled(said), block.line + offset, section, "entity",
                              visible_text(thing), prompt=ctx.say("설명해 보세요", "Explain")))
    return cards if len(cards) >= 2 else []


def _records_a_change(names: list[str]) -> bool:
    """A header of one change's record (`| 항목 | 변경 전 | 변경 후 |`)."""
    return any(words(name) in BEFORE_AFTER for name in names)


def _said(row: list[str], names: list[str]) -> list[tuple[str, str]]:
    """(column name, cell) of each column after a row's first that says something (an empty cell or `-` does not)."""
    return [(name, row[col].strip()) for col, name in enumerate(names, start=1)
            if col < len(row) and visible_text(row[col]).strip() not in EMPTY_CELL]


def _labelled(said: list[tuple[str, str]]) -> str:
    """What a row says, each value under its column's name (`**AWS**: …` ⏎⏎ `**GCP**: …`)."""
    return "\n\n".join(f"**{name}**: {text}" for name, text in said)


def _says_only_label(said: str, label: str) -> bool:
    """A feature's text that adds at most a short word to its label (`버전 관리` | `객체 버전 관리 지원`); a Korean word
    whose first two syllables the label holds is the label's (`동기화`, `동기식`)."""
    known = label.lower()
    new = [word for word in re.findall(r"\w+", said.lower())
           if word not in known and not (HANGUL.match(word) and word[:2] in known)]
    return len("".join(new)) <= 4


def _symptom_card(ctx: RuleContext, section: Section, symptom: str, given: list[tuple[str, str]],
                  line: int) -> Card | None:
    answers = [(name, text) for name, text in given if CAUSE.match(name) or FIX.match(name)]
    if not answers or len(visible_text(symptom)) < 3 or _one_setups_incident(symptom, answers):
        return None
    back = "\n\n".join(f"**{visible_text(name)}**: {text}" for name, text in answers)
    asks_cause = any(CAUSE.match(name) for name, _ in answers)
    asks_fix = any(FIX.match(name) for name, _ in answers)
    prompt = ctx.say("원인과 해결은?", "Cause and fix?") if asks_cause and asks_fix else \
        ctx.say("원인은?", "What causes it?") if asks_cause else ctx.say("어떻게 해결하나요?", "How is it fixed?")
    return ctx.card("basic", symptom, back, line, section, "symptom", visible_text(symptom), prompt=prompt)


def _one_setups_incident(symptom: str, answers: list[tuple[str, str]]) -> bool:
    """A row of one project's log, not a lesson: its symptom is no error a learner meets again, its fix says to
    ignore it, to see above or to mend it by hand, or its cause is that setup's pair of versions."""
    if not READS_AS_ERROR.search(symptom):
        return True
    fixes = " ".join(text for name, text in answers if FIX.match(name))
    causes = " ".join(text for name, text in answers if CAUSE.match(name))
    return bool(fixes and NO_FIX.search(fixes) or causes and VERSIONS_COMPARED.search(causes))


LABEL = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|__)?([^*:_]{1,20}?)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?")


def cause_and_fix_card(ctx: RuleContext, section: Section, used: set[int]) -> tuple[Card | None, set[int]]:
    """`### 파드가 Pending 상태` over `- **원인**: …` `- **해결**: …`: the heading is the error, the list its cause
    and fix, one card (not one card per label, which asks `… › 원인` with the error on another card)."""
    title = clean_title(section.title)
    if not section.level or is_generic(heading_text(title)):
        return None, set()
    for block in section.blocks:
        if block.kind != "list" or block.line in used:
            continue
        top = [line for line in block.source.split("\n") if line.strip() and not line[:1].isspace()]
        labels = [found.group(1).strip() for found in map(LABEL.match, top) if found]
        if len(labels) < 2 or len(labels) != len(top) or not any(CAUSE.match(label) for label in labels) \
                or not all(CAUSE.match(label) or FIX.match(label) or SYMPTOM.match(label) for label in labels):
            continue
        if names_instances(block.source):
            return None, set(range(block.line, block.end_line + 1))  # one machine's incident, all of it
        card = ctx.card("basic", title, block.source, block.line, section, "symptom", heading_text(title),
                        prompt=ctx.say("원인과 해결은?", "Cause and fix?"))
        return card, set(range(block.line, block.end_line + 1))
    return None, set()
