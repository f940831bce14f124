"""Partial-object matching in the style of kuttl asserts: named fields must match, others are ignored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flashgen.kube.fieldpath import Path, format_path

# Operators usable where a value is expected, e.g. `restartPolicy: {$in: [OnFailure, Never]}`.
OPERATORS = ("$in", "$nin", "$ne", "$eq", "$gt", "$gte", "$lt", "$lte", "$between", "$regex",
             "$exists", "$contains", "$len", "$any")


@dataclass(frozen=True)
class Mismatch:
    """One difference between what a check expects and what the cluster holds."""

    path: str  # field path, e.g. spec.template.spec.restartPolicy ("" for the object itself)
    expected: str
    found: str


def is_operator(value: Any) -> bool:
    """A mapping whose keys are all operators (`$in`, `$gte`, ...)."""
    return isinstance(value, dict) and bool(value) and all(str(k).startswith("$") for k in value)


def show(value: Any) -> str:
    """A short, YAML-like rendering of a value for messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value) if value == "" or value.strip() != value else value
    if isinstance(value, dict):
        if is_operator(value):
            return " and ".join(_describe_operator(op, arg) for op, arg in value.items())
        inner = ", ".join(f"{k}: {show(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    return str(value)


def _describe_operator(op: str, arg: Any) -> str:
    words = {"$in": "one of", "$nin": "none of", "$ne": "not", "$eq": "", "$gt": ">", "$gte": ">=",
             "$lt": "<", "$lte": "<=", "$regex": "matching", "$contains": "a list containing",
             "$any": "a list with an item like"}
    if op == "$between":
        return f"between {show(arg[0])} and {show(arg[1])}"
    if op == "$exists":
        return "present" if arg else "absent"
    if op == "$len":
        return f"length {show(arg)}"
    return f"{words.get(op, op)} {show(arg)}".strip()


def as_number(value: Any) -> float | None:
    """Numbers and numeric strings (annotations such as the deployment revision) as floats."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def compare(left: Any, op: str, right: Any) -> bool:
    """`left op right` for ==, !=, >, >=, <, <= (numbers and numeric strings compare as numbers)."""
    ln, rn = as_number(left), as_number(right)
    if op in ("==", "!="):
        same = (ln == rn) if (ln is not None and rn is not None) else (left == right)
        return same if op == "==" else not same
    if ln is None or rn is None:
        return False
    return {">": ln > rn, ">=": ln >= rn, "<": ln < rn, "<=": ln <= rn}[op]


def scalar_equal(expected: Any, actual: Any) -> bool:
    """Equality where 3 == 3.0 but true != 1 and "3" != 3."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return float(expected) == float(actual)
    return expected == actual


def match(expected: Any, actual: Any, path: Path = ()) -> list[Mismatch]:
    """Every way `actual` differs from the partial object `expected` (empty when it matches)."""
    if is_operator(expected):
        return _match_operators(expected, actual, path)
    where = format_path(path)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [Mismatch(where, show(expected), show(actual))]
        out: list[Mismatch] = []
        for key, want in expected.items():
            child = path + (key,)
            if key not in actual:
                if is_operator(want) and want.get("$exists") is False:
                    continue
                out.extend(_absent(want, child))
                continue
            out.extend(match(want, actual[key], child))
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [Mismatch(where, show(expected), show(actual))]
        if len(expected) != len(actual):
            return [Mismatch(where, f"a list of {len(expected)} item(s)", f"{len(actual)} item(s): {show(actual)}")]
        out = []
        for index, (want, got) in enumerate(zip(expected, actual)):
            out.extend(match(want, got, path + (index,)))
        return out
    if not scalar_equal(expected, actual):
        return [Mismatch(where, show(expected), show(actual))]
    return []


def _absent(want: Any, path: Path) -> list[Mismatch]:
    """Mismatches for an expected field that is not set at all, named at its leaves."""
    if isinstance(want, dict) and want and not is_operator(want):
        out: list[Mismatch] = []
        for key, value in want.items():
            out.extend(_absent(value, path + (key,)))
        return out
    if is_operator(want) and want.get("$exists") is False:
        return []
    return [Mismatch(format_path(path), show(want), "nothing (the field is not set)")]


def _match_operators(spec: dict, actual: Any, path: Path) -> list[Mismatch]:
    where = format_path(path)
    out: list[Mismatch] = []
    for op, arg in spec.items():
        fail = Mismatch(where, _describe_operator(op, arg), show(actual))
        if op == "$exists":
            if (actual is not None) != bool(arg):
                out.append(fail)
        elif op == "$eq":
            out.extend(match(arg, actual, path))
        elif op == "$in":
            if not any(not match(choice, actual, path) for choice in arg):
                out.append(fail)
        elif op == "$nin":
            if any(not match(choice, actual, path) for choice in arg):
                out.append(fail)
        elif op == "$ne":
            if not match(arg, actual, path):
                out.append(fail)
        elif op in ("$gt", "$gte", "$lt", "$lte"):
            symbol = {"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}[op]
            if not compare(actual, symbol, arg):
                out.append(fail)
        elif op == "$between":
            if not (compare(actual, ">=", arg[0]) and compare(actual, "<=", arg[1])):
                out.append(fail)
        elif op == "$regex":
            if not isinstance(actual, str) or re.search(str(arg), actual) is None:
                out.append(fail)
        elif op == "$len":
            if not isinstance(actual, (list, dict, str)):
                out.append(fail)
            else:
                out.extend(Mismatch(where, f"length {m.expected}", f"length {len(actual)}")
                           for m in match(arg, len(actual), path))
        elif op == "$contains":
            if not isinstance(actual, list):
                out.append(fail)
                continue
            for want in arg:
                if not any(not match(want, got, path + (i,)) for i, got in enumerate(actual)):
                    out.append(Mismatch(where, f"an item like {show(want)}", show(_named(want, actual))))
        elif op == "$any":
            if not isinstance(actual, list) or not any(not match(arg, got, path + (i,)) for i, got in enumerate(actual)):
                out.append(Mismatch(where, fail.expected, show(_named(arg, actual))))
        else:
            out.append(Mismatch(where, f"a known operator instead of {op}", op))
    return out


def _named(pattern: Any, actual: Any) -> Any:
    """`actual` cut down to the fields `pattern` names (each item of a list), so that a message shows what the
    check looked at rather than every default the API server filled in."""
    if isinstance(actual, list):
        return [_named(pattern, item) for item in actual]
    if isinstance(pattern, dict) and not is_operator(pattern) and isinstance(actual, dict):
        return {key: _named(want, actual[key]) for key, want in pattern.items() if key in actual}
    return actual


def validate_pattern(expected: Any, path: Path = ()) -> list[tuple[Path, str]]:
    """Problems in an assert pattern itself (unknown operators, bad arguments), each with its path."""
    problems: list[tuple[Path, str]] = []
    if isinstance(expected, dict):
        for key, value in expected.items():
            child = path + (key,)
            if str(key).startswith("$"):
                if key not in OPERATORS:
                    problems.append((child, f"unknown operator {key}; known: {', '.join(OPERATORS)}"))
                elif key in ("$in", "$nin", "$contains") and not isinstance(value, list):
                    problems.append((child, f"{key} needs a list"))
                elif key == "$between" and not (isinstance(value, list) and len(value) == 2):
                    problems.append((child, "$between needs a list of two values [low, high]"))
                elif key == "$regex":
                    try:
                        re.compile(str(value))
                    except re.error as exc:
                        problems.append((child, f"bad regular expression: {exc}"))
                elif key in ("$gt", "$gte", "$lt", "$lte") and as_number(value) is None:
                    problems.append((child, f"{key} needs a number"))
                if key in ("$in", "$nin", "$contains") and isinstance(value, list):
                    for i, item in enumerate(value):
                        problems.extend(validate_pattern(item, child + (i,)))
                elif key in ("$eq", "$any", "$ne", "$len"):
                    problems.extend(validate_pattern(value, child))
            else:
                problems.extend(validate_pattern(value, child))
        mixed = [k for k in expected if str(k).startswith("$")]
        if mixed and len(mixed) != len(expected):
            problems.append((path, "a mapping mixes operators ($...) with field names"))
    elif isinstance(expected, list):
        for i, item in enumerate(expected):
            problems.extend(validate_pattern(item, path + (i,)))
    return problems
