"""What the workload scenarios share: one served simulated cluster per test module whose clock moves only when a
scenario says so (`advance`), the real kubectl 1.33 against it with its own HOME and discovery cache, and the
scenarios' manifests in fixtures/workloads (the Kubernetes documentation's examples, written again)."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from flashgen.sim import SimCluster
from flashgen.simapi import kubeconfig
from flashgen.simapi.server import ServerThread

KUBECTL = Path("/usr/lib/google-cloud-sdk/bin/kubectl.1.33")
FIXTURES = Path(__file__).parent / "fixtures" / "workloads"


class Cluster:
    """The served cluster and kubectl, as a learner at a terminal has them."""

    def __init__(self, server: ServerThread, home: Path):
        self.server = server
        self.home = home
        self.config = home / "kubeconfig"
        kubeconfig.write(self.config, server.url)

    def reset(self) -> None:
        """A fresh cluster (kind's, handed over now); the clock stands still until `advance`."""
        self.server.call(lambda rt: rt.reset(SimCluster(start_time=time.time())))

    def advance(self, seconds: float) -> None:
        """Let virtual time pass (the cluster does what it would do meanwhile)."""
        def move(rt: Any) -> None:
            rt.sim.advance(seconds)
            rt.notify()
        self.server.call(move)

    def kubectl(self, *args: str, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
        env = {**os.environ, "HOME": str(self.home), "KUBECONFIG": str(self.config)}
        proc = subprocess.run([str(KUBECTL), "--cache-dir", str(self.home / "cache"), *args], input=input,
                              capture_output=True, text=True, env=env, timeout=60, cwd=FIXTURES)
        if check and proc.returncode != 0:
            raise AssertionError(f"kubectl {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        return proc

    def out(self, *args: str) -> str:
        return self.kubectl(*args).stdout

    def obj(self, *args: str) -> Any:
        """`kubectl get ... -o json`, parsed."""
        return json.loads(self.out("get", *args, "-o", "json"))

    def apply(self, *files: str) -> str:
        """kubectl apply -f of fixture files (or '-' with YAML text as the last argument)."""
        if files and files[0] == "-":
            return self.kubectl("apply", "-f", "-", input=files[1]).stdout
        return self.out("apply", *[a for f in files for a in ("-f", f)])

    def pod(self, name: str, namespace: str = "default") -> Any:
        return self.obj("pod", name, "-n", namespace)

    def container(self, name: str, index: int = 0) -> Any:
        return self.pod(name)["status"]["containerStatuses"][index]

    def events(self, name: str) -> list[Any]:
        """The events about one object, oldest first (as kubectl get events lists them)."""
        evs = self.obj("events", "--field-selector", f"involvedObject.name={name}")["items"]
        return sorted(evs, key=lambda e: (e.get("firstTimestamp") or "", int(e["metadata"]["resourceVersion"])))

    def event(self, name: str, reason: str) -> Any | None:
        return next((e for e in self.events(name) if e["reason"] == reason), None)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Any:
    if not KUBECTL.exists():
        pytest.skip(f"kubectl 1.33 is not installed here ({KUBECTL} is missing)")
    server = ServerThread(SimCluster(start_time=time.time()), speed=0).start()
    yield Cluster(server, tmp_path_factory.mktemp("home"))
    server.stop()


@pytest.fixture
def k8s(cluster: Cluster) -> Cluster:
    """The module's cluster, fresh for this scenario."""
    cluster.reset()
    return cluster
