"""Values the API server accepts where the schemas leave a free string: enumerated fields, object names and the
base64 of `[]byte` fields."""

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


def unsupported_values(obj: dict[str, Any], strings: list[tuple[str, Path, str]] | None = None
                       ) -> list[tuple[Path, str, tuple[str, ...]]]:
    """(path, value, the values accepted) of each enumerated field of `obj` whose string value the API server
    rejects (`effect: Noschedule`, `accessModes: [ReadWriteOne]`, `type: Nodeport`), in document order."""
    kind = obj.get("kind")
    rules = [(pattern, values) for kinds, pattern, values in ENUMS if kinds is None or kind in kinds]
    found = []
    for shape, path, value in shaped_strings(obj) if strings is None else strings:
        for pattern, values in rules:
            if value not in values and pattern.fullmatch(shape):
                found.append((path, value, values))
                break
    return found


def invalid_container_names(strings: list[tuple[str, Path, str]]) -> list[tuple[Path, str, str]]:
    """(path, name, why the API server rejects it) of each container (in a pod's spec or a template's, init and
    ephemeral ones too) whose name is not a DNS-1123 label (`data_processor`), in document order, among an object's
    `strings` (shaped_strings)."""
    return [(path, name, problem) for shape, path, name in strings
            if shape.endswith("].name") and CONTAINER_NAME.fullmatch(shape) and (problem := label_problem(name))]


CONTAINER_NAME = re.compile(r"(?:.*\.)?(?:containers|initContainers|ephemeralContainers)\[\]\.name")


def shaped_strings(obj: dict[str, Any]) -> list[tuple[str, Path, str]]:
    """Each string value of `obj` with its field's shape (`spec.containers[].name`) and its path."""
    return [("".join("[]" if isinstance(part, tuple) else f".{part}" for part in path).lstrip("."),
             tuple(_indexed(path)), value) for path, value in _strings(obj, ())]


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


BASE64_DIGITS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
LINE_BREAKS = frozenset(b"\r\n")


def base64_problem(text: str) -> str | None:
    """Why the API server cannot read `text` as the value of a `[]byte` field (a Secret's `data`, a ConfigMap's
    `binaryData`, a `caBundle`: `format: byte` in the schemas), in its words; None when it reads it. Go's JSON decoder
    reads such a field as standard base64 with its `=` padding, skipping line breaks (a `|` block keeps them) but
    nothing else: a space, `-`, `_` or a missing `=` is refused, at the byte where Go's decoder stops."""
    src = text.encode("utf-8")
    at, end = 0, len(src)
    while True:
        digits = 0
        while digits < 4:
            if at == end:
                return None if digits == 0 else _illegal(at - digits)
            char = src[at]
            at += 1
            if char in BASE64_DIGITS:
                digits += 1
            elif char in LINE_BREAKS:
                continue
            elif char != ord("=") or digits < 2:
                return _illegal(at - 1)
            else:  # padding: `xx==` or `xxx=`, then nothing but line breaks
                if digits == 2:
                    while at < end and src[at] in LINE_BREAKS:
                        at += 1
                    if at == end:
                        return _illegal(end)
                    if src[at] != ord("="):
                        return _illegal(at - 1)
                    at += 1
                while at < end and src[at] in LINE_BREAKS:
                    at += 1
                return _illegal(at) if at < end else None


def _illegal(offset: int) -> str:
    return f"illegal base64 data at input byte {offset}"
