"""Builds the static study site from one parsed vault, its cards and its labs.

Each note's own share of the site (its page's content, search records and study-log facts: `note_part`) is made
where the note is parsed; here the vault is put together: every note's page (its holes filled, its backlinks,
tags and cards), one card data script per note with cards, the study page and its index of decks, and the pages
that gather notes (home, folders, tags, timeline, labs) and the search files. With the memo of the last build, the
site is changed in place: a file whose inputs are unchanged is left as it is, the others are written again (each
whole, under a temporary name renamed over the old), and the files no longer made are removed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from flashgen.cards.counts import Tally, tally
from flashgen.diagnostics import Diagnostic, Level, warning
from flashgen.render.card_sides import CardLinker, Sides, render_sides
from flashgen.render.svg import clean_svg_file
from flashgen.site import assets, search_index
from flashgen.site.card_data import card_data_script
from flashgen.site.labs_view import lab_pages
from flashgen.site.linker import MAX_EMBEDDED_BYTES, LinkTargets, SiteLinker, capped_embeds
from flashgen.site.note_part import NotePart, note_part
from flashgen.site.output import Listing, SiteWriter, folder_stamp
from flashgen.site.templates_env import Renderer
from flashgen.site.timeline import StudyDay, study_days
from flashgen.site.urls import STUDY_PAGE, SiteUrls, relative
from flashgen.vault.files import outside_vault
from flashgen.vault.heading_text import heading_text
from flashgen.vault.links import note_link_problems

TOC_MIN_HEADINGS = 4
TIMELINE_RECENT_DAYS = 14  # study days on timeline.html; every day is on its month's page
LIST_ITEMS = 1000  # notes on one page of a folder's or a tag's list; the rest go on further pages
TIMELINE_ITEMS = 200  # study-log entries on one page of a month; a longer month continues on further pages (an
#                      edit to one day makes only its own page again, and a page of 200 entries is still one read)
HOME_FOLDER_NOTES = 12  # notes of each folder listed on the home page, which links to the folder's page
DECK_INDEX = "assets/decks.js"  # names the parts of the index of decks (which notes hold cards of which deck)


@dataclass
class SiteResult:
    """What a site build wrote and what it found wrong in the notes."""

    out_dir: Path
    pages: list[str] = field(default_factory=list)  # site paths of the HTML pages
    images: list[str] = field(default_factory=list)  # site paths of the copied images
    broken_links: list[Diagnostic] = field(default_factory=list)  # every link, embed or heading that leads nowhere
    diagnostics: list[Diagnostic] = field(default_factory=list)  # those the parse did not report already


@dataclass
class SiteInput:
    """What a site build is made from, note by note. `parts` and `cards` hold the notes done in this build (with
    their cards' sides); every other note must be one whose files the memo keeps (`stale` says which are not)."""

    keys: dict[str, str]  # every note's dependency key (flashgen.build.depkeys)
    tallies: dict[str, Tally]  # every note's card counts and decks
    parts: dict[str, NotePart] = field(default_factory=dict)
    cards: dict[str, tuple[list[Any], list[Sides]]] = field(default_factory=dict)
    links: dict[str, list[Diagnostic]] = field(default_factory=dict)  # each note's link check, where already made


def build_site(vault, cards: list[Any] | None, out_dir: Path, labs: list[Any] | None = None,
               report: Callable[[Diagnostic], Any] | list | None = None) -> SiteResult:
    """Write the study site for `vault` and its `cards` (flashgen.cards.extract_cards) into `out_dir`, all of it
    made in this call; `labs` are the loaded lab definitions, or None for a site without labs. `report` receives
    each diagnostic the parse did not give (a callable, or a list to append to)."""
    urls = SiteUrls([note.path for note in vault.notes])
    linker = CardLinker(vault)
    by_note: dict[str, list[Any]] = {}
    for card in cards or []:
        by_note.setdefault(card.note_path, []).append(card)
    inputs = SiteInput(keys={}, tallies={path: tally(found) for path, found in by_note.items()})
    for note in vault.notes:
        found = by_note.get(note.path, [])
        inputs.parts[note.path] = note_part(note, vault, urls, inputs.tallies.get(note.path, Tally()).cards,
                                            vault.code_warnings.get(note.path))
        inputs.cards[note.path] = (found, [render_sides(card, linker) for card in found])
    return write_site(vault, out_dir, inputs, labs, report=report, urls=urls)


def stale(vault, out_dir: Path, inputs: SiteInput, labs: list[Any], memo: dict[str, Any] | None,
          urls: SiteUrls | None = None) -> tuple[set[str], Any]:
    """The notes whose page or card data the last build's site cannot give as it is (their inputs changed, or
    the file is gone): each must be done again, with its part and cards, for `write_site`. Also returns what
    was worked out for it (the backlinks, each note's files and keys), which `write_site` takes as its `plan`."""
    plan = _Build(vault, inputs, list(labs), _earlier(memo, Path(out_dir)), urls or SiteUrls([n.path for n in vault.notes]))
    listing = Listing(out_dir)  # (what is there: a file removed from the site since is made again)
    out = set()
    for note in vault.notes:
        for path, key in plan.note_files(note):
            old = plan.old_files.get(path)
            if not key or old is None or old[0] != key or path not in listing:
                out.add(note.path)
            else:
                plan.there.add(path)
        search = plan.old_search.get(note.path)  # (a few dozen files hold every note's records)
        if search is None or f"assets/{search[0]}" not in listing:
            out.add(note.path)
    return out, plan


def write_site(vault, out_dir: Path, inputs: SiteInput, labs: list[Any] | None = None,
               memo: dict[str, Any] | None = None, report: Callable[[Diagnostic], Any] | list | None = None,
               urls: SiteUrls | None = None, plan: Any = None) -> SiteResult:
    """Write the site into `out_dir`. `memo` (a dict, updated) is what the last build left: when it describes
    the site that is there, the site is changed in place (its files kept where their inputs are unchanged);
    else a new site replaces the last one once it is complete. `plan` is what `stale` worked out for the same
    vault, memo and keys (the card counts of notes done since are the same)."""
    out_dir = Path(out_dir)
    writer = SiteWriter(out_dir, in_place=kept_site(memo, out_dir))
    urls = urls or SiteUrls([note.path for note in vault.notes])
    try:
        build = plan or _Build(vault, inputs, list(labs or []), _earlier(memo, out_dir), urls)
        build.inputs = inputs
        result = build.run(writer)
        writer.commit()
        if memo is not None:
            memo.clear()
            memo.update(build.new_memo, folder=list(folder_stamp(out_dir) or ()))
    except BaseException:
        writer.abort()
        raise
    known = {(d.path, d.line, d.message) for d in vault.diagnostics}
    anchors = {(d.path, d.line) for d in vault.diagnostics if d.code == "broken-anchor"}  # said once is enough
    result.diagnostics = [d for d in result.broken_links if (d.path, d.line, d.message) not in known
                          and not (d.code == "missing-heading" and (d.path, d.line) in anchors)]
    result.diagnostics += [warning(path, 0, f"the note's name is too long for a file name; its page is "
                                            f"{urls.note(path)}", "long-name") for path in urls.shortened]
    result.diagnostics += build.svg_problems
    for diagnostic in result.diagnostics:
        if report is not None:
            report.append(diagnostic) if isinstance(report, list) else report(diagnostic)
    return result


def kept_site(memo: dict[str, Any] | None, out_dir: Path) -> bool:
    """Whether the memo describes the very site folder that is there (pages are kept only from it)."""
    return memo is not None and bool(memo) and memo.get("folder") == list(folder_stamp(out_dir) or ())


def _earlier(memo: dict[str, Any] | None, out_dir: Path) -> dict[str, Any]:
    return memo if memo is not None and kept_site(memo, out_dir) else {}


class _Build:
    def __init__(self, vault, inputs: SiteInput, labs: list[Any], memo: dict[str, Any], urls: SiteUrls) -> None:
        self.vault = vault
        self.inputs = inputs
        self.keys = inputs.keys
        self.labs = labs
        self.writer: SiteWriter = None  # type: ignore[assignment]  (given to run())
        self.notes: list[Any] = sorted(vault.notes, key=lambda n: (n.folder, n.title.lower()))
        self.urls = urls
        self.svg_problems: list[Diagnostic] = []
        self.tags: dict[str, list[Any]] = {}
        for note in self.notes:
            for tag in note.tag_names:
                self.tags.setdefault(tag, []).append(note)
        self.targets = LinkTargets(vault, self.urls, set(self.tags), vault.config.course_headings)
        self.site_name = vault.config.deck or vault.config.vault_name or Path(vault.root).name or "Notes"
        self.default_deck = vault.config.deck or self.site_name
        self.renderer = Renderer(self.site_name)
        self.result = SiteResult(Path())
        self.site_key = _digest([self.site_name, self.default_deck, repr(vault.config.course_headings)] +
                                [repr((lab.id, lab.title, getattr(lab, "note", ""))) for lab in labs])
        self.old_files: dict[str, list] = memo.get("files", {})
        self.old_search: dict[str, list] = memo.get("search_at", {})
        self.old_timeline: dict[str, list] = memo.get("timeline", {})
        self.old_links: dict[str, list] = memo.get("links", {})
        self.old_edges: dict[str, list] = memo.get("edges", {})
        self.old_decks: dict[str, list] = memo.get("decks", {})
        self.old_labs: dict[str, list] = memo.get("labs", {})
        self.old_site_key = memo.get("site")
        self.new_memo: dict[str, Any] = {"files": {}, "search_at": {}, "timeline": {}, "links": {}, "edges": {},
                                         "decks": {}, "labs": {}, "site": self.site_key}
        self.there: set[str] = set()  # site paths of the last build's files seen to be there by `stale`
        self._backlinks: dict[str, list[tuple[Any, tuple[str, ...]]]] | None = None
        self._labs: dict[str, list[Any]] | None = None
        self._files: dict[str, list[tuple[str, str]]] = {}
        self._unchanged: set[str] | None = None

    # -- what each note's files are made from
    def note_files(self, note) -> list[tuple[str, str]]:
        """(site path, key) of the files made from one note: its page and, with cards, its card data."""
        if note.path not in self._files:
            self._files[note.path] = self._as_before(note) or self._made_of(note)
        return self._files[note.path]

    def _as_before(self, note) -> list[tuple[str, str]] | None:
        """The note's files with the last build's keys, when what they are made of cannot have changed; else
        None (and they are worked out)."""
        if note.path not in self.unchanged():
            return None
        files = [self.urls.note(note.path)] + ([self.urls.card_data(note.path)] if self.tally(note.path).cards else [])
        old = [self.old_files.get(path) for path in files]
        return None if None in old else [(path, entry[0]) for path, entry in zip(files, old)]

    def unchanged(self) -> set[str]:
        """The notes whose files are made of what they were made of in the last build: the site's settings and
        the vault's notes are the same, the note's key is the same (its text, cards and card counts with it),
        and no note that links to it, or linked to it, changed (its backlinks are the same)."""
        if self._unchanged is None:
            self._unchanged = set()
            if self.old_site_key == self.site_key and self.old_edges.keys() == self.keys.keys():
                self.backlinks()  # (each changed note's links gone through again, into the new memo)
                edges = self.new_memo["edges"]
                changed = {path for path, key in self.keys.items() if self.old_edges[path][0] != key}
                touched = set(changed)
                for path in changed:
                    touched.update(target for target, _ in self.old_edges[path][1])
                    touched.update(target for target, _ in edges.get(path, (None, ()))[1])
                self._unchanged = self.keys.keys() - touched
        return self._unchanged

    def _made_of(self, note) -> list[tuple[str, str]]:
        page = self.urls.note(note.path)
        count = self.tally(note.path).cards
        lab_links = [(lab.id, lab.title, self.urls.lab(lab.id)) for lab in self.labs_by_note().get(note.path, [])]
        # the backlinks by their pages' site paths: their URLs from this page follow from those
        shown = [(self.urls.note(src.path), src.title, where) for src, where in self.backlinks().get(note.path, [])]
        files = [(page, self._note_key(note, "note", page, repr(shown), repr(lab_links), str(count)))]
        if count:
            data = self.urls.card_data(note.path)
            files.append((data, self._note_key(note, "cards", data, self.default_deck)))
        return files

    def tally(self, path: str) -> Tally:
        return self.inputs.tallies.get(path) or Tally()

    def backlinks(self) -> dict[str, list[tuple[Any, tuple[str, ...]]]]:
        """note path -> (note linking to it, the headings above the link) of every other note that links to it.
        A note's own links are gone through again only when its dependency key changed."""
        if self._backlinks is None:
            self._backlinks = {}
            for note in self.notes:
                key = self.keys.get(note.path)
                old = self.old_edges.get(note.path)
                kept = bool(key and old and old[0] == key)
                edges = old[1] if kept else self._links_out(note)
                if key:  # (the memo's own entry when it is the same: its row is not written again)
                    self.new_memo["edges"][note.path] = old if kept else [key, edges]
                for target, where in edges:
                    self._backlinks.setdefault(target, []).append((note, tuple(where)))
        return self._backlinks

    def _links_out(self, note) -> list[list]:
        """[target, [the headings above the link]] of each other note that `note` links to (its first link)."""
        seen = set()
        out: list[list] = []
        sections = [s for s in note.sections() if s.level]
        for link in note.links:
            if link.external:
                continue
            target = self.vault.resolve(link, note.path)
            if not target or target == note.path or target not in self.vault.resolver.notes or target in seen:
                continue
            seen.add(target)
            where: list[str] = []
            for section in sections:
                if section.line <= link.line:
                    where = [heading_text(title) for title in section.path]
            out.append([target, where])
        return out

    def labs_by_note(self) -> dict[str, list[Any]]:
        if self._labs is None:
            self._labs = {}
            for lab in self.labs:
                target = self.vault.resolver.resolve(str(getattr(lab, "note", "")), "")
                if target:
                    self._labs.setdefault(target, []).append(lab)
        return self._labs

    def _note_key(self, note, *parts: str) -> str:
        """The key of something made from one note: "" (never reused) when the note has no dependency key."""
        own = self.keys.get(note.path)
        return _digest([self.site_key, own, *parts]) if own else ""

    # -- the build
    def run(self, writer: SiteWriter) -> SiteResult:
        self.writer = writer
        self.result = SiteResult(writer.out_dir)
        self.result.broken_links.extend(self._link_problems())
        search: dict[str, str] = {}
        for note in self.notes:
            part = self.inputs.parts.get(note.path)
            self._note_files(note, part)
            if part is not None:
                search[note.path] = part.search
        self._study()
        for page, render in lab_pages(self.labs, self.vault, self.urls, self.renderer, self.targets):
            self._lab_page(page, render)
        self._tag_pages()
        self._template_page("404.html", "404.html", "Not found")  # what a server shows for a missing page
        days = self._timeline()
        self._home(days)
        self._search_files(search)
        for site_path, content in assets.static_files().items():
            self._same(site_path, content, page=False)
        self._copy_images()
        made = self.new_memo["files"]
        for path in self.writer.written:  # (files made whatever their inputs: never kept by key, but known)
            made.setdefault(path, ["", []])
        if self.writer.in_place:
            self.writer.remove([path for path in self.old_files if path not in made])
        return self.result

    def _note_files(self, note, part: NotePart | None) -> None:
        """A note's page and card data script: made from its part and cards when it was done in this build, else
        kept from the last build (stale() said they can be)."""
        files = self.note_files(note)
        if part is None:
            for path, key in files:
                if not self._keep(path, key):
                    raise RuntimeError(f"the site's {path} is gone and {note.path} was not read again")
            return
        page, key = files[0]
        self._keyed(page, key, lambda: self._note_page(note, part))
        if len(files) > 1:
            cards, sides = self.inputs.cards.get(note.path, ([], []))
            data, key = files[1]
            self._keyed(data, key, lambda: card_data_script(note, cards, sides, self.vault, self.urls,
                                                            self.default_deck), page=False)

    def _note_page(self, note, part: NotePart) -> str:
        page = self.urls.note(note.path)
        labs = [(lab.id, lab.title, relative(page, self.urls.lab(lab.id)))
                for lab in self.labs_by_note().get(note.path, [])]
        count = self.tally(note.path).cards
        for image in part.images:
            self.urls.image(image)  # the page shows these: copied, and remembered with the page
        env: dict[str, Any] = {"linker": SiteLinker(self.targets, page, note.path), "from": note.path}
        content = env["linker"].fill(part.content, list(part.holes), env)
        links = [(relative(page, self.urls.note(src.path)), src.title,
                  " › ".join(where[1:] if where[:1] == (src.title,) else where))
                 for src, where in self.backlinks().get(note.path, [])]
        headings = [s for s in note.sections() if s.level]
        toc = headings if len(headings) >= TOC_MIN_HEADINGS else []
        top = min((s.level for s in toc), default=1)
        return self.renderer.page(
            "note.html", page, note.title, note=note, content=content,
            toc=[(heading_text(s.title), s.slug, min(s.level - top, 3)) for s in toc], backlinks=links,
            tags=[(t, relative(page, self.urls.tag(t))) for t in note.tag_names],
            study_href=self.urls.study(page, note=note.path) if count else None, card_count=count, labs=labs,
            folder=note.folder, folder_href=relative(page, self.urls.folder(note.folder)),
            inline_title=part.inline_title)

    # -- cards
    def _study(self) -> None:
        """The study page, and the index of decks it reads: which notes hold cards of which deck, in parts of
        about CHUNK_NOTES notes (a part is kept while its notes' decks are the same)."""
        held = [note for note in self.notes if self.tally(note.path).decks]
        names = []
        for number, members in enumerate(search_index.chunks([note.path for note in held])):
            # a part is named by its text; the notes' keys tell when the last build's part has the same text
            keys = [self.keys.get(held[i].path) for i in members]
            key = _digest([self.site_key, "decks", str(number)] + [f"{held[i].path}\0{k}" for i, k in zip(members, keys)]) \
                if all(keys) else ""
            old = self.old_decks.get(str(number))
            if key and old and old[0] == key and self._keep(old[1], key, page=False):
                name = old[1]
            else:
                rows = [[self.urls.note_id(held[i].path), held[i].title,
                         [[deck or self.default_deck, n] for deck, n in self.tally(held[i].path).decks]] for i in members]
                text = ("(window.FLASHGEN_DECK_PARTS=window.FLASHGEN_DECK_PARTS||{})[" + str(number) + "]=" +
                        _script_json(rows) + ";\n")
                name = f"assets/decks/{number}-{_digest([text])[:10]}.js"
                self._keyed(name, key, lambda text=text: text, page=False)
            if key:
                self.new_memo["decks"][str(number)] = [key, name]
            names.append(relative(DECK_INDEX, name))
        self._same(DECK_INDEX, "window.FLASHGEN_DECKS=" + _script_json(
            {"parts": names, "top": self.default_deck, "cards": sum(self.tally(n.path).cards for n in self.notes)})
            + ";\n", page=False)
        self._template_page("study.html", STUDY_PAGE, "Flashcards")

    # -- the pages that gather notes
    def _tag_pages(self) -> None:
        rows = []
        for tag in sorted(self.tags, key=str.lower):
            notes = [(note.title, self.urls.note(note.path), note.folder) for note in self.tags[tag]]
            pages = _parts(notes, LIST_ITEMS)
            for number, shown in enumerate(pages, start=1):
                page = self.urls.tag(tag, number)
                self._list_page("tag.html", page, f"#{tag}", shown, tag=tag, count=len(notes),
                                parts=self._part_links(page, len(pages), number, lambda n, tag=tag: self.urls.tag(tag, n)))
            rows.append((tag, relative("tags/index.html", self.urls.tag(tag)), len(notes)))
        self._template_page("tags.html", "tags/index.html", "Tags", tags=rows)

    def _part_links(self, page: str, count: int, current: int, address: Callable[[int], str]) -> list:
        """(number, URL, current) of each page of a list that takes `count` pages (none for one page)."""
        return [] if count < 2 else [(n, relative(page, address(n)), n == current) for n in range(1, count + 1)]

    def _folders(self) -> list[tuple[str, str, int, list[tuple[str, str, int]]]]:
        """(folder, its page, number of notes, the first notes as (title, page, study days)) of every folder;
        and each folder's own pages, listing all its notes."""
        by_folder: dict[str, list[Any]] = {}
        for note in self.notes:
            by_folder.setdefault(note.folder, []).append(note)
        out = []
        for folder, notes in sorted(by_folder.items()):
            rows = [(note.title, self.urls.note(note.path), len(note.log_entries)) for note in notes]
            pages = _parts(rows, LIST_ITEMS)
            for number, shown in enumerate(pages, start=1):
                page = self.urls.folder(folder, number)
                self._list_page("folder.html", page, folder or "Vault", shown, folder=folder, count=len(rows),
                                parts=self._part_links(page, len(pages), number,
                                                       lambda n, folder=folder: self.urls.folder(folder, n)))
            out.append((folder, self.urls.folder(folder), len(rows), rows[:HOME_FOLDER_NOTES]))
        return out

    def _home(self, days: list[StudyDay]) -> None:
        folders = self._folders()
        recent = days[:7]
        counts = {"notes": len(self.notes), "cards": sum(self.tally(n.path).cards for n in self.notes),
                  "labs": len(self.labs), "tags": len(self.tags), "days": len(days)}
        built = dt.date.today().isoformat()
        shown = [(day.date.isoformat(), item.note.title, self.urls.note(item.note.path), item.entry.anchor,
                  item.entry.text, [topic for topic, _ in item.topics]) for day in recent for item in day.items]
        rows = [(folder or "", relative("index.html", page), count,
                 [(title, relative("index.html", href), n_days) for title, href, n_days in notes])
                for folder, page, count, notes in folders]
        key = _digest([self.site_key, "home", built, json.dumps([counts, shown, rows], ensure_ascii=False)])
        self._keyed("index.html", key, lambda: self.renderer.page(
            "home.html", "index.html", self.site_name, folders=rows, recent=recent,
            note_url=self._note_href("index.html"), counts=counts,
            labs=[(lab.id, lab.title, relative("index.html", self.urls.lab(lab.id))) for lab in self.labs],
            built=built))

    def _note_href(self, page: str) -> Callable[..., str]:
        def href(note, fragment: str | None = None) -> str:
            return relative(page, self.urls.note(note.path), fragment)
        return href

    def _timeline(self) -> list[StudyDay]:
        facts: dict[str, tuple] = {}
        shows: dict[int, str] = {}  # id of a log entry -> its day, its note's page and a digest of what it shows
        for note in self.notes:
            if not note.log_entries:
                continue
            part = self.inputs.parts.get(note.path)
            key = self._note_key(note, "timeline")
            old = self.old_timeline.get(note.path)
            if part is not None:
                found, digests = part.timeline, _entry_digests(note, part.timeline)
            elif old and old[0] == key:
                found, digests = old[1], old[2]  # (as remembered: JSON lists, which read as the tuples do)
            else:
                raise RuntimeError(f"the study log of {note.path} is not known: the note was not read again")
            facts[note.path] = found
            url = self.urls.note(note.path)
            shows.update((id(entry), f"{entry.date.isoformat()}\0{url}\0{digest}")
                         for entry, digest in zip(note.log_entries, digests))
            if key:
                self.new_memo["timeline"][note.path] = old if part is None else [key, found, digests]
        days = study_days(self.notes, lambda note: facts[note.path])
        by_month: dict[str, list[StudyDay]] = {}
        for day in days:
            by_month.setdefault(day.date.strftime("%Y-%m"), []).append(day)
        counts = [(month, len(month_days)) for month, month_days in by_month.items()]
        # the newest study days on timeline.html, every day on a month's pages
        pages = [("timeline.html", "Timeline", None, days[:TIMELINE_RECENT_DAYS], [])]
        for month, month_days in by_month.items():
            parts = _day_parts(month_days, TIMELINE_ITEMS)
            for number, shown in enumerate(parts, start=1):
                page = self.urls.timeline_month(month, number)
                pages.append((page, f"Timeline · {month}", month, shown,
                              self._part_links(page, len(parts), number,
                                               lambda n, month=month: self.urls.timeline_month(month, n))))
        for page, title, month, shown, parts in pages:
            # the index counts each month's days; a month page names the months only, so that it is made
            # again only when its own notes change (or a month comes or goes)
            months = [(m, n_days if month is None else 0) for m, n_days in counts]
            # keyed by what the page shows of each note, so that an edit remakes only the days it touches
            key = _digest([self.site_key, "timeline", page, repr(months), repr(parts)] +
                          [shows[id(item.entry)] for day in shown for item in day.items])
            self._keyed(page, key, lambda page=page, title=title, month=month, shown=shown, months=months, parts=parts:
                        self.renderer.page("timeline.html", page, title, days=shown, month=month, parts=parts,
                                           recent=TIMELINE_RECENT_DAYS, note_url=self._note_href(page),
                                           months=[(m, relative(page, self.urls.timeline_month(m)), n_days,
                                                    m == month) for m, n_days in months]))
        return days

    # -- search
    def _search_files(self, records: dict[str, str]) -> None:
        """The search data in files of about CHUNK_NOTES notes each, and the script that names them. A file whose
        notes are unchanged is kept. A note's records are remembered as where they are in its file, so that a
        file made again takes the unchanged notes' records out of the last build's."""
        old_files: dict[str, str | None] = {}

        def part(path: str) -> str:
            if path in records:
                return records[path]
            name, start, end = self.old_search[path]
            if name not in old_files:
                try:
                    old_files[name] = (self.writer.old / "assets" / name).read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    old_files[name] = None
            text = old_files[name]
            if text is None:
                raise RuntimeError(f"the search records of {path} are gone and the note was not read again")
            return text[start:end]

        names = []
        at = self.new_memo["search_at"]
        for number, members in enumerate(search_index.chunks([note.path for note in self.notes])):
            paths = [self.notes[i].path for i in members]
            keys = [self._note_key(self.notes[i], "search") for i in members]
            key = _digest([self.site_key, "search", str(number)] + [p + "\0" + k for p, k in zip(paths, keys)]) \
                if all(keys) else ""
            name = f"search/{number}-{(key or _digest([str(number)] + [part(p) for p in paths]))[:10]}.js"
            if self._keep("assets/" + name, key):
                for path in paths:
                    at[path] = self.old_search[path]
            else:
                text, spans = search_index.chunk_script(number, [part(path) for path in paths])
                self.writer.text("assets/" + name, text)
                self.new_memo["files"]["assets/" + name] = [key, []]
                at.update((path, [name, start, end]) for path, (start, end) in zip(paths, spans))
            names.append(name)
        self._same("assets/search-data.js", search_index.search_script(names), page=False)

    # -- links
    def _link_problems(self) -> list[Diagnostic]:
        problems = []
        for note in self.notes:
            key = self._note_key(note, "links")
            old = self.old_links.get(note.path)
            kept = bool(key and old and old[0] == key)
            found = _diagnostics(old[1]) if kept else self._note_link_problems(note)
            if key:
                self.new_memo["links"][note.path] = old if kept else [key, [_plain(d) for d in found]]
            problems.extend(found)
        return problems

    def _note_link_problems(self, note) -> list[Diagnostic]:
        """Links to missing notes and images (as the parse reports them) and to headings or blocks the site
        cannot point at."""
        checked = self.inputs.links.get(note.path)
        problems = [d for d in (note_link_problems(self.vault, note) if checked is None else checked)
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

    # -- files
    def _lab_page(self, page: str, render: Callable[[set[str]], str]) -> None:
        """A lab page, kept while the notes it showed something of (labs_view.lab_pages) have the keys they had
        and the vault the same files and tags; else rendered again, noting those notes."""
        shown = self.old_labs.get(page)
        if shown is not None and self._keep(page, self._lab_key(page, shown)):
            self.new_memo["labs"][page] = shown
            return
        seen: set[str] = set()
        self._keyed(page, "", lambda: render(seen))
        shown = sorted(seen)
        self.new_memo["files"][page] = [self._lab_key(page, shown), self.new_memo["files"][page][1]]
        self.new_memo["labs"][page] = shown

    def _lab_key(self, page: str, notes: list[str]) -> str:
        keys = [self.keys.get(path) for path in notes]
        if not all(keys):
            return ""
        return _digest([self.site_key, "lab", page, self.vault.resolver.files_digest, "\0".join(sorted(self.tags))] +
                       [f"{path}\0{key}" for path, key in zip(notes, keys)])

    def _same(self, path: str, content: str, page: bool = True) -> None:
        """Write `content` at `path`, or keep the last build's file when it is the same."""
        self._keyed(path, _digest([path, content]), lambda: content, page)

    def _keep(self, path: str, key: str, page: bool = True) -> bool:
        """Keep the last build's file at `path` when it was made from the same key (and is there)."""
        old = self.old_files.get(path)
        if not (key and old is not None and old[0] == key and self.writer.reuse(path, path in self.there)):
            return False
        for image in old[1]:
            self.urls.image(image)  # the page shows these: copy them again
        self.new_memo["files"][path] = old
        if page and path.endswith(".html"):
            self.result.pages.append(path)
        return True

    def _keyed(self, path: str, key: str, produce: Callable[[], str], page: bool = True) -> None:
        """Write `produce()` at `path`, or keep the last build's file when it was made from the same key."""
        if self._keep(path, key, page):
            return
        self.urls.trace = []
        try:
            self.writer.text(path, produce())
            self.new_memo["files"][path] = [key, sorted(set(self.urls.trace))]
        finally:
            self.urls.trace = None
        if page:
            self.result.pages.append(path)

    def _template_page(self, template: str, page: str, title: str, **values: Any) -> None:
        """A page of plain values, kept from the last build when the values are the same."""
        key = _digest([self.site_key, template, page, title, repr(sorted(values.items()))])
        self._keyed(page, key, lambda: self.renderer.page(template, page, title, **values))

    def _list_page(self, template: str, page: str, title: str, notes: list[tuple[str, str, Any]],
                   **values: Any) -> None:
        """A page listing notes as (title, page's site path, one more value), kept from the last build when they
        and the values are the same (their URLs from this page follow from their site paths)."""
        key = _digest([self.site_key, template, page, title, repr(notes), repr(sorted(values.items()))])
        self._keyed(page, key, lambda: self.renderer.page(
            template, page, title, notes=[(name, relative(page, href), more) for name, href, more in notes], **values))

    def _copy_images(self) -> None:
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
                key = _digest(["image", vault_path, repr(self.vault.stamps.get(vault_path))])
                if not self._keep(site_path, key, page=False):
                    self.writer.copy(site_path, disk)
                    self.new_memo["files"][site_path] = [key, []]
            self.result.images.append(site_path)


def _parts(items: list, size: int) -> list[list]:
    """A list cut into pages of at most `size` items (one empty page for none)."""
    return [items[at:at + size] for at in range(0, len(items), size)] or [[]]


def _day_parts(days: list[StudyDay], size: int) -> list[list[StudyDay]]:
    """Study days on pages of about `size` entries, a day never cut in two."""
    pages: list[list[StudyDay]] = [[]]
    count = 0
    for day in days:
        if pages[-1] and count + len(day.items) > size:
            pages.append([])
            count = 0
        pages[-1].append(day)
        count += len(day.items)
    return pages


def _entry_digests(note, facts: tuple) -> list[str]:
    """Per study-log entry of a note, a digest of what its timeline item shows besides its day and its note's page
    (so that a timeline page is made again only when what it shows changes)."""
    return [_digest([json.dumps([note.title, entry.anchor, entry.section, topics, preview], ensure_ascii=False)])[:16]
            for entry, (topics, preview) in zip(note.log_entries, facts)]


def _plain(diagnostic: Diagnostic) -> list:
    return [diagnostic.path, diagnostic.line, diagnostic.message, diagnostic.level.value, diagnostic.code]


def _diagnostics(plain: list) -> list[Diagnostic]:
    return [Diagnostic(path, line, message, Level(level), code) for path, line, message, level, code in plain]


def _script_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _digest(parts: list[str]) -> str:
    return hashlib.sha1("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

