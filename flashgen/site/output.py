"""Writing the site: a site made from nothing is built in a folder beside the target and swapped into place; a
site the last build left is updated in place, each file written under a temporary name and renamed over the
old one (a reader never sees half a file), with the folder's modification time as the site's version."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path


_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)  # bytes as given, on every system
PART = ".flashgen-part"  # the end of a file's name while it is being written in place


class SiteWriter:
    """Collects the files of one build: in a temporary folder next to `out_dir`, or (`in_place`) in `out_dir`
    itself. In place, the folder's modification time is moved on before the first change and after the last:
    a memo that records the folder's time after a build (`stamp`) no longer matches once a later build has
    begun to change it, so that a build stopped half-way is seen as such and the next one starts from nothing."""

    def __init__(self, out_dir: Path, in_place: bool = False) -> None:
        self.out_dir = Path(out_dir)
        self.in_place = in_place
        if in_place:
            self.tmp = self.out_dir
            _move_on(self.out_dir)
        else:
            self.out_dir.parent.mkdir(parents=True, exist_ok=True)
            self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}-new-", dir=self.out_dir.parent))
        self.written: list[str] = []
        self._old, self._new = str(self.out_dir), str(self.tmp)
        self._folders: set[str] = {""}  # folders made in tmp (a site has a few thousand files in a few folders)

    @property
    def old(self) -> Path:
        """The site the last build left (being replaced, or changed in place)."""
        return self.out_dir

    def text(self, site_path: str, content: str) -> None:
        """Write a text file (UTF-8) at a site path."""
        data = content.encode("utf-8")
        target = self._target(site_path)
        path = target + PART if self.in_place else target
        fd = os.open(path, _WRITE, 0o666)
        try:
            while data:  # a site has thousands of files: plain descriptors, no buffered text layer
                data = data[os.write(fd, data):]
        finally:
            os.close(fd)
        if self.in_place:
            os.replace(path, target)
        self.written.append(site_path)

    def copy(self, site_path: str, source: Path) -> None:
        """Copy a file (an image) to a site path."""
        target = self._target(site_path)
        if self.in_place:
            shutil.copyfile(source, target + PART)
            os.replace(target + PART, target)
        else:
            shutil.copyfile(source, target)
        self.written.append(site_path)

    def reuse(self, site_path: str, seen: bool = False) -> bool:
        """Keep the file the last build wrote at a site path, as it is; False when there is none (`seen`: it was
        seen to be there in this build) or the site is made from nothing."""
        if not (self.in_place and (seen or os.path.isfile(os.path.join(self._old, site_path)))):
            return False
        self.written.append(site_path)
        return True

    def remove(self, site_paths: list[str]) -> None:
        """In place: remove files the last build wrote and this one did not, and the folders they leave empty."""
        folders = set()
        for site_path in site_paths:
            try:
                os.unlink(os.path.join(self._new, site_path))
            except FileNotFoundError:
                pass
            folders.add(site_path.rpartition("/")[0])
        for folder in sorted(folders, key=len, reverse=True):
            while folder:
                try:
                    os.rmdir(os.path.join(self._new, folder))
                except OSError:  # not empty (or already gone)
                    break
                folder = folder.rpartition("/")[0]

    def _target(self, site_path: str) -> str:
        folder = site_path.rpartition("/")[0]
        if folder not in self._folders:
            os.makedirs(os.path.join(self._new, folder), exist_ok=True)
            self._folders.add(folder)
        return os.path.join(self._new, site_path)

    def commit(self) -> None:
        """Put the new site in place of the old one; the old one is removed only after the swap. In place: the
        folder's time moved on once more, for the memo to record."""
        if self.in_place:
            _move_on(self.out_dir)
            return
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
        """Throw the half-built site away; the previous site stays untouched. In place there is nothing to
        throw away: the folder's time, moved on, already tells that its memo no longer describes it."""
        if not self.in_place:
            shutil.rmtree(self.tmp, ignore_errors=True)


class Listing:
    """Which files a site folder holds, by site path: each of its folders listed once, when first asked about (a
    few dozen listings instead of a look at each of thousands of files)."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self._files: dict[str, set[str]] = {}

    def __contains__(self, site_path: str) -> bool:
        folder, _, name = site_path.rpartition("/")
        if folder not in self._files:
            try:
                with os.scandir(os.path.join(self.root, folder)) as entries:
                    self._files[folder] = {entry.name for entry in entries if entry.is_file()}
            except OSError:
                self._files[folder] = set()
        return name in self._files[folder]


def folder_stamp(folder: Path) -> tuple[int, int] | None:
    """(inode, modification time) of a site folder: which site it is, and which version of it."""
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def _move_on(folder: Path) -> None:
    """Set the folder's modification time to now, and always later than it was (to the nanosecond)."""
    st = os.stat(folder)
    os.utime(folder, ns=(st.st_atime_ns, max(time.time_ns(), st.st_mtime_ns + 1)))
