"""The horizontal pod autoscaler controller (autoscaling/v2), every 15 seconds per HPA, as the documentation's
algorithm describes it: desired = ceil(current * currentUtilization / target) over the ready pods with metrics,
no change within a 10 % tolerance, missing and not-yet-ready pods counted conservatively, the scale-down
stabilization window (300 s: the highest recommendation of the last five minutes wins), the scaling policies
(default: up by 100 % or 4 pods per 15 s, down by 100 % per 15 s), min/max replicas, and the AbleToScale,
ScalingActive and ScalingLimited conditions and SuccessfulRescale events. Resource metrics (cpu, memory) with
Utilization or AverageValue targets are computed; Pods, Object and External metrics are not."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .. import events, kinds, podresources, quantity, selectors
from ..timefmt import parse_rfc3339, rfc3339
from ..usage import WINDOW, Usage
from . import common

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]
SYNC_PERIOD = 15.0
TOLERANCE = 0.1
DOWNSCALE_WINDOW = 300.0
CPU_INIT_PERIOD = 300.0
INITIAL_READINESS_DELAY = 30.0
COMPONENT = "horizontal-pod-autoscaler"
TARGETS = ("Deployment", "ReplicaSet", "StatefulSet", "ReplicationController")
DEFAULT_BEHAVIOR = {
    "scaleUp": {"stabilizationWindowSeconds": 0, "selectPolicy": "Max",
                "policies": [{"type": "Pods", "value": 4, "periodSeconds": 15},
                             {"type": "Percent", "value": 100, "periodSeconds": 15}]},
    "scaleDown": {"selectPolicy": "Max", "policies": [{"type": "Percent", "value": 100, "periodSeconds": 15}]},
}


class MetricError(Exception):
    """A metric the controller cannot compute (the reason goes to the ScalingActive condition)."""

    def __init__(self, reason: str, message: str, resource: str = "cpu"):
        super().__init__(message)
        self.reason, self.message, self.resource = reason, message, resource


def _set(conditions: list[Obj], ctype: str, status: str, reason: str, message: str, now: float) -> list[Obj]:
    return common.set_condition(conditions, ctype, status, reason, message, now)


def _target(sim: "Engine", hpa: Obj) -> Obj | None:
    ref = hpa["spec"].get("scaleTargetRef") or {}
    if ref.get("kind") not in TARGETS:
        return None
    return sim.store.find(ref["kind"], hpa["metadata"]["namespace"], ref.get("name", ""))


def _pods(sim: "Engine", target: Obj) -> list[Obj]:
    sel = target["spec"].get("selector")
    match = selectors.from_map(sel) if target["kind"] == "ReplicationController" else \
        selectors.from_label_selector(sel)
    return [p for p in sim.store.items("Pod", target["metadata"]["namespace"]) if match(p["metadata"].get("labels") or {})]


def _unready(pod: Obj, now: float) -> bool:
    """The replica calculator's test for a CPU sample it should not trust yet."""
    st = pod.get("status") or {}
    ready = next((c for c in st.get("conditions") or [] if c.get("type") == "Ready"), None)
    if ready is None or not st.get("startTime"):
        return True
    start = parse_rfc3339(st["startTime"])
    changed = parse_rfc3339(ready["lastTransitionTime"])
    if start + CPU_INIT_PERIOD > now:
        return ready["status"] == "False" or now < changed + WINDOW
    return ready["status"] == "False" and start + INITIAL_READINESS_DELAY > changed


def _replicas_for(sim: "Engine", usage: Usage, pods: list[Obj], current: int, resource: str,
                  target: Obj) -> tuple[int, int | None, int]:
    """(proposed replicas, utilization % or None, average value in milli-units) for one Resource metric."""
    if not pods:
        raise MetricError("FailedGetResourceMetric", resource=resource, message=
                          f"failed to get {resource} utilization: no pods returned by selector while calculating "
                          "replica count")
    metrics: dict[str, int] = {}
    for p in pods:
        got = usage.pod(p)
        if got is not None:
            metrics[p["metadata"]["name"]] = sum(cpu if resource == "cpu" else mem * 1000 for _, cpu, mem in got)
    if not metrics:
        raise MetricError("FailedGetResourceMetric", f"failed to get {resource} utilization: unable to get metrics "
                          f"for resource {resource}: no metrics returned from resource metrics API", resource)
    ready_count, unready, missing = 0, set(), set()
    for p in pods:
        name = p["metadata"]["name"]
        phase = (p.get("status") or {}).get("phase")
        if p["metadata"].get("deletionTimestamp") or phase == "Failed":
            metrics.pop(name, None)
            continue
        if phase == "Pending":
            unready.add(name)
            metrics.pop(name, None)
            continue
        if name not in metrics:
            missing.add(name)
            continue
        if resource == "cpu" and _unready(p, sim.time):
            unready.add(name)
            metrics.pop(name, None)
            continue
        ready_count += 1
    if not metrics:
        raise MetricError("FailedGetResourceMetric", f"failed to get {resource} utilization: did not receive metrics "
                          "for targeted pods (pods might be unready)", resource)
    requests: dict[str, int] = {}
    for p in pods:
        for c in p["spec"].get("containers") or []:
            req = podresources.container_requests(c).get(resource)
            if req is None:
                raise MetricError("FailedGetResourceMetric", f"failed to get {resource} utilization: missing request "
                                  f"for {resource} in container {c['name']} of Pod {p['metadata']['name']}", resource)
            requests[p["metadata"]["name"]] = requests.get(p["metadata"]["name"], 0) + quantity.milli(req)

    def ratio(values: dict[str, int]) -> tuple[float, int, int]:
        used = sum(v for k, v in values.items() if k in requests)
        asked = sum(requests[k] for k in values if k in requests)
        util = int(used * 100 / asked) if asked else 0
        target_util = target.get("averageUtilization")
        if target_util is not None:
            return util / target_util, util, used // max(1, len(values))
        avg = used // max(1, len(values))
        return avg / quantity.milli(target.get("averageValue", "0")) if target.get("averageValue") else 1.0, util, avg

    usage_ratio, util, raw = ratio(metrics)
    if target.get("averageUtilization") is None:
        # an AverageValue target: proposed = ceil(total / target)
        total = sum(metrics.values())
        goal = quantity.milli(target.get("averageValue", "0")) or 1
        replicas = current if abs(1.0 - (total / len(metrics)) / goal) <= TOLERANCE else math.ceil(total / goal)
        return replicas, None, raw
    up_with_unready = bool(unready) and usage_ratio > 1.0
    if not up_with_unready and not missing:
        if abs(1.0 - usage_ratio) <= TOLERANCE:
            return current, util, raw
        return math.ceil(usage_ratio * ready_count), util, raw
    if missing:
        if usage_ratio < 1.0:
            fallback = max(100, target["averageUtilization"])
            for name in missing:
                metrics[name] = requests.get(name, 0) * fallback // 100
        elif usage_ratio > 1.0:
            for name in missing:
                metrics[name] = 0
    if up_with_unready:
        for name in unready:
            metrics[name] = 0
    new_ratio, _, _ = ratio(metrics)
    if abs(1.0 - new_ratio) <= TOLERANCE or (usage_ratio < 1.0 < new_ratio) or (usage_ratio > 1.0 > new_ratio):
        return current, util, raw
    replicas = math.ceil(new_ratio * len(metrics))
    if (new_ratio < 1.0 and replicas > current) or (new_ratio > 1.0 and replicas < current):
        return current, util, raw
    return replicas, util, raw


def _limit(events_: list[list[float]], now: float, period: float) -> int:
    return int(sum(delta for delta, t in events_ if t > now - period))


def _policy_limit(rules: Obj, start: int, up: bool) -> int:
    limits = []
    for p in rules.get("policies") or []:
        if p.get("type") == "Pods":
            limits.append(start + p["value"] if up else start - p["value"])
        elif p.get("type") == "Percent":
            limits.append(math.ceil(start * (1 + p["value"] / 100)) if up else
                          math.ceil(start * (1 - p["value"] / 100)))
    if not limits:
        return start
    select = rules.get("selectPolicy", "Max")
    if select == "Disabled":
        return start
    if up:
        return max(limits) if select == "Max" else min(limits)
    return min(limits) if select == "Max" else max(limits)


def _normalize(sim: "Engine", hpa: Obj, state: Obj, current: int, desired: int, conditions: list[Obj]) -> tuple[int, list[Obj]]:
    """Stabilization and the scaling policies, then min/max; sets AbleToScale and ScalingLimited."""
    now = sim.time
    behavior = hpa["spec"].get("behavior") or DEFAULT_BEHAVIOR
    up_rules = behavior.get("scaleUp") or DEFAULT_BEHAVIOR["scaleUp"]
    down_rules = behavior.get("scaleDown") or DEFAULT_BEHAVIOR["scaleDown"]
    up_window = float(up_rules.get("stabilizationWindowSeconds", 0) or 0)
    down_window = float(down_rules.get("stabilizationWindowSeconds", DOWNSCALE_WINDOW)
                        if down_rules.get("stabilizationWindowSeconds") is not None else DOWNSCALE_WINDOW)
    recs = state.setdefault("recommendations", [[current, now]])
    up_rec = down_rec = desired
    for value, t in recs:
        if t > now - up_window:
            up_rec = min(up_rec, value)
        if t > now - down_window:
            down_rec = max(down_rec, value)
    recommendation = max(current, up_rec)
    recommendation = min(recommendation, down_rec)
    keep = max(up_window, down_window)
    state["recommendations"] = [r for r in recs if r[1] > now - keep] + [[desired, now]]
    if recommendation != desired:
        if desired >= current:
            conditions = _set(conditions, "AbleToScale", "True", "ScaleUpStabilized", "recent recommendations were "
                              "lower than current one, applying the lowest recent recommendation", now)
        else:
            conditions = _set(conditions, "AbleToScale", "True", "ScaleDownStabilized", "recent recommendations were "
                              "higher than current one, applying the highest recent recommendation", now)
    else:
        conditions = _set(conditions, "AbleToScale", "True", "ReadyForNewScale", "recommended size matches current "
                          "size", now)
    lo, hi = hpa["spec"].get("minReplicas", 1), hpa["spec"]["maxReplicas"]
    result, reason, message = recommendation, "DesiredWithinRange", "the desired count is within the acceptable range"
    if recommendation > current:
        period = max([p.get("periodSeconds", 15) for p in up_rules.get("policies") or []] or [15])
        start = current - _limit(state.get("up", []), now, period) + _limit(state.get("down", []), now, period)
        up_limit = max(current, _policy_limit(up_rules, start, True))
        if hi > up_limit:
            allowed, reason2, message2 = up_limit, "ScaleUpLimit", \
                "the desired replica count is increasing faster than the maximum scale rate"
        else:
            allowed, reason2, message2 = hi, "TooManyReplicas", \
                "the desired replica count is more than the maximum replica count"
        if recommendation > allowed:
            result, reason, message = allowed, reason2, message2
    elif recommendation < current:
        period = max([p.get("periodSeconds", 15) for p in down_rules.get("policies") or []] or [15])
        start = current + _limit(state.get("down", []), now, period) - _limit(state.get("up", []), now, period)
        down_limit = min(current, _policy_limit(down_rules, start, False))
        if lo < down_limit:
            allowed, reason2, message2 = down_limit, "ScaleDownLimit", \
                "the desired replica count is decreasing faster than the maximum scale rate"
        else:
            allowed, reason2, message2 = lo, "TooFewReplicas", \
                "the desired replica count is less than the minimum replica count"
        if recommendation < allowed:
            result, reason, message = allowed, reason2, message2
    conditions = _set(conditions, "ScalingLimited", "False" if result == recommendation else "True", reason, message,
                      now)
    return result, conditions


def _metric_status(resource: str, util: int | None, raw: int) -> Obj:
    fmt = quantity.canonical(quantity.value(f"{raw}m"), "DecimalSI") if resource == "cpu" else \
        quantity.canonical(quantity.value(f"{raw}m"), "BinarySI")
    current: Obj = {"averageValue": fmt}
    if util is not None:
        current["averageUtilization"] = util
    return {"type": "Resource", "resource": {"name": resource, "current": current}}


def sync(sim: "Engine", hpa: Obj, usage: Usage) -> None:
    now = sim.time
    states: dict[str, Any] = sim.runtime.setdefault("hpa", {})
    state = states.setdefault(hpa["metadata"]["uid"], {})
    state["next"] = now + SYNC_PERIOD
    status = dict(hpa.get("status") or {})
    conditions = list(status.get("conditions") or [])
    ref = hpa["spec"].get("scaleTargetRef") or {}
    target = _target(sim, hpa)
    if target is None:
        k = kinds.BY_KIND.get(ref.get("kind", ""))
        err = f'{k.resource if k else ref.get("kind", "")} "{ref.get("name", "")}" not found'
        conditions = _set(conditions, "AbleToScale", "False", "FailedGetScale",
                          f"the HPA controller was unable to get the target's current scale: {err}", now)
        events.record(sim, hpa, "FailedGetScale", err, COMPONENT, warning=True)
        sim.store.write(dict(hpa, status=dict(status, conditions=conditions, currentReplicas=0, desiredReplicas=0)))
        return
    current = int(target["spec"].get("replicas", 1))
    lo, hi = hpa["spec"].get("minReplicas", 1), hpa["spec"]["maxReplicas"]
    conditions = _set(conditions, "AbleToScale", "True", "SucceededGetScale",
                      "the HPA controller was able to get the target's current scale", now)
    desired, reason_text, metric_statuses = 0, "", list(status.get("currentMetrics") or [])
    failed = False
    if current == 0 and lo != 0:
        conditions = _set(conditions, "ScalingActive", "False", "ScalingDisabled",
                          "scaling is disabled since the replica count of the target is zero", now)
        desired = 0
    elif current > hi:
        desired, reason_text = hi, "Current number of replicas above Spec.MaxReplicas"
    elif current < lo:
        desired, reason_text = lo, "Current number of replicas below Spec.MinReplicas"
    else:
        pods = _pods(sim, target)
        metric_statuses, proposals, errors_ = [], [], []
        for spec in hpa["spec"].get("metrics") or []:
            if spec.get("type") != "Resource":
                errors_.append(MetricError("FailedGetResourceMetric", f"metrics of type {spec.get('type')} are not "
                                           "simulated", str(spec.get("type", "")).lower()))
                continue
            res = spec["resource"]
            try:
                replicas, util, raw = _replicas_for(sim, usage, pods, current, res["name"], res.get("target") or {})
            except MetricError as e:
                errors_.append(e)
                metric_statuses.append({"type": "", "resource": None})
                continue
            metric_statuses.append(_metric_status(res["name"], util, raw))
            proposals.append((replicas, f"{res['name']} resource utilization (percentage of request)"
                              if util is not None else f"{res['name']} resource"))
        metric_statuses = [m for m in metric_statuses if m.get("type")]
        if errors_:
            first = errors_[0]
            conditions = _set(conditions, "ScalingActive", "False", first.reason,
                              f"the HPA was unable to compute the replica count: {first.message}", now)
            events.record(sim, hpa, first.reason, first.message, COMPONENT, warning=True)
        if errors_ and (len(errors_) >= len(hpa["spec"].get("metrics") or []) or
                        (proposals and max(p[0] for p in proposals) < current)):
            events.record(sim, hpa, "FailedComputeMetricsReplicas",
                          f"invalid metrics ({len(errors_)} invalid out of {len(hpa['spec'].get('metrics') or [])}), "
                          f"first error is: failed to get {first.resource} resource metric value: {first.message}",
                          COMPONENT, warning=True)
            failed = True
        else:
            best = max(proposals, key=lambda p: p[0])
            desired = best[0]
            conditions = _set(conditions, "ScalingActive", "True", "ValidMetricFound",
                              f"the HPA was able to successfully calculate a replica count from {best[1]}", now)
            if desired > current:
                reason_text = f"{best[1]} above target"
            elif desired < current:
                reason_text = "All metrics below target"
            desired, conditions = _normalize(sim, hpa, state, current, desired, conditions)
    if failed:
        status.update(conditions=conditions, currentReplicas=current,
                      desiredReplicas=status.get("desiredReplicas", current))
        status.pop("currentMetrics", None)
        if metric_statuses:
            status["currentMetrics"] = metric_statuses
        sim.store.write(dict(hpa, status=status))
        return
    if desired != current and not (current == 0 and lo != 0):
        kind = target["kind"]
        sim.store.patch(kind, target["metadata"]["namespace"], target["metadata"]["name"],
                        {"spec": {"replicas": desired}}, "merge")
        conditions = _set(conditions, "AbleToScale", "True", "SucceededRescale",
                          f"the HPA controller was able to update the target scale to {desired}", now)
        events.record(sim, hpa, "SuccessfulRescale", f"New size: {desired}; reason: {reason_text}", COMPONENT)
        key = "up" if desired > current else "down"
        state.setdefault(key, []).append([abs(desired - current), now])
        state[key] = [e for e in state[key] if e[1] > now - 600]
        status["lastScaleTime"] = rfc3339(now)
    status.update(observedGeneration=hpa["metadata"].get("generation", 1), currentReplicas=current,
                  desiredReplicas=desired, conditions=conditions)
    if metric_statuses:
        status["currentMetrics"] = metric_statuses
    else:
        status.pop("currentMetrics", None)
    sim.store.write(dict(hpa, status=common.prune_zero(status, keep=("currentReplicas", "desiredReplicas"))))


def reconcile(sim: "Engine", keys: Any = None) -> None:
    """Sync the HPAs that are due (every 15 s, and at once when new or changed)."""
    if not sim.store.objects.keys_of("HorizontalPodAutoscaler"):
        return
    states: dict[str, Any] = sim.runtime.setdefault("hpa", {})
    usage: Usage | None = None
    live = set()
    for hpa in list(sim.store.items("HorizontalPodAutoscaler")):
        uid = hpa["metadata"]["uid"]
        live.add(uid)
        state = states.get(uid) or {}
        gen = hpa["metadata"].get("generation", 1)
        if state.get("next", 0) > sim.time and state.get("generation") == gen:
            continue
        if usage is None:
            usage = Usage(sim)
        sync(sim, hpa, usage)
        states[uid]["generation"] = gen
    for uid in [u for u in states if u not in live]:
        del states[uid]


def wakeups(sim: "Engine") -> list[tuple[float, bool]]:
    """The next 15-second sync of each HPA (steady: it repeats forever)."""
    return [(s["next"], False) for s in (sim.runtime.get("hpa") or {}).values() if s.get("next") is not None]
