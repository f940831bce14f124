"""Fields of an example manifest explained by the example's own values (`**max**: no more than 1 CPU and 1Gi`):
what the example sets, not what the field means."""

from __future__ import annotations

import re

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
