"""Simulated resource use, as metrics-server would report it: what each running container uses of CPU and memory.

The model is small and deterministic. A container uses its image's idle figures (a web server 1m of CPU and a
few MiB, a `sleep` nothing). A shell loop that fetches a Service's URL with wget or curl (the documentation's
load generator, `while sleep 0.01; do wget -q -O- http://php-apache; done`) sends requests at the rate its
`sleep` allows (at most 100 a second); each request costs the Service's ready pods CPU by their image
(registry.k8s.io/hpa-example 7m per request a second, other servers 0.1m), shared evenly. `stress` images and
busy loops use what they ask for (`-cpus 2`, `--cpu 1`, `--vm-bytes 150M`, `while true; do :; done` one core).
CPU is capped at the container's limit. Metrics exist once a container has run for one 15 s scrape window."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import images, podresources, quantity, selectors

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]
WINDOW = 15.0  # metrics-server's scrape interval: the first sample needs one full window
MAX_RATE = 100.0
NODE_OVERHEAD = (30, 150 * 1024 * 1024)  # kubelet, containerd and the OS on each node
MI = 1024 * 1024
IDLE: dict[str, tuple[int, int]] = {  # image (last path part) -> (millicores, bytes) when idle
    "nginx": (1, 3 * MI), "httpd": (1, 8 * MI), "redis": (2, 3 * MI), "hpa-example": (1, 10 * MI),
    "mysql": (5, 380 * MI), "postgres": (2, 30 * MI), "mongo": (5, 70 * MI), "memcached": (1, 2 * MI),
    "kube-apiserver": (45, 250 * MI), "etcd": (20, 40 * MI), "kube-controller-manager": (15, 50 * MI),
    "kube-scheduler": (4, 20 * MI), "coredns": (2, 14 * MI), "kindnetd": (1, 10 * MI), "kube-proxy": (1, 15 * MI),
    "local-path-provisioner": (1, 9 * MI), "agnhost": (1, 8 * MI), "stress": (0, 1 * MI),
}
COST_PER_REQUEST = {"hpa-example": 7.0}  # millicores per request a second
DEFAULT_COST = 0.1
_URL = re.compile(r"https?://([A-Za-z0-9.-]+)")
_SLEEP = re.compile(r"\bsleep\s+([0-9.]+)")
_CPUS = re.compile(r"(?:^|\s)-{1,2}cpus?[ =]([0-9.]+)")
_VM_BYTES = re.compile(r"--vm-bytes[ =]([0-9.]+[A-Za-z]*)")


def _text(c: Obj) -> str:
    return " ".join(str(x) for x in (c.get("command") or []) + (c.get("args") or []))


def _image_name(c: Obj) -> str:
    return images.parse(c.get("image", "")).short.rsplit("/", 1)[-1]


def _running_since(pod: Obj, name: str) -> float | None:
    from .timefmt import parse_rfc3339
    for cs in (pod.get("status") or {}).get("containerStatuses") or []:
        if cs.get("name") == name:
            running = (cs.get("state") or {}).get("running")
            return parse_rfc3339(running["startedAt"]) if running and running.get("startedAt") else None
    return None


def _generator(c: Obj) -> tuple[str, float] | None:
    """(target host, requests a second) of a container whose shell loop fetches a URL."""
    text = _text(c)
    if not ("wget" in text or "curl" in text) or not ("while" in text or "for " in text or "until" in text):
        return None
    url = _URL.search(text)
    if not url:
        return None
    sleep = _SLEEP.search(text)
    rate = MAX_RATE if sleep is None or float(sleep.group(1)) <= 0 else min(MAX_RATE, 1 / float(sleep.group(1)))
    return url.group(1), rate


def _service_of(host: str, ns: str) -> tuple[str, str]:
    parts = host.split(".")
    if len(parts) >= 2 and parts[1] not in ("svc",):
        return parts[1], parts[0]
    return ns, parts[0]


def _busy(c: Obj) -> tuple[int, int]:
    """(millicores, bytes) a stress image or a busy loop asks for beyond the idle figures."""
    text = _text(c)
    cpu = mem = 0
    name = _image_name(c)
    if "stress" in name:
        m = _CPUS.search(text)
        if m:
            cpu = int(float(m.group(1)) * 1000)
        m = _VM_BYTES.search(text)
        if m:
            size = m.group(1).rstrip("Bb")
            if size[-1:] in ("K", "k", "M", "m", "G", "g"):  # stress counts in powers of 1024
                size = size[:-1] + size[-1].upper().replace("K", "K") + "i"
            try:
                mem = quantity.units(size)
            except quantity.QuantityError:
                mem = 0
    if re.search(r"while\s+(true|:)\s*;\s*do\s*(:|true)?\s*;?\s*done", text) or re.search(r"(^|\s)yes(\s|$)", text):
        cpu = max(cpu, 1000)
    return cpu, mem


class Usage:
    """One reading of the cluster's use; built on demand (the metrics API, `kubectl top`, the HPA controller)."""

    def __init__(self, sim: "Engine"):
        self.sim = sim
        self.load: dict[tuple[str, str], float] = {}
        for pod in sim.store.items("Pod"):
            if (pod.get("status") or {}).get("phase") != "Running":
                continue
            for c in pod["spec"].get("containers") or []:
                gen = _generator(c)
                if gen and _running_since(pod, c["name"]) is not None:
                    key = _service_of(gen[0], pod["metadata"]["namespace"])
                    self.load[key] = self.load.get(key, 0.0) + gen[1]
        self.share: dict[str, float] = {}  # pod uid -> requests a second it serves
        for (ns, svc_name), rate in self.load.items():
            svc = sim.store.find("Service", ns, svc_name)
            sel = (svc or {}).get("spec", {}).get("selector")
            if not sel:
                continue
            match = selectors.from_map(sel)
            ready = [p for p in sim.store.items("Pod", ns) if match(p["metadata"].get("labels") or {}) and
                     any(c["type"] == "Ready" and c["status"] == "True"
                         for c in (p.get("status") or {}).get("conditions") or [])]
            for p in ready:
                self.share[p["metadata"]["uid"]] = self.share.get(p["metadata"]["uid"], 0.0) + rate / len(ready)

    def container(self, pod: Obj, c: Obj) -> tuple[int, int] | None:
        """(millicores, bytes) of one container, or None when metrics-server has no sample of it yet."""
        since = _running_since(pod, c["name"])
        if since is None or self.sim.time - since < WINDOW:
            return None
        name = _image_name(c)
        cpu, mem = IDLE.get(name, (1, 20 * MI) if images.parse(c.get("image", "")).default_kind == "server"
                            and not c.get("command") else (0, 1 * MI))
        busy_cpu, busy_mem = _busy(c)
        cpu += busy_cpu
        mem += busy_mem
        served = self.share.get(pod["metadata"]["uid"], 0.0)
        if served and c is pod["spec"]["containers"][0]:
            cpu += int(served * COST_PER_REQUEST.get(name, DEFAULT_COST))
        gen = _generator(c)
        if gen:
            cpu += int(gen[1] * 0.05)
        limit = podresources.container_limits(c).get("cpu")
        if limit is not None:
            cpu = min(cpu, quantity.milli(limit))
        return cpu, mem

    def pod(self, pod: Obj) -> list[tuple[str, int, int]] | None:
        """[(container, millicores, bytes)] of a running pod with a sample, else None."""
        if (pod.get("status") or {}).get("phase") != "Running":
            return None
        out = []
        for c in pod["spec"].get("containers") or []:
            got = self.container(pod, c)
            if got is not None:
                out.append((c["name"], got[0], got[1]))
        return out or None

    def node(self, node: Obj) -> tuple[int, int]:
        name = node["metadata"]["name"]
        cpu, mem = NODE_OVERHEAD
        for pod in self.sim.store.items("Pod"):
            if pod["spec"].get("nodeName") != name:
                continue
            for _, c_cpu, c_mem in self.pod(pod) or []:
                cpu += c_cpu
                mem += c_mem
        return cpu, mem
