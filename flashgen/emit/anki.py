"""Write the vault's cards as one Anki package (.apkg); the only module that imports genanki."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import posixpath
import re
import shutil
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import genanki

from flashgen.cards.model import Card
from flashgen.cards.naming import shown_titles
from flashgen.diagnostics import Diagnostic, warning
from flashgen.emit import anki_style as style
from flashgen.emit.ledger import Ledger
from flashgen.fsutil import atomic_path, drop_journal
from flashgen.render.card_sides import CardLinker, Sides, obsidian_url, render_sides
from flashgen.render.svg import clean_svg_file
from flashgen.vault.files import attachment_kind

# Fixed note type IDs. A note type's fields never change under the same ID: a new field set gets a new ID.
BASIC_MODEL_ID = 1_746_310_001
REVERSED_MODEL_ID = 1_746_310_002
CLOZE_MODEL_ID = 1_746_310_003

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID, "flashgen Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Context"}, {"name": "Prompt"}, {"name": "Source"}],
    templates=[{"name": "Card 1", "qfmt": style.FRONT, "afmt": style.BACK}], css=style.CSS,
)
REVERSED_MODEL = genanki.Model(
    REVERSED_MODEL_ID, "flashgen Basic (and reversed card)",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Context"}, {"name": "Prompt"}, {"name": "Source"}],
    templates=[{"name": "Card 1", "qfmt": style.FRONT, "afmt": style.BACK},
               {"name": "Card 2", "qfmt": style.REVERSE_FRONT, "afmt": style.REVERSE_BACK}], css=style.CSS,
)
CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID, "flashgen Cloze",
    fields=[{"name": "Text"}, {"name": "Extra"}, {"name": "Context"}, {"name": "Prompt"}, {"name": "Source"}],
    templates=[{"name": "Cloze", "qfmt": style.CLOZE_FRONT, "afmt": style.CLOZE_BACK}], css=style.CSS,
    model_type=genanki.Model.CLOZE,
)


class _Note(genanki.Note):
    """A genanki note that carries its own modification time."""

    def __init__(self, mod: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mod = mod

    def write_to_db(self, cursor, timestamp, deck_id, id_gen):  # noqa: D401 - genanki's signature
        super().write_to_db(cursor, self.mod, deck_id, id_gen)

    def _check_invalid_html_tags_in_fields(self) -> None:
        """Not looked for: the fields are HTML flashgen rendered, with the note's own text escaped."""


_SPACES = re.compile(r"\s+")


def anki_tag(text: str) -> str:
    """An Anki tag: no spaces (they separate tags), hierarchy with `::`, Korean kept."""
    text = _SPACES.sub("_", text.strip())
    return text.replace("/", "::").strip(":") or "_"


@lru_cache(maxsize=None)
def deck_id(name: str) -> int:
    """A stable deck ID from the deck's full name."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:12], 16) % (1 << 52) + (1 << 30)


def source_html(card: Card, vault_name: str, title: str | None = None) -> str:
    """A link that opens the note in Obsidian, and `file:line`; `title` is how the card names its note
    (flashgen.cards.naming.shown_titles), its file name by default."""
    href, name, file = _note_source(card.note_path, vault_name)
    where = " › ".join((title or name,) + card.heading_path)
    return f'<a href="{href}">{escape(where)}</a> · <span class="file">{file}:{card.line}</span>'


@lru_cache(maxsize=4096)
def _note_source(note_path: str, vault_name: str) -> tuple[str, str, str]:
    """The Obsidian link (escaped), title and escaped path of a note: the same for all its cards."""
    return escape(obsidian_url(vault_name, note_path)), posixpath.basename(note_path)[:-3], escape(note_path)


@dataclass
class AnkiResult:
    """What writing the deck produced."""

    path: Path
    notes: int
    media: int
    diagnostics: list[Diagnostic]


@dataclass(frozen=True)
class _NoteInDeck:
    """What the kept collection holds of one note's cards, enough to keep them without reading them again."""

    key: str  # the note's dependency key when its cards were written ("" when it had none)
    guids: tuple[str, ...]
    decks: tuple[str, ...]  # the decks its cards are in
    models: tuple[int, ...]
    media: tuple[tuple[str, str], ...]  # (media name, file on disk)
    missing: tuple[tuple[int, str], ...]  # (line, image name) of the placeholders its cards show


@dataclass
class DeckMemo:
    """What a deck build keeps for the next: note by note, what the kept collection holds of its cards (valid
    while the note's dependency key is the same), so that only changed notes are done again."""

    notes: dict[str, _NoteInDeck] = field(default_factory=dict)  # every note whose cards the collection holds
    kept: tuple[int, int, int] | None = None  # (inode, size, mtime) of the collection `notes` describes
    ledger: tuple[int, int, int] | None = None  # the same, of the ledger the GUIDs and times were written to


@dataclass(frozen=True)
class DeckNote:
    """One note's part of the deck: its cards and their sides, or None for both when the note is unchanged
    (its key is the one the memo holds) and its cards stay as the kept collection has them."""

    path: str
    key: str
    cards: tuple[Card, ...] | None = None
    sides: tuple[Sides, ...] | None = None


def deck_files(out_dir: Path, deck: str) -> tuple[Path, Path]:
    """Where the package of a deck and its GUID ledger are written."""
    safe = _file_name(re.sub(r'[\\/:*?"<>|]+', "_", deck).strip() or "flashgen")
    return Path(out_dir) / f"{safe}.apkg", Path(out_dir) / f"{safe}.ledger.sqlite"


def reusable(memo: DeckMemo, keep: Path | None, ledger_path: Path) -> bool:
    """Whether the memo describes the kept collection and the ledger as they are (a build stopped half-way
    leaves them apart: then every note's cards are written again)."""
    return (keep is not None and memo.kept is not None and _stamp(keep) == memo.kept and memo.ledger is not None
            and _stamp(ledger_path) == memo.ledger and not Path(f"{keep}-journal").exists())


def write_deck(vault: Any, notes: list[DeckNote], out_dir: Path, now: float | None = None,
               memo: DeckMemo | None = None, keep: Path | None = None) -> AnkiResult:
    """Write `<deck>.apkg` and its GUID ledger into out_dir, atomically. With the `memo` of an earlier build and
    `keep` (where the package's collection is kept), a note whose key is unchanged keeps its cards' GUIDs, times
    and rows in the collection, and only the other notes' cards are written; a note given without cards must
    be such a note. `memo` is updated. Each card's Front and Back (Text and Extra) are its sides as given."""
    config = vault.config
    memo = memo if memo is not None else DeckMemo()
    out_dir.mkdir(parents=True, exist_ok=True)
    target, ledger_path = deck_files(out_dir, config.deck)
    ledger = Ledger.load(ledger_path)
    problems: list[Diagnostic] = [warning("", 0, ledger.problem, "ledger")] if ledger.problem else []
    media: dict[str, Path] = {}
    deck_names: set[str] = set()
    models: set[int] = set()

    reuse = reusable(memo, keep, ledger_path)
    earlier = memo.notes if reuse else {}
    now_notes: dict[str, _NoteInDeck] = {}
    todo: list[DeckNote] = []
    for note in notes:
        before = earlier.get(note.path)
        if note.key and before is not None and before.key == note.key:
            now_notes[note.path] = before
            media.update((name, Path(disk)) for name, disk in before.media)
            deck_names.update(before.decks)
            models.update(before.models)
            problems.extend(_missing_warning(note.path, line, name) for line, name in before.missing)
        elif note.cards is None or note.sides is None:
            raise ValueError(f"the cards of {note.path} are needed: the kept deck does not hold them")
        else:
            todo.append(note)
    stale = [guid for path, before in earlier.items() if now_notes.get(path) is not before for guid in before.guids]
    pending = [card for note in todo for card in note.cards]
    assigned = ledger.assign(pending, taken={g for n in now_notes.values() for g in n.guids})
    order = iter(range(len(pending)))
    records: dict[str, dict] = {}  # ledger entries of the cards done again (the others' stay as they are)
    linker = CardLinker(vault)
    titles = shown_titles(vault.resolver.notes)

    def entries() -> Iterator[tuple[str, _Rendered, int, int]]:
        """(guid, fields, mod, deck id) of each card written, made as the collection takes them (not all held)."""
        for note in todo:
            done: list[tuple[str, str, int]] = []  # (guid, deck, note type)
            for card, sides in zip(note.cards, note.sides):
                guid = assigned[next(order)]
                clozes: dict[str, int] = {}
                if card.auto_clozes:
                    card, sides, clozes = _renumbered(card, sides, (ledger.entry(guid) or {}).get("clozes", {}),
                                                      linker)
                rendered = _fields(card, sides, config.vault_name, titles.get(card.note_path))
                media.update((name, Path(disk)) for name, disk in sides.media)
                mod = ledger.modified(guid, rendered.content_hash, now)
                records[guid] = {"identity": card.identity, "note": card.note_path, "section": list(card.heading_path),
                                 "anchor": card.anchor, "kind": card.kind, "hash": rendered.content_hash, "mod": mod}
                if clozes:
                    records[guid]["clozes"] = clozes
                deck = "::".join(card.deck) or config.deck
                done.append((guid, deck, rendered.model))
                problems.extend(_missing_warning(note.path, card.line, name) for name in sides.missing)
                yield guid, rendered, mod, deck_id(deck)
            deck_names.update(deck for _, deck, _ in done)
            models.update(model for _, _, model in done)
            now_notes[note.path] = _NoteInDeck(
                note.key, tuple(guid for guid, _, _ in done), tuple(sorted({deck for _, deck, _ in done})),
                tuple(sorted({model for _, _, model in done})),
                tuple(sorted({m for sides in note.sides for m in sides.media})),
                tuple((card.line, name) for card, sides in zip(note.cards, note.sides) for name in sides.missing))

    def rest() -> tuple[list[Path], dict[int, str], set[int]]:
        """Once every card is written: the media files, the decks and the note types."""
        return (_media_copies(media, out_dir, vault.root, problems), {deck_id(name): name for name in deck_names},
                models)

    written = _write_package(target, entries(), stale, rest, config.deck, keep, reuse)
    ledger.save(records)
    ledger.close()
    memo.notes = now_notes if written else {}
    memo.kept = _stamp(keep) if keep is not None and written else None
    memo.ledger = _stamp(ledger_path)
    return AnkiResult(target, sum(len(n.guids) for n in now_notes.values()), len(media), problems)


def _file_name(deck: str, limit: int = 180) -> str:
    """The package's file name (before `.apkg` or `.ledger.sqlite`): a deck name too long for a file name is
    cut, at a character, and gets a hash of the whole."""
    data = deck.encode("utf-8", "replace")
    if len(data) <= limit:
        return deck
    return data[:limit - 9].decode("utf-8", "ignore") + "-" + hashlib.sha1(data).hexdigest()[:8]


def _missing_warning(path: str, line: int, name: str) -> Diagnostic:
    if attachment_kind(name) in (None, "image"):
        return warning(path, line, f"card shows a placeholder for missing image `{name}`", "missing-image")
    return warning(path, line, f"card shows a placeholder for missing file `{name}`", "missing-file")


def _write_package(target: Path, entries: Iterable[tuple[str, "_Rendered", int, int]], stale: list[str],
                   rest: Callable[[], tuple[list[Path], dict[int, str], set[int]]], top_deck: str,
                   keep: Path | None, reuse: bool) -> bool:
    """Write the .apkg: its collection is the kept one (with `reuse`) with the `stale` GUIDs' notes replaced by
    `entries`, or a new one of `entries`, then zipped with the media; `rest()`, asked once the entries are
    written, gives the media files, the decks and the note types. Returns whether the collection is kept."""
    from genanki.apkg_col import APKG_COL
    from genanki.apkg_schema import APKG_SCHEMA

    if reuse and not (keep is not None and keep.exists()):
        raise FileNotFoundError(f"the kept Anki collection {keep} went away during the build; build again")
    if reuse:
        db = keep  # patched in place: a build stopped half-way leaves it unlike the memo, so it is not used again
    else:
        fd, name = tempfile.mkstemp(prefix=".collection-", suffix=".anki2", dir=(keep or target).parent)
        os.close(fd)
        db = Path(name)
    try:
        conn = sqlite3.connect(db)
        try:
            cursor = conn.cursor()
            if not reuse:  # a new file, zipped and kept only once complete: it needs no journal of its own
                cursor.execute("PRAGMA journal_mode = OFF")
                cursor.execute("PRAGMA synchronous = OFF")
                cursor.executescript(APKG_SCHEMA)
                stale = []
            for at in range(0, len(stale), 500):
                chunk = stale[at:at + 500]
                marks = ",".join("?" * len(chunk))
                cursor.execute(f"DELETE FROM cards WHERE nid IN (SELECT id FROM notes WHERE guid IN ({marks}))", chunk)
                cursor.execute(f"DELETE FROM notes WHERE guid IN ({marks})", chunk)
            last = max(cursor.execute("SELECT max(id) FROM notes").fetchone()[0] or 0,
                       cursor.execute("SELECT max(id) FROM cards").fetchone()[0] or 0)
            id_gen = itertools.count(max(int(time.time() * 1000), last + 1))
            for guid, rendered, mod, deck in entries:
                note = _Note(mod, model=_MODELS[rendered.model], fields=list(rendered.fields), guid=guid,
                             tags=list(rendered.tags))
                note.write_to_db(cursor, mod, deck, id_gen)
            media, deck_names, models = rest()
            cursor.execute("DELETE FROM col")
            cursor.executescript(APKG_COL)
            _write_tables(cursor, sorted(deck_names.values()) or [top_deck], models)
            conn.commit()
        finally:
            conn.close()
        with atomic_path(target) as tmp:
            with zipfile.ZipFile(tmp, "w") as package:
                package.write(db, "collection.anki2")
                package.writestr("media", json.dumps({str(i): path.name for i, path in enumerate(media)}))
                for i, path in enumerate(media):
                    package.write(path, str(i))
        if keep is not None:
            if db != keep:
                drop_journal(keep)
                os.replace(db, keep)
            return True
        return False
    finally:
        if db != keep:
            db.unlink(missing_ok=True)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _write_tables(cursor: Any, deck_names: list[str], model_ids: set[int]) -> None:
    """The collection's deck and note type tables, as genanki writes them, once for all decks."""
    timestamp = time.time()
    decks = json.loads(cursor.execute("SELECT decks FROM col").fetchone()[0])
    models = json.loads(cursor.execute("SELECT models FROM col").fetchone()[0])
    for name in deck_names:
        deck = genanki.Deck(deck_id(name), name)
        decks[str(deck.deck_id)] = deck.to_json()
    for model_id in sorted(model_ids):
        models[str(model_id)] = _MODELS[model_id].to_json(timestamp, deck_id(deck_names[0]))
    cursor.execute("UPDATE col SET decks = ?", (json.dumps(decks),))
    cursor.execute("UPDATE col SET models = ?", (json.dumps(models),))


@dataclass(frozen=True)
class _Rendered:
    """A card's Anki note before its GUID and modification time: fields, note type and tags."""

    fields: tuple[str, ...]
    model: int
    tags: tuple[str, ...]
    content_hash: str


_MODELS = {m.model_id: m for m in (BASIC_MODEL, REVERSED_MODEL, CLOZE_MODEL)}


def _fields(card: Card, sides: Sides, vault_name: str, title: str | None = None) -> _Rendered:
    """The Anki note of a card: its sides as the note type's first two fields, then the breadcrumb (note ›
    headings, the note named by `title` when its file name alone does not tell it apart), the prompt and the
    link back to the note."""
    context = escape(" › ".join((title or _note_source(card.note_path, vault_name)[1],) + card.heading_path))
    fields = [sides.front, sides.back, context, escape(card.prompt), source_html(card, vault_name, title)]
    model = CLOZE_MODEL if card.kind == "cloze" else REVERSED_MODEL if card.kind == "reversed" else BASIC_MODEL
    tags = [anki_tag(t) for t in card.tags] + ["flashgen::" + "::".join(anki_tag(h) for h in card.heading_path)
                                              if card.heading_path else "flashgen"]
    content_hash = hashlib.sha256("\x1f".join(fields + sorted(tags) + [str(model.model_id)]).encode()).hexdigest()
    return _Rendered(tuple(fields), model.model_id, tuple(sorted(set(tags))), content_hash)


_DELETION = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.DOTALL)
_OPENING = re.compile(r"\{\{c(\d+)::")


def _renumbered(card: Card, sides: Sides, previous: dict[str, int],
                linker: CardLinker) -> tuple[Card, Sides, dict[str, int]]:
    """The card and sides with the ledger's cloze numbers (renumber_clozes): the deletions of the rendered text
    are the card's, in order, so their numbers are changed in place; where they are not, it is rendered again."""
    renumbered, mapping = renumber_clozes(card, previous)
    if renumbered.front == card.front:
        return card, sides, mapping
    before = [m.group(1) for m in _DELETION.finditer(card.front)]
    after = iter(m.group(1) for m in _DELETION.finditer(renumbered.front))
    marks = list(_OPENING.finditer(sides.front))
    if [m.group(1) for m in marks] != before:
        return renumbered, render_sides(renumbered, linker), mapping
    text = _OPENING.sub(lambda m: "{{c" + next(after) + "::", sides.front)
    return renumbered, replace(sides, front=text), mapping


def renumber_clozes(card: Card, previous: dict[str, int]) -> tuple[Card, dict[str, int]]:
    """Keep each flashgen-numbered deletion on the number it had in the last build, so that adding a
    highlight before another never moves review history to a different card. New deletions get numbers
    above every number in use now or before; numbers the author wrote (`{{c2::x}}`) are never touched."""
    deletions = [(m, int(m.group(1))) for m in _DELETION.finditer(card.front)]
    auto = set(card.auto_clozes)
    fixed = {n for _, n in deletions if n not in auto}
    taken = set(fixed)
    wanted: dict[int, int] = {}
    for match, number in deletions:
        if number in auto and match.group(2) in previous and previous[match.group(2)] not in taken:
            wanted[match.start()] = previous[match.group(2)]
            taken.add(previous[match.group(2)])
    next_free = max(taken | set(previous.values()) | {0}) + 1
    mapping: dict[str, int] = {}
    out, last = [], 0
    for match, number in deletions:
        if number in auto:
            number = wanted.get(match.start())
            if number is None:
                number, next_free = next_free, next_free + 1
            mapping[match.group(2)] = number
        out.append(card.front[last:match.start()] + f"{{{{c{number}::{match.group(2)}}}}}")
        last = match.end()
    out.append(card.front[last:])
    return replace(card, front="".join(out)), mapping


def _media_copies(media: dict[str, Path], out_dir: Path, root: Path, problems: list[Diagnostic]) -> list[Path]:
    """genanki packs a media file under its base name: give it a copy named by content hash. An SVG is copied
    made safe (flashgen.render.svg), and always again, so that no earlier copy of it stays as it was."""
    folder = out_dir / "media"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, disk in sorted(media.items()):
        copy = folder / name
        if copy.suffix.lower() == ".svg":
            svg = clean_svg_file(_vault_path(disk, root), disk)
            problems.extend(svg.problems)
            if svg.text is None:
                continue
            with atomic_path(copy) as tmp:
                tmp.write_text(svg.text, encoding="utf-8")
        elif not copy.exists():
            with atomic_path(copy) as tmp:
                shutil.copyfile(disk, tmp)
        paths.append(copy)
    return paths


def _vault_path(disk: Path, root: Path) -> str:
    try:
        return Path(disk).relative_to(root).as_posix()
    except ValueError:
        return str(disk)
