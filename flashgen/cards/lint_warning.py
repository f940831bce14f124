"""A visible warning on a card that shows a manifest Kubernetes would reject, with the lint's correction
(`spec.JobTemplate` → `jobTemplate`), so that a card never teaches an invalid manifest as written."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from flashgen.cards.context import RuleContext
from flashgen.cards.model import Card
from flashgen.diagnostics import Diagnostic
from flashgen.vault.model import CodeBlock


def warn_rejected(ctx: RuleContext, card: Card, problems: Sequence[Diagnostic]) -> Card:
    """The card with a warning above its answer for each problem in a code block it shows."""
    found: list[str] = []
    for code in ctx.note.code_blocks:
        end = code.line + code.code.count("\n")
        inside = [p.message for p in problems if code.line <= p.line <= end and p.path == ctx.note.path]
        if inside and _shows(card, code):
            found.extend(message for message in inside if message not in found)
    if not found:
        return card
    title = ctx.say("⚠️ Kubernetes가 거부하는 매니페스트", "⚠️ Kubernetes rejects this manifest")
    warning = "\n".join([f"> [!warning] {title}"] + [f"> - {_escaped(message)}" for message in found])
    return replace(card, back=f"{warning}\n\n{card.back}".strip())


def _shows(card: Card, code: CodeBlock) -> bool:
    """Whether the card shows this code block: a manifest card made from it, or a side that quotes it."""
    if card.rule == "manifest":
        return card.line == code.fence_line
    lines = [line for line in code.code.split("\n") if line.strip()][:3]
    return bool(lines) and "\n".join(lines) in card.front + "\n" + card.back


def _escaped(message: str) -> str:
    """A lint message as literal text: its field names in code spans stay readable in any renderer."""
    return message.replace("`", "'")
