"""Decks named by tags, as the obsidian-spaced-repetition plugin files cards: `#flashcards/a/b` puts a card in the
deck `<deck>::a::b`; a tag at the start of a card is that card's own, a tag elsewhere in the note applies to
the cards after it."""

from __future__ import annotations

import re

from flashgen.config import Config
from flashgen.vault.markdown.tags import find_tag
from flashgen.vault.model import Note

LEADING_SPACE = re.compile(r"\s*")
TAG_WORD = re.compile(r"#[^\s#]+")


def tag_path(tag: str, config: Config) -> tuple[str, ...] | None:
    """For a flashcard tag (`flashcards`, `flashcards/a/b`, any case), the deck parts below the tag's own root
    (`()`, `("a", "b")`); None for any other tag."""
    parts = [part for part in tag.split("/") if part]
    lowered = [part.lower() for part in parts]
    for wanted in config.flashcard_tags:
        root = wanted.split("/")
        if lowered[:len(root)] == root:
            return tuple(parts[1:])
    return None


def deck_for(parts: tuple[str, ...] | None, config: Config) -> tuple[str, ...] | None:
    """The deck a flashcard tag names, under the vault's deck; None when it names no sub-deck."""
    return (config.deck,) + parts if parts else None


def strip_leading_tag(text: str, config: Config) -> tuple[str, tuple[str, ...] | None]:
    """`text` without the flashcard tag it starts with (`#flashcards/a Q`, or a tag alone on the line before),
    and the deck parts of that tag (None when it starts with none)."""
    start = LEADING_SPACE.match(text).end()
    written = TAG_WORD.match(text, start)
    if not written or not find_tag(text, start):
        return text, None
    parts = tag_path(written.group(0)[1:], config)
    if parts is None:
        return text, None
    rest = text[written.end():]
    return rest[LEADING_SPACE.match(rest).end():], parts


def positional_decks(note: Note, config: Config, card_lines: set[int]) -> tuple[
        tuple[str, ...] | None, list[tuple[int, tuple[str, ...]]]]:
    """The note's own flashcard-tag deck (frontmatter tags first, else the first such tag anywhere) and the
    (line, deck parts) of every flashcard tag in the text outside the cards' own lines, in order."""
    front: tuple[str, ...] | None = None
    first: tuple[str, ...] | None = None
    placed: list[tuple[int, tuple[str, ...]]] = []
    for tag in note.tags:
        parts = tag_path(tag.name, config)
        if parts is None:
            continue
        if tag.line < note.body_line:
            front = parts if front is None else front
            continue
        first = parts if first is None else first
        if tag.line not in card_lines and (not placed or placed[-1][0] != tag.line):
            placed.append((tag.line, parts))
    return (front if front is not None else first), placed
