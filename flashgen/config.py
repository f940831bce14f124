"""`flashgen.toml` settings and per-note frontmatter overrides."""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from flashgen.diagnostics import Diagnostic, error, warning

CARD_RULES = ("explicit", "cloze", "definitions", "terms", "lists", "questions", "explain", "manifests")
HIERARCHIES = ("vault/folder/note", "vault/note", "vault/folder", "vault")
CLOZE_SYNTAXES = ("highlight", "curly", "bold")  # `==x==`, `{{x}}`, `**x**` (Anki's `{{c1::x}}` always)
PROMPT_LANGUAGES = ("auto", "ko", "en", "both")
# the obsidian-spaced-repetition plugin's separators, `[cards]` setting -> Config field
SEPARATORS = {"separator": "inline_separator", "reversed_separator": "inline_reversed_separator",
              "multiline_separator": "multiline_separator",
              "multiline_reversed_separator": "multiline_reversed_separator"}


@dataclass(frozen=True)
class Config:
    """Build settings; every field has a default so that the file is optional."""

    vault_name: str = ""  # the Obsidian vault's name, for obsidian:// links (default: the folder's name)
    deck: str = ""  # the top deck and the .apkg's name (default: the vault name)
    deck_hierarchy: str = "vault/folder/note"
    exclude: tuple[str, ...] = ()
    rules: frozenset[str] = frozenset(CARD_RULES)
    course_headings: bool = True
    max_answer_chars: int = 600
    max_answer_lines: int = 12
    inline_separator: str = "::"
    inline_reversed_separator: str = ":::"
    multiline_separator: str = "?"
    multiline_reversed_separator: str = "??"
    clozes: frozenset[str] = frozenset({"highlight", "curly"})
    flashcard_tags: tuple[str, ...] = ("flashcards",)  # a card tagged `#flashcards/a/b` goes to the deck `<deck>::a::b`
    prompt_language: str = "auto"  # the language of card prompts: the note's own ("auto"), "ko", "en" or "both"
    source: str = ""  # the file the settings came from, if any

    def excluded(self, rel_path: str) -> bool:
        """Whether a vault-relative path matches an `exclude` pattern."""
        return any(fnmatch.fnmatch(rel_path, pattern) or rel_path.startswith(pattern.rstrip("/") + "/")
                   for pattern in self.exclude)


def find_config(vault: Path) -> Path | None:
    """`flashgen.toml` beside the vault folder, else inside it."""
    for candidate in (vault.parent / "flashgen.toml", vault / "flashgen.toml"):
        if candidate.is_file():
            return candidate
    return None


def load_config(vault: Path, path: Path | None = None) -> tuple[Config, list[Diagnostic]]:
    """Read the settings; a broken file gives an error and the defaults."""
    path = path or find_config(vault)
    # a folder name that is not UTF-8 is shown with U+FFFD: deck names and links are text
    base = Config(vault_name=os.fsencode(vault.resolve().name).decode("utf-8", "replace"))
    if path is None:
        return _finish(base), []
    shown = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return _finish(base), [error(shown, _toml_line(exc), f"cannot read settings: {exc}", "config")]
    problems: list[Diagnostic] = []
    values: dict[str, Any] = {"source": str(path)}
    for key in ("vault_name", "deck", "deck_hierarchy"):
        if key in data:
            if isinstance(data[key], str):
                values[key] = data[key]
            else:
                problems.append(warning(shown, 0, f"`{key}` must be a string", "config"))
    if values.get("deck_hierarchy", base.deck_hierarchy) not in HIERARCHIES:
        problems.append(warning(shown, 0, f"`deck_hierarchy` must be one of {', '.join(HIERARCHIES)}", "config"))
        values.pop("deck_hierarchy")
    if "exclude" in data:
        values["exclude"] = tuple(str(p) for p in data["exclude"]) if isinstance(data["exclude"], list) else ()
    cards = data.get("cards", {})
    if isinstance(cards, dict):
        rules = set(base.rules)
        for name, value in cards.items():
            if name in CARD_RULES:
                (rules.add if value else rules.discard)(name)
            elif name in ("max_answer_chars", "max_answer_lines") and isinstance(value, int) and value > 0:
                values[name] = value
            elif name == "course_headings":
                values["course_headings"] = bool(value)
            elif name in _CARD_SETTINGS:
                found, problem = _CARD_SETTINGS[name](value)
                if problem:
                    problems.append(warning(shown, 0, f"`cards.{name}` {problem}", "config"))
                else:
                    values[SEPARATORS.get(name, name)] = found
            else:
                problems.append(warning(shown, 0, f"unknown setting `cards.{name}`; known: "
                                        f"{', '.join(CARD_RULES)}, course_headings, max_answer_chars, max_answer_lines, "
                                        f"{', '.join(_CARD_SETTINGS)}", "config"))
        values["rules"] = frozenset(rules)
    unknown = set(data) - {"vault_name", "deck", "deck_hierarchy", "exclude", "cards"}
    for name in sorted(unknown):
        problems.append(warning(shown, 0, f"unknown setting `{name}`", "config"))
    return _finish(replace(base, **values)), problems


def _separator(value: Any) -> tuple[Any, str]:
    """A card separator: any text; an empty or blank one switches that kind of card off, as in the plugin."""
    return (value.strip(), "") if isinstance(value, str) else (None, "must be a string")


def _clozes(value: Any) -> tuple[Any, str]:
    if isinstance(value, list) and all(item in CLOZE_SYNTAXES for item in value):
        return frozenset(value), ""
    return None, f"must be a list of {', '.join(CLOZE_SYNTAXES)}"


def _tags(value: Any) -> tuple[Any, str]:
    if isinstance(value, list) and all(isinstance(item, str) and item.strip("#/ ") for item in value):
        return tuple(item.strip().lstrip("#").strip("/").lower() for item in value), ""
    return None, "must be a list of tags such as \"flashcards\""


def _language(value: Any) -> tuple[Any, str]:
    return (value, "") if value in PROMPT_LANGUAGES else (None, f"must be one of {', '.join(PROMPT_LANGUAGES)}")


_CARD_SETTINGS = {"separator": _separator, "reversed_separator": _separator, "multiline_separator": _separator,
                  "multiline_reversed_separator": _separator, "clozes": _clozes, "flashcard_tags": _tags,
                  "prompt_language": _language}


def _finish(config: Config) -> Config:
    return replace(config, deck=config.deck or config.vault_name)


def _toml_line(exc: Exception) -> int:
    lineno = getattr(exc, "lineno", None)
    return int(lineno) if lineno else 0


@dataclass(frozen=True)
class NoteSettings:
    """What a note's frontmatter may override: `flashgen: {cards: false}`, `deck: ...`."""

    cards: bool = True
    deck: str | None = None
    rules: frozenset[str] | None = None


def note_settings(frontmatter: dict[str, Any]) -> NoteSettings:
    """The per-note overrides found in a note's frontmatter."""
    own = frontmatter.get("flashgen")
    own = own if isinstance(own, dict) else {}
    deck = own.get("deck", frontmatter.get("deck"))
    rules = None
    if isinstance(own.get("rules"), list):
        rules = frozenset(str(r) for r in own["rules"])
    return NoteSettings(cards=bool(own.get("cards", True)), deck=str(deck) if deck else None, rules=rules)
