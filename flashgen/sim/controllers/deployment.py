"""The Deployment controller: ReplicaSets named by pod-template-hash, RollingUpdate and Recreate, revisions,
status counters and the Progressing/Available conditions."""

from __future__ import annotations

import copy
import math
from typing import TYPE_CHECKING, Any

from .. import events, names
from ..timefmt import parse_rfc3339, rfc3339
from . import common, replicaset

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]
REVISION = "deployment.kubernetes.io/revision"
REVISION_HISTORY = "deployment.kubernetes.io/revision-history"
CHANGE_CAUSE = "kubernetes.io/change-cause"
HASH = "pod-template-hash"


def _int_or_percent(value: Any, total: int, round_up: bool) -> int:
    if isinstance(value, str) and value.endswith("%"):
        x = int(value[:-1]) * total / 100
        return math.ceil(x) if round_up else math.floor(x)
    return int(value)


def surge_and_unavailable(d: Obj) -> tuple[int, int]:
    """maxSurge rounded up and maxUnavailable rounded down; both 0 gives maxUnavailable 1."""
    replicas = d["spec"].get("replicas", 1)
    st = d["spec"].get("strategy") or {}
    if st.get("type") == "Recreate":
        return 0, replicas
    ru = st.get("rollingUpdate") or {}
    surge = _int_or_percent(ru.get("maxSurge", "25%"), replicas, True)
    unavail = _int_or_percent(ru.get("maxUnavailable", "25%"), replicas, False)
    if surge == 0 and unavail == 0:
        unavail = 1
    return surge, unavail


def revision(rs: Obj) -> int:
    try:
        return int((rs["metadata"].get("annotations") or {}).get(REVISION, "0"))
    except ValueError:
        return 0


def template_without_hash(rs: Obj) -> Obj:
    t = copy.deepcopy(rs["spec"].get("template") or {})
    labels = (t.get("metadata") or {}).get("labels")
    if labels:
        labels.pop(HASH, None)
    return t


def without_nulls(value: Any) -> Any:
    """`value` without null fields: `creationTimestamp: null` in a template (kubectl sends it on
    `rollout undo`) means the same template as no field at all, as the API server decodes it."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def same_template(rs: Obj, template: Obj) -> bool:
    """Whether a ReplicaSet runs this pod template (its pod-template-hash label aside)."""
    return without_nulls(template_without_hash(rs)) == without_nulls(template)


def owned_replicasets(sim: "Engine", d: Obj) -> list[Obj]:
    uid = d["metadata"]["uid"]
    return sorted(sim.store.controlled(uid, "ReplicaSet", d["metadata"]["namespace"]),
                  key=lambda rs: (parse_rfc3339(rs["metadata"]["creationTimestamp"]), rs["metadata"]["name"]))


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    """Sync every Deployment (only those among keys unless None)."""
    for d in sim.store.pick("Deployment", keys):
        sync(sim, d)


def _scale(sim: "Engine", d: Obj, rs: Obj, replicas: int) -> Obj:
    old = rs["spec"].get("replicas", 0)
    if old == replicas:
        return rs
    new = copy.deepcopy(rs)
    new["spec"]["replicas"] = replicas
    surge, _ = surge_and_unavailable(d)
    ann = new["metadata"].setdefault("annotations", {})
    ann["deployment.kubernetes.io/desired-replicas"] = str(d["spec"].get("replicas", 1))
    ann["deployment.kubernetes.io/max-replicas"] = str(d["spec"].get("replicas", 1) + surge)
    sim.store.write(new)
    word = "up" if replicas > old else "down"
    events.record(sim, d, "ScalingReplicaSet", f"Scaled {word} replica set {rs['metadata']['name']} from {old} to "
                  f"{replicas}", "deployment-controller")
    stored = sim.store.find("ReplicaSet", rs["metadata"]["namespace"], rs["metadata"]["name"])
    replicaset.sync(sim, stored)
    return sim.store.find("ReplicaSet", rs["metadata"]["namespace"], rs["metadata"]["name"])


def _new_replicaset(sim: "Engine", d: Obj, rss: list[Obj], max_rev: int, initial: int) -> Obj:
    tpl = copy.deepcopy(d["spec"]["template"])
    collisions = d.get("status", {}).get("collisionCount", 0)
    h = names.template_hash(without_nulls(tpl), collisions)
    tpl.setdefault("metadata", {}).setdefault("labels", {})[HASH] = h
    sel = copy.deepcopy(d["spec"]["selector"])
    sel.setdefault("matchLabels", {})[HASH] = h
    surge, _ = surge_and_unavailable(d)
    ann = {k: v for k, v in (d["metadata"].get("annotations") or {}).items()
           if k not in ("kubectl.kubernetes.io/last-applied-configuration", REVISION, REVISION_HISTORY)}
    ann.update({"deployment.kubernetes.io/desired-replicas": str(d["spec"].get("replicas", 1)),
                "deployment.kubernetes.io/max-replicas": str(d["spec"].get("replicas", 1) + surge),
                REVISION: str(max_rev + 1)})
    rs = {"apiVersion": "apps/v1", "kind": "ReplicaSet",
          "metadata": {"name": f"{d['metadata']['name']}-{h}", "namespace": d["metadata"]["namespace"],
                       "labels": dict(tpl["metadata"]["labels"]), "annotations": ann,
                       "ownerReferences": [common.owner_ref(d)]},
          "spec": {"replicas": initial, "selector": sel, "template": tpl}}
    if d["spec"].get("minReadySeconds"):
        rs["spec"]["minReadySeconds"] = d["spec"]["minReadySeconds"]
    created = sim.store.create(rs, validate=False)
    if initial:
        events.record(sim, d, "ScalingReplicaSet", f"Scaled up replica set {created['metadata']['name']} from 0 to "
                      f"{initial}", "deployment-controller")
    stored = sim.store.find("ReplicaSet", created["metadata"]["namespace"], created["metadata"]["name"])
    replicaset.sync(sim, stored)
    return sim.store.find("ReplicaSet", created["metadata"]["namespace"], created["metadata"]["name"])


SKIPPED_ANNOTATIONS = ("kubectl.kubernetes.io/last-applied-configuration", REVISION, REVISION_HISTORY,
                       "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas")


def _copy_annotations(sim: "Engine", d: Obj, rs: Obj) -> Obj:
    """The Deployment's own annotations (kubernetes.io/change-cause among them) go to its current ReplicaSet,
    also when they are set after the rollout, as the controller does on every sync."""
    want = {k: v for k, v in (d["metadata"].get("annotations") or {}).items() if k not in SKIPPED_ANNOTATIONS}
    have = rs["metadata"].get("annotations") or {}
    if all(have.get(k) == v for k, v in want.items()):
        return rs
    new = copy.deepcopy(rs)
    new["metadata"].setdefault("annotations", {}).update(want)
    sim.store.write(new)
    return sim.store.find("ReplicaSet", rs["metadata"]["namespace"], rs["metadata"]["name"])


def sync(sim: "Engine", d: Obj) -> None:
    spec = d["spec"]
    replicas = spec.get("replicas", 1)
    rss = owned_replicasets(sim, d)
    tpl = spec.get("template") or {}
    new_rs = next((rs for rs in rss if same_template(rs, tpl)), None)
    olds = [rs for rs in rss if rs is not new_rs]
    max_rev = max([revision(rs) for rs in olds] or [0])
    surge, unavail = surge_and_unavailable(d)
    recreate = (spec.get("strategy") or {}).get("type") == "Recreate"
    created = False
    if spec.get("paused"):
        _status(sim, d, new_rs, olds, created)
        return
    if new_rs is None:
        if recreate:
            initial = 0 if any(rs["spec"].get("replicas", 0) or rs.get("status", {}).get("replicas", 0)
                               for rs in olds) else replicas
        else:
            total = sum(rs["spec"].get("replicas", 0) for rs in olds)
            initial = replicas if not olds else max(0, min(replicas, replicas + surge - total))
        new_rs = _new_replicaset(sim, d, rss, max_rev, initial)
        created = True
    elif revision(new_rs) <= max_rev:
        rs2 = copy.deepcopy(new_rs)
        ann = rs2["metadata"].setdefault("annotations", {})
        hist = [x for x in ann.get(REVISION_HISTORY, "").split(",") if x]
        hist.append(str(revision(new_rs)))
        ann[REVISION_HISTORY] = ",".join(hist)
        ann[REVISION] = str(max_rev + 1)
        cause = (d["metadata"].get("annotations") or {}).get(CHANGE_CAUSE)
        if cause:
            ann[CHANGE_CAUSE] = cause
        sim.store.write(rs2)
        new_rs = sim.store.find("ReplicaSet", rs2["metadata"]["namespace"], rs2["metadata"]["name"])
    new_rs = _copy_annotations(sim, d, new_rs)
    # keep the deployment's revision annotation in step with the new ReplicaSet
    rev = str(revision(new_rs))
    if (d["metadata"].get("annotations") or {}).get(REVISION) != rev:
        d2 = copy.deepcopy(d)
        d2["metadata"].setdefault("annotations", {})[REVISION] = rev
        sim.store.write(d2)
        d = sim.store.find("Deployment", d["metadata"]["namespace"], d["metadata"]["name"])
    if recreate:
        if any(rs["spec"].get("replicas", 0) for rs in olds):
            for rs in olds:
                _scale(sim, d, rs, 0)
        elif not any((p.get("status") or {}).get("phase") not in ("Succeeded", "Failed")
                     for rs in olds for p in sim.store.owned_by(rs, "Pod")):  # terminating pods count too
            new_rs = _scale(sim, d, new_rs, replicas)
    else:
        new_rs, olds = _rolling(sim, d, new_rs, olds, replicas, surge, unavail)
    _cleanup(sim, d, olds)
    _status(sim, d, new_rs, [rs for rs in owned_replicasets(sim, d)
                             if rs["metadata"]["uid"] != new_rs["metadata"]["uid"]], created)


def _avail(rs: Obj) -> int:
    return (rs.get("status") or {}).get("availableReplicas", 0)


def _rolling(sim: "Engine", d: Obj, new_rs: Obj, olds: list[Obj], replicas: int, surge: int,
             unavail: int) -> tuple[Obj, list[Obj]]:
    old_total = sum(rs["spec"].get("replicas", 0) for rs in olds)
    if old_total == 0:
        if new_rs["spec"].get("replicas", 0) != replicas:
            new_rs = _scale(sim, d, new_rs, replicas)
        return new_rs, olds
    # scale up the new ReplicaSet within maxSurge
    total = old_total + new_rs["spec"].get("replicas", 0)
    max_total = replicas + surge
    cur = new_rs["spec"].get("replicas", 0)
    if cur < replicas and total < max_total:
        new_rs = _scale(sim, d, new_rs, min(replicas, cur + max_total - total))
    elif cur > replicas:
        new_rs = _scale(sim, d, new_rs, replicas)
    # scale down old ReplicaSets within maxUnavailable
    min_available = replicas - unavail
    all_total = old_total + new_rs["spec"].get("replicas", 0)
    new_unavailable = new_rs["spec"].get("replicas", 0) - _avail(new_rs)
    max_down = all_total - min_available - new_unavailable
    olds = [sim.store.find("ReplicaSet", rs["metadata"]["namespace"], rs["metadata"]["name"]) or rs for rs in olds]
    if max_down > 0:
        for i, rs in enumerate(olds):
            unhealthy = rs["spec"].get("replicas", 0) - _avail(rs)
            if unhealthy <= 0 or max_down <= 0:
                continue
            down = min(max_down, unhealthy)
            olds[i] = _scale(sim, d, rs, rs["spec"]["replicas"] - down)
            max_down -= down
    available = _avail(new_rs) + sum(_avail(rs) for rs in olds)
    total_down = available - min_available
    for i, rs in enumerate(olds):
        if total_down <= 0:
            break
        n = rs["spec"].get("replicas", 0)
        if n == 0:
            continue
        down = min(n, total_down)
        olds[i] = _scale(sim, d, rs, n - down)
        total_down -= down
    return new_rs, olds


def _cleanup(sim: "Engine", d: Obj, olds: list[Obj]) -> None:
    limit = d["spec"].get("revisionHistoryLimit", 10)
    idle = sorted((rs for rs in olds if rs and rs["spec"].get("replicas", 0) == 0
                   and (rs.get("status") or {}).get("replicas", 0) == 0), key=revision)
    for rs in idle[: max(0, len(idle) - limit)]:
        sim.store.delete("ReplicaSet", rs["metadata"]["namespace"], rs["metadata"]["name"])


def _status(sim: "Engine", d: Obj, new_rs: Obj | None, olds: list[Obj], created: bool) -> None:
    d = sim.store.find("Deployment", d["metadata"]["namespace"], d["metadata"]["name"])
    if d is None:
        return
    spec = d["spec"]
    replicas = spec.get("replicas", 1)
    all_rs = ([new_rs] if new_rs else []) + olds
    st = lambda rs, f: (rs.get("status") or {}).get(f, 0)  # noqa: E731
    total_spec = sum(rs["spec"].get("replicas", 0) for rs in all_rs)
    available = sum(st(rs, "availableReplicas") for rs in all_rs)
    status: Obj = {"observedGeneration": d["metadata"].get("generation", 1),
                   "replicas": sum(st(rs, "replicas") for rs in all_rs),
                   "updatedReplicas": st(new_rs, "replicas") if new_rs else 0,
                   "readyReplicas": sum(st(rs, "readyReplicas") for rs in all_rs),
                   "availableReplicas": available,
                   "unavailableReplicas": max(total_spec - available, 0)}
    old = d.get("status") or {}
    if old.get("collisionCount"):
        status["collisionCount"] = old["collisionCount"]
    _, unavail = surge_and_unavailable(d)
    conds = copy.deepcopy(old.get("conditions") or [])
    now = sim.time
    if available >= replicas - unavail:
        conds = common.set_condition(conds, "Available", "True", "MinimumReplicasAvailable",
                                     "Deployment has minimum availability.", now, True)
    else:
        conds = common.set_condition(conds, "Available", "False", "MinimumReplicasUnavailable",
                                     "Deployment does not have minimum availability.", now, True)
    rs_name = new_rs["metadata"]["name"] if new_rs else ""
    complete = (new_rs is not None and status["updatedReplicas"] == replicas and status["replicas"] == replicas
                and available == replicas)
    prog = next((c for c in conds if c["type"] == "Progressing"), None)
    counters = ("replicas", "updatedReplicas", "readyReplicas", "availableReplicas")
    moved = any(old.get(k, 0) != status[k] for k in counters) or created
    if complete:
        if not (prog and prog.get("reason") == "NewReplicaSetAvailable"):
            conds = common.set_condition(conds, "Progressing", "True", "NewReplicaSetAvailable",
                                         f'ReplicaSet "{rs_name}" has successfully progressed.', now, True)
    elif spec.get("paused"):
        conds = common.set_condition(conds, "Progressing", "Unknown", "DeploymentPaused",
                                     "Deployment is paused", now, True)
    elif created:
        conds = common.set_condition(conds, "Progressing", "True", "NewReplicaSetCreated",
                                     f'Created new replica set "{rs_name}"', now, True)
    elif moved or prog is None or (prog.get("reason") == "NewReplicaSetAvailable"):
        conds = common.set_condition(conds, "Progressing", "True", "ReplicaSetUpdated",
                                     f'ReplicaSet "{rs_name}" is progressing.', now, True)
        for c in conds:
            if c["type"] == "Progressing":
                c["lastUpdateTime"] = rfc3339(now)
    elif prog and prog["status"] == "True" and now - parse_rfc3339(prog["lastUpdateTime"]) >= \
            spec.get("progressDeadlineSeconds", 600):
        conds = common.set_condition(conds, "Progressing", "False", "ProgressDeadlineExceeded",
                                     f'ReplicaSet "{rs_name}" has timed out progressing.', now, True)
    failure = next((c for rs in all_rs for c in (rs.get("status") or {}).get("conditions") or []
                    if c.get("type") == "ReplicaFailure" and c.get("status") == "True"), None)
    conds = [c for c in conds if c["type"] != "ReplicaFailure" or failure]  # a ReplicaSet's failure, copied
    if failure:
        conds = common.set_condition(conds, "ReplicaFailure", "True", failure["reason"], failure["message"], now, True)
    order = {"Available": 0, "Progressing": 1, "ReplicaFailure": 2}
    status["conditions"] = sorted(conds, key=lambda c: order.get(c["type"], 3))
    new = dict(d)
    new["status"] = common.prune_zero(status, keep=("observedGeneration",))
    if "conditions" not in new["status"]:
        new["status"]["conditions"] = status["conditions"]
    sim.store.write(new)


def wakeups(sim: "Engine") -> list[tuple[float, bool]]:
    """The progress deadline of stuck rollouts (not transient: nothing else changes)."""
    out = []
    for d in sim.store.items("Deployment"):
        for c in (d.get("status") or {}).get("conditions") or []:
            if c["type"] == "Progressing" and c["status"] == "True" and c.get("reason") != "NewReplicaSetAvailable":
                t = parse_rfc3339(c["lastUpdateTime"]) + d["spec"].get("progressDeadlineSeconds", 600)
                if t > sim.time:
                    out.append((t, False))
    return out
