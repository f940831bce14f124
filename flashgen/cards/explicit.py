"""Cards written on purpose, as the obsidian-spaced-repetition plugin reads them: `Q::A`, `Q:::A`,
multi-line `?`/`??` cards and cloze paragraphs (`==x==`, `{{x}}`, `{{c1::x}}`)."""

from __future__ import annotations

import re
from dataclasses import replace

from flashgen.cards.context import Chunk, RuleContext, chunks_of
from flashgen.cards.model import Card
from flashgen.cards.text import BULLET, mask_code, split_block_id
from flashgen.vault.model import Section

ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.+?)\}\}", re.DOTALL)
CURLY_CLOZE = re.compile(r"\{\{(?!c\d+::)(.+?)\}\}", re.DOTALL)
HIGHLIGHT = re.compile(r"(?<![=\\])==(?!=)(\S(?:.*?\S)?)==(?!=)", re.DOTALL)


def _masked(text: str) -> str:
    """Inline code, URLs and cloze braces hidden, so that `::` inside them is not a separator."""
    masked = mask_code(text)
    return ANKI_CLOZE.sub(lambda m: "\u2591" * len(m.group(0)), masked)


def explicit_cards(ctx: RuleContext, section: Section) -> tuple[list[Card], set[int]]:
    """The section's explicit cards, and the lines they used (so plain-note rules leave them alone)."""
    cards: list[Card] = []
    used: set[int] = set()
    for chunk in chunks_of(section):
        if chunk.kinds[0] not in ("paragraph", "list", "quote", "callout"):
            continue
        lines = chunk.lines
        multi = _multiline(ctx, section, chunk, lines)
        if multi:
            cards.append(multi)
            used.update(range(chunk.line, chunk.line + len(lines)))
            continue
        for offset, line in enumerate(lines):
            card = _inline(ctx, section, line, chunk.line + offset)
            if card:
                cards.append(card)
                used.add(chunk.line + offset)
        if ctx.on("cloze") and not any(chunk.line + i in used for i in range(len(lines))):
            cloze = _cloze(ctx, section, chunk)
            if cloze:
                cards.append(cloze)
                used.update(range(chunk.line, chunk.line + len(lines)))
    return cards, used


def _strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


def _inline(ctx: RuleContext, section: Section, line: str, number: int) -> Card | None:
    line, block_id = split_block_id(line)
    masked = _masked(line)
    for separator, kind in ((":::", "reversed"), ("::", "basic")):
        at = masked.find(separator)
        if at < 0:
            continue
        if separator == "::" and masked.find(":::") >= 0:
            continue
        question = _strip_bullet(line[:at]).lstrip(">").strip()
        answer = line[at + len(separator):].strip()
        if not question or not answer:
            return None
        return ctx.card(kind, question, answer, number, section, "explicit", question, block_id)
    return None


def _multiline(ctx: RuleContext, section: Section, chunk: Chunk, lines: list[str]) -> Card | None:
    for index, line in enumerate(lines):
        marker = line.strip()
        if marker in ("?", "??") and 0 < index < len(lines) - 1:
            question = "\n".join(lines[:index]).strip()
            answer, block_id = split_block_id("\n".join(lines[index + 1:]).strip())
            if not question or not answer:
                return None
            kind = "reversed" if marker == "??" else "basic"
            return ctx.card(kind, question, answer, chunk.line, section, "multiline", question, block_id)
    return None


def to_anki_cloze(text: str) -> tuple[str, int]:
    """`text` with `==x==` and `{{x}}` turned into `{{cN::x}}` after the highest number already used
    (Anki's own numbers are kept), and how many deletions there are."""
    converted, count, _ = _convert_cloze(text)
    return converted, count


def _convert_cloze(text: str) -> tuple[str, int, tuple[int, ...]]:
    masked = mask_code(text)
    numbers = [int(m.group(1)) for m in ANKI_CLOZE.finditer(masked)]
    spans: list[tuple[int, int, str]] = []
    for pattern in (HIGHLIGHT, CURLY_CLOZE):
        for match in pattern.finditer(masked):
            if any(start < match.end() and match.start() < end for start, end, _ in spans):
                continue
            if ANKI_CLOZE.match(masked, match.start()):
                continue
            spans.append((match.start(), match.end(), text[match.start(1):match.end(1)]))
    spans.sort()
    next_number = max(numbers, default=0)
    out = []
    last = 0
    for start, end, inner in spans:
        next_number += 1
        out.append(text[last:start])
        out.append(f"{{{{c{next_number}::{inner}}}}}")
        last = end
    out.append(text[last:])
    auto = tuple(range(max(numbers, default=0) + 1, next_number + 1))
    return "".join(out), len(numbers) + len(spans), auto


def _cloze(ctx: RuleContext, section: Section, chunk: Chunk) -> Card | None:
    text, own_id = split_block_id(chunk.source)
    masked = mask_code(text)
    if not (HIGHLIGHT.search(masked) or CURLY_CLOZE.search(masked) or ANKI_CLOZE.search(masked)):
        return None
    converted, count, auto = _convert_cloze(text)
    if not count:
        return None
    # the anchor is the text with its deletions blanked: editing a hidden answer keeps the card
    anchor = ANKI_CLOZE.sub("[...]", converted)
    block_id = own_id or next((b.block_id for b in chunk.blocks if b.block_id), None)
    card = ctx.card("cloze", converted, "", chunk.line, section, "cloze", anchor, block_id)
    return replace(card, auto_clozes=auto)
