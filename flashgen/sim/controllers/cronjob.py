"""The CronJob controller: 5-field schedules (croniter, optional timeZone), concurrencyPolicy, suspend,
startingDeadlineSeconds, jobs named `<cronjob>-<scheduled unix time // 60>`, and history limits."""

from __future__ import annotations

import copy
import datetime as _dt
from typing import TYPE_CHECKING, Any

from croniter import croniter

from .. import events
from ..timefmt import parse_rfc3339, rfc3339
from . import common

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]


def _tz(cj: Obj) -> _dt.tzinfo:
    name = cj["spec"].get("timeZone")
    if name:
        try:
            from zoneinfo import ZoneInfo
            return ZoneInfo(name)
        except Exception:  # an unknown zone falls back to UTC, as the controller reports UnknownTimeZone
            return _dt.timezone.utc
    return _dt.timezone.utc


def next_schedule(cj: Obj, after: float) -> float | None:
    """The first scheduled time strictly after `after`."""
    try:
        it = croniter(cj["spec"]["schedule"], _dt.datetime.fromtimestamp(after, tz=_tz(cj)))
        return float(it.get_next(float))
    except (ValueError, KeyError):
        return None


def _last(cj: Obj) -> float:
    st = cj.get("status") or {}
    if st.get("lastScheduleTime"):
        return parse_rfc3339(st["lastScheduleTime"])
    return parse_rfc3339(cj["metadata"]["creationTimestamp"])


def _job_state(job: Obj) -> str | None:
    for c in (job.get("status") or {}).get("conditions") or []:
        if c["type"] in ("Complete", "Failed") and c["status"] == "True":
            return c["type"]
    return None


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    """Sync every CronJob (only those among keys unless None)."""
    for cj in sim.store.pick("CronJob", keys):
        sync(sim, cj)


def sync(sim: "Engine", cj: Obj) -> None:
    now = sim.time
    ns = cj["metadata"]["namespace"]
    jobs = sim.store.owned_by(cj, "Job")
    status = copy.deepcopy(cj.get("status") or {})
    for j in jobs:
        if _job_state(j) == "Complete":
            ct = (j.get("status") or {}).get("completionTime")
            if ct and (not status.get("lastSuccessfulTime") or ct > status["lastSuccessfulTime"]):
                status["lastSuccessfulTime"] = ct
            if (j["metadata"]["uid"] not in sim.runtime.setdefault("cron_seen", [])):
                sim.runtime["cron_seen"].append(j["metadata"]["uid"])
                events.record(sim, cj, "SawCompletedJob", f"Saw completed job: {j['metadata']['name']}, condition: "
                              "Complete", "cronjob-controller")
    due = None
    t = _last(cj)
    while True:
        n = next_schedule(cj, t)
        if n is None or n > now:
            break
        due, t = n, n
    active = [j for j in jobs if _job_state(j) is None]
    if due is not None and not cj["spec"].get("suspend"):
        deadline = cj["spec"].get("startingDeadlineSeconds")
        status["lastScheduleTime"] = rfc3339(due)
        if deadline is not None and now - due > deadline:
            events.record(sim, cj, "MissSchedule", f"Missed scheduled time to start a job: {rfc3339(due)}",
                          "cronjob-controller", warning=True)
        elif cj["spec"].get("concurrencyPolicy") == "Forbid" and active:
            events.record(sim, cj, "JobAlreadyActive", "Not starting job because prior execution is running and "
                          "concurrency policy is Forbid", "cronjob-controller")
        else:
            if cj["spec"].get("concurrencyPolicy") == "Replace":
                for j in active:
                    sim.store.delete("Job", ns, j["metadata"]["name"])
                    events.record(sim, cj, "SuccessfulDelete", f"Deleted job {j['metadata']['name']}",
                                  "cronjob-controller")
                active = []
            job = _create_job(sim, cj, due)
            if job:
                active.append(job)
    elif due is not None:
        status["lastScheduleTime"] = status.get("lastScheduleTime") or None
        if status["lastScheduleTime"] is None:
            del status["lastScheduleTime"]
        sim.runtime.setdefault("cron_skipped", {})[cj["metadata"]["uid"]] = due
    # history limits
    for state, limit in (("Complete", cj["spec"].get("successfulJobsHistoryLimit", 3)),
                         ("Failed", cj["spec"].get("failedJobsHistoryLimit", 1))):
        finished = sorted((j for j in sim.store.owned_by(cj, "Job") if _job_state(j) == state),
                          key=lambda j: (j["metadata"]["creationTimestamp"], j["metadata"]["name"]))
        for j in finished[: max(0, len(finished) - limit)]:
            sim.store.delete("Job", ns, j["metadata"]["name"])
            events.record(sim, cj, "SuccessfulDelete", f"Deleted job {j['metadata']['name']}", "cronjob-controller")
    active = [j for j in sim.store.owned_by(cj, "Job") if _job_state(j) is None]
    if active:
        status["active"] = [{"apiVersion": "batch/v1", "kind": "Job", "name": j["metadata"]["name"],
                             "namespace": ns, "resourceVersion": j["metadata"]["resourceVersion"],
                             "uid": j["metadata"]["uid"]} for j in active]
    else:
        status.pop("active", None)
    new = dict(cj)
    new["status"] = status
    sim.store.write(new)


def _create_job(sim: "Engine", cj: Obj, scheduled: float) -> Obj | None:
    name = f"{cj['metadata']['name']}-{int(scheduled) // 60}"
    ns = cj["metadata"]["namespace"]
    if sim.store.find("Job", ns, name) is not None:
        return None
    tpl = copy.deepcopy(cj["spec"].get("jobTemplate") or {})
    meta = tpl.get("metadata") or {}
    job = {"apiVersion": "batch/v1", "kind": "Job",
           "metadata": {"name": name, "namespace": ns, "labels": dict(meta.get("labels") or {}),
                        "annotations": dict(meta.get("annotations") or {},
                                            **{"batch.kubernetes.io/cronjob-scheduled-timestamp": rfc3339(scheduled)}),
                        "ownerReferences": [common.owner_ref(cj)]},
           "spec": tpl.get("spec") or {}}
    if not job["metadata"]["labels"]:
        del job["metadata"]["labels"]
    created = sim.store.create(job, validate=False)
    events.record(sim, cj, "SuccessfulCreate", f"Created job {name}", "cronjob-controller")
    return created


def wakeups(sim: "Engine") -> list[tuple[float, bool]]:
    out = []
    for cj in sim.store.items("CronJob"):
        if cj["spec"].get("suspend"):
            continue
        t = next_schedule(cj, max(_last(cj), sim.time))
        if t is not None:
            out.append((t, False))
    return out
