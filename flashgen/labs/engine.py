"""Run one declarative check against a cluster and say what was expected, found and where."""

from __future__ import annotations

from flashgen.kube.cluster import Cluster
from flashgen.labs.conditions import CONDITIONS
from flashgen.labs.kinds import describe, namespace_for
from flashgen.labs.match import match
from flashgen.labs.model import Check
from flashgen.labs.results import CheckResult, Finding, missing_object


def assert_findings(cluster: Cluster, pattern: dict, namespace: str) -> list[Finding]:
    """Findings for a partial-object assert: a named object must match; unnamed, any object of the kind."""
    kind, api_version = pattern["kind"], pattern["apiVersion"]
    meta = pattern.get("metadata") or {}
    ns = namespace_for(kind, meta.get("namespace") or namespace)
    name = meta.get("name")
    if isinstance(name, str):
        obj = cluster.get(api_version, kind, name, ns)
        if obj is None:
            return missing_object(api_version, kind, name, ns)
        where = describe(kind, name, ns)
        return [Finding(where, m.path, m.expected, m.found) for m in match(pattern, obj)]
    candidates = cluster.list(api_version, kind, ns)
    if not candidates:
        return [Finding(describe(kind, None, ns), "", f"a {kind} like the pattern", "none exist")]
    best: list[Finding] | None = None
    for obj in candidates:
        where = describe(kind, (obj.get("metadata") or {}).get("name"), ns)
        found = [Finding(where, m.path, m.expected, m.found) for m in match(pattern, obj)]
        if not found:
            return []
        if best is None or len(found) < len(best):
            best = found
    return best or []


def run_check(check: Check, cluster: Cluster, namespace: str) -> CheckResult:
    """Evaluate one check now (no waiting)."""
    if check.pattern is not None:
        findings = assert_findings(cluster, check.pattern, namespace)
    else:
        findings = CONDITIONS[check.condition].fn(cluster, namespace, dict(check.args or {}))
    return CheckResult(name=check.name, passed=not findings, findings=tuple(findings), hint=check.hint)
