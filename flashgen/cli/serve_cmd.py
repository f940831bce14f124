"""`flashgen serve`: build the study site, serve it on 127.0.0.1 and rebuild when the notes change."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

import click

from flashgen.cli.folders import notes_folder, output_folder


def build_once(notes_dir: Path, out_dir: Path) -> list:
    """Rebuild `out_dir/site` (the decks are left to `flashgen build`); the diagnostics found."""
    from flashgen.build.pipeline import build

    return build(notes_dir, out_dir, decks=False).diagnostics


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
    from flashgen.site.server import SiteServer, watch_and_rebuild

    if not notes_dir.is_dir():
        raise click.ClickException(f"{notes_dir}: no such notes folder")
    problems = build_once(notes_dir, out_dir)
    _summary(problems)
    try:
        server = SiteServer(out_dir / "site", port, verbose).start()
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise click.ClickException(f"port {port} is in use; try --port {port + 1}") from None
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror}") from None
    click.echo(f"Serving {out_dir / 'site'} at {server.url}  (Ctrl+C to stop)")

    def rebuild() -> bool:
        click.echo("change detected, rebuilding...", err=True)
        _summary(build_once(notes_dir, out_dir))
        return True

    def failed(exc: BaseException) -> None:
        click.echo(f"rebuild failed, still serving the last site: {exc}", err=True)

    try:
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


def _summary(problems: list) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} warning(s)", err=True)
