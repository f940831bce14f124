"""Dependency keys: per note, a digest of its text and of everything else its cards and pages show."""

from __future__ import annotations

import hashlib

from flashgen.vault.model import Vault


def note_keys(vault: "Vault", known: dict[str, tuple] | None = None) -> dict[str, str]:
    """note path -> key. Two builds give a note the same key when its file is unchanged, every link in it
    resolves to the same place, and every note or image it embeds, or names a heading or block of, is
    unchanged too (embeds of embeds included). Cards, rendered card sides and note pages are reused by it.
    `known` (a dict, updated) is what the last call worked out of each note's own links: while the vault has
    the same files, a note's file and the files it shows content of are unchanged, its links are not gone
    through again."""
    stamps = vault.stamps
    files = vault.resolver.files_digest
    known = {} if known is None else known
    direct: dict[str, str] = {}
    embedded: dict[str, tuple[str, ...]] = {}
    for note in vault.notes:
        stamp = stamps.get(note.path)
        entry = known.get(note.path)
        if (entry is None or entry[0] != files or entry[1] != stamp
                or any(stamps.get(target) != shown for target, shown in entry[2])):
            entry = known[note.path] = (files, stamp, *_own_part(vault, note, stamp))
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


def _own_part(vault: "Vault", note, stamp) -> tuple[tuple[tuple[str, object], ...], str, tuple[str, ...]]:
    """Of one note: the files whose content it shows with their stamps, the digest of its text and of where its
    links lead, and the notes it embeds."""
    stamps = vault.stamps
    parts = [note.path, repr(stamp)]
    shown: list[tuple[str, object]] = []
    inner: list[str] = []
    for link in note.links:
        if link.external:
            continue
        target = vault.resolve(link, note.path)
        shows_content = bool(link.embed or link.heading or link.block)
        folder = vault.resolver.folder(link.target, note.path) if target is None else None  # warned as such
        parts.append(f"{link.target}\0{target}\0{stamps.get(target) if shows_content and target else ''}\0{folder}")
        if shows_content and target:
            shown.append((target, stamps.get(target)))
        if link.embed and target and target in vault.resolver.notes:
            inner.append(target)
    return tuple(shown), _digest(parts), tuple(inner)


def _digest(parts: list[str]) -> str:
    return hashlib.sha1("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
