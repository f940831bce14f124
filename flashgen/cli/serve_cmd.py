"""`flashgen serve`: build the study site, serve it on 127.0.0.1 and rebuild when the notes change."""

from __future__ import annotations

import errno
import gc
import sys
from pathlib import Path
from typing import Any

import click

from flashgen.cli.folders import notes_folder, output_folder


def build_once(notes_dir: Path, out_dir: Path, memory: Any = None, changed: set[str] | None = None) -> Any:
    """Rebuild `out_dir/site` (the decks are left to `flashgen build`); the BuildResult. `memory` (a
    flashgen.build.memory.Memory) is what the last rebuild left: the notes, cards and page keys it knows are not
    read back from disk. `changed`: the paths the watcher saw change since then (None: not known)."""
    from flashgen.build.pipeline import build

    return build(notes_dir, out_dir, decks=False, memory=memory, changed=changed)


class Reporter:
    """What each build found, said once: every problem after the first build, then only those that are new or
    gone, and a failed rebuild as a failure."""

    def __init__(self) -> None:
        self.known: set[str] = set()
        self.failing = False  # the last rebuild failed (the site served is an older one)

    def first(self, result: Any) -> bool:
        problems = [str(d) for d in result.diagnostics]
        for line in problems:
            click.echo(line, err=True)
        self.known = set(problems)
        if result.site_path is None:
            click.echo(f"build failed: {_reason(result)}", err=True)
            return False
        click.echo(_counts(result), err=True)
        return True

    def again(self, result: Any, seconds: float) -> bool:
        """Report a rebuild; True when it made a new site (open pages reload)."""
        self.failing = result.site_path is None
        if self.failing:
            click.echo(f"rebuild failed: {_reason(result)}; still serving the last site", err=True)
            return False
        problems = [str(d) for d in result.diagnostics]
        new = [line for line in problems if line not in self.known]
        gone = sorted(self.known - set(problems))
        self.known = set(problems)
        for line in new:
            click.echo(line, err=True)
        for line in gone:
            click.echo(f"fixed: {line}", err=True)
        news = f"; {len(new)} new, {len(gone)} fixed" if new or gone else ""
        click.echo(f"rebuilt in {seconds:.1f} s: {_counts(result)}{news}", err=True)
        return True


def _freeze_what_is_kept() -> None:
    """What a build leaves in serve's memory (the parsed vault, its cards and keys) lives as long as serve does:
    the build's cyclic garbage is collected (the build ran with the collector resting) and what is left is
    frozen, so that the collector's later passes never walk the vault again. Without it, the first pass over
    the whole vault (0.16 s at 2,000 notes) fell on whichever rebuild came next."""
    gc.collect(0)
    gc.freeze()


def _ready_for_edits() -> None:
    """Load now what a rebuild of one edited note loads on first use: the rebuild's own stages, the decoder of
    notes, the manifest lint (its schemas take a tenth of a second to load), the check of kubectl commands (its
    reference of kubectl's commands), the highlighter with the lexers of
    manifests and shell commands and the styles of the site's stylesheet, and every page template. A first build
    that kept every page of the last one loads none of it, and the first save would pay for it."""
    import encodings.utf_8_sig  # noqa: F401  (how a note is decoded)
    import flashgen.build.depkeys  # noqa: F401
    import flashgen.build.notework  # noqa: F401  (parse, cards and card sides)
    import flashgen.cards.lint_warning  # noqa: F401
    from flashgen.kube.commands import check
    from flashgen.kube.lint import lint_manifest_text
    from flashgen.render.highlight import highlight
    from flashgen.site.assets import static_files
    from flashgen.site.templates_env import compile_templates

    lint_manifest_text("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n", "", 1)  # (its schemas' files)
    check(["get", "pods", "-n", "a"])  # (kubectl's commands and flags)
    for lang in ("yaml", "bash"):
        highlight("", lang)
    static_files()
    compile_templates()


def _counts(result: Any) -> str:
    warnings, errors = len(result.warnings), len(result.errors)
    return f"{warnings} warning{'s' if warnings != 1 else ''}, {errors} error{'s' if errors != 1 else ''}"


def _reason(result: Any) -> str:
    return "; ".join(d.message if not d.path else f"{d.path}: {d.message}" for d in result.errors) or "no site made"


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port on 127.0.0.1.")
@click.option("--notes", "notes_dir", type=click.Path(path_type=Path), default=Path("notes"), show_default=True,
              callback=notes_folder, is_eager=True, help="The vault (a folder of Obsidian notes).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              callback=output_folder, help="Where the site is written (OUT/site).")
@click.option("--no-watch", is_flag=True, help="Serve without rebuilding on change.")
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
def serve(port: int, notes_dir: Path, out_dir: Path, no_watch: bool, verbose: bool) -> None:
    """Serve the study site on 127.0.0.1 and rebuild it (reloading open pages) when the notes change."""
    import time

    from flashgen.site.server import SiteServer, watch_and_rebuild

    try:  # the port first: a busy one is known before a long build
        server = SiteServer(out_dir / "site", port, verbose)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise click.ClickException(f"port {port} is in use; try --port {port + 1}") from None
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror}") from None
    from flashgen.build.memory import Memory

    report = Reporter()
    memory = Memory()  # kept between rebuilds
    try:
        try:
            first = build_once(notes_dir, out_dir, memory)
            _ready_for_edits()  # (before the build is reported: its report is what a learner waits for to edit)
            report.first(first)
            _freeze_what_is_kept()
        except OSError as exc:
            from flashgen.cli.folders import output_failure

            raise output_failure(exc, out_dir) from None
        server.start()
        click.echo(f"Serving {out_dir / 'site'} at {server.url}  (Ctrl+C to stop)")

        def rebuild(changed: set[str] | None) -> bool:
            if changed is not None:  # (not known: the build looks for itself, and is announced if it finds any)
                click.echo("change detected, rebuilding...", err=True)
            started = time.perf_counter()
            result = build_once(notes_dir, out_dir, memory, changed)
            if result.unchanged and not report.failing:  # a look at the whole vault (as the watcher began, or
                return False  # the folder came back) found nothing changed since the site served was built
            made = report.again(result, time.perf_counter() - started)
            _freeze_what_is_kept()
            return made

        def failed(exc: BaseException) -> None:
            click.echo(f"rebuild failed, still serving the last site: {type(exc).__name__}: {exc}", err=True)

        if no_watch:
            import threading

            threading.Event().wait()
        else:
            from flashgen.build.pipeline import labs_dir

            watched = [notes_dir] + [folder for folder in [labs_dir(notes_dir)] if folder]
            watch_and_rebuild(watched, rebuild, server, on_error=failed)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    click.echo("stopped", err=True)
    sys.exit(0)
