"""ResourceQuota: what an object counts against a quota (its usage), which quotas match it (scopes), and the
admission check that refuses a create with the API server's 403 and reserves the usage in status.used."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Iterator, Protocol

from . import errors, kinds, podresources, quantity
from .defaults import qos_class

Obj = dict[str, Any]
Usage = dict[str, tuple[Fraction, str]]  # resource name -> (value, quantity format for printing)
COUNTED = {"Pod": "pods", "Service": "services", "ConfigMap": "configmaps", "Secret": "secrets",
           "PersistentVolumeClaim": "persistentvolumeclaims", "ReplicationController": "replicationcontrollers",
           "ResourceQuota": "resourcequotas"}
# resources a pod must state in every container when a quota limits them
MUST_SPECIFY = ("cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory")
STORAGE_CLASS = ".storageclass.storage.k8s.io/"


class Store(Protocol):
    """What quota admission reads and writes."""

    def items(self, kind: str, namespace: str | None = None) -> Iterator[Obj]: ...

    def write(self, obj: Obj) -> bool: ...


def _one() -> tuple[Fraction, str]:
    return Fraction(1), "DecimalSI"


def counts_pod(pod: Obj, now: float | None = None) -> bool:
    """Whether a pod still counts for compute quota (not finished, not past its deletion grace period)."""
    if (pod.get("status") or {}).get("phase") in ("Succeeded", "Failed"):
        return False
    meta = pod.get("metadata") or {}
    if now is not None and meta.get("deletionTimestamp") and meta.get("deletionGracePeriodSeconds") is not None:
        from .timefmt import parse_rfc3339
        if now > parse_rfc3339(meta["deletionTimestamp"]) + float(meta["deletionGracePeriodSeconds"]):
            return False
    return True


def _formats(spec: Obj, field: str) -> dict[str, str]:
    """The quantity format of each resource as first written in the containers (binary for `Mi`, ...)."""
    out: dict[str, str] = {}
    for group in ("containers", "initContainers"):
        for c in spec.get(group) or []:
            for name, q in (((c.get("resources") or {}).get(field)) or {}).items():
                if name not in out:
                    try:
                        out[name] = quantity.parse(q)[1]
                    except quantity.QuantityError:
                        pass
    return out


def pod_usage(pod: Obj, now: float | None = None) -> Usage:
    spec = pod.get("spec") or {}
    out: Usage = {"count/pods": _one()}
    if not counts_pod(pod, now):
        return out
    out["pods"] = _one()
    req_fmt = _formats(spec, "requests")
    lim_fmt = _formats(spec, "limits")
    for name, v in podresources.pod_requests(spec).items():
        fmt = req_fmt.get(name) or lim_fmt.get(name, "DecimalSI")
        out[f"requests.{name}"] = (v, fmt)
        if name in ("cpu", "memory", "ephemeral-storage"):
            out[name] = (v, fmt)
    for name, v in podresources.pod_limits(spec).items():
        out[f"limits.{name}"] = (v, lim_fmt.get(name, "DecimalSI"))
    return out


def usage(obj: Obj, now: float | None = None) -> Usage:
    """What an object counts against quotas: its object count and, for pods, services and claims, more."""
    kind = obj.get("kind", "")
    k = kinds.BY_KIND.get(kind)
    if k is None:
        return {}
    if kind == "Pod":
        return pod_usage(obj, now)
    out: Usage = {f"count/{k.resource}": _one()}
    if kind in COUNTED:
        out[COUNTED[kind]] = _one()
    spec = obj.get("spec") or {}
    if kind == "Service":
        if spec.get("type") in ("NodePort", "LoadBalancer"):
            out["services.nodeports"] = (Fraction(len(spec.get("ports") or [])), "DecimalSI")
        if spec.get("type") == "LoadBalancer":
            out["services.loadbalancers"] = _one()
    if kind == "PersistentVolumeClaim":
        storage = ((spec.get("resources") or {}).get("requests") or {}).get("storage")
        sc = spec.get("storageClassName")
        if sc:
            out[f"{sc}{STORAGE_CLASS}persistentvolumeclaims"] = _one()
        if storage is not None:
            try:
                v = quantity.parse(storage)
                out["requests.storage"] = v
                if sc:
                    out[f"{sc}{STORAGE_CLASS}requests.storage"] = v
            except quantity.QuantityError:
                pass
    return out


def _scope_matches(scope: str, op: str, values: list[str], pod: Obj) -> bool:
    spec = pod.get("spec") or {}
    if scope == "Terminating":
        return spec.get("activeDeadlineSeconds") is not None
    if scope == "NotTerminating":
        return spec.get("activeDeadlineSeconds") is None
    if scope == "BestEffort":
        return qos_class(spec) == "BestEffort"
    if scope == "NotBestEffort":
        return qos_class(spec) != "BestEffort"
    if scope == "PriorityClass":
        name = spec.get("priorityClassName")
        return {"In": name in values, "NotIn": name not in values, "Exists": bool(name),
                "DoesNotExist": not name}.get(op, False)
    return False


def matches(rq: Obj, obj: Obj) -> bool:
    """Whether a quota's scopes select the object (a quota with scopes counts only pods)."""
    spec = rq.get("spec") or {}
    scopes = [(s, "Exists", []) for s in spec.get("scopes") or []]
    scopes += [(e.get("scopeName", ""), e.get("operator", "Exists"), e.get("values") or [])
               for e in ((spec.get("scopeSelector") or {}).get("matchExpressions") or [])]
    if not scopes:
        return True
    return obj.get("kind") == "Pod" and all(_scope_matches(s, op, vals, obj) for s, op, vals in scopes)


def hard_of(rq: Obj) -> Obj:
    return ((rq.get("status") or {}).get("hard")) or ((rq.get("spec") or {}).get("hard")) or {}


def _tracked(hard: Obj, use: Usage, kind: str) -> list[str]:
    """The quota's resources this kind of object can count against."""
    if kind == "Pod":
        return [r for r in hard if r in use or r in MUST_SPECIFY or r in ("pods", "count/pods")
                or r.startswith(("requests.", "limits."))]
    return [r for r in hard if r in use]


def _must_specify(pod: Obj, hard: Obj) -> str | None:
    spec = pod.get("spec") or {}
    missing: dict[str, list[str]] = {}
    required = [r for r in MUST_SPECIFY if r in hard]
    for c in (spec.get("containers") or []) + (spec.get("initContainers") or []):
        req = podresources.container_requests(c)
        lim = podresources.container_limits(c)
        for r in required:
            name = r.split(".")[-1]
            have = lim if r.startswith("limits.") else req
            if name not in have:
                missing.setdefault(r, []).append(c.get("name", ""))
    if not missing:
        return None
    return "must specify " + "; ".join(f"{r} for: {','.join(names)}" for r, names in sorted(missing.items()))


def show(values: dict[str, tuple[Fraction, str]]) -> str:
    """prettyPrint of a resource list: `limits.cpu=2,limits.memory=2Gi`."""
    return ",".join(f"{k}={quantity.canonical(v, fmt)}" for k, (v, fmt) in sorted(values.items()))


def display_name(obj: Obj) -> str:
    """The name admission messages give an object: its generateName while the name is the one generated from it
    (the API server's admission runs before the name is generated)."""
    meta = obj.get("metadata") or {}
    gen = meta.get("generateName")
    name = meta.get("name", "")
    return gen if gen and name.startswith(gen) and len(name) == len(gen) + 5 else name


def parse_list(values: Obj | None) -> Usage:
    out: Usage = {}
    for k, q in (values or {}).items():
        try:
            out[k] = quantity.parse(q)
        except quantity.QuantityError:
            continue
    return out


def admit(store: Store, obj: Obj, resource: str, now: float | None = None) -> None:
    """Check a new object against its namespace's quotas: 403 when one is exceeded or a pod leaves out a
    resource a quota limits; otherwise add its usage to each matching quota's status.used."""
    ns = (obj.get("metadata") or {}).get("namespace")
    if not ns:
        return
    quotas = list(store.items("ResourceQuota", ns))
    if not quotas:
        return
    use = usage(obj, now)
    name = display_name(obj)
    updates: list[Obj] = []
    for rq in sorted(quotas, key=lambda q: q["metadata"]["name"]):
        if not matches(rq, obj):
            continue
        hard = parse_list(hard_of(rq))
        tracked = _tracked(hard, use, obj.get("kind", ""))
        if not tracked:
            continue
        forbidden: Callable[[str], errors.ApiError] = lambda text: errors.ApiError(  # noqa: E731
            403, "Forbidden", f'{resource} "{name}" is forbidden: {text}', {"name": name, "kind": resource})
        if obj.get("kind") == "Pod":
            problem = _must_specify(obj, hard)
            if problem:
                raise forbidden(f"failed quota: {rq['metadata']['name']}: {problem}")
        delta = {r: use[r] for r in tracked if r in use and use[r][0] != 0}
        if not delta:
            continue
        used = parse_list((rq.get("status") or {}).get("used"))
        zero = (Fraction(0), "DecimalSI")
        new = {r: (used.get(r, zero)[0] + v, hard[r][1]) for r, (v, _) in delta.items()}
        exceeded = sorted(r for r in delta if new[r][0] > hard[r][0])
        if exceeded:
            raise forbidden(f"exceeded quota: {rq['metadata']['name']}, "
                            f"requested: {show({r: delta[r] for r in exceeded})}, "
                            f"used: {show({r: used[r] for r in exceeded if r in used})}, "
                            f"limited: {show({r: hard[r] for r in exceeded})}")
        status = dict(rq.get("status") or {})
        status["used"] = dict(status.get("used") or {})
        for r, (_, fmt) in hard.items():
            status["used"][r] = quantity.canonical((new.get(r) or used.get(r) or zero)[0], fmt)
        updates.append(dict(rq, status=status))
    for rq in updates:
        store.write(rq)


def compute_used(store: Store, rq: Obj, now: float | None = None) -> dict[str, str]:
    """status.used recounted from the objects in the quota's namespace, in the format of each hard limit."""
    ns = rq["metadata"].get("namespace")
    hard = parse_list(hard_of(rq))
    wanted: set[str] = set()
    for r in hard:
        if r in ("pods", "count/pods") or r in MUST_SPECIFY or r.startswith(("requests.", "limits.")) or \
                r in ("ephemeral-storage",):
            wanted.add("Pod")
        if r.startswith("count/"):
            resource = r[len("count/"):]
            wanted.update(k.kind for k in kinds.KINDS if k.resource == resource and k.namespaced)
        wanted.update(kind for kind, name in COUNTED.items() if name == r)
        if r.startswith("services."):
            wanted.add("Service")
        if r == "requests.storage" or STORAGE_CLASS in r:
            wanted.add("PersistentVolumeClaim")
    totals = {r: Fraction(0) for r in hard}
    for kind in sorted(wanted):
        for obj in store.items(kind, ns):
            if not matches(rq, obj):
                continue
            for r, (v, _) in usage(obj, now).items():
                if r in totals:
                    totals[r] += v
    return {r: quantity.canonical(totals[r], hard[r][1]) for r in hard}
