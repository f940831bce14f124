"""Exercises: a section titled as a problem (`문제`, `Question`, `Task`) followed by its answer (`답안`, `Answer`,
`Solution`) is one card, the problem on the front and its answer on the back, instead of two cards that each
explain half of it."""

from __future__ import annotations

import re
from dataclasses import replace

from flashgen.cards.context import RuleContext
from flashgen.cards.model import Card
from flashgen.cards.plain import EDITED, PRINTED, Item, continued, list_items, section_content, transcript
from flashgen.cards.quality import PROBLEMS, words
from flashgen.cards.text import visible_text
from flashgen.vault.model import Block, Section

TASK_PARENT = re.compile(r"practice|test|lab|exercise|quiz|문제|실습|퀴즈|연습", re.I)
EXERCISE_ROOM = 6  # times an explanation's room: a task's whole solution is the point of its card
# a task set to the reader: `…찾으시오.`, `…하세요.`, `…무엇입니까?`, `Find the …`, `What is …?`
TASK_SENTENCE = re.compile(r"(?:시오|세요|하라|니까|나요|까요)\s*[.?!]?\s*$|\?\s*$")
TASK_VERB = re.compile(r"^(?:find|create|identify|check|inspect|deploy|configure|fix|troubleshoot|update|upgrade|"
                       r"delete|scale|expose|add|remove|set|get|list|run|make|write|determine|what|which|how|where|"
                       r"why|who)\b", re.I)
ANSWERS = {"답안", "답", "정답", "해답", "풀이", "해설", "모범 답안", "a", "answer", "answers", "solution", "solutions"}
CODE_FENCE = re.compile(r"^\s*(?:`{3,}|~{3,})")
DUMP_LINES = 8  # printed lines from which a solution can be mostly one lab's output
FIX_LINES = 3  # printed lines read to find what is broken in one lab
TROUBLESHOOTING = re.compile(r"고치|고쳐|문제를 해결|broken|\bfix\b|troubleshoot", re.I)
# a pod's name as a Deployment's ReplicaSet makes it (`web-7d4b9c8f5-x2k9p`): one lab's cluster named it
GENERATED_NAME = re.compile(r"\b[a-z][a-z0-9-]*-(?=[a-z]*\d)[a-z0-9]{8,10}-[a-z0-9]{5}\b")
# a solution's step that only switches to one lab's cluster (`kubectl config use-context hk8s`): exam procedure,
# not the skill its task asks for (a context the solution itself sets up, `set-context ckauser`, is the skill)
USE_CONTEXT = re.compile(r"^\s*(?:[\w@.~:-]*[$#]\s*)?kubectl\s+config\s+use-context\s+(\S+)\s*(?:#.*)?$")
SET_CONTEXT = re.compile(r"kubectl\s+config\s+set-context\s+(\S+)")
CONTEXT_LEAD = re.compile(r"컨텍스트|context", re.I)
# a pod's name as its DaemonSet or Deployment made it in one lab (`kube-proxy-94kdk`, `webapp-54b76556d-x5hj8`): the
# ReplicaSet's hash, or a DaemonSet's suffix alone, drawn from the letters and digits a cluster uses (no vowels, no 0, 1, 3)
POD_NAME = re.compile(r"(?<![\w./<-])([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*?)(?:-[bcdfghjklmnpqrstvwxz2456789]{6,10}"
                      r"-[a-z0-9]{5}|-[bcdfghjklmnpqrstvwxz2456789]{5})(?![\w-])")
# an address grepped from one lab's own list of addresses (`ip addr | grep 192.6`; not a version, `grep 1.27`)
ADDRESSES = re.compile(r"\bip\s+(?:a|addr|address|r|route)\b|ifconfig|-o\s+wide|hostname\s+-[iI]|\bendpoints?\b|\bep\b")
GREPPED_ADDRESS = re.compile(r"(\bgrep\s+(?:-\w+\s+)*)(['\"]?)(\d{1,3}(?:\.\d{1,3}){1,3}\.?)\2(?![\w.])")
# one lab pod's address written as its DNS name (`10-244-1-163.default.pod.cluster.local`)
POD_DNS_IP = re.compile(r"(?<![\w-])\d{1,3}(?:-\d{1,3}){3}(?=\.[a-z0-9-]+\.pod\b)")


def exercise_pairs(root: Section) -> dict[int, Section]:
    """The line of each problem section -> its answer: the first answer section after it among the same heading's
    children (notes such as `참고` may stand between them), before the next problem."""
    pairs: dict[int, Section] = {}
    for section in root.walk():
        problem = None
        for child in section.children:
            name = words(child.title)
            if name in PROBLEMS:
                problem = child
            elif name in ANSWERS and problem is not None:
                pairs[problem.line] = child
                problem = None
    return pairs


# what a task title asks to do to its topic (`Ingress 구성`, `Secret 운영`, `Configure an Ingress`)
TASK_TITLE = re.compile(r"^(?P<topic>.+?)\s+(?:구성|생성|운영|설정|관리|배포|설치|추출|검색|만들기|구성하기|생성하기|설정하기)$"
                        r"|^(?:configure|configuring|create|creating|deploy|deploying|set up|setting up)\s+(?:an?\s+|the\s+)?"
                        r"(?P<object>.+)$", re.I)


def asked_as_topic(card: Card, section: Section, exercises: dict[int, Section]) -> Card:
    """The section's own text above its problem and answer (`## 18. Ingress 구성`: `인그레스는 … 노출합니다.`) speaks
    of its topic, not of the task its title sets: it is asked with the topic (`Ingress`)."""
    if card.front != section.title.strip() and not section.title.strip().endswith(card.front):
        return card
    if not any(child.line in exercises for child in section.children):
        return card
    found = TASK_TITLE.match(card.front)
    return replace(card, front=found.group("topic") or found.group("object")) if found else card


def is_numbered_task(section: Section) -> bool:
    """A section titled only by its number under a practice test or lab (`### 6` under `Practice Test - …`):
    its first paragraph is the task, the rest the solution."""
    parent = section.path[-2] if len(section.path) > 1 else ""
    return bool(re.fullmatch(r"\s*\d+[.)]?\s*", section.title)) and bool(TASK_PARENT.search(parent))


def task_card(ctx: RuleContext, section: Section, missing: set[str]) -> Card | None:
    """The first part of a numbered task asks, the rest of the section answers; what follows it up to the
    solution's first step (the line that leads into its first code) is the task too (`/opt/snapshot.db 위치에 백업
    파일을 저장합니다.`: where it is to be done), not the start of the solution."""
    parts, cut, _ = section_content(ctx, section, set(), missing, room=EXERCISE_ROOM)
    if len(parts) < 2:
        return None
    asked = _task_length(parts)
    task = "\n\n".join(parts[:asked])
    blocks = [block for block in section.blocks if block.kind not in ("rule", "log_date", "html")]
    if is_lab_dump(_source(blocks[_task_length([block.source for block in blocks]):]), task):
        return None
    solution = without_lab_names(ctx, parts[asked:])
    if not solution:
        return None
    back = "\n\n".join(solution) + ("\n\n" + continued(ctx, section) if cut else "")
    return ctx.card("basic", task, back, section.line, section, "exercise", section.title,
                    prompt=ctx.say("풀어 보세요", "Solve it"))


def _task_length(parts: list[str]) -> int:
    """How many of a numbered task's first parts set it: its first, and the text after it that stands before the
    line leading into the solution's first code (1 when there is no code, or it comes right after the task)."""
    code = next((index for index, part in enumerate(parts) if CODE_FENCE.match(part)), None)
    return max(1, code - 1) if code is not None else 1


def exercise_card(ctx: RuleContext, problem: Section, answer: Section, missing: set[str]) -> Card | None:
    """The problem's content asks, the answer's content answers, each with six times an explanation's room (a task
    and its solution cut halfway teach neither); each cut visibly when still too long."""
    sides = []
    for section in (problem, answer):
        parts, cut, _ = section_content(ctx, section, set(), missing, room=EXERCISE_ROOM)
        text = "\n\n".join(without_lab_names(ctx, parts) if section is answer else parts).strip()
        if not text:
            return None
        sides.append(text + ("\n\n" + continued(ctx, section) if cut else ""))
    if is_lab_dump(_source(answer.blocks), sides[0]):
        return None
    return ctx.card("basic", sides[0], sides[1], problem.line, problem, "exercise", problem.title,
                    prompt=ctx.say("풀어 보세요", "Solve it"))


def is_lab_dump(answer: str, task: str = "") -> bool:
    """A worked solution that is mostly what one lab's cluster printed (`kubectl get all -A` tables, logs, the
    manifest opened in `vi`): at least DUMP_LINES printed lines in its code (plain.transcript), and twice as many as
    all its other lines; or a `task` to fix what is broken (`다시 broken된 클러스터를 고치시오.`, `문제를 해결하고
    수정하세요`) that does not say what is wrong, solved by reading at least FIX_LINES printed lines or the names one
    lab's cluster generated (`cart-7f9c6d8b5-q2w4z`). Its answer lives in that lab's names and output, not
    in anything a learner could recall from the task: its card is not made (the walk-through stays on the note's
    page). `answer` is the solution as the note writes it, with what its commands printed."""
    printed = other = 0
    fenced = False
    block: list[str] = []
    for line in answer.split("\n"):
        if CODE_FENCE.match(line):
            if fenced:
                kinds = transcript(block)
                shown = sum(kind in (PRINTED, EDITED) for kind in kinds)
                printed, other = printed + shown, other + sum(map(bool, kinds)) - shown
            fenced, block = not fenced, []
        elif fenced:
            block.append(line)
        elif line.strip():
            other += 1
    if TROUBLESHOOTING.search(task) and (printed >= FIX_LINES or GENERATED_NAME.search(answer)):
        return True
    return printed >= DUMP_LINES and printed >= 2 * other


def without_lab_names(ctx: RuleContext, parts: list[str]) -> list[str]:
    """A task's solution as a learner can use it in any cluster: a step that only switches to the lab's context
    (`kubectl config use-context k8s`, with the line that leads into it) is left out, and the names and addresses
    one lab gave its commands are shown as what they stand for (`kubectl logs kube-proxy-94kdk` → `kubectl logs
    <kube-proxy 파드>`, `grep 192.6` → `grep <IP 대역>`, `10-244-1-163.default.pod…` → `<파드-IP>.default.pod…`)."""
    text = "\n".join(parts)
    if "kubectl" not in text and "grep" not in text:
        return parts
    made = set(SET_CONTEXT.findall(text))
    english = ctx.language == "en"
    kept: list[str] = []
    for part in parts:
        lines = part.split("\n")
        inner = [line for line in lines[1:-1] if line.strip()]
        if CODE_FENCE.match(part) and inner and all((found := USE_CONTEXT.match(line)) and found.group(1) not in made
                                                    for line in inner):
            if kept and not CODE_FENCE.match(kept[-1]) and "\n" not in kept[-1].strip() \
                    and len(kept[-1]) <= 60 and CONTEXT_LEAD.search(kept[-1]):
                kept.pop()  # `컨텍스트를 적용합니다.`: it led into the switch alone
            continue
        kept.append("\n".join(_lab_free(line, english) for line in lines))
    return kept


def _lab_free(line: str, english: bool) -> str:
    if "kubectl" in line:
        line = POD_NAME.sub(lambda found: f"<{found.group(1)} {'pod' if english else '파드'}>", line)
        line = POD_DNS_IP.sub("<pod-IP>" if english else "<파드-IP>", line)
    if "grep" in line and ADDRESSES.search(line):
        line = GREPPED_ADDRESS.sub(lambda found: found.group(1) + (
            ("<IP address>" if english else "<IP 주소>") if found.group(3).count(".") == 3 and found.group(3)[-1] != "."
            else ("<address range>" if english else "<IP 대역>")), line)
    return line


def _source(blocks: tuple[Block, ...] | list[Block]) -> str:
    """The blocks as the note writes them (with what its commands printed, which a card's answer leaves out)."""
    return "\n\n".join(block.source for block in blocks if block.kind not in ("rule", "log_date", "html"))


def _is_task_item(item: Item) -> bool:
    text = visible_text(item.head).strip()
    return item.ordered and len(text) >= 8 and bool(TASK_SENTENCE.search(text) or TASK_VERB.match(text))


def listed_tasks(section: Section) -> list[tuple[Item, tuple[Block, ...]]]:
    """A practice test written as a numbered list (`1. 이 클러스터의 Node가 사용할 IP 범위를 찾으시오.`, then the
    commands that answer it, then `2. …`): each task with the blocks up to the next one. Empty unless the section
    or a heading above it is a practice test or lab and at least one task has an answer under it."""
    if not any(TASK_PARENT.search(title) for title in section.path):
        return []
    tasks: list[tuple[Item, list[Block]]] = []
    last = None  # the number of the last task
    for block in section.blocks:
        found = list_items(block) if block.kind == "list" else ()
        number = _number(block) if found and all(item.ordered for item in found) else None
        # a task, or the next number after one (`6. … 확인합니다.`: the next task, however it is worded)
        if number is not None and (_is_task_item(found[-1]) or last is not None and number == last + 1
                                   and len(visible_text(found[-1].head).strip()) >= 8):
            tasks.append((found[-1], []))
            last = number + len(found) - 1
        elif tasks:
            tasks[-1][1].append(block)
    if not any(answer for _, answer in tasks):
        return []
    return [(item, tuple(answer)) for item, answer in tasks]


def _number(block: Block) -> int | None:
    found = re.match(r"\s*(\d+)[.)]\s", block.source)
    return int(found.group(1)) if found else None


def listed_task_cards(ctx: RuleContext, section: Section, missing: set[str]) -> list[Card] | None:
    """One card per task of a practice test written as a numbered list: the task asks, its commands answer.
    None when the section is no such test, or none of its tasks has an answer to show."""
    cards, dumps = [], 0
    for item, answer in listed_tasks(section):
        part = replace(section, blocks=answer)
        parts, cut, _ = section_content(ctx, part, set(), missing, room=EXERCISE_ROOM)
        body = "\n".join(item.body).strip()
        back = "\n\n".join(without_lab_names(ctx, ([body] if body else []) + parts))
        if not back.strip():
            continue
        if is_lab_dump("\n\n".join(([body] if body else []) + [_source(answer)]), item.head):
            dumps += 1
            continue
        back += "\n\n" + continued(ctx, section) if cut else ""
        cards.append(ctx.card("basic", item.head, back, item.line, section, "exercise", item.head,
                              prompt=ctx.say("풀어 보세요", "Solve it")))
    return cards if cards or dumps else None
