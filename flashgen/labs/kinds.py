"""Facts about Kubernetes kinds the check engine needs: which are cluster-scoped, how to name objects."""

from __future__ import annotations

from typing import Any

CLUSTER_SCOPED = frozenset({
    "Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
    "CustomResourceDefinition", "PriorityClass", "IngressClass", "RuntimeClass", "CSIDriver", "CSINode",
    "VolumeAttachment", "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "CertificateSigningRequest",
    "ComponentStatus", "FlowSchema", "PriorityLevelConfiguration",
})


def namespace_for(kind: str, namespace: str | None) -> str | None:
    """The namespace to use for an object of `kind`: None for cluster-scoped kinds."""
    return None if kind in CLUSTER_SCOPED else namespace


def describe(kind: str, name: str | None, namespace: str | None) -> str:
    """`Job default/backup`, `Namespace study`, or `Pods in default`."""
    if kind in CLUSTER_SCOPED or not namespace:
        return f"{kind} {name}" if name else f"{kind} objects"
    return f"{kind} {namespace}/{name}" if name else f"{kind} objects in {namespace}"


def owned_by(obj: dict[str, Any], owner: dict[str, Any] | None = None, kind: str | None = None,
             name: str | None = None) -> bool:
    """True when `obj` has an ownerReference to `owner` (by uid when known) or to kind/name."""
    refs = (obj.get("metadata") or {}).get("ownerReferences") or []
    for ref in refs:
        if owner is not None:
            uid = (owner.get("metadata") or {}).get("uid")
            if uid and ref.get("uid") == uid:
                return True
            if ref.get("kind") == owner.get("kind") and ref.get("name") == (owner.get("metadata") or {}).get("name"):
                return True
        elif ref.get("kind") == kind and ref.get("name") == name:
            return True
    return False


def is_pod_ready(pod: dict[str, Any]) -> bool:
    """A pod that is not being deleted and whose Ready condition is True."""
    if (pod.get("metadata") or {}).get("deletionTimestamp"):
        return False
    for cond in (pod.get("status") or {}).get("conditions") or []:
        if cond.get("type") == "Ready":
            return cond.get("status") == "True"
    return False


def label_selector(labels: dict[str, str]) -> str:
    """`app=webui,tier=web` from a label mapping."""
    return ",".join(f"{k}={v}" for k, v in sorted(labels.items()))
