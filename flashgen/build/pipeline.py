"""`build()`: parse the vault once, make the cards, write the decks and the site, and report."""

from __future__ import annotations

import gc
import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from flashgen.build.processes import Background, Worker, can_fork
from flashgen.diagnostics import Diagnostic, Level, error
from flashgen.fsutil import write_text


@dataclass
class BuildResult:
    """What a build made and what it found wrong."""

    notes: int = 0  # notes of the vault
    cards_by_kind: Counter = field(default_factory=Counter)  # Anki notes (flashgen cards) by kind
    cards_by_rule: Counter = field(default_factory=Counter)  # Anki notes by the rule that made them
    anki_cards_by_kind: Counter = field(default_factory=Counter)  # the cards Anki makes of them, by kind
    media: int = 0
    deck_path: Path | None = None
    site_path: Path | None = None
    labs: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0
    unchanged: bool = False  # nothing was read or written: inputs and outputs were as the last build left them

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level is Level.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level is Level.WARNING]

    def failed(self, strict: bool = False) -> bool:
        """Errors fail a build; with `strict`, warnings do too."""
        return bool(self.errors or (strict and self.warnings))


def build(notes_dir: Path, out_dir: Path, *, site: bool = True, decks: bool = True,
          progress: Callable[[str, int, int], None] | None = None) -> BuildResult:
    """Build everything from the vault at notes_dir into out_dir. Never writes inside notes_dir."""
    # A build makes millions of small objects and almost no reference cycles: the cycle collector's passes
    # over the growing parse cost a fifth of the build and free nearly nothing, so it rests until the end.
    from flashgen.build.leftovers import exclusive

    notes_dir, out_dir = Path(notes_dir), Path(out_dir)
    refused = _refused(notes_dir, out_dir)
    if refused is not None:
        return refused
    collecting = gc.isenabled()
    gc.disable()
    try:
        with exclusive(out_dir):  # one build at a time; what a killed one left is removed first
            return _build(notes_dir, out_dir, site, decks, progress)
    finally:
        if collecting:
            gc.enable()


def _refused(notes_dir: Path, out_dir: Path) -> BuildResult | None:
    """The result of a build that cannot start, or None."""
    result = BuildResult()
    if not notes_dir.is_dir():
        result.diagnostics.append(error(str(notes_dir), 0, "notes folder not found", "no-vault"))
        return result
    if _inside(out_dir, notes_dir):
        result.diagnostics.append(error(str(out_dir), 0, "the output folder must not be inside the notes folder "
                                                         "(flashgen never writes into your notes)", "out-in-vault"))
        return result
    return None


def _build(notes_dir: Path, out_dir: Path, site: bool, decks: bool,
           progress: Callable[[str, int, int], None] | None) -> BuildResult:
    started = time.perf_counter()
    result = BuildResult()
    step = progress or (lambda stage, done, total: None)
    from flashgen.build import cache as buildcache
    from flashgen.build import state as buildstate
    from flashgen.build.depkeys import note_keys
    from flashgen.cards import extract_cards
    from flashgen.cards.counts import cards_by_kind as anki_counts
    from flashgen.config import find_config
    from flashgen.vault.links import check_links
    from flashgen.vault.parse import parse_vault

    extra = [p for p in (find_config(notes_dir), labs_dir(notes_dir)) if p is not None]
    flags = f"site={site},decks={decks}"
    key = buildstate.input_key(notes_dir, extra, flags)
    previous = buildstate.unchanged(out_dir, key)
    if previous is not None:
        return _from_report(previous, time.perf_counter() - started)
    cache = buildcache.load(out_dir, buildstate.setup_key(extra, flags))

    step("parse", 0, 4)
    with _SharedParse(notes_dir, decks) as shared:
        vault = parse_vault(notes_dir, reuse=cache.notes, parse_many=shared, check=False)
        vault.resolver.adopt(cache.resolved)
        keys = note_keys(vault)
        vault.diagnostics.extend(check_links(vault, keys, cache.links))
        result.notes = len(vault.notes)
        result.diagnostics.extend(vault.diagnostics)
        for path, found in shared.cards.items():  # made beside the parse: kept as if by an earlier build
            if path in keys:
                cache.cards[path] = (keys[path], found)
        cache.lint.update((path, (vault.stamps[path], found)) for path, found in shared.lint.items())
        step("cards", 1, 4)
        from flashgen.kube.lint import lint_note

        def linted(note):  # a note's manifest problems, for its cards and kept for the lint below
            found = lint_note(note)
            cache.lint[note.path] = (vault.stamps.get(note.path), found)
            return found

        cards = extract_cards(vault, keys, cache.cards, manifest_problems=linted)
        result.cards_by_kind = Counter(card.kind for card in cards)
        result.cards_by_rule = Counter(card.rule for card in cards)
        result.anki_cards_by_kind = anki_counts(cards)
        # the deck is written in a forked process while this one lints and makes the site
        deck_task = Background(write_decks, vault, cards, out_dir, keys, cache.setup, shared.fields) \
            if decks else None
        step("site" if site else "anki", 2, 4)
        lab_list, lab_problems = load_course_labs(notes_dir)
        result.labs = len(lab_list)
        result.diagnostics.extend(lab_problems)
        from flashgen.cards.lint_warning import fence_warnings
        from flashgen.kube.lint import lint_manifests

        rejected = lint_manifests(vault, cache.lint)
        result.diagnostics.extend(rejected)
        for note in vault.notes:  # the note pages warn where they show what Kubernetes rejects
            if any(d.path == note.path for d in rejected):
                vault.code_warnings[note.path] = fence_warnings(note, rejected, vault.config)
        if site:
            from flashgen.site import build_site

            site_result = build_site(vault, cards, out_dir / "site", labs=lab_list, keys=keys, memo=cache.site,
                                     helper=shared.helper(), beside=Background)
            result.site_path = out_dir / "site"
            result.diagnostics.extend(site_result.diagnostics)
        cache.keep_notes(vault)
        cache.resolved = vault.resolver.answers()
        buildcache.save(out_dir, cache)
        if deck_task is not None:
            step("anki", 3, 4)
            result.deck_path, result.media, deck_problems = deck_task.result()
            result.diagnostics.extend(d for d in deck_problems if d.code != "missing-image")
        step("done", 4, 4)
        result.diagnostics = sorted(set(result.diagnostics))
        result.seconds = time.perf_counter() - started
        write_report(result, out_dir / "report.json")
        buildstate.remember(out_dir, key)
        return result


PARSE_SPLIT_AT = 200  # from this many notes to parse, about half are parsed in a forked process


class _SharedParse:
    """parse_many for parse_vault: the second half of the notes is parsed in a forked process, which also
    makes their cards and manifest diagnostics; this process reads them back without tokens. That process
    stays, holding its notes with their tokens, to make their site pages (`helper()`), until the `with` ends."""

    def __init__(self, notes_dir: Path, decks: bool) -> None:
        self.notes_dir = notes_dir
        self.decks = decks
        self.cards: dict[str, list] = {}
        self.lint: dict[str, list] = {}
        self.fields: dict[str, list] = {}  # note path -> its cards' Anki fields (emit.anki.prerender)
        self.worker: Worker | None = None
        self.paths: frozenset[str] = frozenset()

    def __call__(self, files: list, config) -> dict:
        from flashgen.vault.parse import parse_files

        if len(files) < PARSE_SPLIT_AT or not can_fork():
            return parse_files(files, config)
        half = int(len(files) * PARSE_SHARE)
        self.worker = Worker(_parse_and_hold, self.notes_dir, files[half:], config, self.decks)
        parsed, self.cards, self.lint, self.fields = _parse_half(self.notes_dir, files[:half], config, self.decks)
        theirs, cards, lint, fields = self.worker.result()
        self.paths = frozenset(path for path, (note, _) in theirs.items() if note is not None)
        parsed.update(theirs)
        self.cards.update(cards)
        self.lint.update(lint)
        self.fields.update(fields)
        return parsed

    def helper(self) -> _ParseHelper | None:
        """The process that parsed the second half, to make those notes' pages (site.builder.Helper)."""
        return _ParseHelper(self.worker, self.paths) if self.worker is not None else None

    def __enter__(self) -> _SharedParse:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.worker is not None:
            self.worker.close()
            self.worker = None


PARSE_SHARE = 0.5  # the share of the notes this process parses
_HELD: dict[str, tuple] = {}  # in the parse worker: the notes it parsed, with their tokens, and their cards


@dataclass(frozen=True)
class _ParseHelper:
    worker: Worker
    paths: frozenset[str]

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.worker.submit(_with_held, fn, *args)


def _with_held(fn: Callable[..., Any], *args: Any) -> Any:
    return fn(_HELD, *args)


def _parse_and_hold(notes_dir: Path, files: list, config, decks: bool) -> tuple[dict, dict, dict, dict]:
    """In the parse worker: parse some notes and make their cards and manifest diagnostics; keep the notes
    and cards, and hand the notes back without their tokens."""
    from dataclasses import replace

    parsed, cards, lint, fields = _parse_half(notes_dir, files, config, decks)
    for path, (note, problems) in parsed.items():
        if note is not None:
            _HELD[path] = (note, cards[path])
            parsed[path] = (replace(note, tokens=()), problems)
    return parsed, cards, lint, fields


def _parse_half(notes_dir: Path, files: list, config, decks: bool) -> tuple[dict, dict, dict, dict]:
    """Parse some notes and make their cards, manifest diagnostics and (for `decks`) their cards' Anki fields,
    while the notes' card sides are parsed at hand."""
    from flashgen.cards import missing_images, note_cards
    from flashgen.kube.lint import lint_note
    from flashgen.vault.files import walk_vault
    from flashgen.vault.model import Vault
    from flashgen.vault.parse import parse_files, resolver_of

    parsed = parse_files(files, config)
    walked = walk_vault(notes_dir, config)
    resolver = resolver_of(walked)
    # the vault's files without its notes: enough to resolve links and find the images cards show
    files = Vault(notes_dir, config, (), (), resolver, files={f.path: f.disk for f in walked.notes + walked.attachments})
    cards, lint, fields = {}, {}, {}
    for path, (note, problems) in parsed.items():
        if note is None:
            continue
        lint[path] = lint_note(note)
        cards[path] = note_cards(note, config, missing_images(note, files.resolve), lint[path])
    if decks:
        from flashgen.emit.anki import prerender

        fields = {path: prerender(files, found) for path, found in cards.items()}
    return parsed, cards, lint, fields


def write_decks(vault, cards: list, out_dir: Path, keys: dict[str, str], setup: str,
                prerendered: dict[str, list] | None = None) -> tuple[Path, int, list]:
    """Write the Anki package, reusing and then keeping its own part of the cache: rendered fields and the
    collection, in which only changed notes are replaced (`prerendered`: fields rendered beside the parse)."""
    from flashgen.build import cache as buildcache
    from flashgen.emit.anki import DeckMemo, write_deck

    memo = buildcache.load_part(out_dir, "anki", setup)
    memo = memo if isinstance(memo, DeckMemo) else DeckMemo()
    keep = buildcache.part_path(out_dir, "anki", ".anki2")
    deck = write_deck(vault, cards, out_dir / "anki", keys=keys, memo=memo, keep=keep, prerendered=prerendered)
    buildcache.save_part(out_dir, "anki", setup, memo)
    return deck.path, deck.media, deck.diagnostics


def _from_report(report: dict, seconds: float) -> BuildResult:
    """The result of a build that found nothing changed: the last build's, read back from its report."""
    return BuildResult(
        notes=report["notes"], cards_by_kind=Counter(report["anki"]["notes_by_kind"]),
        cards_by_rule=Counter(report["anki"]["notes_by_rule"]),
        anki_cards_by_kind=Counter(report["anki"]["cards_by_kind"]),
        media=report["media"], labs=report["labs"], seconds=seconds, unchanged=True,
        deck_path=Path(report["deck"]) if report["deck"] else None,
        site_path=Path(report["site"]) if report["site"] else None,
        diagnostics=[Diagnostic(d["file"], d["line"], d["message"], Level(d["level"]), d["code"])
                     for d in report["diagnostics"]],
    )


def labs_dir(notes_dir: Path) -> Path | None:
    """Where the labs are: `$FLASHGEN_LABS`, else `labs/` beside the vault, else the ones flashgen ships."""
    from flashgen.labs import default_labs_dir

    env = os.environ.get("FLASHGEN_LABS")
    for folder in ([Path(env)] if env else []) + [notes_dir.parent / "labs", default_labs_dir()]:
        if folder.is_dir():
            return folder
    return None


def load_course_labs(notes_dir: Path) -> tuple[list, list[Diagnostic]]:
    """The labs, and a diagnostic with file and line for a lab file that cannot be used."""
    folder = labs_dir(notes_dir)
    if folder is None:
        return [], []
    from flashgen.labs import LabError, load_labs

    try:
        return list(load_labs(folder)), []
    except LabError as exc:
        return [], [error(exc.path, exc.line, f"lab not loaded: {exc.message}", "lab")]
    except OSError as exc:
        return [], [error(str(folder), 0, f"cannot read the labs: {exc.strerror}", "lab")]


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def write_report(result: BuildResult, path: Path) -> None:
    """The build report as JSON (counts and every diagnostic with file and line)."""
    data = {
        "notes": result.notes,
        # as Anki counts them: each flashgen card is an Anki note, of which Anki makes one or more cards
        "anki": {"notes": sum(result.cards_by_kind.values()), "cards": sum(result.anki_cards_by_kind.values()),
                 "notes_by_kind": dict(result.cards_by_kind), "cards_by_kind": dict(result.anki_cards_by_kind),
                 "notes_by_rule": dict(result.cards_by_rule)},
        "media": result.media, "labs": result.labs, "seconds": round(result.seconds, 3),
        "deck": str(result.deck_path) if result.deck_path else None,
        "site": str(result.site_path) if result.site_path else None,
        "diagnostics": [{"file": d.path, "line": d.line, "level": d.level.value, "code": d.code, "message": d.message}
                        for d in result.diagnostics],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    # one diagnostic per line, each by json's C encoder (an indented dump takes its slow pure-Python path)
    rows = [json.dumps(row, ensure_ascii=False) for row in data.pop("diagnostics")]
    head = json.dumps(data, ensure_ascii=False)[:-1]
    write_text(path, head + ',\n "diagnostics": [' + ",\n  ".join(rows) + "]}\n" if rows else
               head + ', "diagnostics": []}\n')
