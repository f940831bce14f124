"""What each note makes on its own, where it is read: its parse, the manifest lint, its cards and their sides
(rendered once, for the deck and the site alike) and the site's part of it (its page's content, search records
and study-log facts). Nothing here depends on another note's text, so notes can be worked on in any order, in
several processes; what a note's outputs take from other notes is put in afterwards, by the whole vault."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from flashgen.cards import missing_images, note_cards
from flashgen.cards.counts import Tally, tally
from flashgen.diagnostics import Diagnostic
from flashgen.kube import YAML_LANGS
from flashgen.render.card_sides import CardLinker, Sides, render_sides
from flashgen.vault.files import VaultFile
from flashgen.vault.model import NoteOutline
from flashgen.vault.parse import parse_file


@dataclass(frozen=True)
class NoteWork:
    """What one note made. `outline` is None when the file cannot be used (`problems` say why)."""

    path: str
    stamp: tuple[int, int]
    outline: NoteOutline | None
    problems: tuple[Diagnostic, ...] = ()  # why the file could not be used
    lint: tuple[Diagnostic, ...] = ()  # what Kubernetes rejects in the note's manifests, and kubectl in its commands
    cards: tuple[Any, ...] = ()  # flashgen.cards.Card
    sides: tuple[Sides, ...] = ()
    tally: Tally = Tally()
    part: Any = None  # flashgen.site.NotePart, when the site is built


def work_notes(files: Iterable[VaultFile], vault: Any, urls: Any | None) -> list[NoteWork]:
    """Work on each note file (taken from `files` one after the other). `vault` is the vault's files (its resolver,
    stamps and settings; the notes are not needed); `urls` the site's addresses (flashgen.site.urls.SiteUrls), or
    None when no site is made."""
    linker = CardLinker(vault)
    return [work_note(file, vault, urls, linker) for file in files]


def work_note(file: VaultFile, vault: Any, urls: Any | None, linker: CardLinker) -> NoteWork:
    config = vault.config
    note, problems = parse_file(file, config)
    if note is None:
        return NoteWork(file.path, file.stamp, None, tuple(problems))
    lint: list[Diagnostic] = []
    if any((code.lang or "").lower() in YAML_LANGS for code in note.code_blocks):  # (its import is slow)
        from flashgen.kube.lint import lint_note

        lint = lint_note(note)
    if any("kubectl" in code.code for code in note.code_blocks):
        from flashgen.kube.commands import lint_commands

        lint += lint_commands(note)
    cards = note_cards(note, config, missing_images(note, vault.resolve), lint)
    sides = tuple(render_sides(card, linker) for card in cards)
    counts = tally(cards)
    part = None
    if urls is not None:
        from flashgen.cards.lint_warning import fence_warnings
        from flashgen.site import note_part

        part = note_part(note, vault, urls, counts.cards, fence_warnings(note, lint, config) if lint else None)
    return NoteWork(file.path, file.stamp, note.outline(), (), tuple(lint), tuple(cards), sides, counts, part)
