"""`kubectl describe` for ResourceQuota, LimitRange and PodDisruptionBudget, laid out as kubectl's describers
lay them out (tab-separated; describe.py aligns the columns and adds the events where kubectl does)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import selectors

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]
SCOPE_HELP = {"Terminating": "Matches all pods that have an active deadline. These pods have a limited lifespan "
                             "on a node before being actively terminated by the system.",
              "NotTerminating": "Matches all pods that do not have an active deadline. These pods usually include "
                                "long running pods whose container command is not expected to terminate.",
              "BestEffort": "Matches all pods that do not have resource requirements set. These pods have a best "
                            "effort quality of service.",
              "NotBestEffort": "Matches all pods that have at least one resource requirement set. These pods have a "
                               "burstable or guaranteed quality of service."}


def _name_ns(obj: Obj) -> list[str]:
    return [f"Name:\t{obj['metadata']['name']}", f"Namespace:\t{obj['metadata'].get('namespace', '')}"]


def resource_quota(sim: "Engine", q: Obj) -> list[str]:
    out = _name_ns(q)
    scopes = sorted((q.get("spec") or {}).get("scopes") or [])
    if scopes:
        out.append(f"Scopes:\t{', '.join(scopes)}")
        out += [f" * {SCOPE_HELP[s]}" for s in scopes if s in SCOPE_HELP]
    st = q.get("status") or {}
    out += ["Resource\tUsed\tHard", "--------\t----\t----"]
    for name in sorted((st.get("hard") or {})):
        out.append(f"{name}\t{(st.get('used') or {}).get(name, '0')}\t{st['hard'][name]}")
    return out


def limit_range(sim: "Engine", lr: Obj) -> list[str]:
    out = _name_ns(lr) + ["Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio",
                          "----\t--------\t---\t---\t---------------\t-------------\t-----------------------"]
    fields = ("min", "max", "defaultRequest", "default", "maxLimitRequestRatio")
    for item in (lr.get("spec") or {}).get("limits") or []:
        names = sorted({n for f in fields for n in (item.get(f) or {})})
        for name in names:
            values = [str((item.get(f) or {}).get(name, "-")) for f in fields]
            out.append("\t".join([item.get("type", ""), name] + values))
    return out


def disruption_budget(sim: "Engine", p: Obj) -> list[str]:
    spec, st = p.get("spec") or {}, p.get("status") or {}
    out = _name_ns(p)
    if spec.get("minAvailable") is not None:
        out.append(f"Min available:\t{spec['minAvailable']}")
    if spec.get("maxUnavailable") is not None:
        out.append(f"Max unavailable:\t{spec['maxUnavailable']}")
    sel = selectors.to_string(spec.get("selector"))
    out.append(f"Selector:\t{'<unset>' if sel == '<none>' else sel}")
    out += ["Status:", f"    Allowed disruptions:\t{st.get('disruptionsAllowed', 0)}",
            f"    Current:\t{st.get('currentHealthy', 0)}", f"    Desired:\t{st.get('desiredHealthy', 0)}",
            f"    Total:\t{st.get('expectedPods', 0)}"]
    return out


DESCRIBERS = {"ResourceQuota": resource_quota, "LimitRange": limit_range, "PodDisruptionBudget": disruption_budget}
NO_EVENTS = {"ResourceQuota", "LimitRange"}
