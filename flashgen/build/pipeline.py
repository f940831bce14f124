"""`build()`: read the vault, work on each changed note (in two processes when there are many), put the vault
together, write the deck (in a forked process) and the site, and report. Read it top to bottom."""

from __future__ import annotations

import gc
import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from flashgen.build import state as buildstate
from flashgen.build.leftovers import exclusive
from flashgen.build.processes import Background, Turns, can_fork
from flashgen.config import find_config
from flashgen.diagnostics import Diagnostic, Level, error
from flashgen.fsutil import write_text
from flashgen.shipped import default_labs_dir

if TYPE_CHECKING:
    from flashgen.build.memory import Memory, NoteMemo
    from flashgen.build.notework import NoteWork


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
          progress: Callable[[str, int, int], None] | None = None, memory: Memory | None = None,
          changed: Iterable[str] | None = None) -> BuildResult:
    """Build everything from the vault at notes_dir into out_dir. Never writes inside notes_dir. `memory` is what
    the last build in this process left (`flashgen serve` keeps it); without it, it is read from out_dir.
    `changed` (a watcher's report) is every path written, added or removed since the build that left `memory`:
    the vault is then not walked again where they say enough, and the build does not look whether anything
    changed (its caller knows); None: not known."""
    notes_dir, out_dir = Path(notes_dir), Path(out_dir)
    refused = _refused(notes_dir, out_dir)
    if refused is not None:
        return refused
    # A build makes millions of small objects and almost no reference cycles: the cycle collector's passes
    # over the growing parse cost a fifth of the build and free nearly nothing, so it rests until the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with exclusive(out_dir):  # one build at a time; what a killed one left is removed first
            return _build(notes_dir, out_dir, site, decks, progress or (lambda stage, done, total: None), memory,
                          changed)
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


def _build(notes_dir: Path, out_dir: Path, site: bool, decks: bool, step: Callable[[str, int, int], None],
           memory: Memory | None, changed: Iterable[str] | None) -> BuildResult:
    started = time.perf_counter()
    # 1. Nothing changed (the vault's files, the settings, labs, flashgen, the options, the outputs): the last
    #    build's report, before anything heavy is imported. When the caller says what changed, this is not
    #    looked at, and the record of it is removed (this build does not write one: it would list every output)
    extra = [p for p in (find_config(notes_dir), labs_dir(notes_dir)) if p is not None]
    flags = f"site={site},decks={decks}"
    key = buildstate.input_key(notes_dir, extra, flags) if changed is None else None
    if key is None:
        buildstate.forget(out_dir)
    else:
        previous = buildstate.unchanged(out_dir, key)
        if previous is not None:
            setup = buildstate.setup_key(extra, flags)
            if memory is not None and not memory.holds(out_dir, setup):  # its keeper (serve) builds again soon:
                _recall(memory, notes_dir, out_dir, setup)  # what that build would read, it reads now
            return _from_report(previous, time.perf_counter() - started)

    from flashgen.build.depkeys import note_keys
    from flashgen.build.memory import Memory, NoteMemo
    from flashgen.vault.links import check_links
    from flashgen.vault.parse import vault_files

    memory = memory if memory is not None else Memory()
    memory.ready(out_dir, buildstate.setup_key(extra, flags))
    step("read", 0, 4)
    last, memory.walked = memory.walked, None  # (not kept by a build that stops here)
    files_only, walked = vault_files(notes_dir, last=last, changed=changed)
    memory.walked = walked
    files_only.resolver.adopt(memory.resolved)  # what links named in the last build, if its files were the same
    urls = _site_urls(walked, memory) if site else None
    if memory.labs is None:  # (the labs are part of the setup: kept while it is the same)
        memory.labs = load_course_labs(notes_dir)
    labs, lab_problems = memory.labs

    # 2. The notes whose files changed are read and worked on: parse, lint, cards, card sides, the site's part
    #    (all of them when an output must be made from nothing). Many notes are shared with a forked process.
    fresh = (decks and not _deck_kept(memory, out_dir, files_only.config)) or (site and not _site_kept(memory, out_dir))
    todo = [f for f in walked.notes if fresh or not _same_file(memory.notes.get(f.path), f)]
    works = _work(todo, files_only, urls)
    for work in works.values():
        memory.notes[work.path] = NoteMemo(work.stamp, "", work.outline, work.problems, work.lint, work.tally)
    for gone in set(memory.notes) - {f.path for f in walked.notes}:
        del memory.notes[gone]
    vault = replace(files_only, notes=tuple(memory.notes[f.path].outline for f in walked.notes
                                            if memory.notes[f.path].outline is not None))
    # each note's own part of its key (where its links lead) is kept in its memo; worked out again where it may differ
    own = {path: memo.own for path, memo in memory.notes.items() if memo.own is not None}
    keys = note_keys(vault, own, memory)

    # 3. The vault as a whole: notes whose outputs depend on a changed note (an embed, a linked heading, a
    #    backlink) are worked on too; then the links are checked
    step("cards", 1, 4)
    tallies = {path: memo.tally for path, memo in memory.notes.items()}
    again = {path for path, key in keys.items() if memory.notes[path].key != key}
    site_plan = None  # what the site's check worked out, for writing it
    if site:
        from flashgen.site import SiteInput, stale

        worn, site_plan = stale(vault, out_dir / "site", SiteInput(keys, tallies), labs, memory.site(), urls)
        again |= worn
    again -= set(works)
    works.update(_work([f for f in walked.notes if f.path in again], files_only, urls))
    for path, memo in memory.notes.items():
        work = works.get(path)
        if work is not None:
            memo = NoteMemo(work.stamp, keys.get(path, ""), work.outline, work.problems, work.lint, work.tally,
                            memo.links if memo.links and memo.links[0] == keys.get(path) else None, own.get(path))
        elif memo.key != keys.get(path, "") or memo.own is not own.get(path):
            memo = replace(memo, key=keys.get(path, ""), own=own.get(path))
        memory.notes[path] = memo
        tallies[path] = memo.tally
    # 4. The outputs: the deck in a forked process (started as soon as every note's cards are known) while this
    #    one checks the links and makes the site
    deck_task = None
    if decks:
        from flashgen.emit.anki import DeckNote

        deck_notes = [DeckNote(path, keys.get(path, ""), works[path].cards if path in works else None,
                               works[path].sides if path in works else None) for path in keys]
        deck_task = Background(write_decks, vault, deck_notes, out_dir, memory.deck())
    links = {path: (memo.links[0], list(memo.links[1])) for path, memo in memory.notes.items() if memo.links}
    vault.diagnostics.extend(check_links(vault, keys, links))
    for path, (note_key, found) in links.items():
        if memory.notes[path].links != (note_key, tuple(found)):
            memory.notes[path] = replace(memory.notes[path], links=(note_key, tuple(found)))
    rows = memory.encoding()  # every note's memo is final: its row for the cache is encoded beside the outputs

    result = BuildResult(notes=len(vault.notes), labs=len(labs))
    counted = ((result.cards_by_kind, "by_kind"), (result.cards_by_rule, "by_rule"),
               (result.anki_cards_by_kind, "anki_by_kind"))
    for memo in memory.notes.values():
        for counts, name in counted:
            for kind, number in getattr(memo.tally, name):
                counts[kind] += number
        result.diagnostics.extend(memo.problems + memo.lint + (memo.outline.diagnostics if memo.outline else ()))
    result.diagnostics.extend(vault.diagnostics + lab_problems)

    if site:
        from flashgen.site import SiteInput, write_site

        step("site", 2, 4)
        made = write_site(vault, out_dir / "site", SiteInput(
            keys, tallies, {path: w.part for path, w in works.items() if w.part is not None},
            {path: (list(w.cards), list(w.sides)) for path, w in works.items()},
            {path: found for path, (_, found) in links.items()}), labs, memory.site(), urls=urls,
            plan=site_plan)
        result.site_path = out_dir / "site"
        result.diagnostics.extend(made.diagnostics)
    if deck_task is not None:
        step("anki", 3, 4)
        result.deck_path, result.media, deck_problems, deck_memo = deck_task.result()
        memory.keep_deck(deck_memo)
        result.diagnostics.extend(d for d in deck_problems if d.code != "missing-image")
    memory.resolved = files_only.resolver.answers()
    memory.save(out_dir, rows)
    step("done", 4, 4)
    result.diagnostics = sorted(set(result.diagnostics), key=_order)
    result.seconds = time.perf_counter() - started
    # (the warnings' rows as JSON are written again as they are while the warnings are the same)
    write_report(result, out_dir / "report.json",
                 memory.kept("report", tuple(result.diagnostics), lambda: report_rows(result.diagnostics)))
    if key is not None:
        buildstate.remember(out_dir, key)
    return result


def _recall(memory: Memory, notes_dir: Path, out_dir: Path, setup: str) -> None:
    """Fill `memory` from what the last build left in out_dir (its notes, the site's memo, the labs, the vault's
    files), as the next build would: for a build that found nothing changed, so that the next one, told what
    changed, does not spend its first half-second reading it."""
    from flashgen.vault.parse import vault_files

    memory.ready(out_dir, setup)
    memory.site()
    memory.labs = load_course_labs(notes_dir)
    memory.walked = vault_files(notes_dir)[1]


SHARE_AT = 64  # from this many notes to work on, they are shared with a forked process
TURN = 8  # notes a process takes at a time (a few dozen milliseconds of work)


def _work(files: list, files_only, urls) -> dict[str, NoteWork]:
    """Work on the notes of `files` (notework.work_notes): when they are many, this process and a forked one
    take them in turns, the longest first, so that both finish together even when one core is slower."""
    from flashgen.build.notework import work_notes

    if len(files) >= SHARE_AT and can_fork():
        longest_first = sorted(files, key=lambda f: -f.size)
        turns = Turns(len(files), TURN)
        other = Background(work_notes, turns.each(longest_first), files_only, urls)  # (the child's own turns)
        done = {work.path: work for work in work_notes(turns.each(longest_first), files_only, urls) + other.result()}
        return {f.path: done[f.path] for f in files}
    return {work.path: work for work in work_notes(files, files_only, urls)}


def _same_file(memo: NoteMemo | None, file) -> bool:
    return memo is not None and memo.stamp == file.stamp


def _site_urls(walked, memory: Memory):
    """The site's addresses of the notes: made again only when the notes are not those of the last build."""
    from flashgen.site.urls import SiteUrls

    paths = tuple(f.path for f in walked.notes)
    return memory.kept("urls", paths, lambda: SiteUrls(list(paths))).again()


def _site_kept(memory: Memory, out_dir: Path) -> bool:
    """Whether the last build's site is there as its memo describes it."""
    from flashgen.site.builder import kept_site

    return kept_site(memory.site(), out_dir / "site")


def _deck_kept(memory: Memory, out_dir: Path, config) -> bool:
    """Whether the last build's Anki collection and ledger are there as the deck's memo describes them."""
    from flashgen.build.memory import deck_collection
    from flashgen.emit.anki import deck_files, reusable

    return reusable(memory.deck(), deck_collection(out_dir), deck_files(out_dir / "anki", config.deck)[1])


def write_decks(vault, notes: list, out_dir: Path, memo) -> tuple[Path, int, list, Any]:
    """Write the Anki package (in the collection kept from the last build, only the changed notes replaced);
    returns its path, media count, problems and the memo for the next build."""
    from flashgen.build.memory import deck_collection
    from flashgen.emit.anki import write_deck

    deck = write_deck(vault, notes, out_dir / "anki", memo=memo, keep=deck_collection(out_dir))
    return deck.path, deck.media, deck.diagnostics, memo


def _order(diagnostic: Diagnostic) -> tuple[str, int, str]:
    """Diagnostics' own order (by file, line and message), as a key: sorting 1,000s of them by their `<` is slow."""
    return diagnostic.path, diagnostic.line, diagnostic.message


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


def write_report(result: BuildResult, path: Path, rows: str | None = None) -> None:
    """The build report as JSON (counts and every diagnostic with file and line). `rows`: the diagnostics' rows as
    report_rows makes them, when the caller has them already."""
    data = {
        "notes": result.notes,
        # as Anki counts them: each flashgen card is an Anki note, of which Anki makes one or more cards
        "anki": {"notes": sum(result.cards_by_kind.values()), "cards": sum(result.anki_cards_by_kind.values()),
                 "notes_by_kind": dict(result.cards_by_kind), "cards_by_kind": dict(result.anki_cards_by_kind),
                 "notes_by_rule": dict(result.cards_by_rule)},
        "media": result.media, "labs": result.labs, "seconds": round(result.seconds, 3),
        "deck": str(result.deck_path) if result.deck_path else None,
        "site": str(result.site_path) if result.site_path else None,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = report_rows(result.diagnostics) if rows is None else rows
    head = json.dumps(data, ensure_ascii=False)[:-1]
    write_text(path, head + ',\n "diagnostics": [' + rows + "]}\n" if rows else head + ', "diagnostics": []}\n')


def report_rows(diagnostics: Iterable[Diagnostic]) -> str:
    """The report's diagnostics, one per line, each by json's C encoder (an indented dump takes its slow pure-Python
    path)."""
    return ",\n  ".join(json.dumps({"file": d.path, "line": d.line, "level": d.level.value, "code": d.code,
                                     "message": d.message}, ensure_ascii=False) for d in diagnostics)
