"""The simulation engine: the store, the virtual clock and the control loops registered with it.

Time is event driven. After every change the controllers reconcile until nothing changes (quiescence); then the
clock jumps straight to the next moment something is due (a container exit, a back-off, a cron schedule), so
advancing a month costs only the events in it. When the clock has moved every controller looks at every object;
otherwise each looks only at what its work queue holds (queues.py), which gives the same result.
"""

from __future__ import annotations

from typing import Any, Callable

from .errors import ApiError
from .names import NameSource
from .queues import WorkQueues
from .store import Store
from .timefmt import DEFAULT_START, parse_rfc3339

Obj = dict[str, Any]
Reconcile = Callable[["Engine", Any], None]  # (engine, the keys its work queue holds, or None for everything)
Wakeups = Callable[["Engine"], list[tuple[float, bool]]]  # (time, transient) of what a loop has due
SETTLE_HORIZON = 600.0  # run_until_settled ignores transient events further away than this


class Engine:
    """A deterministic in-process cluster on a virtual clock. It knows no controller: each control loop
    registers with it (`register`), in the order the loops run on every pass."""

    def __init__(self, workers: int = 2, control_planes: int = 1, start_time: str | float | None = None,
                 seed: str = "flashgen"):
        if isinstance(start_time, (int, float)):
            self.time = float(start_time)
        else:
            self.time = parse_rfc3339(start_time or DEFAULT_START)
        self.names = NameSource(seed)
        self.store = Store(lambda: self.time, self.names)
        self.runtime: dict[str, Any] = {}
        self.queues = WorkQueues(self.store)
        self.store.watchers.append(self.queues.changed)
        self.dirty_tracking = True  # False: every controller looks at every object on every pass
        self._settled_at: float | None = None
        self.config = {"workers": workers, "control_planes": control_planes, "seed": seed}
        # (work queue, reconcile); no queue: it always looks at everything
        self.reconcilers: list[tuple[str | None, Reconcile]] = []
        self.wakeup_sources: list[Wakeups] = []
        self.after_settle: list[Callable[["Engine"], None]] = []  # run once a settle pass changes nothing

    def register(self, reconcile: Reconcile, queue: str | None = None, wakeups: Wakeups | None = None) -> None:
        """Add a control loop: reconcile(engine, keys) on every pass (keys from `queue`, or None for
        everything), and `wakeups(engine)`, the moments it has something due."""
        self.reconcilers.append((queue, reconcile))
        if wakeups is not None:
            self.wakeup_sources.append(wakeups)

    # ----- the loop -----
    def settle(self) -> None:
        """Reconcile every controller until a pass changes nothing."""
        queues = self.queues
        if self._settled_at != self.time or not self.dirty_tracking:
            queues.everything()
            self._settled_at = self.time
        for _ in range(200):
            before = self.store.rv
            for name, rec in self.reconcilers:
                keys = queues.take(name) if name else None
                try:
                    rec(self, None if not self.dirty_tracking else keys)
                except ApiError:  # refused (a full cluster): retried on a later pass, as a real controller does
                    pass
            if self.store.rv == before:
                break
        for finish in self.after_settle:
            finish(self)

    def settled_now(self) -> None:
        """Say that the objects as they are now are the result of a settle at the current time (a settled
        cluster copied in): the next settle looks only at what changes from here."""
        self._settled_at = self.time

    def wakeups(self) -> list[tuple[float, bool]]:
        """(time, transient) of everything due after now; transient means part of settling down."""
        out: list[tuple[float, bool]] = []
        for src in self.wakeup_sources:
            out.extend(w for w in src(self) if w[0] > self.time + 1e-9)
        return out

    def next_event(self) -> float | None:
        ws = self.wakeups()
        return min(t for t, _ in ws) if ws else None

    def step(self, limit: float | None = None) -> bool:
        """Jump to the next due moment (not past limit) and reconcile; False when there was none."""
        t = self.next_event()
        if t is None or (limit is not None and t > limit):
            return False
        self.time = t
        self.settle()
        return True

    def advance(self, seconds: float) -> None:
        """Let `seconds` of virtual time pass, processing every event on the way in order."""
        if seconds < 0:
            raise ValueError("cannot advance by a negative duration")
        target = self.time + seconds
        self.settle()
        while self.step(target):
            pass
        self.time = target
        self.settle()

    def run_until_settled(self, max_seconds: float = 3600) -> float:
        """Advance until nothing more will change soon: no transient event (pod start, container exit, job
        back-off) within SETTLE_HORIZON seconds. Crash-loop and pull back-offs, cron schedules and progress
        deadlines repeat or wait forever, so they do not count. Returns the virtual seconds advanced."""
        start = self.time
        cap = start + max_seconds
        self.settle()
        while True:
            transient = [t for t, tr in self.wakeups() if tr]
            if not transient:
                break
            t = min(transient)
            if t - self.time > SETTLE_HORIZON:
                break
            if t > cap:
                self.advance(cap - self.time)
                break
            while self.step(t):
                pass
        return self.time - start
