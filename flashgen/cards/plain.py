"""Cards from plain notes with no card markup: definition bullets, term bullets with an explanation,
labelled lists, self-asked questions, and "explain this section" cards."""

from __future__ import annotations

from functools import lru_cache

import re
from dataclasses import dataclass, replace
from urllib.parse import unquote

from flashgen.cards.commands import SHELLS
from flashgen.cards.context import Chunk, RuleContext, chunks_of
from flashgen.cards.fronts import aside_subject, bracketed_only, term_and_gloss, unmarked
from flashgen.cards.model import Card
from flashgen.cards.quality import (
    is_bare_value,
    is_example_instance,
    is_example_label,
    is_inventory_table,
    is_key_chord,
    is_click_through,
    code_lines,
    explains,
    explains_causes,
    is_date,
    is_generic,
    is_qualifier,
    is_contribution_call,
    is_troubleshooting,
    PLATFORM_NAMES,
    names_a_problem,
    is_closing,
    is_wrap_up,
    is_link_list,
    is_map_entry,
    is_docs_trail,
    is_map_list,
    is_summary_and_link,
    is_link_list_item,
    is_metadata_key,
    is_navigation,
    is_config_value,
    declares_packages,
    is_cross_reference,
    is_console_path,
    is_drawing_text,
    is_log_heading,
    goes_over,
    is_meta_sentence,
    is_placeholder,
    is_result,
    is_one_setups_table,
    names_instances,
    is_pointer,
    is_ui_action,
    is_version,
    gives_reasons,
    is_work_log,
    names_only,
    leads_in,
    nothing_to_learn,
    restates,
    says_nothing_more,
    is_everyday_scenario_term,
    runs_scripts,
    words,
)
from flashgen.cards.spans import markup_spans, mask_markup
from flashgen.cards.text import (
    BULLET,
    SENTENCE_END,
    URL,
    clean_title,
    dedent_lines,
    fence_language,
    fenced,
    is_short_label,
    split_block_id,
    visible_text,
)
from flashgen.vault.heading_text import heading_text
from flashgen.vault.markdown.datelog import match_date
from flashgen.vault.model import Block, Section

# `term - definition`, `term – definition`, `term — definition`, `term: definition`, `**term**: definition`,
# `term → definition`
DEF_DASH = re.compile(r"^(?P<term>[^\s].*?)\s+[-–—]{1,2}\s+(?P<def>\S.*)$")
DEF_COLON = re.compile(r"^(?P<term>\*\*[^*]+\*\*|[^\s:][^:]*?)\s*[:：]\s+(?P<def>\S.*)$")
DEF_ARROW = re.compile(r"^(?P<term>\*\*[^*]+\*\*|`[^`]+`)\s*(?:→|->|=>)\s+(?P<def>\S.*)$")  # a marked term only
DEF_BOLD = re.compile(r"^\*\*(?P<term>[^*]+)\*\*\s*[:：-]\s*(?P<def>\S.*)$")
ETC = re.compile(r",\s*(?:etc\.?|and so on|등등?)\.?\s*$|\s등\.?\s*$", re.I)
PAREN_TERM = re.compile(r"^(?P<term>[A-Za-z][\w.\-/]*(?: [A-Za-z][\w.\-/]*){0,3})\s*\((?P<def>[^()]*\s[^()]*)\)$")
EMBED_ONLY = re.compile(r"^\s*(?:!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\))\s*$")
IMAGE = re.compile(r"!\[\[[^\]]*\.(?:png|jpe?g|gif|webp|svg|bmp|avif)(?:\|[^\]]*)?\]\]|!\[[^\]]*\]\([^)]*\)", re.I)
GROUP_INTRO = re.compile(r"^(?:commands|functions|options|settings|methods|filters|operators|properties) "
                         r"(?:for|of|to|that|in)\b", re.I)
CONSOLE_SECTION = re.compile(r"(?:^|[\s\-–—])(?:웹 콘솔|web console|cloud console|console ui|gui|웹 ui)\s*$", re.I)
RELATED = re.compile(r"^\W*(?:관련 문서|관련 노트|related(?: notes)?|see also)\s*[:：]", re.I)  # links to other notes
TABLE_ROW = re.compile(r"\|(?:[^|\n]{0,30}\|){1,6}")
# (a comment needs a blank before its `#`: `root@k8s-master# apt update` is a shell prompt, not `name@version`)
PINNED = re.compile(r"^\s*[A-Za-z][\w.\-\[\],]*\s*(?:==|>=|~=|<=|@)\s*[\w.*+\-]+(?:\s+#.*)?\s*$")
TAGS_ONLY = re.compile(r"^\s*(?:#[^\s#]+\s*)+$")
STATEMENT = re.compile(r"\s(?:is|are|was|were|can|cannot|can't|will|should|must|does|doesn't|has|have)\s", re.I)
# what a thing does or where it is, not the thing (`Mounted inside containers`, `SecurityContext에 담아 반환`)
PREDICATE = re.compile(r"^\w+ed\s+(?:at|in|inside|on|onto|by|to|from|with|for|into|as|within|across|over|under|per)\b|"
                       r"^(?:for|in|on|with|when|if|after|before|during|while)\s+\w+|"  # (`For strings: …`: a case)
                       r"\S(?:에|을|를|으로|로)\s+\S+(?:[아어여해]|해서|하고)\s+\S", re.I)
ANNOUNCES = re.compile(r"^(?:the following\b|following are\b|below (?:are|is)\b|here are\b|다음(?:과 같|은 |의 )|아래(?:와 같|는 |의 ))",
                       re.I)
EXPRESSION = re.compile(r"`[^`]*\s(?:[-+*/%<>]|==|!=|>=|<=|&&|\|\|)\s[^`]*`")
KO_STATEMENT = re.compile(r"\s\S*(?:됨|함)$")  # `역캡슐화를 거쳐 수신됨`: a statement in note style, not a name
# a bullet that says what is done, why or when, not a name: an object or place and the one word of its action
# (`데이터 변화 이력을 관리`, `송신 과정에서 캡슐화`, actions joined: `데이터를 읽고 씀`), a purpose (`…을 막기 위해`) or a case (`…하기 애매한 경우`)
KO_ACTION = re.compile(r"\S(?:을|를|에서|으로|에게)\s+(?:[^\s,]+(?:고|며|거나)\s+)?[^\s,]+$")
KO_CLAUSE = re.compile(rf"{KO_ACTION.pattern}|(?:위해|위해서|위함|경우|상황|때)$")
CONNECTIVE = re.compile(r"(?:하여|해서|하고|하며|하면|되어|되고|되면|라면|다면|으면|에서|와 같이|과 같이|처럼|경우에는|\band|\bthen|\bto|\bwith|"
                        r"\bor)\s*$", re.I)
# the opening of a sentence that goes on on the next line (`For example, if Obsidian receives`)
SENTENCE_OPENING = re.compile(r"^(?:for example|for instance|if|when|while|because|although|예를 들어|만약)\b", re.I)
ARROW = re.compile(r"^\s*(?:-+>|=+>|>+|→|<<)\s*")
FENCE_OPEN = re.compile(r"^\s*(`{3,}|~{3,})\s*([^\s`]*)")
QUOTED_FENCE = re.compile(r"^[>\s]*(`{3,}|~{3,})\s*([^\s`]*)")
DIAGRAMS = {"mermaid", "plantuml", "puml", "dot", "graphviz", "excalidraw", "compressed-json", "tikz", "d2",
            "ascii-art", "svgbob"}
# code blocks that plugins turn into something else (a table of contents, a query's results): nothing to recall
GENERATED = {"table-of-contents", "toc", "dataview", "dataviewjs", "query", "tasks", "button", "meta-bind",
             "meta-bind-button", "tracker", "chart", "leaflet", "contributions", "calendar", "base", "bases"}
ORDINAL = re.compile(r"^(?:step|example|ex|case|option|방법|예|예시|예제|단계|케이스)\s*\.?\s*\d+$|^\d+\s*(?:단계|번째)$",
                     re.I)
MIN_CODE_LINES = 2  # a code block cut shorter than this says nothing: it is left out instead


@dataclass(frozen=True)
class Item:
    """A top-level list item: its first line, the indented lines under it, and where it starts."""

    head: str
    body: tuple[str, ...]
    line: int
    ordered: bool = False


@lru_cache(maxsize=1 << 12)
def list_items(block: Block) -> tuple[Item, ...]:
    """Split a list block into its top-level items."""
    lines = block.source.split("\n")
    base = None
    items: list[list] = []
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
    return tuple(Item(item[0].strip(), tuple(dedent_lines(_until_lazy(item[1:]))), start, ordered)
                 for item, start in zip(items, starts))


def _until_lazy(lines: list) -> list[str]:
    out = []
    for line in lines:
        if line is None:
            break
        out.append(line)
    return out


@lru_cache(maxsize=1 << 12)
def split_definition(text: str) -> tuple[str, str] | None:
    """(term, definition) when a bullet reads as a definition. Nothing inside a link, emphasis, code span or
    URL separates the two; a metadata field (`작성일: 2024-11-15`) or a definition with nothing to learn (a lone
    date, URL, link or tag) is none."""
    masked = mask_markup(text)
    for pattern in (DEF_BOLD, DEF_DASH, DEF_COLON, DEF_ARROW):
        match = pattern.match(masked)
        if not match:
            continue
        term = _unwrapped(text[match.start("term"):match.end("term")].strip())
        definition = text[match.start("def"):].strip()
        if EXPRESSION.fullmatch(term):
            return None  # `(part / whole) * 100`: an example of the operators, not a name
        if not is_short_label(term) or SENTENCE_END.search(term) and len(term) > 12 or STATEMENT.search(term) \
                or pattern in (DEF_COLON, DEF_DASH) and _reads_on(term) \
                or _is_predicate(term) or CONNECTIVE.search(visible_text(term)):  # (`…패킷을 받았다면`: a case)
            continue  # a sentence, not a term (`The second parameter is exclusive: …`)
        if "::" in text or is_metadata_key(term) or is_date(term):
            return None
        if re.search(r"\d\s*$", term) and re.match(r"[NnMm1-9]\b", definition):
            return None  # `프로그램 1 - N 프로세스`: a ratio, not a term and its definition
        if names_instances(term) or re.search(r"[✅❌☑✔]\s*$", definition) or is_map_entry(term):
            return None  # one machine's entry, a checklist line, or an entry of a map of notes
        if nothing_to_learn(definition) and not IMAGE.search(definition) or is_pointer(definition) \
                or restates(visible_text(definition), visible_text(term)) or is_ui_action(definition) \
                or not _shows_code(definition, term) and says_nothing_more(visible_text(definition), visible_text(term)) \
                or is_everyday_scenario_term(term.strip("`* "), visible_text(definition)) \
                or is_version(visible_text(definition)) or is_placeholder(definition) \
                or names_instances(definition) and len(visible_text(definition)) < 60 \
                or is_config_value(term, definition):
            return None
        return term, definition
    return None


def _shows_code(answer: str, term: str) -> bool:
    """Whether the answer shows code the term does not (`Highlights` -> `Converts `^^highlight^^` to …`): syntax
    written out says more than its words."""
    return "```" in answer or "~~~" in answer or any(span not in term for span in re.findall(r"`[^`\n]+`", answer))


def _reads_on(term: str) -> bool:
    """Whether the words before a colon are the start of a sentence that goes on past it (`혼잡 윈도우는 RTT마다 2배씩
    증가: 초기 속도 확보`, `AS1 -> AS2 경로의 NEXT-HOP: AS2 라우터의 IP`), not a term."""
    words = len(term.split())  # (`도커는 클라이언트 - 서버 모델로 실행`: two words that start a sentence, not a term)
    return words >= 2 and bool(TOPIC_MARKED_SUBJECT.search(term)) or words >= 3 and bool(FLOW_IN_TERM.search(term))


def _is_predicate(term: str) -> bool:
    plain = re.sub(r"[*_`]+", "", term).strip()
    return bool(PREDICATE.search(plain) or KO_STATEMENT.search(plain))


def _unwrapped(term: str) -> str:
    """A term without the bold or italics around all of it (`**etcd**` is `etcd`; `**a** (b)` stays)."""
    for mark in ("**", "__", "*", "_"):
        inner = term[len(mark):-len(mark)]
        if len(term) > 2 * len(mark) and term.startswith(mark) and term.endswith(mark) and mark not in inner:
            return inner.strip()
    return term


def _rejected_definition(head: str) -> bool:
    """A bullet shaped like a definition that split_definition turns down (a metadata field, a setting, a
    version, a placeholder): the list it stands in teaches nothing either."""
    return _shaped_term(head) is not None and split_definition(head) is None


def _shaped_term(head: str) -> str | None:
    """The term of a bullet shaped like a definition (`term - …`, `**term**: …`), whether or not it makes a card."""
    shaped = _shaped(head)
    return shaped[0] if shaped else None


def _shaped_definition(head: str) -> str:
    """What a bullet shaped like a definition says of its term, whether or not it makes a card; else ""."""
    shaped = _shaped(head)
    return shaped[1] if shaped else ""


@lru_cache(maxsize=1 << 12)
def _shaped(head: str) -> tuple[str, str] | None:
    masked = mask_markup(head)
    for pattern in (DEF_BOLD, DEF_DASH, DEF_COLON, DEF_ARROW):
        found = pattern.match(masked)
        if found and is_short_label(_unwrapped(head[found.start("term"):found.end("term")].strip())):
            return _unwrapped(head[found.start("term"):found.end("term")].strip()), head[found.start("def"):].strip()
    return None


def _body_markdown(body: tuple[str, ...]) -> str:
    return "\n".join(line for line in body).strip()


def _intro_label(section: Section, block: Block, plain: bool = False) -> str:
    """The line that introduces a list (`마스터 컴포넌트:`, `**캐시 구조**`), if the block right before it ends with a
    colon or is a label in bold; with `plain`, also a word or two alone as a paragraph (`차이점`): context for the
    terms of the list, not a set it names (`Secondary storage` over points said of it)."""
    blocks = section.blocks
    index = blocks.index(block)
    if index == 0:
        return ""
    previous = blocks[index - 1]
    if previous.kind == "list" and block.line - previous.end_line <= 1 and block.source[:1].isspace():
        # an indented list right under a list item (`1. API Server` ⏎ `  - 키 파일: …`): the item introduces it
        items = list_items(previous)
        return split_block_id(items[-1].head)[0].rstrip(":： ").strip() if items else ""
    if previous.kind != "paragraph" or block.line - previous.end_line > 2:
        return ""
    last = previous.source.strip().split("\n")[-1].strip()
    bold = re.fullmatch(r"(\*\*|__)([^*_\n]{1,40})\1\s*[:：]?", last)
    if bold and not block.source[:1].isspace():
        return bold.group(2).strip()  # a label in bold over its list (`**캐시 구조**`), as a heading would be
    if plain and "\n" not in previous.source.strip() and PLAIN_LABEL.fullmatch(last) and not block.source[:1].isspace() \
            and not is_generic(last):
        return last  # a plain label alone over its list (`차이점` ⏎ `* 목적` `* 검색 기능`), as a bold one is
    if not last.endswith((":", "：")):
        return ""
    # only the sentence that introduces the list: "…합니다. etcd의 주요 특징은 다음과 같습니다:"
    return re.split(r"(?<=[.!?])\s+", last.rstrip(":：").strip())[-1]


PLAIN_LABEL = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9]*(?: [가-힣A-Za-z0-9]+)?")  # a word or two, no mark nor sentence


def topic_of(section: Section, note_title: str) -> str:
    """What a section is about, as a reader names it: its title, or for a generic one (`예시`, `Example`) its
    nearest topical heading above (or the note's title); "" when there is none."""
    return _topic_in(section.path, note_title)


def topic_above(section: Section, note_title: str) -> str:
    """What the headings above a section are about (its own title left out): the topic it belongs to."""
    return _topic_in(section.path[:-1], note_title)


def _topic_in(path: tuple[str, ...], note_title: str) -> str:
    for title in reversed(path):
        plain = heading_text(clean_title(title))
        if plain and not is_generic(plain) and not is_date(plain):
            return plain
    return "" if is_generic(note_title) else note_title


def qualified(section: Section, note_title: str) -> str:
    """The front of a heading that only names a platform or an audience (`macOS`, `For developers`): the heading it
    qualifies, with that heading's own topic when it is generic (`Obsidian CLI › Troubleshooting › macOS`), or the
    note's title for a heading at the top."""
    above = replace(section, path=section.path[:-1])
    parent = heading_text(clean_title(above.path[-1])) if above.path else note_title
    if above.path and is_generic(parent):
        parent = in_context(parent, topic_above(above, note_title))
    return in_context(heading_text(clean_title(section.title)), parent)


def in_context(term: str, context: str) -> str:
    """A front that names what a generic term belongs to: `Deployment › 예시`."""
    return f"{context} › {term}" if context and context != term else term


# a lead-in or heading that announces an order (`…processed in the following order:`, `Evaluation order`, `실행 순서`)
ORDER_LEAD = re.compile(r"\bin (?:the following|this|that|which) order\b|\border (?:is|of)\b.*[:：]?$|"
                        r"(?:다음|아래)(?:과 같은|의) 순서|순서(?:대로|로)|순으로|차례(?:대로|로)", re.I)
ORDER_TITLE = re.compile(r"\border$|\bsequence$|순서$", re.I)


def _ranks(section: Section, intro: str, items: tuple[Item, ...]) -> bool:
    """A numbered list that an order is announced for (`Template logic is processed in the following order:` ⏎
    `1. **Template logic** — …` ⏎ `2. **Prompt variables** — …`): each item is a place in that order, not a term
    to define nor one of a set to recite; what is first and what comes after is the answer."""
    return len(items) >= 2 and all(item.ordered for item in items) and bool(
        ORDER_LEAD.search(visible_text(intro)) or ORDER_TITLE.search(heading_text(clean_title(section.title))))


def definition_cards(ctx: RuleContext, section: Section, used: set[int]) -> list[Card]:
    """`term - definition` bullets, term bullets with nested explanation, and `Term(explanation)` bullets. A
    section about a console's screens (`사용자 관리 - 웹 콘솔`) fills in forms: its fields are no terms."""
    cards: list[Card] = []
    if CONSOLE_SECTION.search(heading_text(clean_title(section.title))):
        return cards
    for block in section.blocks:
        if block.kind != "list":
            continue
        intro = _intro_label(section, block, plain=True)
        what = ctx.say("무엇인가요?", "What is it?")
        prompt = f"{heading_text(intro)} · {what}" if intro else what  # the prompt is plain text: no markup
        parent = ""
        if intro and block.source[:1].isspace():  # a list under a list item: its terms belong to that item
            parent, intro, prompt = intro, "", what
        items = list_items(block)
        if is_link_list([item.head for item in items]) or _is_form([item.head for item in items]) \
                or _is_settings_list([item.head for item in items]):
            continue  # a list of links (a table of contents, a map of notes), a console's form or one
            # environment's variables and their values: nothing to recall
        if intro and is_example_label(visible_text(intro)):
            continue  # `Examples:` over `- formula.price * 1.1: …`: examples of the section, not terms
        if items and SYMBOL_ITEM.match(items[0].head) and _is_legend(items):
            continue  # `- p: 접두어의 길이` `- n: 노드 개수`: the symbols of a formula, known only with it
        if _parts_of_syntax(section, block, items):
            continue  # `- target_variable: …` `- 코드 블록: …` under `with context_expression as target_variable:`
        if _ranks(section, intro, items):
            continue  # `…processed in the following order:` ⏎ `1. **Template logic** — …`: places in an order
        # `Term(explanation)` items make terms in a list of explained terms, not for one remark in brackets among
        # plain items (`- Unique IP Addresses (ephemeral by nature)`)
        glossed = sum(bool(PAREN_TERM.match(item.head.strip()) or "".join(item.body).strip()
                           or split_definition(item.head)) for item in items) * 2 >= len(items)
        bracketed = [found.group("term").strip() for found in (PAREN_TERM.match(item.head.strip()) for item in items)
                     if found]
        glossed = glossed and len(set(bracketed)) == len(bracketed)  # `Modified time (new to old)`, `Modified time
        # (old to new)`: the brackets tell variants of one option apart, they define nothing
        if len(items) == 1 and intro.startswith("**") and not parent and items[0].line not in used \
                and not split_definition(items[0].head) and not items[0].ordered:
            cards.append(ctx.card("basic", _unwrapped(intro.rstrip(":：").strip()), block.source, items[0].line,
                                  section, "term", heading_text(intro), prompt=what))
            continue  # `**Phantom read**` ⏎ `- 없던 데이터가 생김` ⏎ `  - …`: the label is the term, the list its meaning
        points = ADVANTAGES.search(heading_text(clean_title(section.title)) if not intro else visible_text(intro))
        factors = _named_by_examples(items)
        if _examples_of_one_construct(items):
            continue  # `Variables can be set to:` ⏎ `- Literals: `{% set count = 5 %}``: examples of one construct
        claims: bool | None = None  # (worked out for the first term card that may be a trait)
        numbered = _numbered_labels(items) if "1" in block.source and "2" in block.source else {}
        made = len(cards)
        command: str | None = None  # (worked out for the first option a card asks)
        for index, item in enumerate(items):
            if item.line in used or _is_task(block, item) or item.line in factors:
                continue  # a task of a to-do list is not knowledge
            if points and not ADVANTAGES.search(visible_text(_term_of(item.head)).strip()):
                continue  # `## with의 장점` ⏎ `- **가독성 향상**: …`: a label that states the point gives it away; the
                # section's explanation asks for the advantages (`- 장점` ⏎ `  - …` under `장단점` is asked as a term)
            card = _item_card(ctx, section, item, intro, prompt, parent, glossed, items[index - 1] if index else None)
            if card and card.rule == "definition" and FLAG_TERM.fullmatch(card.front):
                if command is None:
                    command = _command_of_options(section, block, intro)
                if command:  # `-d : 백그라운드 실행` under `docker run -d …`: the option is asked with its command
                    card = replace(card, front=f"{command} {card.front}")
            if card and card.rule == "term" and card.prompt == what and not intro and not parent \
                    and not ASPECT.match(visible_text(card.front).strip()):  # (an aspect's subject is the item above's)
                if claims is None:
                    claims = _claims_about_the_subject(items)
                if claims:
                    card = _trait(ctx, card, topic_of(section, ctx.topic))
            if card and not _restates_a_case(card) and not is_example_instance(visible_text(card.front)) \
                    and not ASKED.search(visible_text(card.back)):
                cards.append(card)  # (`- 사람 2 : 국 끓이기 → 스팸 굽기`: one actor of an illustration, not a term;
                # `10. (Optional) Discuss: Can you expose the Pods …?`: a question set to the reader, defining nothing)
        if numbered:
            cards[made:] = _asked_together(ctx, section, cards[made:], numbered, len(items), intro)
    return cards


# a label that only numbers what it is one of (`해결 방안 1`, `허브의 특징 2`, `Option 3`): words, then the number
LABEL_NUMBER = re.compile(r"[^\W\d_] ?[1-9](?![\d.])")  # (what a quick look finds of one)
NUMBERED_LABEL = re.compile(r"(?P<label>[^\W\d_][^\d:/.()\[\]`]*?)\s*(?P<number>[1-9])")


def _numbered_labels(items: tuple[Item, ...]) -> dict[str, list[Item]]:
    """The items named by one label numbered 1, 2, … (`- 해결 방안 1` ⏎ `  - …`, `- 허브의 특징 2: 반이중 통신`), by
    that label: which one is number 2 is the note's order, nothing a learner can tell from the label alone."""
    if len(items) < 2 or sum(bool(LABEL_NUMBER.search(item.head)) for item in items) < 2:
        return {}  # (most lists: no number in their items at all)
    runs: dict[str, list[Item]] = {}
    for item in items:
        found = NUMBERED_LABEL.fullmatch(visible_text(_term_of(item.head)).strip())
        if found and not item.ordered:
            label = found.group("label").strip()
            if len(runs.get(label, [])) == int(found.group("number")) - 1:
                runs.setdefault(label, []).append(item)
    return {label: run for label, run in runs.items() if len(run) >= 2}


def _asked_together(ctx: RuleContext, section: Section, cards: list[Card], numbered: dict[str, list[Item]],
                    listed: int, intro: str) -> list[Card]:
    """The list's cards with those of items numbered under one label (`해결 방안 1`, `해결 방안 2`) asked together:
    one card under the label, with what they belong to; none when they are the whole list (the section's
    explanation asks them with the words that lead into them, `…내부 호출에 프록시를 적용할 수 없다.`)."""
    for label, run in numbered.items():
        lines = {item.line for item in run}
        if sum(card.line in lines for card in cards) < 2:
            continue  # (items no card asks on its own: `- 예1: …`, `- 사람 2 : …`)
        kept = [card for card in cards if card.line not in lines]
        if len(run) < listed:
            context = heading_text(intro) if intro else topic_of(section, ctx.topic)
            front = label if context and context in label else in_context(label, context)
            back = "\n".join(f"- {item.head}" + "".join(f"\n  {line}" if line.strip() else "\n" for line in item.body)
                             for item in run)
            kept.append(ctx.card("basic", front, back, run[0].line, section, "term", label,
                                 prompt=ctx.say("설명해 보세요", "Explain")))
        cards = sorted(kept, key=lambda card: card.line)
    return cards


def _claims_about_the_subject(items: tuple[Item, ...]) -> bool:
    """A list straight under its heading (no lead-in) some item of which says something of the heading's subject
    (`- ACID의 일부를 포기하고 high-throughput 추구` under `#### NoSql`): its items are what the subject is like, so an
    item over sub-items (`- 중복 허용 (join 회피)` ⏎ `  - application 레벨에서 … 관리해야 함`) is a trait of it to
    explain, not a term to define."""
    return any(not split_definition(item.head) and not item.ordered
               and (_is_predicate(item.head.strip()) or KO_ACTION.search(visible_text(item.head).strip()))
               for item in items)  # (a case, `…지운 경우`, heads what follows in it: no trait)


def _trait(ctx: RuleContext, card: Card, topic: str) -> Card:
    """A term card turned into a trait of `topic` to explain, named with it unless its front already is."""
    front = _unwrapped(card.front)
    words = visible_text(re.sub(r"\([^()]*\)", "", front)).split()
    named = " › " in front or not topic or topic in front or len(words) > 3
    # (a phrase that says whose it is: `처리율 제한 장치가 사용하는 HTTP 헤더`; a gloss in brackets is no part of it)
    return replace(card, front=front if named else in_context(front, topic), prompt=ctx.say("설명해 보세요", "Explain"))


# a heading (or lead-in) over the advantages or drawbacks of its topic: its items are points, each label the point
ADVANTAGES = re.compile(r"(?:^|\s|의)(?:장점|단점|이점|장단점|좋은 점|advantages?|benefits?|pros(?: and cons)?|cons|drawbacks?|"
                        r"disadvantages?|downsides?|why use \S+)\s*[:：]?$", re.I)


PROS = re.compile(r"장점|이점|좋은 점|advantages?|benefits?|pros", re.I)
CONS = re.compile(r"단점|disadvantages?|drawbacks?|downsides?|cons", re.I)


def _pros_and_cons(ctx: RuleContext, text: str) -> str:
    """The question an answer of only advantages and drawbacks asks (`- 장점` ⏎ `  - …` ⏎ `- 단점` ⏎ `  - …`, or
    `**장점**` over its points): "장단점은?" (or only one of them), not what the thing is; "" for any other answer."""
    rows = [row for row in text.split("\n") if row.strip()]
    kinds = set()
    for index, row in enumerate(rows):
        bullet = BULLET.match(row)
        below = BULLET.match(rows[index + 1]) if bullet and index + 1 < len(rows) else None
        nests = bool(below) and len(below.group(1)) > len(bullet.group(1))  # (an item over items of its own)
        if BOLD_LABEL.match(row) or nests:
            plain = visible_text(row[bullet.end():] if bullet else row).strip().rstrip(":： ").strip()
            kind = "pros" if PROS.fullmatch(plain) else "cons" if CONS.fullmatch(plain) else ""
            if not kind:
                return ""
            kinds.add(kind)
        elif not bullet or not kinds:
            return ""  # words of its own, or a point before any label
    if not kinds:
        return ""
    return ctx.say("장단점은?", "Pros and cons?") if len(kinds) == 2 else \
        ctx.say("장점은?", "Advantages?") if "pros" in kinds else ctx.say("단점은?", "Drawbacks?")


# a symbol of a formula and its meaning: one Latin or Greek letter, with an index or a prime (`p`, `x_i`, `n'`,
# `λ`), plain or marked, then a colon, dash, arrow or `=` (`- p: 접두어의 길이`, `- **k** - 찾을 개수`)
SYMBOL_ITEM = re.compile(r"\s*([*_`$]{0,2})[A-Za-zα-ωΑ-Ω](?:_\w{1,3}|\d|')?\1\s*(?:[:：=→-]|–|->)\s*\S")


def _is_legend(items: tuple[Item, ...]) -> bool:
    """A list that says what each symbol of a formula stands for (`- p: 접두어의 길이` ⏎ `- n: 노드 개수`): two or more
    items, each a one-letter symbol and its meaning. A symbol is asked with its formula, never alone."""
    return len(items) >= 2 and all(SYMBOL_ITEM.match(item.head) for item in items)


def _parts_of_syntax(section: Section, block: Block, items: tuple[Item, ...]) -> bool:
    """A list right under a code block that says what each part of it stands for (`with context_expression as
    target_variable:` ⏎ `    # 코드 블록`, then `- `target_variable`: …`, `- 코드 블록: …`): two or more items, each a
    term the code holds as a word or comment, not a key it sets (`replicas:`) nor a flag. The parts are asked with the
    syntax, in the section's explanation, never alone (`코드 블록` → what a code block is)."""
    index = section.blocks.index(block)
    before = section.blocks[index - 1] if index else None
    if before is None or before.kind != "code" or block.line - before.end_line > 2 or len(items) < 2:
        return False
    found = fenced(before.source)
    code = found[1] if found else ""
    for item in items:
        definition = split_definition(item.head)
        term = re.sub(r"[`*]", "", definition[0]).strip() if definition else ""  # (as written: `target_variable`)
        if not term or term.startswith("-") or term not in code or re.search(rf"^[ \t]*(?:-[ \t]+)?[\"']?{re.escape(term)}[\"']?[ \t]*:(?:\s|$)", code, re.M):
            return False
    return True


def _named_by_examples(items: tuple[Item, ...]) -> set[int]:
    """The lines of a list's items that end in `etc.`, when most of its items only give a few examples (`Resource
    needs: CPU, memory, etc.`, `Node availability: Is the node healthy, …, etc.`): such a list names the factors of
    something by examples (what the scheduler weighs), none of them a term its words define."""
    shaped = [item for item in items
              if ETC.search(item.head) and not "".join(item.body).strip() and _shaped_term(item.head)]
    if not shaped:
        return set()
    few = [item for item in shaped
           if len(visible_text(item.head).split()) - len(visible_text(_shaped_term(item.head) or "").split()) <= 6]
    return {item.line for item in shaped} if len(few) * 2 >= len(items) else set()


ONLY_CODE = re.compile(r"`[^`\n]+`(?:\s*(?:,|or|and|또는|/)\s*`[^`\n]+`)*\.?")
TAG_OPENING = re.compile(r"(?:\{[%{]|<%|\$\{)-?\s*[A-Za-z]\w*")  # a template tag and its keyword (`{% set`, `{{ range`)


def _examples_of_one_construct(items: tuple[Item, ...]) -> bool:
    """A list of kinds each shown only by code (`- Literals: `{% set count = 5 %}``, `- Selector results: `{% set
    comments = selector:.comment %}``) where every code uses one template construct (`{% set`): the kinds of value the
    construct takes, each shown by an example with made-up values. Each item asked alone ("Literals: What is it?")
    gets an example for an answer, and the kinds without their examples are names: the section's explanation
    shows them together."""
    if len(items) < 2 or any("`" not in item.head for item in items):
        return False
    shared: set[str] | None = None
    for item in items:
        found = split_definition(item.head)
        if not found or found[0].lstrip("*_").startswith("`") or "".join(item.body).strip() \
                or not ONLY_CODE.fullmatch(found[1].strip()):
            return False
        tags = {re.sub(r"\s+", " ", tag) for tag in TAG_OPENING.findall(" ".join(re.findall(r"`([^`\n]+)`", found[1])))}
        shared = tags if shared is None else shared & tags
    return bool(shared)


CASE = re.compile(r"(?:경우|상황)[.。]?$")


def _restates_a_case(card: Card) -> bool:
    """`- 데이터 손실이 허용 가능한 경우: 일부 데이터 손실을 감수할 수 있는 경우` (a use case under `적합한 사용 사례`): a case
    explained by the same case in other words asks nothing; the list of cases is the card."""
    back = card.back.strip()
    return card.rule == "definition" and "\n" not in back and bool(CASE.search(visible_text(card.front).strip())) \
        and bool(CASE.search(visible_text(back)))


def _is_form(heads: list[str]) -> bool:
    """A list most of whose items are steps through a console's forms (`이름: pista-vpc 입력`, `만들기 클릭`)."""
    def value(head: str) -> str:
        masked = mask_markup(head)
        for pattern in (DEF_BOLD, DEF_COLON, DEF_DASH, DEF_ARROW):
            found = pattern.match(masked)
            if found:
                return head[found.start("def"):]
        return head
    return len(heads) >= 2 and sum(is_ui_action(value(head)) for head in heads) * 2 > len(heads)


# an item that gives a variable a value (`` `REGION`: `asia-northeast3` (서울) ``, `**$VPC_NAME** - pista-vpc`)
VARIABLE_ITEM = re.compile(r"^[*_]*`?\$?\{?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\}?`?[*_]*\s*(?:[:：=]|\s[-–→]\s)\s*(?P<value>\S.*)$")
LITERAL_VALUE = re.compile(r"^`[^`\n]+`")  # a value in code (`asia-northeast3`, `pista-vpc`)


def _is_settings_list(heads: list[str]) -> bool:
    """A list of an environment's variables and the values it gives them (`` `REGION`: `asia-northeast3` (서울) ``,
    `` `VPC_NAME`: `pista-vpc` ``, …): every item gives a variable something, at least half of them a value in code.
    A list of variables described in words (`` `KUBECONFIG`: kubectl이 읽는 설정 파일 경로 ``) explains them and stays."""
    if len(heads) < 3:
        return False
    values = []
    for head in heads:
        found = VARIABLE_ITEM.match(head.strip())
        if not found:
            return False
        values.append(found.group("value"))
    return sum(bool(LITERAL_VALUE.match(value)) for value in values) * 2 >= len(heads)


def _is_task(block: Block, item: Item) -> bool:
    """A task list item (`- [ ] …`, `- [x] …`)."""
    line = block.source.split("\n")[item.line - block.line]
    return bool(re.match(r"^\s*(?:[-*+]|\d+[.)])\s+\[.\]\s", line))


# a label that says when something happens (`Callback code 시`, `로그인할 때`): a moment, not a term to define
SITUATION_TERM = re.compile(r"\s시$|[가-힣] 때$|하는 경우$")
# a command-line option alone as a term (`-d`, `--rm`, `` `--dry-run` ``, `--name=<노드 이름>`)
FLAG_TERM = re.compile(r"`?--?[A-Za-z][\w-]*(?:[= ]\S.*)?`?")
# the words of a command before its options or arguments (`docker run` in `docker run -d --name …`)
COMMAND_WORDS = re.compile(r"[a-z][a-z0-9_.-]*(?: (?!-)[a-z][a-z0-9_.-]*){0,2}(?= -)")
# a heading that names a command's options (`docker run 주요 옵션`, `etcdctl 옵션들`, `kubectl get flags`)
OPTIONS_HEADING = re.compile(r"([a-z][a-z0-9_.-]*(?: [a-z][a-z0-9_.-]*){0,2})\s+(?:명령(?:어)?\s+)?(?:주요\s+)?"
                             r"(?:옵션들?|options|flags)$")


def _command_of_options(section: Section, block: Block, intro: str) -> str:
    """The command a list of options belongs to: the command written in code right above the list (`docker run -d
    --name {이름} 이미지명` over `- -d : …`), in its lead-in, or named by the heading (`docker run 주요 옵션`); "" when
    none says it."""
    index = section.blocks.index(block)
    above = section.blocks[index - 1] if index else None
    codes = re.findall(r"`([^`\n]+)`", intro)
    if above is not None and block.line - above.end_line <= 2:
        if above.kind == "paragraph":
            codes += re.findall(r"`([^`\n]+)`", above.source.strip().split("\n")[-1])
        elif above.kind == "code":
            codes += above.source.split("\n")[1:2]  # the first line inside the fence
    for code in codes:
        found = COMMAND_WORDS.match(code.strip().removeprefix("$ ").removeprefix("sudo "))
        if found:
            return found.group(0)
    heading = OPTIONS_HEADING.fullmatch(heading_text(clean_title(section.title)))
    return heading.group(1) if heading else ""


COMPARED_ITEM = re.compile(r"^[-*+]\s+\**`?(?P<name>[^\s`*:-][^`*:]{0,24}?)`?\**\s*(?:\s-\s|[:：]\s)")


def _compared_in(body: str) -> str:
    """`keyword vs text` when each line of a list names one of two to four things and says what it is in the aspect
    asked (`- keyword - 정확한 값 매칭`, `- text - 풀 텍스트 검색`); "" otherwise."""
    lines = [line for line in body.split("\n") if line.strip()]
    names = [found.group("name").strip() for found in map(COMPARED_ITEM.match, lines) if found]
    if not 2 <= len(lines) <= 4 or len(names) != len(lines) or len({name.lower() for name in names}) != len(names):
        return ""
    return " vs ".join(names) if all(len(name.split()) <= 3 for name in names) else ""


def _item_card(ctx: RuleContext, section: Section, item: Item, intro: str, prompt: str,
               parent: str = "", glossed: bool = True, before: Item | None = None) -> Card | None:
    """The card of one list item: a definition, a term over its sub-items or a term with its gloss in brackets.
    `before`: the item right above it in its list (an aspect, `처리 단계`, is of what that item introduced)."""
    head, block_id = split_block_id(item.head)
    if is_link_list_item(head):
        return None
    context = intro or topic_of(section, ctx.topic)
    found = split_definition(head) if ctx.on("definitions") else None
    body = _body_markdown(item.body)
    if intro and words(intro) in DIFFERENCES and body:  # `차이점` ⏎ `* 목적` ⏎ `  - keyword - 정확한 값 매칭` ⏎ `  - text - …`:
        compared = _compared_in(body)  # the difference is between the things its sub-items name
        context = f"{heading_text(intro)} ({compared})" if compared else context
    if found and ORDINAL.match(visible_text(found[0]).strip()):
        return None  # `2단계 - …`, `예1: …`: a label that names nothing to recall
    if found and SITUATION_TERM.search(visible_text(found[0]).strip()):
        return None  # `2. Callback code 시 : …`: a step of what happens, named by when it happens, not a term
    if found and CATCH_ALL.fullmatch(visible_text(found[0]).strip()):
        return None  # `- **Other**: Any folder under a syncing service, …`: the rest of the list, no term of its own
    if found:
        term, definition = found
        prompt = _instruction_prompt(ctx, term, definition, prompt)
        if not body and ETC.search(definition) and len(visible_text(definition).split()) <= 6:
            return None  # `Resource needs: CPU, memory, etc.`: examples of the term, not what it is
        if not body and (names_only(definition) or is_console_path(definition)) and _day_of_work(ctx, section):
            return None  # one project's parts named (`Ingress - Nginx`, `Scope: `read_registry``) or where it
            # clicked (`경로: GitLab > New project > Create blank project`): nothing explained
        back = definition + ("\n\n" + body if body else "")
        front = in_context(term, parent or context) if is_generic(term) or parent or bracketed_only(term) \
            else in_context(unmarked(term), topic_of(section, ctx.topic)) if _names_platforms(term) \
            else unmarked(term)  # (`(기본)`: a word in brackets names nothing without its list's subject; `macOS:
        # `/Users/…/obsidian`` under `Global settings`: where on macOS, of what the section is about)
        return ctx.card("basic", front, back, item.line, section, "definition", front if parent else term, block_id,
                        prompt=prompt)
    if not ctx.on("terms") or item.ordered:
        return None  # numbered items are steps, not terms
    head = head.strip()
    if is_metadata_key(head) or nothing_to_learn(head) or _is_predicate(head) \
            or CATCH_ALL.fullmatch(visible_text(head).strip()) or KO_CLAUSE.search(re.sub(r"[*_`]+", "", head).strip()):
        return None  # (an item that stands for the rest of its list; a statement over its sub-items is no term they
        # define)
    said = SAYS_WHAT.match(visible_text(head).strip())
    names = _short_names(item.body) if said and body else []
    if names:  # `BGP의 속성은 경로에 대한 부가 정보` ⏎ `- AS-PATH` `- NEXT-HOP`: what it is said of, named by its kinds
        front = f"{said.group('subject')} ({said.group('rest')})"
        return ctx.card("basic", front, "\n".join(f"- {name}" for name in names), item.line, section, "list", head,
                        prompt=ctx.say(f"{len(names)}가지를 나열해 보세요", f"List all {len(names)}"))
    if body and is_short_label(head) and not head.endswith((":", "?")) and not leads_in(visible_text(head)) \
            and len(visible_text(body)) >= 4 \
            and not nothing_to_learn(body) and not (SENTENCE_END.search(head) and len(head) > 12) \
            and _shaped_term(head) is None and not _only_examples(item.body):  # (`docker rm ID` - 컨테이너 삭제`
        # over an example: the front says it all)
        body = re.sub(r"^:\s+", "", body)  # `term` ⏎ `: definition`, as definition lists are written
        if intro and not parent and _defines_the_label(head, intro):  # `**책임 네임 서버**` ⏎ `- 특정 … 관리하는 네임 서버`
            return ctx.card("basic", heading_text(intro), f"{head}\n\n{body}", item.line, section, "term",
                            heading_text(intro), prompt=ctx.say("무엇인가요?", "What is it?"))
        if not intro and not parent and section.level and _defines_the_heading(section, item, head):
            return None  # `### 롤링 배포` ⏎ `* 인스턴스를 순차적으로 교체하며 배포하는 전략` ⏎ `  * …`: what the heading is,
            # not a term: the section's explanation opens with it
        if KO_INSTRUCTION.search(visible_text(head).strip().rstrip(".!:： ")) and len(head.split()) >= 2:
            # `**setter 사용 자제**`, `도메인 용어 사용하기`: advice to follow, asked why (or how, by its code), never
            # what it is; loose remarks under it (`…와 비슷하다. …생각해보자.`) answer neither
            asked = ctx.say("왜 그런가요?", "Why?") if gives_reasons(body) else \
                ctx.say("어떻게 하나요?", "How?") if "`" in body else None
            if asked is None:
                return None
            prompt = _asking(ctx, prompt, asked)
        asked = _pros_and_cons(ctx, body)
        if asked:  # `토큰 생성을 role도 담기도록 커스텀` ⏎ `- 장점` `- 단점`: a way weighed, asked for its pros and cons
            prompt = _asking(ctx, prompt, asked)
        subject = _introduced_above(before, head, body) if before is not None else ""
        front = in_context(head, subject or context) if subject or is_generic(head) or bracketed_only(head) \
            else in_context(unmarked(head), topic_of(section, ctx.topic)) if not parent and _names_platforms(head) \
            else unmarked(head)  # (`어트리뷰트(중요)`: the learner's mark is no part of the term)
        card = ctx.card("basic", front, body, item.line, section, "term", head, prompt=prompt)
        return faceted(ctx, card, section.title) if not intro and not parent else card
    paren = PAREN_TERM.match(head) if glossed else None
    if paren and not body and not re.match(r"(?:e\.g\.|i\.e\.|eg\b|ex\.|예[:)]|예를 들)", paren.group("def").strip(), re.I):
        term = paren.group("term").strip()
        return ctx.card("basic", term, paren.group("def").strip(), item.line, section, "term", term, prompt=prompt)
    return None


# a label that is advice to follow, in note style: a verb made a noun (`…확인하기`, `사용하지 않기`) or a word that
# says to hold back (`setter 사용 자제`)
KO_INSTRUCTION = re.compile(r"[가-힣](?:하|않|말|받|두|쓰|이|피하|지키|나누)기$|\s(?:\S+\s)?(?:자제|금지|지양)$")


# a label that names an aspect of something it does not name (`처리 단계`, `동작 방식`, `Steps`): whose it is, the
# line above says
ASPECT = re.compile(r"^(?:[가-힣A-Za-z]+\s)?(?:단계|과정|절차|순서|방식|방법|원리|흐름|구성|구조|구성 요소|구성요소|steps|stages|"
                    r"process|procedure|workflow|flow)$", re.I)
# what a sentence says is used (`…위해서 머클 트리를 사용한다.`): its object, a word or two
USED = re.compile(r"(?:^|\s)(?P<name>[^\s,.()]+(?: [^\s,.()]+)?)[을를] (?:사용|이용|활용|도입|적용|구현|구성)(?:한다|합니다|함|하여|해)")


def _introduced_above(before: Item, head: str, body: str) -> str:
    """What the item right above introduces, when this item's label names only an aspect (`처리 단계` under `… 머클
    트리를 사용한다.` ⏎ `  - 머클 트리: 해시 트리라고도 …`): the first term its sub-items define, else what its sentence says
    is used; only when this item's points speak of it (a word of it in them). "" when there is none."""
    if not ASPECT.match(visible_text(head).strip().rstrip(":：")):
        return ""
    found = [split_definition(BULLET.sub("", line, count=1).strip()) for line in before.body if BULLET.match(line)]
    defined = [term for term, _ in filter(None, found)]
    used = USED.search(visible_text(before.head))
    subject = visible_text(defined[0] if defined else used.group("name") if used else "").strip()
    said = visible_text(body)
    return subject if subject and any(len(word) >= 2 and word in said for word in subject.split()) else ""


def _defines_the_heading(section: Section, item: Item, head: str) -> bool:
    """Whether an item is the one point that opens its section, a phrase that describes (`…을 … 하는 전략`) rather
    than names: it says what the heading is."""
    first = section.blocks[0] if section.blocks else None
    if first is None or first.kind != "list" or not DESCRIBING.search(visible_text(head) + " "):
        return False
    found = list_items(first)
    return len(found) == 1 and found[0].line == item.line and len(visible_text(head).split()) >= 3


def _defines_the_label(head: str, label: str) -> bool:
    """Whether an item says what its label is, as a longer phrase ending in the label's own noun (`특정 도메인 영역을
    관리하는 네임 서버` under `**책임 네임 서버**`): a definition, which the label asks, not a term of its own."""
    said, named = visible_text(head).split(), visible_text(label).rstrip(":： ").split()
    return bool(named) and len(said) > len(named) and said[-1] == named[-1] and said != named \
        and bool(DESCRIBING.search(" ".join(said[:-1]) + " "))  # (`트위스티드 페어 케이블` under `케이블`: a kind)


# a phrase that describes its noun by a clause (`…영역을 관리하는`, `…for storing`), not a compound name
DESCRIBING = re.compile(r"\S[을를]\s|\S(?:하|되|있|없)는\s|\b(?:that|which|who|used to|for)\s", re.I)


# an item that stands for the rest of its list (`Other`, `기타`): it names nothing a learner recalls
CATCH_ALL = re.compile(r"(?:others?|other cases|miscellaneous|misc\.?|etc\.?|everything else|기타|그 ?외|나머지)[:：]?", re.I)
# a term that is an instruction (`Secure and label your metrics`, `Use the command palette`): a verb, then what it
# acts on; its answer says how to do it (or why), it does not define anything
INSTRUCTION = re.compile(r"^[A-Z][a-z]+(?: (?:and|or) [a-z]+)? (?:your|the|a|an|all|only|each|every|any|it|them|this|"
                         r"these|those)\b")
GIVES_REASON = re.compile(r"^\W*(?:because|since|so that|as)\b", re.I)
DESCRIBES_ACTION = re.compile(r"^\W*[a-z]+s\b")  # `adds highlights …`, `returns a list …`: what an option does


def _instruction_prompt(ctx: RuleContext, term: str, definition: str, prompt: str) -> str:
    """`Secure and label your metrics: scrape only what you need, …` asks how, `Keep an open mind: because …` asks
    why, not "What is it?"; an option named by what it does (`Highlight the page content: adds highlights …`) keeps
    its prompt."""
    said = visible_text(definition).strip()
    if not INSTRUCTION.match(visible_text(term).strip()) or DESCRIBES_ACTION.match(said) and not GIVES_REASON.match(said):
        return prompt
    asked = ctx.say("왜 그런가요?", "Why?") if GIVES_REASON.match(said) else ctx.say("어떻게 하나요?", "How?")
    return _asking(ctx, prompt, asked)


def _asking(ctx: RuleContext, prompt: str, asked: str) -> str:
    """The prompt with `asked` in place of "What is it?" (its context before it kept)."""
    what = ctx.say("무엇인가요?", "What is it?")
    return prompt[:-len(what)] + asked if prompt.endswith(what) else prompt


# a heading that says what its terms are looked at for, not what they are: their uses (`용도 구분`, `사용 시점`,
# `Where certificates are used`), or a
# rule to follow that they apply (`포괄적인 의미를 담기`)
FACET_TITLE = re.compile(r"(?:용도|쓰임새?|사용처|사용 시점|언제 사용)|\S[을를]\s+(?:\S+\s+)?\S+기$|"
                         r"^(?:where|when|how)\b.*\b(?:is|are)\s+used\b|^(?:uses|use cases)\b|^when to use\b", re.I)
def faceted(ctx: RuleContext, card: Card, title: str) -> Card:
    """A term asked what it is under a heading (or topic in bold) that says what it is looked at for: its uses
    (`### 7. 용도 구분` ⏎ `- 람다` ⏎ `  - …인 경우`: when to use it), or a rule to follow (`**포괄적인 의미를 담기**` ⏎
    `* **파라미터**` ⏎ `  * 파라미터의 타입, 개수, 순서를 통해 의미를 전달`: how the rule applies to it), is asked with it."""
    facet = re.sub(r"^\d+[.)]\s*", "", heading_text(clean_title(title)))
    if card.rule != "term" or card.prompt != ctx.say("무엇인가요?", "What is it?") or not FACET_TITLE.search(facet):
        return card
    return replace(card, front=f"{_unwrapped(card.front)} ({facet})", prompt=ctx.say("설명해 보세요", "Explain"))


EXAMPLE_LEAD = re.compile(r"\s*(?:(?:[-*+]|\d+[.)])\s+)?[*_`]*(?:예시|예제|예|ex|e\.g\.|eg|for example|for instance|such as)"
                          r"\s*[:.)]?\s+", re.I)  # a line that opens on an example (`- 예시: …`, `- e.g. …`)


def _only_examples(body: tuple[str, ...]) -> bool:
    """Sub-items that only give examples (`- 255.255.255.0, 255.255.255.252 등`, `- 예시: API 서버, DB 등`): they show
    what the item is like, never what it is, so the item is no term their lines define."""
    seen = False
    for line in body:
        text = line.strip()
        if not text:
            continue
        if not (text.rstrip(" .").endswith(("등", "etc", "on")) and ETC.search(text)
                and len(visible_text(text).split()) <= 6 or EXAMPLE_LEAD.match(text)):
            return False
        seen = True
    return seen


# `X의 Y은 Z` (a statement of what Y is), its subject a word or two
SAYS_WHAT = re.compile(r"^(?P<subject>\S+의 \S+?)[은는] (?P<rest>\S.*)$")
NAME_ITEM = re.compile(r"^(?P<indent>\s*)[-*+] (?P<name>[^\s].{0,19})$")


def _short_names(body: tuple[str, ...]) -> list[str]:
    """The names of a flat list of 2 to 10 names of at most two words (`- AS-PATH`), else []."""
    found = [NAME_ITEM.match(line.rstrip()) for line in body if line.strip()]
    if not 2 <= len(found) <= 10 or not all(found) or len({match.group("indent") for match in found}) != 1:
        return []
    names = [match.group("name").strip() for match in found]
    return names if all(len(name.split()) <= 2 for name in names) else []


ASKED = re.compile(r"\?[\s)*_]*$")  # a text that ends on a question: asked of the reader, it answers nothing


def list_cards(ctx: RuleContext, section: Section, used: set[int]) -> list[Card]:
    """`Label:` followed by a list of 2-10 short items gives a card that asks for the whole list."""
    cards: list[Card] = []
    for block in section.blocks:
        if block.kind != "list":
            continue
        intro = _intro_label(section, block)
        items = list_items(block)
        if not intro or not 2 <= len(items) <= 10 or any(item.line in used for item in items) \
                or block.source[:1].isspace() or is_click_through(block.source) \
                or is_example_label(visible_text(intro)) or EXAMPLES_OF.search(visible_text(intro).rstrip(":： ")):
            continue  # (a list under a list item gives its fields' cards, not a list to recite)
        if _ranks(section, intro, items):
            continue  # places in an order: the section's explanation shows them in it, with what each is
        names = [_term_of(item.head) for item in items]
        if any(is_link_list_item(name) or nothing_to_learn(name) or not is_short_label(name, 60) or _dangling(name)
               or SENTENCE_END.search(re.sub(r"[*_`]+", "", name).strip()) and len(visible_text(name)) > 12
               or _reads_on(name) and name != item.head.strip() for item, name in zip(items, names)):
            continue  # links, or sentences: nothing a learner lists from memory
        shown = [found for found in map(split_definition, (item.head for item in items)) if found]
        if sum(uses_the_subject(term, meaning, section) for term, meaning in shown) * 2 > len(items):
            continue  # `Regex is supported …:` over `- Replace all vowels: `…|replace:…``: examples of the subject
        if _examples_of_one_construct(items):
            continue  # `- Literals: `{% set count = 5 %}`` …: the kinds are shown by their examples, in the explanation
        if _named_by(intro, names):
            continue  # `Some settings are hot reloaded, others need a restart` ⏎ `- **Hot-reloadable**: …`: it names them
        if _keys_to_answers(intro, items, names):
            continue  # `- **Windows**: `C:\Vaults`` `- **macOS**: …`: the values are the answer, the labels say nothing
        if _outlines(names):
            continue  # `- Master Queue: …` `- **Mirroring 과정**` ⏎ `  - …`: an outline of what is said of the label,
            # each of its topics asked on its own, not a set whose names say anything
        if _speaks_of(intro, names):
            continue  # `**스위치**` ⏎ `- 허브의 충돌 문제` `- 스위치의 주요 기능`: an outline of what it says of it
        if _remarks_among_terms(items, names) or _glossed_code_lines(items, names):
            # `**대역폭**` ⏎ `- 컴퓨팅 영역에서의 정의: …` `- "정보를 주고받을 폭"`: notes on one thing, not a set;
            # `**주요 설정:**` ⏎ `- `listen 80`: HTTP 기본 포트`: what each line does is the lesson. The glosses are
            # asked with the list when no item is asked on its own
            if ctx.on("explain") and not any(split_definition(item.head) or any(map(str.strip, item.body))
                                             for item in items):
                cards.append(ctx.card("basic", _lead_front(ctx, section, intro), "\n".join(
                    dedent_lines(block.source.split("\n"))), block.line - 1, section, "label", intro,
                    prompt=ctx.say("설명해 보세요", "Explain")))
            continue
        if _fields_of_another(intro, items):
            continue  # `**질의 서비스**` ⏎ `- query: 질의문을 저장하는 필드다.`: fields of a table the label does not name
        if any(item.body and ENUMERATES.search(visible_text(name)) for item, name in zip(items, names)):
            continue  # `- ARQ의 대표적인 3가지 방식` ⏎ `  - Stop-and-Wait …`: a label over what it announces, so the
            # list is an outline of points (each asked on its own), not a set whose names say anything
        front = _lead_front(ctx, section, intro)
        problem = _problem_before(section, block) if SOLUTION_LABEL.fullmatch(_label_words(intro)) else ""
        front = f"{front} ({problem})" if problem else front
        back = "\n".join(f"- {name}" for name in names)
        count = len(items)
        cards.append(ctx.card("basic", front, back, block.line - 1, section, "list", intro,
                              prompt=ctx.say(f"{count}가지를 나열해 보세요", f"List all {count}")))
    return cards


def _lead_front(ctx: RuleContext, section: Section, intro: str) -> str:
    """A list's lead-in as a front; a generic or one-word one (`Available:`) is asked with its topic."""
    if is_generic(intro) or len(intro.split()) == 1:
        return in_context(intro, topic_of(section, ctx.topic))
    if not section.path and len(intro.split()) <= 4 and not SENTENCE_END.search(intro) \
            and not _stems(intro) & _stems(ctx.topic):
        return in_context(intro, ctx.topic)  # a label in bold in a note without headings that does not name
        # the note's topic (`**Node Level Changes**` in `Storage Access Mode`): asked with it, as a heading would be
    return intro


def _outlines(names: list[str]) -> bool:
    """Some item names an aspect of something (`**Mirroring 과정**` beside `Master Queue`, `Slave Queue`, or
    `Stop-and-Wait ARQ의 문제 해결 방법` beside `송신 호스트`): a heading of what the list says, never one of a set
    to recite."""
    return any(ASPECT.match(plain) or OWN_ASPECT.search(plain)
               for plain in (visible_text(name).strip().rstrip(":：") for name in names))


# a remark, not a name: words quoted (`"정보를 주고받을 폭"`) or a clause about a subject marked as the topic
# (`TCP 헤더 크기는 제외`; not `…하는`, `…없는`, `…많은`: words that describe a name)
REMARK = re.compile(r"^[\"“'「]|[가-힣](?<![하되있없않많적작같높낮좋짧넓깊인])(?:은|는)\s")


def _remarks_among_terms(items: tuple[Item, ...], names: list[str]) -> bool:
    """Some items gloss a name (`- 송신 호스트: …`, `- MSS - …`) and another is a remark said of the label (`- TCP 헤더
    크기는 제외`, `- "정보를 주고받을 폭"`): the items are not of one kind, so not a set; what the list teaches is in
    its glosses and remarks, which a list of the names drops."""
    glossed = [bool(_shaped_definition(item.head)) for item in items]
    return any(glossed) and any(not shown and REMARK.search(visible_text(name))
                                for shown, name in zip(glossed, names))


# a line of code: a setting with its value or an expression (`listen 80`, `price + tax`), not a name
CODE_LINE = re.compile(r"`[^`\n]*\S\s+\S[^`\n]*`")


def _glossed_code_lines(items: tuple[Item, ...], names: list[str]) -> bool:
    """Every item glosses a line of code (`- `listen 80`: HTTP 기본 포트`, `- `price + tax` — add`): the gloss is what
    each teaches, and the lines are no names to recite (each gloss is asked on its own, or in the explanation)."""
    return all(_shaped_definition(item.head) and CODE_LINE.fullmatch(_unwrapped(name.strip()))
               for item, name in zip(items, names))


# a Korean phrase that goes on past a case ending (`네임 서버에 일일이 …`, `결과를 클라이언트에게 전달`): a clause, not a name
CLAUSE = re.compile(r"\S(?:을|를|에|에게|에서|으로)\s+\S")


def lists_clauses(card: Card) -> bool:
    """A list card every item of which is a clause (`- 네임 서버에 일일이 질의-응답 반복`, `- 최종 응답 결과를 클라이언트에게
    전달`): steps or points said of its label (`**반복적 질의**`), not the names of a set to recite."""
    items = [BULLET.sub("", line, count=1) for line in card.back.split("\n") if line.strip()]
    return bool(items) and all(CLAUSE.search(visible_text(item)) for item in items)


def uses_the_subject(term: str, meaning: str, section: Section) -> bool:
    """`- Replace all vowels: `"hello world"|replace:"/[aeiou]/g":"*"` → …` under `### replace`: what the term
    names is done with the section's own subject, whose use the meaning opens with; an example of it, not a term."""
    code = re.match(r"\s*`([^`\n]+)`", meaning)
    if not code or term.lstrip().startswith("`"):
        return False
    subject = heading_text(section.title).strip().strip("`").removesuffix("()").strip()
    return len(subject) >= 3 and " " not in subject \
        and re.search(rf"(?<![\w-]){re.escape(subject)}(?![\w-])", code.group(1)) is not None


# what a meaning calls its term: a field or column of some record (`질의문을 저장하는 필드다.`, `The column that …`)
FIELD_GLOSS = re.compile(r"(?:필드|컬럼|칼럼)(?:이다|다|입니다|임)?[.。]?$|^(?:the|a|an) (?:\w+ )?(?:field|column)\b|"
                         r"\b(?:field|column)\.?$", re.I)
FIELD_WORD = re.compile(r"필드|컬럼|칼럼|field|column", re.I)
# a label that names what has fields: a table, a schema, a record, a message …
HOLDER = re.compile(r"테이블|스키마|필드|컬럼|칼럼|레코드|엔티티|모델|구조|형식|포맷|메시지|헤더|문서|객체|로그|데이터|"
                    r"table|schema|field|column|record|entity|model|struct|format|message|header|document|object|"
                    r"payload|row|log|data", re.I)


def _fields_of_another(intro: str, items: tuple[Item, ...]) -> bool:
    """Items that each gloss a field (`- query: 질의문을 저장하는 필드다.`) under a label that names no table, record or
    schema (`**질의 서비스**`): the names alone do not say what they are fields of, so they are no set to recite
    from that label (each field keeps its own card)."""
    return all(FIELD_WORD.search(item.head) and FIELD_GLOSS.search(visible_text(_shaped_definition(item.head)).strip())
               for item in items) and not HOLDER.search(visible_text(intro))


def _keys_to_answers(intro: str, items: tuple[Item, ...], names: list[str]) -> bool:
    """Items whose labels only key what each says, and what they say is the answer: half or more give a value
    (`- **Frontend**: `publish.obsidian.md``, `- 최대 크기: 1500바이트`), the labels are platforms (`- **Windows**:
    …` `- **macOS**: …`), or the lead-in says the answer depends on them (`the result depends on the file type`).
    A list of the labels alone teaches none of it; nor does a list of keys to press (`- `Enter`: Adds …`,
    `- `Shift+Enter`: …`), whose labels are shortcuts and what each does is what a learner recalls."""
    said = [_shaped_definition(item.head) for item in items]
    if all(is_key_chord(name) for name in names) and all(text or item.body for text, item in zip(said, items)):
        return True
    if sum(bool(text) and (is_bare_value(text) or _names_its_label(name, text)) for text, name in zip(said, names)) * 2 \
            >= len(items):
        return True
    if not all(text or item.body for text, item in zip(said, items)):
        return False
    plain = visible_text(intro)
    return bool(DEPENDS_ON.search(plain)) or all(PLATFORMS.fullmatch(visible_text(name).rstrip(":： ")) for name in names) \
        and not PLATFORMS_LISTED.search(plain)


def _names_its_label(label: str, said: str) -> bool:
    """A description labels a name (`물리 계층의 대표 장비 - 허브`): the name is what it asks for."""
    return "`" not in label and len(visible_text(said).split()) == 1 and len(visible_text(label).split()) >= 3


# a lead-in over examples of something (`문제 상황 예시`, `Deployment examples`): cases shown, not a set to recite
# a lead-in that names examples of a set (`Examples`, `…a third-party app such as:`, `예를 들어:`), not the whole set
EXAMPLES_OF = re.compile(r"(?:^|\s)(?:예시|예제|examples?|such as|like|including|e\.g\.|for (?:example|instance)|"
                         r"예를 들[어면]|예컨대|(?:과|와|이나|나) 같은)$"
                         r"|^(?:(?:some|common|typical|a few|other)\s+)?examples?\s+(?:of|include)\b"
                         r"|^(?:imagine|suppose|let's say|가령)\b", re.I)  # (`Common
# examples of hidden files that are not synced`: the rule is the section's, its cases are not the set; `Imagine you
# move a note from one folder to another:` ⏎ `- **Guides**`: the parts of a case made up to show it)
# a lead-in that says the answer differs by the items' labels
DEPENDS_ON = re.compile(r"\b(?:depends? on|depending on|based on|var(?:y|ies) (?:by|with|between|across))\b|에 따라 (?:다르|달라)",
                        re.I)
PLATFORM = rf"(?:{PLATFORM_NAMES}|other|others|기타)"
PLATFORMS = re.compile(rf"{PLATFORM}(?:\s*(?:/|,|and|or|&|및)\s*{PLATFORM})*", re.I)


def _names_platforms(label: str) -> bool:
    """A label that only names platforms (`macOS`, `**Windows/Linux**`): what holds there is of the section's topic."""
    return bool(PLATFORMS.fullmatch(visible_text(label).strip().rstrip(":： ")))


PLATFORMS_LISTED = re.compile(r"\b(?:available|supported|runs?) (?:on|for)\b|\bplatforms\b|지원", re.I)


def _term_of(head: str) -> str:
    """What an item names: the term of a definition (also one turned down as a card, `뉴스 피드: 뉴스 피드의 ID를
    보관한다.`), else the item itself."""
    found = split_definition(head)
    return found[0] if found else _shaped_term(head) or split_block_id(head)[0]


# a label over the ways out of a problem stated above it (`**해결**` under `**문제점**`)
SOLUTION_LABEL = re.compile(r"해결|해결책|해결 방법|해결 방안|solutions?|fix|fixes|workarounds?", re.I)
PROBLEM_LABEL = re.compile(r"문제|문제점|원인|problems?|issues?|cause", re.I)
PROBLEM_HEAD = re.compile(r"^\s*(\*\*|__)\s*(?:문제|문제점|문제 상황|상황|problems?|the problem|issues?)\s*[:：]?\s*\1\s*$",
                          re.I)  # a line in bold alone that states the problem its section then solves
PROBLEM_SIZE = 60  # characters of the problem's first point a front names
PROBLEM_AND_WAY_OUT = (1200, 24)  # characters and lines a problem and its way out fill at most as one answer (twice one)


def _label_words(label: str) -> str:
    return visible_text(label).strip().rstrip(":：").strip()


def _problem_before(section: Section, block: Block) -> str:
    """The first point of the problem a list of solutions answers: the list right under the last problem label
    above it in the section (`**문제점**` ⏎ `* hasRole('MASTER') 적용 x`), or ""."""
    for earlier in reversed(section.blocks[:section.blocks.index(block)]):
        if earlier.kind == "list" and PROBLEM_LABEL.fullmatch(_label_words(_intro_label(section, earlier))):
            items = list_items(earlier)
            point = items[0].head.strip() if items else ""
            return point if 0 < len(visible_text(point).strip()) <= PROBLEM_SIZE else ""
    return ""


STEM = 5  # letters two forms of an English word share (`reload`, `reloaded`, `reloadable`)


def _named_by(intro: str, names: list[str]) -> bool:
    """Items each named by their lead-in already: a word that sets each apart from the others (not `properties` of
    `Note properties`, `File properties`) begins as one of the lead-in's words does (`hot`, `reloaded`)."""
    said = _stems(intro)
    stems = [_stems(name) for name in names]
    shared = set.intersection(*stems) if stems else set()
    return bool(said) and all(bool(own - shared) and bool((own - shared) & said) for own in stems)


def _stems(text: str) -> set[str]:
    return {word[:STEM] for word in WORD_3.findall(visible_text(text).lower())} - STOP_WORDS


WORD_3 = re.compile(r"[a-z]{3,}")
STOP_WORDS = {"the", "and", "for", "with", "you", "your", "are", "can", "not", "all", "any", "its", "has", "was",
              "use", "one", "two", "but", "from", "that", "this", "thes", "other", "while", "some", "certa", "each"}


def _speaks_of(intro: str, names: list[str]) -> bool:
    """Items that name their own lead-in (`스위치의 주요 기능` under `스위치`) are points made about it, not its
    parts or kinds."""
    label = visible_text(intro).strip().rstrip(":：").strip().lower()
    return bool(label) and sum(label in visible_text(name).lower() for name in names) >= 2


# a `?` that ends a question: it closes a word and no word goes on from it (a `?` standing alone, `? extends T`, or
# with an ending on it, `?는`, is a symbol of the text: Java's wildcard, a ternary, a regex)
QUESTION_MARK = re.compile(r"(?<=[^\s?])\?(?![\w?])")


def question_cards(ctx: RuleContext, section: Section, used: set[int]) -> list[Card]:
    """A line that asks itself a question and answers it on the same line: `X는 뭐다? 답`. A `?` inside a
    link, emphasis, code span or URL asks nothing."""
    cards: list[Card] = []
    for block in section.blocks:
        if block.kind not in ("paragraph", "list"):
            continue
        for offset, raw in enumerate(block.source.split("\n")):
            number = block.line + offset
            if number in used or "::" in raw or "?" not in raw:
                continue
            line = BULLET.sub("", raw, count=1).strip()
            masked = mask_markup(line)
            found = QUESTION_MARK.search(masked)
            if not found:
                continue  # `K extends T와 ? extends T는 …`, `?는`: Java's wildcard, a ternary, not a question
            at = found.start()
            question = line[:at + 1].strip()
            answer = ARROW.sub("", line[at + 1:]).strip()
            if len(visible_text(question)) < 4 or len(question) > 90 or len(visible_text(answer)) < 4 \
                    or "?" in mask_markup(answer) or nothing_to_learn(answer) or _dangling(answer):
                continue
            cards.append(ctx.card("basic", question, answer, number, section, "question", question))
    return cards


# a quiz's label before its question (`OX:`, `O/X:`, `Q.`, `퀴즈:`), and a heading over a set of questions to answer
# (`질문 모음`, `Self Check`, `Review questions`)
QUIZ_LABEL = re.compile(r"^(?:OX|O/X|Q\d*|퀴즈|문제)\s*[:：.)]\s*", re.I)
QUESTIONS_HEADING = re.compile(r"질문|셀프\s?체크|self[- ]?check|quiz|퀴즈|review questions|check your understanding", re.I)
ANSWER_LABEL = re.compile(r"^(?:[-*+]\s+)?(?:답|정답|answer|a)\s*[:：.]\s*", re.I)
WRAPS_ONLY = re.compile(r"\s*(?:[-*+]\s+)?(?:</?(?:details|summary|div|p|b|strong)\b[^>]*>[^<>]{0,40})+\s*", re.I)


def listed_question_cards(ctx: RuleContext, section: Section, used: set[int]) -> tuple[list[Card], set[int]]:
    """A list of questions, each answered by the items under it (`1. …접근하는 이유가 무엇?` ⏎ `   * 답: Pod가 재생성되면
    IP가 달라지기 때문`, `2. OX: 같은 pod의 다른 container에 localhost로 접근 가능한가?` ⏎ `   * 답: O`): a card per
    question, the question → its answer (the `답:` label left off), when four in five of the list's items are such
    questions or a heading says they are. Under a heading of questions (`질문 모음`, `Self
    Check`) an item that asks without a question mark (`EmptyDir Volume과 HostPath Volume의 차이`, `OX: secret은 …
    평문으로 저장된다.`) is a question too. Returns the cards and the lines of the items they use."""
    cards: list[Card] = []
    taken: set[int] = set()
    asks = bool(QUESTIONS_HEADING.search(heading_text(section.title)))
    for block in section.blocks:
        if block.kind != "list" or block.line in used:
            continue
        items = list_items(block)
        asked = [item for item in items if item.body and mask_markup(item.head).rstrip().endswith("?")]
        if not asks and (len(asked) < 2 or len(asked) * 5 < len(items) * 4):
            continue  # (questions the note asks itself among its points, `무조건 호스트 주소 공간을 크게 할당하면?`,
            # are part of its explanation; a list of questions, each with its answer under it, is a quiz)
        for item in items:
            head = item.head.strip()
            label = QUIZ_LABEL.match(head)
            question = head[label.end():].strip() if label else head
            body = _body_markdown(item.body)
            if not body or len(visible_text(question)) < 6 or item.line in used \
                    or not (mask_markup(question).rstrip().endswith("?") or asks and (label or item.ordered)):
                continue
            lines = [line for line in body.split("\n") if not WRAPS_ONLY.fullmatch(line)]  # (`<details>` ⏎
            lines[0] = ANSWER_LABEL.sub(lambda found: found.group(0)[:2] if found.group(0)[:1] in "-*+" else "", lines[0], 1)
            if len(lines) > ctx.config.max_answer_lines * GRACE:  # a long example under the answer: its words, and
                fence = next((n for n, line in enumerate(lines) if FENCE_OPEN.match(line)), len(lines))
                lines = lines[:min(fence, ctx.config.max_answer_lines)] + ["", continued(ctx, section)]  # the link
            answer = "\n".join(lines).strip()
            if len(visible_text(answer)) < 2:
                continue
            is_ox = bool(label) and label.group(0).strip(" :：.)").upper() in ("OX", "O/X") \
                or bool(re.match(r"^(?:[-*+]\s+)?[OX](?:[\s,.:)]|$)", answer))  # (answered `X, …`: true or false)
            prompt = ctx.say("O/X?", "True or false?") if is_ox and not question.rstrip().endswith("?") else ""
            topic = topic_of(section, ctx.topic)
            front = in_context(question, topic) if not asks and len(question.split()) <= 4 \
                and topic.lower() not in visible_text(question).lower() else question  # (`I/O Bound 프로그램은?` under
            # `적절한 스레드 수`: of what)
            cards.append(ctx.card("basic", front, answer, item.line, section, "question", question, prompt=prompt))
            taken.update(range(item.line, item.line + len(item.body) + 1))
    return cards, taken


# a question in bold alone on its line, as FAQs ask them (up to `Do you have any recognized certifications related
# to …, or other ISO or CSA certifications?`: a long one is still the next question, not part of the answer above)
BOLD_QUESTION = re.compile(r"^\s*(\*\*|__)(?P<q>[^*_\n]{4,200}\?)\1\s*$")
BOLD_LABEL = re.compile(r"^\s*(\*\*|__)[^*_\n]{1,150}\1\s*[:：]?\s*$")  # a paragraph in bold: a heading in all but name


def faq_cards(ctx: RuleContext, section: Section, used: set[int]) -> tuple[list[Card], set[int]]:
    """A question in bold on a line of its own (`**Why do I need …?**`, as FAQs are written) and what follows
    it: the rest of its paragraph and the blocks under it, up to the next paragraph in bold. Returns the cards
    and the lines of the blocks they show."""
    cards: list[Card] = []
    shown: set[int] = set()
    blocks = [b for b in section.blocks if b.kind not in ("html", "log_date")]
    starts = [i for i, b in enumerate(blocks) if b.kind == "paragraph" and b.line not in used
              and BOLD_QUESTION.match(b.source.split("\n")[0])]
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        first, _, rest = blocks[start].source.partition("\n")
        answer = []
        for block in blocks[start + 1:end]:
            if block.kind == "rule" or block.kind == "paragraph" and BOLD_LABEL.match(block.source.split("\n")[0]):
                break
            answer.append(block)
        question = BOLD_QUESTION.match(first).group("q").strip()
        rest = re.sub(r"\n\s*\^[\w-]+\s*$", "", rest.strip())  # a block id on a line of its own
        pieces = [split_block_id(rest)[0]] if rest else []  # the answer on the lines under the question
        back = "\n\n".join(piece for piece in pieces + [b.source for b in answer] if piece.strip()).strip()
        if not back or nothing_to_learn(back) or is_pointer(back):
            continue
        if (len(back) > ctx.config.max_answer_chars or back.count("\n") + 1 > ctx.config.max_answer_lines) \
                and not _prose_within_grace(ctx, pieces, answer, back):
            head, kind = (pieces[0], "paragraph") if pieces else (answer[0].source, answer[0].kind)
            back = _shorten(head, kind, ctx.config.max_answer_chars, ctx.config.max_answer_lines)
            if not back:
                continue
            back += "\n\n" + continued(ctx, section)
        cards.append(ctx.card("basic", question, back, blocks[start].line, section, "question", question))
        shown.update(line for b in [blocks[start], *answer] for line in range(b.line, b.end_line + 1))
    return cards, shown


FAQ_PROSE_PARAGRAPHS = 2  # paragraphs of prose a question's answer may run to when shown whole past the room


def _prose_within_grace(ctx: RuleContext, pieces: list[str], answer: list[Block], back: str) -> bool:
    """An answer in prose to a question of a FAQ, a paragraph or two a little over the room (`We require a minimum
    … order amount …` ⏎ `However, you can waive this …`), shown whole within GRACE times the room: a cut would drop
    its last sentence, often the one that completes the answer. Lists, code, tables and pictures stay cut."""
    if len(pieces) + len(answer) > FAQ_PROSE_PARAGRAPHS or any(block.kind != "paragraph" for block in answer):
        return False
    return _reading_size(back) <= ctx.config.max_answer_chars * GRACE \
        and back.count("\n") + 1 <= ctx.config.max_answer_lines * GRACE and not IMAGE.search(back) \
        and not POINT.search(back)


def label_cards(ctx: RuleContext, section: Section, used: set[int], missing: set[str] = frozenset()) -> tuple[
        list[Card], set[int]]:
    """A paragraph that opens with a short label line (`서비스 타입`) and explains it on the lines below.
    The section's first paragraph is left to its "explain" card. A label in bold alone on its line
    (`**저장소 규모 확장**`) is a heading in all but name: its answer goes on over the blocks after its paragraph
    (the list its lead-in announces, the paragraphs that explain further) up to the next such label or rule, within
    an explanation's room and cut as one is. Returns the cards and the lines of the blocks they show."""
    cards: list[Card] = []
    shown: set[int] = set()
    content = [b for b in section.blocks if b.kind not in ("log_date", "rule", "html")]
    for block in content[1:]:
        if block.kind != "paragraph" or block.line in used:
            continue
        lines = [line for line in block.source.split("\n") if line.strip()]
        if len(lines) < 2:
            continue
        label = lines[0].strip()
        if any(all(pattern.match(mask_markup(line.strip().rstrip("\\ "))) for line in lines[:2])
               for pattern in (DEF_DASH, DEF_COLON, DEF_ARROW)):
            continue  # `컨테이너 레이어 - 읽기/쓰기 레이어` ⏎ `이미지 레이어 - …`: pairs written line by line, no label
        body = "\n".join(line.strip() for line in lines[1:] if not _is_source_line(line))
        if not is_short_label(label, 40) or SENTENCE_END.search(label) or _dangling(label) or CONNECTIVE.search(label) \
                or "?" in label or nothing_to_learn(label) or is_metadata_key(label) or SENTENCE_OPENING.match(label) \
                or "<" in label or _parallel_lines(label, body):
            continue
        below = _under_label(section, block) if BOLD_LABEL.match(label) else ()
        parts, cut = [body], False
        if below:  # the blocks under a label in bold go on explaining it
            head = Block("paragraph", block.line + 1, block.end_line, body)
            parts, cut, _ = section_content(ctx, replace(section, blocks=(head, *below), children=()), used, missing)
        if len("\n".join(parts)) <= len(body):  # nothing under it shown: a lead-in whose list, code or picture is
            parts, cut = [body], False  # not shown goes whole
            while parts[0] and _dangling(parts[0]):
                parts[0] = "\n".join(parts[0].split("\n")[:-1]).rstrip()
        body = "\n\n".join(parts).strip()
        if len(visible_text(URL.sub("", body))) < 8 or nothing_to_learn(body) or is_pointer(body):
            continue
        body += "\n\n" + continued(ctx, section) if cut else ""
        front = label
        if is_result(label):
            continue  # the output of an example that is not on the card
        if is_generic(label):
            topic = topic_of(section, ctx.topic)
            if not topic:
                continue
            front = in_context(label, topic)
        cards.append(ctx.card("basic", front, body, block.line, section, "label", label,
                              prompt=ctx.say("설명해 보세요", "Explain")))
        shown.update(line for part in below for line in range(part.line, part.end_line + 1))
    return cards, shown


def _under_label(section: Section, label: Block) -> tuple[Block, ...]:
    """The blocks after a label's paragraph up to the next paragraph that opens in bold (another label, or a point
    of its own: `**쓰기 시점에 팬아웃하는 모델**: …`), a rule, a new study day or the end of the section."""
    below = []
    for block in section.blocks[section.blocks.index(label) + 1:]:
        if block.kind in ("rule", "log_date") or block.kind == "paragraph" and block.source.lstrip().startswith(("**", "__")):
            break
        below.append(block)
    return tuple(below)


def _parallel_lines(label: str, body: str) -> bool:
    """Lines of one shape written without bullets (`컨테이너를 가지고 있는 파드` ⏎ `네임스페이스와 인터페이스를 가지고
    있는 컨테이너` ⏎ …): the first is one of them, not a label the others explain. A marked label (`**도메인**`)
    is a label whatever follows."""
    if "**" in label or "`" in label:
        return False
    lines = [label] + body.split("\n")
    return len(lines) >= 3 and all(len(line.split()) >= 3 and not SENTENCE_END.search(line)
                                   and not line.rstrip().endswith(":") for line in lines)


OUTPUT_STARTS = ("```", "~~~", "[", "{", "|", "`[", "`{")  # a listing, a JSON or list value, a table
OUTPUT_LINE = re.compile(r"^\s*(?:`[^`\n]+`|\*\*[^*\n]{1,20}\*\*)\s*$")  # `` `[ "123_456" ]` ``, a label `**결과**`
OUTPUT_REMARK = 80  # characters of a quote or callout after the output: a tip beside it (`> [!tip] 활용`), no lesson


def only_output(parts: list[str]) -> bool:
    """What an example printed and nothing said about it: code, tables, a value in code alone on its line or a short
    label in bold over them, a source line, and after them at most a short quote or callout."""
    shown = False
    for part in parts:
        lines = [line for line in part.strip().split("\n") if line.strip()]
        if part.lstrip().startswith(OUTPUT_STARTS) or all(OUTPUT_LINE.match(line) or _is_source_line(line)
                                                          for line in lines):
            shown = shown or not all(_is_source_line(line) for line in lines)
        elif not (shown and part.lstrip().startswith(">") and len(visible_text(part)) <= OUTPUT_REMARK):
            return False
    return shown


def _is_source_line(line: str) -> bool:
    """`출처: https://…` and similar citation lines add nothing to an answer."""
    return bool(re.match(r"^\s*(출처|source|참고|ref)\s*[:：]", line, re.I))


# a heading that points back at what the note named before it (`둘의 차이점?`, `이것의 장점`, `Both compared`)
REFERS_BACK = re.compile(r"^(?:(?:이|그)\s?)?(?:둘|양자|이것|그것|이거|그거)(?:의|은|는|을|를|이|가|과|와|에|도|\s|[?]|$)"
                         r"|^(?:both|the two|these two|the difference between (?:them|the two))\b", re.I)
# a heading that is only a value some setting takes (`none`, `true`, `auto` under the option that takes it)
ENUM_VALUES = frozenset({"none", "null", "nil", "true", "false", "on", "off", "auto", "always", "never", "all", "any",
                         "mixed", "discard", "strict", "lenient"})


def _says_nothing_alone(title: str) -> bool:
    """`둘의 차이점?`, `none`: a heading that points back or is a bare value (cheap tests first: most are neither)."""
    return title[:1] in REFERS_BACK_STARTS and bool(REFERS_BACK.match(title)) \
        or len(title) <= ENUM_VALUE_SIZE and words(title) in ENUM_VALUES


REFERS_BACK_STARTS = "이그둘양bBtT"
ENUM_VALUE_SIZE = 16  # characters of a bare value's heading, with its markup


def _with_what_it_refers_to(ctx: RuleContext, section: Section, title: str) -> str:
    """The front of a heading that says nothing on its own: one that points back (`둘의 차이점?`) with its topic
    above (or the note's title), and a bare value (`none`) as what is set to it in the text above
    (`"decompound_mode": "none"` → `decompound_mode: none`), with that topic."""
    topic = topic_above(section, ctx.topic)
    if not REFERS_BACK.match(title):
        value = words(title)
        before = ctx.note.source.split("\n")[max(0, section.line - 1 - SET_TO_REACH):section.line - 1]
        keys = [found.group(1) for line in before for found in re.finditer(
            rf"[\"']?([A-Za-z_][\w.-]*)[\"']?\s*[:=]\s*[\"']?{re.escape(value)}[\"']?(?![\w-])", line, re.I)]
        title = f"{keys[-1]}: {value}" if keys else title
    return in_context(title, topic)


BARE_URL = re.compile(r"\s*(?:https?://|www\.)\S+\s*")
SET_TO_REACH = 60  # lines above a bare value's heading where what is set to it is looked for


def explain_card(ctx: RuleContext, section: Section, used: set[int], missing: set[str],
                 covered: int = 0, named: str | None = None, heading: Section | None = None) -> Card | None:
    """A heading (or lesson line) whose section has content: "explain this", with the content as the answer,
    up to the first rule or new study day and within the configured size. Short code stays; what does not
    fit is cut visibly (`…` and a link to the note), never after a lead-in whose content is gone. A section
    that other rules already turned into two or more cards, a section of links, a date and a generic heading
    with no topic above it get none. `named`: the empty heading right above that names what this one describes;
    `heading`: the section a topic in bold (topic_parts) stands in, where a cut answer links to."""
    if not section.level or covered >= 2 or is_navigation(clean_title(section.title)):
        return None
    title = clean_title(section.title)
    front = title
    if is_date(heading_text(title)) or is_log_heading(title) or any(names_instances(t) for t in section.path) \
            or CONSOLE_SECTION.search(heading_text(title)):
        return None  # a day of the study log, one machine or cloud resource, a walk through a console's screens
    if BARE_URL.fullmatch(heading_text(title)):
        return None  # `# https://linuxize.com/post/bash-comments/` (a script's comment read as a heading): asks nothing
    if names_a_problem(title):
        return None  # a problem set with no answer under it (`참고 - 기출 문제`; one with its answer is an exercise)
    kinds = KINDS_ABOUT.match(heading_text(title).strip()) if title[:1] in KINDS_ABOUT_STARTS else None
    above = topic_above(section, ctx.topic) if kinds else ""
    if kinds and words(kinds.group(2)) in {words(above), words(ctx.topic)}:
        # `Key Points About Volumes` in `Volumes`: the kind of section, about the topic the note already names
        front = in_context(kinds.group(1), above)
    elif is_generic(heading_text(title)) or words(title) in DIFFERENCES:
        topic = topic_of(section, ctx.topic)
        if not topic:
            return None
        front = in_context(heading_text(title), topic)
    elif is_qualifier(heading_text(title)):
        front = qualified(section, ctx.topic)  # `macOS` → `Obsidian CLI › Troubleshooting › macOS`
    elif _says_nothing_alone(heading_text(title)):
        front = _with_what_it_refers_to(ctx, section, heading_text(title))
    else:
        front = unmarked(front, heading=True)  # `스키마(중요)`, `… 설정 (필수)`: the learner's mark, not the subject
        aside = aside_subject(front)
        if aside:  # `참고: API 인증`: an aside asked by its subject (with its topic when that says nothing alone)
            front = in_context(aside, topic_above(section, ctx.topic)) \
                if is_generic(heading_text(aside)) else aside
    parts, cut, skipped, ran_out = _section_content(ctx, section, used, missing)
    if is_wrap_up(heading_text(title)) and any(POINT.search(part) for part in parts):
        return None  # `정리`/`마무리`: points gone over again (asked where the note explains them) or a grab-bag of extras
    about = ABOUT_HEADING.match(heading_text(title))
    if about and not is_generic(heading_text(title)):  # `컬렉션 관련`: asked with its topic and what the code does
        topic = topic_above(section, ctx.topic)
        does = _comment_names(parts)
        front = in_context(about.group(1).strip(), topic) + (f" ({', '.join(does)})" if does else "")
    labels = _labels_listed(parts) if is_generic(heading_text(title)) else []
    if labels:  # `주요 정보` over `- **기본 포트:** 27017`, …: asked by what it lists
        front += f" ({', '.join(labels)})"
    if COMPARISON_HEADING.search(heading_text(title)) and parts and not VERSUS.search(front):
        compared = _compared_columns(parts[0])
        if compared:  # `비교 테이블` over `| 항목 | ClusterIP + ip | NodePort + instance |`: asked by what it compares
            if (is_generic(heading_text(title)) or words(title) in DIFFERENCES) and not any(
                    not is_generic(heading_text(clean_title(above))) for above in section.path[:-1]):
                front = heading_text(title)  # (`차이 요약` at a note's top: what it compares is its topic, the
                # note's title only its file's name)
            front += f" ({' vs '.join(compared)})"
    if ran_out in ("list", "table", "rule") and parts and _asks_the_whole(title, parts, section):
        return None  # the kinds, options or steps it asks for are cut (or after a `---`): what is shown does not answer
    parts = [part for part in _without_filled_templates(parts) if not is_contribution_call(part)]
    if len(parts) > 1 and _about_the_text(parts[0]):
        parts = parts[1:]  # `In this section, you have already …`: the scene, not the explanation
    if any(part.lstrip().startswith("|") and is_cross_reference(part) for part in parts):
        return None  # an index of where each thing is explained (`패턴 | 설명 | 관련 노트`): the notes it links teach
    if parts and all(part.lstrip().startswith(">") for part in parts) \
            and (any(block.kind == "table" and block.line not in used for block in section.blocks) or skipped
                 or any(child.blocks for child in section.children)):
        return None  # a remark beside what the card leaves out (a table, `워크플로우별 시크릿`; a drawing; the subsections
        # that say what the heading names, `Models` over its privacy warning): what the heading names is gone
    if len(parts) == 1 and "\n" not in parts[0].strip() and not parts[0].lstrip().startswith(("|", ">", "`")) \
            and any(block.line not in used and (block.kind == "table" and is_inventory_table(block.source)
                                                or block.kind == "list" and _is_settings_list(
                                                    [item.head for item in list_items(block)]))
                    for block in section.blocks):
        return None  # the line that led into an inventory or an environment's variables left out (`필요한 리소스를
        # 선택하여 구축합니다.` over one project's scripts, a link to its repository over its branches): what the
        # heading names is gone
    if is_click_through("\n".join(parts)):
        return None  # a walk through an app's screens (`1. Open Settings.` `2. Select …`): looked up, not recalled
    codes = [_fenced_code(part) for part in parts]
    if len(codes) >= 2 and all(code is not None for code in codes) \
            and any(_variants(before, after) for before, after in zip(codes, codes[1:])):
        return None  # the same code twice with no word on which is which (before and after a rule the heading
        # states): the card could only show both unlabelled, and the heading gives its point away
    if len(codes) == 1 and codes[0] is not None and codes[0].strip() \
            and " ".join(codes[0].split()) in heading_text(title):
        return None  # the heading shows the command already (`타임 존 확인 `timedatectl`` → `timedatectl`)
    if len(codes) == 1 and codes[0] is not None and _extends_unshown_type(ctx, codes[0], section, front):
        return None  # `impl로 메서드 추가` → `impl Message { fn call … }`: one example method on a type another
        # section defines (`enum Message`), which the card does not show and the heading does not name
    compared = _compared_code(parts, title) if len(codes) == 1 and codes[0] is not None else None
    if compared is not None:  # `SQL vs AST Builder 비교`: the first way shown, the other asked (`// AST Builder 방식`)
        given, asked = compared
        return ctx.card("basic", f"{front}\n\n{given}", asked, section.line, section, "explain", title,
                        prompt=_code_prompt(ctx, [asked]))
    installs = words(heading_text(title)) in INSTALL_HEADINGS
    if codes and all(code is not None and (runs_scripts(code) or installs and declares_packages(code)) for code in codes):
        return None  # only `bash setup.sh` (what it does is in the script) or `설치`: `serde = "1.0"`: nothing to recall
    if _day_of_work(ctx, section) and not explains(heading_text(title)) and not _says_why(parts):
        return None  # a day's work: the commands, settings and screenshots of one project, with no word on why
    back = "\n\n".join(parts).strip()
    if not cut and _only_leads_in(section, parts, title):
        kinds = _kinds_named(section, parts[0], title)
        if kinds is None:
            return None  # `두 가지 브랜치 통합 방식의 차이.`: the difference is in the subsections, each with its card
        back += "\n\n" + "\n".join(f"- {kind}" for kind in kinds) if kinds else ""
    shown = visible_text(back)
    read = heading_text(back.replace("\n", " ")) if "\n" not in back.strip() else shown  # link texts kept
    if not cut and section.children and "\n" not in back.strip() and len(read) <= 60 and (
            heading_text(title).lower() in read.lower() or GROUP_INTRO.match(read) or _is_tagline(read, heading_text(title))):
        return None  # a line that introduces the subsections (`Commands for Workspace.`), or only names the heading's
        # task again (`Docker 로그인` → `컨테이너 레지스트리 인증.` over `Docker Hub`, `ghcr.io`): the subsections have the cards
    subject = _subject_of_task(section, read) if not cut and "\n" not in back.strip() and "`" not in back else ""
    if subject:  # `Git 충돌 해결` → `…같은 부분이 다르게 수정되면 충돌이 발생한다.`: what a conflict is, not how to
        front = subject  # resolve it (that is under `충돌 해결 절차`): asked by its subject, `Git 충돌`
    if not cut and section.children and "\n" not in back.strip() and only_says_it_can(read, heading_text(title)):
        return None  # `Link to a heading in a note` → `You can link to specific headings in notes.`: how is under the
        # subheadings (or topics in bold) below, each with its card
    if not cut and "\n" not in back.strip() and len(read) <= LEAD_IN_SIZE and _lists_its_children(title, section):
        return None  # `TCP, UDP` over `### TCP`, `### UDP`: each is explained under its own heading, and a line that
        # leads into them (`IP의 문제점을 해결하기 위해 TCP가 등장`) answers neither
    if re.fullmatch(r"\*\*[^*\n]+\*\*\s*", back):
        return None  # only a bold lead line (`**Redis는 Single Thread로 동작**`) whose list other cards took
    if "\n" not in back.strip() and ANNOUNCES.match(shown) and "```" not in back:
        return None  # `The following summaries are available by default.`: what it announces is not on the card
    if _only_applies_files(back):
        return None  # `kubectl apply -f .\pi\pi-job-random.yaml`: a lab's step, whose only lesson, `-f`, every
        # such step repeats; the file's name is the lab's
    if section.children and _lists_its_subsections(back, section):
        return None  # a table of contents written out (`* 1.ArgoCD App 생성` ⏎ `* 2.ArgoCD App 배포` over those sections)
    if not cut and section.children and goes_over(shown):
        return None  # an overview of what the subsections go over (`…를 정리한다. …를 비교한다.`): they have the cards
    if not cut and (is_pointer(back) or is_meta_sentence(shown) or is_summary_and_link(back)) or is_map_list(back) \
            or is_docs_trail(back):
        return None  # only a pointer to elsewhere (a summary over its link), or a sentence about the note itself
    if not cut and section.children and "\n" not in back.strip() and len(shown) <= LEAD_IN_SIZE and "`" not in back \
            and NAMES_AN_EXAMPLE.search(heading_text(title)):
        return None  # what an example holds, said over the subsections that show it (`… 배포 예시` over `Python 테스트
        # → Docker 빌드 → EC2 배포 워크플로우.`): a description of the note, nothing to recall
    if skipped and "\n" not in back and len(shown) < 80 and "```" not in back:
        return None  # the caption of a diagram that cards do not show
    if "\n" not in back and len(shown) < 80 and not SENTENCE_END.search(shown) \
            and any(block.kind == "table" and block.line in used for block in section.blocks):
        return None  # the caption of a table other cards ask (`When a property is focused` over its shortcuts)
    if cut and len(parts) == 1 and parts[0].lstrip().startswith(("```", "~~~")):
        return None  # only the start of a long script: nothing a learner recalls
    if len(shown) < SHORTEST and "```" not in back and not IMAGE.search(back) and not is_result(heading_text(title)) \
            or _restates(read, heading_text(title)) \
            or not cut and "```" not in back and not IMAGE.search(back) and restates(read, heading_text(title)) \
            or not cut and not _shows_code(back, title) and not IMAGE.search(back) \
            and says_nothing_more(read, heading_text(title)):
        return None
    if not cut and len(parts) == 1 and section.children and len(shown) <= LEAD_IN_SIZE:
        offered = _code_children(section)  # `## Date type` over `### date()`, `### format()`: what the type offers
        if offered is None:
            return None  # `Functions you can use with a list …` over 13 functions: the intro alone answers nothing
        offered = offered or _parts_listed(section, title)  # `controlplane component` over `## Master Node` (its
        # parts in bold)
        back += "\n\n" + "\n".join(f"- {name}" for name in offered) if offered else ""
    if cut:
        back += "\n\n" + continued(ctx, heading or section)
    prompt = _code_prompt(ctx, parts, _fixes(section))
    if not cut and prompt == ctx.say("설명해 보세요", "Explain"):
        prompt = _pros_and_cons(ctx, back) or prompt  # `**장점**`, `**단점**` and their points only: asked as such
    glossed = term_and_gloss(title, back, lambda: _sibling_titles(ctx, section)) \
        if front == unmarked(title, heading=True) and not named and not subject else None
    if glossed:  # `튜플 (중요) - 릴레이션의 행`: a term and its definition in one heading, asked by the term
        front, back = unmarked(glossed[0]), f"{glossed[1]}\n\n{back}"
    card = ctx.card("basic", front, back, section.line, section, "explain", title, prompt=prompt)
    if named:  # the empty heading above names it; its own heading describes it (`403 Forbidden` → `서버가 … 거부함`),
        # so the heading is the answer's first line and the breadcrumb ends with the name, not the description
        return replace(card, front=heading_text(named), back=f"**{title}**\n\n{back}",
                       heading_path=card.heading_path[:-1] + (heading_text(named),))
    return card


def _sibling_titles(ctx: RuleContext, section: Section) -> tuple[str, ...]:
    return tuple(other.title for other in ctx.note.sections()
                 if other.level == section.level and other.path[:-1] == section.path[:-1])


SHORTEST = 12  # characters an explanation shows at least (a short result goes under its example's: __init__)
TAGLINE_WORDS = 6
# one task in other words: the heading's (`Docker 로그인`) and a tagline's (`컨테이너 레지스트리 인증.`)
TASKS = ({"로그인", "인증", "login", "log in", "sign in", "authentication", "auth"}, {"배포", "deploy", "deployment"},
         {"설치", "install", "installation"}, {"동기화", "sync", "synchronization"}, {"업로드", "upload"},
         {"다운로드", "download"})


def _task_of(text: str) -> int:
    said = text.lower().strip().rstrip(".。").strip()
    return next((index for index, names in enumerate(TASKS) if any(said.endswith(name) for name in names)), -1)


# a task named after its subject (`Git 충돌 해결`, `Docker 설치`)
KO_TASK = re.compile(r"^(?P<subject>\S.*?)\s+(?P<task>해결|설치|설정|생성|구성|구축|적용|배포|연결|해제|복구)$")


def _subject_of_task(section: Section, read: str) -> str:
    """The subject of a heading that names a task on it (`Git 충돌 해결`), when its own text is one sentence that
    speaks of the subject and not of the task (`병합이나 리베이스 시 같은 부분이 다르게 수정되면 충돌이 발생한다.`)
    and a subsection does the task (`충돌 해결 절차`): the sentence says what the subject is, so it is asked by it;
    else ""."""
    found = KO_TASK.match(heading_text(clean_title(section.title)).strip())
    if not found or found.group("task") in read or len(read) > LEAD_IN_SIZE:
        return ""
    subject, task = found.group("subject"), found.group("task")
    speaks = any(word[:2] in read for word in subject.split() if re.match(r"[가-힣]{2}", word))
    done_below = any(task in heading_text(clean_title(child.title)) for child in section.children)
    return subject if speaks and done_below else ""


IT_CAN = re.compile(r"^(?:you|users?)\s+(?:can|may)\s+(?:also\s+)?(?P<verb>[a-z]+)\b", re.I)


def only_says_it_can(read: str, title: str) -> bool:
    """One sentence, no code, that says only that the heading's task can be done (`Link to a heading in a note` →
    `You can link to specific headings in notes, also known as anchor links.`): nothing of how."""
    said = read.strip()
    found = IT_CAN.match(said)
    first = title.split()[0].lower() if title.split() else ""
    return bool(found) and len(first) >= 3 and found.group("verb").lower()[:STEM] == first[:STEM] and "`" not in said \
        and len(said) <= LEAD_IN_SIZE and not re.search(r"[.!?]\s+\S", said)


def _is_tagline(read: str, title: str) -> bool:
    """A few words, no sentence, that name the heading's task again (`GitHub Actions Docker 로그인` → `컨테이너 레지스트리
    인증.`, `… ECR 로그인` → `Amazon ECR 레지스트리 로그인.`): nothing of how it is done, which its subsections show.
    A tagline that says what a thing is for (`아티팩트` → `빌드 결과물 저장 및 공유.`) is a definition."""
    said = read.strip().rstrip(".。").strip()
    task = _task_of(said)
    return task >= 0 and task == _task_of(title) and len(said.split()) <= TAGLINE_WORDS \
        and not SENTENCE_END.search(said) and "\n" not in said


# a heading that says its section compares without naming what (`비교 테이블`, `배포 방식 비교`, `Comparison`)
COMPARISON_HEADING = re.compile(r"(?:^|\s)(?:비교|비교\s?(?:테이블|표)|comparison(?: table)?|차이(?:점)?(?:\s?(?:요약|정리))?|"
                                r"(?:key\s)?differences)$", re.I)
# a heading that only says a section tells things apart (`차이점`): asked with what it compares (a label alone over a
# list, `차이점` ⏎ `* 목적`, stays the context of the list's terms)
DIFFERENCES = frozenset({"차이", "차이점", "differences", "key differences", "the differences"})
# a heading that names a kind of section about something (`Key Points About Volumes`, `Main ideas of X`)
KINDS_ABOUT = re.compile(r"^((?:key|main|important|core)\s+(?:points|ideas|concepts|takeaways|facts|features|things))"
                         r"\s+(?:about|of|on|for|to know about)\s+(.+)$", re.I)
KINDS_ABOUT_STARTS = "KkMmIiCc"


# the first column of a table whose other columns are the things compared (`| 항목 | A | B |`)
ASPECT_COLUMN = {"", "항목", "비교 항목", "구분", "기준", "비교 기준", "특성", "속성", "feature", "features", "aspect",
                 "item", "criteria", "criterion", "property"}
VERSUS = re.compile(r"\svs\.?\s", re.I)  # `merge vs rebase › 비교`: the heading names what it compares


def _compared_columns(part: str) -> list[str]:
    """What a comparison table compares: the 2 to 4 column headings after its first (`| 항목 | A | B |`), when it
    opens the answer and its heading does not already name them; else []."""
    if not part.lstrip().startswith("|"):
        return []
    cells = [visible_text(cell).strip() for cell in part.strip().split("\n")[0].strip().strip("|").split("|")]
    if words(cells[0]) not in ASPECT_COLUMN:
        return []  # `| 모드 | 커밋 | 스테이징 |`: the rows are what it compares, the columns their aspects
    compared = cells[1:]
    return compared if 2 <= len(compared) <= 4 and all(0 < len(cell) <= 30 for cell in compared) else []


def _labels_listed(parts: list[str]) -> list[str]:
    """The labels of an answer that is one flat list of 2 to 6 labelled values (`- **기본 포트:** 27017`,
    `- **로그 파일:** `/var/log/mongodb/mongod.log``), as a reader sees them; else []."""
    if len(parts) != 1 or not re.match(r"\s*[-*+]\s", parts[0]):
        return []
    lines = [line for line in parts[0].split("\n") if line.strip()]
    if not 2 <= len(lines) <= 6 or any(not re.match(r"[-*+]\s", line) for line in lines):
        return []
    heads = [re.sub(r"^(\*\*|__)([^*_\n]+?)\s*([:：])\1", r"\1\2\1\3", BULLET.sub("", line, count=1)) for line in lines]
    labels = [_shaped_term(head) for head in heads]  # (`**기본 포트:** 27017`: the colon inside the bold)
    return [visible_text(label) for label in labels] if all(labels) else []


# a heading that only says what its section is about (`컬렉션 관련`, `Network-related`): it asks nothing alone
ABOUT_HEADING = re.compile(r"^(\S.*?)\s*(?:관련(?:\s*(?:내용|기능|정리))?|[- ]related)$", re.I)
CODE_COMMENT = re.compile(r"^\s*(?://|#)\s*(\S.{0,30})$")


def _comment_names(parts: list[str]) -> list[str]:
    """What the comments on their own lines in an answer of only code name (`// 셔플`, `// 랜덤 선택`), when there
    are two to five short ones."""
    codes = [_fenced_code(part) for part in parts]
    if not codes or any(code is None for code in codes):
        return []
    names = [found.group(1).strip() for code in codes for line in code.split("\n")
             if (found := CODE_COMMENT.match(line)) and len(found.group(1).split()) <= 4]
    return names if 2 <= len(names) <= 5 else []


# a heading that compares (`merge vs rebase`), and an answer that says two things differ, not how (`…일치의 여부를
#어떻게 찾는 지가 다르다.`, `두 가지 되돌리기 방식의 차이.`)
COMPARES = re.compile(r"\svs\.?\s|\bversus\b|\bdifferences?\b|차이|비교", re.I)
SAYS_THEY_DIFFER = re.compile(r"\bdiffer(?:s|ent ways)?\b|\bdifferences?\b|차이(?:가 있다|점이 있다|이다)?\s*\.?$|"
                              r"다르다\.?$|다릅니다\.?$", re.I)
# an answer that announces kinds, ways or options without naming them (`in several ways`, `세 가지 종류가 있다`)
ENUMERATES = re.compile(r"\b(?:several|various|multiple (?:ways|methods|options)|a (?:range|number|couple) of|(?:two|three|four|five|six) "
                        r"(?:\w+ )?(?:ways|kinds|types|methods|options|modes|levels))\b|"
                        r"(?:여러|다양한) ?(?:가지|방법|방식|종류)|몇 ?가지|[두세네] ?가지|\d+ ?가지|종류", re.I)
KINDS_TITLE = re.compile(r"^(?:types|kinds|modes)\b|\b(?:types|kinds|modes)$|(?:종류|유형)$", re.I)
# a heading that names a set of points each subsection makes (`Limitations`, `Known issues`, `제약 사항`)
POINTS_TITLE = re.compile(r"(?:^|\s)(?:limitations|caveats|trade-?offs|risks|drawbacks|disadvantages|known issues|"
                          r"한계|한계점|제약|제약 ?사항|제한 ?사항|단점)$", re.I)
LEAD_IN_SIZE = 200  # a lead-in is a sentence or two


def _only_leads_in(section: Section, parts: list[str], title: str) -> bool:
    """A section whose own text is only a sentence or two (or a picture) that leads into its subsections: it
    announces kinds or ways (`Bases have a type system …` under `Types`, `you can install Obsidian in several
    ways`) or a difference (`They differ in how they match.`) whose content stands under the subheadings."""
    if len(parts) != 1 or not any(child.blocks for child in section.children):
        return False
    part = parts[0].strip()
    if re.search(r"^\s*(?:[-*+|>]|\d+[.)]|```|~~~)", part, re.M) or len(visible_text(part)) > LEAD_IN_SIZE:
        return False
    plain = heading_text(title)
    if IMAGE.fullmatch(part):
        return bool(KINDS_TITLE.search(plain))  # a picture of the kinds, the kinds named below it
    said = visible_text(part).strip()
    return bool(COMPARES.search(f" {plain} ") or SAYS_THEY_DIFFER.search(said) or ENUMERATES.search(said)
                or KINDS_TITLE.search(plain) or POINTS_TITLE.search(plain) or _names_each_child(section, said, plain))


FUNCTION_WORDS = {"and", "the", "for", "with", "from", "into", "your", "you", "use", "using", "its", "are", "can", "how"}


def _names_each_child(section: Section, said: str, plain: str) -> bool:
    """Whether a one-sentence lead-in names each of two or more subsections by a word of its own title (`You can
    format code both inline within a sentence, or in its own block.` over `Inline code` and `Code blocks`): the
    ways it announces are theirs to explain."""
    if "\n" in said.strip() or len(re.findall(r"[.!?。]\s", said + " ")) > 1 or len(said) <= 60 and plain.lower() in said.lower():
        return False  # (`Manage your Obsidian account and licenses.` under `Account`: a line that introduces them)
    known = {word[:5] for word in re.findall(r"\w{3,}", plain.lower())} | FUNCTION_WORDS  # (nor do its own words)
    text = said.lower()
    titles = [heading_text(clean_title(child.title)).lower() for child in section.children if child.blocks]
    return len(titles) >= 2 and all(any(word[:5] not in known and word[:5] in text
                                        for word in re.findall(r"\w{3,}", title)) for title in titles)


PAIR_SEPARATOR = re.compile(r"\s*(?:,|/|&|·|\band\b|\bor\b|\bvs\.?|및|(?<=\S)[와과](?=\s))\s*", re.I)


def _lists_its_children(title: str, section: Section) -> bool:
    """Whether a heading is only the titles of two or more of its subsections, joined (`TCP, UDP`, `Pods and
    Services`, `프로세스와 스레드`)."""
    names = [name.lower() for name in PAIR_SEPARATOR.split(heading_text(title).strip()) if name]
    if len(names) < 2 or not section.children:
        return False
    titles = {heading_text(clean_title(child.title)).strip().lower() for child in section.children}
    return all(name in titles for name in names)


def _flat_title(text: str) -> str:
    """A title as a table of contents may write it: no numbering, markup, spaces or case (`1.ArgoCD App 생성`, `## 1.
    ArgoCD App 생성` → `argocdapp생성`)."""
    return re.sub(r"[\W_]+", "", re.sub(r"^\s*(?:[-*+]\s+)?(?:\d+(?:\.\d+)*\.?\s*)?", "", visible_text(text))).lower()


def _lists_its_subsections(back: str, section: Section) -> bool:
    """An answer that is only a flat list whose items are, four in five of them, the titles of the section's
    subsections."""
    lines = [line for line in back.strip().split("\n") if line.strip() and not re.fullmatch(r"\s*(?:<[^>]+>\s*)+", line)]
    if len(lines) < 3 or not all(re.match(r"^(?:[-*+]|\d+[.)])\s", line) for line in lines):
        return False  # (a `<br>` spacer is no line of it; a list with items under its items is more than contents)
    titles = {_flat_title(heading_text(below.title)) for below in section.walk() if below is not section}
    named = [_flat_title(line) for line in lines]
    return sum(bool(name) and any(name == title or len(name) >= 6 and (name in title or title and title in name)
                                  for title in titles) for name in named) * 5 >= len(lines) * 4


CODE_CHILDREN = 12  # the most function names an answer lists


def _code_children(section: Section) -> list[str] | None:
    """The subheadings of a section, when 2 to 12 of them name code (`date()`, `format()`) and at most one other
    does not (`Fields`), or its one subheading does (`matches()` under `Regular expression type`): the functions or
    commands it offers, as the note names them; None when there are more (a list too long to recall: each has its
    card); else []."""
    names = [clean_title(child.title).strip() for child in section.children if child.blocks or child.children]
    code = [name for name in names if re.fullmatch(r"`[^`]+`", name)]
    if len(code) < (1 if len(names) == 1 else 2) or len(names) - len(code) > 1:  # (one other: `Fields`)
        return []
    return code if len(code) <= CODE_CHILDREN else None


PARTS_TITLE = re.compile(r"\b(?:components?|parts|elements|building blocks)$|(?:구성 ?요소|컴포넌트)(?:들)?$", re.I)
BOLD_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\*\*(?P<name>[^*\n]{1,40}?)\*\*", re.M)


def _parts_listed(section: Section, title: str) -> list[str]:
    """Under a heading that names parts (`controlplane component`, `구성요소`), subsections that each list two or more
    of them in bold (`## Master Node` over `1. **kube-apiserver**: …`): each subsection with the parts it names
    (`Master Node: kube-apiserver, etcd`), the parts the lead-in above them only speaks of; else []."""
    if not PARTS_TITLE.search(heading_text(title).strip()):
        return []
    listed = []
    for child in section.children:
        names = [heading_text(match.group("name")).strip(" :：") for block in child.blocks if block.kind == "list"
                 for match in BOLD_ITEM.finditer(block.source)]
        if len(names) < 2:
            return []
        listed.append(f"{heading_text(clean_title(child.title))}: {', '.join(names)}")
    return listed if len(listed) >= 2 else []


def _kinds_named(section: Section, lead: str, title: str) -> list[str] | None:
    """What the answer adds to a lead-in: None for a comparison (each side, under its subheading, has its card)
    and for a lead-in that names each subsection already (their names are all a list would add);
    the subheadings, as the note names them (`Install Obsidian using Snap`, …), for kinds or ways that the
    lead-in does not name itself, when they are two or more and none names a kind of content (`예시`, `Parameters`);
    else nothing."""
    said = visible_text(lead).strip()
    if COMPARES.search(f" {heading_text(title)} ") or SAYS_THEY_DIFFER.search(said):
        return None
    if re.search(r"[:：]\s+\S", heading_text(lead)):
        return []  # (`through the following options: the command palette, a hotkey, or the ribbon`: named already)
    if _names_each_child(section, said, heading_text(title)):
        return None  # (`Use panning and zooming …` over `Pan the canvas`, `Zoom the canvas`: named, not told how)
    names = [heading_text(clean_title(child.title)) for child in section.children if child.blocks or child.children]
    named = [name for name in names if name and not is_generic(name) and not ORDINAL.match(name)]
    return named if len(named) >= 2 and len(named) == len(names) else []


POINT = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\|)", re.M)  # a part with a list or a table: several points
# a line in bold alone as a paragraph that names a new topic (`**인터넷**`, `**Stream**`), as a heading would
# (a colon between digits is a ratio or a time, `**1:1 채팅 메시지 처리 흐름**`, not a label's colon)
BOLD_TOPIC = re.compile(r"^\s*(\*\*|__)(?P<name>(?:[^*_\n:：?]|(?<=\d)[:：](?=\d)){1,60}"
                        r"(?:[:：]\s[^*_\n:：?]{1,60})?)\1\s*$")
# what a short bold line names when it is an aspect of the section's own topic, not a new one (`**장점**`, `**How it
# works**`)
ASPECT_WORDS = (r"(?:장점|단점|장단점|특징|원리|동작 원리|동작 방식|이유|목적|배경|방법|사용법|사용 방법|예|예시|예제|"
                r"주의|주의사항|참고|정리|요약|결론|문제|문제점|해결|해결책|해결 방법|한계|비교|차이|차이점|구조|구성|종류|흐름|"
                r"과정|순서|설정|pros|cons|advantages|disadvantages|benefits|drawbacks|features|limitations|caveats|"
                r"how it works|why|summary|example|examples|note|notes|warning|tip|tips|steps|usage)")
ASPECTS = re.compile(rf"^(?:\S+\s)?{ASPECT_WORDS}$", re.I)
# an aspect of something named before it (`Stop-and-Wait ARQ의 문제 해결 방법`, `IP의 특징`, `HTTP's limitations`)
OWN_ASPECT = re.compile(rf"\S(?:의|'s)\s(?:\S+\s)?{ASPECT_WORDS}$", re.I)
KO_TOPIC_MARKED = re.compile(r"^\S+(?:은|는)\s")  # `Redis는 Single Thread로 동작`: a statement about its subject
# `혼잡 윈도우는 RTT마다 2배씩 증가: …`: a sentence about its subject cut at a colon, not a term
FLOW_IN_TERM = re.compile(r"\s(?:->|→)\s")  # `AS1 -> AS2 경로의 NEXT-HOP: …`: a case of the topic, its colon mid-sentence
TOPIC_MARKED_SUBJECT = re.compile(r"^(?:\S*[^\s을를에의이가]\s)?(?!(?:많|적|작|같|높|낮|좋|짧|넓|깊|않|있|없)[은는]\s)\S+(?:은|는)\s")


def _alone_in_bold(block: Block, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The match of `pattern` (BOLD_TOPIC, ASKED_TOPIC) on a paragraph that is one line in bold, else None."""
    return pattern.match(block.source) if block.kind == "paragraph" and "\n" not in block.source.strip() else None


def bold_topic(block: Block) -> str | None:
    """The topic a paragraph names when it is a line in bold alone (`**Stream**`), as a pseudo-heading: a name,
    not a label ending in a colon, a question, a statement (`**Redis는 Single Thread로 동작**`), an output
    (`**["THE", "quick"]**`), a kind of content (`**예시**`) or an aspect of the section's own topic (`**장점**`)."""
    found = _alone_in_bold(block, BOLD_TOPIC)
    if not found:
        return None
    name = found.group("name").strip()
    kind = re.split(r"[:：](?=\s)", name)[0].strip()  # `**비 일관성 해소 기법: 데이터 버저닝**`: a topic and its subtitle,
    # not a label and its remark (`**Note: …**`, `**주의: …**`)
    if kind != name and (is_generic(kind) or ASPECTS.search(kind) or is_example_label(kind) or _is_predicate(kind)
                         or len(kind.split()) > 6):
        return None
    if _not_a_name(name) or is_generic(name) or ASPECTS.search(name):
        return None
    return name


def _not_a_name(name: str) -> bool:
    """A bold line that is no topic's name: an output (`**["THE", "quick"]**`), a step's number, a kind of content
    (`**예시**`) or a statement (`**Redis는 Single Thread로 동작**`)."""
    return not re.match(r"\w", name) or '"' in name or bool(ORDINAL.match(name)) or is_example_label(name) \
        or bool(STATEMENT.search(f" {name} ") or KO_TOPIC_MARKED.search(name) or SENTENCE_END.search(name)) \
        or _is_predicate(name)


def _sibling_topic(block: Block, previous: str) -> str | None:
    """The topic a line in bold alone names after a topic in bold (`previous`) when it is one more of the same series
    though bold_topic turns it down alone: an aspect said of a subject of its own (`**알림 설정**` after `**알림
    템플릿**`, not `**장점**` nor `**Redis 장점**` after `**Redis**`), or a generic word written as its sibling is
    (`**DELETE**` after `**PATCH**`). Else None."""
    found = _alone_in_bold(block, BOLD_TOPIC)
    if not found or not previous:
        return None
    name = found.group("name").strip()
    if _not_a_name(name) or ":" in name or "：" in name or is_closing(name):
        return None
    words = name.split()
    if ASPECTS.search(name):
        return name if len(words) == 2 and words[0].lower() != previous.lower() \
            and not ASPECTS.search(words[0]) and not is_generic(words[0]) else None
    if is_generic(name) and UPPER_WORD.fullmatch(name) and UPPER_WORD.fullmatch(previous):
        return name
    return None


UPPER_WORD = re.compile(r"[A-Z][A-Z0-9_]+")  # `PATCH`, `DELETE`: a method, a keyword, written as its siblings are


def _closes(block: Block) -> str | None:
    """The heading a line in bold alone names when it closes its section (`**마무리**`, `**팁**`, is_closing)."""
    found = _alone_in_bold(block, BOLD_TOPIC)
    return found.group("name").strip() if found and is_closing(found.group("name")) else None


# a short question in bold alone on its line that opens a new topic of the section (`**ARP 패킷?**`, `**Why a Pod?**`)
ASKED_TOPIC = re.compile(r"^\s*(\*\*|__)(?P<name>[^*_\n:：?]{1,40}\?)\1\s*$")


def _asked_topic(block: Block) -> str | None:
    """The topic a line in bold alone asks about when it is a short question of a few words (`**ARP 패킷?**`): a
    new topic of the section, as a heading would be, not a sentence."""
    found = _alone_in_bold(block, ASKED_TOPIC)
    return found.group("name").strip() if found and len(found.group("name").split()) <= 5 else None


def topic_parts(section: Section) -> list[Section]:
    """The section cut where a line in bold alone starts a new topic (bold_topic) or closes the section
    (`**마무리**`, `**팁**`: a part asked with the section's topic, not the end of the topic above): the section up to the first,
    then one part per topic, titled by it, under the section's breadcrumb (the topics are the first part's
    subsections). A topic has content of its own under it (not a line that opens in bold: `**internet layer** →
    …` is its sibling) and follows content of the section's own (or another topic), not a lead-in that announces
    it (`…using the following formats:`), and does not say the heading again. The part before a heading has
    none."""
    blocks = section.blocks
    content = [i for i, block in enumerate(blocks) if block.kind not in ("rule", "log_date", "html")]
    found = [i for i in content if (bold_topic(blocks[i]) or _closes(blocks[i]) or _asked_topic(blocks[i]))
             and i + 1 < len(blocks)
             and blocks[i + 1].kind not in ("rule", "log_date") and not blocks[i + 1].source.lstrip().startswith(("**", "__"))
             and not (i > 0 and blocks[i - 1].source.rstrip().rstrip("*_ ").endswith((":", "：")))]
    siblings: dict[int, str] = {}
    previous = ""
    for i in content:
        if i in found:
            previous = bold_topic(blocks[i]) or ""
            continue
        sibling = _sibling_topic(blocks[i], previous)
        if sibling and i + 1 < len(blocks) and blocks[i + 1].kind not in ("rule", "log_date") \
                and not blocks[i + 1].source.lstrip().startswith(("**", "__")):
            siblings[i], previous = sibling, sibling
    found = sorted(set(found) | set(siblings))
    title = heading_text(clean_title(section.title)).lower()
    again = {i for i in found if (bold_topic(blocks[i]) or "").lower() == title}  # the heading said again: the
    # section's own text goes on under it (`### 클래스리스 주소 체계` … `**클래스리스 주소 체계**`), after the topic above
    problem = next((i for i in content if blocks[i].kind == "paragraph" and PROBLEM_HEAD.match(blocks[i].source)), None)
    if problem is not None and sum(len(block.source) for block in blocks[problem:]) <= PROBLEM_AND_WAY_OUT[0] \
            and sum(block.source.count("\n") + 1 for block in blocks[problem:]) <= PROBLEM_AND_WAY_OUT[1]:
        found = [i for i in found if i < problem]  # `**문제 상황**` … `**Redis 분산락 도입**`: its way out, one answer
        # (a longer one stays cut at its topics: one answer would show the problem and the start of its way out)
    starts = [i for i in found if len(found) >= 2 or any(j < i for j in content)]
    if not section.level or not starts:
        return [section]
    own, topics = list(blocks[:starts[0]]), []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        if start in again:
            own.extend(blocks[start + 1:end])
            continue
        name = siblings.get(start) or bold_topic(blocks[start]) or _closes(blocks[start]) or _asked_topic(blocks[start])
        topics.append(replace(section, title=name, line=blocks[start].line, path=section.path + (name,),
                              blocks=blocks[start + 1:end], children=(), level=section.level + 1))
    if not topics:
        return [section]
    return [replace(section, blocks=tuple(own), children=tuple(topics) + section.children), *topics]


# a heading that names parts joined (`…Failover 문제 및 해결 방법`, `원인과 해결`, `Causes and fixes`, `장단점`)
JOINED_PARTS = re.compile(r"\S\s*(?:및|&)\s*\S|\S(?:와|과)\s+\S|\s(?:and)\s|장단점|pros and cons", re.I)
PART_WORDS = (r"(?:문제|문제점|문제 상황|원인|해결|해결책|해결 방법|해결 방안|대응|대응 방법|장점|단점|특징|한계|원리|개념|"
              r"problems?|issues?|causes?|fix|fixes|solutions?|workarounds?|pros|cons|advantages|disadvantages|"
              r"benefits|drawbacks|limitations)")
# the subject a heading asks parts of (`Redis 분산 락에서 Failover` of `… 문제 및 해결 방법`; `ASG 배포` of `ASG 배포 장단점`)
PARTS_OF = re.compile(rf"^(?:(?P<subject>.+?)(?:의|'s)?\s+)?(?:{PART_WORDS}(?:\s*(?:및|와|과|&|,|and)\s*(?:\S+\s)?"
                      rf"{PART_WORDS})+|장단점|pros and cons)$", re.I)


def parts_subject(section: Section, head: Section, note_title: str) -> str | None:
    """The subject of a heading that names the parts its text is in (`Redis 분산 락에서 Failover 문제 및 해결 방법`
    → `Redis 분산 락 Failover`; the heading itself when its parts are subjects, `TCP와 UDP`), when its own text opens
    with a line in bold alone that names the first part (`**문제 상황**`): each part is asked with the subject, as
    the heading asks for both and one answer would show only the first. None for any other section."""
    title = heading_text(clean_title(section.title))
    if not section.level or not JOINED_PARTS.search(title):
        return None
    content = [block for block in head.blocks if block.kind not in ("rule", "log_date", "html")]
    if len(content) < 2 or not _part_label(content[0]):
        return None
    found = PARTS_OF.match(title)
    if not found:
        return title
    subject = re.sub(r"(\S)에서(?=\s)", r"\1", (found.group("subject") or "").strip())
    return subject or topic_above(section, note_title) or title


def _part_label(block: Block) -> str | None:
    """The part of its section a paragraph names when it is a line in bold alone (`**문제 상황**`, `**해결 방법:**`)."""
    found = _alone_in_bold(block, BOLD_TOPIC) or _alone_in_bold(block, BOLD_LABEL)
    if not found:
        return None
    name = visible_text(block.source).strip().rstrip(":：").strip()
    return name if name and not _not_a_name(name) else None


def labelled_parts(head: Section) -> list[Section]:
    """The section's own text cut at its lines in bold alone (it opens with one): one part per label, titled by it."""
    blocks = head.blocks
    starts = [i for i, block in enumerate(blocks) if _part_label(block)]
    parts = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        name = _part_label(blocks[start])
        parts.append(replace(head, title=name, line=blocks[start].line, path=head.path + (name,),
                             blocks=blocks[start + 1:end], children=(), level=head.level + 1))
    return parts


# a heading that asks for a procedure (`Enable 2FA`, `Kubernetes 업그레이드 방법`) or a set (`Search operators`, `명령어 목록`)
PROCEDURE_TITLE = re.compile(r"^(?:enable|disable|set up|setup|install|configure|create|add|connect|upgrade|import|"
                             r"export|change|remove|delete|migrate|deploy|apply|how to)\b|(?:설정|설치|생성|방법|하기|절차|"
                             r"과정|순서|업그레이드|적용|구축)$", re.I)
SET_TITLE = re.compile(r"\b(?:operators|options|commands|functions|filters|settings|variables|providers|properties|"
                       r"methods|flags|parameters|fields|formats|shortcuts|types|kinds|steps)$|(?:목록|옵션|명령어|종류|유형)$", re.I)


def _asks_the_whole(title: str, parts: list[str], section: Section) -> bool:
    """An explanation cut inside its list or table whose front asks for all of it: a procedure (`Enable 2FA`), a
    set (`Search operators`, `Types of Probes`) with a few words before it, or kinds and ways its own words
    announce (`several preset providers`): the items after the cut are part of the answer."""
    plain = heading_text(title)
    said = visible_text(" ".join(part for part in parts if not part.lstrip().startswith(("-", "*", "+", "|", "```"))
                                 and not re.match(r"\s*\d+[.)]", part)))
    named_set = (SET_TITLE.search(plain) or KINDS_TITLE.search(plain)) and len(said) <= SET_LEAD_IN
    return bool(PROCEDURE_TITLE.search(plain) or named_set or ENUMERATES.search(said)
                or _leads_into_steps(parts, section))


# a lead-in that announces steps (`How to create and store your vault in iCloud Drive:`, `설치 방법:`)
STEPS_LEAD_IN = re.compile(r"(?:\bhow to\b|\bsteps\b|\bto do (?:this|so)\b|방법|절차|순서)[^.:：]*[:：]$", re.I)


def _leads_into_steps(parts: list[str], section: Section) -> bool:
    """Whether the last part is a list the cut falls in (not one of the section's lists whole) and the words right
    before it announce steps."""
    return len(parts) >= 2 and bool(STEPS_LEAD_IN.search(re.sub(r"[*_`]+", "", parts[-2]).strip())) \
        and all(parts[-1].strip() != block.source.strip() for block in section.blocks if block.kind == "list")



SET_LEAD_IN = 250  # words before a set that explain more than this are an answer of their own (`Selector variables`)


# a section that installs what its note is about (`rand - 난수 생성 › 설치`): the package line alone says nothing
INSTALL_HEADINGS = {"설치", "설치 방법", "설치하기", "의존성", "의존성 추가", "install", "installation", "installing",
                    "dependencies", "dependency", "cargo.toml", "package.json", "requirements"}


# what an answer of only code is written in, as a prompt names it (`SQL로 써 보세요`)
CODE_KINDS = {"sql": ("SQL", "SQL"), "mysql": ("SQL", "SQL"), "postgresql": ("SQL", "SQL"), "yaml": ("YAML", "YAML"),
              "yml": ("YAML", "YAML"), "json": ("JSON", "JSON"), "bash": ("명령어", "the command"),
              "sh": ("명령어", "the command"), "shell": ("명령어", "the command"), "console": ("명령어", "the command"),
              "zsh": ("명령어", "the command"), "powershell": ("명령어", "the command")}


SQL_WORDS = {"select", "insert", "update", "delete", "create", "alter", "drop", "show", "use", "grant", "revoke", "with",
             "set", "desc", "describe", "explain", "truncate", "rename", "flush", "begin", "commit", "rollback", "start",
             "call", "replace", "lock", "unlock", "source", "merge", "declare", "analyze", "optimize", "vacuum", "copy",
             "comment", "values", "from", "where", "and", "or", "end", "if", "exec", "execute", "savepoint", "release"}
PROGRAM = re.compile(r"^\s*(?:sudo\s+)?([a-z][\w.-]*)(?:\s|$)")


def _kind_of(language: str, code: str) -> tuple[str, str]:
    """What a code block is written in, as its prompt names it: its fence's language, but a block fenced as SQL whose
    first word names a program, not a statement (`sudo timedatectl set-timezone …`, `mysql -u admin -p`), is a
    shell command."""
    kind = CODE_KINDS.get(language, ("코드", "the code"))
    if kind[0] == "SQL":
        found = PROGRAM.match(code)
        if found and found.group(1) not in SQL_WORDS:
            return CODE_KINDS["sh"]
    return kind


def _fixes(section: Section) -> bool:
    """A troubleshooting section (`Troubleshooting`, or a platform under it: `Troubleshooting › macOS`): what it
    says is what to check or do when something goes wrong."""
    titles = [heading_text(clean_title(title)) for title in section.path[-2:]]
    return is_troubleshooting(titles[-1]) or len(titles) == 2 and is_qualifier(titles[-1]) and is_troubleshooting(titles[0])


def _code_prompt(ctx: RuleContext, parts: list[str], fixes: bool = False) -> str:
    """The prompt of a generic heading's explanation (`참조키 › 수정`): an answer of only code (and at most a word,
    `선행`) is written, not explained (`SQL로 써 보세요`, `Write the command`); a troubleshooting section's asks
    how to fix it (`어떻게 해결하나요?` / `How do you fix it?`)."""
    found = [fenced(part) for part in parts]
    languages = [fence_language(code[0]) for code in found if code is not None]
    words_only = [part for part, code in zip(parts, found) if code is None]
    if not languages or len(words_only) > 1 or any(len(visible_text(part)) > 10 for part in words_only) \
            or not all(languages):  # (a bare fence: a drawing, a listing)
        return ctx.say("어떻게 해결하나요?", "How do you fix it?") if fixes else ctx.say("설명해 보세요", "Explain")
    kinds = {_kind_of(fence_language(code[0]).lower(), code[1]) for code in found if code is not None}
    korean, english = kinds.pop() if len(kinds) == 1 else ("코드", "the code")
    return ctx.say(f"{korean}로 써 보세요", f"Write {english}" if english.startswith("the") else f"Write it in {english}")


PLACEHOLDER = re.compile(r"<[^<>\s][^<>\n]{0,40}>")


def _without_filled_templates(parts: list[str]) -> list[str]:
    """The parts without a code block that only fills in the placeholders of one above it (`ALTER TABLE
    <table_name> DROP FOREIGN KEY <foreign_key_name>;` then `ALTER TABLE test2 DROP FOREIGN KEY fk_test2;`): one
    project's names, where the syntax is what a learner recalls."""
    template: re.Pattern[str] | None = None  # the template right above (or above an example label: `예시`)
    out: list[str] = []
    for part in parts:
        code = _fenced_code(part)
        if code is not None and template is not None and template.fullmatch(" ".join(code.split())):
            if _fenced_code(out[-1]) is None:
                out.pop()  # its label
            continue
        if code is not None and PLACEHOLDER.search(code):
            pieces = PLACEHOLDER.split(" ".join(code.split()))
            template = re.compile(r"[^\s<>]+".join(re.escape(piece) for piece in pieces), re.I)
        elif code is not None or not is_example_label(visible_text(part)):
            template = None
        out.append(part)
    return out


NAMES_AN_EXAMPLE = re.compile(r"(?:^|\s)(?:예시|예제|examples?|samples?)$", re.I)  # `GitHub Actions … 배포 예시`
NOT_A_PROCEDURE = re.compile(r"(?:^|\s)(?:예시|예제|examples?|테스트|tests?|testing|검증|verification)$", re.I)  # (an example
# of a tool's commands, one project's checks)
STEP_COMMENT = re.compile(r"^\s*(?:#|//|--)\s*\d{1,2}[.)]\s+\S", re.M)


def _numbers_its_steps(section: Section) -> bool:
    """A script whose comments number its steps (`# 1. 충돌 파일 확인` … `# 5. 완료`): a procedure whose order is the
    answer, shown whole when it fits in twice the room, unlike a long script whose start alone would show."""
    return not NOT_A_PROCEDURE.search(words(heading_text(clean_title(section.title)))) \
        and sum(len(STEP_COMMENT.findall(block.source)) for block in section.blocks if block.kind == "code") >= 3


def _fenced_code(part: str) -> str | None:
    """The code of a part that is one fenced code block, else None."""
    found = fenced(part)
    return found[1] if found else None


def _variants(first: str, second: str) -> bool:
    """Two listings of the same code changed, neither labelled by a comment of its own on its first line
    (`int i = 10;` moved below `// 코드 20줄`): they differ, and half the lines of the shorter one are lines of the
    other."""
    heads = [code.strip().split("\n")[0].strip() for code in (first, second)]
    if heads[0] != heads[1] and all(COMMENT_LINE.match(head) for head in heads):
        return False  # `// 나쁜 예` over one, `// 좋은 예` over the other: each says which it is
    lines = [code_lines(code) for code in (first, second)]
    shorter, other = sorted(lines, key=len)
    return bool(shorter) and lines[0] != lines[1] and sum(line in other for line in shorter) * 2 >= len(shorter)


COMMENT_LINE = re.compile(r"^(?://|#|--|/\*|<!--|;)")


IMPL_BLOCK = re.compile(r"^impl(?:<[^>\n]*>)?\s+(?:[\w:]+(?:<[^>\n]*>)?\s+for\s+)?([A-Z]\w*)\b[^\n{]*\{", re.M)
TYPE_DEFINITION = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:enum|struct|union|trait|type)\s+([A-Z]\w*)", re.M)


def _extends_unshown_type(ctx: RuleContext, code: str, section: Section, front: str) -> bool:
    """Code that only adds to a type (`impl Message { … }`) that another section's code defines (`enum Message
    { … }`), when neither the card nor its heading names that type: the card asks for one example method on an
    example the learner does not see."""
    extended = set(IMPL_BLOCK.findall(code))
    if not extended or TYPE_DEFINITION.search(code) or any(re.search(rf"\b{name}\b", front) for name in extended):
        return False
    body = [line for line in code.split("\n") if line.strip() and not COMMENT_LINE.match(line.strip())]
    if not body or not IMPL_BLOCK.match(body[0].strip()):
        return False  # code that does more than extend the type (uses it, builds one)
    defined = {name for block in ctx.note.code_blocks if block.section != section.path
               for name in TYPE_DEFINITION.findall(block.code)}
    return extended <= defined


LABEL_COMMENT = re.compile(r"^\s*(?://|#|--)\s*(\S.{0,40})$")
COMPARES = re.compile(r"\bvs\.?\s|비교|\bcompar(?:ed|ison|ing)\b", re.I)


def _compared_code(parts: list[str], title: str) -> tuple[str, str] | None:
    """A comparison heading (`SQL vs AST Builder 비교`) over one code block in parts, each opened by a comment
    that labels it after a blank line (`// SQL 방식` … `// AST Builder 방식` …): the first part as a code block to
    show, and the rest as the one to write; None for anything else (a drawing, one listing, unlabelled code)."""
    found = fenced(parts[0]) if len(parts) == 1 and COMPARES.search(heading_text(title)) else None
    if found is None or not fence_language(found[0]):
        return None
    pieces = re.split(r"\n[ \t]*\n(?=[ \t]*(?://|#|--))", found[1].strip("\n"))
    if len(pieces) < 2 or not all(LABEL_COMMENT.match(piece.split("\n")[0]) and "\n" in piece.strip()
                                  for piece in pieces):
        return None
    fence = re.match(r"\s*(`{3,}|~{3,})", parts[0]).group(1)
    def shown(code: str) -> str:
        return f"{fence}{fence_language(found[0])}\n{code.strip(chr(10))}\n{fence}"
    return shown(pieces[0]), shown("\n\n".join(pieces[1:]))


def _day_of_work(ctx: RuleContext, section: Section) -> bool:
    """Whether the section records a day's work (quality.is_work_log)."""
    return is_work_log(ctx.note.path, ctx.note.title, section.path[0] if section.path else "")


# a caution's label (`⚠️ **주의**:`) over only when a step is done (`…마이그레이션하는 경우에만 수행`): scope, not why
CAUTION_LABEL = re.compile(r"^[\W_]*(?:주의|경고|caution|warning)(?:\s*사항)?[*_]*\s*[:：]\s*", re.I)
ONLY_WHEN = re.compile(r"(?:경우|때)에만\s*(?:수행|실행|진행|적용)|\b(?:do|run|perform) this (?:step )?only (?:if|when)\b",
                       re.I)


def _says_why(parts: list[str]) -> bool:
    """Whether an answer holds words of its author's own, beside its code, tables and pictures, that say why, what
    must hold, what differs or what went wrong (quality.gives_reasons). A day's narration (`Master에 복제용 계정이
    있는지 확인합니다.`, `MySQL이 준비되면 WordPress를 배포함.`), a label (`해결: main_test.py 추가`) and a caution's label
    over when a step is done (`⚠️ 주의: 마이그레이션하는 경우에만 수행`) say none."""
    for part in parts:
        if part.lstrip().startswith("|") and explains_causes(part.lstrip().split("\n", 1)[0]):
            return True  # a table of symptoms and their causes: what went wrong, and why
        if part.lstrip().startswith(("```", "~~~", "|", "![")):
            continue
        said = CAUTION_LABEL.sub("", part.strip()) if ONLY_WHEN.search(part) else part
        text = visible_text(re.sub(r"`[^`\n]*`", " ", said)).strip()
        if (len(text) >= 40 or (text and SENTENCE_END.search(text) and not is_short_label(text, 20))) \
                and gives_reasons(text):
            return True
    return False


def _about_the_text(part: str) -> bool:
    """A paragraph that opens by speaking of the text itself (`In this section, …`, `이 절에서는 …`)."""
    return "```" not in part and bool(re.match(r"^\W*(?:in this (?:section|guide|page|note|tutorial|article)|"
                                               r"this (?:section|guide|page) (?:explains|describes|shows|covers)|"
                                               r"이 (?:절|섹션|글|문서|노트)에서는)", part.strip(), re.I))


def _restates(shown: str, title: str) -> bool:
    """An answer that only says the heading again (`Tags` -> `Commands for Tags.`)."""
    if shown == title or (shown and shown.lower() in title.lower()):
        return True  # the heading says it all (`타임 존 확인 timedatectl` -> `timedatectl`)
    rest = shown.lower().replace(title.lower(), " ") if title else shown
    return title.lower() in shown.lower() and len(re.sub(r"[\W_]+", "", rest)) <= 12


def section_content(ctx: RuleContext, section: Section, used: set[int], missing: set[str], room: int = 1) -> tuple[
        list[str], bool, bool]:
    """The parts of the section's own content an explanation shows, whether some was left out, and whether a
    diagram or a generated block was left out (_section_content)."""
    parts, cut, skipped, _ = _section_content(ctx, section, used, missing, room)
    return parts, cut, skipped


def _section_content(ctx: RuleContext, section: Section, used: set[int], missing: set[str], room: int = 1) -> tuple[
        list[str], bool, bool, str]:
    """The parts of the section's own content an explanation shows, whether some was left out (for room, or
    after a lead-in whose content is not shown), and whether a diagram or a generated block was left out. `room`
    multiplies the configured size (an exercise's whole task and solution are the point of its card). A section
    that fits in GRACE times the room is shown whole: a cut would hide only its last points, often the one asked
    for (the third of three probes, the decorated function under its lead-in). A long script that would show only
    its start, and a walk through an app's screens, stay as they were cut (and give no explanation). Last, the
    kind of part the room ran out in ("" when all was shown)."""
    *cut_to_room, over = _section_parts(ctx, section, used, missing, room)
    parts = cut_to_room[0]
    script = len(parts) == 1 and _fenced_code(parts[0].replace("\n…\n", "\n")) is not None \
        and not _numbers_its_steps(section)
    if over and parts and not script and not is_click_through("\n".join(parts)):
        *whole, over_grace = _section_parts(ctx, section, used, missing, room * GRACE, stretch=False)
        if not over_grace:
            return whole[0], whole[1], whole[2], ""
        asides = sum(map(_is_aside, section.blocks))
        if over != "rule" and 0 < asides * 2 < len(section.blocks):  # the asides give way to the text beside them
            *lean, over_lean = _section_parts(ctx, section, used, missing, room * GRACE, stretch=False, asides=False)
            if not over_lean and lean[0]:
                return lean[0], True, lean[2], ""
    return cut_to_room[0], cut_to_room[1], cut_to_room[2], over


GRACE = 2
# callouts that stand beside the text (`> [!tip]`, `> [!warning] Back up your data first`), not the text itself
ASIDE = re.compile(r"^>\s*\[!(?:note|info|tip|hint|warning|caution|attention|danger|error|bug|todo|quote|cite)\]", re.I)


CALLOUT_WORDS = {"note", "notes", "tip", "tips", "info", "hint", "important", "example", "summary", "abstract", "참고",
                 "팁", "노트", "메모", "정보", "요약", "예시", "중요"}
# a callout whose title names a topic (`> [!info] 피처 플래그`): a few words, no sentence
TOPIC_CALLOUT = re.compile(r"^>\s*\[!(?:note|info|tip|hint|abstract|summary|example|warning|caution|important)\][+-]?"
                           r"[ \t]+([^\n]{2,40})$", re.I | re.M)
EXAMPLE_CALLOUT = re.compile(r"^>\s*\[!example\]", re.I)
# a callout title that is no topic of its own: advice (`Use a plugin`), a platform it holds for (`macOS only`), a plan
# (`향후 확장`)
ADVICE_TITLE = (r"^(?:use|try|add|avoid|check|consider|keep|make|remember|set|turn|enable|disable|install|run|open|"
                r"see|read|learn|don't|do not|never|always)\b")
PLAN_OR_PLATFORM = rf"\b{PLATFORM_NAMES}\b|^(?:향후|추후|앞으로|future|planned|todo|coming)\b"
NO_TOPIC_TITLE = re.compile(rf"{ADVICE_TITLE}|{PLAN_OR_PLATFORM}", re.I)
# advice under a list of points that is a point of its own: a verb and what it says to do (`Use Sparingly`, `Keep
# Selectors Stable`), not a bare reminder (`Remember`), a pointer elsewhere (`See also`, `Read more`), a platform or
# a plan
POINT_OF_ADVICE = re.compile(rf"{ADVICE_TITLE}\s+(?!more\b|also\b|the docs?\b|below\b|above\b)"
                             rf"(?!.*(?:{PLAN_OR_PLATFORM}))\S", re.I)


def aside_card(ctx: RuleContext, section: Section) -> Card | None:
    """A callout at the end of a section, right after its code, words or list, titled by a topic of its own that
    neither the headings nor the text above speak of (`> [!info] 피처 플래그` under `## 파일 I/O` of the tokio note,
    `> [!warning] Interoperability` under `Link to a block`, `> [!IMPORTANT] PDBs Need Redundancy` under a PDB's `Key
    Behaviors`): a remark on the note's topic, asked by its title with that topic (`tokio - 비동기 런타임 › 피처
    플래그`), not tacked onto the section's answer."""
    blocks = [block for block in section.blocks if block.kind not in ("rule", "html")]
    if not section.level or len(blocks) < 2 or blocks[-1].kind != "callout" \
            or blocks[-2].kind not in ("code", "paragraph", "list") \
            or blocks[-2].kind == "paragraph" and EXAMPLE_CALLOUT.match(blocks[-1].source.lstrip()):
        return None  # (an example after the words illustrates them)
    title = _title(blocks[-1])
    if not title or blocks[-2].kind != "list" and not _names_another_topic(title, blocks[-1], section):
        return None  # (under a list of points a title of its own is enough: one more point)
    if (NO_TOPIC_TITLE.search(title) or KO_INSTRUCTION.search(title)) \
            and not (blocks[-2].kind == "list" and POINT_OF_ADVICE.match(title)):
        return None  # (`기억하기`, `Remember`: advice on the text above, no topic of its own; but `Use Sparingly`
        # under the points of why priorities matter is one more point)
    body = "\n".join(re.sub(r"^>[ \t]?", "", line) for line in blocks[-1].source.strip().split("\n")[1:]).strip()
    if len(visible_text(body)) < 12 or is_pointer(body) or is_summary_and_link(body) or is_map_list(body) \
            or INVITES.match(body) \
            or "\n" not in body and "[[" in body and len(visible_text(body)) < 50:
        return None  # (`자주 쓰는 포맷은 [[git-config-alias]]로 등록하자.`: a pointer to another note)
    topic = heading_text(clean_title(section.path[0])) if len(section.path) > 1 else ctx.topic
    topic = ctx.topic if is_generic(topic) else topic  # (`General` of a troubleshooting note: the note's topic)
    return ctx.card("basic", in_context(title, topic), body, blocks[-1].line, section, "explain", title,
                    prompt=ctx.say("설명해 보세요", "Explain"))


def _title(block: Block) -> str:
    """The title of a callout when it is a few words of its own (not a sentence, a generic word, an aspect of the
    section's topic, `> [!tip] 활용`, nor a callout's kind), else ""."""
    found = TOPIC_CALLOUT.match(block.source.lstrip())
    if not found:
        return ""
    title = visible_text(found.group(1)).strip()
    if len(title.split()) > 4 or SENTENCE_END.search(title) or title.endswith((":", "：")) \
            or STATEMENT.search(f" {title} ") or title.lower() in CALLOUT_WORDS or is_generic(title) \
            or ASPECTS.match(title):
        return ""
    return title


def _names_another_topic(title: str, block: Block, section: Section) -> bool:
    """A callout titled (`title`, _title) by a topic that shares no word with the section's headings nor its text
    above (`> [!info] 피처 플래그` at the end of `## 파일 I/O`): an aside about something else, which an answer about
    the section must not run into."""
    heard = {word.lower() for heading in section.path for word in re.findall(r"\w{2,}", heading_text(heading))}
    said = " ".join(other.source for other in section.blocks if other.line < block.line).lower()
    return not any(word.lower() in heard or word.lower() in said for word in re.findall(r"[\w-]{2,}", title))
    # (`> [!tip] --no-ff 사용 이유` under code that runs `git merge --no-ff`: it speaks of the code)


def _is_aside(block: Block) -> bool:
    """A callout that remarks on the text beside it: left out first when a section does not fit."""
    return block.kind == "callout" and bool(ASIDE.match(block.source.lstrip()))


def _section_parts(ctx: RuleContext, section: Section, used: set[int], missing: set[str], room: int,
                   stretch: bool = True, asides: bool = True) -> tuple[list[str], bool, bool, str]:
    """section_content's parts, cut and skipped within `room`, and the kind of part the room ran out in ("" if it
    did not: `code`, `list`, `table`, `paragraph` …); with `stretch`, the
    part the room runs out in may take GRACE times the room if it is code; without `asides`, the callouts that
    remark on the text are left out."""
    max_chars, max_lines = ctx.config.max_answer_chars * room, ctx.config.max_answer_lines * room
    parts: list[str] = []
    size = lines = 0
    cut = skipped = False
    over = ""
    chunks = list(chunks_of(section))
    shown_kind = ""
    stretched = ends = False  # a code block was shown whole past the room: only the words right after it may follow
    for index, chunk in enumerate(chunks):
        kind = chunk.kinds[0]
        if index and kind != "code":  # the example's markdown shown once more as it renders: the source above
            rest = _after_rendering(chunks[index - 1], chunk)  # is what it teaches
            if rest is None:
                continue
            chunk, kind = rest, rest.kinds[0]
        if stretched:  # (not more code, a table or a new topic in bold: what the note goes on to, not what it says of
            # the code)
            said = [block for block in chunk.blocks[:next((n for n, block in enumerate(chunk.blocks) if not _says_on(block)),
                                                          len(chunk.blocks))]]
            if not said:
                break
            ends, chunk = len(said) < len(chunk.blocks), Chunk(tuple(said))
            following = next((later.kinds[0] for later in chunks[index + 1:] if later.kinds[0] not in ("html", "footnotes")), "")
            if not ends and following == "code":
                break  # the caption of the next code block (`Allow inbound traffic by labels`), not words on this one
        if kind in ("rule", "log_date") and parts:
            after = next((later.kinds[0] for later in chunks[index + 1:]
                          if later.kinds[0] not in ("rule", "log_date", "html", "footnotes")), None)
            if kind == "rule" and after == shown_kind:
                over = "rule"  # more of the same follows it (`Supported types`: a callout in each part)
            break
        if kind in ("rule", "log_date", "html", "footnotes"):
            continue
        unused = _not_shown_elsewhere(chunk, used)
        text, diagram, left_out = _shown_text(unused, missing, parts[-1] if parts else "", asides) \
            if unused else (None, False, True)
        skipped = skipped or diagram
        if left_out:
            cut = _drop_lead_in(parts) or cut  # what a lead-in announced is not shown: the lead-in goes too
            if kind == "code" and not unused and parts and _caption(parts[-1]):
                parts.pop()  # the caption of a block left out (`Block all network traffic`): it names nothing shown
        if not text:
            continue
        count, read = text.count("\n") + 1, _reading_size(text)
        if size + read <= max_chars and lines + count <= max_lines:
            parts.append(text)
            shown_kind = kind
            size += read
            lines += count
            if ends:
                break
            continue
        if stretched:
            break
        whole = size + read <= max_chars * GRACE and lines + count <= max_lines * GRACE and kind == "code"
        # a code block the cut would fall inside, after words of the author's, shows whole when it fits in GRACE times
        # the room (the decorated function under its decorator), and so do the words right after it that say what it
        # does, as far as they fit there too; else a code block, list or table shows its first lines, a paragraph
        # its first sentences when it is the first part or what a lead-in announces, other parts nothing
        said = any(_fenced_code(part) is None for part in parts)  # words of the author's lead up to it
        if whole and stretch and said:
            parts.append(text)
            size, lines, max_chars, max_lines = size + read, lines + count, max_chars * GRACE, max_lines * GRACE
            cut, over, stretched = True, kind, True
            continue
        announced = kind == "paragraph" and parts and _dangling(parts[-1])
        piece = _shorten(text, kind, max_chars - size, max_lines - lines, whole_sentences=bool(announced)) \
            if kind in ("list", "table") or kind == "code" and (not said or _fenced_code(parts[-1]) is not None
                                                               or _leads_to_code(parts)) \
            or not parts or announced else ""  # (a code block the room runs out in right after the author's words,
        # which neither lead into it nor name it, shows none of its lines: the words are the answer, and the first lines of
        # a program, one project's config cut mid-block, teach nothing; code a lead-in announces or a caption names
        # is the answer, cut visibly)
        own = _finished(unused, kind, text, missing, parts[-1] if parts else "", asides) if stretch else None
        if own and size + _reading_size(own) <= max_chars * GRACE and lines + own.count("\n") + 1 <= max_lines * GRACE \
                and not is_click_through(own) and not is_click_through("\n".join(parts + [piece])):
            parts.append(own)  # the list, table or lines of short points the room runs out in finish within GRACE
            cut, over = True, "more"  # times the room: a cut inside them drops the very items the heading asks for
            break  # (a walk through an app's screens stays cut, and gives no explanation)
        if piece:
            parts.append(piece)
        cut, over = True, kind
        break
    cut = _drop_lead_in(parts) or cut
    return parts, cut, skipped, over


# words that say the code under them shows how (`Pod 생성하면 내부에서 이렇게 진행된다.`), and the label over an exercise's
# questions, which the code under them answers (`Questions:`)
THIS_WAY = re.compile(r"(?:이렇게|이와 같이|다음처럼|아래처럼)\s+(?:\S+\s+)?\S*다\.?$")
QUESTIONS_LABEL = re.compile(r"^\W*(?:questions?|exercises?|tasks?|문제|과제)\W*$", re.I | re.M)


def _leads_to_code(parts: list[str]) -> bool:
    """Whether the words before a code block lead into it: a lead-in, a caption that names it, a sentence that says
    it shows how, or the questions of an exercise it answers."""
    last = parts[-1].rstrip().split("\n")[-1].strip()
    return _dangling(parts[-1]) or _caption(parts[-1]) or bool(THIS_WAY.search(last)) \
        or any(QUESTIONS_LABEL.search(part) for part in parts)


def _finished(chunk: Chunk, kind: str, text: str, missing: set[str], before: str, asides: bool) -> str | None:
    """What of the chunk the room ran out in is shown whole when it fits in GRACE times the room: its list or table
    (with the lead-in right above it that announces it), or its paragraph of short points; not the blocks that only
    touch it. None for anything else (prose, code)."""
    blocks = chunk.blocks
    at = next((n for n, block in enumerate(blocks) if block.kind in ("list", "table")), None)
    if at is None or any(not _dangling(block.source) for block in blocks[:at]):
        if kind != "paragraph":
            return None
        own = text if len(blocks) == 1 else _shown_text(Chunk(blocks[:1]), missing, before, asides)[0]
        return own if own and _short_lines(own) else None
    return text if at + 1 == len(blocks) else _shown_text(Chunk(blocks[:at + 1]), missing, before, asides)[0]


SHORT_LINE = 60  # characters of a line that states one point (`모든 leaf 노드들은 같은 레벨에 있음`)


def _short_lines(text: str) -> bool:
    """A paragraph of two or more short lines, one point each: a list written without bullets."""
    rows = [row for row in text.split("\n") if row.strip()]
    return len(rows) >= 2 and all(len(row) <= SHORT_LINE for row in rows)


MARKDOWN_SOURCE = {"md", "markdown", ""}


def _after_rendering(before: Chunk, chunk: Chunk) -> Chunk | None:
    """The chunk without its first blocks when they write out again the markdown of the code block right above, to
    show how it renders (```` ```md ```` ⏎ `- First list item` … ⏎ ```` ``` ```` and then the same list: the same
    words in the same order); None when nothing else is left."""
    found = fenced(before.blocks[-1].source) if before.blocks[-1].kind == "code" else None
    if found is None or fence_language(found[0]).lower() not in MARKDOWN_SOURCE:
        return chunk
    said = re.findall(r"\w+", found[1])
    words: list[str] = []
    for count, block in enumerate(chunk.blocks, start=1):
        words += re.findall(r"\w+", block.source)
        if len(words) >= len(said):
            if len(said) < 2 or words != said:
                return chunk
            return Chunk(chunk.blocks[count:]) if count < len(chunk.blocks) else None
    return chunk


def _not_shown_elsewhere(chunk: Chunk, used: set[int]) -> Chunk | None:
    """The chunk, or None when other cards show it (its first line is a card's: a label card's paragraph, a list
    card's lead-in and list, terms with cards of their own). A list only one or two of whose items have a card
    stays, with what touches it: its points are the explanation (`**특징**` over `- 연결지향 - …`, `- 순서 보장`, …)."""
    first = chunk.blocks[0]
    if first.line not in used or _mostly_unused(first, used):
        if any(block.kind == "callout" and block.line in used for block in chunk.blocks[1:]):
            return _without_asked_callouts(chunk, used)
        return chunk
    rest = chunk.blocks[1:]
    if first.kind == "list" and rest and rest[0].kind in ("paragraph", "callout") and rest[0].line not in used:
        return Chunk(rest)  # the words after a list whose items are asked by themselves go on with the section
        # (`- 원서버 : …` then `no-store : …`, the next of the directives the section explains): no card shows them;
        # so does a callout right under a task's steps (`> [!note] Text-only cards and backlinks`), as after a blank
    return None


def _without_asked_callouts(chunk: Chunk, used: set[int]) -> Chunk:
    """A chunk without the callouts under its first block that are asked by themselves (aside_card), and without
    the blank line that stood before each."""
    kept: list[Block] = []
    for block in chunk.blocks:
        if kept and block.kind == "callout" and block.line in used:
            kept[-1] = replace(kept[-1], source=kept[-1].source.rstrip("\n"))
        else:
            kept.append(block)
    return Chunk(tuple(kept))


def _mostly_unused(block: Block, used: set[int]) -> bool:
    """A list more than half of whose items have no card of their own."""
    if block.kind != "list":
        return False
    items = list_items(block)
    return sum(item.line in used for item in items) * 2 <= len(items)


def _says_on(block: Block) -> bool:
    """A paragraph or list that goes on in the same topic (not one that opens with a label in bold)."""
    return block.kind in ("paragraph", "list") and not BOLD_LABEL.match(block.source.split("\n")[0])


def _shown_text(chunk: Chunk, missing: set[str], before: str = "", asides: bool = True) -> tuple[str | None, bool, bool]:
    """What an explanation shows of a chunk (None for nothing), whether it is a diagram left out, and whether
    something was left out before anything was kept (so what came before may have announced it). Within a
    chunk, a list of links, a checklist or an inventory is left out alone, with the lead-in announcing it; but a
    list of links that the words right before it (`before`, or the chunk's own) announce as what they say
    (`Report the incident on one of the following community channels:`) is the answer, not a pointer. Without
    `asides`, the callouts that remark on the text are left out."""
    kind = chunk.kinds[0]
    if kind == "code":
        found = FENCE_OPEN.match(chunk.lines[0])
        inner = "\n".join(chunk.lines[1:-1] if found else chunk.lines)
        if found and found.group(2).lower() in DIAGRAMS | GENERATED:
            return None, True, True  # a diagram's source, a plugin's query: not something to recall
        if is_drawing_text(inner):
            return None, True, True  # a sketch drawn with box characters
        if _pinned_versions(inner):
            return None, False, True  # `fastapi==0.109.0` …: one project's versions, not knowledge
        if found and found.group(2).lower() in SHELLS and inner.strip():
            typed = without_printed(inner)
            if typed is None:
                return None, False, True  # what one lab's commands printed, and no command: its lead-in goes too
            if typed != inner:
                return "\n".join((chunk.lines[0], typed, chunk.lines[-1])), False, False
        return (chunk.source if inner.strip() else None), False, False
    kept: list[str] = []
    first_left_out = named = False
    for block in chunk.blocks:
        if not asides and _is_aside(block):
            kept[-1:] = [kept[-1].rstrip("\n")] if kept else []  # (the blank line before it goes with it)
            continue
        text = "\n".join(line for line in _without_diagrams(block.source.split("\n")) if not _skippable(line, missing))
        if block.kind == "paragraph" and SESSION_PROMPT.match(text):
            typed = without_printed(text)  # a terminal session pasted as text (`PS C:\work> kubectl get pv` ⏎ what it
            if typed is None:  # printed): its commands, as code, without the output
                continue
            text = f"```sh\n{typed}\n```"
        text = EMPTY_QUOTE_LINES.sub("", text) if text.rstrip().endswith(">") else text  # (a callout whose last line went)
        if _teaches_nothing(block, text):
            if block.kind == "list" and _announces_links(kept[-1] if kept else before) \
                    and is_link_list([item.head for item in list_items(block)]):
                named = True  # the channels, plugins or types it names are the answer
            else:
                first_left_out = first_left_out or not kept
                _drop_lead_in(kept)
                continue
        if text.strip():
            kept.append(text)
    text = "\n".join(kept)
    if not text.strip() or (nothing_to_learn(text) and not named and not IMAGE.search(text)
                            and not (kind == "list" and _announces_links(before))):
        return None, False, True  # (a list of tags the words before announce, `…use the following formats:` ⏎
    return text, False, first_left_out  # `- #camelCase`, is what they say: the answer, not a line of tags)


# a lead-in that sends the reader elsewhere (`see the following pages:`, `관련 문서:`): the links after it are pointers
READS_ON = re.compile(r"\b(?:see|read|review|refer|learn|follow|instructions?|more (?:information|details|about)|further|guides?|docs|"
                      r"documentation|resources|links?|articles?|tutorials?|pages?)\b|참고|참조|관련|자세한|더 알아|링크|문서",
                      re.I)


def _announces_links(lead: str) -> bool:
    """Whether the line before a list of links announces the links as what it says (`…one of the following
    community channels:`), not as places to read more (`For more details, see:`)."""
    last = lead.rstrip().split("\n")[-1].strip().rstrip("*_ ")
    return last.endswith((":", "：")) and not READS_ON.search(last)


def _pinned_versions(code: str) -> bool:
    """A list of pinned package versions (a requirements file)."""
    lines = code_lines(code)
    return len(lines) >= 2 and all(PINNED.match(line) for line in lines)


# a line typed at a shell prompt (`$ kubectl get pods`, `user@test$ curl …`, `root@k8s-master# apt update`,
# `console$ kubectl drain …`, `controlplane ~ ➜  kubectl …`, `➜  ps aux`, `PS C:\work> kubectl get pv`, a shell
# in a container showing its folder, `/var/log/containers # cat …`, a prompt alone: `root@node01#`), or a
# comment; what else a transcript holds after a command is what the command printed
USER_AT_HOST = r"[\w.-]+@[\w.:~/-]+\s*[$#]"  # `user@test$`, `root@k8s-master#`
POWERSHELL = r"PS (?:[A-Za-z]:\\|/)[^>\n]*>"  # `PS C:\work\kiamol\ch05>`
IN_FOLDER = r"[~/][\w./~-]* [#$]"  # a shell in a container showing its folder: `/ #`, `/var/log/containers #`
PROMPTED = re.compile(rf"^\s*(?:\$(?:\s|$)|{USER_AT_HOST}(?:\s|$)|[\w.-]+\$(?:\s|$)|[\w.-]+ [~/][^\s]* ➜(?:\s|$)|#|"
                      rf"➜(?:\s|$)|{POWERSHELL}(?:\s|$)|{IN_FOLDER}(?:\s|$))")
# a prompt that opens a paragraph: a terminal session pasted into the note as text
SESSION_PROMPT = re.compile(rf"^(?:\$ |{USER_AT_HOST} |{POWERSHELL} |{IN_FOLDER} )\S")
# a PowerShell prompt that shows the folder the author typed in (`PS C:\work\kiamol\ch05> kubectl get pv`)
POWERSHELL_PROMPT = re.compile(rf"^(\s*){POWERSHELL}\s?", re.M)
# a command that opens a file to change it (`vi etcd.yaml`, `kubectl edit deploy web`): the lines under it are the
# file as the learner changes it, not output
EDITS = re.compile(r"^(?:sudo\s+)?(?:vi|vim|nvim|nano|emacs|visudo|kubectl\s+edit|crontab\s+-e|systemctl\s+edit)\b")
HEREDOC = re.compile(r"<<-?\s*(['\"]?)(\w+)\1")  # `cat <<EOF > pod.yaml`: the lines up to `EOF` are typed
# what kubectl says it did (`pod/nginx created`, `deployment.apps/web scaled`, `pod "nginx" deleted`)
DONE = re.compile(r"^\s*[\w.-]+(?:/[\w.:-]+| \"[^\"]+\") (?:created|configured|unchanged|deleted|edited|patched|labeled|"
                  r"annotated|scaled|exposed|replaced|restarted|rolled back|cordoned|uncordoned|drained|evicted|"
                  r"serverside-applied)\b")
# the header of a listing a command printed: three or more columns in capitals set apart by runs of spaces
# (`NAME   READY   STATUS   RESTARTS   AGE`, `CONTAINER ID   IMAGE   COMMAND`)
LISTING = re.compile(r"^[A-Z][A-Z0-9()%_/.:-]*(?: [A-Z][A-Z0-9()%_/.:-]*)?(?:(?: {2,}|\t)[A-Z][A-Z0-9()%_/.:-]*"
                     r"(?: [A-Z][A-Z0-9()%_/.:-]*)*){2,}\s*$")
TYPED, EDITED, PRINTED = "typed", "edited", "printed"
# a file's name alone at a prompt (`$ vip-daemonset.yml`): a label over the file's lines, written as the note shows them
FILE_EXTENSION = r"\.(?:ya?ml|json|toml|conf|cfg|ini|env|properties)"  # a file a note writes out: a manifest, a config
FILE_LABEL = re.compile(rf"[\w./-]+{FILE_EXTENSION}")
# a command that prints a file of the note's (`cat vip-rbac.yml`): what follows is that file, as the note shows it
SHOWS_FILE = re.compile(rf"^(?:sudo\s+)?cat\s+[\w./~-]+{FILE_EXTENSION}\s*$")


def transcript(lines: list[str]) -> list[str]:
    """What each line of a shell block is: TYPED (a command, its continued lines and here-document, a comment),
    EDITED (a file under the command that opens it in an editor), PRINTED (what a command printed: the lines after a
    command typed at a prompt, a listing under its header, what kubectl says it did) or "" (a blank line)."""
    kinds: list[str] = []
    state = ""  # "" (what follows is typed), "out", "edit", "more" (a command goes on), "here", "listing"
    after = until = ""  # where a command's lines lead once it ends ("out" after a prompt); a here-document's end
    stripped = ""
    typed_at = 0  # how far the last command typed at a prompt is set in
    for line in lines:
        previous, stripped = stripped, line.strip()  # (and the line before it)
        prompt = PROMPTED.match(line) if state not in ("more", "here") else None
        if not stripped:
            kinds.append("")
            state = "" if state == "listing" else state
        elif state in ("more", "here"):
            kinds.append(TYPED)
            if state == "here":
                state = after if stripped == until else "here"
            else:
                state, until = _after_command(stripped, after)
        elif prompt and state == "out" and _indent(line) > typed_at:
            kinds.append(PRINTED)  # a prompt set in deeper than the command that printed it is part of what it
            # printed (`docker run hello-world` prints ` $ docker run -it ubuntu bash`)
        elif prompt and not stripped.startswith("#"):
            kinds.append(TYPED)
            after, typed_at = "out", _indent(line)
            state, until = _after_command(line[prompt.end():].strip(), after)
        elif state == "edit":
            kinds.append(PRINTED if DONE.match(line) else EDITED)
        elif prompt:  # a comment: what follows it is typed again
            kinds.append(TYPED)
            state = ""
        elif state in ("out", "listing") or DONE.match(line):
            kinds.append(PRINTED)
        elif LISTING.match(stripped) and kinds and kinds[-1] == TYPED and not previous.startswith("#"):
            kinds.append(PRINTED)  # (a table the note writes itself, under no command, is no listing)
            state = "listing"
        else:  # a command written without a prompt
            kinds.append(TYPED)
            after = ""
            state, until = _after_command(stripped, after)
    return kinds


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _after_command(command: str, then: str) -> tuple[str, str]:
    """What the lines after a command's line are, and the word that ends its here-document: its next line (`\\` at
    its end), its here-document, the file it opens in an editor, else `then` (what it printed after a prompt; more
    commands when typed without one)."""
    if command.endswith("\\"):
        return "more", ""
    here = HEREDOC.search(command)
    if here:
        return "here", here.group(2)
    return ("edit" if EDITS.match(command) or FILE_LABEL.fullmatch(command) or SHOWS_FILE.match(command) else then), ""


def without_printed(code: str) -> str | None:
    """A shell block without what its commands printed (a lab's `kubectl get` tables, `describe` blocks, logs and the
    IP addresses and generated names in them): the commands and comments stay, they are the lesson. None when
    nothing but output (and comments) is left."""
    lines = code.split("\n")
    kinds = transcript(lines)
    if PRINTED not in kinds:  # (the author's folder is no part of a command: `PS C:\work>` shows as `PS>`)
        return POWERSHELL_PROMPT.sub(r"\1PS> ", code) if "PS " in code else code
    kept: list[str] = []
    for line, kind in zip(lines, kinds):
        if kind != PRINTED and (kind or kept and kept[-1].strip()):
            kept.append(POWERSHELL_PROMPT.sub(r"\1PS> ", line) if kind == TYPED else line)  # (the author's folder
            # is no part of the command)
    while kept and not kept[-1].strip():
        kept.pop()
    if all(line.lstrip().startswith("#") or not line.strip() for line in kept):
        return None
    return "\n".join(kept)


# a command that sends a file of the note's own to the cluster (`kubectl apply -f sleep.yaml -n lab`)
APPLIES_FILE = re.compile(r"^(?:\$\s+|PS> )?(?:kubectl|k)\s+(?:apply|create|delete|replace)\s+(?:-n\s+\S+\s+)?-f\s+"
                          r"(?!https?:)[\w.\\/~-]+(?:\s+(?:-n|--namespace)[\s=]\S+)?\s*$")


def _only_applies_files(back: str) -> bool:
    """An answer that is only commands applying or deleting the note's own files, nothing else said."""
    code = _fenced_code(back.strip())
    lines = [line.strip() for line in code.split("\n") if line.strip()] if code else []
    return bool(lines) and all(APPLIES_FILE.match(line) for line in lines)


def _teaches_nothing(block: Block, text: str) -> bool:
    """A block with nothing to recall: links to elsewhere, a checklist, an inventory of one environment's
    machines and resources, fields and settings."""
    if block.kind == "table":
        return is_one_setups_table(text)
    if block.kind in ("paragraph", "quote") and (is_console_path(text) or TABLE_ROW.fullmatch(text.strip())):
        return True  # a walk through a console's menus, or a table's header row with no table under it
    if block.kind == "list":
        items = list_items(block)
        heads = [item.head for item in items]
        return bool(heads) and (is_link_list(heads) or all(_rejected_definition(head) or _is_task(block, item)
                                                           for head, item in zip(heads, items))
                                or _is_form(heads) or _is_settings_list(heads))
    return False


def _caption(part: str) -> bool:
    """A line that names the code block under it: one short line, no sentence, list item, quote or code."""
    line = part.strip()
    return "\n" not in line and 0 < len(line.split()) <= 8 and not line.endswith((".", "!", "?", ":", "。")) \
        and not line.startswith(("-", "*", "+", ">", "|", "#", "`", "!", "[")) and not re.match(r"\d+[.)]\s", line)


def _drop_lead_in(parts: list[str]) -> bool:
    """Remove the lines at the end of `parts` that announce content not shown after them; whether any went."""
    dropped = False
    while parts and _dangling(parts[-1]):
        lines = parts[-1].rstrip().split("\n")
        sentences = re.split(r"(?<=[.!?])\s+(?=\S)", lines[-1].strip())
        # only the sentence that announces what follows goes (`…지속성 저장소다. 선택지로는 다음의 두 가지가 있다.`)
        last = " ".join(sentences[:-1]) if len(sentences) > 1 and not lines[-1].lstrip().startswith(("-", "*", "|", ">")) \
            else ""
        kept = "\n".join(lines[:-1] + ([last] if last else [])).rstrip()
        parts[-1:] = [kept] if kept.strip() else []
        dropped = True
    return dropped


def _without_diagrams(lines: list[str]) -> list[str]:
    """The lines without the diagram fences inside them (a Mermaid block in a callout or a list item)."""
    out: list[str] = []
    closing = None
    for line in lines:
        if closing is not None:
            if re.match(rf"^[>\s]*{closing}\s*$", line):
                closing = None
            continue
        found = QUOTED_FENCE.match(line)
        if found and found.group(2).lower() in DIAGRAMS:
            closing = re.escape(found.group(1))
            continue
        out.append(line)
    return out


def _dangling(text: str) -> bool:
    """A part that ends on a lead-in (`그래서 실제 운영 환경에서는:`, `**Examples:**`) whose content is not
    shown after it."""
    last = text.rstrip().split("\n")[-1].strip()
    if last.startswith(("```", "~~~")):
        return False
    return last.rstrip("*_=~ ").endswith((":", "：")) or leads_in(last.rstrip("*_=~ "))


EMPTY_QUOTE_LINES = re.compile(r"(?:\n[ \t]*>[> \t]*)+\Z")
# a line that asks the reader whether they want something else and sends them to it (`Looking to sync without the
# desktop app? See [[Obsidian Headless]].`, `Ready to build your own theme? Learn how to [Build a theme](…).`)
INVITES = re.compile(r"^[>\s]*(?:[-*+]\s+)?[^.!?\n]{3,80}\?\s+(?:see|check out|read|refer to|learn (?:how|more))\b", re.I)


def _skippable(line: str, missing: set[str]) -> bool:
    """Bare URL lines, tag lines, date lines, `관련 문서: …` lines, lines that send the reader elsewhere for
    something else (`Looking to …? See [[…]].`) and embeds of images that are not in the vault: a card must not
    show only a placeholder, and a line of tags, a date or links to related notes teach nothing."""
    stripped = line.strip()
    if URL.fullmatch(stripped) or TAGS_ONLY.match(stripped) or match_date(stripped) is not None \
            or RELATED.match(stripped) or "?" in stripped and INVITES.match(stripped) and ("](" in stripped or "[[" in stripped):
        return True
    if not EMBED_ONLY.match(line):
        return False
    wiki = re.fullmatch(r"!\[\[([^\]|#]*)[^\]]*\]\]", stripped)
    name = wiki.group(1) if wiki else unquote(re.sub(r"^!\[[^\]]*\]\(<?|>?(?:\s+\"[^\"]*\")?\)$", "", stripped))
    return name.strip() in missing


def _reading_size(text: str) -> int:
    """How much a reader reads of a part: a table's padding (`| Option     | Type   |`, `| ------ |`) is no text."""
    return len(re.sub(r"[ \t]{2,}|-{3,}", " ", text))


def _shorten(text: str, kind: str, chars: int, lines: int, whole_sentences: bool = False) -> str:
    """As much of a part as fits in the room left, cut between lines (a code block keeps its fence and shows a
    `…` line where it was cut); "" when too little would fit. With `whole_sentences`, a paragraph's line is cut
    after its last sentence that fits, or not shown. The caller links to the rest."""
    rows = text.split("\n")
    if kind == "code":
        room = min(lines - 2, len(rows) - 2)  # the fence's own lines stay
        body = rows[1:-1] if len(rows) > 2 else rows[1:]
        kept: list[str] = []
        for row in body[:max(room - 1, 0)]:
            if sum(len(r) + 1 for r in kept) + len(row) > chars - 20:
                break
            kept.append(row)
        if len(kept) < MIN_CODE_LINES:
            return ""
        return "\n".join([rows[0]] + kept + ["…", rows[-1] if len(rows) > 2 else rows[0][:3]])
    out: list[str] = []
    size = 0
    for row in rows[:max(lines, 0)]:
        if size + _reading_size(row) > chars:
            if not out and kind == "paragraph":
                out.append(_cut_sentences(row, chars) if whole_sentences else _cut_line(row, chars))
            break
        out.append(row)
        size += _reading_size(row) + 1
    if kind == "table" and len(out) < 3 or kind == "list" and len(out) < 2:
        return ""  # a header without rows, or a list cut to one item
    while out and _dangling(out[-1]):
        out.pop()
    return "\n".join(out).rstrip()


def _cut_sentences(line: str, chars: int) -> str:
    """The line's sentences that fit in `chars`, "" when not even the first does."""
    ends = [found.end() for found in re.finditer(r"[.!?。](?=\s|$)", line) if found.end() <= chars]
    inside = markup_spans(line)
    ends = [end for end in ends if not any(start < end < stop for start, stop, _ in inside)]
    return line[:ends[-1]].rstrip() if ends else ""


def _cut_line(line: str, chars: int) -> str:
    """The line cut at the last space before `chars` that is not inside a link, emphasis or code."""
    inside = markup_spans(line)
    for at in range(min(chars, len(line)) - 1, 0, -1):
        if line[at] == " " and not any(start < at < end for start, end, _ in inside):
            return line[:at].rstrip()
    return ""


def continued(ctx: RuleContext, section: Section) -> str:
    """A link to the section in the note, for an explanation that was cut."""
    label = ctx.say("… 노트에서 계속", "… continued in the note")
    target = ctx.note.path[:-3] if ctx.note.path.endswith(".md") else ctx.note.path
    heading = section.title if not re.search(r"[\[\]|#^]", section.title) else section.slug
    if re.search(r"[\[\]|#^]", target):
        return label
    return f"[[{target}#{heading}|{label}]]"


STEP_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")  # a list item: one step of a how-to written as a list


def procedure_cards(ctx: RuleContext, section: Section, card: Card) -> list[Card] | None:
    """A how-to whose explanation was cut before its last step (`- 패키지 설치` ⏎ its commands ⏎ `- 서비스 시작` ⏎ its
    commands …, or a script whose comments number its steps): asked in parts of whole steps that each fit the room
    (`메일 서버 구축하기 — 1–2단계 (전체 6단계)`), so the cards hold the whole procedure and none ends inside a step; a
    step too long even for GRACE times the room shows its first lines, never half a command. None when the section
    is no such procedure or the cut left its steps whole (only what follows them is cut)."""
    found = _procedure_steps(section)
    if found is None:
        return None
    intro, steps, fence = found
    if _joined(steps[-1:], None) in card.back:
        return None  # every step is on the card: what the cut left out comes after the procedure
    chars, lines = ctx.config.max_answer_chars, ctx.config.max_answer_lines
    intro_text = "\n\n".join(intro)
    groups: list[list[int]] = []
    for number in range(len(steps)):
        if groups and fence is not None and all(text.lstrip().startswith("#") or not text.strip()
                                                for _, text, _ in steps[number]):
            groups[-1].append(number)  # a step the script only names in a comment (`# 6. DNS 설정`) does nothing
            continue  # to recall alone: it goes with the steps before it
        if groups:
            text = _joined([steps[at] for at in groups[-1] + [number]], fence)
            text = f"{intro_text}\n\n{text}" if intro_text and groups[-1][0] == 0 else text
            if _reading_size(text) <= chars and text.count("\n") + 1 <= lines:
                groups[-1].append(number)
                continue
        groups.append([number])  # (a step that does not fit with those before it starts the next part)
    if len(groups) < 2:
        return None
    prompt = card.prompt
    out = []
    for at, group in enumerate(groups):
        shown = _joined([steps[number] for number in group], fence)
        back = f"{intro_text}\n\n{shown}" if at == 0 and intro_text else shown
        if _reading_size(back) > chars * GRACE or back.count("\n") + 1 > lines * GRACE:
            pieces = intro * (at == 0) + ([shown] if fence is not None
                                          else [text for number in group for _, text, _ in steps[number]])
            back = _shortened_step(pieces, chars * GRACE, lines * GRACE)
            if not back:
                return None  # not even the step's first lines fit: the explanation stays as it was cut
            back += "\n\n" + continued(ctx, section)
        first, end = group[0] + 1, group[-1] + 1
        span = str(first) if first == end else f"{first}–{end}"
        asked = ctx.say(f"{span}단계 (전체 {len(steps)}단계)",
                        f"step{'s' if first != end else ''} {span} of {len(steps)}")
        out.append(ctx.card("basic", f"{card.front} — {asked}", back, steps[group[0]][0][2], section, "explain",
                            f"{card.anchor} steps {span}", prompt=prompt))
    return out


def _joined(steps: list[list[tuple[int, str, int]]], fence: tuple[str, str] | None) -> str:
    """Steps as one answer: items of one list stay one list, the lines of one script one code block."""
    if fence is not None:
        return "\n".join([fence[0], "\n\n".join("\n".join(text for _, text, _ in step) for step in steps), fence[1]])
    pieces = [piece for step in steps for piece in step]
    out = ""
    for index, (block, text, _) in enumerate(pieces):
        out += ("" if not index else "\n" if block == pieces[index - 1][0] else "\n\n") + text
    return out


def _shortened_step(pieces: list[str], chars: int, lines: int) -> str:
    """A step too long for one card: its pieces that fit, then its code cut between lines, never after a line that
    goes on (`\\`) into the next: a command is shown whole or not at all; "" when no code would show."""
    kept: list[str] = []
    size = count = 0
    for piece in pieces:
        read, rows = _reading_size(piece), piece.count("\n") + 1
        if size + read <= chars and count + rows <= lines:
            kept.append(piece)
            size, count = size + read + 2, count + rows + 1
            continue
        if FENCE_OPEN.match(piece):
            shown = _shorten(piece, "code", chars - size, lines - count).split("\n")
            while len(shown) > 3 and shown[-3].rstrip().endswith("\\"):
                del shown[-3]  # (the lines before `…` end where a command ends)
            kept.append("\n".join(shown) if len(shown) > 3 else "")
        break
    return "\n\n".join(piece for piece in kept if piece) if any(FENCE_OPEN.match(piece) for piece in kept if piece) \
        else ""


def _procedure_steps(section: Section) -> tuple[list[str], list[list[tuple[int, str, int]]], tuple[str, str] | None] \
        | None:
    """The section as a procedure: its lead-in paragraphs, its steps (each a list of (block, text, line) pieces) and
    the fence that holds them when they are one script's numbered comments; None when it is no procedure of three or
    more steps with commands (a list of points, prose, a walk through an app's screens)."""
    title = words(heading_text(clean_title(section.title)))
    if NOT_A_PROCEDURE.search(title):
        return None  # (an example of a tool's commands, one project's checks)
    blocks = [block for block in section.blocks if block.kind not in ("html", "footnotes")]
    ends = next((at for at, block in enumerate(blocks) if block.kind in ("rule", "log_date")), len(blocks))
    blocks = blocks[:ends]  # (a `---` or a new study day ends what the section's card explains)
    intro: list[str] = []
    at = 0
    while at < len(blocks) and blocks[at].kind in ("paragraph", "callout", "quote"):
        intro.append(blocks[at].source)
        at += 1
    if at == len(blocks):
        return None
    if blocks[at].kind == "code":
        return _script_steps(intro, blocks[at:])
    if blocks[at].kind != "list" or not PROCEDURE_TITLE.search(title) and not (
            intro and STEPS_LEAD_IN.search(re.sub(r"[*_`]+", "", intro[-1]).strip())):
        return None  # a list under a heading that names no task (`주의할 점`, `명령어`): points, not steps
    steps: list[list[tuple[int, str, int]]] = []
    open_step = False  # the last step's item only names it (`- 패키지 설치`): the code under it is its commands
    for index, block in enumerate(blocks[at:], start=at):
        if block.kind == "list":
            items = list_items(block)
            rows = block.source.split("\n")
            for number, item in enumerate(items):
                end = items[number + 1].line - block.line if number + 1 < len(items) else len(rows)
                text = "\n".join(rows[item.line - block.line:end]).rstrip()
                steps.append([(index, text, item.line)])
                open_step = not any(line.strip() for line in item.body) or item.head.rstrip("*_ ").endswith((":", "："))
            continue
        if block.kind == "code" and steps and open_step:
            steps[-1].append((index, block.source, block.line))
            open_step = False
            continue
        return None  # (something else follows the steps: the list is one point among others, not the section's task)
    if len(steps) < 3 or sum(len(step) > 1 or "`" in step[0][1] for step in steps) * 2 < len(steps):
        return None  # fewer than three steps, or steps with no commands (what they do is not recalled as a how-to)
    if any(not STEP_ITEM.match(step[0][1]) for step in steps) or is_click_through("\n\n".join(
            text for step in steps for _, text, _ in step)):
        return None
    return intro, steps, None


def _script_steps(intro: list[str], blocks: list[Block]) -> tuple[list[str], list[list[tuple[int, str, int]]],
                                                                 tuple[str, str]] | None:
    """A script under its lead-in whose comments number its steps (`# 1. Create the queue` … `# 7. Check it`): each
    step its numbered comment and the lines up to the next (the lines before the first go with it)."""
    if len(blocks) != 1 or len(STEP_COMMENT.findall(blocks[0].source)) < 3:
        return None
    rows = blocks[0].source.split("\n")
    if len(rows) < 3 or not FENCE_OPEN.match(rows[0]):
        return None
    steps: list[list[tuple[int, str, int]]] = [[]]
    for offset, row in enumerate(rows[1:-1], start=1):
        if STEP_COMMENT.match(row) and any(STEP_COMMENT.match(text) for _, text, _ in steps[-1]):
            steps.append([])
        steps[-1].append((0, row, blocks[0].line + offset))
    for step in steps:
        while len(step) > 1 and not step[-1][1].strip():
            step.pop()  # (the blank line before the next step's comment)
    return intro, steps, (rows[0], rows[-1])
