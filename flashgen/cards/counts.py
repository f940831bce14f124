"""How Anki counts what a build makes: each flashgen card is one Anki note, which Anki turns into one card (basic),
two (basic and reversed, when the back is not empty) or one per cloze number."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from flashgen.cards.model import Card

_ORDINAL = re.compile(r"\{\{c(\d+)::")


def anki_cards(card: Card) -> int:
    """The cards Anki makes of this note."""
    if card.kind == "cloze":
        return len({number for number in _ORDINAL.findall(card.front) if int(number) > 0})
    if card.kind == "reversed":
        return 2 if card.back.strip() else 1
    return 1


def cards_by_kind(cards: Iterable[Card]) -> Counter:
    """Anki cards by the kind of note they come from."""
    out: Counter = Counter()
    for card in cards:
        out[card.kind] += anki_cards(card)
    return out


@dataclass(frozen=True)
class Tally:
    """What one note's cards count, as Anki counts them: kept for every note, so that a build that reads only
    the changed notes still knows the whole vault's counts and decks."""

    by_kind: tuple[tuple[str, int], ...] = ()  # Anki notes (flashgen cards) by kind
    by_rule: tuple[tuple[str, int], ...] = ()  # Anki notes by the rule that made them
    anki_by_kind: tuple[tuple[str, int], ...] = ()  # the cards Anki makes of them, by kind
    decks: tuple[tuple[str, int], ...] = ()  # (deck as the cards name it, "" for none; Anki cards in it)

    @cached_property
    def cards(self) -> int:
        """The cards Anki makes of the note's cards (asked for many times by a build: worked out once)."""
        return sum(n for _, n in self.anki_by_kind)


def tally(cards: Iterable[Card]) -> Tally:
    """The counts of one note's cards."""
    kinds, rules, anki, decks = Counter(), Counter(), Counter(), Counter()
    for card in cards:
        made = anki_cards(card)
        kinds[card.kind] += 1
        rules[card.rule] += 1
        anki[card.kind] += made
        decks["::".join(card.deck)] += made
    return Tally(*(tuple(sorted(c.items())) for c in (kinds, rules, anki, decks)))
