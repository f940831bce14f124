"""Turn parsed notes into flashcards: explicit syntax first, then plain-note rules and manifests."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Sequence
from urllib.parse import unquote

from flashgen.cards.alternatives import merge_alternatives, numbered_alternatives
from flashgen.cards.commands import bare_commands, command_cards, listed_command_cards, reference_entry_card
from flashgen.cards.context import RuleContext
from flashgen.cards.decks import deck_for, positional_decks
from flashgen.cards.exercises import (
    CODE_FENCE,
    asked_as_topic,
    exercise_card,
    exercise_pairs,
    is_numbered_task,
    listed_task_cards,
    task_card,
)
from flashgen.cards.example_fields import field_of_kind, gives_example_values, manifests_of
from flashgen.cards.explicit import explicit_cards
from flashgen.cards.fronts import objectless, pointing_question, without_emoji
from flashgen.cards.howtos import howto_cards, only_says_they_can
from flashgen.cards.language import note_language
from flashgen.cards.lint_warning import warn_rejected
from flashgen.cards.manifests import manifest_cards, only_manifests, rejected_manifest
from flashgen.cards.model import Card
from flashgen.cards.plain import (
    SESSION_PROMPT,
    SHORTEST,
    aside_card,
    definition_cards,
    explain_card,
    faceted,
    faq_cards,
    in_context,
    label_cards,
    labelled_parts,
    list_cards,
    listed_question_cards,
    lists_clauses,
    only_output,
    parts_subject,
    procedure_cards,
    question_cards,
    topic_of,
    topic_parts,
    uses_the_subject,
)
from flashgen.cards.quality import (
    SCRIPTS_TITLE,
    documents_source,
    is_closing,
    is_date,
    is_example_label,
    is_generic,
    is_member_table,
    is_navigation,
    is_navigation_note,
    is_project_document,
    is_result,
    lists_own_scripts,
    only_project_steps,
    only_says_the_front,
    points_below,
    recites_source,
    sends_for_more,
    spells_out_heading,
    words,
)
from flashgen.cards.tables import cause_and_fix_card, row_cards
from flashgen.cards.text import SENTENCE_END, clean_title, visible_text
from flashgen.config import Config, note_settings
from flashgen.diagnostics import Diagnostic
from flashgen.memo import KeyedMemo
from flashgen.vault.files import outside_vault
from flashgen.vault.heading_text import heading_text
from flashgen.vault.links import is_image
from flashgen.vault.model import Link, Note, Section, Vault

__all__ = ["Card", "extract_cards", "note_cards", "deck_path"]


def extract_cards(vault: "Vault", keys: dict[str, str] | None = None,
                  memo: dict[str, tuple[str, list[Card]]] | None = None,
                  manifest_problems: Callable[[Note], Sequence[Diagnostic]] | None = None) -> list[Card]:
    """Every card of the vault, note by note, in document order. With dependency `keys` (flashgen.build.depkeys)
    and a `memo` of an earlier build, a note whose key is unchanged keeps its cards; `memo` is updated.
    `manifest_problems(note)` finds what Kubernetes would reject in a note's manifests (flashgen.kube.lint)."""
    cards: list[Card] = []
    kept = KeyedMemo(memo)
    for note in vault.notes:
        key = keys.get(note.path) if keys else None
        cards.extend(kept.get(note.path, key, lambda: note_cards(
            note, vault.config, missing_images(note, vault.resolve),
            manifest_problems(note) if manifest_problems else ())))
    kept.close()
    return cards


def missing_images(note: Note, resolve: Callable[[Link, str], str | None]) -> set[str]:
    """The images this note embeds or links that are not in the vault, or lie outside it (a card would show a
    placeholder for them, so their lines stay out of answers)."""
    return {link.target for link in note.links if not link.external and is_image(link.target)
            and (outside_vault(link.target, note.path) or resolve(link, note.path) is None)}


def deck_path(note: Note, config: Config) -> tuple[str, ...]:
    """The deck a note's cards go to: frontmatter `deck:` wins, else the configured hierarchy."""
    override = note_settings(note.frontmatter).deck
    if override:
        return tuple(part.strip() for part in override.split("::") if part.strip())
    parts = [config.deck]
    if "folder" in config.deck_hierarchy and note.folder:
        parts.extend(note.folder.split("/"))
    if config.deck_hierarchy.endswith("note"):
        parts.append(note.title)
    return tuple(parts)


def note_cards(note: Note, config: Config, missing: set[str] | None = None,
               problems: Sequence[Diagnostic] = ()) -> list[Card]:
    """The cards of one note (none when its frontmatter says `flashgen: {cards: false}`). A card that shows a
    manifest with `problems` (what Kubernetes rejects in it, by line) carries them as a visible warning."""
    settings = note_settings(note.frontmatter)
    if not settings.cards or is_drawing(note):
        return []
    rules = settings.rules if settings.rules is not None else config.rules
    ctx = RuleContext(note, config, note.tag_names, deck_path(note, config), rules, note_language(note, config))
    missing = missing or set()
    cards: list[Card] = []
    sections = note.sections()
    pairs = exercise_pairs(note.root) if ctx.on("explain") or ctx.on("manifests") and note.code_blocks else {}
    exercises = pairs if ctx.on("explain") else {}
    answers = {answer.line for answer in exercises.values()}
    rejected = {problem.line for problem in problems if problem.path == note.path}
    long = set()  # manifests too long for their blanks: no card, and no explanation shows them either
    made = [manifest_cards(ctx, code, section, rejected, _task_of(section, sections, pairs), long)
            for code in note.code_blocks for section in (_section_for(sections, code.fence_line),)] \
        if ctx.on("manifests") else []
    # a manifest has a card of its own: an explanation does not show it again, nor the words that explain it; nor
    # does it show one Kubernetes rejects (26 of 30 such cards read in samples of real vaults were weak, warning or not)
    manifests = {code.fence_line for code, found in zip(note.code_blocks, made) if found} | {
        code.fence_line for code in note.code_blocks if rejected and rejected_manifest(code, rejected)} | long
    # (a card of one object of a block that holds a whole app, cut a card per object)
    parts = {card.identity for code, found in zip(note.code_blocks, made) for card in found if card.line != code.fence_line}
    made, said = _with_their_explanations(sections, note.code_blocks, _last_versions(made))
    manifests |= said
    named = _named_by_empty_headings(sections)
    kinds = [code.fence_line for code in note.code_blocks if "kind:" in code.code]  # manifests a list may explain
    above = _bold_topics_above(sections)
    for section in sections:
        if section.line in above:  # `**멱등**` … `#### 활용`: the use of that topic, not of the whole section
            section = replace(section, path=section.path[:-1] + (above[section.line], section.path[-1]))
        cards.extend(_section_cards(ctx, section, missing, exercises, answers, manifests, named.get(section.line),
                                    kinds))
    for found in made:
        cards.extend(found)
    cards = sorted(cards, key=lambda c: c.line)
    if ctx.on("explain") and sum(card.rule == "explain" and any(char.isdigit() for char in card.heading_path[-1])
                                 for card in cards if card.heading_path) >= 2:
        cards = merge_alternatives(ctx, cards, numbered_alternatives(sections))  # `방법1`, `방법2`: asked together
    cards = _dedupe(_without_bare_examples(_results_of_examples(_examples_of_siblings(_explanations_of_manifests(
        cards, parts, {_section_for(sections, line).path for line in long} if long else frozenset())))), missing)
    if cards and documents_source(note.source):
        cards = _without_recited_source(cards, sections)
    if cards and _about_own_scripts(sections):
        cards = [card for card in cards if not (card.rule == "explain" and card.heading_path in (
            (card.front,), (heading_text(card.anchor),)))]  # (also when its front is the term of `term - gloss`)
        # (`GCP 스크립트 - Cloud SQL 모듈` → `… 구축하는 모듈이다`: what the author's scripts build, asked by their name)
    cards = [_with_its_subject(ctx, card, sections) for card in cards]
    if problems:
        cards = [warn_rejected(ctx, card, problems) for card in cards]
    return _tag_decks(note, ctx, cards, overridden=settings.deck is not None)


def _with_its_subject(ctx: RuleContext, card: Card, sections: tuple[Section, ...]) -> Card:
    """A front freed of the emoji its heading opens with, and asked with the subject it leaves to the text around it:
    a label of only an action or a property (`즉시 적용`, `상세 정보`) or one that points back (`나머지 요청 처리`) with the
    heading it belongs to (`MySQL 서비스 › 즉시 적용`); a FAQ's question that points back (`How do I revert these
    changes?`) with what it points at: the note's subject when it names it, else the topic of the section the FAQ
    follows."""
    if card.rule in WRITTEN:
        return card
    front = without_emoji(card.front)
    if len(front) <= 40 and front.count(" ") < 4 and objectless(front):
        topic = _topic_above(ctx, card, front)
        if topic and topic.lower() not in front.lower() and topic.lower() not in card.prompt.lower():
            front = in_context(front, topic)
    elif front[-1:] == "?" and len(front) <= 120:
        pointing = pointing_question(front)
        if pointing:
            subject = _pointed_at(ctx, card, sections, pointing.group("noun") or "")
            if subject and subject.lower() not in front.lower():
                front = in_context(front, subject)
    return card if front == card.front else replace(card, front=front)


def _topic_above(ctx: RuleContext, card: Card, front: str) -> str:
    """The nearest heading above a label that names a topic (not the label itself, nor a generic heading)."""
    own = words(front)
    for title in reversed(card.heading_path):
        plain = without_emoji(heading_text(clean_title(title))).strip()
        said = words(plain)
        if said and said != own and not is_generic(plain) and not is_date(plain) and not objectless(plain):
            return plain
    return "" if is_generic(ctx.topic) else ctx.topic


def _pointed_at(ctx: RuleContext, card: Card, sections: tuple[Section, ...], noun: str) -> str:
    """What a question that points back is about: its section's heading; under a FAQ the note's subject when that
    names what the question points at (`these discounts` in `… discount`), else the part of the section the FAQ
    follows (`Customize navigation`)."""
    own = heading_text(clean_title(card.heading_path[-1])) if card.heading_path else ""
    if own and not is_generic(own):
        return own
    stem = noun[:5].lower()
    for name in (*(heading_text(clean_title(title)) for title in reversed(card.heading_path[:-1])), ctx.topic):
        if stem and stem in name.lower():
            return without_emoji(name).strip()
    index = next((at for at, section in enumerate(sections) if section.path == card.section_key and section.level), 0)
    if index <= 0 or not sections[index - 1].path:
        return ctx.topic
    before, path = sections[index - 1].path, sections[index].path
    shared = next((at for at, (one, other) in enumerate(zip(before, path)) if one != other), min(len(before), len(path)))
    # (the heading over the last steps the section above walked through, not one step of them alone)
    title = heading_text(clean_title(before[-2] if len(before) - shared >= 2 else before[-1]))
    return without_emoji(title).strip() or ctx.topic


def _without_recited_source(cards: list[Card], sections: tuple[Section, ...]) -> list[Card]:
    """The cards of a note that walks through one codebase's source files, without those that only recite what its
    code declares or calls (its types' variants and fields, its dependencies, the flow of its own calls), nor the
    cards of the rows of a table of its members (`필드 | 타입 | 설명` over `name`, `rows`)."""
    members = [(block.line, block.end_line) for section in sections for block in section.blocks
               if block.kind == "table" and is_member_table(block.source)]
    return [card for card in cards if card.rule in WRITTEN or not (
        recites_source(card.back) or card.rule in ("reference", "name") and any(start <= card.line <= end for start, end in members))]


def _about_own_scripts(sections: tuple[Section, ...]) -> bool:
    """A note titled as a project's own scripts (`GCP 스크립트 - GKE 모듈`) that lists its script files (`파일 | 용도` over
    `gcp-gke-setup.sh`, …): its title names something of the author's, which no one else can be asked about."""
    titled = next((section for section in sections if section.level == 1), None)
    return titled is not None and bool(SCRIPTS_TITLE.search(heading_text(titled.title))) and any(
        block.kind == "table" and lists_own_scripts(block.source) for section in sections for block in section.blocks)


MANIFEST_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?([\w.-]+):", re.M)
CODE_SPAN = re.compile(r"`([^`\n]+)`")
TEXT_BLOCKS = ("paragraph", "list", "quote", "callout")


def _with_their_explanations(sections: tuple[Section, ...], codes: Sequence, made: list[list[Card]]) -> tuple[
        list[list[Card]], set[int]]:
    """The words right under a manifest that has a card of its own (a callout or list that names its fields in code,
    `` `name:` is the configmap name and `key:` the key``) explain that manifest: they go under its card's answer, and
    the explanation of the section leaves them out with it (instead of explaining code it does not show). The cards,
    and the first lines of the blocks that moved."""
    blocks = {block.line - 1: block for section in sections for block in section.blocks}  # (by the line before it)
    ends = {block.line: block.end_line for section in sections for block in section.blocks if block.kind == "code"}
    out, moved = [], set()
    for code, found in zip(codes, made):
        after = blocks.get(ends.get(code.fence_line, -2)) or blocks.get(ends.get(code.fence_line, -2) + 1)
        if not found or after is None or after.kind not in TEXT_BLOCKS:
            out.append(found)
            continue
        keys = set(MANIFEST_KEY.findall(code.code))
        spans = [re.findall(r"\w[\w.-]*", span) for span in CODE_SPAN.findall(after.source)]  # (`name: -> key:`)
        if not spans or sum(bool(words) and all(word in keys for word in words) for words in spans) * 2 < len(spans) \
                or len(re.findall(r"\w+", CODE_SPAN.sub(" ", after.source))) < 3:  # (`**`spec`**`: a label over more)
            out.append(found)
            continue
        moved.add(after.line)
        out.append([replace(card, back=f"{card.back}\n\n{after.source.strip()}") for card in found])
    return out, moved


def _last_versions(made: list[list[Card]]) -> list[list[Card]]:
    """A section that shows one object twice (the same kind and name: a task's given spec, then that spec as the
    answer changes it) asks for its last version, the state it arrives at (as applying both would leave the cluster),
    not for the one it starts from. (The earlier block stays a manifest with a card, so no explanation shows it.)"""
    last = {card.identity: card for found in made for card in found}
    return [[card for card in found if last[card.identity] is card] for found in made]


def _without_bare_examples(cards: list[Card]) -> list[Card]:
    """An explanation asked by an example heading (`Create note › Examples`, `Map view › Example`, `… › 예시`) is no
    card: its front does not say what the examples show (11 of the 14 read in samples of real vaults were weak). The
    commands such a section describes keep their cards, and a listing that illustrates the section before it has gone
    there."""
    return [card for card in cards if not (
        card.rule == "explain" and card.section_key and is_example_label(clean_title(heading_text(card.section_key[-1])))
        and card.front.endswith(clean_title(heading_text(card.section_key[-1]))))]


def _explanations_of_manifests(cards: list[Card], parts: set[str] | frozenset[str] = frozenset(),
                                unshown: set[tuple[str, ...]] | frozenset[tuple[str, ...]] = frozenset()) -> list[Card]:
    """The explanation of a generic section (`Manifest File`, `예시`) whose manifest has a card of its own
    speaks of that manifest (`/mnt/data on the node is mounted …`): it goes under the manifest card's answer
    instead of making a card that shows what it explains nowhere. When that manifest is a block of a whole app asked
    object by object (the `parts`, by identity), the explanation (`> [!tip] Quick Win` after a Deployment, its
    Service, a ConfigMap and an HPA) speaks of the block, not of the one object a card shows: it goes under no
    card's answer, and makes no card of its own either; nor does one of a section (by its key, in `unshown`) whose
    manifest is too long for its blanks to make a card: it would explain what no card shows."""
    manifests = {}
    for card in cards:
        if card.rule == "manifest":
            manifests.setdefault(card.section_key, card)
    moved, dropped = {}, []
    for card in cards:
        owner = manifests.get(card.section_key)
        if card.rule == "explain" and (owner or card.section_key in unshown) and card.section_key \
                and is_generic(heading_text(card.section_key[-1])) \
                and "```" not in card.back:  # words about the manifest, not code of its own
            if owner is None or owner.identity in parts:
                dropped.append(card)
            else:
                moved[owner.identity] = card
    if dropped:
        cards = [card for card in cards if not any(card is found for found in dropped)]
    if not moved:
        return cards
    out = []
    for card in cards:
        if card.rule == "explain" and any(card is found for found in moved.values()):
            continue
        found = moved.get(card.identity) if card.rule == "manifest" else None
        out.append(replace(card, back=f"{card.back}\n\n{found.back}") if found else card)
    return out


LISTING = re.compile(r"\s*(`{3,}|~{3,})[ \t]*(?:text|txt|plain|plaintext)?[ \t]*\n.*\n[ \t]*\1\s*", re.S | re.I)


def _examples_of_siblings(cards: list[Card]) -> list[Card]:
    """An example heading (`## 예시`) over only a listing in a bare fence (`v1.0.0  # 초기 릴리스` …: sample values,
    not code to write) shows what the section right before it says (`## 버전 의미`, a table of what each part
    means): it goes under that section's explanation, where it illustrates something, instead of asking nothing
    (`Semantic Versioning › 예시`)."""
    out: list[Card] = []
    for card in cards:
        before = out[-1] if out else None
        if card.rule == "explain" and before is not None and before.rule == "explain" and card.section_key \
                and before.section_key[:-1] == card.section_key[:-1] and before.section_key != card.section_key \
                and is_example_label(heading_text(card.section_key[-1])) and LISTING.fullmatch(card.back):
            out[-1] = replace(before, back=f"{before.back}\n\n{card.back}")
            continue
        out.append(card)
    return out


def _results_of_examples(cards: list[Card]) -> list[Card]:
    """A result subheading (`#### Result` under `### HTML Strip`) shows what the code right above it in its parent
    section printed (`[ 천재 ]` for a `GET /_analyze` request): it goes under that section's explanation, headed by its
    own title, when that explanation ends on that code, instead of a card that asks for an output whose input it
    does not show. Left alone, a result that is only output (a listing, `[ 천재 ]`) with nothing said of it is no card."""
    out: list[Card] = []
    for card in cards:
        if card.rule != "explain" or not card.section_key or not is_result(heading_text(card.section_key[-1])):
            out.append(card)
            continue
        parent = next((index for index in range(len(out) - 1, -1, -1) if len(card.section_key) > 1
                       and out[index].rule == "explain" and out[index].section_key == card.section_key[:-1]), None)
        if parent is not None and out[parent].back.rstrip().endswith(("```", "~~~")):
            title = heading_text(card.section_key[-1])
            out[parent] = replace(out[parent], back=f"{out[parent].back}\n\n**{title}**\n\n{card.back}")
        elif len(visible_text(card.back)) >= SHORTEST and not only_output(_paragraphs(card.back)):
            out.append(card)
    return out


def _paragraphs(text: str) -> list[str]:
    """The blocks of a back between blank lines, a fenced code block whole whatever blank lines it holds."""
    blocks: list[str] = []
    fenced = False
    for part in text.split("\n\n"):
        if fenced:
            blocks[-1] += "\n\n" + part
        else:
            blocks.append(part)
        fenced ^= sum(bool(CODE_FENCE.match(line)) for line in part.split("\n")) % 2 == 1
    return blocks


def is_drawing(note: Note) -> bool:
    """An Excalidraw drawing saved as a note: its text is the drawing's labels and data, never cards."""
    return note.path.lower().endswith(".excalidraw.md") or "excalidraw-plugin" in note.frontmatter


def _tag_decks(note: Note, ctx: RuleContext, cards: list[Card], overridden: bool) -> list[Card]:
    """Cards moved to the decks `#flashcards/…` tags name: a tag in the text applies to the cards after it (the
    cards before the first take the note's own), the note's own is its frontmatter tag, else its first one."""
    own_lines = {card.line for card in cards if card.rule in ("explicit", "multiline", "cloze")}
    note_parts, placed = positional_decks(note, ctx.config, own_lines)
    if note_parts is None and not placed:
        return cards
    out = []
    for card in cards:
        if card.deck != ctx.deck:
            out.append(card)  # its own tag chose its deck
            continue
        parts = next((parts for line, parts in reversed(placed) if line < card.line), None)
        if parts is None and not overridden:
            parts = note_parts
        deck = deck_for(parts, ctx.config)
        out.append(replace(card, deck=deck) if deck else card)
    return out


def _bold_topics_above(sections: tuple[Section, ...]) -> dict[int, str]:
    """A generic subheading (`#### 활용`) right under a section whose own text ends in a topic in bold (`**멱등**`,
    topic_parts) speaks of that topic: the line of each such subsection -> the topic."""
    above = {}
    for section in sections:
        generic = [child for child in section.children if is_generic(heading_text(child.title))]
        if not generic:
            continue
        _, *topics = topic_parts(section)
        for child in generic:
            before = [topic for topic in topics if topic.line < child.line]
            if before and not any(other.line < child.line for other in section.children if other is not child
                                  and other.line > before[-1].line):
                above[child.line] = before[-1].title
    return above


def _named_by_empty_headings(sections: tuple[Section, ...]) -> dict[int, str]:
    """`#### 403 Forbidden` with nothing under it, then `#### 서버가 요청을 이해했지만 승인을 거부함` and its content: the
    second heading says what the first names. The line of each such section -> the name above it."""
    named = {}
    for before, section in zip(sections, sections[1:]):
        said = heading_text(section.title)
        if before.level and before.level == section.level and not before.blocks and not before.children \
                and len(said.split()) >= 3 and SENTENCE_END.search(said) and len(heading_text(before.title).split()) <= 4 \
                and not is_generic(heading_text(before.title)):
            named[section.line] = before.title
    for at, section in enumerate(sections):  # a terminal session pasted as text, its `#` comments read as headings
        run = at  # (`# 디플로이먼트의 상태를 확인` ⏎ `# …오해를 일으키기 쉽다.` ⏎ `# …사용가능으로 나온다.` ⏎ `PS C:\…> kubectl
        while run and sections[run - 1].level == 1 and not sections[run - 1].blocks and not sections[run - 1].children:
            run -= 1  # get deploy …`): a comment in a few words names the step, a sentence only remarks on it
        first = section.blocks[0] if section.blocks else None
        if section.level != 1 or at - run < 1 or first is None \
                or not (first.kind == "code" or first.kind == "paragraph" and SESSION_PROMPT.match(first.source)):
            continue
        steps = [other.title for other in sections[run:at + 1] if _names_a_step(heading_text(other.title))]
        if steps and steps[-1] != section.title:  # (the last comment that names a step, not a remark in a sentence:
            named[section.line] = steps[-1]  # `파드 이름을 직접 알지 못해도 이 방법으로 …할 수 있다.` is about the step)
    return named


# a sentence that says what a step does (`웹 애플리케이션에 포트포워딩을 적용한다.`, `파드의 준비가 끝날 때까지 기다린다.`)
STEP_SENTENCE = re.compile(r"(?:적용|확인|배포|생성|삭제|실행|조회|출력|수정|변경|설치|추가|접속|연결|배치|업데이트|테스트|"
                           r"제거|기동|시작|중지|재시작|설정|등록|요청|전송)(?:한다|합니다|하자|해 ?보자)\.?$|기다린다\.?$")


def _names_a_step(said: str) -> bool:
    """A comment that names what a step does (`디플로이먼트의 상태를 확인`, `실행중인 파드 목록 확인`, `…포트포워딩을
    적용한다.`), in a few words or a sentence of what it does, not a remark on what it showed."""
    return 0 < len(said.split()) <= 10 and not is_generic(said) and not said.rstrip().endswith((":", "：", "?")) \
        and (not SENTENCE_END.search(said) or bool(STEP_SENTENCE.search(said.strip())))


def _section_cards(ctx: RuleContext, section: Section, missing: set[str], exercises: dict[int, Section],
                   answers: set[int], manifests: set[int], named: str | None = None,
                   kinds: Sequence[int] = ()) -> list[Card]:
    cards: list[Card] = []
    used: set[int] = set()
    cut: list[list[Section]] = []

    def split() -> list[Section]:  # the section cut at its topics in bold, once
        if not cut:
            cut.append(topic_parts(section))
        return cut[0]
    if ctx.on("explicit") or ctx.on("cloze"):
        found, used = explicit_cards(ctx, section)
        cards.extend(card for card in found if ctx.on("explicit") or card.rule == "cloze")
    if any(is_navigation(title) for title in section.path) or is_navigation_note(ctx.note.title) \
            or is_project_document(ctx.note.path):
        return cards  # references, credits, plans, a project's documents: nothing a plain-note rule should ask
    if ctx.on("explain"):  # a practice test written as a numbered list: each task with its answer
        tasks = listed_task_cards(ctx, section, missing)
        if tasks is not None:
            return cards + tasks
    if ctx.on("explain"):  # a table of errors and their fixes, or of commands or options: a card per row
        found, tables = row_cards(ctx, section, used)
        cards.extend(found)
        fixed, listed = cause_and_fix_card(ctx, section, used)
        cards.extend([fixed] if fixed else [])
        commands, fences = listed_command_cards(ctx, section, used)  # (`docker stats - 리소스 사용량 조회` ⏎ …)
        cards.extend(commands)
        used = used | tables | listed | fences
    opens_on_task = False
    tasks: set[int] = set()
    if ctx.on("explain"):  # several how-tos, each announced by its task (`To convert a text card to a file:`): a card each
        found, tasks, opens_on_task = howto_cards(ctx, section, used)
        cards.extend(found)
        used = used | tasks
    if ctx.on("questions"):  # a question in bold and the paragraphs under it (a FAQ)
        found, answered = faq_cards(ctx, section, used)
        cards.extend(found)
        used = used | answered
        found, answered = listed_question_cards(ctx, section, used)  # (`1. …이유가 무엇?` ⏎ `   * 답: …`)
        cards.extend(found)
        used = used | answered
    if ctx.on("definitions") or ctx.on("terms"):  # (an example is part of what it shows: its section's explanation)
        found = [card for card in definition_cards(ctx, section, used)
                 if not _is_example(card) and not gives_example_values(card, section)
                 and not (card.rule == "definition" and uses_the_subject(card.anchor, card.back, section))]
        if found and any(section.blocks[0].line <= line <= section.blocks[-1].end_line for line in kinds):
            # a field explained under a manifest of its section is asked with the manifest's kind
            read: list[list[tuple[str, str]]] = []

            def written() -> list[tuple[str, str]]:  # (read once, and only for a term shaped like a key)
                if not read:
                    read.append(manifests_of(section))
                return read[0]
            found = [field_of_kind(card, written) for card in found]
        cards.extend(_under_topics(ctx, section, split, found))
    if ctx.on("lists"):
        listed = list_cards(ctx, section, used)
        topics = {topic.title for topic in split()[1:]} if listed and ctx.on("explain") else set()
        cards.extend(card for card in listed  # (a topic in bold explains its own points)
                     if card.anchor not in topics or not lists_clauses(card))
    if ctx.on("questions"):  # a line that is a definition already is not asked again as a question
        cards.extend(_under_topics(ctx, section, split, question_cards(
            ctx, section, used | {card.line for card in cards if card.rule == "definition"})))
    if ctx.on("explain"):
        labelled, under_labels = label_cards(ctx, section, used | {card.line for card in cards}, missing)
        cards.extend(labelled)
        aside = aside_card(ctx, section)  # (a remark on another topic at the section's end: asked by itself)
        cards.extend([aside] if aside else [])
        shown = used | manifests | under_labels | {card.line for card in cards}  # what other cards show stays off its explanation
        if section.line in exercises:
            card = exercise_card(ctx, section, exercises[section.line], missing)
        elif is_numbered_task(section) and not used:
            card = task_card(ctx, section, missing)
        elif section.line in answers:
            card = None  # the back of its problem's card
        else:  # a line in bold alone that starts a new topic ends the explanation; the topic explains itself
            head, *topics = split()
            # (a table of shortcuts, of names asked by what they do or of a subject's features is looked up beside
            # what the section says: its code and words stay its explanation; an aside covers its callout only)
            covered = sum(card.rule not in LOOKED_UP for card in cards if card is not aside)
            card = explain_card(ctx, head, shown, missing, covered=covered, named=named)
            if card and any(found.rule in LOOKED_UP[1:] for found in cards) and _only_asides(card.back):
                card = None  # (`출력 옵션` over a table of options asked by name and a callout: the aside answers no
                # `출력 옵션`)
            if card and tasks and (opens_on_task or _only_asides(card.back)
                                   or only_says_they_can(card.back, heading_text(clean_title(section.title)))):
                card = None  # what the how-tos leave of a section that opens on one, a callout beside them or a line
                # that says the tasks can be done (`You can expand or collapse all folders …`): remarks on the tasks
            card = asked_as_topic(card, section, exercises) if card and exercises else card
            steps = procedure_cards(ctx, head, card) if card and not named and not topics \
                and card.back.endswith("]]") else None
            if steps:  # a how-to cut before its last step: asked in parts of whole steps instead
                cards.extend(steps)
                card = None
            if card and topics and len(section.path) == 1 and DESIGN_TASK.search(heading_text(section.title)) \
                    and not card.back.endswith("]]"):
                card = None  # `알림 시스템 설계` answered by the lines before its parts in bold (`**요구 사항**`, …):
                # an intro answers no design; each part is asked by itself
            subject = parts_subject(section, head, ctx.note.title) if card and not named \
                and (topics or card.back.endswith("]]")) else None
            if subject is not None:  # `…Failover 문제 및 해결 방법` over `**문제 상황**` … and its way out: the answer
                # holds only the first part (the rest is cut, or a topic of its own), so each part is asked by itself
                parts = labelled_parts(head)
                asked = []
                for part in parts if topics or len(parts) >= 2 else ():
                    inside = {line for block in part.blocks for line in range(block.line - 1, block.end_line + 1)}
                    made = explain_card(ctx, part, shown, missing, heading=section,
                                        covered=sum(found.line in inside for found in cards))
                    asked.extend([replace(made, front=in_context(heading_text(part.title), subject))] if made else [])
                if asked:
                    cards.extend(asked)
                    card = None
            for topic in topics:
                inside = {line for block in topic.blocks for line in range(block.line - 1, block.end_line + 1)}
                made = explain_card(ctx, topic, shown, missing, heading=section,
                                    covered=sum(found.line in inside for found in cards))
                if made and subject is not None:  # (one more part of the subject the heading names)
                    made = replace(made, front=in_context(heading_text(topic.title), subject))
                cards.extend([made] if made else [])
            if card and not topics and only_manifests(head):
                card = None  # the manifest card asks it, or there is nothing in it to ask
            codes = bare_commands(head) if card and not topics else None
            if codes is not None:  # `Managing Roles` over bare commands asks nothing: the commands it describes
                cards.extend(command_cards(ctx, head, codes))
                card = None
            if card and not topics and card.rule == "explain":  # `theme:uninstall` ⏎ `Uninstall a theme.`
                card = reference_entry_card(ctx, head, card) or card
        if card:
            cards.append(card)
    return cards


DESIGN_TASK = re.compile(r"(?:^|\s)설계$|^design\b|\bdesign$", re.I)  # a chapter that designs a system


def _under_topics(ctx: RuleContext, section: Section, split: Callable[[], list[Section]],
                  cards: list[Card]) -> list[Card]:
    """A term defined (or a question asked) under a line in bold that starts a topic of the section (`**우선순위**` ⏎ …
    ⏎ `- 큐: 우선순위별로 큐가 하나씩 할당된다`) belongs to that topic, as under a heading: its breadcrumb names it (`웹 크롤러 설계 › 우선순위`),
    and so does a front that names the section to give a bare term its context (`Retry-After › 503`)."""
    topics = [topic for topic in split()[1:] if not is_closing(heading_text(topic.title))] if cards else []
    if not topics:
        return cards
    named = topic_of(section, ctx.topic)
    out = []
    for card in cards:
        topic = next((topic for topic in topics if topic.blocks
                      and topic.line <= card.line <= topic.blocks[-1].end_line), None)
        if topic is not None:
            title = heading_text(topic.title)  # (`Retry-After › 503` for `특별한 정보 › 503`)
            front = title + card.front[len(named):] if card.front.startswith(named + " › ") else card.front
            card = faceted(ctx, replace(card, front=front, heading_path=card.heading_path + (title,)), topic.title)
        out.append(card)
    return out


def _only_asides(back: str) -> bool:
    """An answer that is nothing but callouts or quotes (every line of it opens with `>`)."""
    return all(line.startswith(">") for line in back.splitlines() if line.strip())


def _is_example(card: Card) -> bool:
    """`- Example: `(3.14).toFixed(1)` …` under a function: an example of what the section explains, not a term."""
    return card.rule == "definition" and is_example_label(card.anchor)


def _task_of(section: Section, sections: tuple[Section, ...], pairs: dict[int, Section]) -> str:
    """The problem's text when the section is (or is under) the answer to one (`### 문제` … `### 답안`), or ""."""
    for problem_line, answer in pairs.items():
        if answer.line <= section.line and section.path[:len(answer.path)] == answer.path:
            problem = next(found for found in sections if found.line == problem_line)
            return "\n".join(block.source for block in problem.blocks)
    return ""


def _section_for(sections: tuple[Section, ...], line: int) -> Section:
    found = sections[0]
    for section in sections:
        if section.line <= line and section.level:
            found = section
    return found


WRITTEN = ("explicit", "multiline", "cloze", "manifest")  # cards written on purpose, or a manifest shown whole
# cards of a table's rows that are looked up beside the section's words (a shortcut, a name asked by what it does, a
# feature of a subject), or of the how-tos a section holds (`To convert a text card to a file:`), not an explanation
# of the section
LOOKED_UP = ("shortcut", "name", "feature", "howto", "comparison", "entity", "command")


def _dedupe(cards: list[Card], missing: set[str]) -> list[Card]:
    """Two rules must not make the same card: keep the first of each identity. A card with a side that shows
    nothing, or nothing but images missing from the vault, is no card, nor is a plain-note card whose answer
    opens on a table or picture below that it does not show, or whose answer is only one project's own steps, a
    line that sends the reader elsewhere for the rest, or its front said again."""
    seen: set[str] = set()
    out = []
    for card in cards:
        if card.identity in seen:
            continue
        seen.add(card.identity)
        if _blank(card.front, missing) or card.kind != "cloze" and _blank(card.back, missing):
            continue
        if card.rule not in WRITTEN and points_below(card.back):
            continue  # `아래의 표는 …`: an answer about a table or picture the card does not show
        if card.rule not in WRITTEN and only_project_steps(card.back):
            continue  # `bash gcp-network-cleanup.sh`, `curl http://<PUBLIC_IP>`: one project's steps, nothing general
        if card.rule not in WRITTEN and sends_for_more(card.back):
            continue  # `… certain settings, but there are some limitations. For more details, refer to [[…]].`
        if card.rule not in WRITTEN and card.kind == "basic" and card.back[:1] == "`" and len(card.back) <= 200 \
                and spells_out_heading(card.back, " ".join(card.heading_path) + " " + card.front):
            continue  # `git fetch` under `# Git Fetch`: the heading the learner sees already says the command
        if len(card.back) <= 130 and card.rule not in WRITTEN and card.kind == "basic" \
                and only_says_the_front(card.back.strip(), card.front):
            continue  # `Auto-pair brackets` -> `Pair brackets and quotes automatically.`: a setting, a command or a
            # type described by its own name, nothing to recall
        out.append(card)
    return out


EMBED = re.compile(r"!\[\[([^\]|#]*)[^\]]*\]\]|!\[[^\]]*\]\(<?([^)>\s]*)>?[^)]*\)")


def _blank(text: str, missing: set[str]) -> bool:
    """Nothing to see: only blanks and embeds of images that are not in the vault."""
    kept = EMBED.sub(lambda m: "" if unquote(m.group(1) or m.group(2) or "").strip() in missing else m.group(0), text)
    return not kept.strip()
