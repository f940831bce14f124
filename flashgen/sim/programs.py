"""What a container's process does, from its image, command and args: serve forever, or print, sleep, write
files and exit.

A program is a JSON-ready list of steps, each a list:
  ["out", text]          a line on stdout (text and a newline)        ["raw", text]   text without a newline
  ["sleep", seconds]     (math.inf: blocks for ever)                  ["exit", code]
  ["fs", op, path, data] a file operation (write, append, rm, mkdir, chmod), replayed on the container's files
  ["listen", server]     a server started in the background            ["serve", server]  one in the foreground
  ["loop", steps]        the steps repeated for ever
Commands are run by the shell of shell.py over the container's files (containerfs) and environment; servers
are described in servers.py. `state_at` replays a program up to a moment: the files and listening servers an
exec, HTTP or TCP probe sees then.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any, Iterator

from . import images, servers, shell
from .containerfs import ContainerFS

Step = list
MAX_LOG_LINES = 2000
SHELLS = shell.SHELLS


def _startup_lines(image: images.Image) -> list[str]:
    name = image.short.rsplit("/", 1)[-1]
    if name == "nginx":
        return ["/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
                "/docker-entrypoint.sh: Configuration complete; ready for start up",
                "{date:nginx} [notice] 1#1: start worker processes"]
    if name == "httpd":
        return ["{date:httpd} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4 (Unix) configured -- "
                "resuming normal operations"]
    if name == "redis":
        return ["1:M {date:redis} * Ready to accept connections tcp"]
    return []


def _serve_image(image: images.Image, args: list[str] | None = None) -> list[Step]:
    return [["out", line] for line in _startup_lines(image)] + [["serve", servers.for_image(image, args)]]


def program_for(image: images.Image, command: list[str] | None, args: list[str] | None,
                env: dict[str, str] | None = None, fs: ContainerFS | None = None, hostname: str = "") -> list[Step]:
    """The steps the container runs. `command` replaces the entrypoint; `args` the image's default arguments.
    `env` is the container's environment and `fs` its files at start (both changed by nothing here)."""
    argv = list(command or []) + list(args or [])
    last = image.short.rsplit("/", 1)[-1]
    if not argv:
        if image.short == "hello-world":
            return [["out", "Hello from Docker!"],
                    ["out", "This message shows that your installation appears to be working correctly."],
                    ["exit", 0]]
        if image.default_kind == "server":
            return _serve_image(image)
        if image.short == "curlimages/curl":
            return [["out", "curl: try 'curl --help' or 'curl --manual' for more information"], ["exit", 2]]
        return [["exit", 0]]
    if not command and image.default_kind == "server":
        # the image's entrypoint takes these arguments: flags or a configuration file for the server
        # (redis.conf), a sub-command (agnhost), or a program of its own to run instead
        if last == "liveness" or argv[0] in ("/server", "server") and "liveness" in image.short:
            return [["serve", servers.for_image(images.parse("registry.k8s.io/liveness"))]]
        if argv[0].startswith("-") or last == "agnhost" or not shell.is_command(argv[0], image):
            return _serve_image(image, argv)
    steps, code = shell.run_command(argv, dict(env or {}), (fs or ContainerFS()).copy(), image,
                                    hostname or (env or {}).get("HOSTNAME", ""))
    if code is None:
        return steps
    return steps + [["exit", code]]


# ----- replaying a program -----
def _period(body: list[Step]) -> float:
    """Seconds one iteration of a loop body takes (0 when it blocks inside)."""
    total = 0.0
    for s in body:
        if s[0] == "sleep":
            if s[1] == math.inf:
                return 0.0
            total += s[1]
        elif s[0] in ("loop", "serve"):
            return 0.0
    return total


def render(text: str, when: float, hostname: str) -> str:
    """Fill the {date...} / {hostname} placeholders of an output line at virtual time `when`."""
    if "{" not in text:
        return text
    d = _dt.datetime.fromtimestamp(when, tz=_dt.timezone.utc)
    out = (text.replace("{date:nginx}", d.strftime("%Y/%m/%d %H:%M:%S"))
           .replace("{date:httpd}", d.strftime("%a %b %d %H:%M:%S.000000 %Y"))
           .replace("{date:redis}", d.strftime("%d %b %Y %H:%M:%S.000"))
           .replace("{date}", d.strftime("%a %b %d %H:%M:%S UTC %Y")).replace("{hostname}", hostname))
    while "{date:+" in out:
        i = out.index("{date:+")
        j = out.find("}", i)
        if j < 0:
            break
        fmt = out[i + 7:j].replace("%s", str(int(when))).replace("%N", "000000000")
        out = out[:i] + d.strftime(fmt) + out[j + 1:]
    return out


def run(steps: list[Step], start: float, until: float, hostname: str) -> tuple[list[tuple[float, str]], Any]:
    """Run a program from `start` up to `until`: (timestamped output lines, exit) where exit is
    (time, code) once it has exited, or None while it is still running."""
    out: list[tuple[float, str]] = []
    partial: list[Any] = [None, ""]  # time and text of an unfinished line
    t = start

    def line(text: str) -> None:
        when = partial[0] if partial[0] is not None else t
        out.append((when, render(partial[1] + text, when, hostname)))
        partial[0], partial[1] = None, ""
        if len(out) > MAX_LOG_LINES:
            del out[0]

    def walk(seq: list[Step]) -> Any:
        nonlocal t
        for st in seq:
            if t > until:
                return "running"
            kind = st[0]
            if kind == "out":
                for piece in str(st[1]).split("\n"):
                    line(piece)
            elif kind == "raw":
                if partial[0] is None:
                    partial[0] = t
                partial[1] += str(st[1])
            elif kind == "sleep":
                if st[1] == math.inf or t + st[1] > until:
                    return "running"
                t += st[1]
            elif kind == "exit":
                return (t, int(st[1]))
            elif kind == "serve":
                return "running"
            elif kind == "loop":
                period = _period(st[1])
                if period > 0:
                    t += max(0, int((until - t) / period) - MAX_LOG_LINES) * period
                while t <= until:
                    r = walk(st[1])
                    if r is not None:
                        return r
                    if period <= 0:
                        return "running"
                return "running"
        return None
    result = walk(steps)
    if result is None:
        result = (t, 0)
    if partial[1]:
        line("")
    return out, (None if result == "running" else result)


def duration(steps: list[Step]) -> tuple[float, int] | None:
    """(seconds until exit, exit code) of a program, or None when it runs forever."""
    t = 0.0
    for st in steps:
        if st[0] == "sleep":
            if st[1] == math.inf:
                return None
            t += st[1]
        elif st[0] == "exit":
            return (t, int(st[1]))
        elif st[0] in ("serve", "loop"):
            return None
    return (t, 0)


def _timed(steps: list[Step], offset: float = 0.0) -> Iterator[tuple[float, Step]]:
    """(offset, step) of the steps that change what a probe sees, in time order (loops without end)."""
    t = offset
    for st in steps:
        kind = st[0]
        if kind == "sleep":
            if st[1] == math.inf:
                return
            t += st[1]
        elif kind in ("fs", "listen", "serve", "exit"):
            yield t, st
            if kind in ("serve", "exit"):
                return
        elif kind == "loop":
            period = _period(st[1])
            if period <= 0:
                yield from _timed(st[1], t)
                return
            while True:
                yield from _timed(st[1], t)
                t += period


def listening_at(steps: list[Step], elapsed: float) -> tuple[list[tuple[float, dict]], bool]:
    """The servers listening (with the second each started) and whether the process has exited, `elapsed`
    seconds after the program started (what happens at that very second has happened)."""
    listening: list[tuple[float, dict]] = []
    for t, st in _timed(steps):
        if t > elapsed + 1e-9:
            break
        if st[0] in ("listen", "serve"):
            listening.append((t, st[1]))
        elif st[0] == "exit":
            return [], True
    return listening, False


def files_at(steps: list[Step], base: ContainerFS, elapsed: float) -> ContainerFS:
    """The container's files `elapsed` seconds after the program started (base itself when it wrote nothing;
    do not change what this returns)."""
    fs = base
    for t, st in _timed(steps):
        if t > elapsed + 1e-9:
            break
        if st[0] == "fs":
            if fs is base:
                fs = base.copy()
            fs.apply(st)
    return fs


def state_at(steps: list[Step], base: ContainerFS, elapsed: float) -> tuple[ContainerFS, list[tuple[float, dict]],
                                                                              bool]:
    """(files, listening servers, exited) at `elapsed` (see files_at and listening_at)."""
    listening, exited = listening_at(steps, elapsed)
    return files_at(steps, base, elapsed).copy(), listening, exited


def change_offsets(steps: list[Step], after: float, until: float) -> Iterator[float]:
    """Seconds (after < s <= until) at which what a probe sees may change, in order (what the program does as
    it starts, at 0 s, is part of what every probe sees)."""
    after = max(after, 0.0)
    pending: list[float] = []
    for t, st in _timed(steps):
        if t > until + 1e-9:
            break
        if st[0] in ("listen", "serve"):
            pending += [t + d for d in servers.change_offsets(st[1])]
        while pending and min(pending) < t:
            p = min(pending)
            pending.remove(p)
            if p > after + 1e-9:
                yield p
        if t > after + 1e-9:
            yield t
    for p in sorted(pending):
        if after + 1e-9 < p <= until + 1e-9:
            yield p
