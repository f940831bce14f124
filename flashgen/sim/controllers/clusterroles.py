"""The ClusterRole aggregation controller: a ClusterRole with an aggregationRule gets the rules of every
ClusterRole its label selectors pick (how admin, edit and view grow when a role is labelled
`rbac.authorization.k8s.io/aggregate-to-view: "true"`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import selectors

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]


def reconcile(sim: "Engine", keys: Any = None) -> None:
    if keys is not None and not keys:
        return
    for _ in range(5):  # aggregated roles can pick other aggregated roles: repeat until nothing changes
        changed = False
        roles = list(sim.store.items("ClusterRole"))
        for role in roles:
            rule = role.get("aggregationRule")
            if not rule:
                continue
            picks = [selectors.from_label_selector(s) for s in rule.get("clusterRoleSelectors") or []]
            rules: list[Obj] = []
            for other in roles:
                if other is role or not any(p(other["metadata"].get("labels") or {}) for p in picks):
                    continue
                for r in other.get("rules") or []:
                    if r not in rules:
                        rules.append(r)
            if rules != (role.get("rules") or []):
                changed |= sim.store.write(dict(role, rules=rules))
        if not changed:
            return
