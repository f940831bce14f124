"""The forked worker that a build keeps after the parse: later tasks run beside what the first one left."""

from __future__ import annotations

import os

import pytest

from flashgen.build.processes import Worker, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="the worker forks (Linux, one thread)")

_LEFT: dict[str, int] = {}  # what a task leaves in its process's memory


def _first(value: int) -> int:
    _LEFT["value"] = value
    return os.getpid()


def _read_left(extra: int) -> tuple[int, int]:
    return os.getpid(), _LEFT["value"] + extra


def _fail(message: str) -> None:
    raise ValueError(message)


def _stop() -> None:
    os._exit(3)


def test_a_worker_runs_later_tasks_in_the_process_that_ran_the_first() -> None:
    worker = Worker(_first, 40)
    try:
        pid = worker.result()
        assert pid != os.getpid() and "value" not in _LEFT
        assert worker.submit(_read_left, 2).result() == (pid, 42)
        assert worker.submit(_read_left, 3).result() == (pid, 43)
    finally:
        worker.close()
    assert worker._process is None


def test_a_failing_task_raises_in_the_caller_and_the_worker_goes_on() -> None:
    worker = Worker(_first, 1)
    try:
        with pytest.raises(ValueError, match="no such note"):
            worker.submit(_fail, "no such note").result()
        assert worker.submit(_read_left, 0).result()[1] == 1
    finally:
        worker.close()


def test_a_worker_that_stops_is_an_error_not_a_hang() -> None:
    worker = Worker(_first, 1)
    try:
        with pytest.raises(RuntimeError, match="exit code 3"):
            worker.submit(_stop).result()
    finally:
        worker.close()
