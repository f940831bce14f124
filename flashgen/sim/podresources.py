"""A pod's resource requests and limits as the scheduler and the quota count them, and nodes' allocatable."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from . import quantity

Obj = dict[str, Any]
Resources = dict[str, Fraction]
# what the scheduler's scoring assumes for a container that requests nothing (schedutil's non-zero defaults)
DEFAULT_MILLI_CPU = 100
DEFAULT_MEMORY = 200 * 1024 * 1024
CPU, MEMORY = "cpu", "memory"


def _list(res: Any) -> Resources:
    out: Resources = {}
    for name, q in (res or {}).items() if isinstance(res, dict) else ():
        try:
            out[name] = quantity.value(q)
        except quantity.QuantityError:
            continue
    return out


def container_requests(c: Obj) -> Resources:
    """A container's requests (a limit stands in for a missing request, as the API server defaults it)."""
    res = c.get("resources") or {}
    out = _list(res.get("limits"))
    out.update(_list(res.get("requests")))
    return out


def container_limits(c: Obj) -> Resources:
    return _list((c.get("resources") or {}).get("limits"))


def _add(total: Resources, more: Resources) -> None:
    for k, v in more.items():
        total[k] = total.get(k, Fraction(0)) + v


def _max(total: Resources, more: Resources) -> None:
    for k, v in more.items():
        if v > total.get(k, Fraction(0)):
            total[k] = v


def _pod_total(spec: Obj, per_container: Any) -> Resources:
    """The sum over containers and sidecars, or the largest init container (with the sidecars started before
    it), whichever is larger; plus the pod overhead."""
    total: Resources = {}
    for c in spec.get("containers") or []:
        _add(total, per_container(c))
    sidecars: Resources = {}
    init_peak: Resources = {}
    for c in spec.get("initContainers") or []:
        own = per_container(c)
        if c.get("restartPolicy") == "Always":
            _add(sidecars, own)
            _max(init_peak, sidecars)
        else:
            step = dict(sidecars)
            _add(step, own)
            _max(init_peak, step)
    _add(total, sidecars)
    _max(total, init_peak)
    _add(total, _list(spec.get("overhead")))
    return total


def pod_requests(spec: Obj) -> Resources:
    """What a pod requests of its node (and of a quota's requests.*)."""
    return _pod_total(spec, container_requests)


def pod_limits(spec: Obj) -> Resources:
    """A pod's limits as a quota's limits.* count them."""
    return _pod_total(spec, container_limits)


def has_resources(spec: Obj) -> bool:
    """Whether any container states a request or a limit (a fast path for the common BestEffort pod)."""
    for group in ("containers", "initContainers"):
        for c in spec.get(group) or ():
            res = c.get("resources")
            if res and (res.get("requests") or res.get("limits")):
                return True
    return bool(spec.get("overhead"))


def scheduling_requests(spec: Obj) -> tuple[int, int, int, int]:
    """(millicpu, memory bytes, and the same with the scheduler's non-zero defaults for scoring)."""
    if not has_resources(spec):
        n = max(1, len(spec.get("containers") or ()))
        return 0, 0, DEFAULT_MILLI_CPU * n, DEFAULT_MEMORY * n
    req = pod_requests(spec)
    cpu = quantity.milli(req.get(CPU, 0))
    mem = quantity.units(req.get(MEMORY, 0))
    nz_cpu = nz_mem = 0
    for c in spec.get("containers") or ():
        own = container_requests(c)
        nz_cpu += quantity.milli(own[CPU]) if CPU in own else DEFAULT_MILLI_CPU
        nz_mem += quantity.units(own[MEMORY]) if MEMORY in own else DEFAULT_MEMORY
    return cpu, mem, max(cpu, nz_cpu), max(mem, nz_mem)


def allocatable(node: Obj) -> Resources:
    """The node's allocatable resources (its capacity on kind, which reserves nothing)."""
    st = node.get("status") or {}
    return _list(st.get("allocatable") or st.get("capacity"))
