"""Running a container's command as busybox's shell would, ahead of time: the result is the program's steps
(what it prints, when it sleeps, which files it writes, which servers it starts, how it exits).

The shell keeps variables (exported ones form the environment), arrays, the container's filesystem
(containerfs) and its working directory. It understands the syntax of shellparse, parameter expansion
(${X:-d}, ${#X}, ${a[i]}), $(...) and `...`, $((...)), redirections, pipes, here-documents, and the busybox
commands the Kubernetes docs' examples use (echo, printf, cat, ls, touch, rm, mkdir, test/[/[[, grep, head,
tail, wc, rev, sort, cut, tr, tee, seq, base64, env, printenv, date, hostname, sleep ...). Commands it does
not know succeed silently; known servers (nginx, python -m http.server, nc -l ...) block and listen.

Loops run iteration by iteration; a loop whose iteration leaves variables and files as they were repeats for
ever and becomes one ("loop", steps) step. At most MAX_ITERATIONS iterations of any loop are unrolled.
"""

from __future__ import annotations

import ast
import base64
import fnmatch
import hashlib
import math
import operator
import re
from typing import Any, Callable

from . import images, servers
from .containerfs import ContainerFS, FsError, mode_string, norm, parent
from .shellparse import Node, ParseError, Word, parse

Step = list
SHELLS = {"sh", "bash", "ash", "dash", "zsh", "ksh"}
# programs that run until stopped without listening anywhere (and the servers with unknown ports)
BLOCKING = {"tail", "top", "yes", "pause", "agnhost", "etcd", "consul", "vault", "registry", "node", "catalina.sh",
            "haproxy", "caddy", "traefik", "rabbitmq-server"}
MAX_ITERATIONS = 1000
MAX_STEPS = 20000
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


class ExitShell(Exception):
    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class Forever(Exception):
    """The program blocks here for ever (a server, an endless loop, sleep infinity)."""


class LoopControl(Exception):
    def __init__(self, kind: str, n: int):
        super().__init__(kind)
        self.kind = kind
        self.n = n


class StepSink:
    """Output into the program's steps: whole lines become ("out", line), a trailing part ("raw", text)."""

    def __init__(self, steps: list[Step]):
        self.steps = steps

    def write(self, text: str) -> None:
        if not text:
            return
        if self.steps and self.steps[-1][0] == "raw":
            text = self.steps.pop()[1] + text
        lines = text.split("\n")
        for line in lines[:-1]:
            self.steps.append(["out", line])
        if lines[-1]:
            self.steps.append(["raw", lines[-1]])


class Capture:
    """Output kept as text ($(...), pipes, redirections to files)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class Discard:
    def write(self, text: str) -> None:
        pass


_ARITH_OPS: dict[type, Callable[..., Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.FloorDiv: operator.floordiv,
    ast.Div: operator.floordiv, ast.Mod: operator.mod, ast.LShift: operator.lshift, ast.RShift: operator.rshift,
    ast.BitAnd: operator.and_, ast.BitOr: operator.or_, ast.BitXor: operator.xor, ast.Pow: operator.pow,
    ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Not: lambda x: int(not x), ast.Invert: operator.invert,
    ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}


def _arith(expr: str, lookup: Callable[[str], str]) -> int:
    """Integer arithmetic as $((...)) does it (variables by name, C operators)."""
    text = expr.replace("&&", " and ").replace("||", " or ").replace("/", "//").replace("////", "//")
    text = re.sub(r"!(?!=)", " not ", text)
    text = re.sub(r"\$?\{?([A-Za-z_][A-Za-z0-9_]*)\}?", lambda m: str(_int(lookup(m.group(1)))), text)

    def ev(n: ast.AST) -> int:
        if isinstance(n, ast.Expression):
            return ev(n.body)
        if isinstance(n, ast.Constant) and isinstance(n.value, int):
            return n.value
        if isinstance(n, ast.BinOp) and type(n.op) in _ARITH_OPS:
            right = ev(n.right)
            if isinstance(n.op, (ast.FloorDiv, ast.Div, ast.Mod)) and right == 0:
                raise ZeroDivisionError
            if isinstance(n.op, ast.FloorDiv):
                left = ev(n.left)
                q = abs(left) // abs(right)
                return q if (left >= 0) == (right >= 0) else -q
            return int(_ARITH_OPS[type(n.op)](ev(n.left), right))
        if isinstance(n, ast.UnaryOp) and type(n.op) in _ARITH_OPS:
            return int(_ARITH_OPS[type(n.op)](ev(n.operand)))
        if isinstance(n, ast.Compare) and len(n.ops) == 1 and type(n.ops[0]) in _ARITH_OPS:
            return int(_ARITH_OPS[type(n.ops[0])](ev(n.left), ev(n.comparators[0])))
        if isinstance(n, ast.BoolOp):
            vals = [ev(v) for v in n.values]
            return int(all(vals) if isinstance(n.op, ast.And) else any(vals))
        if isinstance(n, ast.IfExp):
            return ev(n.body) if ev(n.test) else ev(n.orelse)
        raise ValueError(expr)
    return ev(ast.parse(text.strip() or "0", mode="eval"))


def _int(text: str) -> int:
    try:
        return int(str(text).strip() or 0)
    except ValueError:
        return 0


def _unescape(text: str) -> str:
    """echo -e / printf escapes."""
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            table = {"n": "\n", "t": "\t", "\\": "\\", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
                     "e": "\x1b"}
            if n in table:
                out.append(table[n])
                i += 2
                continue
            if n == "c":
                break
            if n == "0":
                m = re.match(r"0([0-7]{0,3})", text[i + 1:])
                out.append(chr(int(m.group(1) or "0", 8)))  # type: ignore[union-attr]
                i += 1 + len(m.group(0))  # type: ignore[union-attr]
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _printf(fmt: str, args: list[str]) -> str:
    out = []
    args = list(args)
    spec = re.compile(r"%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdifxXoc%b])")
    while True:
        used = 0

        def sub(m: re.Match[str]) -> str:
            nonlocal used
            flags, width, prec, conv = m.groups()
            if conv == "%":
                return "%"
            arg = args[used] if used < len(args) else ""
            used += 1
            pyfmt = "%" + flags + width + (("." + prec) if prec else "")
            try:
                if conv in "di":
                    return (pyfmt + "d") % _int(arg)
                if conv in "xXo":
                    return (pyfmt + conv) % _int(arg)
                if conv == "f":
                    return (pyfmt + "f") % float(arg or 0)
                if conv == "c":
                    return arg[:1]
                if conv == "b":
                    return _unescape(arg)
                return (pyfmt + "s") % arg
            except (TypeError, ValueError):
                return arg
        out.append(_unescape(spec.sub(sub, fmt)))
        args = args[used:]
        if not args or used == 0:
            break
    return "".join(out)


def _remote_page(url: str) -> str:
    """What wget or curl get from another host: the network is not simulated, so a page that says so."""
    return f"<html><body>{url} (flashgen's simulated cluster fetches nothing from the network)</body></html>\n"


class Shell:
    """One shell process over a container's filesystem and environment, writing the program's steps."""

    def __init__(self, env: dict[str, str], fs: ContainerFS, image: images.Image, hostname: str,
                 steps: list[Step] | None = None, cwd: str = "/"):
        self.vars: dict[str, str] = dict(env)
        self.exported: list[str] = list(env)
        self.arrays: dict[str, list[str]] = {}
        self.fs = fs
        self.image = image
        self.hostname = hostname
        self.cwd = cwd
        self.status = 0
        self.steps: list[Step] = steps if steps is not None else []
        self.out: Any = StepSink(self.steps)
        self.err: Any = self.out
        self.stdin: str | None = None
        self.errexit = False
        self.positional: list[str] = ["sh"]
        self.budget = [MAX_STEPS]  # shared with sub-shells
        self.name = "sh"
        self.listening: list[servers.Server] = []  # servers of this container (localhost answers)
        self.declared_ports: list[int] = []
        self.local_ip = "127.0.0.1"

    # ----- sub-shells -----
    def child(self, capture: Any = None) -> "Shell":
        """A sub-shell: a copy of the variables and files; its steps go to `capture` or to this shell's."""
        sub = Shell({}, self.fs.copy(), self.image, self.hostname, self.steps if capture is None else [], self.cwd)
        sub.vars = dict(self.vars)
        sub.exported = list(self.exported)
        sub.arrays = {k: list(v) for k, v in self.arrays.items()}
        sub.positional = list(self.positional)
        sub.budget = self.budget
        sub.name = self.name
        sub.listening = self.listening
        sub.declared_ports = self.declared_ports
        sub.local_ip = self.local_ip
        sub.status = self.status
        if capture is not None:
            sub.out = capture
            sub.err = self.err if capture is not self.err else capture
        else:
            sub.out, sub.err = self.out, self.err
        return sub

    def signature(self) -> tuple:
        return (tuple(sorted(self.vars.items())), tuple(sorted((k, tuple(v)) for k, v in self.arrays.items())),
                self.fs.signature(), self.cwd)

    # ----- running -----
    def run_script(self, script: str) -> int | None:
        """Run a script; its exit status, or None when it never ends."""
        try:
            tree = parse(script)
        except ParseError as e:
            self.err.write(f"{self.name}: {e}\n")
            return 2
        return self.run_tree(tree)

    def run_tree(self, tree: Node) -> int | None:
        try:
            self.exec(tree)
        except ExitShell as e:
            return e.code
        except Forever:
            return None
        except LoopControl:
            pass
        return self.status

    def emit(self, step: Step) -> None:
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise Forever()
        if isinstance(self.out, StepSink) or self.out is None:
            self.steps.append(step)
        elif step[0] in ("sleep", "fs", "listen"):
            self.steps.append(step)

    def exec(self, node: Node) -> None:
        kind = node[0]
        getattr(self, "_" + kind)(node)

    def _list(self, node: Node) -> None:
        for item, term in node[1]:
            if term == "&":
                self._background(item)
            else:
                self.exec(item)
                if self.errexit and self.status != 0:
                    raise ExitShell(self.status)

    def _background(self, node: Node) -> None:
        """`cmd &`: a server starts listening; other jobs' immediate effects (files, output) happen now."""
        server = self._server_of(node)
        if server is not None:
            self.emit(["listen", server])
            self.listening.append(server)
            self.status = 0
            return
        sub = self.child(capture=None)
        mark = len(self.steps)
        sub.steps = []
        sub.out = StepSink(sub.steps)
        sub.err = sub.out
        sub.run_tree(node)
        for st in sub.steps:
            if st[0] in ("sleep", "loop", "serve"):
                break
            self.steps.append(st)
            if st[0] == "fs":
                self.fs.apply(st)
        del mark
        self.status = 0

    def _server_of(self, node: Node) -> servers.Server | None:
        while node[0] in ("list", "andor", "pipe"):
            if node[0] == "list" and len(node[1]) == 1:
                node = node[1][0][0]
            elif node[0] == "andor" and len(node[1]) == 1:
                node = node[1][0][1]
            elif node[0] == "pipe" and len(node[2]) == 1:
                node = node[2][0]
            else:
                return None
        if node[0] != "simple" or not node[2]:
            return None
        argv = self.expand_words(node[2])
        return servers.for_command(argv, self.image, self.cwd) if argv else None

    def _andor(self, node: Node) -> None:
        first = True
        for op, pipe in node[1]:
            if not first and ((op == "&&" and self.status != 0) or (op == "||" and self.status == 0)):
                continue
            first = False
            errexit, self.errexit = self.errexit, self.errexit and op == "" and len(node[1]) == 1
            try:
                self.exec(pipe)
            finally:
                self.errexit = errexit

    def _pipe(self, node: Node) -> None:
        _, negate, cmds = node
        if len(cmds) == 1:
            self.exec(cmds[0])
        else:
            data = self.stdin
            for cmd in cmds[:-1]:
                cap = Capture()
                sub = self.child(capture=cap)
                sub.stdin = data
                sub.run_tree(cmd)
                self.steps.extend(s for s in sub.steps if s[0] == "sleep")
                data = cap.text
            saved = self.stdin
            self.stdin = data
            try:
                self.exec(cmds[-1])
            finally:
                self.stdin = saved
        if negate:
            self.status = 0 if self.status else 1

    def _subshell(self, node: Node) -> None:
        sub = self.child()
        code = sub.run_tree(node[1])
        if code is None:
            raise Forever()
        self.status = code

    def _group(self, node: Node) -> None:
        self.exec(node[1])

    def _redir(self, node: Node) -> None:
        self.with_redirs(node[2], lambda: self.exec(node[1]))

    def _if(self, node: Node) -> None:
        _, arms, other = node
        for cond, body in arms:
            errexit, self.errexit = self.errexit, False
            try:
                self.exec(cond)
            finally:
                self.errexit = errexit
            if self.status == 0:
                self.exec(body)
                return
        if other is not None:
            self.exec(other)
        else:
            self.status = 0

    def _iteration(self, body: Node) -> tuple[list[Step], str | None]:
        """Run one loop body into its own steps; (steps, "break"/"continue"/None)."""
        saved = self.steps
        self.steps = []
        if isinstance(self.out, StepSink):
            self.out = StepSink(self.steps)
            if isinstance(self.err, StepSink):
                self.err = self.out
        control = None
        try:
            self.exec(body)
        except LoopControl as e:
            if e.n > 1:
                e.n -= 1
                raise
            control = e.kind
        finally:
            body_steps = self.steps
            self.steps = saved
            if isinstance(self.out, StepSink):
                self.out = StepSink(self.steps)
                if isinstance(self.err, StepSink):
                    self.err = self.out
        return body_steps, control

    def _while(self, node: Node) -> None:
        _, cond, body, until = node
        for _ in range(MAX_ITERATIONS):
            before = self.signature()
            errexit, self.errexit = self.errexit, False
            cond_mark = len(self.steps)
            try:
                self.exec(cond)
            finally:
                self.errexit = errexit
            cond_steps = self.steps[cond_mark:]
            ok = (self.status == 0) != until
            if not ok:
                self.status = 0
                return
            try:
                body_steps, control = self._iteration(body)
            except Forever:
                raise
            except ExitShell:
                raise
            if control == "break":
                self.steps.extend(body_steps)
                self.status = 0
                return
            if self.signature() == before and control is None:
                del self.steps[cond_mark:]
                self._forever(cond_steps + body_steps)
            self.steps.extend(body_steps)
        # still changing after MAX_ITERATIONS: the last iteration repeats from here on
        last = self.steps[cond_mark:]
        del self.steps[cond_mark:]
        self._forever(last)

    def _forever(self, body: list[Step]) -> None:
        """The loop repeats its body for ever: one ("loop", body) step (a busy loop without sleep prints a line
        a second; one that prints nothing just blocks)."""
        if not any(s[0] == "sleep" and s[1] > 0 for s in body):
            body = body + [["sleep", 1]] if any(s[0] in ("out", "raw") for s in body) else []
        if body:
            self.emit(["loop", body])
        else:
            self.emit(["sleep", math.inf])
        raise Forever()

    def _for(self, node: Node) -> None:
        _, name, words, body = node
        items = self.expand_words(words) if words is not None else self.positional[1:]
        self.status = 0
        for item in items[:MAX_ITERATIONS]:
            self.vars[name] = item
            body_steps, control = self._iteration(body)
            self.steps.extend(body_steps)
            if control == "break":
                break

    def _case(self, node: Node) -> None:
        _, subject, arms = node
        value = self.expand_string(subject)
        self.status = 0
        for pats, body in arms:
            if any(fnmatch.fnmatchcase(value, self.expand_string(p)) for p in pats):
                self.exec(body)
                return

    # ----- simple commands -----
    def _simple(self, node: Node) -> None:
        _, assigns, words, redirs = node
        argv = self.expand_words(words)
        if not argv:
            for name, value in assigns:
                self._assign(name, value)
            self.status = 0
            if redirs:
                self.with_redirs(redirs, lambda: None)
            return
        saved: dict[str, str | None] = {}
        for name, value in assigns:  # VAR=x cmd: for the command only
            saved[name] = self.vars.get(name)
            self.vars[name] = self.expand_string(value)
            if name not in self.exported:
                self.exported.append(name)
        try:
            if redirs:
                self.with_redirs(redirs, lambda: self.command(argv))
            else:
                self.command(argv)
        finally:
            for name, old in saved.items():
                if old is None:
                    self.vars.pop(name, None)
                else:
                    self.vars[name] = old

    def _assign(self, name: str, value: Word) -> None:
        raw = "".join(p[2] for p in value)
        if len(value) == 1 and not value[0][0] and raw.startswith("(") and raw.endswith(")"):
            inner = raw[1:-1]
            try:
                from .shellparse import tokenize
                toks = tokenize(inner)
            except ParseError:
                toks = []
            self.arrays[name] = [f for t in toks if t[0] == "word" for f in self.expand_word(t[1])]
            return
        self.vars[name] = self.expand_string(value)

    def with_redirs(self, redirs: list[tuple[str, Word]], run: Callable[[], None]) -> None:
        out, err, stdin = self.out, self.err, self.stdin
        files: list[tuple[str, bool, Capture]] = []
        try:
            for op, target in redirs:
                if op in ("2>&1", ">&1"):
                    if op == "2>&1":
                        self.err = self.out
                    continue
                if op in ("1>&2", ">&2"):
                    self.out = self.err
                    continue
                if op == "<<":
                    self.stdin = self.expand_string(target) if target and target[0][1] else "".join(
                        p[2] for p in target)
                    continue
                path = self.expand_string(target)
                if op == "<":
                    try:
                        self.stdin = self.fs.read(norm(path, self.cwd))
                    except FsError as e:
                        self.err.write(f"{self.name}: can't open {path}: {e}\n")
                        self.status = 1
                        return
                    continue
                if path in ("/dev/null",):
                    sink: Any = Discard()
                elif path in ("/dev/stdout", "/proc/1/fd/1", "/dev/fd/1"):
                    sink = out
                elif path in ("/dev/stderr", "/proc/1/fd/2", "/dev/fd/2"):
                    sink = err
                else:
                    full = norm(path, self.cwd)
                    try:
                        self._check_creatable(full)
                    except FsError as e:
                        self.err.write(f"{self.name}: can't create {path}: {e}\n")
                        self.status = 1
                        return
                    sink = Capture()
                    files.append((full, op.endswith(">>"), sink))
                if op in ("2>", "2>>"):
                    self.err = sink
                elif op in ("&>", "&>>"):
                    self.out = self.err = sink
                else:
                    self.out = sink
            run()
        finally:
            self.out, self.err, self.stdin = out, err, stdin
            for full, append, cap in files:
                self.write_file(full, cap.text, append)

    def _check_creatable(self, path: str) -> None:
        real = self.fs.resolve(path)
        if real in self.fs.dirs:
            raise FsError("Is a directory")
        if parent(real) not in self.fs.dirs:
            raise FsError("nonexistent directory")
        self.fs._check_writable(real)

    def write_file(self, path: str, text: str, append: bool = False) -> None:
        try:
            self.fs.write(path, text, append=append)
        except FsError:
            return
        self.emit(["fs", "append" if append else "write", self.fs.resolve(path), text])

    # ----- expansion -----
    def lookup(self, name: str) -> str:
        if name == "?":
            return str(self.status)
        if name == "$":
            return "1"
        if name == "#":
            return str(len(self.positional) - 1)
        if name in ("@", "*"):
            return " ".join(self.positional[1:])
        if name.isdigit():
            i = int(name)
            return self.positional[i] if i < len(self.positional) else ""
        if name == "HOSTNAME" and name not in self.vars:
            return self.hostname
        if name == "PWD":
            return self.cwd
        if name == "RANDOM":
            return "17"
        return self.vars.get(name, "")

    def _param(self, body: str) -> str:
        """${...}"""
        m = re.fullmatch(r"#([A-Za-z_][A-Za-z0-9_]*)", body)
        if m:
            return str(len(self.lookup(m.group(1))))
        m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]", body)
        if m:
            arr = self.arrays.get(m.group(1))
            if arr is None:
                arr = [self.vars[m.group(1)]] if m.group(1) in self.vars else []
            idx = m.group(2)
            if idx in ("@", "*"):
                return " ".join(arr)
            try:
                i = _arith(self.expand_text(idx), self.lookup)
            except (ValueError, SyntaxError, ZeroDivisionError):
                return ""
            return arr[i] if -len(arr) <= i < len(arr) else ""
        m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$])(:?[-=+?]|##?|%%?)(.*)", body, re.S)
        if m:
            name, op, arg = m.groups()
            value = self.lookup(name)
            is_set = name in self.vars or name in ("?", "$", "#", "@", "*") or name.isdigit() and value != ""
            empty = value == "" if op.startswith(":") else not is_set
            arg_v = self.expand_text(arg)
            if op in (":-", "-"):
                return arg_v if empty else value
            if op in (":=", "="):
                if empty:
                    self.vars[name] = arg_v
                    return arg_v
                return value
            if op in (":+", "+"):
                return "" if empty else arg_v
            if op in (":?", "?"):
                if empty:
                    self.err.write(f"{self.name}: {name}: {arg_v or 'parameter not set'}\n")
                    raise ExitShell(2)
                return value
            pat = fnmatch.translate(arg_v)[4:-3] if arg_v else ""
            if op in ("#", "##"):
                for i in (range(len(value) + 1) if op == "#" else range(len(value), -1, -1)):
                    if re.fullmatch(pat or "", value[:i]):
                        return value[i:]
                return value
            for i in (range(len(value), -1, -1) if op == "%" else range(len(value) + 1)):
                if re.fullmatch(pat or "", value[i:]):
                    return value[:i]
            return value
        return self.lookup(body)

    def _substitute(self, script: str) -> str:
        cap = Capture()
        sub = self.child(capture=cap)
        sub.err = self.err
        sub.run_tree_text(script)
        self.status = sub.status
        return cap.text.rstrip("\n")

    def run_tree_text(self, script: str) -> None:
        code = self.run_script(script)
        self.status = code if code is not None else 0

    def expand_text(self, text: str, in_quotes: bool = False) -> str:
        """$VAR, ${...}, $(...), `...` and $((...)) in a piece of text (no splitting)."""
        out = []
        i = 0
        while i < len(text):
            c = text[i]
            if c == "\\" and in_quotes and i + 1 < len(text) and text[i + 1] in '$`"\\\n':
                out.append(text[i + 1] if text[i + 1] != "\n" else "")
                i += 2
                continue
            if c == "$" and text.startswith("$((", i):
                depth, j = 0, i + 1
                while j < len(text):
                    if text[j] == "(":
                        depth += 1
                    elif text[j] == ")":
                        depth -= 1
                        if depth == 0:
                            break
                    j += 1
                expr = text[i + 3:j - 1]
                try:
                    out.append(str(_arith(self.expand_text(expr), self.lookup)))
                except (ValueError, SyntaxError, ZeroDivisionError):
                    self.err.write(f"{self.name}: arithmetic syntax error\n")
                    out.append("0")
                i = j + 1
                continue
            if c == "$" and text.startswith("$(", i):
                depth, j = 1, i + 2
                while j < len(text) and depth:
                    if text[j] == "(":
                        depth += 1
                    elif text[j] == ")":
                        depth -= 1
                    j += 1
                out.append(self._substitute(text[i + 2:j - 1]))
                i = j
                continue
            if c == "`":
                j = text.find("`", i + 1)
                j = len(text) if j < 0 else j
                out.append(self._substitute(text[i + 1:j]))
                i = j + 1
                continue
            if c == "$" and text.startswith("${", i):
                j = text.find("}", i)
                j = len(text) if j < 0 else j
                out.append(self._param(text[i + 2:j]))
                i = j + 1
                continue
            if c == "$":
                m = re.match(r"[A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-]", text[i + 1:])
                if m:
                    out.append(self.lookup(m.group(0)))
                    i += 1 + len(m.group(0))
                    continue
            out.append(c)
            i += 1
        return "".join(out)

    def expand_word(self, word: Word) -> list[str]:
        """A word's fields after expansion, splitting and globbing."""
        fields: list[str] = []
        cur = ""
        have = False  # the current field exists (even if empty, from quotes)
        glob = False
        for quoted, expand, text in word:
            if quoted:
                cur += self.expand_text(text, True) if expand else text
                have = True
                continue
            value = self.expand_text(text) if expand else text
            if any(x in text for x in "*?[") and "$" not in text and text not in ("[", "[[", "]", "]]"):
                glob = True
            if not fields and not cur and text.startswith("~") and (len(text) == 1 or text[1] == "/"):
                value = self.vars.get("HOME", "/root") + value[1:]
            if "$" not in text and "`" not in text:
                cur += value
                have = have or bool(value)
                continue
            parts = re.split(r"[ \t\n]+", value)
            if value[:1] in (" ", "\t", "\n") and (cur or have):
                fields.append(cur)
                cur, have = "", False
            parts = [p for p in parts if p != ""] if parts else []
            for k, p in enumerate(parts):
                if k:
                    fields.append(cur)
                    cur, have = "", False
                cur += p
                have = True
            if value[-1:] in (" ", "\t", "\n") and (cur or have):
                fields.append(cur)
                cur, have = "", False
        if cur or have:
            fields.append(cur)
        if glob:
            out = []
            for f in fields:
                matches = self._glob(f)
                out.extend(matches or [f])
            return out
        return fields

    def _glob(self, pattern: str) -> list[str]:
        if not any(x in pattern for x in "*?["):
            return []
        absolute = pattern.startswith("/")
        base = "/" if absolute else self.cwd
        parts = [p for p in pattern.split("/") if p]
        found = [""]
        for part in parts:
            nxt = []
            for prefix in found:
                d = norm(prefix or ".", base) if prefix else base
                if any(x in part for x in "*?["):
                    try:
                        names = self.fs.listdir(d)
                    except FsError:
                        continue
                    nxt += [f"{prefix}/{n}" if prefix else n for n in names
                            if fnmatch.fnmatchcase(n, part) and (not n.startswith(".") or part.startswith("."))]
                else:
                    cand = f"{prefix}/{part}" if prefix else part
                    if self.fs.exists(norm(cand, base) if not absolute else "/" + cand):
                        nxt.append(cand)
            found = nxt
        return sorted(("/" + f if absolute else f) for f in found)

    def expand_words(self, words: list[Word]) -> list[str]:
        out: list[str] = []
        for w in words:
            out.extend(self.expand_word(w))
        return out

    def expand_string(self, word: Word) -> str:
        return "".join((self.expand_text(t, True) if e else t) if q else (self.expand_text(t) if e else t)
                       for q, e, t in word)

    # ----- commands -----
    def command(self, argv: list[str]) -> None:
        prog = argv[0]
        name = prog.rsplit("/", 1)[-1]
        fn = getattr(self, "cmd_" + name.replace("-", "_").replace(".", "_"), None) if name.isidentifier() or \
            "-" in name or "." in name else None
        if name == ":":
            fn = self.cmd_true
        if name in ("[", "[["):
            fn = self.cmd_test
        if prog in (".", "source"):
            fn = self.cmd_source
        if fn is not None and name not in SHELLS:
            self.status = fn(argv) or 0
            return
        if name in SHELLS:
            self.status = self.cmd_sh(argv)
            return
        if name.endswith("entrypoint.sh") and len(argv) > 1:
            self.command(argv[1:])
            return
        server = servers.for_command(argv, self.image, self.cwd)
        if server is None and self.image.default_kind == "server" and \
                name == self.image.short.rsplit("/", 1)[-1].removesuffix("-amd64"):
            server = servers.for_image(self.image, argv[1:])  # the image's own program, with its options
        if server is not None:
            self.emit(["serve", server])
            raise Forever()
        if "/" in prog and self.fs.is_file(norm(prog, self.cwd)):
            text = self.fs.read(norm(prog, self.cwd))
            first = text.split("\n", 1)[0]
            if first.startswith("#!") and any(sh in first for sh in SHELLS):
                self.status = self._script_file(norm(prog, self.cwd), argv)
                return
        joined = " ".join(argv)
        if name in BLOCKING or (name == "cat" and len(argv) == 1 and self.stdin is None) or any(
                w in joined for w in ("daemon off", "--serve", "-DFOREGROUND", "server", "serve")):
            self.emit(["serve", {"name": name, "ports": [], "http": "any", "declared": True}])
            raise Forever()
        self.status = 0

    def _script_file(self, path: str, argv: list[str]) -> int:
        try:
            text = self.fs.read(path)
        except FsError as e:
            self.err.write(f"{self.name}: can't open '{argv[1] if len(argv) > 1 else path}': {e}\n")
            return 127 if "No such" in str(e) else 2
        sub = self.child()
        sub.positional = [path] + argv[1:]
        code = sub.run_script(text)
        self.fs = sub.fs if sub.fs is not self.fs else self.fs
        if code is None:
            raise Forever()
        return code

    def cmd_sh(self, argv: list[str]) -> int:
        args = argv[1:]
        i = 0
        while i < len(args) and args[i].startswith("-") and "c" not in args[i] and args[i] != "-":
            i += 1
        if i < len(args) and args[i].startswith("-") and "c" in args[i]:
            if i + 1 >= len(args):
                self.err.write(f"{argv[0]}: -c requires an argument\n")
                return 2
            sub = self.child()
            sub.positional = args[i + 2:] or [argv[0]]
            sub.name = argv[0].rsplit("/", 1)[-1]
            for k, v in (("SHLVL", str(_int(sub.vars.get("SHLVL", "0")) + 1)), ("PWD", sub.cwd)):
                sub.vars[k] = v
                if k not in sub.exported:
                    sub.exported.append(k)
            code = sub.run_script(args[i + 1])
            self.fs = sub.fs
            if code is None:
                raise Forever()
            return code
        if i < len(args):
            return self._script_file(norm(args[i], self.cwd), args[i:])
        if self.stdin is not None:
            sub = self.child()
            code = sub.run_script(self.stdin)
            self.fs = sub.fs
            if code is None:
                raise Forever()
            return code
        return 0

    def cmd_source(self, argv: list[str]) -> int:
        if len(argv) < 2:
            return 2
        try:
            text = self.fs.read(norm(argv[1], self.cwd))
        except FsError:
            self.err.write(f"{self.name}: .: can't open '{argv[1]}'\n")
            raise ExitShell(2)
        code = self.run_script(text)
        if code is None:
            raise Forever()
        return code

    def cmd_exec(self, argv: list[str]) -> int:
        if len(argv) > 1:
            self.command(argv[1:])
            raise ExitShell(self.status)
        return 0

    def cmd_exit(self, argv: list[str]) -> int:
        code = _int(argv[1]) if len(argv) > 1 and argv[1].lstrip("-").isdigit() else self.status
        raise ExitShell(code & 0xFF)

    def cmd_return(self, argv: list[str]) -> int:
        raise ExitShell(_int(argv[1]) if len(argv) > 1 else self.status)

    def cmd_break(self, argv: list[str]) -> int:
        raise LoopControl("break", _int(argv[1]) if len(argv) > 1 else 1)

    def cmd_continue(self, argv: list[str]) -> int:
        raise LoopControl("continue", _int(argv[1]) if len(argv) > 1 else 1)

    def cmd_true(self, argv: list[str]) -> int:
        return 0

    def cmd_false(self, argv: list[str]) -> int:
        return 1

    def cmd_sleep(self, argv: list[str]) -> int:
        rest = argv[1:]
        if rest and rest[0] == "infinity":
            self.emit(["sleep", math.inf])
            raise Forever()
        total = 0.0
        for a in rest:
            m = re.fullmatch(r"(\d+(?:\.\d+)?|\.\d+)([smhd]?)", a)
            if not m:
                self.err.write(f"sleep: invalid number '{a}'\n")
                return 1
            total += float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]
        if not rest:
            self.err.write("sleep: missing operand\n" if self.name != "sh" else "BusyBox: sleep: usage\n")
            return 1
        if total > 0:
            self.emit(["sleep", total])
        return 0

    def cmd_echo(self, argv: list[str]) -> int:
        args = argv[1:]
        newline, escapes = True, False
        while args and re.fullmatch(r"-[neE]+", args[0]):
            newline = newline and "n" not in args[0]
            escapes = "e" in args[0] or escapes
            args = args[1:]
        text = " ".join(args)
        if escapes:
            text = _unescape(text)
        self.out.write(text + ("\n" if newline else ""))
        return 0

    def cmd_printf(self, argv: list[str]) -> int:
        if len(argv) < 2:
            self.err.write("printf: usage: printf format [arguments]\n")
            return 2
        self.out.write(_printf(argv[1], argv[2:]))
        return 0

    def cmd_date(self, argv: list[str]) -> int:
        fmt = next((a for a in argv[1:] if a.startswith("+")), None)
        self.out.write(("{date:" + fmt + "}" if fmt else "{date}") + "\n")
        return 0

    def cmd_hostname(self, argv: list[str]) -> int:
        self.out.write(self.hostname + "\n")
        return 0

    def cmd_whoami(self, argv: list[str]) -> int:
        self.out.write("root\n")
        return 0

    def cmd_id(self, argv: list[str]) -> int:
        self.out.write("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n")
        return 0

    def cmd_uname(self, argv: list[str]) -> int:
        self.out.write(("Linux " + self.hostname + " 6.8.0-1015-gcp #17-Ubuntu SMP x86_64 GNU/Linux"
                        if "-a" in argv else "Linux") + "\n")
        return 0

    def cmd_pwd(self, argv: list[str]) -> int:
        self.out.write(self.cwd + "\n")
        return 0

    def cmd_cd(self, argv: list[str]) -> int:
        target = norm(argv[1] if len(argv) > 1 else self.vars.get("HOME", "/"), self.cwd)
        if not self.fs.is_dir(target):
            self.err.write(f"{self.name}: cd: can't cd to {argv[1] if len(argv) > 1 else target}: "
                           "No such file or directory\n")
            return 2
        self.cwd = target
        return 0

    def cmd_export(self, argv: list[str]) -> int:
        for a in argv[1:]:
            if a.startswith("-"):
                continue
            name, eq, value = a.partition("=")
            if eq:
                self.vars[name] = value
            if name not in self.exported:
                self.exported.append(name)
        return 0

    def cmd_unset(self, argv: list[str]) -> int:
        for a in argv[1:]:
            self.vars.pop(a, None)
            self.arrays.pop(a, None)
            if a in self.exported:
                self.exported.remove(a)
        return 0

    def cmd_set(self, argv: list[str]) -> int:
        for a in argv[1:]:
            if a.startswith("-") and "e" in a:
                self.errexit = True
            if a.startswith("+") and "e" in a:
                self.errexit = False
        return 0

    def cmd_env(self, argv: list[str]) -> int:
        rest = argv[1:]
        extra: dict[str, str] = {}
        while rest and "=" in rest[0]:
            k, v = rest[0].split("=", 1)
            extra[k] = v
            rest = rest[1:]
        if rest:
            sub = self.child()
            sub.vars.update(extra)
            sub.command(rest)
            return sub.status
        for name in self.exported:
            if name in self.vars:
                self.out.write(f"{name}={self.vars[name]}\n")
        for k, v in extra.items():
            self.out.write(f"{k}={v}\n")
        return 0

    def cmd_printenv(self, argv: list[str]) -> int:
        if len(argv) == 1:
            return self.cmd_env(["env"])
        status = 0
        for name in argv[1:]:
            if name in self.vars and name in self.exported:
                self.out.write(self.vars[name] + "\n")
            else:
                status = 1
        return status

    def cmd_read(self, argv: list[str]) -> int:
        names = [a for a in argv[1:] if not a.startswith("-")] or ["REPLY"]
        if not self.stdin:
            return 1
        line, _, rest = self.stdin.partition("\n")
        self.stdin = rest
        words = line.split(None, len(names) - 1)
        for i, n in enumerate(names):
            self.vars[n] = words[i] if i < len(words) else ""
        return 0

    def cmd_kill(self, argv: list[str]) -> int:
        return 0

    cmd_trap = cmd_wait = cmd_ulimit = cmd_umask = cmd_shift = cmd_sync = cmd_kill

    # files
    def _read_inputs(self, cmd: str, paths: list[str]) -> tuple[str, int]:
        """The concatenated text of files (or stdin when none), and the status."""
        if not paths:
            return self.stdin or "", 0
        chunks, status = [], 0
        for p in paths:
            if p == "-":
                chunks.append(self.stdin or "")
                continue
            try:
                chunks.append(self.fs.read(norm(p, self.cwd)))
            except FsError as e:
                status = 1
                if str(e) == "Is a directory":
                    self.err.write(f"{cmd}: read error: Is a directory\n")
                else:
                    self.err.write(f"{cmd}: can't open '{p}': {e}\n")
        return "".join(chunks), status

    def cmd_cat(self, argv: list[str]) -> int:
        paths = [a for a in argv[1:] if a == "-" or not a.startswith("-")]
        text, status = self._read_inputs("cat", paths)
        self.out.write(text)
        return status

    def cmd_tac(self, argv: list[str]) -> int:
        text, status = self._read_inputs("tac", [a for a in argv[1:] if not a.startswith("-")])
        lines = text.splitlines()
        self.out.write("".join(line + "\n" for line in reversed(lines)))
        return status

    def cmd_rev(self, argv: list[str]) -> int:
        text, status = self._read_inputs("rev", [a for a in argv[1:] if not a.startswith("-")])
        self.out.write("".join(line[::-1] + "\n" for line in text.splitlines()))
        return status

    def _lines_arg(self, argv: list[str], default: int = 10) -> tuple[int, list[str], bool]:
        n, rest, follow = default, [], False
        args = argv[1:]
        i = 0
        while i < len(args):
            a = args[i]
            if a == "-n" and i + 1 < len(args):
                n = _int(args[i + 1].lstrip("+"))
                i += 2
                continue
            if re.fullmatch(r"-n?\d+", a):
                n = _int(a.lstrip("-n"))
            elif a in ("-f", "-F"):
                follow = True
            elif not a.startswith("-"):
                rest.append(a)
            i += 1
        return n, rest, follow

    def cmd_head(self, argv: list[str]) -> int:
        n, paths, _ = self._lines_arg(argv)
        text, status = self._read_inputs("head", paths)
        self.out.write("".join(line + "\n" for line in text.splitlines()[:n]))
        return status

    def cmd_tail(self, argv: list[str]) -> int:
        n, paths, follow = self._lines_arg(argv)
        if follow and paths == ["/dev/null"]:
            self.emit(["serve", {"name": "tail", "ports": [], "http": None}])
            raise Forever()
        text, status = self._read_inputs("tail", paths)
        lines = text.splitlines()
        self.out.write("".join(line + "\n" for line in (lines[-n:] if n else [])))
        if follow:
            self.emit(["serve", {"name": "tail", "ports": [], "http": None}])
            raise Forever()
        return status

    def cmd_wc(self, argv: list[str]) -> int:
        flags = "".join(a[1:] for a in argv[1:] if a.startswith("-"))
        paths = [a for a in argv[1:] if not a.startswith("-")]
        text, status = self._read_inputs("wc", paths)
        counts = {"l": text.count("\n"), "w": len(text.split()), "c": len(text.encode())}
        shown = [str(counts[f]) for f in "lwc" if f in flags] or [str(counts[f]) for f in "lwc"]
        width = 0 if flags else 7
        line = " ".join(s.rjust(width) for s in shown)
        if paths and len(paths) == 1:
            line += " " + paths[0]
        self.out.write(line + "\n")
        return status

    def cmd_grep(self, argv: list[str]) -> int:
        args = argv[1:]
        flags, rest = set(), []
        i = 0
        while i < len(args):
            a = args[i]
            if a == "-e" and i + 1 < len(args):
                rest.insert(0, args[i + 1])
                i += 2
                continue
            if a.startswith("-") and len(a) > 1 and not rest:
                flags.update(a[1:])
            else:
                rest.append(a)
            i += 1
        if not rest:
            self.err.write("grep: usage\n")
            return 2
        pattern, paths = rest[0], rest[1:]
        text, status = self._read_inputs("grep", paths)
        try:
            rx = re.compile(re.escape(pattern) if "F" in flags else pattern.replace(r"\|", "|"),
                            re.I if "i" in flags else 0)
        except re.error:
            rx = re.compile(re.escape(pattern), re.I if "i" in flags else 0)
        hits = []
        for n, line in enumerate(text.splitlines(), 1):
            found = bool(rx.search(line) if "x" not in flags else rx.fullmatch(line))
            if "w" in flags:
                found = bool(re.search(r"\b" + rx.pattern + r"\b", line, rx.flags))
            if found != ("v" in flags):
                hits.append(f"{n}:{line}" if "n" in flags else line)
        if "c" in flags:
            self.out.write(f"{len(hits)}\n")
        elif "q" not in flags:
            self.out.write("".join(h + "\n" for h in hits))
        return status if status else (0 if hits else 1)

    cmd_egrep = cmd_grep

    def cmd_sort(self, argv: list[str]) -> int:
        flags = "".join(a[1:] for a in argv[1:] if a.startswith("-"))
        text, status = self._read_inputs("sort", [a for a in argv[1:] if not a.startswith("-")])
        lines = text.splitlines()
        key = (lambda s: (_int(re.match(r"\s*-?\d*", s).group(0)) if re.match(r"\s*-?\d", s) else 0, s)) \
            if "n" in flags else None
        lines.sort(key=key, reverse="r" in flags)  # type: ignore[arg-type]
        if "u" in flags:
            lines = list(dict.fromkeys(lines))
        self.out.write("".join(line + "\n" for line in lines))
        return status

    def cmd_uniq(self, argv: list[str]) -> int:
        text, status = self._read_inputs("uniq", [a for a in argv[1:] if not a.startswith("-")])
        out, prev = [], None
        for line in text.splitlines():
            if line != prev:
                out.append(line)
            prev = line
        self.out.write("".join(line + "\n" for line in out))
        return status

    def cmd_cut(self, argv: list[str]) -> int:
        delim, fields, paths = "\t", "", []
        args = argv[1:]
        i = 0
        while i < len(args):
            a = args[i]
            if a.startswith("-d"):
                delim = a[2:] or (args[i + 1] if i + 1 < len(args) else "\t")
                i += 1 if a[2:] else 2
                continue
            if a.startswith("-f"):
                fields = a[2:] or (args[i + 1] if i + 1 < len(args) else "")
                i += 1 if a[2:] else 2
                continue
            paths.append(a)
            i += 1
        text, status = self._read_inputs("cut", paths)
        want: list[int] = []
        for part in fields.split(","):
            if "-" in part:
                a, _, b = part.partition("-")
                want += list(range(_int(a) or 1, (_int(b) or 99) + 1))
            elif part:
                want.append(_int(part))
        out = []
        for line in text.splitlines():
            cols = line.split(delim)
            out.append(delim.join(cols[w - 1] for w in want if 0 < w <= len(cols)) if delim in line else line)
        self.out.write("".join(line + "\n" for line in out))
        return status

    def cmd_tr(self, argv: list[str]) -> int:
        args = [a for a in argv[1:] if not a.startswith("-")]
        delete = "-d" in argv

        def expand_set(s: str) -> str:
            s = _unescape(s)
            s = s.replace("[:lower:]", "abcdefghijklmnopqrstuvwxyz").replace("[:upper:]", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            return re.sub(r"(.)-(.)", lambda m: "".join(chr(c) for c in range(ord(m.group(1)), ord(m.group(2)) + 1)), s)
        text = self.stdin or ""
        if delete and args:
            drop = set(expand_set(args[0]))
            self.out.write("".join(ch for ch in text if ch not in drop))
        elif len(args) >= 2:
            a, b = expand_set(args[0]), expand_set(args[1])
            b = b + b[-1:] * (len(a) - len(b)) if b else b
            self.out.write(text.translate(str.maketrans(a, b[:len(a)])))
        else:
            self.out.write(text)
        return 0

    def cmd_tee(self, argv: list[str]) -> int:
        append = "-a" in argv
        text = self.stdin or ""
        for p in (a for a in argv[1:] if not a.startswith("-")):
            try:
                self._check_creatable(norm(p, self.cwd))
                self.write_file(norm(p, self.cwd), text, append)
            except FsError as e:
                self.err.write(f"tee: {p}: {e}\n")
        self.out.write(text)
        return 0

    def cmd_seq(self, argv: list[str]) -> int:
        nums = [_int(a) for a in argv[1:] if re.fullmatch(r"-?\d+", a)]
        if not nums:
            return 1
        first, step, last = (1, 1, nums[0]) if len(nums) == 1 else (nums[0], 1, nums[1]) if len(nums) == 2 \
            else (nums[0], nums[1], nums[2])
        if step == 0:
            return 1
        self.out.write("".join(f"{n}\n" for n in range(first, last + (1 if step > 0 else -1), step)[:MAX_ITERATIONS]))
        return 0

    def cmd_basename(self, argv: list[str]) -> int:
        if len(argv) < 2:
            return 1
        name = argv[1].rstrip("/").rsplit("/", 1)[-1] or "/"
        if len(argv) > 2 and name.endswith(argv[2]) and name != argv[2]:
            name = name[: -len(argv[2])]
        self.out.write(name + "\n")
        return 0

    def cmd_dirname(self, argv: list[str]) -> int:
        if len(argv) < 2:
            return 1
        self.out.write(parent(argv[1].rstrip("/") or "/") if "/" in argv[1] else ".")
        self.out.write("\n")
        return 0

    def cmd_base64(self, argv: list[str]) -> int:
        paths = [a for a in argv[1:] if not a.startswith("-")]
        text, status = self._read_inputs("base64", paths)
        if "-d" in argv or "--decode" in argv:
            try:
                self.out.write(base64.b64decode("".join(text.split())).decode("utf-8", "replace"))
            except ValueError:
                self.err.write("base64: invalid input\n")
                return 1
        else:
            enc = base64.b64encode(text.encode()).decode()
            self.out.write("\n".join(enc[i:i + 76] for i in range(0, len(enc), 76)) + "\n")
        return status

    def _digest(self, argv: list[str], algo: str) -> int:
        paths = [a for a in argv[1:] if not a.startswith("-")]
        text, status = self._read_inputs(argv[0], paths)
        self.out.write(f"{hashlib.new(algo, text.encode()).hexdigest()}  {paths[0] if paths else '-'}\n")
        return status

    def cmd_md5sum(self, argv: list[str]) -> int:
        return self._digest(argv, "md5")

    def cmd_sha256sum(self, argv: list[str]) -> int:
        return self._digest(argv, "sha256")

    def cmd_touch(self, argv: list[str]) -> int:
        status = 0
        for p in (a for a in argv[1:] if not a.startswith("-")):
            full = norm(p, self.cwd)
            if self.fs.exists(full):
                try:
                    self.fs._check_writable(self.fs.resolve(full))
                except FsError as e:
                    self.err.write(f"touch: {p}: {e}\n")
                    status = 1
                continue
            try:
                self.fs.write(full, "")
                self.emit(["fs", "write", self.fs.resolve(full), ""])
            except FsError as e:
                self.err.write(f"touch: {p}: {e}\n")
                status = 1
        return status

    def cmd_rm(self, argv: list[str]) -> int:
        flags = "".join(a[1:] for a in argv[1:] if a.startswith("-"))
        status = 0
        for p in (a for a in argv[1:] if not a.startswith("-")):
            full = norm(p, self.cwd)
            if not self.fs.exists(full):
                if "f" not in flags:
                    self.err.write(f"rm: can't remove '{p}': No such file or directory\n")
                    status = 1
                continue
            if self.fs.is_dir(full) and full not in self.fs.links and not ("r" in flags or "R" in flags):
                self.err.write(f"rm: '{p}' is a directory\n")
                status = 1
                continue
            try:
                self.fs.remove(full, recursive=True)
                self.emit(["fs", "rm", full, None])
            except FsError as e:
                self.err.write(f"rm: can't remove '{p}': {e}\n")
                status = 1
        return status

    def cmd_rmdir(self, argv: list[str]) -> int:
        return self.cmd_rm(["rm", "-r"] + argv[1:])

    def cmd_mkdir(self, argv: list[str]) -> int:
        parents = any(a.startswith("-") and "p" in a for a in argv[1:])
        status = 0
        for p in (a for a in argv[1:] if not a.startswith("-")):
            full = norm(p, self.cwd)
            try:
                self.fs.mkdir(full, parents)
                self.emit(["fs", "mkdir", self.fs.resolve(full), None])
            except FsError as e:
                self.err.write(f"mkdir: can't create directory '{p}': {e}\n")
                status = 1
        return status

    def cmd_cp(self, argv: list[str]) -> int:
        paths = [a for a in argv[1:] if not a.startswith("-")]
        if len(paths) < 2:
            self.err.write("cp: missing destination\n")
            return 1
        *srcs, dst = paths
        status = 0
        for src in srcs:
            try:
                text = self.fs.read(norm(src, self.cwd))
            except FsError as e:
                self.err.write(f"cp: can't stat '{src}': {e}\n")
                status = 1
                continue
            target = norm(dst, self.cwd)
            if self.fs.is_dir(target):
                target = target.rstrip("/") + "/" + src.rstrip("/").rsplit("/", 1)[-1]
            try:
                self._check_creatable(target)
            except FsError as e:
                self.err.write(f"cp: can't create '{dst}': {e}\n")
                status = 1
                continue
            self.write_file(target, text)
        return status

    def cmd_mv(self, argv: list[str]) -> int:
        status = self.cmd_cp(["cp"] + argv[1:])
        if status == 0:
            paths = [a for a in argv[1:] if not a.startswith("-")]
            for src in paths[:-1]:
                self.cmd_rm(["rm", "-f", src])
        return status

    def cmd_ln(self, argv: list[str]) -> int:
        paths = [a for a in argv[1:] if not a.startswith("-")]
        if len(paths) != 2:
            return 1
        self.fs.link(norm(paths[1], self.cwd), paths[0])
        return 0

    def cmd_chmod(self, argv: list[str]) -> int:
        args = [a for a in argv[1:] if not a.startswith("-")]
        if len(args) < 2 or not re.fullmatch(r"[0-7]{3,4}", args[0]):
            return 0
        for p in args[1:]:
            full = norm(p, self.cwd)
            if not self.fs.exists(full):
                self.err.write(f"chmod: {p}: No such file or directory\n")
                return 1
            try:
                self.fs._check_writable(self.fs.resolve(full))
            except FsError as e:
                self.err.write(f"chmod: {p}: {e}\n")
                return 1
            self.fs.modes[self.fs.resolve(full)] = int(args[0], 8)
            self.emit(["fs", "chmod", self.fs.resolve(full), int(args[0], 8)])
        return 0

    def cmd_stat(self, argv: list[str]) -> int:
        fmt = None
        args = argv[1:]
        paths = []
        i = 0
        while i < len(args):
            if args[i] == "-c" and i + 1 < len(args):
                fmt = args[i + 1]
                i += 2
                continue
            if not args[i].startswith("-"):
                paths.append(args[i])
            i += 1
        status = 0
        for p in paths:
            full = norm(p, self.cwd)
            if not self.fs.exists(full):
                self.err.write(f"stat: can't stat '{p}': No such file or directory\n")
                status = 1
                continue
            mode = self.fs.mode(full)
            if fmt:
                self.out.write(fmt.replace("%a", f"{mode:o}").replace("%A", mode_string(
                    mode, "d" if self.fs.is_dir(full) else "-")).replace("%n", p) + "\n")
            else:
                self.out.write(f"  File: {p}\nAccess: ({mode:04o}/{mode_string(mode)})\n")
        return status

    def cmd_ls(self, argv: list[str]) -> int:
        flags = "".join(a[1:] for a in argv[1:] if a.startswith("-") and a != "-")
        paths = [a for a in argv[1:] if not a.startswith("-")] or ["."]
        show_all = "a" in flags
        long = "l" in flags
        deref = "L" in flags
        status = 0
        blocks = []
        files = []
        for p in paths:
            full = norm(p, self.cwd)
            if not self.fs.exists(full):
                self.err.write(f"ls: {p}: No such file or directory\n")
                status = 1
                continue
            if self.fs.is_dir(full) and not ("d" in flags) and (full not in self.fs.links or deref or
                                                                 p.endswith("/")):
                names = self.fs.listdir(full)
                if not show_all:
                    names = [n for n in names if not n.startswith(".")]
                else:
                    names = [".", ".."] + names
                blocks.append((p, full, names))
            else:
                files.append((p, full))
        out = []
        for p, full in files:
            out.append(self._ls_line(full, p, long, deref))
        for k, (p, full, names) in enumerate(blocks):
            if len(paths) > 1:
                if out or k:
                    out.append("")
                out.append(f"{p}:")
            if long:
                out.append(f"total {len(names) * 4}")
            for n in names:
                path = full if n == "." else parent(full) if n == ".." else full.rstrip("/") + "/" + n
                out.append(self._ls_line(path, n, long, deref) if long else n)
        self.out.write("".join(line + "\n" for line in out))
        return status

    def _ls_line(self, path: str, shown: str, long: bool, deref: bool) -> str:
        if not long:
            return shown
        stamp = "Jan  1 00:00"
        if path in self.fs.links and not deref:
            target = self.fs.links[path]
            return f"lrwxrwxrwx    1 root     root    {len(target):>10} {stamp} {shown} -> {target}"
        if self.fs.is_dir(path):
            return f"{mode_string(self.fs.mode(path), 'd')}    2 root     root          4096 {stamp} {shown}"
        size = len(self.fs.read(path).encode())
        return f"{mode_string(self.fs.mode(path))}    1 root     root    {size:>10} {stamp} {shown}"

    # talking to this container's own servers (other hosts: the network is not simulated; they succeed)
    def _local(self, host: str) -> bool:
        return host in ("localhost", "127.0.0.1", "0.0.0.0", "::1", self.local_ip, self.hostname, "")

    def _http(self, url: str) -> tuple[str, int | None, str]:
        """("refused" | "ok" | "remote", status, body) of GET url."""
        m = re.match(r"(?:(https?)://)?([^/:]*)(?::(\d+))?(/.*)?$", url)
        if not m:
            return "remote", 200, ""
        scheme, host, port, path = m.groups()
        if not self._local(host or ""):
            return "remote", 200, ""
        port_n = int(port) if port else (443 if scheme == "https" else 80)
        server = next((s for s in self.listening if servers.listens_on(s, port_n, self.declared_ports)), None)
        if server is None:
            return "refused", None, ""
        code, _ = servers.answer(server, path or "/", 0.0, self.fs)
        body = ""
        if code == 200 and server.get("http") == "static":
            root = server.get("root", "/").rstrip("/")
            target = root + (path or "/")
            for cand in (target, target.rstrip("/") + "/index.html"):
                if self.fs.is_file(cand):
                    body = self.fs.read(cand)
                    break
        elif code == 200 and server.get("http") == "liveness":
            body = "ok"
        return "ok", code, body

    @staticmethod
    def _url(argv: list[str], with_value: tuple[str, ...]) -> str:
        """The URL among a command's arguments (options that take a value are skipped with it)."""
        skip = False
        for a in argv[1:]:
            if skip:
                skip = False
                continue
            if a in with_value:
                skip = True
                continue
            if not a.startswith("-"):
                return a
        return ""

    def cmd_wget(self, argv: list[str]) -> int:
        url = self._url(argv, ("-O", "-o", "-T", "-U", "-P", "-Y", "-t", "--header", "--user-agent"))
        quiet = any(a.startswith("-") and "q" in a for a in argv[1:])
        to_stdout = "-O-" in argv or ("-O" in argv and argv[argv.index("-O") + 1:argv.index("-O") + 2] == ["-"]) or \
            any(a.startswith("-") and a.endswith("O-") for a in argv[1:])
        spider = "--spider" in argv
        kind, code, body = self._http(url)
        host = re.sub(r"^https?://", "", url).split("/")[0]
        if kind == "refused":
            self.err.write("wget: can't connect to remote host (127.0.0.1): Connection refused\n")
            return 1
        if kind == "ok" and code is None:
            self.err.write("wget: error getting response\n")
            return 1
        if not quiet:
            self.err.write(f"Connecting to {host} ({'127.0.0.1' if kind == 'ok' else host})\n")
        if code is not None and code >= 400:
            reason = {404: "Not Found", 403: "Forbidden", 500: "Internal Server Error"}.get(code, "Error")
            self.err.write(f"wget: server returned error: HTTP/1.1 {code} {reason}\n")
            return 1
        if kind == "remote":
            body = _remote_page(url)
        target = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "-O"), None)
        if target is None:
            target = next((a[2:] for a in argv[1:] if a.startswith("-O") and len(a) > 2), "index.html")
        if to_stdout or target == "-":
            if not spider:
                self.out.write(body)
        elif not spider:
            self.write_file(norm(target, self.cwd), body)
        return 0

    def cmd_curl(self, argv: list[str]) -> int:
        url = self._url(argv, ("-o", "--output", "-H", "--header", "-X", "--request", "-d", "--data", "-u", "-m",
                               "--max-time", "-w", "-A", "-e", "--connect-timeout", "--retry"))
        fail = any(a.startswith("-") and not a.startswith("--") and "f" in a for a in argv[1:]) or "--fail" in argv
        kind, code, body = self._http(url)
        m = re.match(r"(?:https?://)?([^/:]*)(?::(\d+))?", url)
        host, port = (m.group(1), m.group(2) or "80") if m else ("", "80")
        if kind == "refused":
            if not any(a in ("-s", "-sf", "-fs", "--silent") for a in argv[1:]) or "-S" in argv:
                self.err.write(f"curl: (7) Failed to connect to {host} port {port} after 0 ms: "
                               "Couldn't connect to server\n")
            return 7
        if code is not None and code >= 400 and fail:
            if not any(a in ("-s", "-sf", "-fs", "--silent") for a in argv[1:]) or "-S" in argv:
                self.err.write(f"curl: (22) The requested URL returned error: {code}\n")
            return 22
        if kind == "remote":
            body = _remote_page(url)
        target = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-o", "--output")), None)
        if target is not None and target != "-":
            self.write_file(norm(target, self.cwd), body)
        else:
            self.out.write(body)
        return 0

    def _probe_port(self, port: int, what: str) -> bool:
        return any(servers.listens_on(s, port, self.declared_ports) for s in self.listening)

    def cmd_nc(self, argv: list[str]) -> int:
        server = servers.for_command(argv, self.image, self.cwd)
        if server is not None:
            self.emit(["serve", server])
            raise Forever()
        if any(a.startswith("-") and "z" in a for a in argv[1:]):
            args = [a for a in argv[1:] if not a.startswith("-")]
            host = args[0] if args else ""
            port = _int(args[1]) if len(args) > 1 else 0
            if self._local(host):
                return 0 if self._probe_port(port, "tcp") else 1
        return 0

    cmd_netcat = cmd_nc

    def cmd_redis_cli(self, argv: list[str]) -> int:
        port = int(argv[argv.index("-p") + 1]) if "-p" in argv[:-1] and argv[argv.index("-p") + 1].isdigit() \
            else 6379
        if not self._probe_port(port, "redis"):
            self.out.write(f"Could not connect to Redis at 127.0.0.1:{port}: Connection refused\n")
            return 1
        if "ping" in (a.lower() for a in argv[1:]):
            self.out.write("PONG\n")
        return 0

    def cmd_pg_isready(self, argv: list[str]) -> int:
        if not self._probe_port(5432, "postgres"):
            self.out.write("/var/run/postgresql:5432 - no response\n")
            return 2
        self.out.write("/var/run/postgresql:5432 - accepting connections\n")
        return 0

    def cmd_mysqladmin(self, argv: list[str]) -> int:
        if not self._probe_port(3306, "mysql"):
            self.err.write("mysqladmin: connect to server at 'localhost' failed\n")
            return 1
        if "ping" in argv:
            self.out.write("mysqld is alive\n")
        return 0

    def cmd_test(self, argv: list[str]) -> int:
        name = argv[0].rsplit("/", 1)[-1]
        args = list(argv[1:])
        if name in ("[", "[["):
            close = "]" if name == "[" else "]]"
            if not args or args[-1] != close:
                self.err.write(f"{self.name}: missing {close}\n")
                return 2
            args = args[:-1]
        try:
            return 0 if self._test_expr(args, name == "[[") else 1
        except ValueError as e:
            self.err.write(f"{self.name}: {e}\n")
            return 2

    def _test_expr(self, args: list[str], extended: bool) -> bool:
        for op in ("||", "-o"):
            if op in args and (extended or op == "-o"):
                i = args.index(op)
                return self._test_expr(args[:i], extended) or self._test_expr(args[i + 1:], extended)
        for op in ("&&", "-a"):
            if op in args and (extended or op == "-a") and len(args) > 2:
                i = args.index(op)
                if i > 0:
                    return self._test_expr(args[:i], extended) and self._test_expr(args[i + 1:], extended)
        if args and args[0] == "!":
            return not self._test_expr(args[1:], extended)
        if args and args[0] == "(" and args[-1] == ")":
            return self._test_expr(args[1:-1], extended)
        if not args:
            return False
        if len(args) == 1:
            return args[0] != ""
        if len(args) == 2:
            op, arg = args
            path = norm(arg, self.cwd) if arg else ""
            fs = self.fs
            checks = {"-e": lambda: fs.exists(path), "-f": lambda: fs.is_file(path), "-d": lambda: fs.is_dir(path),
                      "-s": lambda: fs.is_file(path) and fs.read(path) != "", "-r": lambda: fs.exists(path),
                      "-w": lambda: fs.exists(path), "-x": lambda: fs.exists(path) and bool(fs.mode(path) & 0o111),
                      "-L": lambda: path in fs.links, "-h": lambda: path in fs.links,
                      "-z": lambda: arg == "", "-n": lambda: arg != ""}
            if op in checks:
                return bool(checks[op]())
            raise ValueError(f"{op}: unknown operand")
        if len(args) == 3:
            a, op, b = args
            if op in ("=", "=="):
                return fnmatch.fnmatchcase(a, b) if extended else a == b
            if op == "!=":
                return not fnmatch.fnmatchcase(a, b) if extended else a != b
            if op == "=~":
                return re.search(b, a) is not None
            if op in ("<", ">"):
                return (a < b) if op == "<" else (a > b)
            ints = {"-eq": operator.eq, "-ne": operator.ne, "-lt": operator.lt, "-le": operator.le,
                    "-gt": operator.gt, "-ge": operator.ge}
            if op in ints:
                if not re.fullmatch(r"\s*-?\d+\s*", a) or not re.fullmatch(r"\s*-?\d+\s*", b):
                    bad = a if not re.fullmatch(r"\s*-?\d+\s*", a) else b
                    raise ValueError(f"{bad}: bad number")
                return bool(ints[op](int(a), int(b)))
        raise ValueError("syntax error")


def is_command(word: str, image: images.Image) -> bool:
    """Whether a container's first argument names a program (a shell, a command the shell knows, a server)
    rather than an argument for the image's own entrypoint (`redis.conf`)."""
    name = word.rsplit("/", 1)[-1]
    return name in SHELLS or name in BLOCKING or hasattr(Shell, "cmd_" + name.replace("-", "_")) or \
        servers.for_command([word], image) is not None or name.endswith(("entrypoint.sh", ".sh", ".py"))


def run_command(argv: list[str], env: dict[str, str], fs: ContainerFS, image: images.Image,
                hostname: str) -> tuple[list[Step], int | None]:
    """Run one process (argv) as a container's main process; (steps, exit status or None for ever)."""
    return run_in(Shell(env, fs, image, hostname), argv)


def run_in(sh: Shell, argv: list[str]) -> tuple[list[Step], int | None]:
    """Run one process (argv) in a prepared shell; (steps, exit status or None when it never ends)."""
    try:
        sh.command(argv)
    except ExitShell as e:
        return sh.steps, e.code
    except Forever:
        return sh.steps, None
    except LoopControl:
        pass
    return sh.steps, sh.status
