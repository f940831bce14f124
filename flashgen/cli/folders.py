"""The --notes and --out options: checked before any work starts, each problem one line naming the folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click


def _why(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def notes_folder(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """An existing folder of notes."""
    if not value.exists():
        raise click.BadParameter(f"{value}: no such notes folder", ctx, param)
    if not value.is_dir():
        raise click.BadParameter(f"{value} is a file; give the folder of notes (the vault)", ctx, param)
    return value


def output_folder(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """A folder flashgen can write into: made when missing, refused when a file stands in the way or it is
    read-only (tried with a real file, which also holds for root and read-only mounts)."""
    for part in [value, *value.parents]:
        if part.exists() or part.is_symlink():
            if not part.is_dir():
                where = "" if part == value else f" (so {value} cannot be made)"
                raise click.BadParameter(f"{part} is a file, not a folder{where}", ctx, param)
            break
    try:
        value.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".flashgen-probe-", dir=value)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise click.BadParameter(f"cannot write into {value}: {_why(exc)}", ctx, param) from None
    return value


def output_failure(exc: OSError, out_dir: Path) -> click.ClickException:
    """A write that failed inside the output folder, as one line (exit 2: the --out folder is unusable)."""
    where = exc.filename or out_dir
    error = click.ClickException(f"cannot write {where}: {_why(exc)} (check --out {out_dir})")
    error.exit_code = 2
    return error
