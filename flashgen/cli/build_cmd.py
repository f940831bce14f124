"""`flashgen build`: decks and site from the notes, with a progress bar and a summary."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import click

from flashgen.cli.folders import notes_folder, output_failure, output_folder


@click.command()
@click.option("--notes", "notes_dir", type=click.Path(path_type=Path), default=Path("notes"), show_default=True,
              callback=notes_folder, is_eager=True, help="The vault (a folder of Obsidian notes).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              callback=output_folder, help="Where decks, site and report go.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option("--no-site", is_flag=True, help="Build the Anki decks only.")
@click.option("--no-decks", is_flag=True, help="Build the study site only.")
def build(notes_dir: Path, out_dir: Path, strict: bool, no_site: bool, no_decks: bool) -> None:
    """Build the Anki decks and the study site from the notes."""
    if no_site and no_decks:
        raise click.UsageError("--no-site and --no-decks leave nothing to build; give at most one of them")
    from flashgen.build.pipeline import build as run_build

    bar = StageBar()
    try:
        result = run_build(notes_dir, out_dir, site=not no_site, decks=not no_decks, progress=bar.step)
    except OSError as exc:
        raise output_failure(exc, out_dir) from None
    finally:
        # the process ends soon: the collector need not go over the build's objects again while the summary is
        # printed or as Python exits (a tenth of a second each after a build of 2,000 notes)
        gc.freeze()
        bar.stop()
    print_summary(result, strict)
    sys.exit(1 if result.failed(strict) else 0)


class StageBar:
    """The build's progress bar on a terminal, made at its first stage: a build that finds nothing changed, or
    whose output is not a terminal, answers without loading rich's progress bar. Refreshed at each stage rather
    than by a thread: a build forks, and forks only a single-threaded process."""

    def __init__(self) -> None:
        self._progress: Any = None
        self._task: Any = None

    def step(self, stage: str, done: int, total: int) -> None:
        if self._progress is None:
            if not sys.stderr.isatty():  # (a build whose output is piped or logged draws no bar: rich stays unloaded)
                return
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            console = Console(stderr=True)
            self._progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), TimeElapsedColumn(),
                                      console=console, transient=True, disable=not console.is_terminal,
                                      auto_refresh=False)
            self._progress.start()
            self._task = self._progress.add_task(stage, total=total)
        self._progress.update(self._task, description=stage, completed=done, total=total)
        self._progress.refresh()

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def print_summary(result, strict: bool) -> None:
    """Diagnostics first (file:line: level: message), then what was built."""
    out = click.echo
    if result.diagnostics:  # one write: a vault may have thousands of warnings
        out("\n".join(str(diagnostic) for diagnostic in result.diagnostics), err=True)
    if result.unchanged:
        out("nothing changed since the last build; the outputs are up to date")
    out(f"vault: {result.notes} note{'s' if result.notes != 1 else ''}")
    out(anki_line(result.cards_by_kind, result.anki_cards_by_kind))
    if result.cards_by_rule:
        out("  notes by rule: " + ", ".join(f"{k} {n}" for k, n in sorted(result.cards_by_rule.items())))
    out(f"media: {result.media}")
    if result.deck_path:
        out(f"deck: {result.deck_path}")
    if result.site_path:
        out(f"site: {result.site_path / 'index.html'}")
    if result.labs:
        out(f"labs: {result.labs}")
    out(f"warnings: {len(result.warnings)}, errors: {len(result.errors)}"
        + (" (--strict: warnings fail the build)" if strict and result.warnings else ""))


def anki_line(notes_by_kind, cards_by_kind) -> str:
    """`anki: 31 notes, 38 cards (basic: 29 notes, 29 cards; cloze: 2 notes, 9 cards)`, as Anki counts them:
    its import says how many notes it added, its browser shows the cards."""
    def both(notes: int, cards: int) -> str:
        return f"{notes} note{'s' if notes != 1 else ''}, {cards} card{'s' if cards != 1 else ''}"
    kinds = "; ".join(f"{kind}: {both(n, cards_by_kind.get(kind, 0))}" for kind, n in sorted(notes_by_kind.items()))
    total = both(sum(notes_by_kind.values()), sum(cards_by_kind.values()))
    return f"anki: {total}" + (f" ({kinds})" if kinds else "")
