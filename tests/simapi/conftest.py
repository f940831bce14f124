"""Fixtures: one simulated API server per test module (on a free loopback port, in a background thread), reset
to a fresh cluster for every test, and helpers to run the real kubectl binaries against it."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from flashgen.sim import SimCluster
from flashgen.simapi import kubeconfig
from flashgen.simapi.server import ServerThread

KUBECTL_DIR = Path("/usr/lib/google-cloud-sdk/bin")
SPEED = 20.0
NOTES = Path(__file__).resolve().parents[2] / "notes" / "쿠버네티스 학습 과정.md"


def kubectl_binary(version: str) -> Path:
    path = KUBECTL_DIR / f"kubectl.{version}"
    if not path.exists():
        pytest.skip(f"kubectl {version} is not installed here ({path} is missing)")
    return path


@pytest.fixture(scope="module")
def server():
    srv = ServerThread(SimCluster(start_time=time.time()), speed=SPEED).start()
    yield srv
    srv.stop()


@pytest.fixture
def api(server, tmp_path):
    """A fresh cluster on the module's server and a kubeconfig pointing at it."""
    server.call(lambda rt: rt.reset(SimCluster(start_time=time.time())))
    path = tmp_path / "kubeconfig"
    kubeconfig.write(path, server.url)
    server.kubeconfig = path
    return server


class Kubectl:
    """Runs one kubectl version with a fresh discovery cache and HOME, as a learner would type it."""

    def __init__(self, version: str, config: Path, home: Path):
        self.binary = kubectl_binary(version)
        self.config = config
        self.home = home

    def run(self, *args: str, input: str | None = None, check: bool = True,
            timeout: float = 60) -> subprocess.CompletedProcess:
        env = {**os.environ, "HOME": str(self.home), "KUBECONFIG": str(self.config)}
        proc = subprocess.run([str(self.binary), "--cache-dir", str(self.home / "cache"), *args], input=input,
                              capture_output=True, text=True, env=env, timeout=timeout, cwd=self.home)
        if check and proc.returncode != 0:
            raise AssertionError(f"kubectl {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n"
                                 f"{proc.stderr}")
        return proc


@pytest.fixture
def kubectl(api, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    return Kubectl("1.33", api.kubeconfig, home)


def note_manifest(name: str) -> str:
    """The YAML block of the learner's note that defines `name` (webui-deployment or webui-service)."""
    text = NOTES.read_text(encoding="utf-8")
    for block in text.split("```yaml")[1:]:
        body = block.split("```", 1)[0]
        if f"name: {name}\n" in body:
            return body.lstrip("\n")
    raise AssertionError(f"no manifest named {name} in {NOTES}")
