"""Run measured jobs in child processes and time command start-up."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHILD = Path(__file__).resolve().parent / "child.py"


def _last_json(text: str | bytes | None) -> dict | None:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    for line in reversed((text or "").splitlines()):
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                continue
    return None


def run_child(*args: str, timeout: float | None = None) -> dict:
    """One job of child.py in a fresh interpreter: its result dict plus `wall` seconds, or `error`/`timeout`."""
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, str(CHILD), *args], capture_output=True, text=True, timeout=timeout,
                              cwd=CHILD.parent)
    except subprocess.TimeoutExpired as exc:
        partial = _last_json(exc.stdout) or {}
        return {"timeout": timeout, "partial": partial, "wall": time.perf_counter() - started}
    wall = time.perf_counter() - started
    result = _last_json(done.stdout)
    if done.returncode != 0 or result is None or "progress" in result:
        tail = (done.stderr or "").strip().splitlines()[-3:]
        return {"error": " | ".join(tail) or f"exit status {done.returncode}", "wall": wall}
    result["wall"] = wall
    return result


def median_wall(command: list[str], runs: int, env: dict | None = None) -> dict:
    """Median wall time of a command over `runs` runs (output discarded), and whether every run succeeded."""
    times, codes = [], []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
        codes.append(done.returncode)
    return {"seconds": statistics.median(times), "runs": times, "ok": all(code == 0 for code in codes),
            "exit_codes": sorted(set(codes)), "stderr": done.stderr.decode("utf-8", "replace")[-300:]}
