"""The site's Linker: relative URLs between pages, copied images and note or heading transclusion."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Any

from flashgen.render.html import link_text, render_tokens
from flashgen.site import tokens as note_tokens
from flashgen.site.urls import SiteUrls, relative
from flashgen.vault.links import is_image
from flashgen.vault.model import Link, Note

MAX_EMBED_DEPTH = 4
MAX_EMBEDDED_BYTES = 5 * 1024 * 1024  # text one page takes in from the notes it embeds; past it, embeds are links
_IDS = re.compile(r'(<(?:h[1-6]|p)\b[^>]*?) id="[^"]*"|(<li\b[^>]*?) id="\^[^"]*"')
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


def _embedded_blocks(note: Note, link: Link) -> list[Any] | None:
    """The blocks an embed takes in (None: the whole note)."""
    if link.block:
        return [b for s in note.sections() for b in s.blocks if b.block_id == link.block or f"^{link.block}" in b.source]
    if link.heading:
        section = note_tokens.find_section(note, link.heading)
        return [b for s in section.walk() for b in s.blocks] if section else []
    return None


def embed_size(note: Note, link: Link, sizes: dict[str, int]) -> int:
    """The bytes of text (UTF-8) an embed of `note` takes in: what it costs a page's budget. `sizes` keeps
    whole notes' sizes, by path."""
    blocks = _embedded_blocks(note, link)
    if blocks is not None:
        return sum(len(b.source.encode("utf-8", "replace")) for b in blocks)
    if note.path not in sizes:
        sizes[note.path] = len(note.source.encode("utf-8", "replace"))
    return sizes[note.path]


def capped_embeds(vault: Any, note: Note) -> list[tuple[Link, str]]:
    """The embeds (and their targets) that the page of `note` shows as links because the text embedded
    before them has used up MAX_EMBEDDED_BYTES: the same walk, in the same order, as rendering does."""
    budget = [MAX_EMBEDDED_BYTES]
    sizes: dict[str, int] = {}
    capped: list[tuple[Link, str]] = []

    def walk(current: Note, links: Any, stack: tuple[str, ...]) -> None:
        for link in links:
            if not link.embed or link.external:
                continue
            target = vault.resolve(link, current.path)
            found = vault.note(target) if target in vault.resolver.notes else None
            if found is None or target in stack or len(stack) > MAX_EMBED_DEPTH:
                continue
            size = embed_size(found, link, sizes)
            if size > budget[0]:
                if current is note:
                    capped.append((link, target))
                continue
            budget[0] -= size
            blocks = _embedded_blocks(found, link)
            inner = found.links if blocks is None else [
                inner for inner in found.links if any(b.line <= inner.line <= b.end_line for b in blocks)]
            walk(found, inner, stack + (target,))

    walk(note, note.links, (note.path,))
    return capped


@dataclass
class LinkTargets:
    """What every page's linker shares: the vault, the page map, and the set of pages that exist."""

    vault: Any  # flashgen.vault.parse.Vault
    urls: SiteUrls
    tags_with_pages: set[str] = field(default_factory=set)
    course_headings: bool = True
    sizes: dict[str, int] = field(default_factory=dict)  # embedded notes' sizes in bytes, by path


class SiteLinker:
    """Links, images, tags and transclusions for one site page (URLs are relative to that page)."""

    def __init__(self, targets: LinkTargets, page: str, page_note: str | None = None) -> None:
        self.targets = targets
        self.page = page
        self.page_note = page_note  # the note whose own page this is, for `#heading` links

    # -- Linker protocol
    def link(self, link: Link, from_path: str) -> tuple[str | None, bool]:
        if link.external:
            return link.target, True
        vault = self.targets.vault
        target = vault.resolve(link, from_path)
        if target is None:
            return None, False
        if target not in vault.resolver.notes:
            if is_image(target):
                return relative(self.page, self.targets.urls.image(target)), True
            return None, True  # another kind of file: shown as text
        note = vault.note(target)
        if note is None:
            return None, False  # a note that was not read (too large): it has no page
        fragment, found = self._fragment(note, link)
        if target == self.page_note and fragment:
            return "#" + relative(self.page, self.page, fragment).split("#", 1)[1], found
        return relative(self.page, self.targets.urls.note(target), fragment), found

    def image(self, link: Link, from_path: str) -> str | None:
        target = self.targets.vault.resolve(link, from_path)
        if target is None or target in self.targets.vault.resolver.notes or not is_image(target):
            return None
        return relative(self.page, self.targets.urls.image(target))

    def transclude(self, link: Link, from_path: str, env: dict[str, Any]) -> str | None:
        vault = self.targets.vault
        target = vault.resolve(link, from_path)
        if target is None or target not in vault.resolver.notes:
            return None
        stack: tuple[str, ...] = env.get("embed_stack", (from_path,))
        if target in stack or len(stack) > MAX_EMBED_DEPTH:
            return None  # a loop or a chain too deep: show a link instead
        note = vault.note(target)
        if note is None:
            return None
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
        inner_env = {**env, "from": target, "embed_stack": stack + (target,), "docId": f"e{counter[0]}"}
        inner_env.pop("missing_images", None)
        html = unwrap_embeds(render_tokens(tokens, inner_env, self.targets.course_headings))
        env.setdefault("missing_images", []).extend(inner_env.get("missing_images", []))
        html = _IDS.sub(lambda m: m.group(1) or m.group(2), html)  # those anchors belong to the note's own page
        html = _BACKREF.sub("", html)  # a part of a note may not hold the place a footnote was cited
        if html.lstrip().startswith("<li"):  # a list item named by a block id
            html = f"<ul>\n{html}</ul>\n"
        href, _ = self.link(link, from_path)
        title = escape(link_text(link) if (link.heading or link.block or link.alias) else note.title)
        return (f'<div class="embed"><div class="embed-title"><a class="internal-link" href="{escape(href or "")}">'
                f'{title}</a></div><div class="embed-content">\n{html}</div></div>\n')

    def tag_href(self, tag: str) -> str | None:
        if tag not in self.targets.tags_with_pages:
            return None
        return relative(self.page, self.targets.urls.tag(tag))

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
