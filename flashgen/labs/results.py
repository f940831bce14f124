"""What a lab run found: one result per check, each failure with expected, found and where."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flashgen.labs.kinds import describe


@dataclass(frozen=True)
class Finding:
    """One reason a check failed."""

    where: str  # the object, e.g. "Job default/backup"
    path: str  # field path inside it, e.g. spec.template.spec.restartPolicy ("" for the object itself)
    expected: str
    found: str
    missing: tuple[str, str, str, str | None] | None = None  # (apiVersion, kind, name, namespace) not found

    def to_dict(self) -> dict[str, Any]:
        return {"where": self.where, "path": self.path, "expected": self.expected, "found": self.found}


def missing_object(api_version: str, kind: str, name: str, namespace: str | None) -> list[Finding]:
    """The finding of a check whose object does not exist."""
    return [Finding(describe(kind, name, namespace), "", f"{kind} {name} to exist", "not found",
                    (api_version, kind, name, namespace))]


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check (or of applying one manifest, when `name` starts with 'apply')."""

    name: str
    passed: bool
    findings: tuple[Finding, ...] = ()
    hint: str = ""
    error: str = ""  # set when the check could not run at all (e.g. the API rejected a manifest)
    needs: str = ""  # failed because an object reported missing by an earlier check is missing, e.g. "Job default/x"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "passed": self.passed, "hint": self.hint, "error": self.error,
                "needs": self.needs, "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True)
class LabResult:
    """Everything `flashgen verify` reports about one lab."""

    lab_id: str
    title: str
    note: str
    heading: str
    cluster: str
    namespace: str
    applied: tuple[str, ...] = ()  # "Deployment default/webui created" lines
    checks: tuple[CheckResult, ...] = field(default_factory=tuple)

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(c.passed for c in self.checks)

    def to_dict(self) -> dict[str, Any]:
        return {"lab": self.lab_id, "title": self.title, "note": self.note, "heading": self.heading,
                "cluster": self.cluster, "namespace": self.namespace, "passed": self.passed,
                "applied": list(self.applied), "checks": [c.to_dict() for c in self.checks]}
