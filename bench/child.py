"""One measured job per process (build, floor, mkdocs, sim); prints JSON lines, the last one is the result."""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _emit(data: dict) -> None:
    # the larger of this process and its biggest child (a build writes the deck in a forked process)
    data["maxrss_kb"] = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps(data, ensure_ascii=False), flush=True)


def job_build(notes_dir: str, out_dir: str, what: str = "all") -> None:
    """One `flashgen.build.pipeline.build` call (`what`: "all", or "site" for a site-only build, `--no-decks`);
    the modules it imports are loaded before the clock starts."""
    from flashgen.build.pipeline import build
    for module in ("flashgen.vault.parse", "flashgen.cards", "flashgen.emit.anki", "flashgen.site", "flashgen.kube.lint",
                   "flashgen.labs"):
        try:
            __import__(module)
        except ImportError:
            pass
    started = time.perf_counter()
    result = build(Path(notes_dir), Path(out_dir), decks=what != "site")
    seconds = time.perf_counter() - started
    largest = max(((p.stat().st_size, p) for p in (Path(out_dir) / "site").rglob("*") if p.is_file()),
                  default=(0, Path()))
    _emit({"seconds": seconds, "notes": result.notes, "cards": sum(result.cards_by_kind.values()),
           "errors": len(result.errors), "warnings": len(result.warnings),
           "largest_site_file": [largest[0], str(largest[1].relative_to(out_dir)) if largest[0] else ""]})


def job_command(*command: str) -> None:
    """A command end to end, as a user runs it (interpreter start-up and imports included)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *command], check=False, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: the build found errors in the notes, as the bench vault has
        raise SystemExit(f"exit {done.returncode}: {done.stderr[-300:]}")
    _emit({"seconds": seconds, "stdout": done.stdout[-200:]})


def job_serve(notes_dir: str, out_dir: str, note: str) -> None:
    """`flashgen serve`: from the write of one note's file to the rebuild's message ("rebuilt in …"), three
    edits in a row, the median counting."""
    import threading

    import vaultgen

    process = subprocess.Popen([sys.executable, "-m", "flashgen", "serve", "--notes", notes_dir, "--out", out_dir,
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[tuple[float, str]] = []
    seen = threading.Condition()

    def read() -> None:
        for line in process.stdout:
            with seen:
                lines.append((time.perf_counter(), line))
                seen.notify_all()

    threading.Thread(target=read, daemon=True).start()

    def wait_for(text: str, after: int, timeout: float) -> float:
        with seen:
            if not seen.wait_for(lambda: any(text in line for _, line in lines[after:]), timeout):
                raise SystemExit(f"serve: no {text!r} within {timeout} s: {[line for _, line in lines][-5:]}")
            return next(at for at, line in lines[after:] if text in line)

    try:
        wait_for("Serving", 0, 900)
        time.sleep(1)
        times = []
        for round_ in range(3):
            after = len(lines)
            written = time.perf_counter()
            vaultgen.edit_one_note(Path(notes_dir), note, stamp=10 + round_)
            times.append(wait_for("rebuilt in", after, 120) - written)
            time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(10)
    _emit({"seconds": statistics.median(times), "runs": times})


def job_floor(notes_dir: str, out_dir: str, reps: str) -> None:
    """The floor renderer, `reps` times into fresh folders; the median counts."""
    from floor import timed_render

    times, pages = [], 0
    for rep in range(int(reps)):
        target = Path(out_dir) / f"rep{rep}"
        seconds, pages = timed_render(Path(notes_dir), target)
        times.append(seconds)
        shutil.rmtree(target, ignore_errors=True)
    _emit({"seconds": statistics.median(times), "runs": times, "pages": pages})


def job_mkdocs(config_file: str) -> None:
    """`mkdocs build` through its Python API (config load included)."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    started = time.perf_counter()
    config = load_config(config_file)
    build(config)
    _emit({"seconds": time.perf_counter() - started})


def job_sim(count: str, replicas: str) -> None:
    """Apply `count` Deployments of `replicas` replicas, then run the simulated cluster until it settles."""
    from flashgen.sim import SimCluster

    total = int(count)
    # enough workers for every pod to run (a node takes at most 110 pods, as kind's do)
    cluster = SimCluster(workers=max(2, -(-total * int(replicas) // 100)))
    started = time.perf_counter()
    step = max(1, total // 10)
    for index in range(total):
        name = f"web-{index}"
        cluster.apply({
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name, "namespace": "default"},
            "spec": {"replicas": int(replicas), "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [{"name": "web", "image": "nginx:1.25"}]}}}})
        if (index + 1) % step == 0:
            _emit({"progress": "apply", "applied": index + 1, "seconds": time.perf_counter() - started})
    applied = time.perf_counter()
    simulated = cluster.run_until_settled()
    done = time.perf_counter()
    pods = cluster.list("v1", "Pod", "default")
    running = sum(1 for pod in pods if (pod.get("status") or {}).get("phase") == "Running")
    _emit({"seconds": done - started, "apply_seconds": applied - started, "settle_seconds": done - applied,
           "simulated_seconds": simulated, "pods": len(pods), "running": running})


JOBS = {"build": job_build, "command": job_command, "serve": job_serve, "floor": job_floor, "mkdocs": job_mkdocs, "sim": job_sim}

if __name__ == "__main__":
    JOBS[sys.argv[1]](*sys.argv[2:])
