"""Server-side Table output (meta.k8s.io/v1 Table), which gives `kubectl get` its usual columns.

The cells come from the simulator's own kubectl-like printers; wide-only columns get priority 1, so kubectl shows
them with `-o wide` only."""

from __future__ import annotations

from typing import Any

from flashgen.sim import printers
from flashgen.sim.timefmt import human_duration, parse_rfc3339

Obj = dict[str, Any]
DESCRIPTIONS = {"NAME": "Name must be unique within a namespace.",
                "AGE": "CreationTimestamp is a timestamp representing the server time when this object was created."}


def wants_table(accept: str | None) -> bool:
    """Whether the Accept header asks for a Table first (kubectl get does)."""
    if not accept:
        return False
    first = accept.split(",")[0]
    return "as=Table" in first and "g=meta.k8s.io" in first


def _columns(kind: str) -> tuple[list[dict[str, Any]], Any]:
    head, extra, fn = printers.TABLES.get(kind, (["NAME", "AGE"], [], None))
    cols = []
    for i, name in enumerate(list(head) + list(extra)):
        cols.append({"name": name, "type": "string", "format": "name" if i == 0 else "",
                     "description": DESCRIPTIONS.get(name, name.lower()), "priority": 1 if i >= len(head) else 0})
    return cols, fn


def _age(obj: Obj, now: float) -> str:
    ts = obj["metadata"].get("creationTimestamp")
    return human_duration(now - parse_rfc3339(ts)) if ts else "<unknown>"


def _row_object(obj: Obj, include: str) -> Obj | None:
    if include == "None":
        return None
    if include == "Object":
        return obj
    return {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": obj["metadata"]}


def table(kind: str, objs: list[Obj], now: float, resource_version: str, include_object: str = "Metadata",
          with_columns: bool = True) -> Obj:
    """A Table of objects of one kind."""
    cols, fn = _columns(kind)
    rows = []
    for o in objs:
        if fn is None:
            cells: list[Any] = [o["metadata"]["name"], _age(o, now)]
        else:
            cells = list(fn(o, now, True))
        cells = (cells + [""] * len(cols))[:len(cols)]
        row: Obj = {"cells": cells}
        ro = _row_object(o, include_object)
        if ro is not None:
            row["object"] = ro
        rows.append(row)
    return {"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": {"resourceVersion": resource_version},
            "columnDefinitions": cols if with_columns else [], "rows": rows}
