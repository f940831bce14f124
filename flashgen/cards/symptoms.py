"""Troubleshooting tables: a table of errors with their causes and fixes (`오류 | 원인 | 해결`) gives a card per
row, the error on the front and its cause and fix on the back, instead of one card that asks for the whole table."""

from __future__ import annotations

import re

from flashgen.cards.context import RuleContext
from flashgen.cards.model import Card
from flashgen.cards.quality import names_instances, nothing_to_learn, table_rows
from flashgen.cards.text import visible_text
from flashgen.vault.model import Section

SYMPTOM = re.compile(r"^\W*(?:오류|에러|문제|증상|현상|장애|error|errors|problem|problems|symptom|symptoms|issue|issues)"
                     r"(?:\s*(?:메시지|내용|message))?\W*$", re.I)
CAUSE = re.compile(r"^\W*(?:원인|이유|cause|causes|reason|why)\W*$", re.I)
FIX = re.compile(r"^\W*(?:해결|해결책|해결 ?방법|조치|대응|대처|fix|fixes|solution|solutions|resolution|workaround)\W*$",
                 re.I)


def symptom_cards(ctx: RuleContext, section: Section, used: set[int]) -> tuple[list[Card], set[int]]:
    """A card per row of each troubleshooting table of the section, and the lines of the tables they cover."""
    cards: list[Card] = []
    covered: set[int] = set()
    for block in section.blocks:
        if block.kind != "table" or block.line in used:
            continue
        rows = table_rows(block.source)
        if len(rows) < 2 or not SYMPTOM.match(rows[0][0]):
            continue
        header = rows[0]
        answers = [col for col in range(1, len(header)) if CAUSE.match(header[col]) or FIX.match(header[col])]
        if not answers:
            continue
        lines = [number for number, line in enumerate(block.source.split("\n"), block.line)
                 if line.strip().startswith("|")][2:]  # the body rows' lines (after the header and the divider)
        made = [_row_card(ctx, section, header, answers, row, line) for row, line in zip(rows[1:], lines)]
        if any(made):
            cards.extend(card for card in made if card)
            covered.add(block.line)
    return cards, covered


def _row_card(ctx: RuleContext, section: Section, header: list[str], answers: list[int], row: list[str],
              line: int) -> Card | None:
    symptom = row[0].strip() if row else ""
    given = [(header[col], row[col].strip()) for col in answers if col < len(row) and visible_text(row[col]).strip()
             and row[col].strip() not in ("-", "—")]
    if len(visible_text(symptom)) < 3 or not given or nothing_to_learn(symptom) \
            or names_instances(" ".join([symptom] + [text for _, text in given])):
        return None  # (an address or resource of one machine: that machine's incident, not a lesson)
    back = "\n\n".join(f"**{visible_text(name)}**: {text}" for name, text in given)
    asks_cause = any(CAUSE.match(name) for name, _ in given)
    asks_fix = any(FIX.match(name) for name, _ in given)
    prompt = ctx.say("원인과 해결은?", "Cause and fix?") if asks_cause and asks_fix else \
        ctx.say("원인은?", "What causes it?") if asks_cause else ctx.say("어떻게 해결하나요?", "How is it fixed?")
    return ctx.card("basic", symptom, back, line, section, "symptom", visible_text(symptom), prompt=prompt)
