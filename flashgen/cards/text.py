"""Small text helpers for card rules: what a reader sees of markdown, short labels, cleaning titles."""

from __future__ import annotations

from functools import lru_cache

import re

URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+")
WIKI_OR_LINK = re.compile(r"!?\[\[[^\]]*\]\]|!?\[[^\]]*\]\([^)]*\)")
LEADING_NUMBER = re.compile(r"^\d+(?:[-.]\d+)*\.?\s+")
BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?")
MARKUP = re.compile(r"[`*_=>#|\-\[\]()!:]+")
SENTENCE_END = re.compile(r"(?:[.!?。]|다|요|임|음|함|됨|네|듯|죠|까)\s*$")
# markdown that is one closed fenced code block: its fence, its info string, its code
FENCED = re.compile(r"\s*(`{3,}|~{3,})([^\n]*)\n(.*?)\n?\s*\1\s*", re.S)
FENCE_LANGUAGE = re.compile(r"[^\s`]*")


def fenced(source: str) -> tuple[str, str] | None:
    """(info string, code) of markdown that is one closed fenced code block, else None: the words after the opening
    fence (`yaml`, "" for a bare fence) and the lines between the fences."""
    found = FENCED.fullmatch(source)
    return (found.group(2).strip(" \t"), found.group(3)) if found else None


def fence_language(info: str) -> str:
    """The language an info string names: its first word (`sh` of `sh title="x"`)."""
    return FENCE_LANGUAGE.match(info).group(0)


# a number in brackets a heading opens with (`(2-4) 연결 대상의 지정`), and the number of the table it labels (`표5`,
# `표 2 배치잡의 사양`): the book's numbering, which says nothing of the topic
BRACKETED_NUMBER = re.compile(r"^\(\d+(?:-\d+)*\)\s+")
TABLE_NUMBER = re.compile(r"(?:^|\s)표\s?\d+(?=\s|$)")


@lru_cache(maxsize=1 << 14)
def clean_title(title: str) -> str:
    """A heading without its lesson number: `6-4. DaemonSet` -> `DaemonSet`, `2 쿠버네티스 컴포넌트` -> `쿠버네티스 컴포넌트`,
    `(2-5) 연결 롤 표6` -> `연결 롤`."""
    stripped = LEADING_NUMBER.sub("", title.strip())
    if "(" in stripped[:1] or "표" in stripped:
        stripped = " ".join(TABLE_NUMBER.sub(" ", BRACKETED_NUMBER.sub("", stripped)).split())
    return stripped or title.strip()


BOLD_WHOLE = re.compile(r"^(\*\*|__)(.+)\1$")  # a line or a table's cell in bold as a whole


def unbolded(text: str) -> str:
    """A line or a table's cell without the bold around all of it (`**범위**` → `범위`, `**To add a card:**`)."""
    return BOLD_WHOLE.sub(r"\2", text.strip())


@lru_cache(maxsize=1 << 14)
def visible_text(markdown: str) -> str:
    """Roughly what a reader sees: markdown without links, embeds, URLs and markup characters."""
    text = WIKI_OR_LINK.sub("", markdown)
    text = URL.sub("", text)
    text = MARKUP.sub(" ", text)
    return " ".join(text.split())


def is_short_label(text: str, limit: int = 40) -> bool:
    """A term or label: short, one line, not a sentence."""
    text = text.strip()
    return bool(text) and len(text) <= limit and "\n" not in text and len(text.split()) <= 6


def dedent_lines(lines: list[str]) -> list[str]:
    """Remove the indentation common to all non-blank lines (tabs count as four spaces)."""
    expanded = [line.replace("\t", "    ") for line in lines]
    widths = [len(line) - len(line.lstrip()) for line in expanded if line.strip()]
    cut = min(widths) if widths else 0
    return [line[cut:] for line in expanded]


BLOCK_ID = re.compile(r"(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$")


def split_block_id(text: str) -> tuple[str, str | None]:
    """`text` without a trailing Obsidian block id (`... ^my-card`), and the id."""
    match = BLOCK_ID.search(text) if "^" in text else None
    if not match:
        return text, None
    return text[:match.start()].rstrip(), match.group(1)
