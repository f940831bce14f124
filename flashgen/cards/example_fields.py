"""Fields of an example manifest explained under it: by the example's own values (`**max**: no more than 1 CPU
and 1Gi`, what the example sets, not what the field means), or in words, asked with the manifest's kind."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from flashgen.cards.model import Card
from flashgen.cards.text import fenced, visible_text
from flashgen.vault.model import Section

VALUE = re.compile(r"[\"']?([^\s\"'#,\[\]{}]*\d[^\s\"'#,\[\]{}]*)[\"']?")


def gives_example_values(card: Card, section: Section) -> bool:
    """A definition whose term is a field of a YAML block of its section and whose meaning (its own line) repeats a
    value set under that field (`512Mi`, `1Gi`, `30s`)."""
    if card.rule != "definition":
        return False
    said = set(re.findall(r"[\w.]+", visible_text(card.back.split("\n", 1)[0])))  # the meaning, not its sub-items
    term = re.escape(visible_text(card.anchor).strip().strip("`"))
    for block in section.blocks:
        found = fenced(block.source) if block.kind == "code" else None
        if found and found[0].lower() in ("", "yaml", "yml") \
                and any(value in said for value in _values_under(found[1], term)):
            return True
    return False


KEY = re.compile(r"[A-Za-z][\w.-]*")
KIND = re.compile(r"^kind:\s*[\"']?([A-Z]\w*)[\"']?\s*$", re.M)


def manifests_of(section: Section) -> list[tuple[str, str]]:
    """(kind, YAML) of each manifest written in the section's own blocks."""
    found = []
    for block in section.blocks:
        code = fenced(block.source) if block.kind == "code" and "\nkind:" in block.source else None
        kind = KIND.search(code[1]) if code and code[0].lower() in ("", "yaml", "yml") else None
        found.extend([(kind.group(1), code[1])] if kind else [])
    return found


def field_of_kind(card: Card, manifests: Callable[[], list[tuple[str, str]]]) -> Card:
    """A term or definition whose term is a key of a manifest of its section (`manifests()`, read once on demand):
    `- **`metadata`**` ⏎ `  - `name`: …` under a ConfigMap's YAML is a field of that kind, so its front names the
    kind (`ConfigMap › `metadata``), which neither the bare key nor the headings above it (`주요 개념 및 특징`) nor the
    note's name say."""
    if card.rule not in ("definition", "term") or card.front != card.anchor:
        return card
    term = card.anchor.strip("*_` ")
    if not KEY.fullmatch(term):
        return card
    for kind, code in manifests():
        if not any(kind.lower() in re.sub(r"[\s_-]+", "", title).lower()
                   for title in (*card.heading_path, card.note_path.rsplit("/", 1)[-1])) \
                and re.search(rf"^\s*(?:-\s+)?{re.escape(term)}\s*:", code, re.M):
            return replace(card, front=f"{kind} › {card.front}")
    return card


def _values_under(code: str, term: str) -> set[str]:
    """The values with a digit (`512Mi`, `"500m"`, `8080`) set on the field's line or the lines indented under it."""
    values: set[str] = set()
    lines = code.split("\n")
    for at, line in enumerate(lines):
        key = re.match(rf"^(\s*)(?:-\s+)?{term}\s*:(.*)$", line)
        if not key:
            continue
        indent = len(key.group(1))
        taken = [key.group(2)]
        for below in lines[at + 1:]:
            if below.strip() and len(below) - len(below.lstrip()) <= indent:
                break
            taken.append(below.split(":", 1)[-1])
        values |= {found.group(1) for text in taken for found in VALUE.finditer(text) if len(found.group(1)) >= 2}
    return values
