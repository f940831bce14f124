"""The floor: render every note with markdown-it-py, pygments and jinja2 and nothing else."""

from __future__ import annotations

import time
from pathlib import Path

import jinja2
from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

PAGE = jinja2.Template(
    "<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>{{ title }}</title></head>"
    "<body><main>{{ body }}</main></body></html>")

_FORMATTER = HtmlFormatter(nowrap=False)


def _highlight(code: str, lang: str, attrs: str) -> str:
    try:
        lexer = get_lexer_by_name(lang or "text")
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    return highlight(code, lexer, _FORMATTER)


def render_all(notes_dir: Path, out_dir: Path) -> int:
    """Render each `.md` under notes_dir to an `.html` page under out_dir; return the page count."""
    md = MarkdownIt("commonmark", {"highlight": _highlight}).enable("table")
    count = 0
    for source in sorted(Path(notes_dir).rglob("*.md")):
        rel = source.relative_to(notes_dir).with_suffix(".html")
        target = Path(out_dir) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        html = md.render(source.read_text(encoding="utf-8"))
        target.write_text(PAGE.render(title=source.stem, body=html), encoding="utf-8")
        count += 1
    return count


def timed_render(notes_dir: Path, out_dir: Path) -> tuple[float, int]:
    """Seconds to render the whole vault once, and the page count."""
    started = time.perf_counter()
    pages = render_all(notes_dir, out_dir)
    return time.perf_counter() - started, pages
