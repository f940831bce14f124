"""Validation as the API server does it: strict schema decoding (400) and field validation (422)."""

from __future__ import annotations

import re
from typing import Any

from croniter import croniter

from flashgen.kube import schema as k8s_schema
from flashgen.kube.fieldpath import format_path
from flashgen.kube.values import base64_problem, label_problem, name_problem, unsupported_values

from . import containervalidation, errors
from .kinds import Kind

Obj = dict[str, Any]



def _path(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _go_type(schema_type: Any) -> str:
    t = schema_type if isinstance(schema_type, str) else next((x for x in schema_type if x != "null"), "object")
    return {"integer": "int32", "string": "string", "boolean": "bool", "array": "[]", "object": "struct"}.get(t, t)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def schema_errors(obj: Obj) -> list[Any]:
    """All jsonschema errors of obj against the strict schema (empty when valid)."""
    return k8s_schema.errors(obj)


def check_schema(obj: Obj, kind: Kind) -> None:
    """Raise ApiError 400 for unknown fields, wrong types or base64 it cannot decode, 422 for missing required
    fields."""
    errs = schema_errors(obj)
    if not errs:
        return
    flat = []
    for e in errs:
        flat.extend(_leaves(e))
    unknown = []
    for e in flat:
        if e.validator == "additionalProperties":
            extra = sorted(set(e.instance) - set(e.schema.get("properties", {})))
            unknown += [_path(list(e.absolute_path) + [x]) for x in extra]
    head = f'{kind.kind} in version "{kind.api_version.split("/")[-1]}" cannot be handled as a {kind.kind}'
    if unknown:
        fields = ", ".join(f'unknown field "{u}"' for u in unknown)
        raise errors.bad_request(f"{head}: strict decoding error: {fields}")
    decoding = [e for e in flat if e.validator in ("type", "format")]  # (format: `byte`, base64 it cannot decode)
    if decoding:
        e = min(decoding, key=lambda e: _document_order(obj, e.absolute_path))  # the first the decoder meets
        if e.validator == "format":
            raise errors.bad_request(f"{head}: {base64_problem(e.instance)}")
        raise errors.bad_request(
            f"{head}: json: cannot unmarshal {_json_type(e.instance)} into Go struct field "
            f"{kind.kind}.{_path(e.absolute_path)} of type {_go_type(e.validator_value)}")
    causes = []
    for e in flat:
        if e.validator == "required":
            missing = re.search(r"'([^']+)' is a required property", e.message)
            name = missing.group(1) if missing else "?"
            causes.append(f"{_path(list(e.absolute_path) + [name])}: Required value")
        elif e.validator == "enum":
            allowed = ", ".join(f'"{v}"' for v in e.validator_value if v is not None)
            causes.append(f'{_path(e.absolute_path)}: Unsupported value: "{e.instance}": supported values: {allowed}')
        else:
            causes.append(f"{_path(e.absolute_path)}: Invalid value: {e.message}")
    raise errors.invalid(kind.qualified, (obj.get("metadata") or {}).get("name", ""), causes)


def _document_order(obj: Any, path: Any) -> tuple[int, ...]:
    """Where a field comes in the object as written: the index of each key or item on its path."""
    out = []
    for part in path:
        if isinstance(obj, dict) and part in obj:
            out.append(list(obj).index(part))
            obj = obj[part]
        elif isinstance(obj, list) and isinstance(part, int) and part < len(obj):
            out.append(part)
            obj = obj[part]
        else:
            break
    return tuple(out)


def _leaves(e: Any) -> list[Any]:
    if e.context:
        out = []
        for c in e.context:
            out.extend(_leaves(c))
        return out
    return [e]


def _go_map(labels: dict[str, str]) -> str:
    inner = ", ".join(f'"{k}":"{v}"' for k, v in sorted(labels.items()))
    return "map[string]string{" + inner + "}"


def _pod_spec(spec: Obj, path: str, causes: list[str], allowed_restart: tuple[str, ...] | None) -> None:
    names = set()
    containers = spec.get("containers") or []
    if not containers:
        causes.append(f"{path}.containers: Required value")
    for i, c in enumerate(containers + (spec.get("initContainers") or [])):
        group = "containers" if i < len(containers) else "initContainers"
        idx = i if i < len(containers) else i - len(containers)
        cp = f"{path}.{group}[{idx}]"
        n = c.get("name", "")
        if n in names:
            causes.append(f'{cp}.name: Duplicate value: "{n}"')
        names.add(n)
        problem = label_problem(n) if n else None
        if problem:
            causes.append(f'{cp}.name: Invalid value: "{n}": {problem}')
        if not c.get("image"):
            causes.append(f"{cp}.image: Required value")
        for j, p in enumerate(c.get("ports") or []):
            port = p.get("containerPort")
            if isinstance(port, int) and not 1 <= port <= 65535:
                causes.append(f"{cp}.ports[{j}].containerPort: Invalid value: {port}: must be between 1 and 65535, "
                              "inclusive")
        containervalidation.check_container(c, cp, causes, init=group == "initContainers")
    containervalidation.check_volumes(spec, path, causes)
    rp = spec.get("restartPolicy")
    if allowed_restart and rp not in allowed_restart:
        vals = ", ".join(f'"{v}"' for v in allowed_restart)
        if rp is None:
            causes.append(f"{path}.restartPolicy: Required value: valid values: {vals}")
        else:
            causes.append(f'{path}.restartPolicy: Unsupported value: "{rp}": supported values: {vals}')


def check_fields(obj: Obj, kind: Kind) -> None:
    """Field validation after defaulting (422 Invalid), for the rules learners most often trip over."""
    meta = obj.get("metadata") or {}
    name = meta.get("name", "")
    causes: list[str] = []
    if not name:
        causes.append("metadata.name: Required value: name or generateName is required")
    else:
        problem = name_problem(name, kind.kind)
        if problem:
            causes.append(f'metadata.name: Invalid value: "{name}": {problem}')
    spec = obj.get("spec") if isinstance(obj.get("spec"), dict) else {}
    if kind.kind == "Pod":
        _pod_spec(spec, "spec", causes, ("Always", "OnFailure", "Never"))
    if kind.kind in ("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "ReplicationController"):
        tpl = spec.get("template") or {}
        labels = (tpl.get("metadata") or {}).get("labels") or {}
        restart = ("OnFailure", "Never") if kind.kind == "Job" else ("Always",)
        if kind.kind != "Job" or spec.get("manualSelector"):
            sel = spec.get("selector")
            if not sel:
                causes.append("spec.selector: Required value")
            else:
                from . import selectors
                matcher = selectors.from_map(sel) if kind.kind == "ReplicationController" \
                    else selectors.from_label_selector(sel)
                if not matcher(labels):
                    causes.append(f"spec.template.metadata.labels: Invalid value: {_go_map(labels)}: "
                                  "`selector` does not match template `labels`")
        _pod_spec(tpl.get("spec") or {}, "spec.template.spec", causes, restart)
        for i, claim in enumerate(spec.get("volumeClaimTemplates") or [] if kind.kind == "StatefulSet" else []):
            if not ((claim or {}).get("metadata") or {}).get("name"):
                causes.append(f"spec.volumeClaimTemplates[{i}].metadata.name: Required value")
        if isinstance(spec.get("replicas"), int) and spec["replicas"] < 0:
            causes.append(f"spec.replicas: Invalid value: {spec['replicas']}: must be greater than or equal to 0")
    if kind.kind == "CronJob":
        sched = spec.get("schedule", "")
        fields = sched.split()
        if len(fields) != 5 and not sched.startswith("@"):
            causes.append(f'spec.schedule: Invalid value: "{sched}": Expected exactly 5 fields, found '
                          f"{len(fields)}: {sched}")
        elif not croniter.is_valid(sched):
            causes.append(f'spec.schedule: Invalid value: "{sched}": unparseable schedule')
        tz = spec.get("timeZone")
        if tz:
            try:
                from zoneinfo import ZoneInfo
                ZoneInfo(tz)
            except (ValueError, KeyError, OSError, ImportError):
                causes.append(f'spec.timeZone: Invalid value: "{tz}": unknown time zone {tz}')
        jt = (spec.get("jobTemplate") or {}).get("spec") or {}
        _pod_spec((jt.get("template") or {}).get("spec") or {}, "spec.jobTemplate.spec.template.spec", causes,
                  ("OnFailure", "Never"))
        if len(name) > 52:
            causes.append(f'metadata.name: Invalid value: "{name}": must be no more than 52 characters')
    if kind.kind in ("ConfigMap", "Secret"):
        containervalidation.check_config_data(obj, causes)
    if kind.kind == "Service":
        ports = spec.get("ports") or []
        if not ports and spec.get("clusterIP") != "None" and spec.get("type") != "ExternalName":
            causes.append("spec.ports: Required value")
        if spec.get("type") == "ExternalName" and not spec.get("externalName"):
            causes.append("spec.externalName: Required value")
        for i, p in enumerate(ports):
            np = p.get("nodePort")
            if np is not None and not 30000 <= np <= 32767:
                causes.append(f"spec.ports[{i}].nodePort: Invalid value: {np}: provided port is not in the valid "
                              "range. The range of valid ports is 30000-32767")
            if len(ports) > 1 and not p.get("name"):
                causes.append(f"spec.ports[{i}].name: Required value")
    _enums(obj, causes)
    if causes:
        raise errors.invalid(kind.qualified, name, causes)


def _enums(obj: Obj, causes: list[str]) -> None:
    """Enumerated fields the schemas leave as free strings (flashgen.kube.values), and a rolling update's settings
    under a Recreate strategy."""
    for path, value, allowed in unsupported_values(obj):
        shown = ", ".join(f'"{v}"' for v in allowed if v)
        causes.append(f'{format_path(path)}: Unsupported value: "{value}": supported values: {shown}')
    strategy = ((obj.get("spec") or {}).get("strategy") or {}) if obj.get("kind") == "Deployment" else {}
    if isinstance(strategy, dict) and strategy.get("type") == "Recreate" and strategy.get("rollingUpdate"):
        causes.append("spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is "
                      "'Recreate'")
