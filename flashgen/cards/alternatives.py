"""Subheadings that only number alternatives or examples (`방법1`, `방법2`; `2개 레이어`, `1개 레이어` over code):
one card on what they are alternatives of, each under its label, instead of one card per arbitrary number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashgen.cards.context import RuleContext
from flashgen.cards.model import Card
from flashgen.cards.plain import list_items, topic_of
from flashgen.cards.quality import EMOJI, is_date
from flashgen.cards.text import clean_title, visible_text
from flashgen.vault.heading_text import heading_text
from flashgen.vault.model import Section

# what numbered alternatives are called (`방법1`, `Option 2`, `Example 3`); steps, days and parts are an order
ALTERNATIVE = re.compile(r"^(?:방법|방안|해결책|해결 ?방법|대안|옵션|선택지|예시|예제|예|케이스|option|method|way|approach|"
                         r"solution|alternative|example|sample|case)$", re.I)
ORDER = re.compile(r"\b(?:step|day|part|chapter|week|lesson|lab|phase|round|level|stage|version|v)\b|단계|일차|주차|차시|장|부|"
                   r"강|회차|실습|문제|과제", re.I)
NUMBER = re.compile(r"\d+")
CONTRAST = re.compile(r"^(?:하지만|그러나|그런데|다만|but|however|yet)\b", re.I)
LEAD_SIZE = 200  # a lead-in the front can carry: a sentence or two


@dataclass(frozen=True)
class Alternatives:
    """Sibling subsections whose titles differ only in their numbers, and the section they stand under."""

    parent: Section
    children: tuple[Section, ...]
    label: str  # what they are called, without the numbers (`방법`)
    code_only: bool  # examples in code (`2개 레이어`, `1개 레이어`), not ways of doing something

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(child.line for child in self.children)


def numbered_alternatives(sections: tuple[Section, ...]) -> list[Alternatives]:
    """Runs of two or more sibling subsections with content whose titles are the same but for their numbers,
    each number once: alternatives by name (`방법1`, `Option 2`) or short labels over nothing but code
    (`2개 레이어`, `1개 레이어`). Steps, days and parts (`Step 1`, `Day 2`) are an order, not alternatives."""
    found = []
    for section in sections:
        if len(section.children) < 2:
            continue
        run: list[Section] = []
        for child in section.children + (None,):  # (None ends the last run)
            key = _key(child) if child is not None and child.blocks and not child.children else None
            if run and key == _key(run[0]):
                run.append(child)
                continue
            group = _alternatives(section, run)
            found.extend([group] if group else [])
            run = [child] if key else []
    return found


def _key(section: Section) -> str | None:
    """A title with its numbers masked (`방법#`), for a title with one number and a word or two; else None."""
    if not any(char.isdigit() for char in section.title):
        return None
    plain = _plain(section.title)
    if len(NUMBER.findall(plain)) != 1 or len(plain.split()) > 4 or is_date(plain):
        return None
    return NUMBER.sub("#", plain)


def _plain(title: str) -> str:
    """A title as compared: its visible words, lower case, without emoji, marks and end punctuation."""
    plain = EMOJI.sub("", heading_text(clean_title(title)))
    return " ".join(re.sub(r"[*_`=~]", "", plain).strip(" .:：-–—").lower().split())


def _alternatives(parent: Section, run: list[Section]) -> Alternatives | None:
    if len(run) < 2:
        return None
    titles = [_plain(child.title) for child in run]
    if len({NUMBER.search(title).group(0) for title in titles}) != len(titles):
        return None
    label = " ".join(NUMBER.sub(" ", titles[0]).split())
    code_only = all(block.kind == "code" for child in run for block in child.blocks)
    if ORDER.search(label) or not (ALTERNATIVE.match(label) or code_only and label):
        return None
    return Alternatives(parent, tuple(run), label, code_only and not ALTERNATIVE.match(label))


def _lead_in(parent: Section, first_line: int) -> str:
    """What the parent says right before its alternatives: its last paragraph (with the one before it, when it
    opens with a contrast: `하지만 만약 정말로 하고 싶다면 …`) or the last item of its last list."""
    blocks = [block for block in parent.blocks if block.line < first_line and block.kind in ("paragraph", "list")]
    if not blocks:
        return ""
    last = blocks[-1]
    if last.kind == "list":
        items = list_items(last)
        said = visible_text(items[-1].head) if items else ""
        return said if len(said) <= LEAD_SIZE else ""
    said = " ".join(last.source.split())
    if CONTRAST.match(said) and len(blocks) >= 2 and blocks[-2].kind == "paragraph":
        said = " ".join(blocks[-2].source.split()) + " " + said
    return said if len(visible_text(said)) <= LEAD_SIZE and "```" not in said else ""


def merge_alternatives(ctx: RuleContext, cards: list[Card], groups: list[Alternatives]) -> list[Card]:
    """The explanation cards of each group's subsections, made one card: the parent's lead-in (or its topic and
    what the alternatives are called, `Pod Edit › 방법`) → each alternative's explanation under its title. A
    group some of whose members have no explanation is left as it is."""
    for group in groups:
        lines = set(group.lines)
        found = {card.line: card for card in cards if card.rule == "explain" and card.line in lines}
        if len(found) != len(lines):
            continue
        lead = _lead_in(group.parent, group.children[0].line)
        count = len(group.children)
        front = lead.rstrip(":： ") or f"{topic_of(group.parent, ctx.topic)} › {group.label}"
        prompt = ctx.say("예시로 보여 보세요", "Show it with the examples") if group.code_only \
            else ctx.say(f"{count}가지를 설명해 보세요", f"Explain all {count}")
        back = "\n\n".join(f"**{heading_text(clean_title(child.title))}**\n\n{found[child.line].back}"
                           for child in group.children)
        merged = ctx.card("basic", front, back, group.children[0].line, group.parent, "explain",
                          f"{heading_text(group.parent.title)} › {group.label}", prompt=prompt)
        first = found[group.children[0].line]
        cards = [merged if card is first else card for card in cards
                 if card is first or card.line not in lines or card.rule != "explain"]
    return cards
