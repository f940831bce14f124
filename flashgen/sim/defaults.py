"""The API server's defaulting of omitted fields, per kind (what `kubectl get -o yaml` shows after apply)."""

from __future__ import annotations

from typing import Any

from . import images

Obj = dict[str, Any]
MIRROR = "kubernetes.io/config.mirror"  # the annotation of a static pod's mirror pod


def _container(c: Obj) -> None:
    c.setdefault("imagePullPolicy", images.default_pull_policy(c.get("image", "")))
    c.setdefault("terminationMessagePath", "/dev/termination-log")
    c.setdefault("terminationMessagePolicy", "File")
    c.setdefault("resources", {})
    for p in c.get("ports") or []:
        p.setdefault("protocol", "TCP")
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        pr = c.get(probe)
        if isinstance(pr, dict):
            pr.setdefault("timeoutSeconds", 1)
            pr.setdefault("periodSeconds", 10)
            pr.setdefault("successThreshold", 1)
            pr.setdefault("failureThreshold", 3)
            if isinstance(pr.get("httpGet"), dict):
                pr["httpGet"].setdefault("path", "/")
                pr["httpGet"].setdefault("scheme", "HTTP")
    for e in c.get("env") or []:
        vf = e.get("valueFrom") or {}
        if "fieldRef" in vf:
            vf["fieldRef"].setdefault("apiVersion", "v1")


def pod_spec(spec: Obj) -> None:
    """Defaults of a PodSpec (in a Pod or a pod template)."""
    spec.setdefault("restartPolicy", "Always")
    spec.setdefault("dnsPolicy", "ClusterFirst")
    spec.setdefault("terminationGracePeriodSeconds", 30)
    spec.setdefault("schedulerName", "default-scheduler")
    spec.setdefault("securityContext", {})
    for c in spec.get("containers") or []:
        _container(c)
    for c in spec.get("initContainers") or []:
        _container(c)
    for v in spec.get("volumes") or []:
        if "configMap" in v:
            v["configMap"].setdefault("defaultMode", 420)
        if "secret" in v:
            v["secret"].setdefault("defaultMode", 420)
        if "hostPath" in v:
            v["hostPath"].setdefault("type", "")
        if "emptyDir" in v and v["emptyDir"] is None:
            v["emptyDir"] = {}


def _template(tpl: Obj | None) -> None:
    if isinstance(tpl, dict):
        tpl.setdefault("metadata", {})
        pod_spec(tpl.setdefault("spec", {}))


def _pvc_spec(spec: Obj) -> None:
    spec.setdefault("volumeMode", "Filesystem")


def qos_class(spec: Obj) -> str:
    """Guaranteed, Burstable or BestEffort from the containers' requests and limits."""
    cs = spec.get("containers") or []
    res = [c.get("resources") or {} for c in cs]
    if not any(r.get("requests") or r.get("limits") for r in res):
        return "BestEffort"
    for r in res:
        lim = r.get("limits") or {}
        req = r.get("requests") or lim  # requests left out default to the limits
        if not lim.get("cpu") or not lim.get("memory") or req != {k: v for k, v in lim.items() if k in req}:
            return "Burstable"
    return "Guaranteed"


def apply_defaults(obj: Obj) -> Obj:
    """Fill in what the API server would; mutates and returns obj."""
    kind = obj.get("kind")
    spec = obj.get("spec") if isinstance(obj.get("spec"), dict) else None
    if kind == "Pod" and spec is not None:
        pod_spec(spec)
        if not obj.get("status"):
            obj["status"] = {"phase": "Pending", "qosClass": qos_class(spec)}
        spec.setdefault("enableServiceLinks", True)
        spec.setdefault("preemptionPolicy", "PreemptLowerPriority")
        spec.setdefault("priority", 0)
        if MIRROR not in ((obj.get("metadata") or {}).get("annotations") or {}):  # a static pod has no account
            spec.setdefault("serviceAccountName", "default")
            spec.setdefault("serviceAccount", spec["serviceAccountName"])
        tol = spec.setdefault("tolerations", [])
        for key in ("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"):
            if not any(t.get("key") == key for t in tol):
                tol.append({"key": key, "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300})
    elif kind in ("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController") and spec is not None:
        _template(spec.get("template"))
        if kind != "DaemonSet":
            spec.setdefault("replicas", 1)
        if kind == "Deployment":
            spec.setdefault("revisionHistoryLimit", 10)
            spec.setdefault("progressDeadlineSeconds", 600)
            st = spec.setdefault("strategy", {})
            st.setdefault("type", "RollingUpdate")
            if st["type"] == "RollingUpdate":
                ru = st.setdefault("rollingUpdate", {})
                ru.setdefault("maxSurge", "25%")
                ru.setdefault("maxUnavailable", "25%")
        if kind == "DaemonSet":
            spec.setdefault("revisionHistoryLimit", 10)
            us = spec.setdefault("updateStrategy", {})
            us.setdefault("type", "RollingUpdate")
            if us["type"] == "RollingUpdate":
                ru = us.setdefault("rollingUpdate", {})
                ru.setdefault("maxSurge", 0)
                ru.setdefault("maxUnavailable", 1)
        if kind == "StatefulSet":
            spec.setdefault("podManagementPolicy", "OrderedReady")
            spec.setdefault("revisionHistoryLimit", 10)
            us = spec.setdefault("updateStrategy", {})
            us.setdefault("type", "RollingUpdate")
            if us["type"] == "RollingUpdate":
                us.setdefault("rollingUpdate", {}).setdefault("partition", 0)
            pol = spec.setdefault("persistentVolumeClaimRetentionPolicy", {})
            pol.setdefault("whenDeleted", "Retain")
            pol.setdefault("whenScaled", "Retain")
            for t in spec.get("volumeClaimTemplates") or []:
                t.setdefault("apiVersion", "v1")
                t.setdefault("kind", "PersistentVolumeClaim")
                t.setdefault("metadata", {})
                _pvc_spec(t.setdefault("spec", {}))
                t.setdefault("status", {"phase": "Pending"})
        if kind == "ReplicationController":
            tpl_labels = ((spec.get("template") or {}).get("metadata") or {}).get("labels")
            if not spec.get("selector") and tpl_labels:
                spec["selector"] = dict(tpl_labels)
            if not (obj.get("metadata") or {}).get("labels") and tpl_labels:
                obj.setdefault("metadata", {})["labels"] = dict(tpl_labels)
    elif kind == "Job" and spec is not None:
        _job_spec(spec)
    elif kind == "CronJob" and spec is not None:
        spec.setdefault("concurrencyPolicy", "Allow")
        spec.setdefault("suspend", False)
        spec.setdefault("successfulJobsHistoryLimit", 3)
        spec.setdefault("failedJobsHistoryLimit", 1)
        jt = spec.get("jobTemplate")
        if isinstance(jt, dict):
            jt.setdefault("metadata", {})
            _template((jt.get("spec") or {}).get("template"))
    elif kind == "Service":
        spec = obj.setdefault("spec", {})
        spec.setdefault("type", "ClusterIP")
        spec.setdefault("sessionAffinity", "None")
        if spec["type"] != "ExternalName":
            spec.setdefault("ipFamilyPolicy", "SingleStack")
            spec.setdefault("ipFamilies", ["IPv4"])
            spec.setdefault("internalTrafficPolicy", "Cluster")
        if spec["type"] in ("NodePort", "LoadBalancer"):
            spec.setdefault("externalTrafficPolicy", "Cluster")
        if spec["type"] == "LoadBalancer":
            spec.setdefault("allocateLoadBalancerNodePorts", True)
        for p in spec.get("ports") or []:
            p.setdefault("protocol", "TCP")
            if spec.get("clusterIP") != "None" or "targetPort" in p:
                p.setdefault("targetPort", p.get("port"))
            elif spec.get("clusterIP") == "None":
                p.setdefault("targetPort", p.get("port"))
        obj.setdefault("status", {"loadBalancer": {}})
    elif kind == "PersistentVolumeClaim":
        spec = obj.setdefault("spec", {})
        _pvc_spec(spec)
        if "storageClassName" not in spec and "volumeName" not in spec:
            spec["storageClassName"] = "standard"
        obj.setdefault("status", {"phase": "Pending"})
    elif kind == "Namespace":
        meta = obj.setdefault("metadata", {})
        meta.setdefault("labels", {})["kubernetes.io/metadata.name"] = meta.get("name", "")
        obj.setdefault("spec", {"finalizers": ["kubernetes"]})
        obj.setdefault("status", {"phase": "Active"})
    elif kind == "Secret":
        obj.setdefault("type", "Opaque")
        string_data = obj.pop("stringData", None) or {}
        if string_data:
            import base64
            data = obj.setdefault("data", {})
            for k, v in string_data.items():
                data[k] = base64.b64encode(str(v).encode()).decode()
    return obj


def _job_spec(spec: Obj) -> None:
    if "completions" not in spec and "parallelism" not in spec:
        spec["completions"] = 1
        spec["parallelism"] = 1
    spec.setdefault("parallelism", 1)
    spec.setdefault("backoffLimit", 6)
    spec.setdefault("completionMode", "NonIndexed")
    spec.setdefault("suspend", False)
    spec.setdefault("manualSelector", None)
    if spec["manualSelector"] is None:
        del spec["manualSelector"]
    spec.setdefault("podReplacementPolicy", "TerminatingOrFailed")
    _template(spec.get("template"))
