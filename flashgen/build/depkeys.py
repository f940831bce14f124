"""Dependency keys: per note, a digest of its text and of everything else its cards and pages show."""

from __future__ import annotations

import hashlib

from flashgen.vault.model import Vault


def note_keys(vault: "Vault") -> dict[str, str]:
    """note path -> key. Two builds give a note the same key when its file is unchanged, every link in it
    resolves to the same place, and every note or image it embeds, or names a heading or block of, is
    unchanged too (embeds of embeds included). Cards, rendered card sides and note pages are reused by it."""
    stamps = vault.stamps
    direct: dict[str, str] = {}
    embedded: dict[str, list[str]] = {}
    for note in vault.notes:
        parts = [note.path, repr(stamps.get(note.path))]
        inner: list[str] = []
        for link in note.links:
            if link.external:
                continue
            target = vault.resolve(link, note.path)
            shows_content = bool(link.embed or link.heading or link.block)
            folder = vault.resolver.folder(link.target, note.path) if target is None else None  # warned as such
            parts.append(f"{link.target}\0{target}\0{stamps.get(target) if shows_content and target else ''}\0{folder}")
            if link.embed and target and target in vault.resolver.notes:
                inner.append(target)
        direct[note.path] = _digest(parts)
        embedded[note.path] = inner
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


def _digest(parts: list[str]) -> str:
    return hashlib.sha1("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
