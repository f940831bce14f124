"""Field selectors (`metadata.name=web`, `involvedObject.uid=...,status.phase!=Running`) and label selectors."""

from __future__ import annotations

from typing import Any, Callable

from flashgen.sim import errors, selectors

Obj = dict[str, Any]


META = ("metadata.name", "metadata.namespace")
# the field labels each kind's API answers for (the others: metadata.name and metadata.namespace only)
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "Pod": META + ("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                   "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName"),
    "Event": META + ("involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                     "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
                     "reason", "reportingComponent", "source", "type"),
    "Secret": META + ("type",), "Namespace": ("metadata.name", "status.phase"),
    "Node": ("metadata.name", "spec.unschedulable"), "ReplicaSet": META + ("status.replicas",),
    "ReplicationController": META + ("status.replicas",), "Job": META + ("status.successful",),
    "Service": META + ("spec.clusterIP", "spec.type"),
}


def _refusal(kind: str, label: str) -> str:
    """The API server's message for a field label a kind does not answer for (it differs between APIs)."""
    if kind == "Job":
        return f'field label "{label}" not supported for batchv1.Job'
    if kind in FIELD_LABELS:
        return f"field label not supported: {label}"
    return f'"{label}" is not a known field selector: only "metadata.name", "metadata.namespace"'

# field labels whose value is read elsewhere in the object, or defaults when absent
_PATHS = {"status.successful": "status.succeeded", "source": "source.component"}
_DEFAULTS = {"spec.hostNetwork": "false", "spec.unschedulable": "false", "status.replicas": "0",
             "status.successful": "0"}


def _value(obj: Obj, path: str) -> str:
    cur: Any = obj
    for part in path.split("."):
        if not isinstance(cur, dict):
            return ""
        cur = cur.get(part)
    if cur is None:
        return _DEFAULTS.get(path, "")
    if isinstance(cur, bool):
        return "true" if cur else "false"
    return str(cur)


def field_matcher(selector: str | None, kind: str | None = None) -> Callable[[Obj], bool]:
    """A matcher for a field selector; ApiError 400 when it cannot be parsed, or (when the kind is given)
    names a field label that kind's API does not answer for (`field label not supported: spec.foo` for pods)."""
    if not selector:
        return lambda obj: True
    reqs: list[tuple[str, bool, str]] = []
    for term in selector.split(","):
        term = term.strip()
        if not term:
            continue
        if "!=" in term:
            key, value = term.split("!=", 1)
            reqs.append((key.strip(), False, value.strip()))
        elif "==" in term:
            key, value = term.split("==", 1)
            reqs.append((key.strip(), True, value.strip()))
        elif "=" in term:
            key, value = term.split("=", 1)
            reqs.append((key.strip(), True, value.strip()))
        else:
            raise errors.bad_request(f'invalid field selector: "{term}": expected an operator (=, == or !=)')
    if kind is not None:
        for key, _, _ in reqs:
            if key not in FIELD_LABELS.get(kind, META):
                raise errors.bad_request(_refusal(kind, key))

    def value(obj: Obj, key: str) -> str:
        if key == "status.podIPs":
            return ",".join(p.get("ip", "") for p in (obj.get("status") or {}).get("podIPs") or [])
        got = _value(obj, _PATHS.get(key, key))
        return got if got or key not in _PATHS else _DEFAULTS.get(key, "")

    def matches(obj: Obj, key: str, eq: bool, want: str) -> bool:
        got = value(obj, key)
        found = want in got.split(",") if key == "status.podIPs" else got == want
        return found == eq
    return lambda obj: all(matches(obj, k, eq, v) for k, eq, v in reqs)


def label_matcher(selector: str | None) -> Callable[[Obj], bool]:
    """A matcher for a label selector string; ApiError 400 when it cannot be parsed."""
    if not selector:
        return lambda obj: True
    try:
        match = selectors.parse(selector)
    except ValueError as e:
        raise errors.bad_request(str(e)) from None
    return lambda obj: bool(match(obj["metadata"].get("labels") or {}))
