"""Liveness, readiness and startup probes as the kubelet runs them, computed ahead instead of tick by tick.

A probe of a container run ticks at start + initialDelaySeconds, then every periodSeconds (liveness and
readiness count from the moment a startup probe succeeded, if there is one). What a probe sees only changes
when the program does something (programs.change_offsets: a file written or removed, a server started, the
docs' liveness server turning to 500 after 10 s), so the ticks between two changes are counted in one go:
a month of probing costs the same as a minute.

exec probes run their command in the container's files at that moment (a timeout when it takes longer than
timeoutSeconds); httpGet asks the server listening on the port (servers.py); tcpSocket and grpc only need a
listener. successThreshold consecutive successes make a container ready, failureThreshold consecutive failures
make it unready, or (liveness, startup) get it killed: the kubelet's Unhealthy and Killing events are
recorded with the times of the ticks.

The state of a container run's probes is plain data in the kubelet's record (`init`, `advance`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from . import images, programs, servers, shell
from .containerfs import ContainerFS

Obj = dict[str, Any]
KINDS = ("startup", "liveness", "readiness")
FIELDS = {"startup": "startupProbe", "liveness": "livenessProbe", "readiness": "readinessProbe"}
TITLES = {"startup": "Startup", "liveness": "Liveness", "readiness": "Readiness"}
LOOKAHEAD = 7 * 86400.0  # how far ahead a probe's next transition is searched
EPS = 1e-6


@dataclass
class Target:
    """One run of a container, as its probes see it."""

    steps: list
    make_base: Callable[[], ContainerFS]  # the container's files at start, made when a probe first needs them
    env: dict[str, str]
    image: images.Image
    hostname: str
    ip: str
    ports: list[Obj]
    start: float
    image_files: ContainerFS | None = None  # the image's own files, when no volume is mounted over them
    _changes: list[float] = field(default_factory=list)
    _changes_until: float = -1.0
    _base: ContainerFS | None = None
    _known: dict[str, tuple] = field(default_factory=dict)  # probe kind -> (from, until, success, message)

    @property
    def base(self) -> ContainerFS:
        if self._base is None:
            self._base = self.make_base()
        return self._base

    def changes_after(self, t: float, until: float) -> float | None:
        """The first moment after t (and not after until) at which what probes see may change."""
        if until > self._changes_until:
            horizon = max(until, self._changes_until + 3600.0) - self.start
            self._changes = [self.start + o for o in programs.change_offsets(self.steps, -1.0, horizon)]
            self._changes_until = self.start + horizon
        for c in self._changes:
            if c > t + EPS:
                return c if c <= until + EPS else None
        return None

    def is_change(self, t: float) -> bool:
        return any(abs(c - t) <= EPS for c in self._changes)


def _port(spec: Any, ports: list[Obj]) -> int | None:
    if isinstance(spec, int):
        return spec
    if isinstance(spec, str) and spec.isdigit():
        return int(spec)
    for p in ports:
        if p.get("name") == spec:
            return p.get("containerPort")
    return None


def _listener(listening: list[tuple[float, Obj]], port: int, declared: list[int]) -> tuple[float, Obj] | None:
    for started, server in listening:
        if servers.listens_on(server, port, declared):
            return started, server
    return None


def check(probe: Obj, target: Target, t: float) -> tuple[bool, str]:
    """(success, what the kubelet reports on failure) of one probe at virtual time t."""
    elapsed = t - target.start + EPS / 10
    listening, _ = programs.listening_at(target.steps, elapsed)
    declared = [p.get("containerPort") for p in target.ports if p.get("containerPort")]
    timeout = float(probe.get("timeoutSeconds") or 1)
    if probe.get("exec") is not None:
        argv = [str(a) for a in probe["exec"].get("command") or []]
        if not argv:
            return False, ""
        fs = programs.files_at(target.steps, target.base, elapsed).copy()
        sh = shell.Shell(dict(target.env), fs, target.image, target.hostname)
        sh.listening = [s for _, s in listening]
        sh.declared_ports = declared
        sh.local_ip = target.ip
        steps, code = shell.run_in(sh, argv)
        took = sum(s[1] for s in steps if s[0] == "sleep")
        if code is None or took > timeout:
            return False, f'command timed out: "{" ".join(argv)}" timed out after {timeout:g}s'
        out, _ = programs.run(steps + [["exit", code]], t, t + 1e9, target.hostname)
        text = "\n".join(line for _, line in out)
        return code == 0, text
    if probe.get("httpGet") is not None:
        h = probe["httpGet"]
        port = _port(h.get("port"), target.ports)
        path = h.get("path") or "/"
        scheme = (h.get("scheme") or "HTTP").lower()
        host = h.get("host") or target.ip
        url = f"{scheme}://{host}:{port}{path}"
        if port is None:
            return False, f"couldn't find port: {h.get('port')} in container"
        found = _listener(listening, port, declared)
        if found is None:
            return False, f'Get "{url}": dial tcp {host}:{port}: connect: connection refused'
        started, server = found
        fs = None
        if server.get("http") == "static":
            base = target.image_files if target.image_files is not None else target.base
            fs = programs.files_at(target.steps, base, elapsed)
        code, delay = servers.answer(server, path, t - target.start - started, fs)
        if code is None:
            return False, f'Get "{url}": net/http: HTTP/1.x transport connection broken: malformed HTTP response'
        if delay > timeout:
            return False, f'Get "{url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'
        if 200 <= code < 400:
            return True, ""
        return False, f"HTTP probe failed with statuscode: {code}"
    if probe.get("tcpSocket") is not None:
        port = _port(probe["tcpSocket"].get("port"), target.ports)
        host = probe["tcpSocket"].get("host") or target.ip
        if port is not None and _listener(listening, port, declared) is not None:
            return True, ""
        return False, f"dial tcp {host}:{port}: connect: connection refused"
    if probe.get("grpc") is not None:
        port = probe["grpc"].get("port")
        if isinstance(port, int) and _listener(listening, port, declared) is not None:
            return True, ""
        return False, f'timeout: failed to connect service "{target.ip}:{port}" within {timeout:g}s'
    return True, ""


def runs(probe: Obj, target: Target, first: float, until: float,
         kind: str = "") -> Iterator[tuple[float, int, bool, str]]:
    """(first tick, number of ticks, success, message) of consecutive ticks with the same outcome, from the
    tick at `first` up to `until`."""
    period = float(probe.get("periodSeconds") or 10)
    t = first
    while t <= until + EPS:
        nxt = target.changes_after(t, until)
        known = target._known.get(kind)
        if known is not None and known[0] <= t < known[1] - EPS and not target.is_change(t):
            ok, msg = known[2], known[3]  # still in the stretch where this probe's outcome was found
        else:
            ok, msg = check(probe, target, t)
            if not target.is_change(t):
                end = target.changes_after(t, t + LOOKAHEAD)
                target._known[kind] = (t, end if end is not None else t + LOOKAHEAD, ok, msg)
        if target.is_change(t):
            n = 1  # what happens right after a change may differ from what happens at it
        elif nxt is None:
            n = int(math.floor((until + EPS - t) / period)) + 1
        else:
            n = max(1, int(math.ceil((nxt - t - EPS) / period)))
        yield t, n, ok, msg
        t += n * period


def spec(c: Obj, kind: str) -> Obj | None:
    p = c.get(FIELDS[kind])
    return p if isinstance(p, dict) else None


def init(c: Obj, start: float) -> Obj:
    """The probe state of a container run that starts at `start`."""
    st: Obj = {"started": True, "ready": spec(c, "readiness") is None, "kill": None, "p": {}}
    if spec(c, "startup") is not None:
        st["started"] = False
        st["ready"] = False
        _activate(st, c, "startup", start)
    else:
        for kind in ("liveness", "readiness"):
            if spec(c, kind) is not None:
                _activate(st, c, kind, start)
    return st


def _activate(st: Obj, c: Obj, kind: str, base: float) -> None:
    p = spec(c, kind)
    st["p"][kind] = {"next": base + float(p.get("initialDelaySeconds") or 0), "run": 0, "last": None}  # type: ignore


def has_probes(c: Obj) -> bool:
    return any(spec(c, k) is not None for k in KINDS)


Emit = Callable[[str, str, str, float, float, int, bool], None]  # (kind, reason, message, first, last, n, warn)


def advance(st: Obj, c: Obj, target: Target, until: float, emit: Emit | None,
            stop_at_transition: bool = False) -> float | None:
    """Run the probes' ticks up to `until`, changing st (started, ready, kill) and calling emit for events.
    With stop_at_transition, stop at the first change of started, ready or kill and return its time."""
    for kind in KINDS:
        if kind not in st["p"]:
            continue
        probe = spec(c, kind)
        if probe is None:
            del st["p"][kind]
            continue
        ps = st["p"][kind]
        period = float(probe.get("periodSeconds") or 10)
        fail_at = int(probe.get("failureThreshold") or 3)
        ok_at = int(probe.get("successThreshold") or 1)
        title = TITLES[kind]
        for t0, n, ok, msg in runs(probe, target, ps["next"], until, kind):
            streak = ps["run"] if ps["last"] == ok else 0
            if ok:
                if kind == "startup":
                    _ticks(ps, ok, 1, t0, period)
                    st["started"] = True
                    del st["p"]["startup"]
                    for later in ("liveness", "readiness"):
                        if spec(c, later) is not None and not stop_at_transition:
                            _activate(st, c, later, t0)
                    if spec(c, "readiness") is None:
                        st["ready"] = True
                    if stop_at_transition:
                        return t0
                    break
                if kind == "readiness" and not st["ready"] and streak + n >= ok_at:
                    k = ok_at - streak
                    st["ready"] = True
                    _ticks(ps, ok, k, t0, period)
                    if stop_at_transition:
                        return t0 + (k - 1) * period
                    _ticks(ps, ok, n - k, t0 + k * period, period)
                    continue
                _ticks(ps, ok, n, t0, period)
                continue
            # failures
            if kind in ("startup", "liveness"):
                if streak + n >= fail_at:
                    k = fail_at - streak
                    when = t0 + (k - 1) * period
                    if emit:
                        emit(kind, "Unhealthy", f"{title} probe failed: {msg}", t0, when, k, True)
                        emit(kind, "Killing", f"Container {c['name']} failed {kind} probe, will be restarted",
                             when, when, 1, False)
                    st["kill"] = {"at": when, "by": kind}
                    st["p"].pop("startup", None)
                    st["p"].pop("liveness", None)
                    if stop_at_transition:
                        return when
                    break
                if emit:
                    emit(kind, "Unhealthy", f"{title} probe failed: {msg}", t0, t0 + (n - 1) * period, n, True)
                _ticks(ps, ok, n, t0, period)
                continue
            # readiness failures
            if st["ready"] and streak + n >= fail_at:
                k = fail_at - streak
                if emit:
                    emit(kind, "Unhealthy", f"{title} probe failed: {msg}", t0, t0 + (k - 1) * period, k, True)
                st["ready"] = False
                _ticks(ps, ok, k, t0, period)
                if stop_at_transition:
                    return t0 + (k - 1) * period
                n -= k
                t0 += k * period
                if n <= 0:
                    continue
            if emit:
                emit(kind, "Unhealthy", f"{title} probe failed: {msg}", t0, t0 + (n - 1) * period, n, True)
            _ticks(ps, ok, n, t0, period)
    return None


def _ticks(ps: Obj, ok: bool, n: int, t0: float, period: float) -> None:
    """Record n ticks with the same outcome starting at t0."""
    if n <= 0:
        return
    ps["run"] = (ps["run"] + n) if ps["last"] == ok else n
    ps["last"] = ok
    ps["next"] = t0 + n * period


def lookahead(st: Obj, c: Obj, target: Target, now: float) -> tuple[float | None, float | None]:
    """(when started, ready or kill will next change, when a probe will next fail) after now; None for
    nothing within LOOKAHEAD. Each probe is looked at on its own, as they tick independently."""
    best: float | None = None
    first_fail: float | None = None
    for kind in list(st["p"]):
        trial = {"started": st["started"], "ready": st["ready"], "kill": st["kill"],
                 "p": {kind: dict(st["p"][kind])}}
        fails: list[float] = []

        def note(kind: str, reason: str, message: str, first: float, last: float, n: int, warn: bool) -> None:
            if reason == "Unhealthy" and not fails:
                fails.append(first)
        t = advance(trial, c, target, now + LOOKAHEAD, note, stop_at_transition=True)
        if t is not None and (best is None or t < best):
            best = t
        if fails and (first_fail is None or fails[0] < first_fail):
            first_fail = fails[0]
    return best, first_fail
