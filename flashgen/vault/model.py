"""The parse model: plain frozen dataclasses for a vault's notes, and the parsed Vault that holds them, shared by
decks and site."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from flashgen.config import Config
from flashgen.diagnostics import Diagnostic
from flashgen.vault.files import MAX_NOTE_BYTES, Resolver
from flashgen.vault.slug import slugify


@dataclass(frozen=True)
class Link:
    """A link or embed in a note: `[[x]]`, `![[x]]`, `[t](x)` or `![a](x)`."""

    target: str  # as written (a note name, a path, or a URL); "" for a link into the same note
    line: int
    embed: bool = False
    wiki: bool = True
    heading: str | None = None
    block: str | None = None
    alias: str | None = None
    width: int | None = None
    height: int | None = None

    @property
    def external(self) -> bool:
        """True for URLs (http:, https:, mailto: ...)."""
        return not self.wiki and ":" in self.target.split("/")[0]


@dataclass(frozen=True)
class Block:
    """A top-level piece of a section: paragraph, list, code, table, quote, callout, rule, html, log date."""

    kind: str
    line: int  # 1-based first line
    end_line: int  # 1-based last line
    source: str  # the block's markdown, exactly as written
    block_id: str | None = None


@dataclass(frozen=True)
class Section:
    """A heading (or a numbered lesson line, `implicit`) and what stands under it until the next one."""

    title: str
    level: int  # 0 for the part before the first heading
    slug: str
    line: int
    path: tuple[str, ...]  # titles from the top heading down to this one (the breadcrumb)
    blocks: tuple[Block, ...] = ()
    children: tuple["Section", ...] = ()
    implicit: bool = False

    def walk(self):
        """This section and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class CodeBlock:
    """A fenced or indented code block."""

    lang: str
    code: str
    line: int  # 1-based line of the first code line
    fence_line: int  # 1-based line of the opening fence
    section: tuple[str, ...]
    closed: bool = True

    @property
    def last_line(self) -> int:
        """The 1-based line its code ends on (or, when the code ends with a line break, the closing fence's)."""
        return self.line + self.code.count("\n")


@dataclass(frozen=True)
class LogEntry:
    """A dated study-log entry: from a date line until the next date or a heading that ends it."""

    date: dt.date
    line: int
    end_line: int
    text: str  # the words after the date on its line, may be ""
    section: tuple[str, ...]
    section_slug: str
    source: str  # the entry's markdown
    anchor: str = ""  # the id of the date line in the rendered note
    topics: tuple[str, ...] = ()  # titles of the sections (lesson lines included) that start inside the entry


@dataclass(frozen=True)
class Tag:
    """A tag from frontmatter or a `#tag` in the text."""

    name: str
    line: int


class _NoteShape:
    """What a note and its outline share: where it is, its headings, links, tags and study log. What is worked out
    of them is kept on the (frozen) note once asked: a build asks each many times, and `serve` keeps the outlines
    of the notes an edit did not touch from one rebuild to the next."""

    path: str
    root: Section
    links: tuple[Link, ...]
    tags: tuple[Tag, ...]
    block_lines: tuple[tuple[str, int, int], ...]

    @cached_property
    def folder(self) -> str:
        """The note's folder inside the vault ("" at the top)."""
        return self.path.rpartition("/")[0]

    @cached_property
    def embeds(self) -> tuple[Link, ...]:
        """The links that embed (images, transclusions)."""
        return tuple(link for link in self.links if link.embed)

    @cached_property
    def tag_names(self) -> tuple[str, ...]:
        """Distinct tag names in order of first use."""
        return tuple(dict.fromkeys(tag.name for tag in self.tags))

    def sections(self) -> tuple[Section, ...]:
        """Every section, in document order, the root first."""
        return self._sections

    @cached_property
    def _sections(self) -> tuple[Section, ...]:
        return tuple(self.root.walk())

    def span(self, heading: str | None = None, block: str | None = None) -> tuple[int, int] | None:
        """The first and last line (1-based) of what `#heading` or `#^block` names, or None when the note has no
        such heading or block; with neither, the whole note."""
        if block:
            return next(((first, last) for name, first, last in self.block_lines if name == block), None)
        if not heading:
            return 1, self.line_count
        section = self.find_section(heading)
        if section is None:
            return None
        after = [s.line for s in self.sections() if s.level and s.line > section.line and s.level <= section.level]
        return section.line, (min(after) - 1 if after else self.line_count)

    def find_section(self, heading: str) -> Section | None:
        """The section a `#heading` fragment names: same title, then ignoring case, then same slug."""
        sections = [s for s in self.sections() if s.level]
        wanted = heading.strip()
        slug = slugify(wanted)
        for test in (lambda s: s.title == wanted, lambda s: s.title.lower() == wanted.lower(),
                     lambda s: s.slug == slug or slugify(s.title) == slug):
            for section in sections:
                if test(section):
                    return section
        return None

    line_count: int


@dataclass(frozen=True)
class Note(_NoteShape):
    """One parsed note: everything decks and site need, with source line numbers."""

    path: str  # vault-relative POSIX path, NFC
    title: str
    source: str
    frontmatter: dict[str, Any]
    aliases: tuple[str, ...]
    tags: tuple[Tag, ...]
    root: Section
    links: tuple[Link, ...]
    code_blocks: tuple[CodeBlock, ...]
    log_entries: tuple[LogEntry, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    body_line: int = 1  # first line after the frontmatter
    block_ids: tuple[str, ...] = ()  # every `^id` in the note (paragraphs, list items, lists, quotes, tables ...)
    block_lines: tuple[tuple[str, int, int], ...] = ()  # (id, first line, last line) of each block with an id
    tokens: tuple = field(default=(), compare=False, repr=False)

    @property
    def line_count(self) -> int:  # type: ignore[override]
        """The number of lines of the note's text."""
        return self.source.count("\n") + 1

    def outline(self) -> NoteOutline:
        """What other notes and the pages that gather notes need of this one, without its text."""
        return NoteOutline(self.path, self.title, self.aliases, self.tags, _outlined(self.root), self.links,
                           tuple(replace(entry, source="") for entry in self.log_entries), self.diagnostics,
                           self.block_ids, self.block_lines, self.line_count)


@dataclass(frozen=True)
class NoteOutline(_NoteShape):
    """A note as the rest of the vault sees it: title, headings (their blocks only where they carry an id),
    links, tags and study log, without its text. A build keeps it for every note it did not read again; what
    needs the text (a transclusion, a note's own page and cards) asks the vault for the whole note."""

    path: str
    title: str
    aliases: tuple[str, ...]
    tags: tuple[Tag, ...]
    root: Section
    links: tuple[Link, ...]
    log_entries: tuple[LogEntry, ...]  # without their source
    diagnostics: tuple[Diagnostic, ...]
    block_ids: tuple[str, ...]
    block_lines: tuple[tuple[str, int, int], ...]
    line_count: int  # type: ignore[assignment]


def _outlined(section: Section) -> Section:
    return replace(section, blocks=tuple(replace(block, source="") for block in section.blocks if block.block_id),
                   children=tuple(_outlined(child) for child in section.children))


@dataclass(frozen=True)
class Attachment:
    """A file in the vault that notes can embed: an image, audio, video, PDF, canvas or base
    (flashgen.vault.files.ATTACHMENT_KINDS)."""

    path: str  # vault-relative POSIX path, NFC
    size: int


@dataclass
class Vault:
    """A parsed vault: its notes, attachments, settings, link resolver and what went wrong."""

    root: Path
    config: Config
    notes: tuple[Note | NoteOutline, ...]
    attachments: tuple[Attachment, ...]
    resolver: Resolver
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # vault path -> file on disk
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)  # vault path -> (size, mtime in ns)
    # note path -> line of a code fence -> (title, messages): what Kubernetes rejects in the manifest it shows
    code_warnings: dict[str, dict[int, tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    # reads and parses a note again (flashgen.vault.parse.parse_file): for whole() on a note held as an outline
    reread: Callable[[str], Note | None] | None = field(default=None, repr=False)

    def note(self, path: str) -> Note | NoteOutline | None:
        """The note at a vault path: the whole note where this build read it, else its outline."""
        return self._by_path.get(path)

    def readable(self, path: str) -> bool:
        """Whether the vault path is a note that a build reads (and so has a page): one not over the size limit.
        Known from the walk alone, before any note is read."""
        stamp = self.stamps.get(path)
        return path in self.resolver.notes and stamp is not None and stamp[0] <= MAX_NOTE_BYTES

    def whole(self, path: str) -> Note | None:
        """The whole note at a vault path, read again from its file when the vault holds only its outline."""
        found = self._by_path.get(path)
        if isinstance(found, NoteOutline):
            if self.reread is None:
                return None
            found = self._whole.get(path) or self._whole.setdefault(path, self.reread(path))
        return found

    def __post_init__(self) -> None:
        self._by_path = {note.path: note for note in self.notes}
        self._whole: dict[str, Note | None] = {}

    def resolve(self, link: Link, from_path: str) -> str | None:
        """The vault path a link points at, or None when it is missing or outside the vault."""
        if link.external:
            return None
        return self.resolver.resolve(link.target, from_path)
