"""A simulated ingress-nginx controller, installed as kind's guide installs it (its kind manifest runs the
controller with --watch-ingress-without-class and --publish-status-address=localhost): it serves the Ingresses of
the IngressClass `nginx` (controller `k8s.io/ingress-nginx`) and those that name no class, publishes the address
`localhost` in their status.loadBalancer and records its `Sync` events. Ingresses of another class (the
documentation's examples name `nginx-example`) are left alone, without an ADDRESS, as the real controller leaves
them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flashgen.kube.ingress import class_of

from .. import events

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]
CONTROLLER = "k8s.io/ingress-nginx"
ADDRESS = {"hostname": "localhost"}
COMPONENT = "nginx-ingress-controller"


def served_classes(sim: "Engine") -> set[str]:
    return {c["metadata"]["name"] for c in sim.store.items("IngressClass")
            if (c.get("spec") or {}).get("controller") == CONTROLLER}


def reconcile(sim: "Engine", keys: Any = None) -> None:
    """Fill (or clear) each Ingress's status.loadBalancer by whether the controller serves its class."""
    if not sim.store.objects.keys_of("Ingress"):
        return
    classes = list(sim.store.items("IngressClass"))
    served = served_classes(sim)
    for ing in list(sim.store.items("Ingress")):
        cls = class_of(ing, classes)
        mine = cls is None or cls in served
        status = {"loadBalancer": {"ingress": [dict(ADDRESS)]} if mine else {}}
        if (ing.get("status") or {}) != status:
            if mine:
                events.record(sim, ing, "Sync", "Scheduled for sync", COMPONENT)
            sim.store.write(dict(ing, status=status))
