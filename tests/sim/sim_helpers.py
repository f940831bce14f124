"""Helpers shared by the simulator tests (manifests, pod state)."""

from __future__ import annotations

from typing import Any



def deployment(name: str = "web", replicas: int = 3, image: str = "nginx:1.24", **spec: Any) -> dict:
    return {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name},
            "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [{"name": "nginx", "image": image,
                                                           "ports": [{"containerPort": 80, "name": "http"}]}]}},
                     **spec}}


def pod(name: str, image: str = "busybox:1.36", command: list[str] | None = None, restart: str = "Always",
        **extra: Any) -> dict:
    c: dict[str, Any] = {"name": name, "image": image}
    if command:
        c["command"] = command
    return {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "labels": {"run": name}},
            "spec": {"containers": [c], "restartPolicy": restart, **extra}}


def ready(p: dict) -> bool:
    return any(c["type"] == "Ready" and c["status"] == "True" for c in (p.get("status") or {}).get("conditions") or [])


def container_state(p: dict) -> tuple[str, str | None, int]:
    cs = (p.get("status") or {}).get("containerStatuses") or []
    if not cs:
        return ("none", None, 0)
    (state, detail), = cs[0]["state"].items()
    return (state, detail.get("reason"), cs[0]["restartCount"])
