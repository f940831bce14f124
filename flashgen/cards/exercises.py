"""Exercises: a section titled as a problem (`문제`, `Question`, `Task`) followed by its answer (`답안`, `Answer`,
`Solution`) is one card, the problem on the front and its answer on the back, instead of two cards that each
explain half of it."""

from __future__ import annotations

from flashgen.cards.context import RuleContext
from flashgen.cards.model import Card
from flashgen.cards.plain import continued, section_content
from flashgen.cards.quality import words
from flashgen.vault.model import Section

PROBLEMS = {"문제", "질문", "과제", "문항", "퀴즈", "q", "question", "problem", "task", "exercise", "quiz"}
ANSWERS = {"답안", "답", "정답", "해답", "풀이", "해설", "모범 답안", "a", "answer", "answers", "solution", "solutions"}


def exercise_pairs(root: Section) -> dict[int, Section]:
    """The line of each problem section -> the answer section right after it, among the same heading's children."""
    pairs: dict[int, Section] = {}
    for section in root.walk():
        for problem, answer in zip(section.children, section.children[1:]):
            if words(problem.title) in PROBLEMS and words(answer.title) in ANSWERS:
                pairs[problem.line] = answer
    return pairs


def exercise_card(ctx: RuleContext, problem: Section, answer: Section, missing: set[str]) -> Card | None:
    """The problem's content asks, the answer's content answers; each cut visibly when too long."""
    sides = []
    for section in (problem, answer):
        parts, cut, _ = section_content(ctx, section, set(), missing)
        text = "\n\n".join(parts).strip()
        if not text:
            return None
        sides.append(text + ("\n\n" + continued(ctx, section) if cut else ""))
    return ctx.card("basic", sides[0], sides[1], problem.line, problem, "exercise", problem.title,
                    prompt=ctx.say("풀어 보세요", "Solve it"))
