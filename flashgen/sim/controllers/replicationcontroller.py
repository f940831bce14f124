"""The ReplicationController controller: a ReplicaSet with an equality-only map selector."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import replicaset

if TYPE_CHECKING:
    from ..engine import Engine


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    replicaset.reconcile(sim, keys, "ReplicationController")


def wakeups(sim: "Engine") -> list[tuple[float, bool]]:
    return replicaset.wakeups(sim, "ReplicationController")
