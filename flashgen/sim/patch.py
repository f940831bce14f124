"""JSON merge patch (RFC 7386) and strategic merge patch for the common Kubernetes lists."""

from __future__ import annotations

import copy
from typing import Any

# list field name -> merge key, for strategic merge; lists not named here are replaced whole.
MERGE_KEYS: dict[str, str] = {
    "containers": "name", "initContainers": "name", "ephemeralContainers": "name", "env": "name",
    "volumes": "name", "volumeMounts": "mountPath", "imagePullSecrets": "name", "conditions": "type",
    "volumeClaimTemplates": "name", "hostAliases": "ip", "topologySpreadConstraints": "topologyKey",
}


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386: maps merge recursively, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = copy.deepcopy(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge_patch(out.get(k), v)
    return out


def _merge_key(field: str, parent_path: tuple[str, ...]) -> str | None:
    if field == "ports":
        # container ports merge by containerPort, service ports by port
        return "containerPort" if "containers" in parent_path or "initContainers" in parent_path else "port"
    return MERGE_KEYS.get(field)


def strategic_merge_patch(target: Any, patch: Any, path: tuple[str, ...] = ()) -> Any:
    """Strategic merge: like a merge patch, but keyed lists merge item by item and honour `$patch: delete`."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = copy.deepcopy(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if k.startswith("$"):
            continue
        if v is None:
            out.pop(k, None)
            continue
        key = _merge_key(k, path) if isinstance(v, list) else None
        if key and isinstance(out.get(k), list) and all(isinstance(x, dict) for x in v):
            out[k] = _merge_list(out[k], v, key, path + (k,))
        else:
            out[k] = strategic_merge_patch(out.get(k), v, path + (k,))
    return out


def _merge_list(current: list[Any], patch: list[Any], key: str, path: tuple[str, ...]) -> list[Any]:
    result = [copy.deepcopy(x) for x in current]
    for item in patch:
        k = item.get(key)
        idx = next((i for i, x in enumerate(result) if isinstance(x, dict) and x.get(key) == k), None)
        if item.get("$patch") == "delete":
            if idx is not None:
                del result[idx]
        elif idx is None:
            result.append({a: b for a, b in item.items() if not a.startswith("$")})
        else:
            result[idx] = strategic_merge_patch(result[idx], item, path)
    return result


def apply_merge(live: Any, desired: Any, last_applied: Any, path: tuple[str, ...] = ()) -> Any:
    """`kubectl apply` for an existing object: the desired manifest wins, fields only the server set survive,
    and fields that were in the last applied manifest but are gone from the new one are removed."""
    if not isinstance(desired, dict) or not isinstance(live, dict):
        if isinstance(desired, list) and isinstance(live, list):
            return _apply_list(live, desired, last_applied if isinstance(last_applied, list) else [], path)
        return copy.deepcopy(desired)
    out = copy.deepcopy(live)
    last = last_applied if isinstance(last_applied, dict) else {}
    for k in last:
        if k not in desired:
            out.pop(k, None)
    for k, v in desired.items():
        out[k] = apply_merge(out.get(k), v, last.get(k), path + (k,))
    return out


def _apply_list(live: list[Any], desired: list[Any], last: list[Any], path: tuple[str, ...]) -> list[Any]:
    """Keyed lists merge item by item; items the server added (never in the last applied list) are kept."""
    key = _merge_key(path[-1], path[:-1]) if path else None
    if not key or not all(isinstance(x, dict) for x in desired + live):
        return copy.deepcopy(desired)
    live_by_key = {x.get(key): x for x in live}
    last_by_key = {x.get(key): x for x in last if isinstance(x, dict)}
    wanted = {d.get(key) for d in desired}
    out = [apply_merge(live_by_key[d.get(key)], d, last_by_key.get(d.get(key), {}), path)
           if d.get(key) in live_by_key else copy.deepcopy(d) for d in desired]
    out += [copy.deepcopy(x) for x in live if x.get(key) not in wanted and x.get(key) not in last_by_key]
    return out
