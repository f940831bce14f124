"""The build cache's format: JSON of plain values plus flashgen's own dataclasses and enums, read back without
running any code (no pickle): a planted or damaged cache file can at worst be refused."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import enum
import json
import sys
from functools import cache
from typing import Any, Callable

MARK = "\x00"  # the key of a tagged object; a plain dict with a key starting with it is written tagged too
_PLAIN = (str, int, float, bool, type(None))


class CodecError(ValueError):
    """A value the cache cannot hold, or text that is not a cache written by this codec."""


def _name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


@cache
def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def to_plain(value: Any) -> Any:
    """`value` as JSON-ready data; CodecError for a type the cache does not hold."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple:
        return {MARK: "t", "v": [to_plain(v) for v in value]}
    if kind is list:
        return [to_plain(v) for v in value]
    if kind is dict:
        if all(type(k) is str and not k.startswith(MARK) for k in value):
            return {k: to_plain(v) for k, v in value.items()}
        return {MARK: "d", "v": [[to_plain(k), to_plain(v)] for k, v in value.items()]}
    encode = _ENCODERS.get(kind)
    if encode is not None:
        return encode(value)
    how, name, fields = _written_as(kind)
    if how == "enum":
        return {MARK: "e", "c": name, "v": to_plain(value.value)}
    if how == "dataclass":
        values = [getattr(value, field) for field in fields]
        # fields that are tuples of plain values (most of them) are written as plain arrays, and listed in "t"
        flat = [i for i, v in enumerate(values) if type(v) is tuple and all(type(x) in _PLAIN for x in v)]
        out = {MARK: name, "v": [v if i in flat or type(v) in _PLAIN else to_plain(v) for i, v in enumerate(values)]}
        if flat:
            out["t"] = flat
        return out
    raise CodecError(f"the build cache cannot hold a {kind.__module__}.{kind.__qualname__}")


@cache
def _written_as(kind: type) -> tuple[str, str, tuple[str, ...]]:
    """How the cache writes a value of a type that is not a plain one: as one of flashgen's enums or dataclasses
    (with its written name and fields), or not at all ("")."""
    if kind.__module__.startswith("flashgen."):
        if issubclass(kind, enum.Enum):
            return "enum", _name(kind), ()
        if dataclasses.is_dataclass(kind):
            return "dataclass", _name(kind), _fields(kind)
    return "", "", ()


_ENCODERS: dict[type, Callable[[Any], Any]] = {
    set: lambda v: {MARK: "s", "v": [to_plain(x) for x in v]},
    frozenset: lambda v: {MARK: "f", "v": [to_plain(x) for x in v]},
    bytes: lambda v: {MARK: "b", "v": base64.b64encode(v).decode("ascii")},
    dt.date: lambda v: {MARK: "date", "v": v.isoformat()},
    dt.datetime: lambda v: {MARK: "datetime", "v": v.isoformat()},
    dt.time: lambda v: {MARK: "time", "v": v.isoformat()},
}
_DECODERS: dict[str, Callable[[Any], Any]] = {
    "t": tuple, "s": set, "f": frozenset,
    "d": lambda pairs: {k: v for k, v in pairs},
    "b": lambda text: base64.b64decode(text, validate=True),
    "date": dt.date.fromisoformat, "datetime": dt.datetime.fromisoformat, "time": dt.time.fromisoformat,
}


def _class(name: Any, check: Callable[[type], bool]) -> type:
    """A class of flashgen's own that is already loaded, by its written name; nothing is imported."""
    module, _, qualname = name.partition(":") if isinstance(name, str) else ("", "", "")
    found: Any = sys.modules.get(module) if module.startswith("flashgen.") else None
    for part in qualname.split("."):
        found = getattr(found, part, None)
    if not (isinstance(found, type) and found.__module__ == module and check(found)):
        raise CodecError(f"the build cache names an unknown type {name!r}")
    return found


def _hook(obj: dict) -> Any:
    tag = obj.get(MARK)
    if tag is None:
        return obj
    decode = _DECODERS.get(tag)
    if decode is not None:
        return decode(obj["v"])
    if tag == "e":
        return _enum(obj["c"])(obj["v"])
    cls, names, slots = _dataclass(tag)
    values = obj["v"]
    if len(values) != len(names):
        raise CodecError(f"the build cache holds a {cls.__qualname__} with other fields")
    if "t" in obj:
        for i in obj["t"]:
            values[i] = tuple(values[i])
    made = object.__new__(cls)  # as pickle does: no __init__ is run
    if slots:
        for name, value in zip(names, values):
            object.__setattr__(made, name, value)
    else:
        object.__setattr__(made, "__dict__", dict(zip(names, values)))
    return made


@cache
def _enum(name: str) -> type:
    return _class(name, lambda c: issubclass(c, enum.Enum))


@cache
def _dataclass(name: str) -> tuple[type, tuple[str, ...], bool]:
    """The dataclass a written name stands for, its fields, and whether it has slots (looked up once)."""
    cls = _class(name, dataclasses.is_dataclass)
    return cls, _fields(cls), hasattr(cls, "__slots__")


def dumps(value: Any) -> str:
    """`value` as JSON text; CodecError for a type the cache does not hold."""
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    """What `dumps` wrote; CodecError for anything else."""
    try:
        return json.loads(text, object_hook=_hook)
    except CodecError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise CodecError(f"not a build cache ({type(exc).__name__}: {exc})") from None
