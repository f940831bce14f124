"""The `flashgen` command: a click group whose subcommands load lazily."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

# name -> "module:attribute"; each module is imported only when its command runs,
# so `flashgen --help` never pays for markdown-it, genanki or kubernetes.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("flashgen.cli.build_cmd:build", "Build the Anki decks and the study site from the notes."),
    "serve": ("flashgen.cli.serve_cmd:serve", "Serve the study site on 127.0.0.1 and rebuild on change."),
    "labs": ("flashgen.cli.labs_cmd:labs", "List the hands-on labs."),
    "verify": ("flashgen.cli.labs_cmd:verify", "Check a lab against a cluster or the simulated cluster."),
    "lint": ("flashgen.cli.labs_cmd:lint", "Validate the Kubernetes manifests in the notes."),
    "sim": ("flashgen.cli.sim_cmd:sim", "Drive the simulated cluster (no Docker needed)."),
}


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when the subcommand is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        target, _ = COMMANDS[name]
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)

    def resolve_command(self, ctx: click.Context,
                        args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0]
        if name not in COMMANDS and not name.startswith("-") and not ctx.resilient_parsing:
            # click suggests from `self.commands`, which a lazy group leaves empty
            raise click.exceptions.NoSuchCommand(name, possibilities=list(COMMANDS), ctx=ctx)
        return super().resolve_command(ctx, args)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """As click's, except that a usage error or a failure is one line on stderr (exit 2 and 1)."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "flashgen"
            click.echo(f"error: {exc.format_message()} (see '{where} --help')", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="flashgen")
def main() -> None:
    """flashgen turns Obsidian Kubernetes notes into Anki decks, a study site and labs."""
