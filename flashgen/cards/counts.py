"""How Anki counts what a build makes: each flashgen card is one Anki note, which Anki turns into one card (basic),
two (basic and reversed, when the back is not empty) or one per cloze number."""

from __future__ import annotations

import re
from collections import Counter
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
