"""Run a task of a build in a forked process beside the rest, where the platform allows it: the one way a build
shares its work between processes (the notes' work, taken in turns, and the deck beside the site)."""

from __future__ import annotations

import os
import sys
import threading
from typing import Any, Callable, Iterator


def can_fork() -> bool:
    """Fork only where it is safe and cheap: on Linux (macOS system libraries may not survive a fork), from a
    single thread, and unless FLASHGEN_JOBS=1 asks for one process."""
    import multiprocessing  # (here: a build that finds nothing changed does not need it)

    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1 and os.environ.get("FLASHGEN_JOBS", "") != "1")


class Background:
    """`Background(fn, *args)` starts fn(*args) in a forked child (inheriting the parent's memory, so nothing
    is copied); `result()` waits for its return value (or raises its exception). Without fork the task runs
    right away in this process."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        self._process = None
        self._outcome: tuple[bool, Any] | None = None
        if can_fork():
            import multiprocessing

            context = multiprocessing.get_context("fork")
            self._reader, writer = context.Pipe(duplex=False)
            self._process = context.Process(target=_child, args=(writer, fn, args), daemon=True)
            self._process.start()
            writer.close()
        else:
            self._outcome = _run(fn, args)

    def result(self) -> Any:
        if self._process is not None:
            try:
                self._outcome = _receive(self._reader)
            except EOFError:
                self._process.join()
                raise RuntimeError(f"a build task stopped unexpectedly (exit code {self._process.exitcode})") \
                    from None
            finally:
                self._reader.close()
            self._process.join()
            self._process = None
        return _value(self._outcome)


def _value(outcome: tuple[bool, Any]) -> Any:
    """A task's return value, or its exception raised."""
    ok, value = outcome
    if not ok:
        raise value
    return value


def _run(fn: Callable[..., Any], args: tuple) -> tuple[bool, Any]:
    try:
        return True, fn(*args)
    except Exception as exc:  # handed to the parent, which raises it
        return False, exc


class Turns:
    """Hands out the indexes 0 … count-1, a few at a time, to whichever process asks next: made before a fork, it
    is shared by the parent and the child, so a process on a slower core simply takes fewer."""

    def __init__(self, count: int, chunk: int) -> None:
        import multiprocessing

        self._next = multiprocessing.get_context("fork").Value("q", 0)  # (in shared memory, with its lock)
        self.count, self.chunk = count, chunk

    def take(self) -> range:
        """The next few indexes; an empty range when all are taken."""
        with self._next.get_lock():
            start = self._next.value
            end = self._next.value = min(start + self.chunk, self.count)
        return range(start, end)

    def each(self, items: list) -> Iterator[Any]:
        """The items this process takes, in turns with the others, until none is left."""
        while taken := self.take():
            for index in taken:
                yield items[index]


PART = 64  # items of a list sent at a time: neither side ever holds the whole list's pickled bytes


def _send(connection: Any, outcome: tuple[bool, Any]) -> None:
    ok, value = outcome
    try:
        if ok and type(value) is list:
            parts = [value[at:at + PART] for at in range(0, len(value), PART)]
            connection.send((None, len(parts)))
            for part in parts:
                connection.send(part)
        else:
            connection.send(outcome)
    except Exception as exc:  # an exception or value that does not pickle
        connection.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


def _receive(connection: Any) -> tuple[bool, Any]:
    """What `_send` sent: an outcome, or a list in parts (an outcome in their place says why it stopped)."""
    first = connection.recv()
    if first[0] is not None:
        return first
    value: list = []
    for _ in range(first[1]):
        part = connection.recv()
        if type(part) is not list:
            return part
        value.extend(part)
    return True, value


def _child(writer: Any, fn: Callable[..., Any], args: tuple) -> None:
    try:
        _send(writer, _run(fn, args))
    finally:
        writer.close()
