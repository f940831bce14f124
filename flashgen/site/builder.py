"""Builds the static study site from one parsed vault, its cards and its labs."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import posixpath
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Protocol

from flashgen.cards.counts import anki_cards
from flashgen.diagnostics import Diagnostic, warning
from flashgen.memo import KeyedMemo
from flashgen.render.html import render_cloze, render_markdown, render_tokens
from flashgen.render.svg import clean_svg_file
from flashgen.site import assets, search_index
from flashgen.site.cards_view import CardView, card_views, deck_data_script
from flashgen.site.labs_view import lab_pages
from flashgen.site.linker import MAX_EMBEDDED_BYTES, LinkTargets, SiteLinker, capped_embeds, unwrap_embeds
from flashgen.site.output import SiteWriter
from flashgen.site.templates_env import Renderer
from flashgen.site.timeline import entry_facts, study_days
from flashgen.site.tokens import body
from flashgen.site.urls import SiteUrls, relative
from flashgen.vault.files import outside_vault
from flashgen.vault.heading_text import heading_text
from flashgen.vault.links import note_link_problems
from flashgen.vault.model import Note

TOC_MIN_HEADINGS = 4
TIMELINE_RECENT_DAYS = 14  # study days on timeline.html; every day is on its month's page
SPLIT_AT = 200  # from this many notes, part of the notes' pages are made in a forked process
SPLIT_SHARE = 0.47  # the share of the notes whose pages this process makes (it also makes the gathering pages)
IN_FILE = True  # a search memo's value when the note's records are in the last build's search file
FEW_CHANGED = 0.05  # below this share of changed notes, the forked process makes every note's pages


@dataclass
class SiteResult:
    """What a site build wrote and what it found wrong in the notes."""

    out_dir: Path
    pages: list[str] = field(default_factory=list)  # site paths of the HTML pages
    images: list[str] = field(default_factory=list)  # site paths of the copied images
    broken_links: list[Diagnostic] = field(default_factory=list)  # every link, embed or heading that leads nowhere
    diagnostics: list[Diagnostic] = field(default_factory=list)  # those the parse did not report already


def build_site(vault, cards: list[Any] | None, out_dir: Path, labs: list[Any] | None = None,
               report: Callable[[Diagnostic], Any] | list | None = None, keys: dict[str, str] | None = None,
               memo: dict[str, Any] | None = None, helper: Helper | None = None,
               beside: Callable[..., Pending] | None = None) -> SiteResult:
    """Write the study site for `vault` into `out_dir` (replacing it only once the build succeeded).

    `cards` are the cards of `flashgen.cards.extract_cards(vault)`; `labs` the loaded lab definitions,
    or None for a site without labs. `report` receives each new diagnostic (a callable, or a list to
    append to); all of them are also in the result. With dependency `keys` (flashgen.build.depkeys) and the `memo`
    of an earlier build, a page whose inputs are unchanged is kept from the last build instead of being
    rendered again; `memo` is updated. A `helper` (a process that parsed some of the notes and still holds
    them) makes those notes' pages, so that they are not parsed again here. `beside(fn, *args)` starts a task
    in another process (flashgen.build.processes.Background); without it, every page is made in this one.
    """
    out_dir = Path(out_dir)
    writer = SiteWriter(out_dir)
    try:
        # pages are kept only from the very site folder the memo describes
        earlier = memo if memo is not None and memo.get("folder") == _folder_stamp(out_dir) else None
        build = _Build(vault, list(cards or []), list(labs or []), writer, keys or {}, earlier)
        result = build.run(helper, beside or _Here)
        writer.commit()
        if memo is not None:
            memo.clear()
            memo.update(build.new_memo, folder=_folder_stamp(out_dir))
    except BaseException:
        writer.abort()
        raise
    result.out_dir = out_dir
    known = {(d.path, d.line, d.message) for d in vault.diagnostics}
    anchors = {(d.path, d.line) for d in vault.diagnostics if d.code == "broken-anchor"}  # said once is enough
    result.diagnostics = [d for d in result.broken_links if (d.path, d.line, d.message) not in known
                          and not (d.code == "missing-heading" and (d.path, d.line) in anchors)]
    result.diagnostics += [warning(path, 0, f"the note's name is too long for a file name; its page is "
                                            f"{build.urls.note(path)}", "long-name") for path in build.urls.shortened]
    result.diagnostics += build.svg_problems
    for diagnostic in result.diagnostics:
        if report is not None:
            report.append(diagnostic) if isinstance(report, list) else report(diagnostic)
    return result


class _Build:
    def __init__(self, vault, cards: list[Any], labs: list[Any], writer: SiteWriter, keys: dict[str, str],
                 memo: dict[str, Any] | None) -> None:
        self.vault = vault
        self.cards = cards
        self.labs = labs
        self.writer = writer
        self.notes: list[Note] = sorted(vault.notes, key=lambda n: (n.folder, n.title.lower()))
        self.urls = SiteUrls([n.path for n in self.notes])
        self.svg_problems: list[Diagnostic] = []
        self.tags: dict[str, list[Note]] = {}
        for note in self.notes:
            for tag in note.tag_names:
                self.tags.setdefault(tag, []).append(note)
        self.targets = LinkTargets(vault, self.urls, set(self.tags), vault.config.course_headings)
        self.site_name = vault.config.deck or vault.config.vault_name or Path(vault.root).name or "Notes"
        self.default_deck = vault.config.deck or self.site_name
        self.renderer = Renderer(self.site_name)
        self.result = SiteResult(writer.out_dir)
        self._card_html: dict[tuple[str, str, str, str], str] = {}
        self.keys = keys
        self.site_key = _digest([self.site_name, self.default_deck, repr(vault.config.course_headings)] +
                                [repr((lab.id, lab.title, getattr(lab, "note", ""))) for lab in labs])
        old = self.old = memo or {}
        self.old_files: dict[str, tuple[str, list[str]]] = old.get("files", {})
        self.old_search: dict[str, tuple[str, str]] = old.get("search", {})
        self.old_timeline: dict[str, tuple[str, list]] = old.get("timeline", {})
        self.old_links: dict[str, tuple[str, list]] = old.get("links", {})
        self.new_memo: dict[str, Any] = {"files": {}, "search": {}}

    def run(self, helper: Helper | None, beside: Callable[..., Pending]) -> SiteResult:
        raw_by_note = self._raw_by_note()

        # on a vault big enough to be worth it, another process makes the pages of part of the notes while this
        # one makes the pages that gather many notes, then those of the other notes. That process is the
        # helper, which makes the pages of the notes it parsed (and has their tokens), or else a fork that
        # makes those of the notes after `split`. When few notes changed, their pages are mostly kept ones,
        # quick enough for a fork to take all of them
        old_keys = self.old.get("keys", {})
        changed = sum(1 for note in self.notes
                      if not old_keys.get(note.path) or old_keys[note.path] != self.keys.get(note.path))
        self.new_memo["keys"] = {note.path: self.keys.get(note.path, "") for note in self.notes}
        share = SPLIT_SHARE if changed >= len(self.notes) * FEW_CHANGED else 0.0
        split = int(len(self.notes) * share) if len(self.notes) >= SPLIT_AT else len(self.notes)
        my_notes, their_notes = self.notes[:split], self.notes[split:]
        pending = None
        if helper is not None and their_notes and share:  # the helper starts first, and finds its own facts
            # the helper's notes, and of the others (kept from the last build) those after `split`
            their_notes = [note for index, note in enumerate(self.notes)
                           if note.path in helper.paths or (index >= split and not note.tokens)]
            taken = {note.path for note in their_notes}
            my_notes = [note for note in self.notes if note.path not in taken]
            pending = helper.submit(_note_outputs_there, self._share(their_notes, helper.paths, raw_by_note))
        try:
            self.result.broken_links.extend(self._link_problems())
            backlinks = self._backlinks()
            labs_by_note = self._labs_by_note()
            if pending is None and their_notes:
                pending = beside(self._note_outputs, their_notes, backlinks, raw_by_note, labs_by_note, True)
            self._card_pages(raw_by_note)
            for page, html in lab_pages(self.labs, self.vault, self.urls, self.renderer, self.targets):
                self._page(page, html)
            self._tag_pages()
            self._template_page("404.html", "404.html", "Not found")  # what a server shows for a missing page
            self._timeline_and_home(sum(map(anki_cards, self.cards)))  # cards as Anki counts them
            mine = self._note_outputs(my_notes, backlinks, raw_by_note, labs_by_note)
        except BaseException:
            if pending is not None:  # let the other process finish writing before the new site is thrown away
                with contextlib.suppress(Exception):
                    pending.result()
            raise
        theirs = pending.result() if pending is not None else _NoteOutputs({}, [], {}, {}, {}, [])
        for path in theirs.kept_search:
            theirs.search_memo[path] = self.old_search[path]
            theirs.records[path] = self.old_search[path][1]
        self.new_memo["files"].update(theirs.files)
        self.result.pages.extend(theirs.pages)
        for vault_path in theirs.images:
            self.urls.image(vault_path)
        self.new_memo["search"] = {**mine.search_memo, **theirs.search_memo}
        records = {**mine.records, **theirs.records}
        self._search_files(records, lambda path: self._search_part(self.vault.note(path),
                                                                   self._views_of(raw_by_note, path)))
        for site_path, content in assets.static_files().items():
            self.writer.text(site_path, content)
        for vault_path, site_path in sorted(self.urls.used_images().items()):
            disk = self.vault.files.get(vault_path)
            if disk is None:
                continue
            if site_path.endswith(".svg"):  # never copied as it is: an SVG opened on its own could run script
                svg = clean_svg_file(vault_path, disk)
                self.svg_problems.extend(svg.problems)
                if svg.text is None:
                    continue
                self.writer.text(site_path, svg.text)
            else:
                self.writer.copy(site_path, disk)
            self.result.images.append(site_path)
        return self.result

    def _raw_by_note(self) -> dict[str, list[Any]]:
        raw_by_note: dict[str, list[Any]] = {}
        for card in self.cards:
            raw_by_note.setdefault(card.note_path, []).append(card)
        return raw_by_note

    def _views_of(self, raw_by_note: dict[str, list[Any]], path: str) -> list[CardView]:
        """The note's cards as the site shows them, without their rendered sides."""
        return card_views(raw_by_note.get(path, []), self.default_deck)

    def _note_outputs(self, notes: list[Note], backlinks: dict[str, list], raw_by_note: dict[str, list[Any]],
                      labs_by_note: dict[str, list[Any]], apart: bool = False) -> _NoteOutputs:
        """Each note's page, flashcards page, deck data script and search records (`apart`: made in another
        process, which hands them back)."""
        kept = KeyedMemo(self.old_search)
        records = {}
        for note in notes:
            self._note_page(note, backlinks.get(note.path, []), sum(map(anki_cards, raw_by_note.get(note.path, []))),
                            labs_by_note.get(note.path, []))
            self._note_cards_page(note, raw_by_note.get(note.path, []))
            records[note.path] = kept.get(note.path, self._note_key(note, "search"), lambda: self._search_part(
                note, self._views_of(raw_by_note, note.path)))
        same = []
        if apart:  # search parts kept from the last build stay out of the pipe
            same = [path for path, part in records.items() if self.old_search.get(path, (None, None))[1] is part]
            for path in same:
                del records[path], kept.now[path]
        return _NoteOutputs(self.new_memo["files"], self.result.pages, self.urls.used_images(), records, kept.now,
                            same)

    def _share(self, notes: list[Note], held: frozenset[str], raw_by_note: dict[str, list[Any]]) -> _Share:
        """What a helper needs to make some notes' pages: the notes it does not hold (without tokens), the
        cards of those it is to make but does not hold, and this build's inputs."""
        others = tuple(replace(n, tokens=()) if n.tokens else n for n in self.vault.notes if n.path not in held)
        return _Share(replace(self.vault, notes=others), [n.path for n in self.vault.notes],
                      {n.path: raw_by_note.get(n.path, []) for n in notes if n.path not in held}, self.labs,
                      str(self.writer.out_dir), str(self.writer.tmp), self.keys, self.old, [n.path for n in notes])

    def _search_files(self, records: dict[str, Any], remake: Callable[[str], str]) -> None:
        """The search data in files of about CHUNK_NOTES notes each, and the script that names them. A file whose
        notes' records are unchanged is kept. A note's records are remembered not in its memo (which says only
        IN_FILE) but as where they are in its file, so that a file made again takes the unchanged notes' records
        out of the last build's (`remake(path)` makes them again should that file be gone)."""
        memo = self.new_memo["search"]
        old_at: dict[str, tuple[str, int, int]] = self.old.get("search_at", {})
        at: dict[str, tuple[str, int, int]] = {}
        old_files: dict[str, str | None] = {}

        def part(path: str) -> str:
            value = records[path]
            if isinstance(value, str):
                return value
            name, start, end = old_at.get(path) or ("", 0, 0)
            if name not in old_files:
                try:
                    old_files[name] = (self.writer.out_dir / "assets" / name).read_text(encoding="utf-8") \
                        if name else None
                except (OSError, UnicodeDecodeError):
                    old_files[name] = None
            text = old_files[name]
            return text[start:end] if text is not None else remake(path)

        names = []
        for number, members in enumerate(search_index.chunks([note.path for note in self.notes])):
            paths = [self.notes[i].path for i in members]
            keys = [memo.get(path, ("",))[0] for path in paths]
            key = _digest([self.site_key, "search", str(number)] + [
                path + "\0" + k for path, k in zip(paths, keys)]) if all(keys) else ""
            name = f"search/{number}-{(key or _digest([str(number)] + [part(path) for path in paths]))[:10]}.js"

            def produce(number: int = number, paths: list[str] = paths, name: str = name) -> str:
                text, spans = search_index.chunk_script(number, [part(path) for path in paths])
                at.update((path, (name, start, end)) for path, (start, end) in zip(paths, spans))
                return text
            self._keyed("assets/" + name, key, produce, page=False)
            for path in paths:  # a kept file: its notes' records are where they were
                if path not in at and old_at.get(path, ("",))[0] == name:
                    at[path] = old_at[path]
            names.append(name)
        for path, entry in memo.items():
            if path in at:
                memo[path] = (entry[0], IN_FILE)
        self.new_memo["search_at"] = at
        self.writer.text("assets/search-data.js", search_index.search_script(names))

    def _timeline_and_home(self, card_count: int) -> None:
        kept = KeyedMemo(self.old_timeline)
        days = study_days(self.notes, lambda note: kept.get(note.path, self._note_key(note, "timeline"),
                                                            lambda: entry_facts(note)))
        self.new_memo["timeline"] = kept.now
        by_month: dict[str, list[Any]] = {}
        for day in days:
            by_month.setdefault(day.date.strftime("%Y-%m"), []).append(day)
        counts = [(month, len(month_days)) for month, month_days in by_month.items()]
        # the newest study days on timeline.html, every day on a page per month
        pages = [("timeline.html", "Timeline", None, days[:TIMELINE_RECENT_DAYS])]
        pages += [(self.urls.timeline_month(month), f"Timeline · {month}", month, month_days)
                  for month, month_days in by_month.items()]
        for page, title, month, shown in pages:
            # the index counts each month's days; a month page names the months only, so that it is made
            # again only when its own notes change (or a month comes or goes)
            months = [(m, n_days if month is None else 0) for m, n_days in counts]
            # keyed by what the page shows of each note, so that an edit remakes only the days it touches
            key = _digest([self.site_key, "timeline", page, repr(months)] + [
                repr((day.date, item.note.title, self.urls.note(item.note.path), item.entry.anchor,
                      item.entry.section, item.topics, item.preview)) for day in shown for item in day.items])
            self._keyed(page, key, lambda page=page, title=title, month=month, shown=shown, months=months:
                        self.renderer.page("timeline.html", page, title, days=shown, month=month,
                                           recent=TIMELINE_RECENT_DAYS, note_url=self._note_href(page),
                                           months=[(m, relative(page, self.urls.timeline_month(m)), n_days, m == month)
                                                   for m, n_days in months]))
        self._home(days, card_count)

    # -- pages
    def _page(self, page: str, html: str) -> None:
        self.writer.text(page, html)
        self.result.pages.append(page)

    def _keyed(self, path: str, key: str, produce: Callable[[], str], page: bool = True) -> None:
        """Write `produce()` at `path`, or keep the last build's file when it was made from the same key."""
        old = self.old_files.get(path)
        if key and old is not None and old[0] == key and self.writer.reuse(path):
            for image in old[1]:
                self.urls.image(image)  # the page shows these: copy them again
        else:
            self.urls.trace = []
            try:
                self.writer.text(path, produce())
                old = (key, sorted(set(self.urls.trace)))
            finally:
                self.urls.trace = None
        self.new_memo["files"][path] = old
        if page:
            self.result.pages.append(path)

    def _template_page(self, template: str, page: str, title: str, **values: Any) -> None:
        """A page of plain values, kept from the last build when the values are the same."""
        key = _digest([self.site_key, template, page, title, repr(sorted(values.items()))])
        self._keyed(page, key, lambda: self.renderer.page(template, page, title, **values))

    def _render_note(self, note: Note, page: str) -> tuple[str, list[str]]:
        env: dict[str, Any] = {"linker": SiteLinker(self.targets, page, note.path), "from": note.path,
                               "code_warnings": getattr(self.vault, "code_warnings", {}).get(note.path)}
        html = unwrap_embeds(render_tokens(body(note, self.vault.config.course_headings), env,
                                                  self.vault.config.course_headings))
        return html, env.get("missing_images", [])

    def _note_page(self, note: Note, backlinks: list[tuple[Note, tuple[str, ...]]], card_count: int,
                   labs: list[Any]) -> None:
        page = self.urls.note(note.path)
        lab_links = [(lab.id, lab.title, relative(page, self.urls.lab(lab.id))) for lab in labs]
        cards_href = relative(page, self.urls.note_cards(note.path)) if card_count else None

        def produce() -> str:
            links = [(relative(page, self.urls.note(src.path)), src.title,
                      " › ".join(where[1:] if where[:1] == (src.title,) else where)) for src, where in backlinks]
            content, _missing = self._render_note(note, page)
            headings = [s for s in note.sections() if s.level]
            toc = headings if len(headings) >= TOC_MIN_HEADINGS else []
            top = min((s.level for s in toc), default=1)
            first = headings[0] if headings else None
            inline_title = not (first and first.level == 1 and first.title == note.title and
                                not any(b.kind != "html" for b in note.root.blocks))
            return self.renderer.page(
                "note.html", page, note.title, note=note, content=content,
                toc=[(heading_text(s.title), s.slug, min(s.level - top, 3)) for s in toc], backlinks=links,
                tags=[(t, relative(page, self.urls.tag(t))) for t in note.tag_names],
                cards_href=cards_href, card_count=card_count, labs=lab_links, folder=note.folder,
                inline_title=inline_title,
            )
        # the backlinks by their pages' site paths: their URLs from this page follow from those
        shown = [(self.urls.note(src.path), src.title, where) for src, where in backlinks]
        key = self._note_key(note, "note", page, repr(shown), repr(lab_links), repr((cards_href, card_count)))
        self._keyed(page, key, produce)

    def _note_key(self, note: Note, *parts: str) -> str:
        """The key of something made from one note: "" (never reused) when the note has no dependency key."""
        own = self.keys.get(note.path)
        return _digest([self.site_key, own, *parts]) if own else ""

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

    def _note_cards_page(self, note: Note, raw: list[Any]) -> None:
        """The note's flashcards page (every card listed, for reading and for study) and the script with its
        cards for the deck pages."""
        if not raw:
            return
        page = self.urls.note_cards(note.path)
        rendered: list[list[CardView]] = []

        def views() -> list[CardView]:
            if not rendered:
                rendered.append(self._cards_for_page(raw, page))
            return rendered[0]

        def cards_page() -> str:
            return self.renderer.page(
                "cards.html", page, f"{note.title} · flashcards", heading=note.title, cards=views(),
                anki_count=sum(map(anki_cards, raw)),
                note_href=relative(page, self.urls.note(note.path)), source=self._source_links(page, views()))

        def data_script() -> str:
            # the sides as rendered for the note's flashcards page; deck pages rebase their links
            return deck_data_script(posixpath.dirname(page) + "/", views(), self._source_links(page, views()))

        key = self._note_key(note, "cards", page)
        self._keyed(page, key, cards_page)
        self._keyed(self.urls.deck_data(note.path), key, data_script, page=False)

    def _card_pages(self, raw_by_note: dict[str, list[Any]]) -> None:
        """A study page per deck that loads the data scripts of the notes below it (a deck holds its sub-decks'
        cards, as in Anki) instead of repeating their cards, and the list of decks and notes with cards. A deck
        that holds one note's cards and nothing else is studied on that note's flashcards page."""
        deck_notes: dict[str, dict[str, int]] = {}  # deck -> note path -> cards of the deck in that note
        weights: Counter = Counter()
        for card in self.cards:
            weights[(card.deck, card.note_path)] += anki_cards(card)  # cards as Anki counts them
        for (deck_parts, path), count in weights.items():
            parts = ("::".join(deck_parts) or self.default_deck).split("::")  # the deck as deck_of names it
            for depth in range(1, len(parts) + 1):
                counts = deck_notes.setdefault("::".join(parts[:depth]), {})
                counts[path] = counts.get(path, 0) + count
        note_rows = [(note.title, relative("decks/index.html", self.urls.note_cards(note.path)),
                      sum(map(anki_cards, raw_by_note[note.path]))) for note in self.notes if raw_by_note.get(note.path)]
        deck_rows = []
        order = {note.path: index for index, note in enumerate(self.notes)}
        for deck in sorted(deck_notes):
            members = sorted(deck_notes[deck], key=order.__getitem__)
            total = sum(deck_notes[deck].values())
            if len(members) == 1 and total == sum(map(anki_cards, raw_by_note[members[0]])):
                # a deck of exactly one note's cards (each note's own deck, mostly): its study page is the
                # note's flashcards page, which studies the same cards
                deck_rows.append((deck.replace("::", " › "),
                                  relative("decks/index.html", self.urls.note_cards(members[0])), total,
                                  deck.count("::")))
                continue
            page = self.urls.deck(deck)
            # the page shows each member's title (its file name), count and pages: the key needs no URL work
            key = _digest([self.site_key, "deck", page, deck] +
                          [f"{path}\0{deck_notes[deck][path]}\0{self.urls.note_cards(path)}" for path in members])

            def produce(page: str = page, deck: str = deck, members: list[str] = members, total: int = total) -> str:
                notes = [self.vault.note(path) for path in members]
                return self.renderer.page(
                    "deck.html", page, f"{deck} · flashcards", heading=deck.replace("::", " › "), deck=deck,
                    count=total, data=[relative(page, self.urls.deck_data(note.path)) for note in notes],
                    notes=[(note.title, relative(page, self.urls.note_cards(note.path)), deck_notes[deck][note.path])
                           for note in notes])
            self._keyed(page, key, produce)
            deck_rows.append((deck.replace("::", " › "), relative("decks/index.html", page), total, deck.count("::")))
        # each note's own deck is in the list already when decks go down to notes: then no list by note
        listed = {href for _, href, _, _ in deck_rows}
        by_note = [] if all(href in listed for _, href, _ in note_rows) else note_rows
        self._template_page("decks.html", "decks/index.html", "Flashcards", decks=deck_rows, notes=by_note)

    def _source_links(self, page: str, views: list[CardView]) -> dict[str, tuple[str, str]]:
        out = {}
        headings: dict[str, list[tuple[int, str]]] = {}
        for view in views:
            note = self.vault.note(view.note_path)
            if note is None:
                continue
            fragment = view.section_slug or None
            if fragment is None:
                if note.path not in headings:
                    headings[note.path] = [(s.line, s.slug) for s in note.sections() if s.level]
                for line, slug in headings[note.path]:
                    if line <= view.line:
                        fragment = slug
            where = view.heading_path[1:] if view.heading_path[:1] == (note.title,) else view.heading_path
            label = note.title + (" › " + " › ".join(where) if where else "")
            out[view.id] = (relative(page, self.urls.note(note.path), fragment), label)
        return out

    def _tag_pages(self) -> None:
        rows = []
        for tag in sorted(self.tags, key=str.lower):
            page = self.urls.tag(tag)
            notes = [(n.title, relative(page, self.urls.note(n.path)), n.folder) for n in self.tags[tag]]
            self._template_page("tag.html", page, f"#{tag}", tag=tag, notes=notes)
            rows.append((tag, relative("tags/index.html", page), len(notes)))
        self._page("tags/index.html", self.renderer.page("tags.html", "tags/index.html", "Tags", tags=rows))

    def _home(self, days, card_count: int) -> None:
        recent = days[:7]
        counts = {"notes": len(self.notes), "cards": card_count, "labs": len(self.labs), "tags": len(self.tags),
                  "days": len(days)}
        built = dt.date.today().isoformat()
        shown = sorted({item.note.path for day in recent for item in day.items})
        # every note (title, folder, page, number of dated entries), the recent days' notes, counts and date
        key = "" if not all(self.keys.get(path) for path in shown) else _digest(
            [self.site_key, "home", built, repr(sorted(counts.items()))] + [self.keys[path] for path in shown] +
            [f"{note.path}\0{self.urls.note(note.path)}\0{len(note.log_entries)}" for note in self.notes])

        def produce() -> str:
            folders: dict[str, list[tuple[str, str, int]]] = {}
            for note in self.notes:
                folders.setdefault(note.folder, []).append(
                    (note.title, relative("index.html", self.urls.note(note.path)), len(note.log_entries)))
            return self.renderer.page(
                "home.html", "index.html", self.site_name, folders=sorted(folders.items()), recent=recent,
                note_url=self._note_href("index.html"), counts=counts,
                labs=[(lab.id, lab.title, relative("index.html", self.urls.lab(lab.id))) for lab in self.labs],
                built=built)
        self._keyed("index.html", key, produce)

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
                        where = tuple(heading_text(title) for title in section.path)
                found.setdefault(target, []).append((note, where))
        return found

    def _link_problems(self) -> list[Diagnostic]:
        problems = []
        kept = KeyedMemo(self.old_links)
        for note in self.notes:
            problems.extend(kept.get(note.path, self._note_key(note, "links"), lambda: self._note_link_problems(note)))
        self.new_memo["links"] = kept.now
        return problems

    def _note_link_problems(self, note: Note) -> list[Diagnostic]:
        """Links to missing notes and images (as the parse reports them) and to headings or blocks the site
        cannot point at."""
        problems = [d for d in note_link_problems(self.vault, note)
                    if d.code in ("missing-image", "missing-file", "broken-link")]
        for link in note.links:
            if not (link.heading or link.block) or link.external or outside_vault(link.target, note.path):
                continue
            target = self.vault.resolve(link, note.path)
            if target is None or target not in self.vault.resolver.notes:
                continue
            _, found = SiteLinker._fragment(self.vault.note(target), link)
            if not found:
                part = f"#^{link.block}" if link.block else f"#{link.heading}"
                problems.append(warning(note.path, link.line,
                                        f"`{part}` is not in `{posixpath.basename(target)[:-3]}`",
                                        "missing-heading"))
        if any(link.embed for link in note.links):
            problems += [warning(note.path, link.line, f"`{posixpath.basename(target)[:-3]}` is shown as a link, not "
                                                       f"embedded: this page already takes in "
                                                       f"{MAX_EMBEDDED_BYTES // 1024 // 1024} MiB of text from its "
                                                       "embeds", "embed-too-large")
                         for link, target in capped_embeds(self.vault, note)]
        return sorted(problems, key=lambda d: d.line)

    def _labs_by_note(self) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {}
        for lab in self.labs:
            target = self.vault.resolver.resolve(str(getattr(lab, "note", "")), "")
            if target:
                out.setdefault(target, []).append(lab)
        return out

    def _search_part(self, note: Note, cards: list[CardView]) -> str:
        """The note's search records, encoded for the search data script."""
        return search_index.encode_records(self._note_search_records(note, cards))

    def _note_search_records(self, note: Note, cards: list[CardView]) -> list[list]:
        records = search_index.note_records(note, relative("index.html", self.urls.note(note.path)))
        cards_url = relative("index.html", self.urls.note_cards(note.path))
        for card in cards:  # a card id needs no percent-encoding
            records.append(search_index.card_record(note.title, " › ".join(card.heading_path),
                                                    f"{cards_url}#{card.id}", card.front_text, card.back_text))
        return records


class Pending(Protocol):
    """A task started beside the build; `result()` waits for its return value (or raises its exception)."""

    def result(self) -> Any: ...


class _Here:
    """A task run right away in this process."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        self._value = fn(*args)

    def result(self) -> Any:
        return self._value


class Helper(Protocol):
    """Another process that holds some notes as it parsed them (tokens and all) with their cards."""

    paths: frozenset[str]  # the notes it holds

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run fn(held, *args) there (held: vault path -> (Note, cards)); the handle's `result()` is its
        return value."""


@dataclass
class _Share:
    """A helper's part of the note pages, and what it needs to make them."""

    vault: Any  # with only the notes the helper does not hold, without tokens
    order: list[str]  # every note, in the vault's order
    cards: dict[str, list[Any]]  # the cards of the notes in `paths` the helper does not hold
    labs: list[Any]
    out_dir: str
    tmp: str  # the folder the new site is written into
    keys: dict[str, str]
    memo: dict[str, Any]
    paths: list[str]  # the notes whose pages the helper makes


def _note_outputs_there(held: dict[str, tuple[Note, list[Any]]], share: _Share) -> _NoteOutputs:
    """In a helper: make the pages of the notes of `share`, with the tokens and cards of those it holds."""
    sent = {note.path: note for note in share.vault.notes}
    notes = tuple(held[path][0] if path in held else sent[path] for path in share.order)
    vault = replace(share.vault, notes=notes)
    cards = [card for path in share.paths for card in (held[path][1] if path in held else share.cards[path])]
    build = _Build(vault, cards, share.labs, SiteWriter(Path(share.out_dir), Path(share.tmp)), share.keys,
                   share.memo)
    mine = [vault.note(path) for path in share.paths]
    return build._note_outputs(mine, build._backlinks(), build._raw_by_note(), build._labs_by_note(), apart=True)


@dataclass
class _NoteOutputs:
    """What rendering some notes' pages added, to merge into the build that asked for them."""

    files: dict[str, tuple[str, list[str]]]  # site path -> (key, images), for the next build
    pages: list[str]
    images: dict[str, str]  # vault path -> site path of every image shown
    records: dict[str, str]  # note path -> encoded search records
    search_memo: dict[str, tuple[str, str]]
    kept_search: list[str]  # notes whose search records are the last build's (left out of `records`)


def _folder_stamp(folder: Path) -> tuple[int, int] | None:
    try:
        st = folder.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def _digest(parts: list[str]) -> str:
    return hashlib.sha1("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
