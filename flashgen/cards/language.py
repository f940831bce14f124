"""The language of a note, so that card prompts speak it: Korean for Korean notes, English for the others."""

from __future__ import annotations

import re

from flashgen.config import Config
from flashgen.vault.model import Note

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")
# Korean notes are full of English terms and commands: half a Hangul syllable per English word is Korean prose
# (measured on public vaults: every English note has no Hangul at all, nearly every Korean note is above this)
KOREAN_SHARE = 0.5


def note_language(note: Note, config: Config) -> str:
    """"ko", "en" or "both": the setting, else the note's frontmatter `lang`, else what its prose is written in."""
    if config.prompt_language != "auto":
        return config.prompt_language
    declared = str(note.frontmatter.get("lang") or note.frontmatter.get("language") or "").lower()
    if declared[:2] in ("ko", "en"):
        return declared[:2]
    prose = CODE_SPAN.sub("", FENCE.sub("", note.source))
    hangul = len(HANGUL.findall(prose))
    return "ko" if hangul and hangul >= KOREAN_SHARE * len(LATIN_WORD.findall(prose)) else "en"


def say(language: str, korean: str, english: str) -> str:
    """The prompt in the note's language ("both": Korean first, then English)."""
    if language == "ko":
        return korean
    if language == "en":
        return english
    return f"{korean} · {english}"
