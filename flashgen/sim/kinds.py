"""The resource kinds the simulator serves: group/version, plural, scope and kubectl's short names."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Kind:
    """One served resource type."""

    kind: str
    api_version: str
    plural: str
    namespaced: bool
    short_names: tuple[str, ...] = field(default=())
    stored_as: str = ""  # another served version of a kind the store keeps in `stored_as` (see conversion.py)

    @property
    def group(self) -> str:
        return self.api_version.split("/")[0] if "/" in self.api_version else ""

    @property
    def qualified(self) -> str:
        """`Deployment.apps` (for messages) or `Pod` for the core group."""
        return f"{self.kind}.{self.group}" if self.group else self.kind

    @property
    def resource(self) -> str:
        """`deployments.apps` or `pods` (for NotFound messages)."""
        return f"{self.plural}.{self.group}" if self.group else self.plural


KINDS: tuple[Kind, ...] = (
    Kind("Namespace", "v1", "namespaces", False, ("ns",)),
    Kind("Node", "v1", "nodes", False, ("no",)),
    Kind("Pod", "v1", "pods", True, ("po",)),
    Kind("Service", "v1", "services", True, ("svc",)),
    Kind("Endpoints", "v1", "endpoints", True, ("ep",)),
    Kind("ConfigMap", "v1", "configmaps", True, ("cm",)),
    Kind("Secret", "v1", "secrets", True, ()),
    Kind("ServiceAccount", "v1", "serviceaccounts", True, ("sa",)),
    Kind("PersistentVolumeClaim", "v1", "persistentvolumeclaims", True, ("pvc",)),
    Kind("PersistentVolume", "v1", "persistentvolumes", False, ("pv",)),
    Kind("ReplicationController", "v1", "replicationcontrollers", True, ("rc",)),
    Kind("Event", "v1", "events", True, ("ev",)),
    Kind("Deployment", "apps/v1", "deployments", True, ("deploy",)),
    Kind("ReplicaSet", "apps/v1", "replicasets", True, ("rs",)),
    Kind("DaemonSet", "apps/v1", "daemonsets", True, ("ds",)),
    Kind("StatefulSet", "apps/v1", "statefulsets", True, ("sts",)),
    Kind("ControllerRevision", "apps/v1", "controllerrevisions", True, ()),
    Kind("Job", "batch/v1", "jobs", True, ()),
    Kind("CronJob", "batch/v1", "cronjobs", True, ("cj",)),
    Kind("EndpointSlice", "discovery.k8s.io/v1", "endpointslices", True, ()),
    Kind("StorageClass", "storage.k8s.io/v1", "storageclasses", False, ("sc",)),
    Kind("Ingress", "networking.k8s.io/v1", "ingresses", True, ("ing",)),
    Kind("IngressClass", "networking.k8s.io/v1", "ingressclasses", False, ()),
    Kind("NetworkPolicy", "networking.k8s.io/v1", "networkpolicies", True, ("netpol",)),  # stored, not enforced
    Kind("HorizontalPodAutoscaler", "autoscaling/v2", "horizontalpodautoscalers", True, ("hpa",)),
    Kind("PodDisruptionBudget", "policy/v1", "poddisruptionbudgets", True, ("pdb",)),
    Kind("ResourceQuota", "v1", "resourcequotas", True, ("quota",)),
    Kind("LimitRange", "v1", "limitranges", True, ("limits",)),
    Kind("Role", "rbac.authorization.k8s.io/v1", "roles", True, ()),
    Kind("RoleBinding", "rbac.authorization.k8s.io/v1", "rolebindings", True, ()),
    Kind("ClusterRole", "rbac.authorization.k8s.io/v1", "clusterroles", False, ()),
    Kind("ClusterRoleBinding", "rbac.authorization.k8s.io/v1", "clusterrolebindings", False, ()),
    Kind("PriorityClass", "scheduling.k8s.io/v1", "priorityclasses", False, ("pc",)),
    Kind("Lease", "coordination.k8s.io/v1", "leases", True, ()),
    # served too, converted to and from the stored version above
    Kind("HorizontalPodAutoscaler", "autoscaling/v1", "horizontalpodautoscalers", True, ("hpa",),
         stored_as="autoscaling/v2"),
)

BY_KIND: dict[str, Kind] = {k.kind: k for k in KINDS if not k.stored_as}


def lookup(word: str) -> Kind | None:
    """A kind from what a user types: `po`, `pods`, `pod`, `Deployment`, `deployments.apps`, `deploy`."""
    w = word.strip().lower()
    if "." in w and w.split(".", 1)[0] in {k.plural for k in KINDS}:
        w = w.split(".", 1)[0]
    for k in KINDS:
        if w in (k.kind.lower(), k.plural, *k.short_names) and not k.stored_as:
            return k
    return None


def for_object(api_version: str, kind: str) -> Kind | None:
    """The Kind record for an object's apiVersion and kind, if served."""
    k = BY_KIND.get(kind)
    if k is None or k.api_version != api_version:
        return None
    return k
