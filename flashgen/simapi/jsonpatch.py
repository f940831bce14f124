"""JSON Patch (RFC 6902: add, remove, replace, move, copy, test), as `kubectl rollout undo` and
`kubectl patch --type json` send."""

from __future__ import annotations

import copy
from typing import Any

from flashgen.sim import errors


def _pointer(path: str) -> list[str]:
    if path == "":
        return []
    if not path.startswith("/"):
        raise errors.bad_request(f"the JSON patch path {path!r} must start with /")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def _parent(doc: Any, parts: list[str], path: str) -> Any:
    cur = doc
    for p in parts[:-1]:
        if isinstance(cur, dict) and p in cur:
            cur = cur[p]
        elif isinstance(cur, list) and p.isdigit() and int(p) < len(cur):
            cur = cur[int(p)]
        else:
            raise errors.ApiError(422, "Invalid", f"the JSON patch path {path!r} does not exist")
    return cur


def _get(doc: Any, path: str) -> Any:
    parts = _pointer(path)
    if not parts:
        return doc
    parent = _parent(doc, parts, path)
    last = parts[-1]
    if isinstance(parent, dict) and last in parent:
        return parent[last]
    if isinstance(parent, list) and last.isdigit() and int(last) < len(parent):
        return parent[int(last)]
    raise errors.ApiError(422, "Invalid", f"the JSON patch path {path!r} does not exist")


def _remove(doc: Any, path: str) -> Any:
    parts = _pointer(path)
    parent = _parent(doc, parts, path)
    last = parts[-1]
    if isinstance(parent, dict) and last in parent:
        return parent.pop(last)
    if isinstance(parent, list) and last.isdigit() and int(last) < len(parent):
        return parent.pop(int(last))
    raise errors.ApiError(422, "Invalid", f"the JSON patch path {path!r} does not exist")


def _add(doc: Any, path: str, value: Any, replace: bool = False) -> Any:
    parts = _pointer(path)
    if not parts:
        return copy.deepcopy(value)
    parent = _parent(doc, parts, path)
    last = parts[-1]
    if isinstance(parent, dict):
        if replace and last not in parent:
            raise errors.ApiError(422, "Invalid", f"the JSON patch path {path!r} does not exist")
        parent[last] = copy.deepcopy(value)
    elif isinstance(parent, list):
        idx = len(parent) if last == "-" else int(last) if last.isdigit() else -1
        if idx < 0 or idx > len(parent) or (replace and idx >= len(parent)):
            raise errors.ApiError(422, "Invalid", f"the JSON patch path {path!r} does not exist")
        if replace:
            parent[idx] = copy.deepcopy(value)
        else:
            parent.insert(idx, copy.deepcopy(value))
    else:
        raise errors.ApiError(422, "Invalid", f"the JSON patch path {path!r} does not exist")
    return doc


def apply(doc: Any, operations: Any) -> Any:
    """The document after the operations; ApiError 400/422 when the patch is malformed or does not apply."""
    if not isinstance(operations, list):
        raise errors.bad_request("a JSON patch must be a list of operations")
    out = copy.deepcopy(doc)
    for op in operations:
        if not isinstance(op, dict) or "op" not in op or "path" not in op:
            raise errors.bad_request(f"invalid JSON patch operation: {op!r}")
        kind, path = op["op"], op["path"]
        if kind == "add":
            out = _add(out, path, op.get("value"))
        elif kind == "remove":
            _remove(out, path)
        elif kind == "replace":
            out = _add(out, path, op.get("value"), replace=True)
        elif kind == "move":
            value = _remove(out, op.get("from", ""))
            out = _add(out, path, value)
        elif kind == "copy":
            out = _add(out, path, _get(out, op.get("from", "")))
        elif kind == "test":
            if _get(out, path) != op.get("value"):
                raise errors.ApiError(422, "Invalid", f"the JSON patch test failed at {path!r}")
        else:
            raise errors.bad_request(f"unknown JSON patch operation {kind!r}")
    return out
