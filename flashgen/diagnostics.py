"""Warnings and errors about the user's files, each naming the file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Level(str, Enum):
    """How serious a diagnostic is: errors fail a build, warnings fail it only with --strict."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One message about one place in the user's files."""

    path: str  # vault-relative POSIX path, or "" for the vault as a whole
    line: int  # 1-based; 0 when the message is about the whole file
    message: str = ""
    level: Level = field(default=Level.WARNING, compare=False)
    code: str = field(default="", compare=False)  # a short stable id, e.g. "missing-image"

    def location(self) -> str:
        """`path:line`, `path`, or an empty string."""
        if not self.path:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.level.value}: {self.message}" if where else f"{self.level.value}: {self.message}"


def warning(path: str, line: int, message: str, code: str = "") -> Diagnostic:
    """A warning at path:line."""
    return Diagnostic(path, line, message, Level.WARNING, code)


def error(path: str, line: int, message: str, code: str = "") -> Diagnostic:
    """An error at path:line."""
    return Diagnostic(path, line, message, Level.ERROR, code)
