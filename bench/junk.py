"""Junk cards in built decks: build each vault, open its .apkg as Anki would, and check every card as a learner
sees it for the classes of junk found on real vaults; print a junk rate per vault and over all cards.

    python bench/junk.py /work/corpus/*/                 # every vault folder given (see /work/corpus/SOURCES.txt)
    python bench/junk.py VAULT --show lone-date          # the junk cards of one class, as a learner sees them
    python bench/junk.py VAULT --sample 50 --seed 1      # a random sample of the cards Anki makes, to grade by hand

The checks look only at what the package holds (the rendered Anki fields) and at the note the Source field
names, never at flashgen's own card rules, so that a rule cannot pass by agreeing with itself.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sqlite3
import sys
import tempfile
import time
import urllib.parse
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

TAG = re.compile(r"<[^>]+>")
PRE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>", re.S)
LINKED = re.compile(r'<a\b[^>]*>.*?</a>|<span class="internal-link[^"]*"[^>]*>.*?</span>', re.S)
MISSING = re.compile(r'<span class="missing-image".*?</span></span>|<span class="missing-image".*?</em></span>', re.S)
CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.S)
CLOZE_NUMBERED = re.compile(r"\{\{c(\d+)::(.*?)(?:::[^}]*)?\}\}", re.S)  # (the same, with its number)
DATE = re.compile(r"^\s*(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}년\s*\d{1,2}월(\s*\d{1,2}일)?)([ T]\d{1,2}:\d{2}(:\d{2})?)?\s*$")
URL_ONLY = re.compile(r"^\s*(https?://\S+\s*)+$")
TAGS_ONLY = re.compile(r"^\s*(#[^\s#]+\s*)+$")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")
RAW_MARKDOWN = re.compile(r"\*\*|\[\[|\]\]|\]\(|(?<!`)`(?!`)|==\S")
DIAGRAM = re.compile(r"\b(graph (TD|LR|TB|BT|RL)|flowchart (TD|LR|TB)|sequenceDiagram|classDiagram|stateDiagram|"
                     r"erDiagram|gantt|excalidraw|compressed-json)\b")
ENGLISH_PROMPTS = ("Explain", "What is it?", "List all", "Recall the key fields")
METADATA = {"created", "updated", "modified", "date", "author", "tags", "tag", "status", "source", "url", "link",
            "작성일", "수정일", "날짜", "작성자", "태그", "출처", "링크", "생성일", "업데이트"}
GENERIC = {"example", "examples", "tip", "tips", "note", "notes", "summary", "overview", "introduction", "toc",
           "table of contents", "contents", "references", "reference", "links", "see also", "usage", "details",
           "예시", "예제", "팁", "참고", "요약", "정리", "개요", "목차", "비유", "설명", "결론", "소개", "링크", "해결", "결과",
           "특징", "문제", "원인", "방법", "사용법", "명령어", "실습", "확인", "기타", "메모"}
CLASSES = {
    "empty-side": "a side a learner sees as empty",
    "missing-image-only": "a side that is nothing but a placeholder for a missing image",
    "lone-date": "a side that is only a date",
    "metadata": "a card that asks for a note's metadata (created, 작성일, tags, source ...)",
    "link-only": "a side that is only links, URLs or tags",
    "split-markup": "a side cut inside a link, emphasis or code (raw markdown shows)",
    "flashcards-tag": "a #flashcards tag left in the question",
    "cloze-line-break": "a cloze deletion that spans a line break",
    "dangling-lead-in": "an answer that ends on a colon whose content is not shown",
    "generic-front": "a front that is only a generic heading (Example, 예시, 목차) with no topic",
    "diagram-source": "Mermaid or Excalidraw source on a card",
    "prompt-gives-away": "a cloze whose prompt names a hidden value",
    "prompt-language": "a prompt in another language than the note's",
    "raw-breadcrumb": "a breadcrumb that shows heading markdown",
    "rejected-manifest": "a card that shows a manifest Kubernetes rejects, without a warning",
    "same-sides": "front and back say the same",
    "page-raw-markup": "(not counted as junk) raw markup that the note's own page shows as well",
}
NOT_JUNK = {"page-raw-markup"}


@dataclass
class Seen:
    """One card as the package holds it: fields by name, the note it came from and its line."""

    model: str
    fields: dict[str, str]
    note: str
    line: int
    classes: list[str] = field(default_factory=list)

    def text(self, name: str) -> str:
        return visible(self.fields.get(name, ""))


def visible(fragment: str) -> str:
    """What a reader sees of an HTML fragment (tags dropped, entities decoded, blanks tidied)."""
    text = html.unescape(TAG.sub(" ", fragment.replace("<br>", "\n")))
    return " ".join(text.split())


def cards_in(package: Path) -> list[Seen]:
    """Every card of an .apkg (its collection read with sqlite, as Anki's importer would)."""
    with tempfile.TemporaryDirectory() as scratch:
        with zipfile.ZipFile(package) as archive:
            archive.extract("collection.anki2", scratch)
        db = sqlite3.connect(Path(scratch) / "collection.anki2")
        models = {int(mid): [f["name"] for f in model["flds"]]
                  for mid, model in json.loads(db.execute("SELECT models FROM col").fetchone()[0]).items()}
        out = []
        for mid, flds in db.execute("SELECT mid, flds FROM notes ORDER BY id"):
            names = models[mid]
            fields = dict(zip(names, flds.split("\x1f")))
            where = re.search(r'<span class="file">(.*):(\d+)</span>', fields.get("Source", ""))
            note = html.unescape(where.group(1)) if where else ""
            out.append(Seen("cloze" if "Text" in fields else "basic", fields, note, int(where.group(2)) if where else 0))
        db.close()
    return out


def language(text: str) -> str:
    """Korean when the note has any real share of Hangul prose (the scanner's own, looser than flashgen's)."""
    hangul, latin = len(HANGUL.findall(text)), len(LATIN.findall(text))
    return "ko" if hangul >= 0.1 * (hangul + latin) and hangul >= 20 else ("en" if hangul == 0 else "mixed")


def check(card: Seen, notes: dict[str, str], rejected: dict[str, list[tuple[int, str]]]) -> list[str]:
    """The junk classes a card falls in."""
    found = []
    source = notes.get(card.note, "")
    sides = ["Text"] if card.model == "cloze" else ["Front", "Back"]
    for name in sides:
        raw = card.fields.get(name, "")
        shown = visible(MISSING.sub("", raw))
        has_image = "<img" in raw
        if not shown and not has_image:
            found.append("missing-image-only" if MISSING.search(raw) else "empty-side")
            continue
        if DATE.match(shown):
            found.append("lone-date")
        if "<code" in raw or "<pre" in raw:
            shown = visible(PRE.sub(" code ", MISSING.sub("", raw)))  # code is content, whatever it looks like
        unlinked = visible(LINKED.sub("", MISSING.sub("", raw)))
        only_links = not has_image and (URL_ONLY.match(shown) or TAGS_ONLY.match(shown)
                                        or not unlinked.strip(" ·,-–—:;|/()"))
        if only_links and (name != "Front" or URL_ONLY.match(shown) or TAGS_ONLY.match(shown)):
            found.append("link-only")  # a front that names a linked note is a question; an answer of links is not
        plain = visible(PRE.sub("", raw))
        if "\\[" in source or "\\*" in source:  # markup the author escaped shows as written
            plain = plain.replace("[", "").replace("]", "").replace("*", "")
        raw_bit = RAW_MARKDOWN.search(plain)
        if raw_bit or plain.count("[") != plain.count("]"):
            # raw markup the note's own page shows too is the renderer's (Obsidian syntax), not a card rule's cut
            found.append("page-raw-markup" if _as_in_note(plain, raw_bit, source) else "split-markup")
        if DIAGRAM.search(shown):
            found.append("diagram-source")
    front = card.text("Front" if card.model == "basic" else "Text")
    if card.model == "basic":
        back = card.text("Back")
        words = re.sub(r"[\W\d_]+", " ", front.lower()).strip()
        in_code = re.fullmatch(r"\s*(?:<p>)?\s*<code[^>]*>[^<]*</code>\s*(?:</p>)?\s*", card.fields.get("Front", ""))
        if words in METADATA and not in_code and (len(back) <= 40 or DATE.match(back) or URL_ONLY.match(back)):
            found.append("metadata")  # (a name in code, `tag` → `Deprecated alias for tags`, is a property's name)
        if "#flashcards" in front.lower():
            found.append("flashcards-tag")
        main = re.split(r"… (?:노트에서 계속|continued in the note)", card.fields.get("Back", ""))[0]
        main = re.sub(r"<a\b[^>]*>\s*$", "", main)  # the opening of the link to the rest (its address has colons)
        tail = main[max(main.rfind(":"), main.rfind("："), 0):]
        if visible(main).endswith((":", "：")) and "<img" not in tail and "<pre" not in tail:
            found.append("dangling-lead-in")
        if re.sub(r"^[\W\d_]+|[\W\d_]+$", "", front.lower()) in GENERIC:
            found.append("generic-front")
        if front and front == back:
            found.append("same-sides")
    else:
        text = PRE.sub("", card.fields.get("Text", ""))
        if any("<br" in d or "</p>" in d or "\n" in d.strip() for d in CLOZE.findall(text)):
            found.append("cloze-line-break")
        prompt = card.text("Prompt").lower()
        hidden = {visible(d).strip().strip("'\"").lower() for d in CLOZE.findall(card.fields.get("Text", ""))}
        if any(len(value) >= 3 and value in prompt for value in hidden):
            found.append("prompt-gives-away")
    prompt = card.text("Prompt")
    if prompt and source:
        english = any(prompt.endswith(p) or p in prompt for p in ENGLISH_PROMPTS)
        korean = bool(HANGUL.search(prompt.split(" — ")[-1]))
        note_language = language(re.sub(r"```.*?```", "", source, flags=re.S))
        if (note_language == "en" and korean and not english) or (note_language == "ko" and english and not korean):
            # a note with a little Korean among much English ("mixed") may take either
            found.append("prompt-language")
    if RAW_MARKDOWN.search(card.fields.get("Context", "")):
        found.append("raw-breadcrumb")
    shown_all = " ".join(card.fields.get(n, "") for n in ("Front", "Back", "Text", "Extra"))
    if card.note in rejected and not ("Kubernetes rejects" in shown_all or "Kubernetes가 거부" in shown_all):
        text = html.unescape(TAG.sub("", shown_all))
        for fence, snippet in rejected[card.note]:
            manifest = card.model == "cloze" and "{{c" in card.fields.get("Text", "") and "<pre" in card.fields["Text"]
            if (manifest and card.line == fence) or (not manifest and len(snippet) > 12 and snippet in text):
                found.append("rejected-manifest")
                break
    return list(dict.fromkeys(found))


def _as_in_note(plain: str, raw_bit, source: str) -> bool:
    """Whether the note's own page shows the same raw markup there (the author's, not a card rule's cut)."""
    if not source or raw_bit is None:
        return False
    page = _page_text(source)
    around = plain[max(raw_bit.start() - 6, 0):raw_bit.end() + 6]
    return around in page


_PAGES: dict[int, str] = {}


def _page_text(source: str) -> str:
    key = hash(source)
    if key not in _PAGES:
        from flashgen.render.html import render_markdown

        _PAGES[key] = visible(PRE.sub("", render_markdown(source)))
    return _PAGES[key]


def rejected_manifests(vault: Path) -> dict[str, list[tuple[int, str]]]:
    """For each note, the code blocks holding a manifest Kubernetes rejects: (fence line, a line of its code)."""
    from flashgen.kube.lint import lint_note
    from flashgen.vault.parse import parse_vault

    out: dict[str, list[tuple[int, str]]] = {}
    for note in parse_vault(vault).notes:
        problems = lint_note(note)
        for code in note.code_blocks:
            end = code.line + code.code.count("\n")
            if any(code.line <= p.line <= end for p in problems):
                key = max((line.strip() for line in code.code.split("\n")), key=len, default="")
                out.setdefault(note.path, []).append((code.fence_line, key))
    return out


def scan(vault: Path, work: Path) -> tuple[list[Seen], float]:
    """Build the vault's deck (no site) and check every card; the build's seconds."""
    from flashgen.build.pipeline import build

    started = time.perf_counter()
    result = build(vault, work / "out", site=False)
    seconds = time.perf_counter() - started
    if result.deck_path is None or not result.deck_path.exists():
        return [], seconds
    cards = cards_in(result.deck_path)
    notes = {}
    for card in cards:
        if card.note and card.note not in notes:
            try:
                notes[card.note] = (vault / card.note).read_text(encoding="utf-8", errors="replace")
            except OSError:
                notes[card.note] = ""
    rejected = rejected_manifests(vault)
    for card in cards:
        card.classes = check(card, notes, rejected)
    return cards, seconds


def is_junk(card: Seen) -> bool:
    return any(name not in NOT_JUNK for name in card.classes)


BLOCK_END = re.compile(r"</(?:p|li|tr|h\d|div|pre|blockquote|table|ul|ol|details|summary)>|<br\s*/?>", re.I)
CELL_END = re.compile(r"</t[dh]>", re.I)
IMAGE_TAG = re.compile(r"<img\b[^>]*?\bsrc=\"([^\"]*)\"[^>]*>", re.I)


def readable(fragment: str) -> str:
    """A field as a reader sees it, whole and with its lines (paragraphs, list items, table rows and code lines
    each on a line of their own, cells apart, images named), for reading a sample."""
    parts = re.split(r"(<pre\b.*?</pre>)", fragment, flags=re.S)  # code keeps its lines; elsewhere a line break
    # (a blank line inside code is kept, marked until the blank lines between blocks are dropped)
    text = "".join(re.sub(r"\n(?=[ \t]*\n)", "\n\x00", part) if part.startswith("<pre")
                   else re.sub(r">\s*\n\s*", "> ", re.sub(r">\s*\n\s*(?=<)", ">", part)) for part in parts)
    text = IMAGE_TAG.sub(lambda m: f"[image: {urllib.parse.unquote(m.group(1)).rsplit('/', 1)[-1]}]", text)
    text = _lists_as_lines(text)
    text = CELL_END.sub(" | ", BLOCK_END.sub("\n", text))
    text = html.unescape(TAG.sub("", text))
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip()).replace("\x00", "")


LIST_TAG = re.compile(r"<(/?)(ul|ol|li)\b([^>]*)>", re.I)


def _lists_as_lines(text: str) -> str:
    """Lists as Anki shows them: each item on a line of its own, a nested list's items indented under their item,
    an ordered list's items numbered (from its `start`)."""
    out: list[str] = []
    open_lists: list[list] = []  # [kind, number of the last item] of each list open around the text
    at = 0
    for found in LIST_TAG.finditer(text):
        out.append(text[at:found.start()])
        at = found.end()
        closing, name = found.group(1), found.group(2).lower()
        if name != "li":
            if closing:
                if open_lists:
                    open_lists.pop()
            else:
                start = re.search(r'\bstart="(\d+)"', found.group(3))
                open_lists.append([name, int(start.group(1)) - 1 if start else 0])
            out.append("\n")
        elif not closing:
            kind, number = open_lists[-1] if open_lists else ("ul", 0)
            if open_lists:
                open_lists[-1][1] = number = number + 1
            out.append("\n" + "   " * max(len(open_lists) - 1, 0) + (f"{number}. " if kind == "ol" else "- "))
        else:
            out.append("\n")
    out.append(text[at:])
    return "".join(out)


def cloze_numbers(card: Seen) -> list[int]:
    """The cloze numbers of a cloze note: Anki makes a card of each, hiding that number's deletions only."""
    return sorted({int(n) for n, _ in CLOZE_NUMBERED.findall(card.fields.get("Text", ""))}) \
        if card.model == "cloze" else []


def anki_cards(cards: list[Seen]) -> list[tuple[Seen, int | None]]:
    """The cards Anki makes of the notes: one per cloze number of a cloze note, one of any other note."""
    return [(card, number) for card in cards for number in (cloze_numbers(card) or [None])]


def show(card: Seen, number: int | None = None) -> str:
    """A card as a learner meets it: breadcrumb, prompt, front, back (whole, with its lines). Of a cloze note, the
    card of cloze `number` (its deletions hidden, the others shown as text), or of every number at once (None)."""
    lines = [f"  [{card.note}:{card.line}] {card.text('Context')}"]
    if card.text("Prompt"):
        lines.append(f"  ({card.text('Prompt')})")
    if card.model == "cloze":
        text = card.fields.get("Text", "")
        extra = card.fields.get("Extra", "")  # shown under the answer, as the cloze's back template does
        if number is not None:  # (the other numbers' deletions are plain text on this card)
            text = CLOZE_NUMBERED.sub(lambda m: m.group(0) if int(m.group(1)) == number else m.group(2), text)
        sides = ("Q", CLOZE.sub("[...]", text)), ("A", CLOZE.sub(r"[\1]", text) + (f"<hr>{extra}" if extra else ""))
    else:
        sides = ("Q", card.fields.get("Front", "")), ("A", card.fields.get("Back", ""))
    for name, side in sides:
        lines.append(f"  {name}:")
        lines.extend("      " + line for line in readable(side).split("\n"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("vaults", nargs="+", type=Path)
    parser.add_argument("--show", metavar="CLASS", help="print the cards of one junk class ('all' for every class)")
    parser.add_argument("--sample", type=int, default=0, help="print a random sample of this many cards per vault")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    total = junk = 0
    report = {}
    by_class: Counter = Counter()
    for vault in args.vaults:
        with tempfile.TemporaryDirectory() as scratch:
            cards, seconds = scan(vault.resolve(), Path(scratch))
        bad = [c for c in cards if is_junk(c)]
        classes = Counter(name for c in cards for name in c.classes)
        by_class.update(classes)
        total += len(cards)
        junk += len(bad)
        rate = len(bad) / len(cards) if cards else 0.0
        report[vault.name] = {"cards": len(cards), "junk": len(bad), "rate": rate, "classes": dict(classes),
                              "build_seconds": round(seconds, 2)}
        print(f"{vault.name:32} {len(cards):6} cards {len(bad):5} junk {rate:7.2%}   "
              + ", ".join(f"{name} {count}" for name, count in classes.most_common()))
        if args.show:
            for card in cards:
                if (args.show == "all" and is_junk(card)) or args.show in card.classes:
                    print(f"- {', '.join(card.classes)}\n{show(card)}")
        if args.sample:  # (of the cards Anki makes: a cloze note of two numbers is two cards, each hiding its own)
            made = anki_cards(cards)
            chosen = random.Random(args.seed).sample(made, min(args.sample, len(made)))
            for number, (card, cloze) in enumerate(chosen, 1):
                print(f"#{number} {'JUNK ' + ','.join(card.classes) if is_junk(card) else ''}\n{show(card, cloze)}")
    rate = junk / total if total else 0.0
    print(f"{'all vaults':32} {total:6} cards {junk:5} junk {rate:7.2%}")
    for name, count in by_class.most_common():
        print(f"  {name:20} {count:5}  {CLASSES[name]}")
    if args.json:
        args.json.write_text(json.dumps({"vaults": report, "cards": total, "junk": junk, "rate": rate},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
