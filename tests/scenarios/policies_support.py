"""What the policy scenarios share: one served simulated cluster per module (reset to a fresh cluster for every
test), real kubectl 1.33 with one discovery cache per module, and a way to let virtual time pass."""

from __future__ import annotations

import json
import subprocess
import time
from typing import Any, Callable

import pytest
import yaml

from flashgen.sim import SimCluster
from flashgen.simapi import kubeconfig
from flashgen.simapi.server import ServerThread
from tests.simapi.conftest import Kubectl

SPEED = 20.0


class Cluster:
    """kubectl against the module's served cluster, plus the runtime for what kubectl cannot do (the clock)."""

    def __init__(self, server: ServerThread, kubectl: Kubectl):
        self.server = server
        self.kubectl = kubectl

    def run(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
        return self.kubectl.run(*args, input=input, check=False)

    def ok(self, *args: str, input: str | None = None) -> str:
        proc = self.run(*args, input=input)
        assert proc.returncode == 0, f"kubectl {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
        return proc.stdout

    def fails(self, *args: str, input: str | None = None) -> str:
        proc = self.run(*args, input=input)
        assert proc.returncode != 0, f"kubectl {' '.join(args)} should have failed:\n{proc.stdout}"
        return proc.stderr

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "-o", "json"))

    def apply(self, manifest: str | dict | list, *args: str) -> str:
        text = manifest if isinstance(manifest, str) else yaml.safe_dump_all(
            manifest if isinstance(manifest, list) else [manifest], sort_keys=False)
        return self.ok("apply", "-f", "-", *args, input=text)

    def advance(self, seconds: float) -> None:
        """Let virtual time pass at once (the served clock also runs SPEED times faster than real time)."""
        self.server.call(lambda rt: (rt.sim.advance(seconds), rt.notify()))

    def sim(self, fn: Callable[[SimCluster], Any]) -> Any:
        return self.server.call(lambda rt: fn(rt.sim))

    def until(self, check: Callable[[], Any], timeout: float = 20.0, step: float = 5.0) -> Any:
        """Advance virtual time by `step` until check() returns something true; its last value."""
        deadline = time.monotonic() + timeout
        while True:
            got = check()
            if got or time.monotonic() > deadline:
                return got
            self.advance(step)

    def pods(self, selector: str = "", namespace: str = "default") -> list[dict]:
        args = ["get", "pods", "-n", namespace] + (["-l", selector] if selector else [])
        return self.json(*args)["items"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    server = ServerThread(SimCluster(start_time=time.time()), speed=SPEED).start()
    home = tmp_path_factory.mktemp("kubectl-home")
    kubeconfig.write(home / "kubeconfig", server.url)
    server.kubectl_runner = Kubectl("1.33", home / "kubeconfig", home)
    yield server
    server.stop()


@pytest.fixture
def k(served: ServerThread) -> Cluster:
    """A fresh cluster on the module's server."""
    served.call(lambda rt: rt.reset(SimCluster(start_time=time.time())))
    return Cluster(served, served.kubectl_runner)
