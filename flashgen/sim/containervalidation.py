"""The API server's checks of what configures a container (probes, env sources) and of ConfigMap and Secret
data, with its messages (422 Invalid causes)."""

from __future__ import annotations

import re
from typing import Any

Obj = dict[str, Any]
CONFIG_KEY = re.compile(r"^[-._a-zA-Z0-9]+$")
ENV_FIELDS = ("metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
              "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs")
VOLUME_FIELDS = ("metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid")
HANDLERS = ("exec", "httpGet", "tcpSocket", "grpc")
PROBES = ("livenessProbe", "readinessProbe", "startupProbe")


def _supported(path: str, value: Any, allowed: tuple[str, ...]) -> str:
    return f'{path}: Unsupported value: "{value}": supported values: ' + ", ".join(f'"{a}"' for a in allowed)


def _subscripted(field: str) -> bool:
    return re.fullmatch(r"metadata\.(labels|annotations)\['[^']+'\]", field) is not None


def check_container(c: Obj, path: str, causes: list[str], init: bool = False) -> None:
    """Probes and env sources of one container (path: `spec.containers[0]`)."""
    for name in PROBES:
        probe = c.get(name)
        if not isinstance(probe, dict):
            continue
        ppath = f"{path}.{name}"
        if init and c.get("restartPolicy") != "Always":
            causes.append(f"{ppath}: Forbidden: may not be set for init containers without restartPolicy=Always")
            continue
        handlers = [h for h in HANDLERS if probe.get(h) is not None]
        if not handlers:
            causes.append(f"{ppath}: Required value: must specify a handler type")
        elif len(handlers) > 1:
            causes.append(f"{ppath}.{handlers[1]}: Forbidden: may not specify more than 1 handler type")
        for f in ("periodSeconds", "timeoutSeconds", "successThreshold", "failureThreshold"):
            v = probe.get(f)
            if isinstance(v, int) and v < 0:
                causes.append(f"{ppath}.{f}: Invalid value: {v}: must be greater than or equal to 0")
        v = probe.get("initialDelaySeconds")
        if isinstance(v, int) and v < 0:
            causes.append(f"{ppath}.initialDelaySeconds: Invalid value: {v}: must be greater than or equal to 0")
        if name != "readinessProbe" and probe.get("successThreshold", 1) != 1:
            causes.append(f"{ppath}.successThreshold: Invalid value: {probe['successThreshold']}: must be 1")
        if name == "readinessProbe" and probe.get("terminationGracePeriodSeconds") is not None:
            causes.append(f"{ppath}.terminationGracePeriodSeconds: Invalid value: "
                          f"{probe['terminationGracePeriodSeconds']}: must not be set for readinessProbes")
    for i, e in enumerate(c.get("env") or []):
        vf = e.get("valueFrom")
        epath = f"{path}.env[{i}]"
        if not isinstance(vf, dict):
            continue
        sources = [k for k in ("fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef") if vf.get(k)]
        if e.get("value") not in (None, ""):
            causes.append(f"{epath}.valueFrom: Invalid value: \"\": may not be specified when `value` is not empty")
        if not sources:
            causes.append(f"{epath}.valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, "
                          "`resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`")
        elif len(sources) > 1:
            causes.append(f"{epath}.valueFrom: Invalid value: \"\": may not have more than one field specified at "
                          "a time")
        field = (vf.get("fieldRef") or {}).get("fieldPath")
        if field is not None and field not in ENV_FIELDS and not _subscripted(field):
            causes.append(_supported(f"{epath}.valueFrom.fieldRef.fieldPath", field, ENV_FIELDS))
    for i, src in enumerate(c.get("envFrom") or []):
        prefix = src.get("prefix") or ""
        if "=" in prefix:
            causes.append(f'{path}.envFrom[{i}].prefix: Invalid value: "{prefix}": a valid environment variable '
                          "name must consist only of printable ASCII characters other than '='")


def check_volumes(spec: Obj, path: str, causes: list[str]) -> None:
    """Downward API volume items name fields a volume can hold."""
    for i, v in enumerate(spec.get("volumes") or []):
        items = (v.get("downwardAPI") or {}).get("items") or []
        for j, it in enumerate(items):
            field = (it.get("fieldRef") or {}).get("fieldPath")
            if field is not None and field not in VOLUME_FIELDS and not _subscripted(field):
                causes.append(_supported(f"{path}.volumes[{i}].downwardAPI.items[{j}].fieldRef.fieldPath", field,
                                         VOLUME_FIELDS))


def check_config_data(obj: Obj, causes: list[str]) -> None:
    """Keys of a ConfigMap's or Secret's data."""
    for section in ("data", "binaryData", "stringData"):
        for key in (obj.get(section) or {}):
            if not CONFIG_KEY.match(str(key)):
                causes.append(f'{section}[{key}]: Invalid value: "{key}": a valid config key must consist of '
                              "alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or "
                              "'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")


def immutable_change(obj: Obj, old: Obj) -> str | None:
    """The cause when an update changes an immutable ConfigMap or Secret, else None."""
    if not old.get("immutable"):
        return None
    if not obj.get("immutable"):
        return "immutable: Forbidden: field is immutable when `immutable` is set"
    for section in ("data", "binaryData"):
        if (obj.get(section) or {}) != (old.get(section) or {}):
            return f"{section}: Forbidden: field is immutable when `immutable` is set"
    return None
