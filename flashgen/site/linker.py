"""The site's Linker: relative URLs between pages, copied images and note or heading transclusion."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Any

from flashgen.render.html import link_text, note_embed, render_tokens
from flashgen.site import tokens as note_tokens
from flashgen.site.urls import SiteUrls, relative
from flashgen.vault.files import attachment_kind
from flashgen.vault.links import embed_loops_back
from flashgen.vault.model import Link, Note

MAX_EMBED_DEPTH = 4
MAX_EMBEDDED_BYTES = 5 * 1024 * 1024  # text one page takes in from the notes it embeds; past it, embeds are links
_IDS = re.compile(r'(<(?:h[1-6]|p)\b[^>]*?) id="[^"]*"|(<[a-z]+\b[^>]*?) id="\^[^"]*"')
_BACKREF = re.compile(r' ?<a href="#fnref[^"]*" class="footnote-backref">[^<]*</a>')
_DIV = re.compile(r"<div\b|</div>")
_OPEN = '<p><div class="embed">'


def unwrap_embeds(html: str) -> str:
    """A paragraph that holds only a transclusion becomes the transclusion (a <div> may not sit in a <p>).
    Made in one pass over the page, however many embeds it has."""
    parts: list[str] = []
    done = 0  # html[:done] is in parts
    start = html.find(_OPEN)
    while start >= 0:
        depth, end = 0, -1
        for match in _DIV.finditer(html, start + 3):
            depth += 1 if match.group() == "<div" else -1
            if depth == 0:
                end = match.end()
                break
        if end < 0:
            break
        closing = end
        while closing < len(html) and html[closing] == "\n":
            closing += 1
        if html.startswith("</p>", closing):
            parts += [html[done:start], html[start + 3:end], "\n"]
            done = closing + 4
        start = html.find(_OPEN, start + 1)
    parts.append(html[done:])
    return "".join(parts)


def _span(note: Note, link: Link) -> tuple[int, int] | None:
    """The lines an embed takes in: all of the note, or what its `#heading` or `#^block` names (None: nothing)."""
    return note.span(link.heading, link.block) if (link.heading or link.block) else note.span()


def embed_size(note: Note, link: Link, sizes: dict[str, Any]) -> int:
    """The bytes of text (UTF-8) an embed of `note` takes in: what it costs a page's budget. `sizes` keeps each
    note's line offsets, by path, so that many embeds of one large note are measured once."""
    span = _span(note, link)
    if span is None:
        return 0
    starts = sizes.get(note.path)
    if starts is None:
        starts, at = [0], 0
        for line in note.source.split("\n"):
            at += len(line.encode("utf-8", "replace")) + 1
            starts.append(at)
        sizes[note.path] = starts
    first, last = max(span[0], 1), min(span[1], len(starts) - 1)
    return max(0, starts[last] - starts[first - 1])


def capped_embeds(vault: Any, note: Note) -> list[tuple[Link, str]]:
    """The embeds (and their targets) that the page of `note` shows as links because the text embedded
    before them has used up MAX_EMBEDDED_BYTES: the same walk, in the same order, as rendering does."""
    budget = [MAX_EMBEDDED_BYTES]
    sizes: dict[str, Any] = {}
    capped: list[tuple[Link, str]] = []

    def walk(current: Note, links: Any, chain: tuple[tuple[str, int], ...]) -> None:
        for link in links:
            if not link.embed or link.external:
                continue
            target = vault.resolve(link, current.path)
            found = vault.whole(target) if target in vault.resolver.notes and vault.note(target) else None
            if found is None:
                continue
            inner_chain = chain + ((current.path, link.line),)
            span = _span(found, link)
            whole = not (link.heading or link.block)
            if span is None or len(inner_chain) > MAX_EMBED_DEPTH or \
                    embed_loops_back(inner_chain, target, None if whole else span):
                continue
            size = embed_size(found, link, sizes)
            if size > budget[0]:
                if current is note:
                    capped.append((link, target))
                continue
            budget[0] -= size
            walk(found, [inner for inner in found.links if span[0] <= inner.line <= span[1]], inner_chain)

    walk(note, note.links, ())
    return capped


@dataclass
class LinkTargets:
    """What every page's linker shares: the vault, the page map, and the set of pages that exist."""

    vault: Any  # flashgen.vault.parse.Vault
    urls: SiteUrls
    tags_with_pages: set[str] = field(default_factory=set)
    course_headings: bool = True
    sizes: dict[str, Any] = field(default_factory=dict)  # embedded notes' line offsets in bytes (embed_size)


@dataclass(frozen=True)
class Hole:
    """A piece of a page that other notes decide, left open where a note's page is rendered on its own (beside
    the parse, before every note is known): the `#fragment` of a link to another note's heading or block, or
    an embedded note. `fill_holes` puts them in once the vault is known."""

    link: Link
    target: str  # the vault path of the linked or embedded note
    embed: bool


_HOLE = re.compile("\x00(\\d+)\x00")  # NUL never survives markdown-it's reading of a note's text


class SiteLinker:
    """Links, images, tags and transclusions for one site page (URLs are relative to that page). With `holes`
    (a list), what other notes decide is left open and listed there (Hole)."""

    def __init__(self, targets: LinkTargets, page: str, page_note: Any = None,
                 holes: list[Hole] | None = None, seen: set[str] | None = None) -> None:
        """`page_note`: the note whose own page this is (for its `#heading` links), or its path. `seen` (a set)
        receives the vault path of every note a link or embed leads to."""
        self.targets = targets
        self.page = page
        self.own = page_note if page_note is not None and not isinstance(page_note, str) else None
        self.page_note = page_note.path if self.own is not None else page_note
        self.holes = holes
        self.seen = seen

    # -- Linker protocol
    def link(self, link: Link, from_path: str) -> tuple[str | None, bool]:
        if link.external:
            return link.target, True
        vault = self.targets.vault
        target = vault.resolve(link, from_path)
        if target is None:
            return None, vault.resolver.folder(link.target, from_path) is not None  # a folder: shown as text
        if target not in vault.resolver.notes:
            if attachment_kind(target):  # an image, audio, video, PDF, canvas or base: the copied file
                return relative(self.page, self.targets.urls.image(target)), True
            return None, True  # another kind of file: shown as text
        if self.seen is not None:
            self.seen.add(target)
        if not vault.readable(target):
            return None, False  # a note that is not read (too large): it has no page
        page = relative(self.page, self.targets.urls.note(target))
        if not (link.heading or link.block):
            return page, True
        if target == self.page_note:
            fragment, _ = self._fragment(self.own or vault.note(target), link)
            return ("#" + relative(self.page, self.page, fragment).split("#", 1)[1] if fragment else page), True
        if self.holes is not None:
            self.holes.append(Hole(link, target, False))
            return page + f"\x00{len(self.holes) - 1}\x00", True
        # a heading or block the note does not have links to the note, as in Obsidian (the build warns)
        return relative(self.page, self.targets.urls.note(target), self._fragment(vault.note(target), link)[0]), True

    def image(self, link: Link, from_path: str) -> str | None:
        target = self.targets.vault.resolve(link, from_path)
        if target is None or target in self.targets.vault.resolver.notes or not attachment_kind(target):
            return None
        return relative(self.page, self.targets.urls.image(target))

    def transclude(self, link: Link, from_path: str, env: dict[str, Any]) -> str | None:
        vault = self.targets.vault
        target = vault.resolve(link, from_path)
        if self.seen is not None and target is not None:
            self.seen.add(target)
        if target is None or not vault.readable(target):
            return None
        if self.holes is not None:
            self.holes.append(Hole(link, target, True))
            return f"\x00{len(self.holes) - 1}\x00"
        note = vault.whole(target)
        if note is None:
            return None
        # the (note, line) of each embed being shown, this one last: a part of a note may show another part
        chain: tuple[tuple[str, int], ...] = env.get("embed_stack", ()) + ((from_path, link.line),)
        whole = not (link.block or link.heading)
        if len(chain) > MAX_EMBED_DEPTH or embed_loops_back(chain, target, None if whole else
                                                             note.span(link.heading, link.block)):
            return None  # a loop or a chain too deep: show a link instead
        budget = env.setdefault("embed_budget", [MAX_EMBEDDED_BYTES])  # shared by nested embeds' envs
        size = embed_size(note, link, self.targets.sizes)
        if size > budget[0]:
            return None  # the page has taken in all the text it may: show a link instead
        budget[0] -= size
        if link.block:
            tokens = note_tokens.block_tokens(note, link.block, self.targets.course_headings)
        elif link.heading:
            section = note_tokens.find_section(note, link.heading)
            tokens = note_tokens.section_tokens(note, section, self.targets.course_headings) if section else []
        else:
            tokens = note_tokens.body(note, self.targets.course_headings)
        if not tokens:
            return None
        tokens = note_tokens.with_footnotes(note, tokens, self.targets.course_headings)
        counter = env.setdefault("embed_counter", [0])  # shared by nested embeds' envs
        counter[0] += 1
        # footnote ids get a per-embed prefix (markdown-it's docId) so they stay unique on the page
        inner_env = {**env, "from": target, "embed_stack": chain, "docId": f"e{counter[0]}"}
        inner_env.pop("missing_images", None)
        html = unwrap_embeds(render_tokens(tokens, inner_env, self.targets.course_headings))
        env.setdefault("missing_images", []).extend(inner_env.get("missing_images", []))
        html = _IDS.sub(lambda m: m.group(1) or m.group(2), html)  # those anchors belong to the note's own page
        html = _BACKREF.sub("", html)  # a part of a note may not hold the place a footnote was cited
        if html.lstrip().startswith("<li"):  # a list item named by a block id
            html = f"<ul>\n{html}</ul>\n"
        href, _ = self.link(link, from_path)
        title = escape(link_text(link) if (link.heading or link.alias) else note.title)  # a block: its note
        return (f'<div class="embed"><div class="embed-title"><a class="internal-link" href="{escape(href or "")}">'
                f'{title}</a></div><div class="embed-content">\n{html}</div></div>\n')

    def tag_href(self, tag: str) -> str | None:
        if tag not in self.targets.tags_with_pages:
            return None
        return relative(self.page, self.targets.urls.tag(tag))

    def fill(self, html: str, holes: list[Hole], env: dict[str, Any]) -> str:
        """A page rendered with holes (by a linker of the same page), with what they stand for put in, in
        document order: embeds take in text from the page's budget as they would have."""
        def put(match: re.Match) -> str:
            hole = holes[int(match.group(1))]
            if hole.embed:
                return note_embed(hole.link, env)
            fragment, _ = self._fragment(self.targets.vault.note(hole.target), hole.link)
            return "#" + relative(self.page, self.page, fragment).split("#", 1)[1] if fragment else ""

        return unwrap_embeds(_HOLE.sub(put, html)) if holes else html

    # -- helpers
    @staticmethod
    def _fragment(note: Note | None, link: Link) -> tuple[str | None, bool]:
        if note is None:
            return None, False
        if link.block:
            found = link.block in note.block_ids \
                or any(block.block_id == link.block for s in note.sections() for block in s.blocks)
            return ("^" + link.block, True) if found else (None, False)
        if link.heading:
            section = note_tokens.find_section(note, link.heading)
            return (section.slug, True) if section else (None, False)
        return None, True
