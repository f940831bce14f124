"""Objects created through the real kubectl against `flashgen sim serve`: `kubectl create -f` of Lists of
ConfigMaps, batch after batch into one growing cluster, printing each batch's time and the server's CPU time,
the ratio of the last batch to the first (1.0 is linear: a create costs the same however many objects the
cluster holds) and the state file and change log sizes. kubectl's own client-side rate limit (about 50
requests a second) bounds the wall time; the server's CPU time is what a create costs it. Run it as `python bench/sim_objects.py [-n 10000] [--batches 5]`."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

KUBECTL = Path("/usr/lib/google-cloud-sdk/bin/kubectl.1.33")


def _serve(folder: Path) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "flashgen", "sim", "--state", str(folder / "state.json"), "serve", "--port",
               "0", "--kubeconfig-out", str(folder / "kubeconfig")]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=folder)
    assert server.stdout is not None
    url = server.stdout.readline().split(" at ")[1].split()[0]
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=5).read()
            return server, url
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the simulated API server did not start")


def _cpu_seconds(pid: int) -> float:
    """CPU time (user and system) a process has used, from /proc (0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _items(start: int, count: int) -> str:
    return json.dumps({"apiVersion": "v1", "kind": "List", "items": [
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"cm-{i:05d}", "labels": {"bench": "yes"}},
         "data": {"key": f"value {i}", "text": "x" * 200}} for i in range(start, start + count)]})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="objects to create (default 10000)")
    parser.add_argument("--batches", type=int, default=5, help="kubectl invocations they are split into")
    parser.add_argument("--kubectl", type=Path, default=KUBECTL)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="flashgen-sim-bench-") as tmp:
        folder = Path(tmp)
        server, url = _serve(folder)
        env = {**os.environ, "HOME": str(folder), "KUBECONFIG": str(folder / "kubeconfig")}
        per_batch = args.n // args.batches
        times: list[float] = []
        cpu: list[float] = []  # the server's CPU time per batch: what a create costs it
        try:
            started = time.perf_counter()
            for batch in range(args.batches):
                manifest = folder / f"batch-{batch}.json"
                manifest.write_text(_items(batch * per_batch, per_batch), encoding="utf-8")
                t0, cpu0 = time.perf_counter(), _cpu_seconds(server.pid)
                done = subprocess.run([str(args.kubectl), "--cache-dir", str(folder / "cache"), "create", "-f",
                                       str(manifest), "-o", "name"], env=env, capture_output=True, text=True)
                times.append(time.perf_counter() - t0)
                cpu.append(_cpu_seconds(server.pid) - cpu0)
                made = done.stdout.count("configmap/")
                if done.returncode != 0 or made != per_batch:
                    print(f"batch {batch + 1}: kubectl failed ({made} made): {done.stderr[-500:]}")
                    return 1
                print(f"batch {batch + 1}: {per_batch} objects in {times[-1]:.1f} s "
                      f"({times[-1] / per_batch * 1000:.1f} ms each, of which the server's CPU "
                      f"{cpu[-1] / per_batch * 1000:.1f} ms; {(batch + 1) * per_batch} in the cluster)", flush=True)
            total = time.perf_counter() - started
            listed = subprocess.run([str(args.kubectl), "--cache-dir", str(folder / "cache"), "get", "configmaps",
                                     "-l", "bench=yes", "-o", "name"], env=env, capture_output=True, text=True)
            state, log = folder / "state.json", folder / "state.json.log"
            print(f"{args.n} objects through kubectl in {total:.1f} s ({total / args.n * 1000:.1f} ms each); "
                  f"listed back: {listed.stdout.count('configmap/')}")
            print(f"last batch / first batch: {times[-1] / times[0]:.2f} in time, "
                  f"{cpu[-1] / max(cpu[0], 1e-9):.2f} in the server's CPU (1.0 is linear)")
            print(f"state file {state.stat().st_size / 1e6:.1f} MB, change log {log.stat().st_size / 1e6:.1f} MB "
                  "(folded into the state file when it grows as large)" if log.exists() else
                  f"state file {state.stat().st_size / 1e6:.1f} MB")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
