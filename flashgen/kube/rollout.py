"""Where a Deployment's rollout stands, read from its status as `kubectl rollout status` reads it (shared by
the lab checks and the simulator's `rollout status`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Rollout:
    """The first step of a Deployment's rollout that is not done, with what there is and what is wanted:
    `observed` (the controller has not seen the latest spec: generations), `updated` (new replicas),
    `old` (all replicas against the updated ones: old ones are still there), `available` (updated replicas
    available), or "" once the rollout is complete."""

    pending: str
    have: int = 0
    want: int = 0


def deployment_rollout(deployment: dict[str, Any]) -> Rollout:
    """The Deployment's rollout step, in kubectl's order of checks."""
    spec, status = deployment.get("spec") or {}, deployment.get("status") or {}
    generation = (deployment.get("metadata") or {}).get("generation", 0)
    observed = status.get("observedGeneration", 0)
    want, updated = spec.get("replicas", 1), status.get("updatedReplicas", 0)
    replicas, available = status.get("replicas", 0), status.get("availableReplicas", 0)
    if observed < generation:
        return Rollout("observed", observed, generation)
    if updated < want:
        return Rollout("updated", updated, want)
    if replicas > updated:
        return Rollout("old", replicas, updated)
    if available < updated:
        return Rollout("available", available, updated)
    return Rollout("")
