"""Endpoints and EndpointSlices (discovery.k8s.io/v1) for Services with a selector, from their pods' readiness."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .. import selectors
from . import common

if TYPE_CHECKING:
    from ..engine import Engine

Obj = dict[str, Any]
SLICE_MANAGER = "endpointslice-controller.k8s.io"


def _target_port(port: Obj, pod: Obj) -> int | None:
    tp = port.get("targetPort", port.get("port"))
    if isinstance(tp, int):
        return tp
    if isinstance(tp, str) and tp.isdigit():
        return int(tp)
    for c in pod["spec"].get("containers") or []:
        for p in c.get("ports") or []:
            if p.get("name") == tp and p.get("protocol", "TCP") == port.get("protocol", "TCP"):
                return p["containerPort"]
    return None


def _hostname(pod: Obj, svc: Obj) -> str | None:
    """A pod's hostname in its Service's endpoints: when it sets spec.hostname and names the Service as its
    subdomain (StatefulSet pods, Indexed Job pods with a subdomain), which is what makes
    `<hostname>.<service>.<namespace>.svc.cluster.local` resolve."""
    spec = pod["spec"]
    if spec.get("hostname") and spec.get("subdomain") == svc["metadata"]["name"]:
        return spec["hostname"]
    return None


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    """Endpoints and slices of every Service (only those among keys unless None)."""
    for svc in sim.store.pick("Service", keys):
        if svc["metadata"]["name"] == "kubernetes" and svc["metadata"]["namespace"] == "default":
            _apiserver(sim, svc)
            continue
        if not svc["spec"].get("selector"):
            continue
        _sync(sim, svc)


def _apiserver(sim: "Engine", svc: Obj) -> None:
    cp = next(iter(sim.store.items("Node")), None)
    ip = next((a["address"] for a in cp["status"]["addresses"] if a["type"] == "InternalIP"), "") if cp else ""
    ep = {"apiVersion": "v1", "kind": "Endpoints",
          "metadata": {"name": "kubernetes", "namespace": "default",
                       "labels": {"endpointslice.kubernetes.io/skip-mirror": "true"}},
          "subsets": [{"addresses": [{"ip": ip}], "ports": [{"name": "https", "port": 6443, "protocol": "TCP"}]}]}
    _put(sim, ep)
    sl = {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "addressType": "IPv4",
          "metadata": {"name": "kubernetes", "namespace": "default",
                       "labels": {"kubernetes.io/service-name": "kubernetes"}},
          "endpoints": [{"addresses": [ip], "conditions": {"ready": True}}],
          "ports": [{"name": "https", "port": 6443, "protocol": "TCP"}]}
    _put(sim, sl)


def _put(sim: "Engine", obj: Obj, owner: Obj | None = None) -> None:
    cur = sim.store.find(obj["kind"], obj["metadata"]["namespace"], obj["metadata"]["name"])
    if owner is not None:
        obj["metadata"]["ownerReferences"] = [common.owner_ref(owner)]
    if cur is None:
        sim.store.create(obj, validate=False)
        return
    new = copy.deepcopy(cur)
    for k, v in obj.items():
        if k != "metadata":
            new[k] = v
    for k in ("subsets", "endpoints"):
        if k not in obj and k in new:
            del new[k]
    new["metadata"]["labels"] = obj["metadata"].get("labels", {})
    if obj["kind"] == "Endpoints":
        new["metadata"].setdefault("annotations", {})
    sim.store.write(new)


def _sync(sim: "Engine", svc: Obj) -> None:
    ns, name = svc["metadata"]["namespace"], svc["metadata"]["name"]
    match = selectors.from_map(svc["spec"]["selector"])
    pods = [p for p in sim.store.items("Pod", ns)
            if match(p["metadata"].get("labels") or {}) and (p.get("status") or {}).get("podIP")
            and common.is_active(p)]
    ports = svc["spec"].get("ports") or []
    # Endpoints: group pods by their resolved port list
    subsets: dict[tuple, Obj] = {}
    for pod in sorted(pods, key=lambda p: p["status"]["podIP"]):
        resolved = []
        for p in ports:
            tp = _target_port(p, pod)
            if tp is not None:
                e = {"port": tp, "protocol": p.get("protocol", "TCP")}
                if p.get("name"):
                    e["name"] = p["name"]
                resolved.append(e)
        key = tuple(sorted((e.get("name", ""), e["port"]) for e in resolved))
        sub = subsets.setdefault(key, {"ports": resolved})
        addr = {"ip": pod["status"]["podIP"], "nodeName": pod["spec"]["nodeName"],
                "targetRef": {"kind": "Pod", "name": pod["metadata"]["name"], "namespace": ns,
                              "uid": pod["metadata"]["uid"]}}
        if _hostname(pod, svc):
            addr = {"ip": addr.pop("ip"), "hostname": _hostname(pod, svc), **addr}
        sub.setdefault("addresses" if common.is_ready(pod) else "notReadyAddresses", []).append(addr)
    ep: Obj = {"apiVersion": "v1", "kind": "Endpoints",
               "metadata": {"name": name, "namespace": ns, "labels": dict(svc["metadata"].get("labels") or {})}}
    if svc["spec"].get("clusterIP") == "None":
        ep["metadata"]["labels"]["service.kubernetes.io/headless"] = ""
    subs = [s for s in subsets.values() if s["ports"] or True]
    if subs:
        ep["subsets"] = [{k: s[k] for k in ("addresses", "notReadyAddresses", "ports") if s.get(k)} for s in subs]
    _put(sim, ep)
    # EndpointSlice: one per service
    slices = [s for s in sim.store.items("EndpointSlice", ns)
              if (s["metadata"].get("labels") or {}).get("kubernetes.io/service-name") == name]
    slice_name = slices[0]["metadata"]["name"] if slices else f"{name}-{sim.names.suffix(5)}"
    endpoints = []
    for pod in sorted(pods, key=lambda p: p["status"]["podIP"]):
        ready = common.is_ready(pod)
        endpoint = {"addresses": [pod["status"]["podIP"]],
                    "conditions": {"ready": ready, "serving": ready, "terminating": False},
                    "nodeName": pod["spec"]["nodeName"],
                    "targetRef": {"kind": "Pod", "name": pod["metadata"]["name"], "namespace": ns,
                                  "uid": pod["metadata"]["uid"]}}
        if _hostname(pod, svc):
            endpoint["hostname"] = _hostname(pod, svc)
        endpoints.append(endpoint)
    slice_ports = []
    for p in ports:
        tp = _target_port(p, pods[0]) if pods else None
        sp: Obj = {"name": p.get("name", ""), "port": tp if tp is not None else None,
                   "protocol": p.get("protocol", "TCP")}
        if sp["port"] is None:
            del sp["port"]
        slice_ports.append(sp)
    labels = dict(svc["metadata"].get("labels") or {})
    labels.update({"endpointslice.kubernetes.io/managed-by": SLICE_MANAGER, "kubernetes.io/service-name": name})
    if svc["spec"].get("clusterIP") == "None":
        labels["service.kubernetes.io/headless"] = ""
    sl = {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "addressType": "IPv4",
          "metadata": {"name": slice_name, "namespace": ns, "labels": labels,
                       "generateName": f"{name}-"},
          "endpoints": endpoints, "ports": slice_ports if pods else None}
    if sl["ports"] is None:
        del sl["ports"]
    _put(sim, sl, owner=svc)
