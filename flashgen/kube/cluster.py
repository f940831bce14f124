"""The Cluster interface that lab checks talk to; the simulator and a real cluster implement it."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

Obj = dict[str, Any]


class ClusterError(Exception):
    """A user-facing failure to reach or use a cluster (no kubeconfig, refused, forbidden ...)."""


@runtime_checkable
class Cluster(Protocol):
    """What a lab verifier needs from a cluster. Objects are plain dicts in Kubernetes JSON form
    (camelCase keys, exactly as `kubectl get -o json` prints them)."""

    name: str  # a short description for messages, e.g. "simulated cluster" or "context kind-kind"

    def apply(self, manifest: Obj, namespace: str | None = None) -> Obj:
        """Create the object, or update it if it exists (as `kubectl apply`); return it as stored."""

    def get(self, api_version: str, kind: str, name: str, namespace: str | None = None) -> Obj | None:
        """One object, or None when it does not exist."""

    def list(self, api_version: str, kind: str, namespace: str | None = None,
             label_selector: str | None = None) -> list[Obj]:
        """Objects of a kind; namespace None means all namespaces for namespaced kinds."""

    def delete(self, api_version: str, kind: str, name: str, namespace: str | None = None) -> bool:
        """Delete an object (background propagation); False when it did not exist."""

    def wait(self, seconds: float) -> None:
        """Let time pass: real seconds on a real cluster, virtual seconds on the simulator."""

    def now(self) -> float:
        """The cluster's clock as a UNIX timestamp (virtual on the simulator)."""
