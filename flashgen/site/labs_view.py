"""Lab pages: each lab's task, the note section it belongs to and the commands that verify it."""

from __future__ import annotations

from typing import Any, Callable, Iterator

from flashgen.render.html import render_markdown
from flashgen.site.linker import LinkTargets, SiteLinker
from flashgen.site.tokens import find_section
from flashgen.site.urls import SiteUrls, relative


def lab_pages(labs: list[Any], vault, urls: SiteUrls, renderer,
              targets: LinkTargets) -> Iterator[tuple[str, Callable[[set[str]], str]]]:
    """(site path, render) for the labs index and one page per lab (`flashgen.labs.Lab` objects). `render(seen)`
    gives the page's HTML and adds to `seen` the vault path of every note the page shows something of (the lab's
    note, and the notes its text links to or embeds): while those notes and the vault's files are the same, so
    is the page."""
    rows = []
    for lab in labs:
        page = urls.lab(lab.id)
        note_path = vault.resolver.resolve(str(lab.note), "") if getattr(lab, "note", "") else None
        note_link = None
        if note_path and note_path in vault.resolver.notes:
            note = vault.note(note_path)
            section = find_section(note, lab.heading) if note and getattr(lab, "heading", "") else None
            note_link = (relative(page, urls.note(note_path), section.slug if section else None),
                         f"{note.title} › {lab.heading}" if section else note.title)

        def render(seen: set[str], lab=lab, page=page, note_path=note_path, note_link=note_link) -> str:
            seen.update([note_path] if note_link else [])
            env = {"linker": SiteLinker(targets, page, seen=seen), "from": note_path or ""}
            return renderer.page(
                "lab.html", page, f"{lab.id} · {lab.title}", lab=lab, note_link=note_link,
                task_ko=render_markdown(str(getattr(lab, "task_ko", "") or ""), dict(env)),
                task_en=render_markdown(str(getattr(lab, "task_en", "") or ""), dict(env)),
                hints=[render_markdown(str(h), dict(env)) for h in getattr(lab, "hints", ()) or ()],
                commands=[f"flashgen verify {lab.id}", f"flashgen verify {lab.id} --sim"])
        yield page, render
        rows.append((lab.id, lab.title, relative("labs/index.html", page), note_link[1] if note_link else "",
                     note_path if note_link else None))

    def index(seen: set[str]) -> str:
        seen.update(path for *_, path in rows if path)
        return renderer.page("labs.html", "labs/index.html", "Labs", labs=[row[:4] for row in rows])
    yield "labs/index.html", index
