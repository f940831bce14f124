"""Field selectors (`metadata.name=web`, `involvedObject.uid=...,status.phase!=Running`) and label selectors."""

from __future__ import annotations

from typing import Any, Callable

from flashgen.sim import errors, selectors

Obj = dict[str, Any]


def _value(obj: Obj, path: str) -> str:
    cur: Any = obj
    for part in path.split("."):
        if not isinstance(cur, dict):
            return ""
        cur = cur.get(part)
    if cur is None:
        return ""
    if isinstance(cur, bool):
        return "true" if cur else "false"
    return str(cur)


def field_matcher(selector: str | None) -> Callable[[Obj], bool]:
    """A matcher for a field selector; ApiError 400 when it cannot be parsed."""
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
    return lambda obj: all((_value(obj, k) == v) == eq for k, eq, v in reqs)


def label_matcher(selector: str | None) -> Callable[[Obj], bool]:
    """A matcher for a label selector string; ApiError 400 when it cannot be parsed."""
    if not selector:
        return lambda obj: True
    try:
        match = selectors.parse(selector)
    except ValueError as e:
        raise errors.bad_request(str(e)) from None
    return lambda obj: bool(match(obj["metadata"].get("labels") or {}))
