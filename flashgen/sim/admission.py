"""Admission on create and update: service-account token volumes, Service IP and NodePort allocation, the
pods' resource and priority policies (podpolicy.py, limitranger.py), ResourceQuota (quota.py), and the
immutable-field rules."""

from __future__ import annotations

import copy
import ipaddress
from typing import TYPE_CHECKING, Any, Iterator, Protocol

from . import containervalidation, errors, kinds, limitranger, podpolicy, quantity, quota
from .names import NameSource

if TYPE_CHECKING:
    from .kinds import Kind

Obj = dict[str, Any]
SERVICE_CIDR = ipaddress.ip_network("10.96.0.0/16")
NODEPORT_RANGE = (30000, 32767)


class Store(Protocol):
    """What admission reads of the object store: the objects of a kind, and the cluster's name source."""

    names: NameSource

    def items(self, kind: str, namespace: str | None = None) -> Iterator[Obj]: ...

    def write(self, obj: Obj) -> bool: ...

    def clock(self) -> float: ...


TEMPLATE_KINDS = ("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "ReplicationController")


def admit(store: "Store", obj: Obj, old: Obj | None) -> None:
    """Admission in the API server's order: mutating plugins fill fields other components rely on, then the
    validating ones (resource policies, ResourceQuota on creation) may refuse the object."""
    kind = obj["kind"]
    if kind == "Event":
        return  # nothing to fill in, and quotas do not count events here
    if kind == "Pod" and old is None:
        _service_account_volume(store, obj)
        podpolicy.admit(store, obj)
    elif kind == "Service":
        _allocate_service(store, obj, old)
    elif kind == "Job" and old is None:
        _job_selector(obj)
    elif kind == "Ingress" and old is None:
        _default_ingress_class(store, obj)
    _policy_defaults(obj)
    _canonical_quantities(obj)
    if old is None and next(store.items("ResourceQuota"), None) is not None:  # no quota anywhere: nothing to count
        k = kinds.BY_KIND.get(kind)
        if k is not None and k.namespaced:
            quota.admit(store, obj, k.resource, store.clock())


HPA_BEHAVIOR = {
    "scaleUp": {"stabilizationWindowSeconds": 0, "selectPolicy": "Max",
                "policies": [{"type": "Pods", "value": 4, "periodSeconds": 15},
                             {"type": "Percent", "value": 100, "periodSeconds": 15}]},
    "scaleDown": {"selectPolicy": "Max", "policies": [{"type": "Percent", "value": 100, "periodSeconds": 15}]},
}


def _policy_defaults(obj: Obj) -> None:
    """The API server's defaulting of HorizontalPodAutoscaler (autoscaling/v2) and PriorityClass."""
    kind = obj["kind"]
    if kind == "PriorityClass":
        obj.setdefault("preemptionPolicy", "PreemptLowerPriority")
    elif kind == "HorizontalPodAutoscaler" and isinstance(obj.get("spec"), dict):
        spec = obj["spec"]
        spec.setdefault("minReplicas", 1)
        if not spec.get("metrics"):
            spec["metrics"] = [{"type": "Resource", "resource": {"name": "cpu", "target": {
                "type": "Utilization", "averageUtilization": 80}}}]
        behavior = spec.setdefault("behavior", {})
        for direction, defaults in HPA_BEHAVIOR.items():
            rules = behavior.setdefault(direction, {})
            for key, value in defaults.items():
                rules.setdefault(key, copy.deepcopy(value))


def _default_ingress_class(store: "Store", ing: Obj) -> None:
    """The DefaultIngressClass plugin: a new Ingress without a class gets the default IngressClass."""
    spec = ing.setdefault("spec", {})
    if spec.get("ingressClassName") or ((ing.get("metadata") or {}).get("annotations") or {}).get(
            "kubernetes.io/ingress.class"):
        return
    defaults = [c["metadata"]["name"] for c in store.items("IngressClass")
                if (c["metadata"].get("annotations") or {}).get("ingressclass.kubernetes.io/is-default-class") == "true"]
    if len(defaults) > 1:
        name = ing["metadata"].get("name", "")
        raise errors.ApiError(403, "Forbidden", f'ingresses.networking.k8s.io "{name}" is forbidden: '
                              f"{len(defaults)} default IngressClasses were found, only 1 allowed")
    if defaults:
        spec["ingressClassName"] = defaults[0]


def _canonical_quantities(obj: Obj) -> None:
    """Quantities as the API server stores them, in pod templates, quotas and limit ranges."""
    kind, spec = obj["kind"], obj.get("spec")
    if not isinstance(spec, dict):
        return
    if kind in TEMPLATE_KINDS:
        podpolicy.canonical_resources((spec.get("template") or {}).get("spec"), "spec.template.spec")
    elif kind == "CronJob":
        job = (spec.get("jobTemplate") or {}).get("spec") or {}
        podpolicy.canonical_resources((job.get("template") or {}).get("spec"), "spec.jobTemplate.spec.template.spec")
    elif kind == "ResourceQuota" and isinstance(spec.get("hard"), dict):
        for name, q in list(spec["hard"].items()):
            try:
                spec["hard"][name] = quantity.normalize(q)
            except quantity.QuantityError:
                raise errors.invalid("ResourceQuota", obj["metadata"].get("name", ""), [
                    f"spec.hard[{name}]: Invalid value: {q!r}: quantities must match the regular expression "
                    "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]) from None
    elif kind == "LimitRange":
        limitranger.normalize(obj)


def _job_selector(job: Obj) -> None:
    """The generated selector and pod labels of a Job (unless spec.manualSelector)."""
    spec = job.setdefault("spec", {})
    if spec.get("manualSelector"):
        return
    uid, name = job["metadata"]["uid"], job["metadata"]["name"]
    labels = {"batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": name,
              "controller-uid": uid, "job-name": name}
    spec["selector"] = {"matchLabels": {"batch.kubernetes.io/controller-uid": uid}}
    tmeta = spec.setdefault("template", {}).setdefault("metadata", {})
    tmeta["labels"] = dict(tmeta.get("labels") or {}, **labels)


def _service_account_volume(store: "Store", pod: Obj) -> None:
    spec = pod["spec"]
    if spec.get("automountServiceAccountToken") is False or \
            "kubernetes.io/config.mirror" in (pod["metadata"].get("annotations") or {}):
        return
    if any(v.get("name", "").startswith("kube-api-access-") for v in spec.get("volumes") or []):
        return
    name = "kube-api-access-" + store.names.suffix(5)
    spec.setdefault("volumes", []).append({"name": name, "projected": {"defaultMode": 420, "sources": [
        {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
        {"configMap": {"name": "kube-root-ca.crt", "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
        {"downwardAPI": {"items": [{"path": "namespace", "fieldRef": {"apiVersion": "v1",
                                                                       "fieldPath": "metadata.namespace"}}]}}]}})
    for c in spec.get("containers", []) + spec.get("initContainers", []):
        c.setdefault("volumeMounts", []).append(
            {"name": name, "readOnly": True, "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"})


def _used_ips(store: "Store", skip_uid: str | None) -> set[str]:
    return {s["spec"].get("clusterIP") for s in store.items("Service")
            if s["metadata"].get("uid") != skip_uid}


def _used_node_ports(store: "Store", skip_uid: str | None) -> dict[int, str]:
    used = {}
    for s in store.items("Service"):
        if s["metadata"].get("uid") == skip_uid:
            continue
        for p in s["spec"].get("ports") or []:
            if p.get("nodePort"):
                used[p["nodePort"]] = s["metadata"]["name"]
    return used


def _allocate_service(store: "Store", svc: Obj, old: Obj | None) -> None:
    spec = svc["spec"]
    name = svc["metadata"]["name"]
    uid = old["metadata"]["uid"] if old else None
    if old and not spec.get("clusterIP"):
        spec["clusterIP"] = old["spec"].get("clusterIP")
    if spec.get("type") == "ExternalName":
        spec.pop("clusterIP", None)
        spec.pop("clusterIPs", None)
        return
    if not spec.get("clusterIP"):
        used = _used_ips(store, uid)
        while True:
            ip = str(SERVICE_CIDR[store.names.number(11, SERVICE_CIDR.num_addresses - 2)])
            if ip not in used:
                break
        spec["clusterIP"] = ip
    elif spec["clusterIP"] != "None" and (old is None or old["spec"].get("clusterIP") != spec["clusterIP"]):
        try:
            in_range = ipaddress.ip_address(spec["clusterIP"]) in SERVICE_CIDR
        except ValueError:
            in_range = False
        if not in_range:
            raise errors.invalid("Service", name, [f'spec.clusterIPs: Invalid value: ["{spec["clusterIP"]}"]: failed '
                                                  "to allocate IP " f"{spec['clusterIP']}: the provided IP "
                                                  "is not in the valid range. The range of valid IPs is 10.96.0.0/16"])
        if spec["clusterIP"] in _used_ips(store, uid):
            raise errors.invalid("Service", name, [f'spec.clusterIPs: Invalid value: ["{spec["clusterIP"]}"]: failed '
                                                  f"to allocate IP {spec['clusterIP']}: provided IP is already "
                                                  "allocated"])
    spec["clusterIPs"] = [spec["clusterIP"]]
    if spec.get("type") in ("NodePort", "LoadBalancer"):
        used = _used_node_ports(store, uid)
        old_ports = {p.get("port"): p.get("nodePort") for p in (old or {}).get("spec", {}).get("ports") or []}
        for i, p in enumerate(spec.get("ports") or []):
            if p.get("nodePort"):
                if p["nodePort"] in used:
                    raise errors.invalid("Service", name, [f"spec.ports[{i}].nodePort: Invalid value: "
                                                          f"{p['nodePort']}: provided port is already allocated"])
            elif old_ports.get(p.get("port")):
                p["nodePort"] = old_ports[p["port"]]
            else:
                while True:
                    n = store.names.number(*NODEPORT_RANGE)
                    if n not in used:
                        break
                p["nodePort"] = n
            used[p["nodePort"]] = name
    else:
        for p in spec.get("ports") or []:
            p.pop("nodePort", None)



def check_update(store: "Store", obj: Obj, old: Obj, kind: "Kind") -> None:
    """Reject changes to immutable fields, as the API server's update validation does."""
    name = obj["metadata"]["name"]
    spec, ospec = obj.get("spec") or {}, old.get("spec") or {}
    if kind.kind in ("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet") and \
            spec.get("selector") != ospec.get("selector"):
        raise errors.invalid(kind.qualified, name, [f"spec.selector: Invalid value: {_go(spec.get('selector'))}: "
                                                    "field is immutable"])
    if kind.kind == "Job":
        for f in ("selector", "template", "completions"):
            if f == "completions" and spec.get(f) == ospec.get(f):
                continue
            if spec.get(f) != ospec.get(f):
                raise errors.invalid(kind.qualified, name, [f"spec.{f}: Invalid value: {_go(spec.get(f))}: "
                                                            "field is immutable"])
    if kind.kind == "StatefulSet":
        changed = [f for f in spec if f not in ("replicas", "template", "updateStrategy", "ordinals",
                                                "persistentVolumeClaimRetentionPolicy", "minReadySeconds")
                   and spec.get(f) != ospec.get(f)]
        if changed:
            raise errors.invalid(kind.qualified, name, [
                "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are "
                "forbidden"])
    if kind.kind == "Pod":
        a, b = copy.deepcopy(spec), copy.deepcopy(ospec)
        for s in (a, b):
            for c in s.get("containers", []) + s.get("initContainers", []):
                c.pop("image", None)
            s.pop("activeDeadlineSeconds", None)
            s.pop("tolerations", None)
        if a != b:
            raise errors.invalid("Pod", name, [
                "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,"
                "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions "
                "to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was "
                "previously negative)"])
    if kind.kind == "Service" and ospec.get("clusterIP") and spec.get("clusterIP") != ospec.get("clusterIP"):
        raise errors.invalid("Service", name, [f'spec.clusterIPs[0]: Invalid value: []string{{"{spec.get("clusterIP")}"}}: '
                                               "may not change once set"])
    if kind.kind in ("ConfigMap", "Secret"):
        cause = containervalidation.immutable_change(obj, old)
        if cause:
            raise errors.invalid(kind.kind, name, [cause])
    if kind.kind == "PersistentVolumeClaim":
        a = {k: v for k, v in spec.items() if k not in ("resources", "volumeName")}
        b = {k: v for k, v in ospec.items() if k not in ("resources", "volumeName")}
        if a != b:
            raise errors.invalid(kind.qualified, name, [
                "spec: Forbidden: spec is immutable after creation except resources.requests and "
                "volumeAttributesClassName for bound claims"])


def _go(value: Any) -> str:
    if isinstance(value, dict):
        return "v1.LabelSelector{...}" if "matchLabels" in value or "matchExpressions" in value else "{...}"
    return repr(value)
