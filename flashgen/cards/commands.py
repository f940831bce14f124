"""Sections of bare commands under a heading that names an activity, not an action (`Managing Roles`,
`Operational Snippets`): no "explain" card of the heading, a card per command the author describes in a comment."""

from __future__ import annotations

import re

from flashgen.cards.context import RuleContext
from flashgen.cards.model import Card
from flashgen.cards.quality import is_audience, is_generic
from flashgen.cards.text import clean_title, fence_language, fenced
from flashgen.vault.heading_text import heading_text
from flashgen.vault.model import Section

# a heading that says what the commands are about, not what they do: `Managing Roles`, `Certificate Management`,
# `Operational Snippets`, `kubectl commands`, `Installation`, `라벨 관리`, `명령어`
VAGUE_ACTIVITY = re.compile(
    r"^(?:managing|manage|administering|working with|handling)\s+\S+(?:\s+\S+){0,3}$"
    r"|^\S+(?:\s+\S+){0,2}\s+(?:management|administration|operations|commands|snippets|cheat ?sheet)$"
    r"|^(?:installation|usage|operations|management|commands|snippets|명령어|명령어 모음|관리|사용법)$"
    r"|^\S+\s(?:관리|명령어|명령어 모음)$|^(?:\S+\s){1,2}관리 명령어$", re.I)
NUMBERED = re.compile(r"^\s*\d+(?:\.\d+)*[.)]?\s+")
SHELLS = {"", "sh", "bash", "shell", "console", "zsh", "fish", "powershell", "pwsh", "ps1", "ps", "cmd", "bat",
          "terminal"}
CODE_SPAN = re.compile(r"`([^`\n]+)`")
# `docker volume ls - 볼륨 리스트 조회`, `kubectl get pods   # every pod`: a command and what it does, on one line
TRAILING = re.compile(r"^(?P<cmd>[A-Za-z.$/][^#]*?\S)\s+(?:#|-)\s+(?P<says>[^-\s#][^=<>|$`]*)$")


def is_vague_activity(title: str) -> bool:
    return bool(VAGUE_ACTIVITY.match(NUMBERED.sub("", heading_text(clean_title(title))).strip()))


def bare_commands(section: Section) -> list[tuple[int, str]] | None:
    """The code of a section under a vague activity heading whose own content is only shell code (and sentences
    that only say a command of it, `Run `kubectl get csr` to list them.`), else None."""
    if not section.level:
        return None
    vague = is_vague_activity(section.title) or _names_the_program(section)
    audience = is_audience(heading_text(clean_title(section.title)))  # (`For developers`: whom the examples serve)
    codes, captions, langs = [], [], []
    for block in section.blocks:
        if block.kind in ("rule", "log_date", "html"):
            continue
        found = fenced(block.source) if block.kind == "code" else None
        language = fence_language(found[0]) if found else ""
        if found and language.lower() in SHELLS:
            codes.append((block.line, found[1]))
            langs.append(language)
        elif block.kind == "paragraph" and CODE_SPAN.search(block.source):
            captions.append(block.source)
        elif not (audience and block.kind == "paragraph"):
            return None
    said = {" ".join(line.split()) for _, code in codes for line in code.split("\n") if line.strip()}
    if not codes or any(not any(" ".join(span.split()) in said for span in CODE_SPAN.findall(caption))
                        for caption in captions):
        return None
    if not vague and (captions or not _all_described(codes) or not all(langs)):
        return None  # (`장애 조치 (Failover)` over only commented commands: the commands are its content, not an
        # explanation of it)
    return codes  # (the line of each block's fence, its code)


PROGRAM = re.compile(r"^\s*(?:\$\s*)?(?:sudo\s+)?(?:[A-Z_][A-Z0-9_]*=\S*\s+)*([\w.-]+)")  # (`ETCDCTL_API=3 etcdctl …`)


def _names_the_program(section: Section) -> bool:
    """A heading that is only the name of the program its code runs (`## etcdctl` over `etcdctl snapshot save -h`):
    commands that use it do not explain it, they are asked one by one as under an activity."""
    name = heading_text(clean_title(section.title)).strip().strip("`").lower()
    if not name or " " in name:
        return False
    runs = [found.group(1).lower() for block in section.blocks if block.kind == "code"
            for found in map(PROGRAM.match, (fenced(block.source) or ("", ""))[1].split("\n"))
            if found and not found.group(0).lstrip().startswith("#")]
    return name in runs


COMMAND_START = re.compile(r"^\s*(?:\$\s*)?(?:sudo\s+)?(?:\.{0,2}/|[a-z][\w-]*(?:\s|$))")


def _all_described(codes: list[tuple[int, str]]) -> bool:
    """Every command of the code is under a comment that says what it does (`# 수동 장애 조치 (테스트용)`)."""
    described = _described(codes)
    if not all(COMMAND_START.match(command) and not NUMBERED.match(says) for _, says, command in described):
        return False  # (`A---B---C`, `v1.0.1 # 버그 수정`: a drawing or values, not commands; `# 1. 먼저 fetch`:
        # steps, whose order is the answer)
    shown = sum(len([line for line in command.split("\n") if line.strip()]) for _, _, command in described)
    commands = sum(1 for _, code in codes for line in code.split("\n")
                   if line.strip() and not line.lstrip().startswith("#"))
    return bool(described) and shown == commands


def command_cards(ctx: RuleContext, section: Section, codes: list[tuple[int, str]]) -> list[Card]:
    """A card per command described in a comment above it (`# Inspect taints on nodes`) or beside it: the comment,
    with the topic it belongs to, asks for the command. A one-word comment (`# Roles`) describes nothing."""
    topic = _topic(section, ctx.note.title)
    cards = []
    for line, says, command in _described(codes):
        front = f"{topic} › {says}" if topic else says
        cards.append(ctx.card("basic", front, f"```sh\n{command}\n```", line, section, "explain", says,
                              prompt=ctx.say("명령어는?", "Which command?")))
    return cards


def _described(codes: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(line, what it does, command) for each command under a comment (up to a blank line or the next comment),
    and each command with its description beside it."""
    out = []
    for fence, code in codes:
        says, lines, at = "", [], fence
        for number, raw in enumerate(code.split("\n"), start=fence + 1):
            line = raw.rstrip()
            comment = re.match(r"^\s*#\s*(\S.*)$", line) if not line.lstrip().startswith("#!") else None
            if comment or not line.strip():
                if says and lines:
                    out.append((at, says, "\n".join(lines)))
                says, lines, at = (_description(comment.group(1)), [], number) if comment else ("", [], at)
                continue
            beside = TRAILING.match(line.strip())
            if not says and beside and _description(beside.group("says")):
                out.append((number, _description(beside.group("says")), beside.group("cmd")))
            elif says:
                lines.append(line)
        if says and lines:
            out.append((at, says, "\n".join(lines)))
    return out


KO_ACTION = re.compile(r"^[가-힣]{2,}(?:보기|하기|확인|조회|생성|삭제|설정|변경|적용|시작|중지|재시작|백업|복구|설치)$")


def _description(text: str) -> str:
    """A comment that says what the command does in two words or more (or one Korean word that names an action,
    `도움말보기`), not a command commented out."""
    text = text.strip().rstrip(":：").strip()
    if len(text.split()) < 2 and not KO_ACTION.match(text) or re.match(r"^(?:kubectl|docker|sudo|helm|gcloud|aws|az|git|curl)\b", text) \
            or re.search(r"\s--?\w", text):
        return ""
    return text


ACTIVITY_WORDS = re.compile(r"\b(?:managing|manage|administering|working with|handling|management|administration|"
                            r"operations|operational|commands|snippets|cheat ?sheet)\b|(?:운영|관리|명령어|모음)", re.I)


def _topic(section: Section, note_title: str) -> str:
    """What the commands are about: the nearest heading above that is not generic (a vague one, `VM 관리 명령어`,
    by what it manages), or the note."""
    for title in reversed(section.path if not is_vague_activity(section.title) else section.path[:-1]):
        plain = NUMBERED.sub("", heading_text(clean_title(title))).strip()
        if is_vague_activity(title):
            plain = " ".join(ACTIVITY_WORDS.sub(" ", plain).split())
        if plain and not is_generic(plain) and not is_audience(plain):
            return plain
    return "" if is_generic(note_title) else note_title
