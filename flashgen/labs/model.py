"""The parts of a lab: its text, the reference solution as ordered steps, and the checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Obj = dict[str, Any]


@dataclass(frozen=True)
class Check:
    """One declarative check: a partial-object assert, or a named condition with arguments."""

    name: str
    pattern: Obj | None = None  # for asserts: apiVersion, kind, metadata.name (optional) and the fields to match
    condition: str | None = None
    args: Obj | None = None
    hint: str = ""
    line: int = 0  # where the check starts in the lab file


@dataclass(frozen=True)
class Step:
    """One step of a solution: manifests applied together, then conditions to wait for."""

    title: str
    manifests: tuple[Obj, ...]
    wait_for: tuple[Check, ...] = ()
    source: str = ""  # the file the manifests came from, for messages


@dataclass(frozen=True)
class Lab:
    """One hands-on lab, as loaded from labs/<id>.yaml."""

    id: str
    title: str
    note: str  # the note's title (file name without .md); "" when the vault has no section for the lab
    heading: str  # the section heading inside the note, e.g. "6-6. job controller"
    task_ko: str
    task_en: str
    hints: tuple[str, ...]
    solution: tuple[Step, ...]
    checks: tuple[Check, ...]
    path: str  # the lab file, for messages
    namespace: str = "default"
    timeout: float = 60.0  # seconds to wait for checks to pass on a real cluster

    @property
    def section(self) -> str:
        """`쿠버네티스 학습 과정 › 6-6. job controller` ("" without a note)."""
        return f"{self.note} › {self.heading}" if self.note and self.heading else self.note
