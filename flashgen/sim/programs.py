"""What a container's process does, from its image, command and args: serve forever, or print, sleep and exit.

A program is a list of steps: ("out", text), ("sleep", seconds), ("exit", code), ("loop", steps) (forever)
and ("serve",) (a server that never exits). Shell scripts (`sh -c "..."`) are interpreted for the simple cases:
echo, printf, sleep, exit, true, false, date, hostname, `;`, `&&`, `||`, `while true; do ...; done`,
`for x in a b; do ...; done`; other commands succeed silently.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import shlex
from typing import Any

from . import images

Step = tuple
SHELLS = {"sh", "bash", "ash", "dash", "zsh", "ksh"}
SERVER_BINARIES = {"nginx", "httpd", "apache2", "redis-server", "mysqld", "postgres", "mongod", "memcached",
                   "rabbitmq-server", "catalina.sh", "haproxy", "caddy", "traefik", "node", "gunicorn", "uvicorn",
                   "flask", "http-server", "nc", "netcat", "socat", "tail", "top", "yes", "cat", "pause", "agnhost",
                   "etcd", "consul", "vault", "registry"}
MAX_LOG_LINES = 2000


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


def program_for(image: images.Image, command: list[str] | None, args: list[str] | None,
                env: dict[str, str] | None = None) -> list[Step]:
    """The steps the container runs. `command` replaces the entrypoint; `args` the image's default arguments."""
    argv = list(command or []) + list(args or [])
    if not argv:
        if image.short == "hello-world":
            return [("out", "Hello from Docker!"),
                    ("out", "This message shows that your installation appears to be working correctly."),
                    ("exit", 0)]
        if image.default_kind == "server":
            return [("out", line) for line in _startup_lines(image)] + [("serve",)]
        if image.short == "curlimages/curl":
            return [("out", "curl: try 'curl --help' or 'curl --manual' for more information"), ("exit", 2)]
        return [("exit", 0)]
    if not command and image.default_kind == "server" and argv[0].startswith("-"):
        return [("out", line) for line in _startup_lines(image)] + [("serve",)]
    return _exec(argv, env or {}, image)


def _exec(argv: list[str], env: dict[str, str], image: images.Image) -> list[Step]:
    prog = argv[0].rsplit("/", 1)[-1]
    if prog in SHELLS:
        i = 1
        while i < len(argv) and argv[i].startswith("-") and "c" not in argv[i]:
            i += 1
        if i < len(argv) and argv[i].startswith("-") and "c" in argv[i] and i + 1 < len(argv):
            steps, _status, code = _script(argv[i + 1], dict(env))
            if code is None and steps and (steps[-1][0] in ("serve", "loop") or steps[-1] == ("sleep", math.inf)):
                return steps
            return steps + [("exit", code if code is not None else _status)]
        return [("exit", 0)]
    steps, status, code = _simple(argv, dict(env), image)
    if code is not None:
        return steps + [("exit", code)]
    if steps and steps[-1][0] in ("serve", "loop"):
        return steps
    return steps + [("exit", status)]


def _pi_digits(n: int) -> str:
    """pi to n decimal places (Machin's formula), for the Kubernetes docs' `perl -Mbignum=bpi` job."""
    prec = n + 10
    scale = 10 ** prec

    def arctan_inv(x: int) -> int:
        total = term = scale // x
        x2, k, sign = x * x, 3, -1
        while term:
            term //= x2
            total += sign * (term // k)
            k += 2
            sign = -sign
        return total
    pi = 4 * (4 * arctan_inv(5) - arctan_inv(239))
    s = str(pi // 10 ** 10)
    return s[0] + "." + s[1:n + 1]


def _simple(argv: list[str], env: dict[str, str], image: images.Image) -> tuple[list[Step], int, int | None]:
    """One command: (steps, exit status, exit-the-shell code or None)."""
    prog = argv[0].rsplit("/", 1)[-1]
    rest = argv[1:]
    if prog == "sleep":
        if rest and rest[0] == "infinity":
            return [("sleep", math.inf)], 0, None
        try:
            total = sum(_sleep_seconds(a) for a in rest)
        except ValueError:
            return [("out", f"sleep: invalid number '{rest[0] if rest else ''}'")], 1, None
        return [("sleep", total)], 0, None
    if prog == "echo":
        words = [w for w in rest if w not in ("-n", "-e")]
        return [("out", " ".join(words))], 0, None
    if prog == "printf":
        if not rest:
            return [], 1, None
        text = rest[0].replace("%s", " ".join(rest[1:])).replace("\\n", "\n")
        return [("out", line) for line in text.rstrip("\n").split("\n")], 0, None
    if prog == "exit":
        code = int(rest[0]) if rest and rest[0].lstrip("-").isdigit() else 0
        return [], code, code & 0xFF
    if prog in ("true", ":"):
        return [], 0, None
    if prog == "false":
        return [], 1, None
    if prog == "date":
        return [("out", "{date}")], 0, None
    if prog == "hostname":
        return [("out", "{hostname}")], 0, None
    if prog in ("env", "printenv"):
        if rest and prog == "printenv":
            return ([("out", env[rest[0]])], 0, None) if rest[0] in env else ([], 1, None)
        return [("out", f"{k}={v}") for k, v in env.items()], 0, None
    if prog == "perl" and any(a.startswith("-Mbignum=bpi") for a in rest):
        m = re.search(r"bpi\((\d+)\)", " ".join(rest))
        n = min(int(m.group(1)), 5000) if m else 10
        return [("sleep", 5), ("out", _pi_digits(n - 1))], 0, None
    if prog in SERVER_BINARIES or any(w in " ".join(argv) for w in ("http.server", "daemon off", "--serve",
                                                                   "-DFOREGROUND", "server")):
        return [("serve",)], 0, None
    if prog in SHELLS:
        return _exec(argv, env, image), 0, None
    return [], 0, None


def _sleep_seconds(text: str) -> float:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([smhd]?)", text)
    if not m:
        raise ValueError(text)
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


_SUBST = re.compile(r"\$\((date|hostname)[^)]*\)|`(date|hostname)[^`]*`")


def _tokens(script: str) -> list[str]:
    script = _SUBST.sub(lambda m: "{" + (m.group(1) or m.group(2)) + "}", script)
    lex = shlex.shlex(script.replace("\n", " ; "), posix=True, punctuation_chars=";&|")
    lex.whitespace_split = True
    lex.commenters = "#"
    try:
        return list(lex)
    except ValueError:
        return script.split()


def _expand(word: str, env: dict[str, str]) -> str:
    """Substitute $VAR and ${VAR}; $HOSTNAME is the pod name."""
    def value(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "HOSTNAME" and name not in env:
            return "{hostname}"
        return env.get(name, "")
    return re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", value, word)


def _script(script: str, env: dict[str, str]) -> tuple[list[Step], int, int | None]:
    toks = _tokens(script)
    steps, status, code, _ = _block(toks, 0, env, stop=())
    return steps, status, code


def _block(toks: list[str], i: int, env: dict[str, str], stop: tuple[str, ...]) -> tuple[list[Step], int, int | None, int]:
    """Interpret tokens from i until a stop word; returns (steps, status, exit code or None, next index)."""
    steps: list[Step] = []
    status = 0
    skip_next = False  # set by && / || when the next command must not run
    while i < len(toks):
        t = toks[i]
        if t in stop:
            return steps, status, None, i
        if t in (";", "&", ";;"):
            skip_next = False
            i += 1
            continue
        if t == "&&":
            skip_next = status != 0
            i += 1
            continue
        if t == "||":
            skip_next = status == 0
            i += 1
            continue
        if t in ("while", "until"):
            cond_end = toks.index("do", i) if "do" in toks[i:] else len(toks)
            cond = [w for w in toks[i + 1:cond_end] if w != ";"]
            body, _st, body_code, j = _block(toks, cond_end + 1, env, stop=("done",))
            i = j + 1
            if skip_next:
                skip_next = False
                continue
            runs_forever = (t == "while" and cond[:1] != ["false"]) or (t == "until" and cond[:1] == ["false"])
            if body_code is not None:
                steps += body
                return steps, body_code, body_code, i
            if runs_forever:
                if not any(s[0] == "sleep" and s[1] > 0 for s in body):
                    body = body + [("sleep", 1)] if any(s[0] == "out" for s in body) else []
                steps.append(("loop", body) if body else ("sleep", math.inf))
                return steps, 0, None, len(toks)
            continue
        if t == "for":
            var = toks[i + 1] if i + 1 < len(toks) else "x"
            do = toks.index("do", i) if "do" in toks[i:] else len(toks)
            words = [w for w in toks[i + 3:do] if w != ";"] if i + 2 < len(toks) and toks[i + 2] == "in" else []
            body_start = do + 1
            _, _, _, end = _block(toks, body_start, env, stop=("done",))
            if not skip_next:
                for w in words:
                    env2 = dict(env, **{var: _expand(w, env)})
                    body, status, body_code, _ = _block(toks, body_start, env2, stop=("done",))
                    steps += body
                    if body_code is not None:
                        return steps, body_code, body_code, end + 1
            skip_next = False
            i = end + 1
            continue
        if t == "if":
            # `if COND; then A; else B; fi` with COND one simple command
            then = toks.index("then", i) if "then" in toks[i:] else len(toks)
            cond_steps, cond_status, _, _ = _block(toks[:then], i + 1, env, stop=())
            a, st_a, code_a, j = _block(toks, then + 1, env, stop=("else", "fi"))
            b, st_b, code_b = [], 0, None
            if j < len(toks) and toks[j] == "else":
                b, st_b, code_b, j = _block(toks, j + 1, env, stop=("fi",))
            i = j + 1
            if skip_next:
                skip_next = False
                continue
            steps += cond_steps
            chosen = (a, st_a, code_a) if cond_status == 0 else (b, st_b, code_b)
            steps += chosen[0]
            status = chosen[1]
            if chosen[2] is not None:
                return steps, status, chosen[2], i
            continue
        # a simple command: words up to an operator or keyword
        j = i
        words = []
        while j < len(toks) and toks[j] not in (";", "&&", "||", "&", "|", ";;") and toks[j] not in stop:
            words.append(toks[j])
            j += 1
        while j < len(toks) and toks[j] == "|":  # a pipeline: the last command's status counts, output is dropped
            j += 1
            words = []
            while j < len(toks) and toks[j] not in (";", "&&", "||", "&", "|") and toks[j] not in stop:
                words.append(toks[j])
                j += 1
        i = j
        if skip_next:
            skip_next = False
            continue
        if not words:
            continue
        if "=" in words[0] and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]) and len(words) == 1:
            k, v = words[0].split("=", 1)
            env[k] = _expand(v, env)
            continue
        if words[0] in ("set", "trap", "export", "cd", "mkdir", "touch", "cat", "ls", "test", "[", "wget",
                        "curl", "apk", "apt-get", "yum", "rm", "cp", "mv", "chmod", "chown", "ping", "nslookup"):
            status = 0
            if words[0] == "export" and len(words) > 1 and "=" in words[1]:
                k, v = words[1].split("=", 1)
                env[k] = _expand(v, env)
            continue
        expanded = [_expand(w, env) for w in words]
        s, status, code = _simple(expanded, env, images.parse("busybox"))
        steps += s
        if code is not None:
            return steps, code, code, i
        if s and s[-1][0] == "serve":
            return steps, 0, None, len(toks)
    return steps, status, None, i


def render(text: str, when: float, hostname: str) -> str:
    """Fill the {date} / {hostname} placeholders of an output line at virtual time `when`."""
    d = _dt.datetime.fromtimestamp(when, tz=_dt.timezone.utc)
    return (text.replace("{date:nginx}", d.strftime("%Y/%m/%d %H:%M:%S"))
            .replace("{date:httpd}", d.strftime("%a %b %d %H:%M:%S.000000 %Y"))
            .replace("{date:redis}", d.strftime("%d %b %Y %H:%M:%S.000"))
            .replace("{date}", d.strftime("%a %b %d %H:%M:%S UTC %Y")).replace("{hostname}", hostname))


def run(steps: list[Step], start: float, until: float, hostname: str) -> tuple[list[tuple[float, str]], Any]:
    """Run a program from `start` up to `until`: (timestamped output lines, exit) where exit is
    (time, code) once it has exited, or None while it is still running."""
    out: list[tuple[float, str]] = []
    t = start

    def walk(seq: list[Step]) -> Any:
        nonlocal t
        for st in seq:
            if t > until:
                return "running"
            if st[0] == "out":
                for line in str(st[1]).split("\n"):
                    out.append((t, render(line, t, hostname)))
                    if len(out) > MAX_LOG_LINES:
                        del out[0]
            elif st[0] == "sleep":
                if st[1] == math.inf or t + st[1] > until:
                    return "running"
                t += st[1]
            elif st[0] == "exit":
                return (t, int(st[1]))
            elif st[0] == "serve":
                return "running"
            elif st[0] == "loop":
                period = sum(s[1] for s in st[1] if s[0] == "sleep")
                if period <= 0:
                    return "running"
                skip = max(0, int((until - t) / period) - MAX_LOG_LINES)
                t += skip * period
                while t <= until:
                    r = walk(st[1])
                    if r is not None:
                        return r
                return "running"
        return None
    result = walk(steps)
    if result is None:
        result = (t, 0)
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
