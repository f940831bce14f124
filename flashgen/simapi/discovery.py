"""Discovery documents: /version, /api, /apis and the resource list of each group-version.

Served as the legacy (unaggregated) JSON forms; kubectl 1.27-1.33 falls back to them when the reply to its
aggregated-discovery request is plain application/json."""

from __future__ import annotations

from typing import Any

from flashgen.sim import kinds

from . import metrics, reviews
from .paths import group_versions

VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
ALL_CATEGORY = {"Pod", "Service", "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "CronJob",
                "ReplicationController"}
SCALABLE = {"Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"}
NO_STATUS = {"ConfigMap", "Secret", "ServiceAccount", "Endpoints", "EndpointSlice", "Event", "StorageClass",
             "IngressClass", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "PriorityClass",
             "ControllerRevision", "LimitRange"}
VERSION = {"major": "1", "minor": "33", "gitVersion": "v1.33.1-flashgen-sim", "gitCommit": "", "gitTreeState": "clean",
           "buildDate": "2025-05-15T00:00:00Z", "goVersion": "go1.24", "compiler": "gc", "platform": "linux/amd64"}


# group-versions served without stored objects: resource -> (kind, namespaced, verbs)
EXTRA: dict[str, dict[str, tuple[str, bool, list[str]]]] = {
    **{gv: {r: (k, ns, ["create"]) for r, (k, ns) in res.items()} for gv, res in reviews.RESOURCES.items()},
    metrics.GROUP_VERSION: {r: (k, ns, ["get", "list"]) for r, (k, ns) in metrics.RESOURCES.items()},
}


def _all_group_versions() -> list[str]:
    return group_versions() + [gv for gv in EXTRA if gv not in group_versions()]


def version() -> dict[str, Any]:
    return dict(VERSION)


def core_versions() -> dict[str, Any]:
    return {"kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]}


def _group(name: str) -> dict[str, Any]:
    versions = [gv.split("/")[1] for gv in _all_group_versions() if gv.startswith(name + "/")]
    entries = [{"groupVersion": f"{name}/{v}", "version": v} for v in versions]
    return {"name": name, "versions": entries, "preferredVersion": entries[0]}


def groups() -> dict[str, Any]:
    names: list[str] = []
    for gv in _all_group_versions():
        if "/" in gv and gv.split("/")[0] not in names:
            names.append(gv.split("/")[0])
    return {"kind": "APIGroupList", "apiVersion": "v1", "groups": [_group(n) for n in names]}


def group(name: str) -> dict[str, Any] | None:
    if not any(gv.startswith(name + "/") for gv in _all_group_versions()):
        return None
    return {"kind": "APIGroup", "apiVersion": "v1", **_group(name)}


def _entry(name: str, k: kinds.Kind, verbs: list[str], **extra: Any) -> dict[str, Any]:
    return {"name": name, "singularName": "" if "/" in name else k.kind.lower(), "namespaced": k.namespaced,
            "kind": k.kind, "verbs": verbs, **extra}


def resources(group_version: str) -> dict[str, Any]:
    """The APIResourceList of one group-version, with subresources such as deployments/scale."""
    out: list[dict[str, Any]] = []
    for k in kinds.KINDS:
        if k.api_version != group_version:
            continue
        extra: dict[str, Any] = {}
        if k.short_names:
            extra["shortNames"] = list(k.short_names)
        if k.kind in ALL_CATEGORY:
            extra["categories"] = ["all"]
        out.append(_entry(k.plural, k, list(VERBS), storageVersionHash="", **extra))
        if k.kind not in NO_STATUS:
            out.append(_entry(f"{k.plural}/status", k, ["get", "patch", "update"]))
        if k.kind in SCALABLE:
            out.append(_entry(f"{k.plural}/scale", k, ["get", "patch", "update"], group="autoscaling",
                              version="v1") | {"kind": "Scale"})
        if k.kind == "Pod":
            out.append(_entry("pods/log", k, ["get"]))
            for sub in ("exec", "attach", "portforward"):
                out.append(_entry(f"pods/{sub}", k, ["create", "get"]) | {"kind": "PodExecOptions"})
            out.append(_entry("pods/eviction", k, ["create"], group="policy", version="v1") | {"kind": "Eviction"})
        if k.kind == "ServiceAccount":
            out.append(_entry("serviceaccounts/token", k, ["create"], group="authentication.k8s.io",
                              version="v1") | {"kind": "TokenRequest"})
    for name, (kind, namespaced, verbs) in EXTRA.get(group_version, {}).items():
        out.append({"name": name, "singularName": kind.lower(), "namespaced": namespaced, "kind": kind,
                    "verbs": verbs})
    return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": group_version, "resources": out}


AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"


def wants_aggregated(accept: str | None) -> bool:
    """Whether the client asks for aggregated discovery (apidiscovery.k8s.io/v2), as kubectl 1.30+ does first."""
    for part in (accept or "").split(","):
        params = {p.strip() for p in part.split(";")[1:]}
        if {"g=apidiscovery.k8s.io", "v=v2", "as=APIGroupDiscoveryList"} <= params:
            return True
    return False


def _aggregated_resource(k: kinds.Kind, group_version: str) -> dict[str, Any]:
    group, _, version = group_version.rpartition("/")
    subs = []
    for entry in resources(group_version)["resources"]:
        name = entry["name"]
        if not name.startswith(k.plural + "/"):
            continue
        sub_group, sub_version = entry.get("group", group), entry.get("version", version)
        subs.append({"subresource": name.split("/", 1)[1], "verbs": entry["verbs"],
                     "responseKind": {"group": sub_group, "version": sub_version, "kind": entry["kind"]}})
    out: dict[str, Any] = {"resource": k.plural, "responseKind": {"group": group, "version": version, "kind": k.kind},
                           "scope": "Namespaced" if k.namespaced else "Cluster", "singularResource": k.kind.lower(),
                           "verbs": list(VERBS)}
    if k.short_names:
        out["shortNames"] = list(k.short_names)
    if k.kind in ALL_CATEGORY:
        out["categories"] = ["all"]
    if subs:
        out["subresources"] = subs
    return out


def aggregated(core: bool) -> dict[str, Any]:
    """The APIGroupDiscoveryList for /api (core) or /apis (named groups)."""
    by_group: dict[str, list[str]] = {}
    for gv in _all_group_versions():
        if ("/" not in gv) == core:
            by_group.setdefault(gv.rpartition("/")[0], []).append(gv)
    items = []
    for group, gvs in by_group.items():
        versions = [{"version": gv.rpartition("/")[2], "freshness": "Current",
                     "resources": [_aggregated_resource(k, gv) for k in kinds.KINDS if k.api_version == gv] +
                     [_aggregated_extra(gv, r) for r in EXTRA.get(gv, {})]}
                    for gv in gvs]
        items.append({"metadata": {"name": group, "creationTimestamp": None}, "versions": versions})
    return {"kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2", "metadata": {}, "items": items}


def _aggregated_extra(group_version: str, resource: str) -> dict[str, Any]:
    group, _, version = group_version.rpartition("/")
    kind, namespaced, verbs = EXTRA[group_version][resource]
    return {"resource": resource, "responseKind": {"group": group, "version": version, "kind": kind},
            "scope": "Namespaced" if namespaced else "Cluster", "singularResource": kind.lower(), "verbs": verbs}
