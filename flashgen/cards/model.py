"""The Card dataclass: one flashcard with where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Card:
    """A flashcard. `front`/`back` are markdown; a cloze card's `front` holds Anki `{{cN::...}}` markup."""

    kind: str  # "basic" | "reversed" | "cloze"
    front: str
    back: str
    note_path: str
    line: int
    heading_path: tuple[str, ...]  # the headings above it, as a reader sees them (the breadcrumb)
    tags: tuple[str, ...]
    rule: str  # which rule made it: explicit, multiline, cloze, definition, term, list, question, explain, manifest
    anchor: str  # the stable part of its identity: the key text (term, question, title), never the answer
    deck: tuple[str, ...] = ()  # deck path, top deck first
    block_id: str | None = None
    prompt: str = ""  # a short instruction shown with the front, e.g. "설명해 보세요 · Explain"
    section_slug: str = ""
    auto_clozes: tuple[int, ...] = ()  # cloze numbers flashgen chose (for `==x==`, `{{x}}`), not the author
    section_key: tuple[str, ...] = ()  # the headings as written (`heading_path` is their visible text)

    @property
    def identity(self) -> str:
        """What the note GUID is derived from: the note's path and a stable anchor."""
        if self.block_id:
            return f"{self.note_path}#^{self.block_id}"
        return f"{self.note_path}#{' > '.join(self.section_key or self.heading_path)}#{self.rule_family}:{self.anchor}"

    @property
    def rule_family(self) -> str:
        """Rules whose cards may turn into each other when a note is edited share a family."""
        return {"explicit": "qa", "multiline": "qa", "definition": "qa", "term": "qa", "question": "qa"}.get(
            self.rule, self.rule)
