"""A note's cards for the study page: one small script per note that registers the cards' sides (the HTML the
Anki fields hold), deck, prompt and place in the note, and where the site keeps what the sides link to."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from flashgen.render.card_sides import Ref, Sides
from flashgen.site.urls import SiteUrls, relative


def card_id(card: Any) -> str:
    """A DOM-safe id from the card's identity (stable across builds, so study state survives edits)."""
    return "c-" + hashlib.sha1(card.identity.encode("utf-8")).hexdigest()[:12]


def card_ids(cards: list[Any]) -> list[str]:
    """The ids of a note's cards, in order; a repeated identity gets `-x` added until it is unique."""
    ids, seen = [], set()
    for card in cards:
        ident = card_id(card)
        while ident in seen:
            ident += "-x"
        seen.add(ident)
        ids.append(ident)
    return ids


def deck_of(card: Any, default_deck: str) -> str:
    """The card's deck (`top::folder::note`), or the top deck for a card that names none."""
    return "::".join(card.deck) or default_deck


def card_data_script(note: Any, cards: list[Any], sides: list[Sides], vault: Any, urls: SiteUrls,
                     default_deck: str) -> str:
    """The script that registers a note's cards under its name on the study page (`window.FLASHGEN_CARDS`).
    URLs in it are relative to the site's root, where the study page is."""
    page = urls.note(note.path)
    sections = [(s.line, s.slug) for s in note.sections() if s.level]
    rows, refs = [], {}
    for ident, card, side in zip(card_ids(cards), cards, sides):
        fragment = card.section_slug or next((slug for line, slug in reversed(sections) if line <= card.line), "")
        where = card.heading_path[1:] if card.heading_path[:1] == (note.title,) else card.heading_path
        row = {"id": ident, "kind": card.kind, "deck": deck_of(card, default_deck), "front": side.front,
               "back": side.back, "at": [fragment, " › ".join((note.title,) + tuple(where))]}
        if card.prompt:
            row["prompt"] = card.prompt
        rows.append(row)
        for ref in side.refs:
            refs.setdefault(ref.url, _site_address(ref, vault, urls))
    data = {"title": note.title, "page": page, "cards": rows, "refs": {k: v for k, v in refs.items() if v}}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return (f"(window.FLASHGEN_CARDS=window.FLASHGEN_CARDS||{{}})[{json.dumps(urls.note_id(note.path), ensure_ascii=False)}]="
            f"{text};\n")


def _site_address(ref: Ref, vault: Any, urls: SiteUrls) -> str:
    """Where the site keeps what a card side's address stands for ("" for nothing: it stays as it is)."""
    if ref.path not in vault.resolver.notes:
        return urls.image(ref.path)
    target = vault.note(ref.path)
    if target is None:
        return ""
    fragment = None
    if ref.block:
        fragment = "^" + ref.block if ref.block in target.block_ids else None
    elif ref.heading:
        section = target.find_section(ref.heading)
        fragment = section.slug if section else None
    return relative("index.html", urls.note(ref.path), fragment)
