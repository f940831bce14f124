"""Pod admission about resources and priority: requests defaulted from limits, canonical quantities, the
Priority plugin (priorityClassName -> priority), LimitRanger, and the rule that a request may not exceed its
limit, in the API server's order (defaulting, mutating admission, validation)."""

from __future__ import annotations

from typing import Any, Iterator, Protocol

from . import errors, limitranger, podresources, quantity
from .quota import display_name

Obj = dict[str, Any]
SYSTEM_PRIORITY = {"system-node-critical": 2000001000, "system-cluster-critical": 2000000000}


class Store(Protocol):
    def items(self, kind: str, namespace: str | None = None) -> Iterator[Obj]: ...

    def find(self, kind: str, namespace: str | None, name: str) -> Obj | None: ...


def _containers(spec: Obj) -> list[tuple[str, int, Obj]]:
    return [(group, i, c) for group in ("containers", "initContainers")
            for i, c in enumerate(spec.get(group) or []) if isinstance(c, dict)]


def canonical_resources(spec: Obj | None, path: str = "spec") -> None:
    """Container requests and limits in canonical form (`0.5` -> `500m`); 422 for one that is not a quantity."""
    if not isinstance(spec, dict):
        return
    for group, i, c in _containers(spec):
        res = c.get("resources")
        if not isinstance(res, dict):
            continue
        for field in ("limits", "requests"):
            values = res.get(field)
            if not isinstance(values, dict):
                continue
            for name, q in list(values.items()):
                try:
                    values[name] = quantity.normalize(q)
                except quantity.QuantityError as e:
                    raise errors.bad_request(f'quantities must match the regular expression '
                                             f"'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' "
                                             f"({path}.{group}[{i}].resources.{field}.{name}: {q!r}): {e}") from None


def default_requests(spec: Obj) -> None:
    """A limit given without a request becomes the request too (the API server's Pod defaulting)."""
    for _, _, c in _containers(spec):
        res = c.get("resources") or {}
        limits = res.get("limits") or {}
        if not limits:
            continue
        requests = res.setdefault("requests", {})
        for name, q in limits.items():
            requests.setdefault(name, q)


def _priority(store: Store, pod: Obj) -> None:
    spec = pod["spec"]
    name = spec.get("priorityClassName")
    if not name:
        default = next((pc for pc in store.items("PriorityClass") if pc.get("globalDefault")), None)
        if default is None:
            return
        name = default["metadata"]["name"]
        spec["priorityClassName"] = name
    found = store.find("PriorityClass", None, name)
    if found is not None:
        spec["priority"] = int(found.get("value", 0))
        if found.get("preemptionPolicy"):
            spec["preemptionPolicy"] = found["preemptionPolicy"]
    elif name in SYSTEM_PRIORITY:
        spec["priority"] = SYSTEM_PRIORITY[name]
    else:
        pod_name = display_name(pod)
        raise errors.ApiError(403, "Forbidden", f'pods "{pod_name}" is forbidden: no PriorityClass with name '
                              f"{name} was found", {"name": pod_name, "kind": "pods"})


def _check_requests_within_limits(pod: Obj) -> None:
    causes = []
    for group, i, c in _containers(pod["spec"]):
        res = c.get("resources") or {}
        limits = res.get("limits") or {}
        for name, q in sorted((res.get("requests") or {}).items()):
            if name in limits and quantity.value(q) > quantity.value(limits[name]):
                causes.append(f'spec.{group}[{i}].resources.requests: Invalid value: "{q}": must be less than or '
                              f"equal to {name} limit of {limits[name]}")
    if causes:
        raise errors.invalid("Pod", pod["metadata"].get("name", ""), causes)


def admit(store: Store, pod: Obj) -> None:
    """Everything above, for a new pod (mutates it); ApiError 403 or 422 when the pod is refused."""
    spec = pod.get("spec")
    if not isinstance(spec, dict):
        return
    stated = podresources.has_resources(spec)
    if stated:
        canonical_resources(spec)
        default_requests(spec)
    _priority(store, pod)
    ranges = list(store.items("LimitRange", pod["metadata"].get("namespace")))  # in name order
    if ranges:
        limitranger.mutate(pod, ranges)
    if stated or ranges:
        _check_requests_within_limits(pod)
    if ranges:
        limitranger.validate(pod, ranges)
