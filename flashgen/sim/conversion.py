"""Conversion between a kind's served versions and the version the store keeps: autoscaling/v1
HorizontalPodAutoscalers (what `kubectl autoscale` sends) are stored as autoscaling/v2."""

from __future__ import annotations

import copy
import json
from typing import Any

Obj = dict[str, Any]
HPA_V1, HPA_V2 = "autoscaling/v1", "autoscaling/v2"
CONDITIONS_ANNOTATION = "autoscaling.alpha.kubernetes.io/conditions"
CURRENT_METRICS_ANNOTATION = "autoscaling.alpha.kubernetes.io/current-metrics"
DEFAULT_CPU_UTILIZATION = 80


def _hpa_to_v2(obj: Obj) -> Obj:
    out = copy.deepcopy(obj)
    out["apiVersion"] = HPA_V2
    spec = out.get("spec") if isinstance(out.get("spec"), dict) else {}
    target = spec.pop("targetCPUUtilizationPercentage", None)
    spec["metrics"] = [{"type": "Resource", "resource": {"name": "cpu", "target": {
        "type": "Utilization", "averageUtilization": DEFAULT_CPU_UTILIZATION if target is None else target}}}]
    out["spec"] = spec
    ann = (out.get("metadata") or {}).get("annotations") or {}
    for key in (CONDITIONS_ANNOTATION, CURRENT_METRICS_ANNOTATION):
        ann.pop(key, None)
    status = out.pop("status", None)
    if isinstance(status, dict):
        status.pop("currentCPUUtilizationPercentage", None)
        out["status"] = status
    return out


def _hpa_to_v1(obj: Obj) -> Obj:
    out = copy.deepcopy(obj)
    out["apiVersion"] = HPA_V1
    spec = out.get("spec") or {}
    metrics = spec.pop("metrics", None) or []
    spec.pop("behavior", None)
    for m in metrics:
        res = m.get("resource") or {}
        if m.get("type") == "Resource" and res.get("name") == "cpu" and \
                (res.get("target") or {}).get("type") == "Utilization":
            spec["targetCPUUtilizationPercentage"] = res["target"].get("averageUtilization")
    status = out.get("status") or {}
    conditions = status.pop("conditions", None)
    current = status.pop("currentMetrics", None) or []
    for m in current:
        res = m.get("resource") or {}
        if m.get("type") == "Resource" and res.get("name") == "cpu" and \
                (res.get("current") or {}).get("averageUtilization") is not None:
            status["currentCPUUtilizationPercentage"] = res["current"]["averageUtilization"]
    if conditions:
        out.setdefault("metadata", {}).setdefault("annotations", {})[CONDITIONS_ANNOTATION] = \
            json.dumps(conditions, separators=(",", ":"))
    if "status" in out:
        out["status"] = status
    return out


def to_storage(obj: Any) -> Any:
    """The object in the version the store keeps (unchanged when it is already)."""
    if isinstance(obj, dict) and obj.get("kind") == "HorizontalPodAutoscaler" and obj.get("apiVersion") == HPA_V1:
        return _hpa_to_v2(obj)
    return obj


def to_version(obj: Obj, api_version: str) -> Obj:
    """A stored object as a client of another served version sees it."""
    if obj.get("kind") == "HorizontalPodAutoscaler" and api_version == HPA_V1 and obj.get("apiVersion") == HPA_V2:
        return _hpa_to_v1(obj)
    return obj
