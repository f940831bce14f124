"""Vault-wide link checks: missing notes and images, and embeds that loop."""

from __future__ import annotations

from flashgen.diagnostics import Diagnostic, warning
from flashgen.memo import KeyedMemo
from flashgen.vault.files import ATTACHMENT_EXTENSIONS, outside_vault
from flashgen.vault.model import Vault


def is_image(path: str) -> bool:
    """Whether a path names an image attachment."""
    return "." in path and "." + path.rsplit(".", 1)[-1].lower() in ATTACHMENT_EXTENSIONS


def check_links(vault: "Vault", keys: dict[str, str] | None = None,
                memo: dict[str, tuple[str, list[Diagnostic]]] | None = None) -> list[Diagnostic]:
    """A warning for every link or embed whose target is missing, and for every embed loop. With dependency
    `keys` (flashgen.build.depkeys) and a `memo` of an earlier build, a note whose key is unchanged keeps its
    warnings; `memo` is updated."""
    problems: list[Diagnostic] = []
    kept = KeyedMemo(memo)
    for note in vault.notes:
        problems.extend(kept.get(note.path, keys.get(note.path) if keys else None,
                                 lambda: note_link_problems(vault, note)))
    kept.close()
    problems.extend(_embed_loops(vault))
    return problems


def note_link_problems(vault: "Vault", note) -> list[Diagnostic]:
    """The warnings for one note's links and embeds whose targets, headings or blocks are missing."""
    problems: list[Diagnostic] = []
    for link in note.links:
        if link.external or outside_vault(link.target, note.path):
            continue
        target = vault.resolve(link, note.path)
        if target is None:
            what = "image" if is_image(link.target) else ("embedded note" if link.embed else "note")
            problems.append(warning(note.path, link.line, f"missing {what} `{link.target}`",
                                    "missing-image" if what == "image" else "broken-link"))
            continue
        linked = vault.note(target)
        if linked is not None and (link.heading or link.block):
            problem = _missing_anchor(linked, link.heading, link.block)
            if problem:
                problems.append(warning(note.path, link.line, problem, "broken-anchor"))
    return problems


def _missing_anchor(note, heading: str | None, block: str | None) -> str:
    """Why `[[note#heading]]` / `[[note#^block]]` points nowhere, or "" when it is fine."""
    if heading and note.find_section(heading) is None:
        return f"no heading `{heading}` in `{note.title}`"
    if block:
        if block not in note.block_ids:
            return f"no block `^{block}` in `{note.title}`"
    return ""


def _embed_loops(vault: "Vault") -> list[Diagnostic]:
    edges: dict[str, list[tuple[str, int]]] = {}
    for note in vault.notes:
        for link in note.embeds:
            target = vault.resolve(link, note.path)
            if target and target in vault.resolver.notes:
                edges.setdefault(note.path, []).append((target, link.line))
    problems = []
    reported: set[tuple[str, int]] = set()
    for start in sorted(edges):
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for target, line in edges.get(node, []):
                if target == start:
                    key = (node, line)
                    if key not in reported:
                        reported.add(key)
                        cycle = " → ".join(trail + [target])
                        problems.append(warning(node, line, f"embeds loop ({cycle}); the loop is shown as a link",
                                                "embed-loop"))
                elif target not in trail and len(trail) < 50:
                    stack.append((target, trail + [target]))
    return problems
