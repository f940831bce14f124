"""Cards written on purpose, as the obsidian-spaced-repetition plugin reads them: `Q::A`, `Q:::A`, multi-line
`?`/`??` cards (their answers may hold code blocks) and cloze paragraphs (`==x==`, `{{x}}`, `{{c1::x}}`), with
the plugin's separators, cloze syntaxes and `#flashcards/deck` tags as configured."""

from __future__ import annotations

import re
from dataclasses import replace

from flashgen.cards.cloze import ANKI_CLOZE, to_anki_cloze
from flashgen.cards.context import Chunk, RuleContext, chunks_of
from flashgen.cards.decks import deck_for, strip_leading_tag
from flashgen.cards.model import Card
from flashgen.cards.plain import list_items
from flashgen.cards.spans import mask_markup
from flashgen.cards.text import BULLET, split_block_id
from flashgen.vault.model import Section

TEXT_KINDS = ("paragraph", "list", "quote", "callout")


def explicit_cards(ctx: RuleContext, section: Section) -> tuple[list[Card], set[int]]:
    """The section's explicit cards, and the lines they used (so plain-note rules leave them alone)."""
    cards: list[Card] = []
    used: set[int] = set()
    for joined in chunks_of(section, join_code=True):
        if joined.kinds[0] not in TEXT_KINDS + ("code",):
            continue
        multi = _multiline(ctx, section, joined)
        if multi:
            cards.append(multi)
            used.update(range(joined.line, joined.end_line + 1))
            continue
        for chunk in joined.parts():
            if chunk.kinds[0] in TEXT_KINDS:
                cards.extend(_chunk_cards(ctx, section, chunk, used))
    return cards, used


def _fenced_inside(lines: list[str]) -> set[int]:
    """Indexes of the lines of code fenced inside a list item or a quote (`* text` ⏎ `  ```java` ⏎ `  .orElseThrow(
    IllegalArgumentException::new);` ⏎ `  ```): code, where `::` is no card's separator."""
    inside: set[int] = set()
    closing = ""
    for index, line in enumerate(lines):
        bare = re.sub(r"^[\s>]*(?:[-*+]\s+|\d+[.)]\s+)?", "", line)
        fence = re.match(r"(`{3,}|~{3,})", bare)
        if closing:
            inside.add(index)
            if fence and bare.strip().startswith(closing) and not bare.strip().strip(closing[0]):
                closing = ""
        elif fence:
            inside.add(index)
            closing = fence.group(1)
    return inside


def _chunk_cards(ctx: RuleContext, section: Section, chunk: Chunk, used: set[int]) -> list[Card]:
    cards = []
    code = _fenced_inside(chunk.lines) if "```" in "\n".join(chunk.lines) or "~~~" in "\n".join(chunk.lines) else set()
    for offset, line in enumerate(chunk.lines):
        if offset in code:
            continue
        card = _inline(ctx, section, line, chunk.line + offset)
        if card:
            cards.append(card)
            used.add(chunk.line + offset)
    if ctx.on("cloze") and not any(chunk.line + i in used for i in range(len(chunk.lines))):
        pieces = _cloze_pieces(chunk)
        for piece, line in pieces:
            cloze = _cloze(ctx, section, chunk, piece, line, whole=len(pieces) == 1)
            if cloze:
                cards.append(cloze)
                used.update(range(line, line + piece.count("\n") + 1))
    return cards


def _strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


def _masked(text: str) -> str:
    """Inline code, links, URLs, HTML, cloze braces and what stands in square brackets (`Forwarding from
    [::1]:8080`, an address) hidden, so that a separator inside them is not one."""
    masked = mask_markup(text, emphasis=False)
    return ANKI_CLOZE.sub(lambda m: "\u2591" * len(m.group(0)), masked)


def _inline(ctx: RuleContext, section: Section, line: str, number: int) -> Card | None:
    config = ctx.config
    if not any(separator and separator in line
               for separator in (config.inline_separator, config.inline_reversed_separator)):
        return None  # (masking hides separators, it never makes one)
    line, block_id = split_block_id(line)
    masked = _masked(line)
    kinds = sorted(((config.inline_separator, "basic"), (config.inline_reversed_separator, "reversed")),
                   key=lambda pair: -len(pair[0]))
    for separator, kind in kinds:
        at = masked.find(separator) if separator else -1
        if at < 0:
            continue
        question = _strip_bullet(line[:at]).lstrip(">").strip()
        question, parts = strip_leading_tag(question, config)
        answer = line[at + len(separator):].strip()
        if not question or not answer:
            return None
        card = ctx.card(kind, question, answer, number, section, "explicit", question, block_id)
        return _in_deck(ctx, card, parts)
    return None


def _in_deck(ctx: RuleContext, card: Card, parts: tuple[str, ...] | None) -> Card:
    deck = deck_for(parts, ctx.config)
    return replace(card, deck=deck) if deck else card


def _multiline(ctx: RuleContext, section: Section, chunk: Chunk) -> Card | None:
    """Question lines, a line `?` (or `??`), then answer lines, code blocks included, up to a blank line. A
    chunk that starts with the marker asks its section's heading."""
    config = ctx.config
    markers = {config.multiline_separator: "basic", config.multiline_reversed_separator: "reversed"}
    markers.pop("", None)
    lines = chunk.lines
    code = chunk.code_lines()
    for index, line in enumerate(lines):
        kind = markers.get(line.strip())
        if kind is None or index in code:
            continue
        question = "\n".join(lines[:index]).strip()
        if not question and section.level and index == 0 and chunk.line == _first_content_line(section):
            question = section.title
        question, parts = strip_leading_tag(question, config)
        answer, block_id = split_block_id("\n".join(lines[index + 1:]).strip())
        if not question or not answer:
            return None
        card = ctx.card(kind, question, answer, chunk.line, section, "multiline", question, block_id)
        return _in_deck(ctx, card, parts)
    return None


def _first_content_line(section: Section) -> int:
    return section.blocks[0].line if section.blocks else -1


LONG_LIST_ITEMS = 6  # a list with more items than this gives a cloze card per item, not one card for all


def _cloze_pieces(chunk: Chunk) -> list[tuple[str, int]]:
    """What each cloze card shows: the whole chunk, or for a long list (a glossary) each of its items."""
    source = chunk.source
    if chunk.kinds != ("list",) or not any(mark in source for mark in ("==", "{{", "**")):
        return [(source, chunk.line)]
    items = list_items(chunk.blocks[0])
    if len(items) <= LONG_LIST_ITEMS:
        return [(source, chunk.line)]
    lines = source.split("\n")
    starts = [item.line - chunk.line for item in items] + [len(lines)]
    return [("\n".join(lines[start:end]).rstrip(), chunk.line + start) for start, end in zip(starts, starts[1:])]


def _cloze(ctx: RuleContext, section: Section, chunk: Chunk, text: str, line: int, whole: bool) -> Card | None:
    text, own_id = split_block_id(text)
    if not any(mark in text for mark in ("==", "{{", "**")):
        return None
    text, parts = strip_leading_tag(text, ctx.config)
    converted, count, auto = to_anki_cloze(text, ctx.config.clozes)
    if not count:
        return None
    # the anchor is the text with its deletions blanked: editing a hidden answer keeps the card
    anchor = ANKI_CLOZE.sub("[...]", converted)
    block_id = own_id or (next((b.block_id for b in chunk.blocks if b.block_id), None) if whole else None)
    card = ctx.card("cloze", converted, "", line, section, "cloze", anchor, block_id)
    return _in_deck(ctx, replace(card, auto_clozes=auto), parts)
