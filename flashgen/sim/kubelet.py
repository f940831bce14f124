"""The kubelet: runs bound pods' containers on the virtual clock and reports pod status.

Timeline of a container: the pod sandbox is ready 1 s after binding (pod IP assigned, ContainerCreating);
the image pull takes 2 s (or 1 s when the image is already on the node and the pull policy allows it);
then the process runs as images.py/programs.py say. An exited container is restarted according to the pod's
restartPolicy: the first restart comes 1 s after the exit, later ones wait 10 s, 20 s, 40 s ... up to 300 s
(CrashLoopBackOff, counted from the exit); a run of 10 minutes or more resets the back-off. Failed pulls retry
with the same doubling back-off (ErrImagePull, then ImagePullBackOff).

Before the sandbox, the pod's volumes must mount: a missing ConfigMap or Secret (or key) keeps the pod in
ContainerCreating with FailedMount events, retried 0.5 s, 1 s, 2 s ... up to 2m2s apart. A container whose
environment cannot be built (containerconfig: a missing ConfigMap, Secret or key) waits in
CreateContainerConfigError and is tried again every 10 s. A running container's probes (probes.py) make it
started and ready, or get it killed: a killed shell or sleep ignores SIGTERM and stops when the grace period
ends (exit code 137), a server stops within a second (exit code 0).
"""

from __future__ import annotations

import hashlib
import ipaddress
from typing import TYPE_CHECKING, Any

from . import containerconfig, events, images, probes, programs, servers
from .defaults import qos_class
from .timefmt import rfc3339

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]
BACKOFF_START = 10.0
BACKOFF_CAP = 300.0
BACKOFF_RESET = 600.0
CONFIG_RETRY = 10.0  # the pod worker's back-off after a failed sync
MOUNT_RETRY_START = 0.5
MOUNT_RETRY_CAP = 122.0


def _digest(*parts: str) -> str:
    return hashlib.sha256(":".join(parts).encode()).hexdigest()


def _pod_ref(pod: Obj) -> str:
    return f"{pod['metadata']['name']}_{pod['metadata'].get('namespace', 'default')}({pod['metadata']['uid']})"


class Kubelet:
    """All nodes' kubelets; per-pod bookkeeping lives in engine.runtime["pods"] (JSON-serialisable)."""

    def __init__(self, sim: "Engine"):
        self.sim = sim
        self._ips: dict[str, set[str]] = {}  # node -> addresses in use, kept for the pods dict below
        self._ips_of: dict[str, Any] | None = None
        self._targets: dict[tuple[str, str, float], probes.Target] = {}  # a container run, as probes see it
        self._reported: dict[str, tuple | None] = {}  # pod uid -> _signature when its status was last written

    @property
    def pods(self) -> dict[str, Any]:
        return self.sim.runtime.setdefault("pods", {})

    # ----- IP addresses -----
    def _allocate_ip(self, node: Obj) -> str:
        ipam = self.sim.runtime.setdefault("ipam", {}).setdefault(node["metadata"]["name"], {"last": 1})
        net = ipaddress.ip_network(node["spec"]["podCIDR"])
        used = self._used_ips(node["metadata"]["name"])
        n = ipam["last"]
        for _ in range(net.num_addresses):
            n = n + 1 if n + 1 < net.num_addresses - 1 else 2
            ip = str(net[n])
            if ip not in used:
                ipam["last"] = n
                used.add(ip)
                return ip
        raise RuntimeError("pod CIDR exhausted")

    def _used_ips(self, node: str) -> set[str]:
        """The addresses of the node's pods (the set is kept up to date by _allocate_ip and forget)."""
        if self._ips_of is not self.pods:
            self._ips = {}
            for r in self.pods.values():
                if r.get("ip") is not None and not r.get("host_network"):
                    self._ips.setdefault(r.get("node"), set()).add(r["ip"])
            self._ips_of = self.pods
        return self._ips.setdefault(node, set())

    def forget(self, pod: Obj) -> None:
        """Drop a deleted pod's bookkeeping."""
        rec = self.pods.pop(pod["metadata"]["uid"], None)
        if rec and rec.get("ip") is not None and self._ips_of is self.pods and not rec.get("host_network"):
            self._ips.get(rec.get("node"), set()).discard(rec["ip"])
        uid = pod["metadata"]["uid"]
        self._reported.pop(uid, None)
        for key in [k for k in self._targets if k[0] == uid]:
            del self._targets[key]

    # ----- the sync loop -----
    def reconcile(self, keys: set[tuple[str, str, str]] | None = None) -> None:
        """Sync every bound pod (only those among keys unless None)."""
        for pod in self.sim.store.pick("Pod", keys):
            node_name = pod["spec"].get("nodeName")
            if not node_name:
                continue
            rec = self.pods.get(pod["metadata"]["uid"])
            if pod["metadata"].get("deletionTimestamp"):
                self._terminate(pod, rec)
                continue
            if rec is None:
                rec = {"node": node_name, "bound": self.sim.time, "sandbox": self.sim.time + 1, "ip": None,
                       "containers": {}}
                self.pods[pod["metadata"]["uid"]] = rec
            self._sync(pod, rec)

    def _terminate(self, pod: Obj, rec: dict[str, Any] | None) -> None:
        """Stop a deleted pod: a server stops on SIGTERM within a second; a shell or sleep as PID 1 ignores
        SIGTERM and is killed when the grace period ends. Then the pod object goes."""
        meta = pod["metadata"]
        if rec is None or rec.get("ip") is None:
            self.sim.store.remove("Pod", meta["namespace"], meta["name"])
            return
        if "stop_at" not in rec:
            grace = float(meta.get("deletionGracePeriodSeconds", 30))
            delay = 0.0
            for c in pod["spec"]["containers"]:
                cr = rec["containers"].get(c["name"])
                if cr and cr["state"] == "running":
                    serves = any(s[0] == "serve" for s in cr.get("program") or [])
                    delay = max(delay, min(grace, 1.0) if serves else grace)
                    self._event(pod, c, cr, "Killing", f"Stopping container {c['name']}")
            rec["stop_at"] = self.sim.time + delay
        if self.sim.time >= rec["stop_at"]:
            self.sim.store.remove("Pod", meta["namespace"], meta["name"])

    def wakeups(self) -> list[tuple[float, bool]]:
        out = []
        for rec in self.pods.values():
            if "stop_at" in rec:
                out.append((rec["stop_at"], True))
                continue
            if rec["ip"] is None:
                mount = rec.get("mount")
                out.append((mount["next"], False) if mount else (rec["sandbox"], True))
            for cr in list(rec["containers"].values()) + list((rec.get("init") or {}).values()):
                if cr.get("next") is not None:
                    steady = cr["state"] in ("backoff", "pullbackoff", "configerror") and not rec.get("job")
                    out.append((cr["next"], not steady))
        return out

    def _sync(self, pod: Obj, rec: dict[str, Any]) -> None:
        sim = self.sim
        node = sim.store.find("Node", None, rec["node"])
        if node is None:
            return
        rec["job"] = any(r.get("kind") == "Job" for r in pod["metadata"].get("ownerReferences") or [])
        if sim.time >= rec["sandbox"] and rec["ip"] is None and self._volumes_ready(pod, rec):
            if pod["spec"].get("hostNetwork"):
                rec["ip"] = self._host_ip(node)
                rec["host_network"] = True
            else:
                rec["ip"] = self._allocate_ip(node)
        if rec["ip"] is not None and self._run_init(pod, rec, node):
            for c in pod["spec"]["containers"]:
                if c["name"] not in rec["containers"]:
                    rec["containers"][c["name"]] = self._new_record(c, max(rec["sandbox"], sim.time))
        for c in pod["spec"]["containers"]:
            cr = rec["containers"].get(c["name"])
            if cr is None:
                continue
            if cr["image"] != c["image"] and cr["state"] in ("running", "backoff", "exited", "errpull",
                                                             "pullbackoff", "invalid"):
                self._image_changed(pod, c, cr)
            guard = 0
            while cr.get("next") is not None and cr["next"] <= sim.time and guard < 1000:
                guard += 1
                self._transition(pod, rec, c, cr, node)
            if cr["state"] == "running" and cr.get("probe") and sim.time >= cr.get("pcheck", 0):
                self._probe(pod, rec, c, cr, sim.time)
        seen = self._signature(pod, rec)
        if self._reported.get(pod["metadata"]["uid"]) != seen:
            self._report(pod, rec, node)
            stored = sim.store.find("Pod", pod["metadata"]["namespace"], pod["metadata"]["name"])
            self._reported[pod["metadata"]["uid"]] = self._signature(stored, rec) if stored else None

    @staticmethod
    def _signature(pod: Obj, rec: dict[str, Any]) -> tuple:
        """All that the pod's reported status depends on: when it is as last reported, so is the status."""
        crs = list((rec.get("init") or {}).items()) + list(rec["containers"].items())
        return (pod["metadata"].get("resourceVersion"), rec["ip"], bool(rec.get("mount")),
                tuple((name, cr["state"], cr["restarts"], cr.get("start"), cr.get("exit_code"), cr.get("message"),
                       cr.get("backoff"), cr["image"], (cr.get("probe") or {}).get("ready"),
                       (cr.get("probe") or {}).get("started"), bool(cr.get("last"))) for name, cr in crs))

    # ----- volumes -----
    def _volumes_ready(self, pod: Obj, rec: dict[str, Any]) -> bool:
        """Mount the pod's volumes: True when they all can; else FailedMount events, retried with back-off."""
        sim = self.sim
        mount = rec.get("mount") or {"fails": 0, "next": rec["sandbox"]}
        problems: list[tuple[str, str]] = []
        while mount["next"] <= sim.time + 1e-9:
            problems = containerconfig.volume_problems(sim.store, pod)
            if not problems:
                rec.pop("mount", None)
                return True
            for volume, message in problems:
                events.record_times(sim, pod, "FailedMount", f'MountVolume.SetUp failed for volume "{volume}" : '
                                    f"{message}", "kubelet", mount["next"], mount["next"], 1, warning=True,
                                    host=self._host(pod))
            delay = min(MOUNT_RETRY_START * 2 ** mount["fails"], MOUNT_RETRY_CAP)
            mount["fails"] += 1
            mount["next"] += delay
        rec["mount"] = mount
        return False

    @staticmethod
    def _host_ip(node: Obj) -> str:
        return next((a["address"] for a in node["status"].get("addresses", []) if a["type"] == "InternalIP"), "")

    @staticmethod
    def _new_record(c: Obj, t: float, init: bool = False) -> dict[str, Any]:
        rec = {"state": "creating", "t": t, "next": t, "restarts": 0, "exits": 0, "pulls": 0, "image": c["image"]}
        if init:
            rec["init"] = True
        return rec

    def _run_init(self, pod: Obj, rec: dict[str, Any], node: Obj) -> bool:
        """Run the init containers one after another; True once all have exited 0."""
        inits = rec.setdefault("init", {})
        for c in pod["spec"].get("initContainers") or []:
            cr = inits.get(c["name"])
            if cr is None:
                cr = inits[c["name"]] = self._new_record(c, self.sim.time, init=True)
            guard = 0
            while cr.get("next") is not None and cr["next"] <= self.sim.time and guard < 1000:
                guard += 1
                self._transition(pod, rec, c, cr, node)
            if not (cr["state"] == "exited" and cr.get("exit_code") == 0):
                return False
        return True

    def _image_changed(self, pod: Obj, c: Obj, cr: dict[str, Any]) -> None:
        events.record(self.sim, pod, "Killing", f"Container {c['name']} definition changed, will be restarted",
                      "kubelet", host=self._host(pod), field_path=f"spec.containers{{{c['name']}}}")
        if cr["state"] == "running":
            cr["last"] = self._terminated(pod, c, cr, 137, "Error", self.sim.time)
            cr["restarts"] += 1
        cr.update(image=c["image"], state="creating", t=self.sim.time, next=self.sim.time, pulls=0)
        for key in ("probe", "stop_at", "kill_code", "pnext", "pcheck"):
            cr.pop(key, None)

    def _host(self, pod: Obj) -> str:
        return pod["spec"].get("nodeName", "")

    def _event(self, pod: Obj, c: Obj, cr: dict[str, Any], reason: str, message: str,
               warning: bool = False) -> None:
        group = "initContainers" if cr.get("init") else "containers"
        events.record(self.sim, pod, reason, message, "kubelet", warning=warning, host=self._host(pod),
                      field_path=f"spec.{group}{{{c['name']}}}")

    def _terminated(self, pod: Obj, c: Obj, cr: dict[str, Any], code: int, reason: str, when: float) -> Obj:
        return {"exitCode": code, "reason": reason, "startedAt": rfc3339(cr["start"]), "finishedAt": rfc3339(when),
                "containerID": self._cid(pod, c, cr)}

    def _cid(self, pod: Obj, c: Obj, cr: dict[str, Any]) -> str:
        return "containerd://" + _digest(pod["metadata"]["uid"], c["name"], str(cr["restarts"]))

    def _transition(self, pod: Obj, rec: dict[str, Any], c: Obj, cr: dict[str, Any], node: Obj) -> None:
        sim = self.sim
        now = cr["next"]
        state = cr["state"]
        img = images.parse(c["image"])
        cache = sim.runtime.setdefault("images", {}).setdefault(rec["node"], [])
        if state in ("creating", "pullbackoff"):
            if img.error_reason == "InvalidImageName":
                cr.update(state="invalid", t=now, next=None, message=img.error_message)
                self._event(pod, c, cr, "InspectFailed", img.error_message, warning=True)
                self._event(pod, c, cr, "Failed", "Error: InvalidImageName", warning=True)
                return
            policy = c.get("imagePullPolicy", "IfNotPresent")
            present = img.full in cache and policy != "Always"
            if (not present or policy == "Always" or img.error_reason) and not cr.get("pulling"):
                self._event(pod, c, cr, "Pulling", f'Pulling image "{c["image"]}"')
            if img.error_reason and not cr.get("pulling"):
                cr["pulling"] = True
                cr.update(next=now + 2.0)
                return
            if img.error_reason:
                cr["pulling"] = False
                cr["pulls"] += 1
                cr.update(state="errpull", t=now, next=now + 1, message=f'rpc error: code = NotFound desc = '
                          f'{img.error_message}')
                self._event(pod, c, cr, "Failed", f'Failed to pull image "{c["image"]}": {cr["message"]}', warning=True)
                self._event(pod, c, cr, "Failed", "Error: ErrImagePull", warning=True)
                return
            if not cr.get("pulling"):
                cr["pulling"] = True
                pull = 1.0 if present else 2.0
                cr.update(next=now + pull)
                return
            cr["pulling"] = False
            if present:
                self._event(pod, c, cr, "Pulled", f'Container image "{c["image"]}" already present on machine')
            else:
                size = images.pull_size(img)
                self._event(pod, c, cr, "Pulled", f'Successfully pulled image "{c["image"]}" in 2s (2s including '
                            f"waiting). Image size: {size} bytes.")
                if img.full not in cache:
                    cache.append(img.full)
            self._start(pod, rec, c, cr, now, node)
        elif state == "configerror":
            self._event(pod, c, cr, "Pulled", f'Container image "{c["image"]}" already present on machine')
            self._start(pod, rec, c, cr, now, node)
        elif state == "errpull":
            delay = min(BACKOFF_START * 2 ** (cr["pulls"] - 1), BACKOFF_CAP)
            cr.update(state="pullbackoff", t=now, next=now + delay)
            self._event(pod, c, cr, "BackOff", f'Back-off pulling image "{c["image"]}"')
            self._event(pod, c, cr, "Failed", "Error: ImagePullBackOff", warning=True)
        elif state == "running":
            if cr.get("probe"):
                self._probe(pod, rec, c, cr, now)
            stop, exit_at = cr.get("stop_at"), cr.get("exit_at")
            if stop is not None and stop <= now + 1e-9 and (exit_at is None or stop < exit_at):
                self._exit(pod, c, cr, cr.get("kill_code") or 0, now)
            elif exit_at is not None and exit_at <= now + 1e-9:
                self._exit(pod, c, cr, cr.get("planned_code") or 0, now)
            else:
                self._schedule(cr)
        elif state == "exited":
            if cr["restart_at"] <= now:
                cr["last"] = cr.pop("term")
                cr["restarts"] += 1
                self._event(pod, c, cr, "Pulled", f'Container image "{c["image"]}" already present on machine')
                self._start(pod, rec, c, cr, now, node)
            else:
                cr.update(state="backoff", t=now, next=cr["restart_at"])
                self._event(pod, c, cr, "BackOff", f"Back-off restarting failed container {c['name']} in pod "
                            f"{_pod_ref(pod)}", warning=True)
        elif state == "backoff":
            cr["last"] = cr.pop("term")
            cr["restarts"] += 1
            self._event(pod, c, cr, "Pulled", f'Container image "{c["image"]}" already present on machine')
            self._start(pod, rec, c, cr, now, node)

    def _exit(self, pod: Obj, c: Obj, cr: dict[str, Any], code: int, now: float) -> None:
        """The container's process ended (by itself, or killed) with this exit code."""
        cr["exit_code"] = code
        cr["term"] = self._terminated(pod, c, cr, code, "Completed" if code == 0 else "Error", now)
        cr["runs"] = (cr.get("runs") or [])[-1:] + [[cr["start"], now]]
        policy = pod["spec"].get("restartPolicy", "Always")
        restart = policy == "Always" or (policy == "OnFailure" and code != 0)
        if cr.get("init"):
            restart = code != 0 and policy != "Never"
        cr.update(state="exited", t=now, next=None)
        for key in ("probe", "stop_at", "kill_code", "pnext", "pcheck"):
            cr.pop(key, None)
        self._targets.pop((pod["metadata"]["uid"], c["name"], cr["start"]), None)
        if restart:
            cr["exits"] = 1 if now - cr["start"] >= BACKOFF_RESET else cr["exits"] + 1
            delay = 0.0 if cr["exits"] == 1 else min(BACKOFF_START * 2 ** (cr["exits"] - 2), BACKOFF_CAP)
            cr["backoff"] = delay
            cr["restart_at"] = now + max(delay, 1.0)
            cr["next"] = now + 1.0

    def _start(self, pod: Obj, rec: dict[str, Any], c: Obj, cr: dict[str, Any], now: float, node: Obj) -> None:
        """Create and start the container: its environment and files, its program, its probes."""
        store = self.sim.store
        img = images.parse(c["image"])
        host_ip = self._host_ip(node)
        try:
            env = containerconfig.container_env(store, pod, c, rec["ip"], host_ip, node, img)
        except containerconfig.ConfigError as e:
            cr.update(state="configerror", t=now, next=now + CONFIG_RETRY, message=str(e))
            self._event(pod, c, cr, "Failed", f"Error: {e}", warning=True)
            return
        made: list[Any] = []

        def files() -> Any:  # the container's files, made once and only when something reads them
            if not made:
                made.append(containerconfig.container_fs(store, pod, c, img, rec["ip"], host_ip, node,
                                                         self._shared(pod, rec, c)))
            return made[0]
        hostname = containerconfig.hostname_of(pod)
        command = containerconfig.expand_command(c.get("command"), env)
        args = containerconfig.expand_command(c.get("args"), env)
        steps = programs.program_for(img, command, args, env, files() if command or args else None, hostname)
        dur = programs.duration(steps)
        for key in ("stop_at", "kill_code", "pnext", "pcheck", "message", "exit_at", "planned_code", "probe"):
            cr.pop(key, None)
        cr.update(state="running", t=now, start=now, program=steps)
        if dur:
            cr.update(exit_at=now + dur[0], planned_code=dur[1])
        if probes.has_probes(c) and not cr.get("init"):
            self._targets[(pod["metadata"]["uid"], c["name"], now)] = probes.Target(
                steps, files, env, img, hostname, rec["ip"] or "", c.get("ports") or [], now,
                image_files=self._image_files(c, img))
            cr["probe"] = probes.init(c, now)
        self._event(pod, c, cr, "Created", f"Created container: {c['name']}")
        self._event(pod, c, cr, "Started", f"Started container {c['name']}")
        if cr.get("probe"):
            self._probe(pod, rec, c, cr, now)
        else:
            self._schedule(cr)

    @staticmethod
    def _schedule(cr: dict[str, Any]) -> None:
        """A running container's next moment: its exit, the end of its kill, or a probe's transition."""
        due = [t for t in (cr.get("exit_at"), cr.get("stop_at"), cr.get("pnext")) if t is not None]
        cr["next"] = min(due) if due else None

    # ----- probes -----
    def _target(self, pod: Obj, rec: dict[str, Any], c: Obj, cr: dict[str, Any]) -> probes.Target:
        key = (pod["metadata"]["uid"], c["name"], cr["start"])
        target = self._targets.get(key)
        if target is None:  # after loading a saved state: built again from the stored objects
            node = self.sim.store.find("Node", None, rec["node"]) or {"status": {}}
            img = images.parse(c["image"])
            try:
                env = containerconfig.container_env(self.sim.store, pod, c, rec["ip"] or "", self._host_ip(node),
                                                    node, img)
            except containerconfig.ConfigError:
                env = {}
            host_ip = self._host_ip(node)
            target = probes.Target(cr["program"], lambda: containerconfig.container_fs(
                self.sim.store, pod, c, img, rec["ip"] or "", host_ip, node, self._shared(pod, rec, c)), env, img,
                containerconfig.hostname_of(pod), rec["ip"] or "", c.get("ports") or [], cr["start"])
            self._targets[key] = target
        return target

    @staticmethod
    def _image_files(c: Obj, img: images.Image) -> Any:
        """The image's files for what a server serves, when the container mounts nothing outside the service
        account's directory (most containers): no need to lay out its volumes."""
        if any(not m.get("mountPath", "").startswith(containerconfig.SA_DIR) for m in c.get("volumeMounts") or []):
            return None
        return containerconfig.image_files(servers.image_name(img))

    def _probe(self, pod: Obj, rec: dict[str, Any], c: Obj, cr: dict[str, Any], until: float) -> None:
        """Run the container's probes up to `until`; schedule a kill they ask for; find their next change."""
        target = self._target(pod, rec, c, cr)
        field_path = f"spec.containers{{{c['name']}}}"

        def emit(kind: str, reason: str, message: str, first: float, last: float, n: int, warning: bool) -> None:
            events.record_times(self.sim, pod, reason, message, "kubelet", first, last, n, warning=warning,
                                host=self._host(pod), field_path=field_path)
        st = cr["probe"]
        probes.advance(st, c, target, until, emit)
        if st["kill"] and cr.get("stop_at") is None:
            serves = any(s[0] in ("serve", "listen") and (s[1] or {}).get("ports") for s in cr.get("program") or [])
            spec = probes.spec(c, st["kill"]["by"]) or {}
            grace = float(spec.get("terminationGracePeriodSeconds")
                          or pod["spec"].get("terminationGracePeriodSeconds", 30))
            cr["stop_at"] = st["kill"]["at"] + (min(grace, 1.0) if serves else grace)
            cr["kill_code"] = 0 if serves else 137
        nxt, fail = probes.lookahead(st, c, target, until)
        cr["pnext"] = nxt
        cr["pcheck"] = fail if fail is not None else until + probes.LOOKAHEAD
        self._schedule(cr)

    def _shared(self, pod: Obj, rec: dict[str, Any], c: Obj) -> dict[str, dict[str, str]] | None:
        """What the pod's other containers have written into the emptyDir volumes this one mounts."""
        mine = {v for v, _, _ in containerconfig.emptydir_mounts(pod, c)}
        if not mine:
            return None
        out: dict[str, dict[str, str]] = {}
        now = self.sim.time
        others = [(o, (rec.get("init") or {}).get(o["name"])) for o in pod["spec"].get("initContainers") or []]
        others += [(o, rec["containers"].get(o["name"])) for o in pod["spec"]["containers"]]
        for o, ocr in others:
            if o["name"] == c["name"] or not ocr or "program" not in ocr or "start" not in ocr:
                continue
            mounts = [m for m in containerconfig.emptydir_mounts(pod, o) if m[0] in mine]
            if not mounts:
                continue
            base = containerconfig.container_fs(self.sim.store, pod, o, images.parse(o["image"]), rec["ip"] or "", "",
                                                None)
            fs, _, _ = programs.state_at(ocr["program"], base, now - ocr["start"])
            for volume, path, sub in mounts:
                for full, text in fs.walk_files(path):
                    rel = full[len(path.rstrip("/")) + 1:]
                    out.setdefault(volume, {})[f"{sub}/{rel}" if sub else rel] = text
        return out

    # ----- status -----
    def _container_status(self, pod: Obj, c: Obj, cr: dict[str, Any] | None,
                          waiting: str = "ContainerCreating") -> Obj:
        img = images.parse(c["image"])
        st: Obj = {"name": c["name"], "image": img.full if not img.error_reason else c["image"],
                   "imageID": "", "ready": False, "restartCount": cr["restarts"] if cr else 0, "started": False}
        last: Obj = {}
        if cr and cr.get("last"):
            last = {"terminated": cr["last"]}
        st["lastState"] = last
        if cr is None or cr["state"] == "creating":
            st["state"] = {"waiting": {"reason": waiting if cr is None else
                                       ("PodInitializing" if cr.get("init") else "ContainerCreating")}}
        elif cr["state"] in ("errpull", "pullbackoff", "invalid"):
            reason = {"errpull": "ErrImagePull", "pullbackoff": "ImagePullBackOff", "invalid": "InvalidImageName"}[
                cr["state"]]
            msg = cr.get("message", "")
            if cr["state"] == "pullbackoff":
                msg = f'Back-off pulling image "{c["image"]}": ErrImagePull: {msg}'
            st["state"] = {"waiting": {"reason": reason, "message": msg}}
        elif cr["state"] == "configerror":
            st["state"] = {"waiting": {"reason": "CreateContainerConfigError", "message": cr.get("message", "")}}
        elif cr["state"] == "running":
            st["state"] = {"running": {"startedAt": rfc3339(cr["start"])}}
            probe = cr.get("probe")
            st["started"] = probe["started"] if probe else True
            st["ready"] = probe["ready"] if probe else True
            st["containerID"] = self._cid(pod, c, cr)
        elif cr["state"] == "exited":
            st["state"] = {"terminated": cr["term"]}
            st["containerID"] = cr["term"]["containerID"]
        elif cr["state"] == "backoff":
            st["state"] = {"waiting": {"reason": "CrashLoopBackOff", "message":
                                       f"back-off {int(cr['backoff'])}s restarting failed container={c['name']} "
                                       f"pod={_pod_ref(pod)}"}}
            st["lastState"] = {"terminated": cr["term"]}
            st["containerID"] = cr["term"]["containerID"]
        if cr and (cr.get("restarts") or cr["state"] in ("running", "exited", "backoff")):
            st["imageID"] = f"{img.host}/{img.repo}@sha256:{_digest(img.full)}"
        return st

    def _report(self, pod: Obj, rec: dict[str, Any], node: Obj) -> None:
        sim = self.sim
        now = sim.time
        old = pod.get("status") or {}
        status: Obj = {"phase": "Pending", "qosClass": qos_class(pod["spec"])}
        conds_old = {c["type"]: c for c in old.get("conditions") or []}

        def cond(ctype: str, ok: bool, reason: str | None = None, message: str | None = None) -> Obj:
            prev = conds_old.get(ctype)
            value = "True" if ok else "False"
            t = prev["lastTransitionTime"] if prev and prev["status"] == value else rfc3339(now)
            out = {"type": ctype, "status": value, "lastProbeTime": None, "lastTransitionTime": t}
            if reason:
                out["reason"] = reason
            if message:
                out["message"] = message
            return out
        address = next((a["address"] for a in node["status"].get("addresses", []) if a["type"] == "InternalIP"), "")
        status["hostIP"] = address
        status["hostIPs"] = [{"ip": address}]
        if rec["ip"] is None and not rec.get("mount"):
            return  # the kubelet has not synced the pod yet: the scheduler's status stands
        else:
            inits = pod["spec"].get("initContainers") or []
            init_recs = [(c, (rec.get("init") or {}).get(c["name"])) for c in inits]
            init_done = all(cr and cr["state"] == "exited" and cr.get("exit_code") == 0 for _, cr in init_recs)
            init_failed = any(cr and cr["state"] == "exited" and cr.get("exit_code") != 0 and cr.get("next") is None
                              for _, cr in init_recs)
            crs = [(c, rec["containers"].get(c["name"])) for c in pod["spec"]["containers"]]
            cstats = [self._container_status(pod, c, cr, "ContainerCreating" if init_done else "PodInitializing")
                      for c, cr in crs]
            ever_ran = any(cr and (cr["state"] in ("running", "exited", "backoff") or cr["restarts"]) for _, cr in crs)
            policy = pod["spec"].get("restartPolicy", "Always")
            exited = [cr for _, cr in crs if cr and cr["state"] == "exited" and cr.get("next") is None]
            phase = "Pending"
            if ever_ran:
                phase = "Running"
                if len(exited) == len(crs) and policy != "Always":
                    phase = "Succeeded" if all(cr["exit_code"] == 0 for cr in exited) else "Failed"
            if init_failed:
                phase = "Failed"
            status["phase"] = phase
            all_ready = all(s["ready"] for s in cstats)
            unready = [s["name"] for s in cstats if not s["ready"]]
            if phase in ("Succeeded", "Failed"):
                ready_c = cond("Ready", False, "PodCompleted")
                cready_c = cond("ContainersReady", False, "PodCompleted")
            else:
                msg = f"containers with unready status: [{' '.join(unready)}]"
                ready_c = cond("Ready", all_ready, None if all_ready else "ContainersNotReady",
                               None if all_ready else msg)
                cready_c = cond("ContainersReady", all_ready, None if all_ready else "ContainersNotReady",
                                None if all_ready else msg)
            if init_done:
                init_c = cond("Initialized", True, "PodCompleted" if phase in ("Succeeded", "Failed") else None)
            else:
                pending = [c["name"] for c, cr in init_recs if not (cr and cr["state"] == "exited"
                                                                    and cr.get("exit_code") == 0)]
                init_c = cond("Initialized", False, "ContainersNotInitialized",
                              f"containers with incomplete status: [{' '.join(pending)}]")
            status["conditions"] = [cond("PodReadyToStartContainers", phase not in ("Succeeded", "Failed")
                                         and rec["ip"] is not None),
                                    init_c, ready_c, cready_c, cond("PodScheduled", True)]
            if rec["ip"] is not None:
                status["podIP"] = rec["ip"]
                status["podIPs"] = [{"ip": rec["ip"]}]
            status["startTime"] = rfc3339(rec["bound"])
            if inits:
                status["initContainerStatuses"] = [self._container_status(pod, c, cr, "PodInitializing")
                                                   for c, cr in init_recs]
            status["containerStatuses"] = cstats
        new = dict(pod)
        new["status"] = status
        sim.store.write(new)

    # ----- logs -----
    def logs(self, pod: Obj, container: str | None = None, previous: bool = False) -> list[str]:
        """What the container printed: the current (or last finished) run, or the one before with previous=True."""
        rec = self.pods.get(pod["metadata"]["uid"])
        name = container or pod["spec"]["containers"][0]["name"]
        cr = (rec["containers"].get(name) or (rec.get("init") or {}).get(name)) if rec else None
        if cr is None or "program" not in cr:
            return []
        steps = [tuple(s) if s[0] != "loop" else ("loop", [tuple(x) for x in s[1]]) for s in cr["program"]]
        runs = list(cr.get("runs") or [])
        if cr["state"] == "running":
            runs.append([cr["start"], self.sim.time])
        if previous:
            if len(runs) < 2:
                raise LookupError(f'previous terminated container "{name}" in pod "{pod["metadata"]["name"]}" '
                                  "not found")
            start, end = runs[-2]
        else:
            start, end = runs[-1]
        out, _ = programs.run(steps, start, end, pod["metadata"]["name"])
        return [line for _, line in out]
