"""Which Service an Ingress sends a request for a host and path to, by the Ingress rules' matching: exact hosts
before wildcards (`*.example.com`, one label) before rules without a host; the longest matching path, Exact
before Prefix; Prefix matches whole `/`-separated elements; then the Ingress's defaultBackend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Obj = dict[str, Any]


@dataclass(frozen=True)
class Route:
    """Where a request goes: the Ingress that routes it, the Service and its port (a number or a name)."""

    ingress: str
    service: str
    port: int | str | None
    rule: str  # `host/path (Prefix)` or `defaultBackend`, for messages


def _host_matches(rule_host: str, host: str) -> int:
    """0 no match, 3 exact, 2 wildcard, 1 a rule for every host."""
    if not rule_host:
        return 1
    if rule_host == host:
        return 3
    if rule_host.startswith("*.") and "." in host and host.split(".", 1)[1] == rule_host[2:]:
        return 2
    return 0


def _path_matches(path_type: str, rule_path: str, path: str) -> bool:
    if path_type == "Exact":
        return path == rule_path
    want = [p for p in rule_path.split("/") if p]
    have = [p for p in path.split("/") if p]
    return have[:len(want)] == want


def _backend(backend: Obj | None) -> tuple[str, int | str | None] | None:
    svc = (backend or {}).get("service") or {}
    if not svc.get("name"):
        return None
    port = svc.get("port") or {}
    return svc["name"], port.get("number", port.get("name"))


def route(ingresses: list[Obj], host: str, path: str) -> Route | None:
    """The route a request for host and path takes through these Ingresses (one class), or None (404)."""
    path = path or "/"
    best: tuple[tuple[int, int, int], Route] | None = None
    for ing in ingresses:
        name = ing["metadata"]["name"]
        for rule in (ing.get("spec") or {}).get("rules") or []:
            host_rank = _host_matches(rule.get("host", ""), host)
            if not host_rank:
                continue
            for p in ((rule.get("http") or {}).get("paths")) or []:
                path_type = p.get("pathType", "ImplementationSpecific")
                rule_path = p.get("path") or "/"
                if not _path_matches(path_type, rule_path, path):
                    continue
                target = _backend(p.get("backend"))
                if target is None:
                    continue
                rank = (host_rank, len(rule_path.rstrip("/")), 1 if path_type == "Exact" else 0)
                found = Route(name, target[0], target[1], f"{rule.get('host') or '*'}{rule_path} ({path_type})")
                if best is None or rank > best[0]:
                    best = (rank, found)
    if best is not None:
        return best[1]
    for ing in ingresses:
        target = _backend((ing.get("spec") or {}).get("defaultBackend"))
        if target is not None:
            return Route(ing["metadata"]["name"], target[0], target[1], "defaultBackend")
    return None


def class_of(ingress: Obj, classes: list[Obj]) -> str | None:
    """The IngressClass an Ingress belongs to: its ingressClassName, the old annotation, else the default class."""
    spec = ingress.get("spec") or {}
    if spec.get("ingressClassName"):
        return spec["ingressClassName"]
    ann = (ingress.get("metadata") or {}).get("annotations") or {}
    if ann.get("kubernetes.io/ingress.class"):
        return ann["kubernetes.io/ingress.class"]
    for c in classes:
        if ((c.get("metadata") or {}).get("annotations") or {}).get(
                "ingressclass.kubernetes.io/is-default-class") == "true":
            return c["metadata"]["name"]
    return None
