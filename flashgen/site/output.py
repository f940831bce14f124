"""Writing the site: build everything in a folder beside the target, then swap it into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)  # bytes as given, on every system


class SiteWriter:
    """Collects the files of one build in a temporary folder next to `out_dir`."""

    def __init__(self, out_dir: Path, tmp: Path | None = None) -> None:
        """`tmp`: the folder another writer of the same build made (in another process), to write into too."""
        self.out_dir = Path(out_dir)
        if tmp is None:
            self.out_dir.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}-new-", dir=self.out_dir.parent))
        self.tmp = Path(tmp)
        self.written: list[str] = []
        self._old, self._new = str(self.out_dir), str(self.tmp)
        self._folders: set[str] = {""}  # folders made in tmp (a site has a few thousand files in a few folders)

    @property
    def old(self) -> Path:
        """The site the last build left (being replaced)."""
        return self.out_dir

    def text(self, site_path: str, content: str) -> None:
        """Write a text file (UTF-8) at a site path."""
        data = content.encode("utf-8")
        fd = os.open(self._target(site_path), _WRITE, 0o666)
        try:
            while data:  # a site has thousands of files: plain descriptors, no buffered text layer
                data = data[os.write(fd, data):]
        finally:
            os.close(fd)
        self.written.append(site_path)

    def copy(self, site_path: str, source: Path) -> None:
        """Copy a file (an image) to a site path."""
        shutil.copyfile(source, self._target(site_path))
        self.written.append(site_path)

    def reuse(self, site_path: str) -> bool:
        """Keep the file the last build wrote at a site path (a hard link, or a copy where links are not
        possible); False when there is none."""
        old = os.path.join(self._old, site_path)
        target = self._target(site_path)
        try:
            os.link(old, target)
        except FileNotFoundError:
            return False
        except OSError:
            try:
                shutil.copyfile(old, target)
            except OSError:
                return False
        self.written.append(site_path)
        return True

    def _target(self, site_path: str) -> str:
        folder = site_path.rpartition("/")[0]
        if folder not in self._folders:
            os.makedirs(os.path.join(self._new, folder), exist_ok=True)
            self._folders.add(folder)
        return os.path.join(self._new, site_path)

    def commit(self) -> None:
        """Put the new site in place of the old one; the old one is removed only after the swap."""
        old = None
        if self.out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}-old-", dir=self.out_dir.parent))
            os.rmdir(old)
            os.replace(self.out_dir, old)
        try:
            os.replace(self.tmp, self.out_dir)
        except OSError:
            if old is not None:
                os.replace(old, self.out_dir)
            raise
        os.chmod(self.out_dir, 0o755)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        """Throw the half-built site away; the previous site stays untouched."""
        shutil.rmtree(self.tmp, ignore_errors=True)
