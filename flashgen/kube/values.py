"""Values the API server accepts where the schemas leave a free string: enumerated fields and object names."""

from __future__ import annotations

import re
from typing import Any, Iterator

from flashgen.kube.fieldpath import Path

DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
DNS1123_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
LABEL_KINDS = frozenset({"Namespace", "Service"})  # their names are DNS labels (no dots, at most 63 characters)
PATH_SEGMENT_KINDS = frozenset({"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"})  # `system:node`, `myRole`

# (the kinds it applies to, or None for any; the field's path with `[]` for list indexes; the values accepted)
ENUMS: tuple[tuple[frozenset[str] | None, re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (frozenset(kinds.split()) if kinds else None, re.compile(path), values) for kinds, path, values in (
        ("", r"(?:.*\.)?(?:containers|initContainers|ephemeralContainers)\[\]\.imagePullPolicy",
         ("Always", "IfNotPresent", "Never")),
        ("", r"(?:.*\.)?ports\[\]\.protocol", ("SCTP", "TCP", "UDP")),
        ("", r"(?:.*\.)?tolerations\[\]\.effect", ("", "NoExecute", "NoSchedule", "PreferNoSchedule")),
        ("", r"(?:.*\.)?tolerations\[\]\.operator", ("Equal", "Exists")),
        ("Node", r"spec\.taints\[\]\.effect", ("NoExecute", "NoSchedule", "PreferNoSchedule")),
        ("", r"(?:.*\.)?accessModes\[\]", ("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod")),
        ("", r"(?:.*\.)?volumeMode", ("Block", "Filesystem")),
        ("PersistentVolume", r"spec\.persistentVolumeReclaimPolicy", ("Delete", "Recycle", "Retain")),
        ("StorageClass", r"reclaimPolicy", ("Delete", "Retain")),
        ("StorageClass", r"volumeBindingMode", ("Immediate", "WaitForFirstConsumer")),
        ("", r"(?:.*\.)?paths\[\]\.pathType", ("Exact", "ImplementationSpecific", "Prefix")),
        ("Service", r"spec\.type", ("ClusterIP", "ExternalName", "LoadBalancer", "NodePort")),
        ("Service", r"spec\.sessionAffinity", ("ClientIP", "None")),
        ("Service", r"spec\.(?:external|internal)TrafficPolicy", ("Cluster", "Local")),
        ("Deployment", r"spec\.strategy\.type", ("Recreate", "RollingUpdate")),
        ("DaemonSet StatefulSet", r"spec\.updateStrategy\.type", ("OnDelete", "RollingUpdate")),
        ("StatefulSet", r"spec\.podManagementPolicy", ("OrderedReady", "Parallel")),
        ("CronJob", r"spec\.concurrencyPolicy", ("Allow", "Forbid", "Replace")),
        ("NetworkPolicy", r"spec\.policyTypes\[\]", ("Egress", "Ingress")),
        ("", r"(?:.*\.)?spec\.dnsPolicy", ("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None")),
    ))


def unsupported_values(obj: dict[str, Any]) -> list[tuple[Path, str, tuple[str, ...]]]:
    """(path, value, the values accepted) of each enumerated field of `obj` whose string value the API server
    rejects (`effect: Noschedule`, `accessModes: [ReadWriteOne]`, `type: Nodeport`), in document order."""
    kind = obj.get("kind")
    rules = [(pattern, values) for kinds, pattern, values in ENUMS if kinds is None or kind in kinds]
    found = []
    for path, value in _strings(obj, ()):
        shape = "".join("[]" if isinstance(part, tuple) else f".{part}" for part in path).lstrip(".")
        for pattern, values in rules:
            if value not in values and pattern.fullmatch(shape):
                found.append((tuple(part for part in _indexed(path)), value, values))
                break
    return found


def _strings(node: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Each string value under node with its path, list indexes kept as `("[]", index)` pairs."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str):
                yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _strings(item, path + (("[]", index),))
    elif isinstance(node, str):
        yield path, node


def _indexed(path: tuple) -> Iterator[Any]:
    for part in path:
        yield part[1] if isinstance(part, tuple) else part


def name_problem(name: str, kind: str) -> str | None:
    """Why the API server rejects `name` as the name of a `kind` (a DNS-1123 label for Namespaces and Services, a
    path segment for RBAC's roles and bindings, else a DNS-1123 subdomain), in its words; None when it is valid."""
    if kind in PATH_SEGMENT_KINDS:
        if name in (".", ".."):
            return f"may not be '{name}'"
        bad = next((part for part in ("/", "%") if part in name), None)
        return f"may not contain '{bad}'" if bad else None
    if kind in LABEL_KINDS:
        return label_problem(name)
    if len(name) <= 253 and DNS1123_SUBDOMAIN.match(name):
        return None
    return ("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
            "must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
            "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")


def label_problem(name: str) -> str | None:
    """Why the API server rejects `name` where a DNS-1123 label is asked (a Namespace's or Service's name, a
    container's), in its words; None when it is valid."""
    if len(name) <= 63 and DNS1123_LABEL.match(name):
        return None
    return ("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
            "start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
            "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")
