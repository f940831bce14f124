"""Sections of bare commands under a heading that names an activity, not an action (`Managing Roles`,
`Operational Snippets`): no "explain" card of the heading, a card per command the author describes in a comment. An
entry of a reference of commands or filters (`### `theme:uninstall`` ⏎ `Uninstall a theme.`) is asked by what it
does."""

from __future__ import annotations

import re
from dataclasses import replace

from flashgen.cards.context import RuleContext
from flashgen.cards.fronts import points_back, takes_what_it_points_at
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
        if block.kind == "rule":
            break  # (what follows a `---`, `**관련 문서**: [[…]]`, is not on the section's card either)
        if block.kind in ("log_date", "html"):
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
    if not vague and (captions or not _all_described(codes) or SETS_A_TASK.match(heading_text(clean_title(section.title)))
                      or not all(lang or _typed_only(code) for (_, code), lang in zip(codes, langs))):
        return None  # (`장애 조치 (Failover)` over only commented commands: the commands are its content, not an
        # explanation of it; a fence with no language counts when its lines are commands, `노드 제어` over
        # `# 노드를 클러스터에서 제외합니다.` ⏎ `kubectl drain <노드이름>`)
    return codes  # (the line of each block's fence, its code)


# a heading that sets a task (`View the YAML of the replica set …`, `See its logs and delete it`, `파드를 생성하시오`): its
# commands are the one answer, what their comments say is no question of its own (`# you will see the date`)
SETS_A_TASK = re.compile(r"^(?:view|get|see|show|check|create|delete|list|find|run|make|write|add|remove|set|update|"
                         r"scale|expose|deploy|configure|inspect|verify|edit|change|describe|apply|label|annotate|watch|"
                         r"print|display|output|test|copy|save|export|roll ?back|undo|pause|resume|restart|taint|"
                         r"execute|exec|generate|retrieve|fetch|determine|identify|obtain)\s+\S+\s+\S+"
                         r"|.*(?:하시오|하세요|하라)[.?!]?$", re.I)
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


# (`RUST_BACKTRACE=1 cargo run`: a variable set for the command it runs)
COMMAND_START = re.compile(r"^\s*(?:\$\s*)?(?:sudo\s+)?(?:[A-Z_][A-Z0-9_]*=\S*\s+)*(?:\.{0,2}/|[a-z][\w-]*(?:\s|$))")
# a line of a program or a file, not a command: an assignment, a key and its value, a call, a brace or a statement's `;`
NOT_TYPED = re.compile(r"^\s*[\w.-]+\s*(?:=|:(?:\s|$)|\()|[;{}]\s*$")
PROMPT = re.compile(r"^\s*\$\s")  # a command typed at a prompt


def _typed_only(code: str) -> bool:
    """A fence with no language whose lines are all commands and comments (a config file, a program or a drawing
    in a bare fence is no list of commands), and nothing a command printed: where commands are typed at a prompt
    (`$ kubectl get ns`), a line without one is what they printed."""
    lines = [line for line in code.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    prompted = any(PROMPT.match(line) for line in lines)
    going = False  # (the line before ends in `\`: this one goes on with its command)
    for line in lines:
        if not going and (not COMMAND_START.match(line) or NOT_TYPED.search(line)
                          or prompted and not PROMPT.match(line)):
            return False
        going = line.rstrip().endswith("\\")
    return True


def _all_described(codes: list[tuple[int, str]]) -> bool:
    """Every command of the code is under a comment that says what it does (`# 수동 장애 조치 (테스트용)`)."""
    described = _described(codes)
    if not all(COMMAND_START.match(command) and not NUMBERED.match(says) for _, says, command in described):
        return False  # (`A---B---C`, `v1.0.1 # 버그 수정`: a drawing or values, not commands; `# 1. 먼저 fetch`:
        # steps, whose order is the answer)
    shown = sum(len([line for line in command.split("\n") if line.strip()]) for _, _, command in described)
    commands = sum(1 for _, code in codes for line in code.split("\n")
                   if line.strip() and not line.lstrip().startswith("#"))
    return any(says for _, says, _ in described) and shown == commands


def command_cards(ctx: RuleContext, section: Section, codes: list[tuple[int, str]]) -> list[Card]:
    """A card per command described in a comment above it (`# Inspect taints on nodes`) or beside it: the comment,
    with the topic it belongs to, asks for the command. A one-word comment (`# Roles`) describes nothing."""
    topic = _topic(section, ctx.topic)
    cards = []
    previous = ""  # what the step above says it does
    for line, says, command in _described(codes):
        if not says:
            continue  # (`# drain` over `kubectl drain`: the comment asks nothing the command does not show)
        step, previous, asked = previous, says, says
        if points_back(says) and not takes_what_it_points_at(command):
            if not step:
                continue  # `# 해당 경로 내에서 …` first: what it points at is nowhere on the card
            asked = f"{step} → {says}"  # (`# 해당 경로 내에서 …`: after the step that names the path)
        front = f"{topic} › {asked}" if topic else asked
        cards.append(ctx.card("basic", front, f"```sh\n{command}\n```", line, section, "explain", says,
                              prompt=ctx.say("명령어는?", "Which command?")))
    return cards


def listed_command_cards(ctx: RuleContext, section: Section, used: set[int]) -> tuple[list[Card], set[int]]:
    """A fence of two or more commands, each with what it does beside it (`docker stats (컨테이너명/ID) - 컨테이너의 리소스
    사용량 조회`), among a section's words: a reference of its own, not part of the section's explanation. A card
    per command, the program and what it does → the command; and the fences' lines."""
    cards: list[Card] = []
    covered: set[int] = set()
    said = [block for block in section.blocks if block.kind in ("paragraph", "list", "quote", "callout", "table")]
    for block in section.blocks if section.level and said else ():  # (commands alone: see bare_commands)
        found = fenced(block.source) if block.kind == "code" and block.line not in used else None
        if not found or fence_language(found[0]).lower() not in SHELLS:
            continue
        lines = [line.strip() for line in found[1].split("\n") if line.strip()]
        pairs = [TRAILING.match(line) for line in lines]
        if len(lines) < 2 or not all(pair and " - " in line and _description(pair.group("says"))
                                     and COMMAND_START.match(pair.group("cmd")) for pair, line in zip(pairs, lines)):
            continue
        for line, says, command in _described([(block.line, found[1])]):
            typed = command.split()
            program = typed[1] if typed[0] == "sudo" and len(typed) > 1 else typed[0]
            cards.append(ctx.card("basic", f"{program} › {says}", f"```sh\n{command}\n```", line, section,
                                  "command", command, prompt=ctx.say("명령어는?", "Which command?")))
        covered.add(block.line)
    return cards, covered


COMMENT = re.compile(r"^\s*#(?!!)\s*(\S.*)$")
# a comment that divides the code into parts (`# --- Verify the pipeline -----`, `# ====`): a heading, no description
DIVIDER = re.compile(r"^(?:[-=#*~_]{3,}|.*[-=*~_]{3,}$)")


def _described(codes: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(line, what it does, command) for each command under a comment (up to a blank line or the next comment),
    and each command with its description beside it. The lines of a comment that goes on over several lines
    (`# 노드를 클러스터에서 제외합니다.` ⏎ `# 해당 노드의 파드는 다른 노드로 재배치됩니다.`) say it together; a comment
    that only names its command (`# drain` over `kubectl drain <노드>`) describes it with ""."""
    out = []
    for fence, code in codes:
        said: list[str] = []
        lines: list[str] = []
        at = fence
        for number, raw in enumerate(code.split("\n"), start=fence + 1):
            line = raw.rstrip()
            comment = COMMENT.match(line)
            if comment or not line.strip():
                if said and lines:
                    _add(out, at, said, lines)
                if comment and said and not lines and not DIVIDER.match(comment.group(1).strip()):
                    said.append(comment.group(1))  # (the comment goes on)
                elif comment and not DIVIDER.match(comment.group(1).strip()):
                    said, lines, at = [comment.group(1)], [], number
                else:
                    said, lines = [], []
                continue
            beside = TRAILING.match(line.strip())  # (under a comment that describes nothing, `# 확인`, it says its own)
            if beside and _description(beside.group("says")) and not any(map(_description, said)):
                out.append((number, _description(beside.group("says")), beside.group("cmd")))
            elif said:
                lines.append(line)
        if said and lines:
            _add(out, at, said, lines)
    return out


def _add(out: list[tuple[int, str, str]], at: int, said: list[str], lines: list[str]) -> None:
    """The command under a comment of these lines, when they describe it (or only name it)."""
    says = ""
    for part in filter(None, map(_description, said)):
        says = f"{says}{' ' if says.endswith(('.', '!', '?', '。', ')')) else ', '}{part}" if says else part
    named = len(said) == 1 and said[0].strip().lower() in lines[0].lower().split()
    if says or named:
        out.append((at, says, "\n".join(lines)))


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


# a reference entry's heading: a command's or filter's name alone, in code (`theme:uninstall`, `help`, `uncamel`,
# a program's subcommand: `ob sync-status`)
ENTRY_NAME = re.compile(r"`(?P<name>[a-z][a-z0-9-]*(?::[a-z0-9-]+)*(?: [a-z][a-z0-9-]*){0,2})`")
# what a reference is of, from its note's title or the headings above (`Obsidian CLI`, `Filters`), and the prompt
REFERENCE_OF = ((re.compile(r"\bcli\b|\bcommands?\b|명령", re.I), ("명령어는?", "Which command?")),
                (re.compile(r"\bfilters?\b|필터", re.I), ("필터는?", "Which filter?")))
EXAMPLE_TAIL = re.compile(r",?\s+(?:e\.g\.|for example|such as)\s", re.I)
FIRST_SENTENCE = re.compile(r"^(?P<sentence>[^\n]+?(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)[.。])(?:\s+|$)")


def reference_entry_card(ctx: RuleContext, section: Section, card: Card) -> Card | None:
    """The explanation `card` of a reference's entry (a heading that is only a command's or filter's name in code,
    its first sentence what it does: `theme:uninstall` ⏎ `Uninstall a theme.`), asked the other way: what it does,
    with where it belongs, → its name and the rest of the explanation (its parameters). Asked by name, the card had
    the learner recite a description the name gives away (`recents` → `List recently opened files.`); a reader of a
    reference looks a name up by what it does. None for any other section."""
    name = ENTRY_NAME.fullmatch(section.title.strip())
    if not name or not section.blocks or section.blocks[0].kind != "paragraph":
        return None
    prompt = next((said for pattern, said in REFERENCE_OF if any(
        pattern.search(heading_text(clean_title(title))) for title in (ctx.note.title, *section.path[:-1]))), None)
    first = FIRST_SENTENCE.match(section.blocks[0].source.strip())
    if prompt is None or first is None or not card.back.startswith(first["sentence"]):
        return None
    above = section.path[:-1]
    topic = _topic(replace(section, path=above, title=above[-1]), ctx.topic) if above else ctx.topic
    titled = any(found.level == 1 and found.title == section.path[0] for found in ctx.note.sections())
    name_of_note = heading_text(clean_title(section.path[0])) if titled else ctx.topic  # (its title, else its file's)
    where = " › ".join(dict.fromkeys(part for part in (name_of_note, topic) if part))  # (`Obsidian CLI › Bases`)
    does = first["sentence"]
    rest = card.back[len(does):].strip()
    example = EXAMPLE_TAIL.search(does)
    if example:  # (`Converts a value to uppercase, e.g. `"a"|upper` …`: the example, which shows the name, goes back)
        does, rest = does[:example.start()] + ".", f"{does[example.start():].lstrip(', ')} {rest}".strip()
    return replace(card, front=f"{where} › {does}" if where else does, back=f"`{name['name']}`\n\n{rest}".strip(),
                   rule="command", prompt=ctx.say(*prompt), heading_path=card.heading_path[:-1])
    # (the breadcrumb stops above the entry: its heading is the answer)
