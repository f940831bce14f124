"""What every card rule gets: the note, its settings, and a helper that fills in a Card's provenance."""

from __future__ import annotations

from dataclasses import dataclass

from flashgen.cards.model import Card
from flashgen.config import Config
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
    def kinds(self) -> tuple[str, ...]:
        return tuple(block.kind for block in self.blocks)


def chunks_of(section: Section) -> list[Chunk]:
    """The section's own blocks grouped into chunks."""
    groups: list[list[Block]] = []
    for block in section.blocks:
        apart = ("code", "rule", "log_date")
        if groups and block.line == groups[-1][-1].end_line + 1 and block.kind not in apart \
                and groups[-1][-1].kind not in apart:
            groups[-1].append(block)
        else:
            groups.append([block])
    return [Chunk(tuple(group)) for group in groups]


@dataclass(frozen=True)
class RuleContext:
    """One note being turned into cards."""

    note: Note
    config: Config
    tags: tuple[str, ...]
    deck: tuple[str, ...]
    rules: frozenset[str]

    def on(self, rule: str) -> bool:
        return rule in self.rules

    def card(self, kind: str, front: str, back: str, line: int, section: Section, rule: str, anchor: str,
             block_id: str | None = None, prompt: str = "") -> Card:
        return Card(kind=kind, front=front.strip(), back=back.strip(), note_path=self.note.path, line=line,
                    heading_path=section.path, tags=self.tags, rule=rule, anchor=" ".join(anchor.split()),
                    deck=self.deck, block_id=block_id, prompt=prompt, section_slug=section.slug)
