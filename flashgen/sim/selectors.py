"""Label selectors: matchLabels/matchExpressions and the string form `app=web,tier!=db,env in (a,b)`."""

from __future__ import annotations

import re
from typing import Any, Callable

Labels = dict[str, str]
Matcher = Callable[[Labels], bool]


def from_label_selector(selector: dict[str, Any] | None) -> Matcher:
    """A matcher for a metav1 LabelSelector; an empty selector matches everything, None matches nothing."""
    if selector is None:
        return lambda labels: False
    reqs: list[Matcher] = []
    for k, v in (selector.get("matchLabels") or {}).items():
        reqs.append(lambda labels, k=k, v=v: labels.get(k) == v)
    for expr in selector.get("matchExpressions") or []:
        reqs.append(_expression(expr["key"], expr["operator"], expr.get("values") or []))
    return lambda labels: all(r(labels or {}) for r in reqs)


def from_map(selector: dict[str, str] | None) -> Matcher:
    """A matcher for a plain map selector (Services, ReplicationControllers); empty or None matches nothing."""
    if not selector:
        return lambda labels: False
    return lambda labels: all((labels or {}).get(k) == v for k, v in selector.items())


def _expression(key: str, op: str, values: list[str]) -> Matcher:
    if op == "In":
        return lambda labels: key in labels and labels[key] in values
    if op == "NotIn":
        return lambda labels: key not in labels or labels[key] not in values
    if op == "Exists":
        return lambda labels: key in labels
    if op == "DoesNotExist":
        return lambda labels: key not in labels
    raise ValueError(f"unknown selector operator {op!r}")


_SET_RE = re.compile(r"^\s*(!?)\s*([A-Za-z0-9./_-]+)\s*(?:(notin|in)\s*\(([^)]*)\))?\s*$")
_EQ_RE = re.compile(r"^\s*([A-Za-z0-9./_-]+)\s*(==|=|!=)\s*([A-Za-z0-9._-]*)\s*$")


def _split_top(text: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return parts


def parse(text: str | None) -> Matcher:
    """A matcher for kubectl's `-l` syntax; ValueError on bad syntax."""
    if not text or not text.strip():
        return lambda labels: True
    reqs: list[Matcher] = []
    for part in _split_top(text):
        m = _EQ_RE.match(part)
        if m:
            key, op, value = m.groups()
            if op == "!=":
                reqs.append(lambda labels, k=key, v=value: labels.get(k) != v)
            else:
                reqs.append(lambda labels, k=key, v=value: labels.get(k) == v)
            continue
        m = _SET_RE.match(part)
        if m:
            neg, key, op, values = m.groups()
            if op:
                vals = [v.strip() for v in values.split(",") if v.strip()]
                reqs.append(_expression(key, "In" if op == "in" else "NotIn", vals))
            else:
                reqs.append(_expression(key, "DoesNotExist" if neg else "Exists", []))
            continue
        raise ValueError(f"unable to parse requirement: {part.strip()!r}")
    return lambda labels: all(r(labels or {}) for r in reqs)


def to_string(selector: dict[str, Any] | None) -> str:
    """kubectl's printed form of a LabelSelector: `app=web,tier in (a,b)`."""
    if not selector:
        return "<none>"
    parts = [f"{k}={v}" for k, v in sorted((selector.get("matchLabels") or {}).items())]
    for e in selector.get("matchExpressions") or []:
        op, key, vals = e["operator"], e["key"], ",".join(e.get("values") or [])
        parts.append({"In": f"{key} in ({vals})", "NotIn": f"{key} notin ({vals})",
                      "Exists": key, "DoesNotExist": f"!{key}"}[op])
    return ",".join(parts) if parts else "<none>"
