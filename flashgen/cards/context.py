"""What every card rule gets: the note, its settings, and a helper that fills in a Card's provenance."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from flashgen.cards.language import say
from flashgen.cards.model import Card
from flashgen.cards.naming import SLUG
from flashgen.cards.quality import is_generic, words
from flashgen.config import Config
from flashgen.vault.heading_text import heading_text
from flashgen.vault.model import Block, Note, Section


@dataclass(frozen=True)
class Chunk:
    """Blocks of a section that touch each other (no blank line between): what a reader sees as one piece."""

    blocks: tuple[Block, ...]

    @property
    def line(self) -> int:
        return self.blocks[0].line

    @property
    def lines(self) -> list[str]:
        out: list[str] = []
        for block in self.blocks:
            out.extend(block.source.split("\n"))
        return out

    @property
    def source(self) -> str:
        return "\n".join(self.lines)

    @property
    def end_line(self) -> int:
        return self.blocks[-1].end_line

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(block.kind for block in self.blocks)

    def code_lines(self) -> set[int]:
        """Indexes (into `lines`) of the lines of its code blocks."""
        out: set[int] = set()
        for block in self.blocks:
            if block.kind == "code":
                out.update(range(block.line - self.line, block.end_line - self.line + 1))
        return out

    def parts(self) -> list["Chunk"]:
        """The chunks it is made of when code blocks stand apart."""
        return _group(self.blocks, join_code=False)


def chunks_of(section: Section, join_code: bool = False) -> list[Chunk]:
    """The section's own blocks grouped into chunks; with `join_code`, code blocks join the text they touch
    (a `?` card's answer may be a command or a manifest)."""
    return _group(section.blocks, join_code)


# HTML that only wraps what the note shows (`<details><summary>Solution</summary>` ⏎ `<p>`, `</p>` ⏎ `</details>`):
# no part of what a reader reads, so it stands apart from the blocks it touches (and, as HTML, is on no card)
WRAPPER_HTML = re.compile(r"(?:\s*</?(?:details|summary|p|div|span|center|section|article)\b[^>]*>(?:[^<>\n]{0,40}"
                          r"</summary>)?)+\s*", re.I)


def _group(blocks: tuple[Block, ...], join_code: bool) -> list[Chunk]:
    apart = ("rule", "log_date") if join_code else ("code", "rule", "log_date")
    groups: list[list[Block]] = []
    for block in blocks:
        if groups and block.line == groups[-1][-1].end_line + 1 and block.kind not in apart \
                and groups[-1][-1].kind not in apart and not _wrapper(block) and not _wrapper(groups[-1][-1]):
            groups[-1].append(block)
        else:
            groups.append([block])
    return [Chunk(tuple(group)) for group in groups]


# lines of line breaks alone (`<br>`, `<br><br>`) that a note puts between its parts for space
SPACER_LINES = re.compile(r"^(?:[ \t]*(?:<br\s*/?>[ \t]*)+(?:\n|$)|[ \t]*\n)+|(?:\n[ \t]*(?:<br\s*/?>[ \t]*)*)+$", re.I)


def _unspaced(text: str) -> str:
    """A side without the space a note put around its parts: blank lines and lines of `<br>` at its start and end."""
    return SPACER_LINES.sub("", text).strip()


def _wrapper(block: Block) -> bool:
    return block.kind == "html" and bool(WRAPPER_HTML.fullmatch(block.source))


# (of a title that is a slug, naming.SLUG: the marks of one and how long a run of words must be)
SLUG_MARK = re.compile(r"[-_0-9]")
SLUG_JOINED = 12  # letters of a lower-case title that can only be words run together (`contextswitching`)


@dataclass(frozen=True)
class RuleContext:
    """One note being turned into cards."""

    note: Note
    config: Config
    tags: tuple[str, ...]
    deck: tuple[str, ...]
    rules: frozenset[str]
    language: str = "both"  # of the prompts: "ko", "en" or "both"

    def on(self, rule: str) -> bool:
        return rule in self.rules

    @cached_property
    def topic(self) -> str:
        """What the note is about, as a front names it: its title, or for a file-name slug (`contextswitching`,
        `11-news`) the heading the note opens with (`컨텍스트 스위칭`), when that names a topic."""
        title = self.note.title
        if not SLUG.fullmatch(title) or not (len(title) >= SLUG_JOINED or SLUG_MARK.search(title)):
            return title
        root = self.note.root
        first = root.children[0] if root.children and not root.blocks else None
        if first is None:
            return title
        opening = heading_text(first.title).strip()
        return opening if words(opening) and not is_generic(opening) else title

    def say(self, korean: str, english: str) -> str:
        """A prompt in the note's language."""
        return say(self.language, korean, english)

    def card(self, kind: str, front: str, back: str, line: int, section: Section, rule: str, anchor: str,
             block_id: str | None = None, prompt: str = "") -> Card:
        return Card(kind=kind, front=_unspaced(front), back=_unspaced(back), note_path=self.note.path, line=line,
                    heading_path=tuple(heading_text(title) for title in section.path), tags=self.tags, rule=rule,
                    anchor=" ".join(anchor.split()), deck=self.deck, block_id=block_id, prompt=prompt,
                    section_slug=section.slug, section_key=section.path)
