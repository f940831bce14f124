"""Cards from plain notes with no card markup: definition bullets, term bullets with an explanation,
labelled lists, self-asked questions, and "explain this section" cards."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashgen.cards.context import RuleContext, chunks_of
from flashgen.cards.model import Card
from flashgen.cards.text import (
    BULLET,
    SENTENCE_END,
    URL,
    clean_title,
    dedent_lines,
    is_short_label,
    mask_code,
    split_block_id,
    visible_text,
)
from flashgen.vault.markdown.datelog import match_date
from flashgen.vault.model import Block, Section

# `term - definition`, `term – definition`, `term — definition`, `term: definition`, `**term**: definition`
DEF_DASH = re.compile(r"^(?P<term>[^\s].*?)\s+[-–—]{1,2}\s+(?P<def>\S.*)$")
DEF_COLON = re.compile(r"^(?P<term>\*\*[^*]+\*\*|[^\s:][^:]*?)\s*[:：]\s+(?P<def>\S.*)$")
DEF_BOLD = re.compile(r"^\*\*(?P<term>[^*]+)\*\*\s*[:：-]\s*(?P<def>\S.*)$")
PAREN_TERM = re.compile(r"^(?P<term>[A-Za-z][\w.\-/]*(?: [A-Za-z][\w.\-/]*){0,3})\s*\((?P<def>[^()]*\s[^()]*)\)$")
EMBED_ONLY = re.compile(r"^\s*(?:!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\))\s*$")
ARROW = re.compile(r"^\s*(?:-+>|=+>|>+|→|<<)\s*")


@dataclass(frozen=True)
class Item:
    """A top-level list item: its first line, the indented lines under it, and where it starts."""

    head: str
    body: tuple[str, ...]
    line: int
    ordered: bool = False


def list_items(block: Block) -> list[Item]:
    """Split a list block into its top-level items."""
    lines = block.source.split("\n")
    base = None
    items: list[list[str]] = []
    starts: list[int] = []
    ordered = bool(re.match(r"^\s*\d", lines[0]))
    for offset, line in enumerate(lines):
        match = BULLET.match(line)
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if match and (base is None or indent <= base):
            base = indent if base is None else base
            items.append([line[match.end():]])
            starts.append(block.line + offset)
        elif items and (indent > (base or 0) or not line.strip()):
            items[-1].append(line)
        elif items:
            items[-1].append(None)  # a lazy continuation line: text that merely follows the list
    return [Item(item[0].strip(), tuple(dedent_lines(_until_lazy(item[1:]))), start, ordered)
            for item, start in zip(items, starts)]


def _until_lazy(lines: list) -> list[str]:
    out = []
    for line in lines:
        if line is None:
            break
        out.append(line)
    return out


def split_definition(text: str) -> tuple[str, str] | None:
    """(term, definition) when a bullet reads as a definition."""
    masked = mask_code(text)
    for pattern in (DEF_BOLD, DEF_DASH, DEF_COLON):
        match = pattern.match(masked)
        if not match:
            continue
        term = text[match.start("term"):match.end("term")].strip().strip("*").strip()
        definition = text[match.start("def"):].strip()
        if not is_short_label(term) or SENTENCE_END.search(term) and len(term) > 12:
            continue
        if not visible_text(definition) or "::" in text:
            continue
        return term, definition
    return None


def _body_markdown(body: tuple[str, ...]) -> str:
    return "\n".join(line for line in body).strip()


def _intro_label(section: Section, block: Block) -> str:
    """The line that introduces a list (`마스터 컴포넌트:`), if the block right before it ends with a colon."""
    blocks = section.blocks
    index = blocks.index(block)
    if index == 0:
        return ""
    previous = blocks[index - 1]
    if previous.kind != "paragraph" or block.line - previous.end_line > 2:
        return ""
    last = previous.source.strip().split("\n")[-1].strip()
    if not last.endswith((":", "：")):
        return ""
    # only the sentence that introduces the list: "…합니다. etcd의 주요 특징은 다음과 같습니다:"
    return re.split(r"(?<=[.!?])\s+", last.rstrip(":：").strip())[-1]


def definition_cards(ctx: RuleContext, section: Section, used: set[int]) -> list[Card]:
    """`term - definition` bullets, term bullets with nested explanation, and `Term(explanation)` bullets."""
    cards: list[Card] = []
    for block in section.blocks:
        if block.kind != "list":
            continue
        intro = _intro_label(section, block)
        prompt = f"{intro} · 무엇인가요?" if intro else "무엇인가요? · What is it?"
        for item in list_items(block):
            if item.line in used:
                continue
            head, block_id = split_block_id(item.head)
            found = split_definition(head) if ctx.on("definitions") else None
            body = _body_markdown(item.body)
            if found:
                term, definition = found
                back = definition + ("\n\n" + body if body else "")
                cards.append(ctx.card("basic", term, back, item.line, section, "definition", term, block_id,
                                      prompt=prompt))
                continue
            if not ctx.on("terms") or item.ordered:
                continue  # numbered items are steps, not terms
            head = head.strip()
            if body and is_short_label(head) and not head.endswith((":", "?")) and len(visible_text(body)) >= 4:
                cards.append(ctx.card("basic", head, body, item.line, section, "term", head, prompt=prompt))
                continue
            paren = PAREN_TERM.match(head)
            if paren and not body:
                term = paren.group("term").strip()
                cards.append(ctx.card("basic", term, paren.group("def").strip(), item.line, section, "term", term,
                                      prompt=prompt))
    return cards


def list_cards(ctx: RuleContext, section: Section, used: set[int]) -> list[Card]:
    """`Label:` followed by a list of 2-10 items gives a card that asks for the whole list."""
    cards: list[Card] = []
    for block in section.blocks:
        if block.kind != "list":
            continue
        intro = _intro_label(section, block)
        items = list_items(block)
        if not intro or not 2 <= len(items) <= 10 or any(item.line in used for item in items):
            continue
        names = []
        for item in items:
            found = split_definition(item.head)
            names.append(found[0] if found else item.head)
        back = "\n".join(f"- {name}" for name in names)
        cards.append(ctx.card("basic", intro, back, block.line - 1, section, "list", intro,
                              prompt=f"{len(items)}가지를 나열해 보세요 · List all {len(items)}"))
    return cards


def question_cards(ctx: RuleContext, section: Section, used: set[int]) -> list[Card]:
    """A line that asks itself a question and answers it on the same line: `X는 뭐다? 답`."""
    cards: list[Card] = []
    for block in section.blocks:
        if block.kind not in ("paragraph", "list"):
            continue
        for offset, raw in enumerate(block.source.split("\n")):
            number = block.line + offset
            if number in used or "::" in raw:
                continue
            line = BULLET.sub("", raw, count=1).strip()
            masked = mask_code(line)
            at = masked.find("?")
            if at < 0:
                continue
            question = line[:at + 1].strip()
            answer = ARROW.sub("", line[at + 1:]).strip()
            if len(visible_text(question)) < 4 or len(question) > 90 or len(visible_text(answer)) < 4 or "?" in mask_code(answer):
                continue
            cards.append(ctx.card("basic", question, answer, number, section, "question", question))
    return cards


def label_cards(ctx: RuleContext, section: Section, used: set[int]) -> list[Card]:
    """A paragraph that opens with a short label line (`서비스 타입`) and explains it on the lines below.
    The section's first paragraph is left to its "explain" card."""
    cards: list[Card] = []
    content = [b for b in section.blocks if b.kind not in ("log_date", "rule", "html")]
    for block in content[1:]:
        if block.kind != "paragraph" or block.line in used:
            continue
        lines = [line for line in block.source.split("\n") if line.strip()]
        if len(lines) < 2:
            continue
        label = lines[0].strip()
        body = "\n".join(line.strip() for line in lines[1:] if not _is_source_line(line))
        if not is_short_label(label, 40) or SENTENCE_END.search(label) or label.endswith(":") \
                or "?" in label or not visible_text(URL.sub("", label)):
            continue
        if len(visible_text(URL.sub("", body))) < 8:
            continue
        cards.append(ctx.card("basic", label, body, block.line, section, "label", label,
                              prompt="설명해 보세요 · Explain"))
    return cards


def _is_source_line(line: str) -> bool:
    """`출처: https://…` and similar citation lines add nothing to an answer."""
    return bool(re.match(r"^\s*(출처|source|참고|ref)\s*[:：]", line, re.I))


def explain_card(ctx: RuleContext, section: Section, used: set[int], missing: set[str],
                 covered: int = 0) -> Card | None:
    """A heading (or lesson line) whose section has content: "explain this", with the content as the answer,
    cut at the first rule or new study day, and kept within the configured size. A section that other
    rules already turned into two or more cards gets none."""
    if not section.level or covered >= 2:
        return None
    title = clean_title(section.title)
    parts: list[str] = []
    size = lines = 0
    first_line = None
    for chunk in chunks_of(section):
        kinds = chunk.kinds
        if kinds[0] in ("rule", "log_date") and parts:
            break
        if kinds[0] in ("rule", "log_date", "html", "footnotes") or chunk.line in used:
            continue
        text = "\n".join(line for line in chunk.lines if not _skippable(line, missing))
        if kinds[0] != "code":
            text = "\n".join(line for line in text.split("\n") if not _is_log_line(line))
        if not text.strip() or (kinds[0] != "code" and len(visible_text(text)) < 2 and not URL.search(text)):
            continue
        if kinds[0] != "code" and not visible_text(URL.sub("", text)):
            continue  # links only: nothing to recall
        chunk_lines = text.count("\n") + 1
        if parts and (size + len(text) > ctx.config.max_answer_chars or lines + chunk_lines > ctx.config.max_answer_lines):
            break
        if not parts and (len(text) > ctx.config.max_answer_chars or chunk_lines > ctx.config.max_answer_lines):
            text = _shorten(text, ctx.config.max_answer_chars, ctx.config.max_answer_lines)
        parts.append(text)
        size += len(text)
        lines += chunk_lines
        first_line = first_line or chunk.line
    back = "\n\n".join(parts).strip()
    if len(visible_text(back)) < 12 or visible_text(back) == visible_text(title):
        return None
    return ctx.card("basic", title, back, section.line, section, "explain", title, prompt="설명해 보세요 · Explain")


def _skippable(line: str, missing: set[str]) -> bool:
    """Bare URL lines, and embeds of images that are not in the vault: a card must not show only a placeholder."""
    if URL.fullmatch(line.strip()):
        return True
    match = EMBED_ONLY.match(line)
    if not match:
        return False
    name = re.sub(r"^!\[\[|\]\]$|\|.*$", "", line.strip())
    return name in missing


def _is_log_line(line: str) -> bool:
    return match_date(line.strip()) is not None


def _shorten(text: str, chars: int, lines: int) -> str:
    kept = text.split("\n")[:lines]
    out = "\n".join(kept)
    if len(out) > chars:
        out = out[:chars].rsplit(" ", 1)[0]
    return out.rstrip() + " …"
