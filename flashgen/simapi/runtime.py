"""The served cluster's runtime: the simulator, its clock running in real time (times --speed), saving the state
file, and waking watchers when something changed.

All simulator work runs on the server's one event loop and never awaits in the middle, so requests, watches and
the clock never interleave inside the (not thread-safe) simulator."""

from __future__ import annotations

import asyncio
import copy
import json
import time
from pathlib import Path

from flashgen.sim import SimCluster
from flashgen.sim import state as sim_state

TICK_SECONDS = 0.2
SAVE_EVERY_SECONDS = 5.0


class Runtime:
    """One simulated cluster behind the HTTP server."""

    def __init__(self, sim: SimCluster, state_path: Path | None = None, speed: float = 1.0):
        self.sim = sim
        self.state_path = state_path
        self.speed = speed
        self._changed: asyncio.Event | None = None  # created on the server's loop in start()
        self._last_tick = time.monotonic()
        self._last_save = time.monotonic()
        self._task: asyncio.Task[None] | None = None
        self.stopping = False

    # ----- the clock -----
    async def start(self) -> None:
        self._changed = asyncio.Event()
        self._last_tick = time.monotonic()
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        self.stopping = True
        self.notify()
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
        self.tick()
        self.save()

    def tick(self) -> None:
        """Let the real time passed since the last tick (times speed) pass in the simulation."""
        now = time.monotonic()
        elapsed, self._last_tick = now - self._last_tick, now
        if self.speed > 0 and elapsed > 0:
            before = self.sim.store.rv
            self.sim.advance(elapsed * self.speed)
            if self.sim.store.rv != before:
                self.notify()

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(TICK_SECONDS)
            self.tick()
            if time.monotonic() - self._last_save >= SAVE_EVERY_SECONDS:
                self.save()

    # ----- changes -----
    def notify(self) -> None:
        """Wake every watcher."""
        if self._changed is not None:
            self._changed.set()
            self._changed = asyncio.Event()

    async def wait_for_change(self, timeout: float) -> None:
        event = self._changed
        if event is None:
            await asyncio.sleep(timeout)
            return
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except asyncio.TimeoutError:
            pass

    def mutated(self) -> None:
        """After a request changed the cluster: save and wake watchers."""
        self.save()
        self.notify()

    def save(self) -> None:
        """Write the state file atomically (when there is one)."""
        self._last_save = time.monotonic()
        if self.state_path is not None:
            sim_state.save(self.sim, self.state_path)

    def reset(self, sim: SimCluster) -> None:
        """Serve another cluster from now on (the old one's watchers see no more events)."""
        self.sim = sim
        self._last_tick = time.monotonic()
        self.notify()

    def dry_run_copy(self) -> SimCluster:
        """A throw-away copy for dryRun requests."""
        return SimCluster.from_state(json.loads(json.dumps(copy.deepcopy(self.sim.to_state()))))
