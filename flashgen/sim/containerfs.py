"""A container's small filesystem: files, directories, symbolic links and read-only mounts, as plain data.

A file is text; its mode is an int (0o644). Paths are absolute and normalised. It is never stored: a container's
files are made again from its pod and image when a probe or a command first needs them."""

from __future__ import annotations

import posixpath
from typing import Any, Iterator

DIR_MODE = 0o755
FILE_MODE = 0o644


def norm(path: str, cwd: str = "/") -> str:
    """An absolute, normalised path (`/etc/config/`, `config/a` from /etc → `/etc/config/a`)."""
    if not path.startswith("/"):
        path = posixpath.join(cwd, path)
    out = posixpath.normpath(path)
    return "/" + out.lstrip("/") if out != "/" else "/"


def parent(path: str) -> str:
    return posixpath.dirname(path) or "/"


class FsError(Exception):
    """What a command prints when a path operation fails (`No such file or directory` ...)."""


class ContainerFS:
    """Files (path → text), modes, directories, links (path → target) and read-only mount points."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self.modes: dict[str, int] = {}
        self.dirs: set[str] = {"/"}
        self.links: dict[str, str] = {}
        self.readonly: list[str] = []

    # ----- copies -----
    def copy(self) -> "ContainerFS":
        out = ContainerFS()
        out.files = dict(self.files)
        out.modes = dict(self.modes)
        out.dirs = set(self.dirs)
        out.links = dict(self.links)
        out.readonly = list(self.readonly)
        return out

    def signature(self) -> tuple:
        """A value that is equal for equal contents (loops compare the state before and after an iteration)."""
        return (tuple(sorted(self.files.items())), tuple(sorted(self.dirs)), tuple(sorted(self.links.items())),
                tuple(sorted(self.modes.items())))

    # ----- reading -----
    def resolve(self, path: str, depth: int = 0) -> str:
        """The path with symbolic links followed (in every component)."""
        path = norm(path)
        if depth > 16 or not self.links:
            return path
        parts = path.strip("/").split("/") if path != "/" else []
        cur = "/"
        for i, part in enumerate(parts):
            cur = posixpath.join(cur, part)
            if cur in self.links:
                target = self.links[cur]
                target = norm(target, parent(cur))
                rest = "/".join(parts[i + 1:])
                return self.resolve(posixpath.join(target, rest) if rest else target, depth + 1)
        return cur

    def is_file(self, path: str) -> bool:
        return self.resolve(path) in self.files

    def is_dir(self, path: str) -> bool:
        return self.resolve(path) in self.dirs

    def exists(self, path: str) -> bool:
        p = norm(path)
        return p in self.links or self.is_file(p) or self.is_dir(p)

    def read(self, path: str) -> str:
        real = self.resolve(path)
        if real in self.files:
            return self.files[real]
        if real in self.dirs:
            raise FsError("Is a directory")
        raise FsError("No such file or directory")

    def mode(self, path: str) -> int:
        real = self.resolve(path)
        if real in self.dirs:
            return self.modes.get(real, DIR_MODE)
        return self.modes.get(real, FILE_MODE)

    def listdir(self, path: str) -> list[str]:
        """Names in a directory, sorted (hidden ones too)."""
        real = self.resolve(path)
        if real not in self.dirs:
            if real in self.files:
                raise FsError("Not a directory")
            raise FsError("No such file or directory")
        prefix = real.rstrip("/") + "/"
        names = set()
        for coll in (self.files, self.dirs, self.links):
            for p in coll:
                if p.startswith(prefix) and p != real:
                    names.add(p[len(prefix):].split("/", 1)[0])
        return sorted(names)

    def walk_files(self, root: str) -> Iterator[tuple[str, str]]:
        """(path, text) of every file under root (links followed), sorted."""
        real = self.resolve(root)
        prefix = real.rstrip("/") + "/"
        for p in sorted(self.files):
            if p.startswith(prefix):
                yield p, self.files[p]

    # ----- writing -----
    def _check_writable(self, path: str) -> None:
        for mount in self.readonly:
            if path == mount or path.startswith(mount.rstrip("/") + "/"):
                raise FsError("Read-only file system")

    def mkdir(self, path: str, parents: bool = False, mode: int | None = None, force: bool = False) -> None:
        path = norm(path) if force and not self.links else self.resolve(path)
        if not force:
            self._check_writable(path)
        if path in self.dirs:
            if parents:
                return
            raise FsError("File exists")
        if path in self.files:
            raise FsError("File exists")
        up = parent(path)
        if up not in self.dirs:
            if not parents:
                raise FsError("No such file or directory")
            self.mkdir(up, True, force=force)
        self.dirs.add(path)
        if mode is not None:
            self.modes[path] = mode

    def write(self, path: str, text: str, append: bool = False, mode: int | None = None,
              force: bool = False) -> None:
        path = norm(path) if force and not self.links else self.resolve(path)
        if path in self.dirs:
            raise FsError("Is a directory")
        if not force:
            self._check_writable(path)
        if parent(path) not in self.dirs:
            if not force:
                raise FsError("No such file or directory")
            self.mkdir(parent(path), True, force=True)
        self.files[path] = (self.files.get(path, "") + text) if append else text
        if mode is not None:
            self.modes[path] = mode

    def link(self, path: str, target: str) -> None:
        path = norm(path)
        if parent(path) not in self.dirs:
            self.mkdir(parent(path), True, force=True)
        self.links[path] = target

    def remove(self, path: str, recursive: bool = False) -> None:
        p = norm(path)
        if p in self.links:
            self._check_writable(p)
            del self.links[p]
            return
        real = self.resolve(p)
        if real in self.files:
            self._check_writable(real)
            del self.files[real]
            self.modes.pop(real, None)
            return
        if real in self.dirs:
            if not recursive:
                raise FsError("Is a directory")
            self._check_writable(real)
            prefix = real.rstrip("/") + "/"
            for coll in (self.files, self.links, self.modes):
                for k in [k for k in coll if k.startswith(prefix)]:
                    del coll[k]
            self.dirs -= {d for d in self.dirs if d.startswith(prefix) or d == real}
            return
        raise FsError("No such file or directory")

    def mount(self, path: str, readonly: bool) -> None:
        """Make path an empty directory (hiding what the image had there), read-only if asked."""
        path = norm(path)
        prefix = path.rstrip("/") + "/"
        for coll in (self.files, self.links, self.modes):
            for k in [k for k in coll if k.startswith(prefix) or k == path]:
                del coll[k]
        self.dirs -= {d for d in self.dirs if d.startswith(prefix)}
        self.mkdir(path, True, force=True)
        if readonly:
            self.readonly.append(path)

    def apply(self, op: list[Any] | tuple) -> None:
        """Replay one recorded operation (see programs: ["fs", op, path, data])."""
        _, kind, path, data = op[0], op[1], op[2], op[3] if len(op) > 3 else None
        try:
            if kind == "write":
                self.write(path, data or "")
            elif kind == "append":
                self.write(path, data or "", append=True)
            elif kind == "mkdir":
                self.mkdir(path, True)
            elif kind == "rm":
                self.remove(path, recursive=True)
            elif kind == "chmod":
                self.modes[self.resolve(path)] = int(data)
        except FsError:
            pass


def mode_string(mode: int, kind: str = "-") -> str:
    """`-rw-r--r--` for 0o644."""
    bits = "rwxrwxrwx"
    return kind + "".join(b if mode & (1 << (8 - i)) else "-" for i, b in enumerate(bits))
