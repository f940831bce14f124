"""REST paths (`/api/v1/namespaces/default/pods/x/log`) mapped onto the simulator's kinds."""

from __future__ import annotations

from dataclasses import dataclass

from flashgen.sim import kinds


@dataclass(frozen=True)
class Target:
    """What a resource path names."""

    group_version: str
    kind: kinds.Kind | None  # None: the path names only a group-version (discovery)
    namespace: str | None
    name: str | None
    subresource: str | None
    plural: str = ""  # the plural asked for, also when it is not served


def group_versions() -> list[str]:
    """Every served group-version, core first."""
    out: list[str] = []
    for k in kinds.KINDS:
        if k.api_version not in out:
            out.append(k.api_version)
    return out


def parse(path: str) -> Target | None:
    """The Target of an /api or /apis path; None when the path is not a resource path."""
    parts = [p for p in path.split("/") if p]
    if parts[:2] == ["api", "v1"]:
        gv, rest = "v1", parts[2:]
    elif parts[:1] == ["apis"] and len(parts) >= 3:
        gv, rest = f"{parts[1]}/{parts[2]}", parts[3:]
    else:
        return None
    if gv not in group_versions():
        return None
    if not rest:
        return Target(gv, None, None, None, None)
    namespace = None
    if rest[0] == "namespaces" and len(rest) >= 3 and gv == "v1" and rest[2] in ("status", "finalize"):
        rest = ["namespaces", rest[1], rest[2]]
    elif rest[0] == "namespaces" and len(rest) >= 3:
        namespace, rest = rest[1], rest[2:]
    plural = rest[0]
    kind = next((k for k in kinds.KINDS if k.api_version == gv and k.plural == plural), None)
    name = rest[1] if len(rest) > 1 else None
    sub = "/".join(rest[2:]) or None
    return Target(gv, kind, namespace, name, sub, plural)
