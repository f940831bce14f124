"""One measured job per process (build, floor, mkdocs, sim); prints JSON lines, the last one is the result."""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path


def _emit(data: dict) -> None:
    # the larger of this process and its biggest child (a build writes the deck in a forked process)
    data["maxrss_kb"] = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps(data, ensure_ascii=False), flush=True)


def job_build(notes_dir: str, out_dir: str) -> None:
    """One `flashgen.build.pipeline.build` call; the modules it imports are loaded before the clock starts."""
    from flashgen.build.pipeline import build
    for module in ("flashgen.vault.parse", "flashgen.cards", "flashgen.emit.anki", "flashgen.site", "flashgen.kube.lint",
                   "flashgen.labs"):
        try:
            __import__(module)
        except ImportError:
            pass
    started = time.perf_counter()
    result = build(Path(notes_dir), Path(out_dir))
    seconds = time.perf_counter() - started
    _emit({"seconds": seconds, "notes": result.notes, "cards": sum(result.cards_by_kind.values()),
           "errors": len(result.errors), "warnings": len(result.warnings)})


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


JOBS = {"build": job_build, "floor": job_floor, "mkdocs": job_mkdocs, "sim": job_sim}

if __name__ == "__main__":
    JOBS[sys.argv[1]](*sys.argv[2:])
