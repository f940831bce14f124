"""The language of a note, so that card prompts speak it: Korean for Korean notes, English for the others."""

from __future__ import annotations

import re

from flashgen.config import Config
from flashgen.vault.model import Note

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
LATIN = re.compile(r"[A-Za-z]")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
KOREAN_SHARE = 0.15  # Korean notes are full of English terms and commands: a modest share of Hangul is Korean


def note_language(note: Note, config: Config) -> str:
    """"ko", "en" or "both": the setting, else the note's frontmatter `lang`, else what its prose is written in."""
    if config.prompt_language != "auto":
        return config.prompt_language
    declared = str(note.frontmatter.get("lang") or note.frontmatter.get("language") or "").lower()
    if declared[:2] in ("ko", "en"):
        return declared[:2]
    prose = FENCE.sub("", note.source)
    hangul = len(HANGUL.findall(prose))
    latin = len(LATIN.findall(prose))
    return "ko" if hangul and hangul >= KOREAN_SHARE * (hangul + latin) else "en"


def say(language: str, korean: str, english: str) -> str:
    """The prompt in the note's language ("both": Korean first, then English)."""
    if language == "ko":
        return korean
    if language == "en":
        return english
    return f"{korean} · {english}"
