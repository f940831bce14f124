"""`kubectl get` columns of the policy kinds, as the API server's printers make them: ResourceQuota, LimitRange,
PodDisruptionBudget, HorizontalPodAutoscaler, Ingress, IngressClass, PriorityClass, NetworkPolicy and the RBAC
kinds."""

from __future__ import annotations

from typing import Any, Callable

from . import selectors
from .timefmt import human_duration, parse_rfc3339

Obj = dict[str, Any]


def _age(obj: Obj, now: float) -> str:
    ts = obj["metadata"].get("creationTimestamp")
    return human_duration(now - parse_rfc3339(ts)) if ts else "<unknown>"


def _created(obj: Obj, now: float) -> str:
    return obj["metadata"].get("creationTimestamp") or "<unknown>"


def _quota_row(q: Obj, now: float, wide: bool) -> list[str]:
    st = q.get("status") or {}
    request, limit = [], []
    for name in sorted((q.get("spec") or {}).get("hard") or {}):
        used = (st.get("used") or {}).get(name, "0")
        hard = (st.get("hard") or {}).get(name, "0")
        (limit if name.split(".")[0] == "limits" and "." in name else request).append(f"{name}: {used}/{hard}")
    return [q["metadata"]["name"], _age(q, now), ", ".join(request), ", ".join(limit)]


def _named_created(o: Obj, now: float, wide: bool) -> list[str]:
    return [o["metadata"]["name"], _created(o, now)]


def _binding_row(b: Obj, now: float, wide: bool) -> list[str]:
    ref = b.get("roleRef") or {}
    row = [b["metadata"]["name"], f"{ref.get('kind', '')}/{ref.get('name', '')}", _age(b, now)]
    if wide:
        subjects = b.get("subjects") or []
        users = ", ".join(s["name"] for s in subjects if s.get("kind") == "User")
        groups = ", ".join(s["name"] for s in subjects if s.get("kind") == "Group")
        sas = ", ".join(f"{s.get('namespace', '')}/{s['name']}" for s in subjects if s.get("kind") == "ServiceAccount")
        row += [users, groups, sas]
    return row


def _intstr(value: Any) -> str:
    return "N/A" if value is None else str(value)


def _pdb_row(p: Obj, now: float, wide: bool) -> list[str]:
    spec = p.get("spec") or {}
    return [p["metadata"]["name"], _intstr(spec.get("minAvailable")), _intstr(spec.get("maxUnavailable")),
            str((p.get("status") or {}).get("disruptionsAllowed", 0)), _age(p, now)]


def hpa_targets(h: Obj) -> str:
    """The TARGETS column: `cpu: 25%/50%`, `<unknown>` before the first metrics."""
    specs = (h.get("spec") or {}).get("metrics") or []
    statuses = (h.get("status") or {}).get("currentMetrics") or []
    out = []
    for i, spec in enumerate(specs):
        if spec.get("type") != "Resource":
            out.append("<unknown>")  # only Resource metrics are simulated
            continue
        res = spec.get("resource") or {}
        target = res.get("target") or {}
        cur = (statuses[i].get("resource") or {}).get("current") or {} if i < len(statuses) else {}
        if target.get("averageValue") is not None:
            out.append(f"{res.get('name')}: {cur.get('averageValue', '<unknown>')}/{target['averageValue']}")
        else:
            now_ = f"{cur['averageUtilization']}%" if cur.get("averageUtilization") is not None else "<unknown>"
            goal = f"{target['averageUtilization']}%" if target.get("averageUtilization") is not None else "<auto>"
            out.append(f"{res.get('name')}: {now_}/{goal}")
    if not out:
        return "<none>"
    if len(out) > 2:
        return ", ".join(out[:2]) + f" + {len(out) - 2} more..."
    return ", ".join(out)


def _hpa_row(h: Obj, now: float, wide: bool) -> list[str]:
    spec = h.get("spec") or {}
    ref = spec.get("scaleTargetRef") or {}
    return [h["metadata"]["name"], f"{ref.get('kind', '')}/{ref.get('name', '')}", hpa_targets(h),
            str(spec.get("minReplicas", 1)), str(spec.get("maxReplicas", "")),
            str((h.get("status") or {}).get("currentReplicas", 0)), _age(h, now)]


def _ingress_row(i: Obj, now: float, wide: bool) -> list[str]:
    spec = i.get("spec") or {}
    hosts = [r["host"] for r in spec.get("rules") or [] if r.get("host")]
    shown = ",".join(hosts[:4]) + (f" + {len(hosts) - 4} more..." if len(hosts) > 4 else "") if hosts else "*"
    lb = ((i.get("status") or {}).get("loadBalancer") or {}).get("ingress") or []
    address = ",".join(x.get("ip") or x.get("hostname", "") for x in lb)
    ports = "80, 443" if spec.get("tls") else "80"
    return [i["metadata"]["name"], spec.get("ingressClassName") or "<none>", shown, address, ports, _age(i, now)]


def _ingressclass_row(c: Obj, now: float, wide: bool) -> list[str]:
    params = (c.get("spec") or {}).get("parameters")
    shown = f"{params.get('kind', '')}/{params.get('name', '')}" if params else "<none>"
    return [c["metadata"]["name"], (c.get("spec") or {}).get("controller", ""), shown, _age(c, now)]


def _pc_row(c: Obj, now: float, wide: bool) -> list[str]:
    return [c["metadata"]["name"], str(c.get("value", 0)), str(bool(c.get("globalDefault"))).lower(), _age(c, now),
            c.get("preemptionPolicy", "PreemptLowerPriority")]


def _netpol_row(n: Obj, now: float, wide: bool) -> list[str]:
    sel = selectors.to_string((n.get("spec") or {}).get("podSelector"))
    return [n["metadata"]["name"], "<none>" if sel == "<none>" else sel, _age(n, now)]


TABLES: dict[str, tuple[list[str], list[str], Callable[[Obj, float, bool], list[str]]]] = {
    "ResourceQuota": (["NAME", "AGE", "REQUEST", "LIMIT"], [], _quota_row),
    "LimitRange": (["NAME", "CREATED AT"], [], _named_created),
    "Role": (["NAME", "CREATED AT"], [], _named_created),
    "ClusterRole": (["NAME", "CREATED AT"], [], _named_created),
    "RoleBinding": (["NAME", "ROLE", "AGE"], ["USERS", "GROUPS", "SERVICEACCOUNTS"], _binding_row),
    "ClusterRoleBinding": (["NAME", "ROLE", "AGE"], ["USERS", "GROUPS", "SERVICEACCOUNTS"], _binding_row),
    "PodDisruptionBudget": (["NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"], [],
                            _pdb_row),
    "HorizontalPodAutoscaler": (["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"], [],
                                _hpa_row),
    "Ingress": (["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"], [], _ingress_row),
    "IngressClass": (["NAME", "CONTROLLER", "PARAMETERS", "AGE"], [], _ingressclass_row),
    "PriorityClass": (["NAME", "VALUE", "GLOBAL-DEFAULT", "AGE", "PREEMPTIONPOLICY"], [], _pc_row),
    "NetworkPolicy": (["NAME", "POD-SELECTOR", "AGE"], [], _netpol_row),
}
