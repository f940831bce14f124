"""Dependency keys: per note, a digest of its text and of everything else its cards and pages show."""

from __future__ import annotations

import hashlib
from typing import Any

from flashgen.cards.naming import shown_titles
from flashgen.vault.model import Vault


def note_keys(vault: "Vault", known: dict[str, tuple] | None = None, memory: Any = None) -> dict[str, str]:
    """note path -> key. Two builds give a note the same key when its file is unchanged, every link in it
    resolves to the same place, every note or image it embeds is unchanged too (embeds of embeds included), and
    every note it names a heading or block of has the same headings and block ids. Cards, rendered card sides
    and note pages are reused by it.
    `known` (a dict, updated) is what the last call worked out of each note's own links: while the vault has
    the same files, a note's file and the files it shows content of are unchanged, its links are not gone
    through again. `memory` (build.memory.Memory) keeps how cards name the notes while the notes are the same."""
    stamps = vault.stamps
    files = vault.resolver.files_digest
    known = {} if known is None else known
    titles: dict[str, str] | None = None  # how cards name the notes (another note of the same name changes it)
    direct: dict[str, str] = {}
    embedded: dict[str, tuple[str, ...]] = {}
    anchors: dict[str, str] = {}  # note path -> the digest of its headings and block ids, once each

    def named(target: str) -> str:
        if target not in anchors:
            anchors[target] = _anchors(vault, target)
        return anchors[target]

    for note in vault.notes:
        stamp = stamps.get(note.path)
        entry = known.get(note.path)
        if (entry is None or entry[0] != files or entry[1] != stamp
                or any(stamps.get(target) != shown for target, shown in entry[2])):
            if titles is None:
                titles = _names(vault, memory)
            own = _own_part(vault, note, stamp, named, titles.get(note.path, ""))
            entry = known[note.path] = (files, stamp, *own)
        direct[note.path], embedded[note.path] = entry[3], entry[4]
    for gone in set(known) - set(direct):
        del known[gone]
    keys = {}
    for path, own in direct.items():
        reach: set[str] = set()
        todo = list(embedded[path])
        while todo:
            target = todo.pop()
            if target in reach or target == path or target not in direct:
                continue
            reach.add(target)
            todo.extend(embedded[target])
        keys[path] = _digest([own] + [direct[t] for t in sorted(reach)]) if reach else own
    return keys


def _names(vault: "Vault", memory: Any) -> dict[str, str]:
    """How cards name the notes (cards.naming.shown_titles), worked out again only for other notes than last time."""
    paths = frozenset(vault.resolver.notes)
    return shown_titles(paths) if memory is None else memory.kept("names", paths, lambda: shown_titles(paths))


def _own_part(vault: "Vault", note, stamp, named,
              title: str = "") -> tuple[tuple[tuple[str, object], ...], str, tuple[str, ...]]:
    """Of one note: the files it shows something of, with their stamps (while they are the same, so is what it
    shows of them), the digest of its text, of where its links lead and of what they show (an embedded file's
    stamp, the headings and block ids of a note whose heading or block a link names: `named`), and the notes it
    embeds."""
    stamps = vault.stamps
    parts = [note.path, repr(stamp)] + ([title] if title else [])  # how its cards name it, if not by file name
    shown: list[tuple[str, object]] = []
    inner: list[str] = []
    for link in note.links:
        if link.external:
            continue
        target = vault.resolve(link, note.path)
        folder = vault.resolver.folder(link.target, note.path) if target is None else None  # warned as such
        what: object = ""
        if target and (link.embed or link.heading or link.block):
            shown.append((target, stamps.get(target)))
            what = stamps.get(target) if link.embed or target not in vault.resolver.notes else named(target)
        parts.append(f"{link.target}\0{target}\0{what}\0{folder}")
        if link.embed and target and target in vault.resolver.notes:
            inner.append(target)
    return tuple(shown), _digest(parts), tuple(inner)


def _anchors(vault: "Vault", path: str) -> str:
    """A digest of what a link to a heading or block of a note finds there: its headings (title, slug, level),
    its block ids, and whether it is read at all."""
    note = vault.note(path)
    if note is None:
        return "none"
    headings = [f"{s.title}\0{s.slug}\0{s.level}" for s in note.sections() if s.level]
    blocks = sorted(set(note.block_ids) | {b.block_id for s in note.sections() for b in s.blocks if b.block_id})
    return _digest([repr(vault.readable(path))] + headings + ["\0"] + blocks)


def _digest(parts: list[str]) -> str:
    return hashlib.sha1("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
