"""The Job controller: completions and parallelism, backoffLimit with a 10 s doubling pod-failure back-off,
activeDeadlineSeconds, ttlSecondsAfterFinished, and the 1.31+ conditions (SuccessCriteriaMet or FailureTarget
first, then Complete or Failed).

Indexed Jobs (completionMode: Indexed) give each pod a completion index, in its annotation and label
batch.kubernetes.io/job-completion-index, its env JOB_COMPLETION_INDEX (from that annotation), its name
`<job>-<index>-<suffix>` and its hostname `<job>-<index>`; a failed index is tried again; the Job is complete
when every index from 0 to completions-1 has succeeded once (status.completedIndexes, e.g. "0-2,4")."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .. import events
from ..timefmt import parse_rfc3339, rfc3339
from . import common

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]
BACKOFF_START = 10.0
BACKOFF_CAP = 360.0
INDEX = "batch.kubernetes.io/job-completion-index"



def _index(pod: Obj) -> int | None:
    value = (pod["metadata"].get("annotations") or {}).get(INDEX)
    return int(value) if value is not None and str(value).isdigit() else None


def index_ranges(indexes: list[int]) -> str:
    """Completed indexes as the Job status writes them: `0-2,4,6-7`."""
    out: list[str] = []
    for i in sorted(set(indexes)):
        if out and "-" in out[-1] and int(out[-1].split("-")[1]) == i - 1:
            out[-1] = f"{out[-1].split('-')[0]}-{i}"
        elif out and "-" not in out[-1] and int(out[-1]) == i - 1:
            out[-1] = f"{out[-1]}-{i}"
        else:
            out.append(str(i))
    return ",".join(out)


def _indexed_pod(sim: "Engine", job: Obj, tpl: Obj, index: int) -> Obj | None:
    """Create the pod for one completion index."""
    spec = copy.deepcopy(tpl.get("spec") or {})
    env = {"name": "JOB_COMPLETION_INDEX", "valueFrom": {"fieldRef": {
        "apiVersion": "v1", "fieldPath": f"metadata.annotations['{INDEX}']"}}}
    for group in ("initContainers", "containers"):
        for c in spec.get(group) or []:
            if not any(e.get("name") == "JOB_COMPLETION_INDEX" for e in c.get("env") or []):
                c.setdefault("env", []).append(copy.deepcopy(env))
    name = job["metadata"]["name"]
    patch = {"hostname": f"{name}-{index}", "containers": spec.get("containers") or []}
    if spec.get("initContainers"):
        patch["initContainers"] = spec["initContainers"]
    return common.create_pod(sim, job, tpl, generate_name=f"{name}-{index}-", labels={INDEX: str(index)},
                             annotations={INDEX: str(index)}, spec_patch=patch)


def _finished(job: Obj) -> str | None:
    for c in (job.get("status") or {}).get("conditions") or []:
        if c["type"] in ("Complete", "Failed") and c["status"] == "True":
            return c["type"]
    return None


def _pod_finish_time(pod: Obj) -> float:
    t = 0.0
    for cs in (pod.get("status") or {}).get("containerStatuses") or []:
        term = (cs.get("state") or {}).get("terminated")
        if term:
            t = max(t, parse_rfc3339(term["finishedAt"]))
    return t or parse_rfc3339(pod["metadata"]["creationTimestamp"])


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    """Sync every Job (only those among keys unless None)."""
    for job in sim.store.pick("Job", keys):
        sync(sim, job)


def _counts(sim: "Engine", job: Obj) -> tuple[list[Obj], list[Obj], list[Obj], int]:
    pods = sim.store.owned_by(job, "Pod")
    active = [p for p in pods if common.is_active(p)]
    succeeded = [p for p in pods if (p.get("status") or {}).get("phase") == "Succeeded"]
    failed = [p for p in pods if (p.get("status") or {}).get("phase") == "Failed"]
    restarts = 0
    if (job["spec"].get("template") or {}).get("spec", {}).get("restartPolicy") == "OnFailure":
        restarts = sum(cs.get("restartCount", 0) for p in pods
                       for cs in (p.get("status") or {}).get("containerStatuses") or [])
    return active, succeeded, failed, restarts


def sync(sim: "Engine", job: Obj) -> None:
    spec = job["spec"]
    status = copy.deepcopy(job.get("status") or {})
    status["lastFailure"] = sim.runtime.get("job_failure", {}).get(job["metadata"]["uid"], 0)
    now = sim.time
    done = _finished(job)
    active, succeeded, failed, restarts = _counts(sim, job)
    n_succeeded = status.get("succeeded", 0)
    n_failed = status.get("failed", 0)
    # count newly finished pods once (pods may be deleted later by TTL or history cleanup)
    seen = set(sim.runtime.setdefault("job_seen", {}).setdefault(job["metadata"]["uid"], []))
    for p in succeeded + failed:
        if p["metadata"]["uid"] not in seen:
            seen.add(p["metadata"]["uid"])
            if p in succeeded:
                n_succeeded += 1
            else:
                n_failed += 1
                status["lastFailure"] = max(status.get("lastFailure", 0), _pod_finish_time(p))
    sim.runtime["job_seen"][job["metadata"]["uid"]] = sorted(seen)
    indexed = spec.get("completionMode") == "Indexed" and spec.get("completions") is not None
    if indexed:
        done_idx = set(sim.runtime.setdefault("job_indexes", {}).get(job["metadata"]["uid"], []))
        done_idx.update(i for i in (_index(p) for p in succeeded) if i is not None and i < spec["completions"])
        sim.runtime["job_indexes"][job["metadata"]["uid"]] = sorted(done_idx)
        n_succeeded = len(done_idx)
        if done_idx:
            status["completedIndexes"] = index_ranges(sorted(done_idx))
    conds = status.get("conditions") or []
    if done:
        _write(sim, job, status, active, n_succeeded, n_failed)
        _ttl(sim, job)
        return
    if spec.get("suspend"):
        for p in active:
            common.delete_pod(sim, job, p)
        conds = common.set_condition(conds, "Suspended", "True", "JobSuspended", "Job suspended", now)
        status["conditions"] = conds
        _write(sim, job, status, [], n_succeeded, n_failed)
        return
    status.setdefault("startTime", rfc3339(now))
    completions = spec.get("completions")
    parallelism = spec.get("parallelism", 1)
    backoff_limit = spec.get("backoffLimit", 6)
    failure_reason = None
    if n_failed + restarts > backoff_limit:
        failure_reason = ("BackoffLimitExceeded", "Job has reached the specified backoff limit")
    ads = spec.get("activeDeadlineSeconds")
    if ads is not None and now >= parse_rfc3339(status["startTime"]) + ads:
        failure_reason = ("DeadlineExceeded", "Job was active longer than specified deadline")
    if failure_reason:
        for p in active:
            common.delete_pod(sim, job, p)
        conds = common.set_condition(conds, "FailureTarget", "True", failure_reason[0], failure_reason[1], now)
        conds = common.set_condition(conds, "Failed", "True", failure_reason[0], failure_reason[1], now)
        status["conditions"] = conds
        events.record(sim, job, failure_reason[0], failure_reason[1], "job-controller", warning=True)
        _write(sim, job, status, [], n_succeeded, n_failed)
        return
    complete = (n_succeeded >= completions) if completions is not None else (n_succeeded > 0 and not active)
    if complete:
        for p in active:
            common.delete_pod(sim, job, p)
        conds = common.set_condition(conds, "SuccessCriteriaMet", "True", "CompletionsReached",
                                     "Reached expected number of succeeded pods", now)
        conds = common.set_condition(conds, "Complete", "True", "CompletionsReached",
                                     "Reached expected number of succeeded pods", now)
        status["conditions"] = conds
        status["completionTime"] = rfc3339(now)
        events.record(sim, job, "Completed", "Job completed", "job-controller")
        _write(sim, job, status, [], n_succeeded, n_failed)
        _ttl(sim, job)
        return
    want = parallelism if completions is None else min(parallelism, completions - n_succeeded)
    if completions is None and n_succeeded > 0:
        want = 0
    if len(active) < want:
        if n_failed and status.get("lastFailure"):
            delay = min(BACKOFF_START * 2 ** (n_failed - 1), BACKOFF_CAP)
            if now < status["lastFailure"] + delay:
                _write(sim, job, status, active, n_succeeded, n_failed)
                return
        tpl = spec.get("template") or {}
        if indexed:
            busy = {_index(p) for p in active} | set(sim.runtime["job_indexes"][job["metadata"]["uid"]])
            pending = [i for i in range(completions) if i not in busy]
            made = [_indexed_pod(sim, job, tpl, i) for i in pending[:want - len(active)]]
        else:
            made = [common.create_pod(sim, job, tpl, generate_name=f"{job['metadata']['name']}-")
                    for _ in range(want - len(active))]
        active.extend(p for p in made if p is not None)  # None: refused by admission (a quota ...)
    active = [sim.store.find("Pod", p["metadata"]["namespace"], p["metadata"]["name"]) or p for p in active]
    _write(sim, job, status, active, n_succeeded, n_failed)


def _write(sim: "Engine", job: Obj, status: Obj, active: list[Obj], succeeded: int, failed: int) -> None:
    status["active"] = len(active)
    status["succeeded"] = succeeded
    status["failed"] = failed
    status["ready"] = sum(1 for p in active if common.is_ready(p))
    status["terminating"] = 0
    status.setdefault("uncountedTerminatedPods", {})
    out = common.prune_zero(status, keep=("ready", "terminating", "uncountedTerminatedPods"))
    if _finished({"status": status}):
        out.pop("terminating", None)
    new = dict(job)
    new["status"] = out
    sim.runtime.setdefault("job_failure", {})[job["metadata"]["uid"]] = status.get("lastFailure", 0)
    new["status"].pop("lastFailure", None)
    sim.store.write(new)


def _ttl(sim: "Engine", job: Obj) -> None:
    ttl = job["spec"].get("ttlSecondsAfterFinished")
    if ttl is None:
        return
    end = _end_time(job)
    if end is not None and sim.time >= end + ttl:
        sim.store.delete("Job", job["metadata"]["namespace"], job["metadata"]["name"])


def _end_time(job: Obj) -> float | None:
    for c in (job.get("status") or {}).get("conditions") or []:
        if c["type"] in ("Complete", "Failed") and c["status"] == "True":
            return parse_rfc3339(c["lastTransitionTime"])
    return None


def wakeups(sim: "Engine") -> list[tuple[float, bool]]:
    out = []
    for job in sim.store.items("Job"):
        st = job.get("status") or {}
        end = _end_time(job)
        if end is not None:
            ttl = job["spec"].get("ttlSecondsAfterFinished")
            if ttl is not None:
                out.append((end + ttl, True))
            continue
        if st.get("startTime") and job["spec"].get("activeDeadlineSeconds") is not None:
            out.append((parse_rfc3339(st["startTime"]) + job["spec"]["activeDeadlineSeconds"], True))
        n_failed = st.get("failed", 0)
        last = sim.runtime.get("job_failure", {}).get(job["metadata"]["uid"], 0)
        if n_failed and last:
            out.append((last + min(BACKOFF_START * 2 ** (n_failed - 1), BACKOFF_CAP), True))
    return out
