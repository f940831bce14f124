"""Cards as the site shows them: both sides rendered, a stable id, the deck and the source place."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Callable

from flashgen.cards.model import Card

Render = Callable[[str, str, str], str]

_CLOZE = re.compile(r"\{\{c(\d+)::(.+?)(?:::(.+?))?\}\}", re.DOTALL)


@dataclass(frozen=True)
class CardView:
    """One card ready for a page."""

    id: str
    kind: str
    front_html: str
    back_html: str
    front_text: str
    back_text: str
    note_path: str
    line: int
    heading_path: tuple[str, ...]
    tags: tuple[str, ...]
    deck: str
    prompt: str = ""
    section_slug: str = ""


def card_id(card: Card) -> str:
    """A DOM-safe id from the card's identity (stable across builds, so study state survives edits)."""
    return "c-" + hashlib.sha1(card.identity.encode("utf-8")).hexdigest()[:12]


def deck_of(card: Card, default_deck: str) -> str:
    """The card's deck (`top::folder::note`), or the top deck for a card that names none."""
    return "::".join(card.deck) or default_deck


def card_views(cards: list[Card], default_deck: str, render: Render | None = None) -> list[CardView]:
    """Every card with its sides rendered by `render(markdown, note_path, mode)` (mode "markdown", or "front" /
    "back" for cloze text); without `render` the sides stay empty (for page-independent facts)."""
    views = []
    seen: set[str] = set()
    for card in cards:
        ident = card_id(card)
        while ident in seen:
            ident += "-x"
        seen.add(ident)
        if render is None:
            front_html = back_html = ""
        elif card.kind == "cloze":
            front_html = render(card.front, card.note_path, "front")
            back_html = render(card.front, card.note_path, "back")
            if card.back.strip():
                back_html += render(card.back, card.note_path, "markdown")
        else:
            front_html = render(card.front, card.note_path, "markdown")
            back_html = render(card.back, card.note_path, "markdown")
        views.append(CardView(
            id=ident, kind=card.kind, front_html=front_html, back_html=back_html,
            front_text=_CLOZE.sub(lambda m: m.group(2), card.front), back_text=card.back,
            note_path=card.note_path, line=card.line, heading_path=card.heading_path, tags=card.tags,
            deck=deck_of(card, default_deck), prompt=card.prompt, section_slug=card.section_slug,
        ))
    return views


def deck_data_script(base: str, views: list[CardView], source: dict[str, tuple[str, str]]) -> str:
    """A script that adds one note's cards to `window.flashgenCards` for the deck pages' study session. The
    sides are those of the note's flashcards page: their relative links are relative to `base`, that page's
    folder (from the site root), and the deck pages rebase them."""
    rows = [{"id": v.id, "kind": v.kind, "deck": v.deck, "prompt": v.prompt, "front": v.front_html, "back": v.back_html,
             "source": list(source.get(v.id, ("", "")))} for v in views]
    payload = json.dumps({"base": base, "cards": rows}, ensure_ascii=False, separators=(",", ":"))
    return "(window.flashgenCards = window.flashgenCards || []).push(" + payload + ");\n"
