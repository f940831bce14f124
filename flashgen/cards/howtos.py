"""A section of several how-tos, each announced by a lead-in that names its task (`To convert a text card to a file:`,
`텍스트 카드를 파일로 변환하려면:`) over its steps: one card per task, asked as a question (`Canvas › How do you convert
a text card to a file?`), instead of one explanation of the whole section that reads as a grab-bag."""

from __future__ import annotations

import re

from flashgen.cards.context import RuleContext
from flashgen.cards.model import Card
from flashgen.cards.plain import in_context, only_says_it_can, topic_of
from flashgen.cards.quality import is_click_through, is_generic
from flashgen.cards.text import unbolded
from flashgen.vault.model import Block, Section

# a line that announces a task over its steps: `To add a new text card to your canvas:` (not `To do this:`, which
# points back at the section's own task), `캔버스에 새 텍스트 카드를 추가하려면:`, `노트를 병합하는 방법:`
TASK_LEAD = re.compile(r"^To (?!do (?:this|so|that|it)\b)(?P<task>[a-z][^.!?\n]*?)\s*[:：]$")
TASK_LEAD_KO = re.compile(r"^(?!(?:이렇게|그렇게|이를|이것을|그것을|그러)\s)(?P<task>[^.!?\n]*?[가-힣](?:려면|는 방법))\s*[:：]$")
# the words after the task that say how (`…, add a hyphen (`-`) in front of it:`), after its last comma
HOW = re.compile(r",\s+(?!(?:and|or|but|etc|also known as)\b)(?P<how>[a-z][^,]*)$")
# … or that only announce the steps (`…, follow these steps:`, `…, use either of the following ways:`)
ANNOUNCES_ONLY = re.compile(r"^(?:you can |please )?(?:follow|use|do|try|take)\b[^`]{0,30}\b(?:following|these|below)\b"
                            r"[^`]{0,20}$", re.I)
# a remark right after a task's steps that does the same task another way (`You can also add text cards by
# double-clicking on the canvas.`, `…텍스트 카드를 추가할 수도 있어요.`): it belongs to that task's answer
ANOTHER_WAY = re.compile(r"^(?:you can also|alternatively|or,|or you can)\s+(?P<verb>[a-z]+)", re.I)
ANOTHER_WAY_KO = re.compile(r"수도 있(?:어요|습니다|다|음)\.?$")
KO_STEM = re.compile(r"(\S+?)(?:하려면|려면|하는 방법|는 방법)$")
# one sentence that only says the heading's task can be done (`파일 탐색기의 모든 폴더를 한 번에 펼치거나 접을 수 있어요.`)
KO_IT_CAN = re.compile(r"^[^.!?\n]+ 수 있(?:어요|습니다|다|음)\.?$")
STEPS = ("list", "code")
TASK_ROOM = 2  # times an explanation's size a task's steps fill at most: half a procedure is no procedure


def _task(block: Block) -> tuple[str, str, bool] | None:
    """(task, how, Korean) when the block is a one-line paragraph that announces a task, else None."""
    if block.kind != "paragraph":
        return None
    line = block.source.strip()
    if "\n" in line or not line.endswith((":", "：")):
        return None  # (cheap test first: most paragraphs are no lead-in)
    line = unbolded(line).strip()
    found = TASK_LEAD.match(line)
    if found:
        task, how = found.group("task"), ""
        said = HOW.search(task)
        if said:
            task, how = task[:said.start()].strip(), said.group("how").strip()
            how = "" if ANNOUNCES_ONLY.match(how) else how
        return task, how, False
    found = TASK_LEAD_KO.match(line)
    return (found.group("task").strip(), "", True) if found else None


def _another_way(block: Block, task: str, korean: bool) -> bool:
    """A paragraph that does the task another way (`You can also add notes from the canvas context menu:`)."""
    if block.kind != "paragraph":
        return False
    text = block.source.strip()
    if korean:
        stem = KO_STEM.search(task)
        return bool(ANOTHER_WAY_KO.search(text) and stem and stem.group(1) in text)
    found = ANOTHER_WAY.match(text)
    return bool(found and found.group("verb").lower() == task.split()[0].lower())


def howto_cards(ctx: RuleContext, section: Section, used: set[int]) -> tuple[list[Card], set[int], bool]:
    """Two or more lead-ins in the section that each announce a task over its steps (a list, or code): a card per task,
    the task as a question with the note's topic → its steps (and the remarks right after them that do it another
    way). A task whose steps walk through an app's screens (`1. Right-click the card …` `2. Select **Save**.`), or do
    not fit in TASK_ROOM times an answer, gives none: looked up, not recalled; cut, no procedure. Returns the cards,
    the lines of every task (left out of the section's explanation, which keeps its opening and remarks) and whether
    the section opens on a task (then what is left are remarks on the tasks, no explanation of their own)."""
    blocks = [block for block in section.blocks if block.kind not in ("html", "footnotes")]
    tasks = []
    for at, block in enumerate(blocks[:-1]):
        if blocks[at + 1].kind in STEPS and block.line not in used and blocks[at + 1].line not in used:
            said = _task(block)
            if said:
                tasks.append((at, said))
    if len(tasks) < 2:
        return [], set(), False
    topic = ctx.note.title if not is_generic(ctx.note.title) else topic_of(section, ctx.note.title)
    starts = {at for at, _ in tasks}
    cards: list[Card] = []
    told: set[int] = set()
    chars, lines = ctx.config.max_answer_chars * TASK_ROOM, ctx.config.max_answer_lines * TASK_ROOM
    for at, (task, how, korean) in tasks:
        lead, steps = blocks[at], blocks[at + 1]
        shown = [steps]
        after = at + 2
        while after < len(blocks) and after not in starts and _another_way(blocks[after], task, korean):
            shown.append(blocks[after])
            if blocks[after].source.rstrip().endswith((":", "：")) and after + 1 < len(blocks) \
                    and blocks[after + 1].kind in STEPS:
                shown.append(blocks[after + 1])  # (its own steps)
                after += 1
            after += 1
        told.update(line for block in (lead, *shown) for line in range(block.line, block.end_line + 1))
        if steps.kind == "list" and is_click_through(f"{lead.source}\n{steps.source}", least=1):
            continue  # a walk through an app's screens, or its one click (`Select **Expand all** at the top of …`):
            # looked up, not recalled
        back = "\n\n".join(([f"{how[0].upper()}{how[1:]}:"] if how else []) + [block.source.strip() for block in shown])
        if len(back) > chars or back.count("\n") + 1 > lines:
            continue  # steps that would be cut: half a procedure cannot be recalled as the procedure
        asked = f"{task} 어떻게 하나요?" if korean and task.endswith("려면") else f"{task}은?" if korean \
            else f"How do you {task}?"
        cards.append(ctx.card("basic", in_context(asked, topic), back, lead.line, section, "howto",
                              lead.source.strip()))
    return cards, told, tasks[0][0] == 0


def only_says_they_can(back: str, title: str) -> bool:
    """What the how-tos leave of a section is one sentence that says its heading's task can be done (`Expand or
    collapse all folders` → `You can expand or collapse all folders in the File explorer at once.`, `모든 폴더 펼치기
    또는 접기` → `…한 번에 펼치거나 접을 수 있어요.`): how is in the tasks."""
    said = back.strip()
    if only_says_it_can(said, title):
        return True
    stem = title.split()[-1].removesuffix("기").removesuffix("하") if title.split() else ""
    return bool(stem) and "\n" not in said and bool(KO_IT_CAN.match(said)) and stem in said
