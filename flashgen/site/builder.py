"""Builds the static study site from one parsed vault, its cards and its labs."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from flashgen.diagnostics import Diagnostic, warning
from flashgen.links import is_image
from flashgen.model import Note
from flashgen.render import render_cloze, render_markdown, render_tokens
from flashgen.site import assets, search_index
from flashgen.site.cards_view import CardView, card_views
from flashgen.site.labs_view import lab_pages
from flashgen.site.linker import LinkTargets, SiteLinker, unwrap_embeds
from flashgen.site.output import SiteWriter
from flashgen.site.templates_env import Renderer
from flashgen.site.timeline import study_days
from flashgen.site.tokens import body
from flashgen.site.urls import SiteUrls, relative
from flashgen.vault import outside_vault

TOC_MIN_HEADINGS = 4


@dataclass
class SiteResult:
    """What a site build wrote and what it found wrong in the notes."""

    out_dir: Path
    pages: list[str] = field(default_factory=list)  # site paths of the HTML pages
    images: list[str] = field(default_factory=list)  # site paths of the copied images
    broken_links: list[Diagnostic] = field(default_factory=list)  # every link, embed or heading that leads nowhere
    diagnostics: list[Diagnostic] = field(default_factory=list)  # those the parse did not report already


def build_site(vault, cards: list[Any] | None, out_dir: Path, labs: list[Any] | None = None,
               report: Callable[[Diagnostic], Any] | list | None = None) -> SiteResult:
    """Write the study site for `vault` into `out_dir` (replacing it only once the build succeeded).

    `cards` are the cards of `flashgen.cards.extract_cards(vault)`; `labs` the loaded lab definitions,
    or None for a site without labs. `report` receives each new diagnostic (a callable, or a list to
    append to); all of them are also in the result.
    """
    out_dir = Path(out_dir)
    writer = SiteWriter(out_dir)
    try:
        result = _Build(vault, list(cards or []), list(labs or []), writer).run()
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    result.out_dir = out_dir
    known = {(d.path, d.line, d.message) for d in vault.diagnostics}
    result.diagnostics = [d for d in result.broken_links if (d.path, d.line, d.message) not in known]
    for diagnostic in result.diagnostics:
        if report is not None:
            report.append(diagnostic) if isinstance(report, list) else report(diagnostic)
    return result


class _Build:
    def __init__(self, vault, cards: list[Any], labs: list[Any], writer: SiteWriter) -> None:
        self.vault = vault
        self.cards = cards
        self.labs = labs
        self.writer = writer
        self.notes: list[Note] = sorted(vault.notes, key=lambda n: (n.folder, n.title.lower()))
        self.urls = SiteUrls([n.path for n in self.notes])
        self.tags: dict[str, list[Note]] = {}
        for note in self.notes:
            for tag in note.tag_names:
                self.tags.setdefault(tag, []).append(note)
        self.targets = LinkTargets(vault, self.urls, set(self.tags), vault.config.course_headings)
        self.site_name = vault.config.deck or vault.config.vault_name or Path(vault.root).name or "Notes"
        self.default_deck = vault.config.deck or self.site_name
        self.renderer = Renderer(self.site_name)
        self.result = SiteResult(writer.out_dir)
        self.records: list[list] = []
        self._card_html: dict[tuple[str, str, str, str], str] = {}

    def run(self) -> SiteResult:
        self.result.broken_links.extend(self._link_problems())
        backlinks = self._backlinks()
        card_list = card_views(self.cards, self.default_deck)  # the page-independent facts
        cards_by_note: dict[str, list[CardView]] = {}
        for card in card_list:
            cards_by_note.setdefault(card.note_path, []).append(card)
        labs_by_note = self._labs_by_note()
        for note in self.notes:
            self._note_page(note, backlinks.get(note.path, []), cards_by_note.get(note.path, []),
                            labs_by_note.get(note.path, []))
        self._card_pages(cards_by_note)
        for page, html in lab_pages(self.labs, self.vault, self.urls, self.renderer, self.targets):
            self._page(page, html)
        self._tag_pages()
        days = study_days(self.notes)
        self._page("timeline.html", self.renderer.page("timeline.html", "timeline.html", "Timeline", days=days,
                                                       note_url=self._note_href("timeline.html")))
        self._home(days, len(card_list))
        self._search_records(card_list)
        self.writer.text("assets/search-data.js", search_index.search_script(self.records))
        for site_path, content in assets.static_files().items():
            self.writer.text(site_path, content)
        for vault_path, site_path in sorted(self.urls.used_images().items()):
            disk = self.vault.files.get(vault_path)
            if disk is not None:
                self.writer.copy(site_path, disk)
                self.result.images.append(site_path)
        return self.result

    # -- pages
    def _page(self, page: str, html: str) -> None:
        self.writer.text(page, html)
        self.result.pages.append(page)

    def _render_note(self, note: Note, page: str) -> tuple[str, list[str]]:
        env: dict[str, Any] = {"linker": SiteLinker(self.targets, page, note.path), "from": note.path}
        html = unwrap_embeds(render_tokens(body(note), env, self.vault.config.course_headings))
        return html, env.get("missing_images", [])

    def _note_page(self, note: Note, backlinks: list[tuple[Note, tuple[str, ...]]], cards: list[CardView],
                   labs: list[Any]) -> None:
        page = self.urls.note(note.path)
        content, _missing = self._render_note(note, page)
        headings = [s for s in note.sections() if s.level]
        toc = headings if len(headings) >= TOC_MIN_HEADINGS else []
        top = min((s.level for s in toc), default=1)
        links = [(relative(page, self.urls.note(src.path)), src.title,
                  " › ".join(where[1:] if where[:1] == (src.title,) else where)) for src, where in backlinks]
        first = headings[0] if headings else None
        inline_title = not (first and first.level == 1 and first.title == note.title and
                            not any(b.kind != "html" for b in note.root.blocks))
        html = self.renderer.page(
            "note.html", page, note.title, note=note, content=content,
            toc=[(s.title, s.slug, min(s.level - top, 3)) for s in toc], backlinks=links,
            tags=[(t, relative(page, self.urls.tag(t))) for t in note.tag_names],
            cards_href=relative(page, self.urls.note_cards(note.path)) if cards else None, card_count=len(cards),
            labs=[(lab.id, lab.title, relative(page, self.urls.lab(lab.id))) for lab in labs],
            folder=note.folder, inline_title=inline_title,
        )
        self._page(page, html)

    def _cards_for_page(self, cards: list[Any], page: str) -> list[CardView]:
        folder = posixpath.dirname(page)
        linker = SiteLinker(self.targets, page)

        def render(text: str, note_path: str, mode: str) -> str:
            # relative URLs depend only on the page's folder: each side renders once per folder
            key = (text, note_path, folder, mode)
            if key not in self._card_html:
                env = {"linker": linker, "from": note_path}
                self._card_html[key] = render_markdown(text, env) if mode == "markdown" else \
                    render_cloze(text, env, mode)
            return self._card_html[key]
        return card_views(cards, self.default_deck, render=render)

    def _card_pages(self, cards_by_note: dict[str, list[CardView]]) -> None:
        raw_by_note: dict[str, list[Any]] = {}
        for card in self.cards:
            raw_by_note.setdefault(card.note_path, []).append(card)
        decks: dict[str, list[Any]] = {}
        for card, view in zip(self.cards, card_views(self.cards, self.default_deck)):
            parts = view.deck.split("::")
            for depth in range(1, len(parts) + 1):  # a deck holds its sub-decks' cards, as in Anki
                decks.setdefault("::".join(parts[:depth]), []).append(card)
        note_rows = []
        for note in self.notes:
            raw = raw_by_note.get(note.path)
            if not raw:
                continue
            page = self.urls.note_cards(note.path)
            views = self._cards_for_page(raw, page)
            self._page(page, self.renderer.page(
                "cards.html", page, f"{note.title} · flashcards", heading=note.title, cards=views,
                note_href=relative(page, self.urls.note(note.path)), source=self._source_links(page, views)))
            note_rows.append((note.title, relative("decks/index.html", page), len(raw)))
        deck_rows = []
        for deck in sorted(decks):
            page = self.urls.deck(deck)
            views = self._cards_for_page(decks[deck], page)
            self._page(page, self.renderer.page(
                "cards.html", page, f"{deck} · flashcards", heading=deck.replace("::", " › "), cards=views,
                note_href=None, source=self._source_links(page, views)))
            deck_rows.append((deck.replace("::", " › "), relative("decks/index.html", page), len(decks[deck]),
                              deck.count("::")))
        self._page("decks/index.html", self.renderer.page(
            "decks.html", "decks/index.html", "Flashcards", decks=deck_rows, notes=note_rows))

    def _source_links(self, page: str, views: list[CardView]) -> dict[str, tuple[str, str]]:
        out = {}
        for view in views:
            note = self.vault.note(view.note_path)
            if note is None:
                continue
            fragment = view.section_slug or None
            if fragment is None:
                for section in note.sections():
                    if section.level and section.line <= view.line:
                        fragment = section.slug
            where = view.heading_path[1:] if view.heading_path[:1] == (note.title,) else view.heading_path
            label = note.title + (" › " + " › ".join(where) if where else "")
            out[view.id] = (relative(page, self.urls.note(note.path), fragment), label)
        return out

    def _tag_pages(self) -> None:
        rows = []
        for tag in sorted(self.tags, key=str.lower):
            page = self.urls.tag(tag)
            notes = [(n.title, relative(page, self.urls.note(n.path)), n.folder) for n in self.tags[tag]]
            self._page(page, self.renderer.page("tag.html", page, f"#{tag}", tag=tag, notes=notes))
            rows.append((tag, relative("tags/index.html", page), len(notes)))
        self._page("tags/index.html", self.renderer.page("tags.html", "tags/index.html", "Tags", tags=rows))

    def _home(self, days, card_count: int) -> None:
        folders: dict[str, list[tuple[str, str, int]]] = {}
        for note in self.notes:
            folders.setdefault(note.folder, []).append(
                (note.title, relative("index.html", self.urls.note(note.path)), len(note.log_entries)))
        recent = days[:7]
        self._page("index.html", self.renderer.page(
            "home.html", "index.html", self.site_name, folders=sorted(folders.items()), recent=recent,
            note_url=self._note_href("index.html"), counts={
                "notes": len(self.notes), "cards": card_count, "labs": len(self.labs), "tags": len(self.tags),
                "days": len(days)}, labs=[(lab.id, lab.title, relative("index.html", self.urls.lab(lab.id)))
                                          for lab in self.labs],
            built=dt.date.today().isoformat()))

    def _note_href(self, page: str) -> Callable[..., str]:
        def href(note: Note, fragment: str | None = None) -> str:
            return relative(page, self.urls.note(note.path), fragment)
        return href

    # -- facts
    def _backlinks(self) -> dict[str, list[tuple[Note, tuple[str, ...]]]]:
        found: dict[str, list[tuple[Note, tuple[str, ...]]]] = {}
        for note in self.notes:
            seen = set()
            sections = [s for s in note.sections() if s.level]
            for link in note.links:
                if link.external:
                    continue
                target = self.vault.resolve(link, note.path)
                if not target or target == note.path or target not in self.vault.resolver.notes or target in seen:
                    continue
                seen.add(target)
                where = ()
                for section in sections:
                    if section.line <= link.line:
                        where = section.path
                found.setdefault(target, []).append((note, where))
        return found

    def _link_problems(self) -> list[Diagnostic]:
        problems = []
        for note in self.notes:
            for link in note.links:
                if link.external or outside_vault(link.target, note.path):
                    continue
                target = self.vault.resolve(link, note.path)
                if target is None:
                    what = "image" if is_image(link.target) else ("embedded note" if link.embed else "note")
                    problems.append(warning(note.path, link.line, f"missing {what} `{link.target}`",
                                            "missing-image" if what == "image" else "broken-link"))
                    continue
                if not (link.heading or link.block) or target not in self.vault.resolver.notes:
                    continue
                _, found = SiteLinker._fragment(self.vault.note(target), link)
                if not found:
                    part = f"#^{link.block}" if link.block else f"#{link.heading}"
                    problems.append(warning(note.path, link.line,
                                            f"`{part}` is not in `{posixpath.basename(target)[:-3]}`",
                                            "missing-heading"))
        return problems

    def _labs_by_note(self) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {}
        for lab in self.labs:
            target = self.vault.resolver.resolve(str(getattr(lab, "note", "")), "")
            if target:
                out.setdefault(target, []).append(lab)
        return out

    def _search_records(self, card_list: list[CardView]) -> None:
        for note in self.notes:
            self.records.extend(search_index.note_records(note, relative("index.html", self.urls.note(note.path))))
        for card in card_list:
            note = self.vault.note(card.note_path)
            if note is None:
                continue
            url = relative("index.html", self.urls.note_cards(note.path), card.id)
            self.records.append(search_index.card_record(note.title, " › ".join(card.heading_path), url,
                                                         card.front_text, card.back_text))
