"""Apply a lab's steps to a cluster and poll its checks until they pass or time runs out."""

from __future__ import annotations

import difflib
from dataclasses import replace
from typing import Callable, Iterable

from flashgen.kube.cluster import Cluster, ClusterError
from flashgen.labs.engine import run_check
from flashgen.labs.kinds import describe, namespace_for
from flashgen.labs.model import Check, Lab, Step
from flashgen.labs.results import CheckResult, LabResult

Settle = Callable[[Cluster], None]
Progress = Callable[[list[CheckResult], float], None]  # latest results, seconds left


class ApplyFailed(Exception):
    """The cluster refused a manifest; `result` is the failed check to report."""

    def __init__(self, result: CheckResult, applied: list[str]):
        super().__init__(result.error)
        self.result, self.applied = result, applied


def _rejection_message(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc)
    code = getattr(exc, "code", None)
    reason = getattr(exc, "reason", None)
    prefix = " ".join(str(p) for p in (code, reason) if p)
    return f"{prefix}: {message}" if prefix else message


def poll(checks: Iterable[Check], cluster: Cluster, namespace: str, timeout: float,
         interval: float = 2.0, progress: Progress | None = None) -> list[CheckResult]:
    """Run the checks until all pass or `timeout` seconds of cluster time have passed; the last results."""
    checks = list(checks)
    deadline = cluster.now() + timeout
    while True:
        results = [run_check(check, cluster, namespace) for check in checks]
        if all(r.passed for r in results) or cluster.now() >= deadline:
            return results
        if progress is not None:
            progress(results, deadline - cluster.now())
        cluster.wait(min(interval, max(deadline - cluster.now(), 0.001)))


def apply_steps(steps: Iterable[Step], cluster: Cluster, namespace: str, timeout: float,
                settle: Settle | None = None, rejected: tuple[type[Exception], ...] = ()) -> list[str]:
    """Apply each step in order, settling and waiting for its `wait_for` checks before the next.

    Raises ApplyFailed when the cluster rejects a manifest (errors of the `rejected` types) or a
    step's wait does not finish in time; ClusterError (cannot reach the cluster) passes through.
    """
    applied: list[str] = []
    for number, step in enumerate(steps, start=1):
        for doc, manifest in enumerate(step.manifests, start=1):
            kind = manifest.get("kind", "?")
            name = (manifest.get("metadata") or {}).get("name", "?")
            ns = namespace_for(kind, (manifest.get("metadata") or {}).get("namespace") or namespace)
            what = describe(kind, name, ns)
            try:
                cluster.apply(manifest, namespace=ns)
            except ClusterError:
                raise
            except rejected as exc:
                source = f" ({step.source}, document {doc})" if step.source else ""
                error = f"the cluster rejected {what}{source}: {_rejection_message(exc)}"
                result = CheckResult(name=f"apply {what}", passed=False, error=error,
                                     hint="fix the manifest; the message above is the API server's")
                raise ApplyFailed(result, applied) from None
            applied.append(f"{what} applied ({step.title})")
        if settle is not None:
            settle(cluster)
        if step.wait_for:
            results = poll(step.wait_for, cluster, namespace, timeout)
            failed = [r for r in results if not r.passed]
            if failed:
                first = failed[0]
                result = replace(first, name=f"step {number} ({step.title}): {first.name}",
                                 hint=first.hint or "the next step needs this step to finish first")
                raise ApplyFailed(result, applied)
    return applied


def verify(lab: Lab, cluster: Cluster, namespace: str | None = None, timeout: float | None = None,
           steps: Iterable[Step] = (), settle: Settle | None = None,
           rejected: tuple[type[Exception], ...] = (), interval: float = 2.0,
           progress: Progress | None = None) -> LabResult:
    """Apply `steps` (may be none), then poll the lab's checks; ClusterError passes through."""
    ns = namespace or lab.namespace
    limit = lab.timeout if timeout is None else timeout
    base = LabResult(lab_id=lab.id, title=lab.title, note=lab.note, heading=lab.heading,
                     cluster=cluster.name, namespace=ns)
    section = f"see the note '{lab.note}', section '{lab.heading}'" if lab.note and lab.heading else \
        (f"see the note '{lab.note}'" if lab.note else "")

    def pointed(hint: str) -> str:
        return f"{hint} ({section})" if hint and section else hint or section
    try:
        applied = apply_steps(steps, cluster, ns, limit, settle=settle, rejected=rejected)
    except ApplyFailed as failed:
        result = replace(failed.result, hint=pointed(failed.result.hint))
        return replace(base, applied=tuple(failed.applied), checks=(result,))
    results = missing_once(poll(lab.checks, cluster, ns, limit, interval, progress), cluster)
    results = [r if r.passed or r.needs else replace(r, hint=pointed(r.hint)) for r in results]
    return replace(base, applied=tuple(applied), checks=tuple(results))


def missing_once(results: list[CheckResult], cluster: Cluster) -> list[CheckResult]:
    """One finding per missing object: the first check that needs it says what is missing, names the objects of
    that kind that are there (a misspelt name is the usual cause) and hints at that; later checks that fail only
    for want of it just say they need it."""
    reported: dict[tuple, str] = {}
    out = []
    for result in results:
        lost = result.findings[0].missing if len(result.findings) == 1 else None
        if result.passed or lost is None:
            out.append(result)
            continue
        where = result.findings[0].where
        if lost in reported:
            out.append(replace(result, findings=(), hint="", needs=where))
            continue
        reported[lost] = where
        api_version, kind, name, ns = lost
        others = sorted((o.get("metadata") or {}).get("name", "") for o in cluster.list(api_version, kind, ns))
        place = f" in namespace {ns}" if ns else ""
        found = f"no {kind} named {name}{place}"
        hint = f"the lab looks for the name its task gives: create a {kind} with metadata.name: {name}{place}"
        if others:
            shown = ", ".join(others[:6]) + (" ..." if len(others) > 6 else "")
            found += f"; there: {shown}"
            close = [o for o in others if o in name or name in o] or difflib.get_close_matches(name, others, n=1)
            if close:
                hint += f" (is {close[0]} meant to be {name}? an object cannot be renamed: create it again " \
                        "under the lab's name)"
        finding = replace(result.findings[0], expected=f"a {kind} named {name}{place}", found=found)
        out.append(replace(result, findings=(finding,), hint=hint))
    return out


def step_from_manifests(manifests: list[dict], source: str) -> Step:
    """A step that applies the documents of one user file."""
    return Step(title=source, manifests=tuple(manifests), source=source)


__all__ = ["ApplyFailed", "apply_steps", "poll", "step_from_manifests", "verify"]
