"""Vault-wide link checks: missing notes and images, and embeds that loop."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from flashgen.diagnostics import Diagnostic, warning
from flashgen.memo import KeyedMemo
from flashgen.vault.files import attachment_kind, outside_vault
from flashgen.vault.model import Vault


def is_image(path: str) -> bool:
    """Whether a path names an image attachment."""
    return attachment_kind(path) == "image"


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


_KIND_NAMES = {"image": "image", "audio": "audio file", "video": "video", "pdf": "PDF", "canvas": "canvas",
               "base": "base"}


def note_link_problems(vault: "Vault", note) -> list[Diagnostic]:
    """The warnings for one note's links and embeds whose targets, headings or blocks are missing."""
    problems: list[Diagnostic] = []
    for link in note.links:
        if link.external or outside_vault(link.target, note.path):
            continue
        target = vault.resolve(link, note.path)
        if target is None and vault.resolver.folder(link.target, note.path):
            problems.append(warning(note.path, link.line, f"link `{link.target}` names a folder, which Obsidian "
                                                          "cannot open; shown as text", "folder-link"))
            continue
        if target is None:
            kind = attachment_kind(link.target)
            what = _KIND_NAMES[kind] if kind else ("embedded note" if link.embed else "note")
            code = "missing-image" if kind == "image" else "missing-file" if kind else "broken-link"
            problems.append(warning(note.path, link.line, f"missing {what} `{link.target}`", code))
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


@dataclass(frozen=True)
class _Embed:
    """A note embedded at a line of another (or the same) note, with the lines of it that are shown."""

    note: str
    line: int
    target: str
    span: tuple[int, int] | None  # None: the whole note


def embed_loops_back(chain: tuple[tuple[str, int], ...], target: str, span: tuple[int, int] | None) -> bool:
    """Whether showing `span` of `target` (None: all of it) would show an embed that is being shown already:
    `chain` holds the (note, line) of each embed being shown, outermost first."""
    return any(path == target and (span is None or span[0] <= line <= span[1]) for path, line in chain)


def _embed_loops(vault: "Vault") -> list[Diagnostic]:
    """A warning at each embed that ends up showing itself: a note embedding itself (or a part of itself that
    holds the embed), directly or through other notes. A part of a note that embeds another part is no loop."""
    by_note: dict[str, list[_Embed]] = {}
    for note in vault.notes:
        for link in note.embeds:
            target = vault.resolve(link, note.path)
            linked = vault.note(target) if target else None
            if linked is None:
                continue
            span = linked.span(link.heading, link.block) if (link.heading or link.block) else None
            if (link.heading or link.block) and span is None:
                continue  # a missing heading or block is reported as such
            by_note.setdefault(note.path, []).append(_Embed(note.path, link.line, linked.path, span))

    def shown_by(embed: _Embed) -> list[_Embed]:
        return [inner for inner in by_note.get(embed.target, ()) if embed_loops_back(((inner.note, inner.line),),
                                                                                     embed.target, embed.span)]

    problems = []
    for path in sorted(by_note):
        for start in by_note[path]:
            trail = _path_back(start, shown_by)
            if trail:
                cycle = " → ".join([start.note] + [embed.target for embed in trail])
                problems.append(warning(start.note, start.line, f"embeds loop ({cycle}); the loop is shown as a link",
                                        "embed-loop"))
    return problems


def _path_back(start: _Embed, shown_by) -> list[_Embed] | None:
    """The embeds from `start` back to itself, if it shows itself (breadth first: the shortest such path)."""
    previous: dict[_Embed, _Embed | None] = {start: None}
    queue = deque([start])
    while queue:
        embed = queue.popleft()
        for inner in shown_by(embed):
            if inner == start:
                trail = [embed]
                while previous[trail[-1]] is not None:
                    trail.append(previous[trail[-1]])
                return trail[::-1]
            if inner not in previous:
                previous[inner] = embed
                queue.append(inner)
    return None
