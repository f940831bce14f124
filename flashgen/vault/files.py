"""Walk a vault as Obsidian does and resolve links the way Obsidian does."""

from __future__ import annotations

import hashlib
import os
import posixpath
import stat
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from flashgen.config import Config
from flashgen.diagnostics import Diagnostic, warning

# the files Obsidian embeds besides notes (its "accepted file formats"), by kind; `.webm` plays as a video
ATTACHMENT_KINDS = {
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp"), "image"),
    **dict.fromkeys((".mp3", ".ogg", ".wav", ".m4a", ".flac", ".3gp"), "audio"),
    **dict.fromkeys((".mp4", ".webm", ".ogv", ".mov", ".mkv"), "video"),
    ".pdf": "pdf", ".canvas": "canvas", ".base": "base",
}
ATTACHMENT_EXTENSIONS = frozenset(ATTACHMENT_KINDS)
MAX_NOTE_BYTES = 5 * 1024 * 1024


def attachment_kind(path: str) -> str | None:
    """`image`, `audio`, `video`, `pdf`, `canvas` or `base` for an attachment's path (or a link's target), else None."""
    return ATTACHMENT_KINDS.get(posixpath.splitext(path)[1].lower())


def nfc(text: str) -> str:
    """Unicode NFC: macOS stores Korean file names decomposed (NFD); links are typed composed."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class VaultFile:
    """A file found in the vault: its NFC vault-relative path and where it really is on disk."""

    path: str
    disk: Path
    size: int
    mtime_ns: int = 0

    @property
    def stamp(self) -> tuple[int, int]:
        """(size, modification time in ns): what tells an edited file from the one seen before."""
        return self.size, self.mtime_ns


@dataclass(frozen=True)
class VaultFiles:
    """The notes and attachments of a vault, and the vault paths of its other files and folders (links may name
    them: they exist, but no output shows them)."""

    root: Path
    notes: tuple[VaultFile, ...]
    attachments: tuple[VaultFile, ...]
    others: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()


def walk_vault(root: Path, config: Config) -> VaultFiles:
    """Every `.md` note and attachment (images, audio, video, PDF, canvas, base) below `root`, and the paths of
    the other files and folders, skipping dot folders (`.obsidian`, `.trash`), dot files and excluded paths."""
    notes: list[VaultFile] = []
    attachments: list[VaultFile] = []
    others: list[str] = []
    folders: list[str] = []
    top = os.fspath(root)
    for folder, dirs, files in os.walk(top, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_folder = folder[len(top):].lstrip(os.sep).replace(os.sep, "/")  # (os.walk joins onto `top`)
        if rel_folder:
            folders.append(nfc(rel_folder))
        base = Path(folder)
        for name in sorted(files):
            if name.startswith("."):
                continue
            rel = _text_path(nfc(name if not rel_folder else f"{rel_folder}/{name}"))
            if config.excluded(rel):
                continue
            try:
                st = os.lstat(os.path.join(folder, name))  # one call: whether it is a link, and its size and time
            except FileNotFoundError:  # removed since the folder was listed
                continue
            if stat.S_ISLNK(st.st_mode):
                continue
            ext = os.path.splitext(name)[1].lower()
            if ext == ".md" or ext in ATTACHMENT_EXTENSIONS:
                (notes if ext == ".md" else attachments).append(VaultFile(rel, base / name, st.st_size,
                                                                          st.st_mtime_ns))
            else:
                others.append(rel)
    return VaultFiles(root, tuple(notes), tuple(attachments), tuple(others), tuple(folders))


def walk_again(files: VaultFiles, changed: Iterable[str], config: Config) -> VaultFiles | None:
    """The vault's files after the files at `changed` (absolute paths, as a watcher reports them) were written to,
    from the last walk's `files` without walking again; None when a walk is needed: a file or folder came or went,
    or a path is not one the walk took as it is."""
    top = os.path.abspath(files.root)
    by_path = {file.path: file for file in files.notes + files.attachments}
    others = set(files.others)
    found: dict[str, VaultFile] = {}
    for where in changed:
        where = os.path.abspath(where)
        if not where.startswith(top + os.sep):
            return None  # the vault's folder itself, or a path named otherwise (through a link)
        rel = where[len(top) + 1:].replace(os.sep, "/")
        if any(part.startswith(".") for part in rel.split("/")):
            continue  # dot folders and dot files are not part of the vault
        if _text_path(nfc(rel)) != rel:
            return None
        if config.excluded(rel):
            continue
        try:
            st = os.lstat(where)
        except OSError:  # gone (or unreadable: walked again, which says so)
            st = None
        if rel in others and st is not None and stat.S_ISREG(st.st_mode):
            continue  # a file no output shows: its stamp is not kept
        known = by_path.get(rel)
        if st is None and known is None and rel not in others and rel not in files.folders:
            continue  # a file that came and went (an editor's temporary file)
        if known is None or st is None or not stat.S_ISREG(st.st_mode):
            return None
        found[rel] = VaultFile(rel, known.disk, st.st_size, st.st_mtime_ns)
    if not found:
        return files
    return replace(files, notes=tuple(found.get(f.path, f) for f in files.notes),
                   attachments=tuple(found.get(f.path, f) for f in files.attachments))


def _text_path(path: str) -> str:
    """A vault path as text: bytes of a name that is not UTF-8 (held as surrogate escapes) are shown as U+FFFD,
    and a hash of the real name keeps two such names apart."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogateescape")
        stem, ext = posixpath.splitext(raw.decode("utf-8", "replace"))
        return f"{stem}-{hashlib.sha1(raw).hexdigest()[:6]}{ext}"


def name_problems(files: VaultFiles) -> list[Diagnostic]:
    """A warning for each file whose name is not UTF-8 (it is kept under a name made readable)."""
    out = []
    top = len(os.fspath(files.root))
    for file in files.notes + files.attachments:
        try:
            os.fspath(file.disk)[top:].encode("utf-8")  # (the part below the vault's folder)
        except UnicodeEncodeError:
            out.append(warning(file.path, 0, "the file's name is not UTF-8 (saved in another encoding?); it is shown "
                                             "with \ufffd for the bad bytes; rename it to link to it", "file-name"))
    return out


def read_note(file: VaultFile) -> tuple[str | None, list[Diagnostic]]:
    """The note's text, or None when it cannot be used; bad bytes become U+FFFD with a warning."""
    if file.size > MAX_NOTE_BYTES:
        return None, [warning(file.path, 0, f"note is {file.size // 1024} KiB, over the {MAX_NOTE_BYTES // 1024 // 1024} MiB "
                                            "limit; skipped", "too-large")]
    try:
        data = file.disk.read_bytes()
    except OSError as exc:
        return None, [warning(file.path, 0, f"cannot read note: {exc.strerror}", "unreadable")]
    try:
        text = data.decode("utf-8-sig")
        problems: list[Diagnostic] = []
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        text = data.decode("utf-8", errors="replace")
        problems = [warning(file.path, line, "invalid UTF-8 (is the file saved in another encoding?); "
                                             "bad bytes are shown as \ufffd", "encoding")]
    if not text.strip():
        problems.append(warning(file.path, 0, "empty note", "empty"))
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


class Resolver:
    """Finds what a link names: an exact vault path wins, then a file in the linking note's folder,
    then the shortest path; case-insensitive as Obsidian is."""

    def __init__(self, note_paths: list[str], attachment_paths: list[str], other_paths: tuple[str, ...] = (),
                 folders: tuple[str, ...] = ()) -> None:
        self.notes = set(note_paths)
        self.folders = {folder.lower() for folder in folders}
        self._exact: dict[str, str] = {}
        self._by_name: dict[str, list[str]] = {}
        for path in sorted(note_paths) + sorted(attachment_paths) + sorted(other_paths):
            self._exact.setdefault(path.lower(), path)
            self._by_name.setdefault(posixpath.basename(path).lower(), []).append(path)
        self._memo: dict[tuple[str, str], str | None] = {}
        self.files_digest = hashlib.sha1("\0".join(sorted(note_paths) + ["\1"] + sorted(attachment_paths) + ["\1"]
                                                   + sorted(other_paths) + ["\1"] + sorted(folders)).encode(
            "utf-8", "surrogatepass")).hexdigest()

    def answers(self) -> tuple[str, dict]:
        """What this resolver has worked out, with the digest of the files it knows (for `adopt`)."""
        return self.files_digest, self._memo

    def adopt(self, answers: tuple[str, dict] | None) -> None:
        """Take the answers of a resolver of the very same files (an earlier build's) instead of working
        them out again; answers about other files are ignored."""
        if answers and answers[0] == self.files_digest:
            self._memo.update(answers[1])

    def resolve(self, target: str, from_path: str) -> str | None:
        """The vault path that `target` names, or None (also for anything outside the vault)."""
        # the answer depends on the linking note's folder only (an empty target names the note itself)
        key = (target, posixpath.dirname(from_path) if target.strip() else from_path)
        if key not in self._memo:
            self._memo[key] = self._resolve(target, from_path)
        return self._memo[key]

    def _resolve(self, target: str, from_path: str) -> str | None:
        target = nfc(target.strip()).replace("\\", "/")
        if not target:
            return from_path
        if outside_vault(target, from_path):
            return None
        candidates = [target] if posixpath.splitext(target)[1].lower() in ATTACHMENT_EXTENSIONS | {".md"} \
            else [target + ".md", target]
        for name in candidates:
            found = self._lookup(name, from_path)
            if found:
                return found
        return None

    def folder(self, target: str, from_path: str) -> str | None:
        """The vault folder a link names (`scripts/`, `./day1`), beside the linking note or from the top, or None."""
        target = nfc(target.strip()).replace("\\", "/").rstrip("/")
        if not target or outside_vault(target, from_path):
            return None
        for base in (posixpath.dirname(from_path), ""):
            path = posixpath.normpath(posixpath.join(base, target))
            if path.lower() in self.folders:
                return path
        return None

    def _lookup(self, name: str, from_path: str) -> str | None:
        folder = posixpath.dirname(from_path)
        if name.startswith(("./", "../")):
            name = posixpath.normpath(posixpath.join(folder, name))
        name = name.lstrip("/")
        exact = self._exact.get(name.lower())
        if exact:
            return exact
        suffix = "/" + name.lower()
        matches = [p for p in self._by_name.get(posixpath.basename(name).lower(), [])
                   if ("/" + p.lower()).endswith(suffix)]
        if not matches:
            return None
        same_folder = [p for p in matches if posixpath.dirname(p) == folder]
        if same_folder:
            return same_folder[0]
        return min(matches, key=lambda p: (p.count("/"), len(p), p))


def outside_vault(target: str, from_path: str) -> bool:
    """True when a link climbs out of the vault (`../../etc/passwd`) or names an absolute path."""
    if ".." not in target:
        return False
    base = posixpath.dirname(from_path) if target.startswith(("./", "../")) else ""
    joined = posixpath.normpath(posixpath.join(base, target))
    return joined == ".." or joined.startswith("../")
