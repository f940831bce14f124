"""A visible warning wherever a manifest Kubernetes would reject, or a kubectl command kubectl would, is shown (a
card, a note's page), with the lint's correction (`spec.JobTemplate` → `jobTemplate`, `kubectl desribe` → `kubectl
describe`), so that nothing teaches an invalid manifest or command as written."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from flashgen.cards.context import RuleContext
from flashgen.cards.language import note_language, say
from flashgen.cards.model import Card
from flashgen.config import Config
from flashgen.diagnostics import Diagnostic
from flashgen.vault.model import CodeBlock, Note


def rejected(note: Note, problems: Sequence[Diagnostic]) -> list[tuple[CodeBlock, list[Diagnostic]]]:
    """Each code block of the note with the problems found in its lines."""
    out = []
    for code in note.code_blocks:
        inside = [p for p in problems if p.path == note.path and code.line <= p.line <= code.last_line]
        if inside:
            out.append((code, inside))
    return out


COMMAND = "kubectl-command"  # the code of the check of kubectl commands (flashgen.kube.commands)


def title(language: str, commands: bool = False) -> str:
    """The warning's title: a rejected command over a block whose problems are all kubectl's, else a manifest."""
    if commands:
        return say(language, "⚠️ kubectl이 거부하는 명령", "⚠️ kubectl rejects this command")
    return say(language, "⚠️ Kubernetes가 거부하는 매니페스트", "⚠️ Kubernetes rejects this manifest")


def fence_warnings(note: Note, problems: Sequence[Diagnostic], config: Config) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Fence line -> (title, messages) for the note's page."""
    language = note_language(note, config)
    return {code.fence_line: (title(language, _commands(inside)), tuple(_messages(inside)))
            for code, inside in rejected(note, problems)}


def warn_rejected(ctx: RuleContext, card: Card, problems: Sequence[Diagnostic]) -> Card:
    """The card with a warning above its answer for each problem in a code block it shows (for a card of one of a
    block's documents, in that document; for commands, on the lines the card shows)."""
    found: list[str] = []
    heading = ""
    for code, inside in rejected(ctx.note, problems):
        commands = _commands(inside)
        if commands and _in_section(card, code):
            # a command is checked by its own line: a card may show a block's commands one at a time
            shown = card.front + "\n" + card.back
            written = code.code.split("\n")
            inside = [p for p in inside if written[p.line - code.line].strip() in shown]
        elif not _shows(card, code):
            continue
        elif card.rule == "manifest" and card.line != code.fence_line:
            lines = _document_lines(code, card.line)
            inside = [p for p in inside if p.line in lines]
        if not inside:
            continue
        heading = heading or title(ctx.language, commands)
        found.extend(message for message in _messages(inside) if message not in found)
    if not found:
        return card
    warning = "\n".join([f"> [!warning] {heading}"] + [f"> - {_escaped(message)}" for message in found])
    return replace(card, back=f"{warning}\n\n{card.back}".strip())


def _commands(problems: list[Diagnostic]) -> bool:
    """Whether the problems of a block are all kubectl's (the block holds commands, not a manifest)."""
    return all(p.code == COMMAND for p in problems)


def _messages(problems: list[Diagnostic]) -> list[str]:
    return list(dict.fromkeys(p.message for p in problems))


def _shows(card: Card, code: CodeBlock) -> bool:
    """Whether the card shows this code block: a manifest card made from it, or a card of the same section (or,
    for an exercise, of its answer's) that quotes it (as far as it shows it, when it is cut)."""
    if card.rule == "manifest":  # (at the fence, or at its document's first line when a block gives a card per object)
        return code.fence_line <= card.line <= code.last_line
    if not _in_section(card, code):
        return False
    lines = code.code.rstrip("\n").split("\n")[:2]
    return "\n".join(lines) in card.front + "\n" + card.back


def _in_section(card: Card, code: CodeBlock) -> bool:
    """Whether the card is of the code block's section (or, for an exercise, of its answer's: `문제` and `답안`
    under one heading)."""
    key = card.section_key or card.heading_path
    return key == code.section or card.rule == "exercise" and key[:-1] == code.section[:-1]


def _document_lines(code: CodeBlock, first: int) -> range:
    """The lines of the document of a YAML block that starts at `first`, up to the next `---`."""
    after = code.code.split("\n")[first - code.line:]
    length = next((index for index, line in enumerate(after) if line.rstrip() == "---"), len(after))
    return range(first, first + length)


def _escaped(message: str) -> str:
    """A lint message as literal text: its field names in code spans stay readable in any renderer."""
    return message.replace("`", "'")
