"""`flashgen sim serve` as a learner starts it: kubeconfig written, state kept across restarts, the state file
locked while serving, and the context merged into the user's kubeconfig only when asked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from .conftest import kubectl_binary


def _start(tmp_path: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    cmd = [sys.executable, "-m", "flashgen", "sim", "--state", str(tmp_path / "state.json"), "serve", "--port", "0",
           "--kubeconfig-out", str(tmp_path / "kubeconfig"), "--speed", "20", *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                            env={**os.environ, **(env or {})})
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert "serving the Kubernetes API at http://127.0.0.1:" in first, first + (proc.stderr.read() if
                                                                              proc.poll() is not None else "")
    url = first.split(" at ")[1].split()[0]
    deadline = time.monotonic() + 30
    while True:  # serving starts just after the first line is printed
        try:
            urllib.request.urlopen(url + "/healthz", timeout=5).read()
            return proc, url
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise
            time.sleep(0.05)


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    return err


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def test_serve_writes_a_kubeconfig_keeps_state_and_holds_the_lock(tmp_path):
    proc, url = _start(tmp_path)
    try:
        config = yaml.safe_load((tmp_path / "kubeconfig").read_text(encoding="utf-8"))
        assert config["current-context"] == "flashgen-sim"
        assert config["clusters"][0]["cluster"]["server"] == url
        kubectl = kubectl_binary("1.33")
        env = {**os.environ, "HOME": str(tmp_path), "KUBECONFIG": str(tmp_path / "kubeconfig")}
        run = subprocess.run([str(kubectl), "--cache-dir", str(tmp_path / "cache"), "run", "keeper", "--image=nginx"],
                             capture_output=True, text=True, env=env, timeout=60)
        assert run.returncode == 0, run.stderr
        busy = subprocess.run([sys.executable, "-m", "flashgen", "sim", "--state", str(tmp_path / "state.json"),
                               "get", "pods"], capture_output=True, text=True, cwd=tmp_path, timeout=60)
        assert busy.returncode == 1
        assert "in use by `flashgen sim serve` at " + url in busy.stderr and "Traceback" not in busy.stderr
    finally:
        err = _stop(proc)
    assert "saved" in err
    # the next `flashgen sim` command (and the next server) sees the pod
    shown = subprocess.run([sys.executable, "-m", "flashgen", "sim", "--state", str(tmp_path / "state.json"), "get",
                            "pods"], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert shown.returncode == 0 and "keeper" in shown.stdout
    proc, url = _start(tmp_path)
    try:
        pod = _get(url + "/api/v1/namespaces/default/pods/keeper")
        assert pod["metadata"]["name"] == "keeper"
    finally:
        _stop(proc)
    proc, url = _start(tmp_path, "--fresh")
    try:
        assert _get(url + "/api/v1/namespaces/default/pods")["items"] == []
    finally:
        _stop(proc)


def test_merge_kubeconfig_only_when_asked_and_the_old_context_comes_back(tmp_path):
    own = tmp_path / "own-config"
    own.write_text("apiVersion: v1\nkind: Config\nclusters: [{name: real, cluster: {server: 'https://10.0.0.1'}}]\n"
                   "users: [{name: me, user: {token: x}}]\ncontexts: [{name: real, context: {cluster: real, "
                   "user: me}}]\ncurrent-context: real\n", encoding="utf-8")
    proc, _ = _start(tmp_path, env={"KUBECONFIG": str(own)})
    _stop(proc)
    assert yaml.safe_load(own.read_text(encoding="utf-8"))["current-context"] == "real"
    proc, url = _start(tmp_path, "--merge-kubeconfig", env={"KUBECONFIG": str(own)})
    try:
        merged = yaml.safe_load(own.read_text(encoding="utf-8"))
        assert merged["current-context"] == "flashgen-sim"
        assert {c["name"] for c in merged["contexts"]} == {"real", "flashgen-sim", "flashgen-sim-jane"}
        assert {"name": "jane", "user": {"as": "jane"}} in merged["users"]
        assert next(c for c in merged["clusters"] if c["name"] == "flashgen-sim")["cluster"]["server"] == url
    finally:
        err = _stop(proc)
    # a stopped server (here on a random port) must not stay the user's current context
    assert yaml.safe_load(own.read_text(encoding="utf-8"))["current-context"] == "real"
    assert "the current context is real again" in err


def test_verify_sim_checks_the_running_server_and_a_stopped_one_is_named(tmp_path):
    """The lab page's own command, `flashgen verify LAB --sim`, while `flashgen sim serve` holds the cluster."""
    proc, url = _start(tmp_path)
    state = str(tmp_path / "state.json")
    try:
        kubectl = kubectl_binary("1.33")
        env = {**os.environ, "HOME": str(tmp_path), "KUBECONFIG": str(tmp_path / "kubeconfig")}
        job = ("apiVersion: batch/v1\nkind: Job\nmetadata: {name: backup}\nspec:\n  backoffLimit: 4\n  template:\n"
               "    spec:\n      restartPolicy: OnFailure\n      containers: [{name: b, image: busybox, "
               "command: [sh, -c, 'echo done']}]\n")
        subprocess.run([str(kubectl), "--cache-dir", str(tmp_path / "cache"), "apply", "-f", "-"], input=job,
                       env=env, check=True, capture_output=True, text=True, timeout=60)
        done = subprocess.run([sys.executable, "-m", "flashgen", "verify", "lab6-6", "--sim", "--state", state,
                               "--timeout", "30"], capture_output=True, text=True, cwd=tmp_path, timeout=90)
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"on the simulated cluster served at {url}" in done.stdout and "5/5 checks passed" in done.stdout
    finally:
        _stop(proc)
    # the server is gone: its context now suggests starting it, not kind
    gone = subprocess.run([sys.executable, "-m", "flashgen", "verify", "lab6-6", "--timeout", "0"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60,
                          env={**os.environ, "KUBECONFIG": str(tmp_path / "kubeconfig")})
    assert gone.returncode == 2
    assert "is `flashgen sim serve` running?" in gone.stderr and "kind get clusters" not in gone.stderr
    # and without it, `--sim` checks the saved cluster (the job the server ran is there, complete)
    saved = subprocess.run([sys.executable, "-m", "flashgen", "verify", "lab6-6", "--sim", "--state", state],
                           capture_output=True, text=True, cwd=tmp_path, timeout=90)
    assert saved.returncode == 0 and f"on the simulated cluster in {state}" in saved.stdout, saved.stdout


def test_a_busy_port_is_a_clear_error(tmp_path):
    proc, url = _start(tmp_path)
    try:
        port = url.rsplit(":", 1)[1]
        other = tmp_path / "other"
        other.mkdir()
        second = subprocess.run([sys.executable, "-m", "flashgen", "sim", "--state", str(other / "s.json"), "serve",
                                 "--port", port, "--kubeconfig-out", str(other / "kc")],
                                capture_output=True, text=True, cwd=other, timeout=60)
        assert second.returncode != 0 and f"cannot listen on 127.0.0.1:{port}" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        _stop(proc)
