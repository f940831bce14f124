"""The search data: one record per note and per note section, shipped as scripts that set globals.

Why this shape: the site must search from file:// (no fetch of JSON) and find Korean words inside
compounds (`업데이트` in `롤링업데이트`), which token indexes (Pagefind, lunr, FlexSearch) miss. So the
browser scans plain section texts with substring matching (`indexOf` on pre-lowercased strings) and
ranks by where the hit is (title, heading, text) and whether it starts a word. A scan of a few MB of
text takes milliseconds, which covers vaults of a few thousand notes; the data loads on first use.

Cards are not in this data: their text is their notes' text, so the search finds the notes and sections
that hold it, then loads the card data scripts of the best of those notes (the study page's own data) and
adds their matching cards to the results.
"""

from __future__ import annotations

import hashlib
import json
import re
from urllib.parse import quote

from flashgen.vault.heading_text import heading_text
from flashgen.vault.model import Note, Section

NOTE, SECTION = 0, 1

_FENCE = re.compile(r"^\s*(```|~~~).*$", re.MULTILINE)
_EMBED = re.compile(r"!\[\[[^\]]*\]\]")
_WIKI = re.compile(r"\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]")
_MDLINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# markup at a line's start (a heading's, quote's or callout's, list item's marker) or end (a block id); then inline
_LINE_MARKS = re.compile(r"^(?:\s{0,3}#{1,6}\s|\s*>\s?(?:\[![^\]]*\][+-]?)?|\s*[-*+]\s(?:\[.\]\s)?|\s*\d+[.)]\s)|\^[\w-]+\s*$",
                         re.MULTILINE)
_INLINE_MARKS = re.compile(r"\*\*|__|==|~~|`")
_SPACES = re.compile(r"[ \t]{2,}|\t")  # (a single space stays as it is)
# what any of the patterns above could act on: a line break, markup characters, a list or quote start
_MAY_HAVE_MARKUP = re.compile(r"[\n`*_=~!\[\]|^#>]|^\s*(?:[-+]|\d+[.)])\s")


def plain_text(markdown: str) -> str:
    """Markdown reduced to the words a reader sees (good enough to search and show in context)."""
    if not _MAY_HAVE_MARKUP.search(markdown):  # one line of words: only spaces to tidy
        line = _SPACES.sub(" ", markdown).strip()
        return line if line.strip("-: ") else ""  # a line of only dashes, colons and spaces says nothing
    text = _FENCE.sub("", markdown)
    text = _EMBED.sub("", text)
    text = _WIKI.sub(lambda m: m.group(2) or m.group(1), text)
    text = _MDLINK.sub(lambda m: m.group(1), text)
    text = _INLINE_MARKS.sub("", _LINE_MARKS.sub("", text))
    lines = _SPACES.sub(" ", text.replace("|", " ")).split("\n")
    return "\n".join(line for line in map(str.strip, lines) if line.strip("-: "))


def note_records(note: Note, note_url: str, cards: int = 0) -> list[list]:
    """[kind, title, heading, url, text] for the note itself (and then how many cards it has) and each of its
    sections with text."""
    records: list[list] = []
    for section in note.sections():
        text = plain_text("\n".join(block.source for block in section.blocks))
        if section.level == 0:
            aliases = " · ".join(note.aliases)
            records.append([NOTE, note.title, aliases, note_url, text, cards])
        elif text or section.title:
            records.append([SECTION, note.title, _heading(section), f"{note_url}#{quote(section.slug, safe='-_.~')}", text])
    return records


def _heading(section: Section) -> str:
    return " › ".join(heading_text(title) for title in section.path)


def encode_records(records: list[list]) -> str:
    """Records as the comma-separated JSON items search_script joins (kept per note between builds)."""
    data = json.dumps(records, ensure_ascii=False, separators=(",", ":"))[1:-1]
    # `</script` cannot occur in a .js file loaded by src, but keep U+2028/9 and `<` harmless anyway
    return data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


CHUNK_NOTES = 64  # notes per search data file, on average; at most twice as many


def chunks(paths: list[str]) -> list[list[int]]:
    """The notes (by index, in order) of each search data file. A file ends after a note whose path hashes
    to a multiple of CHUNK_NOTES (or at twice that many notes), so adding or removing a note changes
    only its own file and the others are kept from the last build."""
    out: list[list[int]] = [[]]
    for index, path in enumerate(paths):
        out[-1].append(index)
        ends = int(hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:8], 16) % CHUNK_NOTES == 0
        if ends or len(out[-1]) >= 2 * CHUNK_NOTES:
            out.append([])
    return [chunk for chunk in out if chunk]


def chunk_script(number: int, parts: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A search data file: the records of some notes (parts from encode_records), as part `number`; and
    where in it each part is (start, end), so that a later build can take a part back out of the file."""
    text = [f"(window.FLASHGEN_SEARCH_PARTS=window.FLASHGEN_SEARCH_PARTS||{{}})[{number}]=["]
    at, spans, first = len(text[0]), [], True
    for part in parts:
        if part and not first:
            text.append(",")
            at += 1
        spans.append((at, at + len(part)))
        if part:
            text.append(part)
            at += len(part)
            first = False
    text.append("];\n")
    return "".join(text), spans


def search_script(files: list[str]) -> str:
    """The JavaScript file that names the search data files (site paths under assets/, in order); the page's
    search code loads them all on first use and searches their records as one list."""
    return 'window.FLASHGEN_SEARCH=' + json.dumps({"version": 2, "parts": files}, ensure_ascii=False) + ";\n"
