"""The LimitRanger admission plugin: a namespace's LimitRanges fill in containers' default requests and limits
and enforce min, max and maxLimitRequestRatio per Container and per Pod; also the LimitRange defaulting."""

from __future__ import annotations

from typing import Any, Iterable

from . import errors, podresources, quantity
from .quota import display_name

Obj = dict[str, Any]
ANNOTATION = "kubernetes.io/limit-ranger"


def default_item(item: Obj) -> None:
    """The API server's defaulting of a Container item: default from max, defaultRequest from default or min."""
    if item.get("type") != "Container":
        return
    default = item.setdefault("default", {})
    request = item.setdefault("defaultRequest", {})
    for k, v in (item.get("max") or {}).items():
        default.setdefault(k, v)
    for k, v in default.items():
        request.setdefault(k, v)
    for k, v in (item.get("min") or {}).items():
        request.setdefault(k, v)
    if not default:
        del item["default"]
    if not request:
        del item["defaultRequest"]


def normalize(lr: Obj) -> None:
    """Defaults and canonical quantities of a LimitRange's items."""
    for item in ((lr.get("spec") or {}).get("limits") or []):
        if not isinstance(item, dict):
            continue
        default_item(item)
        for field in ("min", "max", "default", "defaultRequest", "maxLimitRequestRatio"):
            values = item.get(field)
            if isinstance(values, dict):
                for k, v in list(values.items()):
                    try:
                        values[k] = quantity.normalize(v)
                    except quantity.QuantityError:
                        pass


def _merge(c: Obj, limits: Obj, requests: Obj, prefix: str) -> list[str]:
    res = c.setdefault("resources", {})
    have_limits = res.setdefault("limits", {})
    have_requests = res.setdefault("requests", {})
    set_limits = [k for k in limits if k not in have_limits]
    set_requests = [k for k in requests if k not in have_requests]
    for k in set_limits:
        have_limits[k] = limits[k]
    for k in set_requests:
        have_requests[k] = requests[k]
    for key in ("limits", "requests"):
        if not res[key]:
            del res[key]
    out = []
    if set_requests:
        out.append(", ".join(sorted(set_requests)) + f" request for {prefix} {c.get('name', '')}")
    if set_limits:
        out.append(", ".join(sorted(set_limits)) + f" limit for {prefix} {c.get('name', '')}")
    return out


def mutate(pod: Obj, ranges: Iterable[Obj]) -> None:
    """Fill in the Container defaults of every LimitRange and note what was set in the pod's annotation."""
    spec = pod.get("spec") or {}
    notes: list[str] = []
    for lr in ranges:
        limits: Obj = {}
        requests: Obj = {}
        for item in (lr.get("spec") or {}).get("limits") or []:
            if item.get("type") == "Container":
                limits.update(item.get("default") or {})
                requests.update(item.get("defaultRequest") or {})
        if not limits and not requests:
            continue
        for c in spec.get("containers") or []:
            notes += _merge(c, limits, requests, "container")
        for c in spec.get("initContainers") or []:
            notes += _merge(c, limits, requests, "init container")
    if notes:
        pod.setdefault("metadata", {}).setdefault("annotations", {})[ANNOTATION] = \
            "LimitRanger plugin set: " + "; ".join(notes)


def _text(values: Obj, name: str) -> str:
    return quantity.normalize(values[name])


def _min(kind: str, name: str, enforced: Any, req: Obj, lim: Obj) -> str | None:
    want = quantity.value(enforced)
    shown = quantity.normalize(enforced)
    if name not in req:
        return f"minimum {name} usage per {kind} is {shown}.  No request is specified."
    if quantity.value(req[name]) < want:
        return f"minimum {name} usage per {kind} is {shown}, but request is {_text(req, name)}."
    if name in lim and quantity.value(lim[name]) < want:
        return f"minimum {name} usage per {kind} is {shown}, but limit is {_text(lim, name)}."
    return None


def _max(kind: str, name: str, enforced: Any, req: Obj, lim: Obj) -> str | None:
    want = quantity.value(enforced)
    shown = quantity.normalize(enforced)
    if name not in lim:
        return f"maximum {name} usage per {kind} is {shown}.  No limit is specified."
    if quantity.value(lim[name]) > want:
        return f"maximum {name} usage per {kind} is {shown}, but limit is {_text(lim, name)}."
    return None


def _ratio(kind: str, name: str, enforced: Any, req: Obj, lim: Obj) -> str | None:
    shown = quantity.normalize(enforced)
    if name not in req or quantity.value(req[name]) == 0:
        return (f"{name} max limit to request ratio per {kind} is {shown}, but no request is specified or request "
                "is 0.")
    if name not in lim or quantity.value(lim[name]) == 0:
        return f"{name} max limit to request ratio per {kind} is {shown}, but no limit is specified or limit is 0."
    observed = quantity.value(lim[name]) / quantity.value(req[name])
    if observed > quantity.value(enforced):
        return f"{name} max limit to request ratio per {kind} is {shown}, but provided ratio is {float(observed):f}."
    return None


def _check(kind: str, item: Obj, req: Obj, lim: Obj) -> list[str]:
    out = []
    for field, fn in (("min", _min), ("max", _max), ("maxLimitRequestRatio", _ratio)):
        for name, enforced in sorted((item.get(field) or {}).items()):
            problem = fn(kind, name, enforced, req, lim)
            if problem:
                out.append(problem)
    return out


def _pod_totals(spec: Obj) -> tuple[Obj, Obj]:
    """A pod's requests and limits as one list each (a resource some container leaves out has no pod total)."""
    containers = (spec.get("containers") or []) + (spec.get("initContainers") or [])
    req = {k: quantity.canonical(v) for k, v in podresources.pod_requests(spec).items()
           if all(k in podresources.container_requests(c) for c in containers)}
    lim = {k: quantity.canonical(v) for k, v in podresources.pod_limits(spec).items()
           if all(k in podresources.container_limits(c) for c in containers)}
    return req, lim


def validate(pod: Obj, ranges: Iterable[Obj]) -> None:
    """ApiError 403 with every min/max/ratio the pod breaks."""
    spec = pod.get("spec") or {}
    problems: list[str] = []
    for lr in ranges:
        for item in (lr.get("spec") or {}).get("limits") or []:
            if item.get("type") == "Container":
                for c in (spec.get("containers") or []) + (spec.get("initContainers") or []):
                    res = c.get("resources") or {}
                    problems += _check("Container", item, res.get("requests") or {}, res.get("limits") or {})
            elif item.get("type") == "Pod":
                req, lim = _pod_totals(spec)
                problems += _check("Pod", item, req, lim)
    if problems:
        text = problems[0] if len(problems) == 1 else "[" + ", ".join(problems) + "]"
        name = display_name(pod)
        raise errors.ApiError(403, "Forbidden", f'pods "{name}" is forbidden: {text}',
                              {"name": name, "kind": "pods"})
