"""Lab pages: each lab's task, the note section it belongs to and the commands that verify it."""

from __future__ import annotations

from typing import Any, Iterator

from flashgen.render.html import render_markdown
from flashgen.site.linker import LinkTargets, SiteLinker
from flashgen.site.tokens import find_section
from flashgen.site.urls import SiteUrls, relative


def lab_pages(labs: list[Any], vault, urls: SiteUrls, renderer, targets: LinkTargets) -> Iterator[tuple[str, str]]:
    """(site path, HTML) for the labs index and one page per lab (`flashgen.labs.Lab` objects)."""
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
        env = {"linker": SiteLinker(targets, page), "from": note_path or ""}
        yield page, renderer.page(
            "lab.html", page, f"{lab.id} · {lab.title}", lab=lab, note_link=note_link,
            task_ko=render_markdown(str(getattr(lab, "task_ko", "") or ""), dict(env)),
            task_en=render_markdown(str(getattr(lab, "task_en", "") or ""), dict(env)),
            hints=[render_markdown(str(h), dict(env)) for h in getattr(lab, "hints", ()) or ()],
            commands=[f"flashgen verify {lab.id}", f"flashgen verify {lab.id} --sim"])
        rows.append((lab.id, lab.title, relative("labs/index.html", page), note_link[1] if note_link else ""))
    yield "labs/index.html", renderer.page("labs.html", "labs/index.html", "Labs", labs=rows)
