"""Syntax highlighting of code blocks with pygments (inline styles for Anki, classes for the site)."""

from __future__ import annotations

from functools import lru_cache
from html import escape

ALIASES = {"sh": "bash", "shell": "bash", "console": "console", "yml": "yaml", "": "text"}


@lru_cache(maxsize=64)
def _lexer(lang: str):
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(ALIASES.get(lang, lang))
    except ClassNotFound:
        return None


@lru_cache(maxsize=4)
def _formatter(inline: bool, style: str):
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(noclasses=inline, style=style, nowrap=True)


@lru_cache(maxsize=4096)
def highlight(code: str, lang: str, inline_styles: bool = False, style: str = "default") -> str:
    """`<pre class="code"><code>` HTML for a code block; indentation and every space are kept."""
    lang = (lang or "").lower()
    lexer = _lexer(lang)
    if lexer is None:
        body = escape(code)
    else:
        from pygments import highlight as run

        body = run(code, lexer, _formatter(inline_styles, style))
    label = escape(lang) if lang else ""
    attrs = f' data-lang="{label}"' if label else ""
    cls = "code highlight" if not inline_styles else "code"
    return f'<pre class="{cls}"{attrs}><code>{body}</code></pre>\n'


def pygments_css(style: str = "default", dark_style: str = "github-dark") -> str:
    """Class-based CSS for the site: a light style, and a dark one under `[data-theme=dark]`."""
    light = _formatter(False, style).get_style_defs(".highlight")
    try:
        dark = _formatter(False, dark_style).get_style_defs("[data-theme=dark] .highlight")
    except Exception:  # noqa: BLE001 - an older pygments without the dark style
        dark = _formatter(False, "monokai").get_style_defs("[data-theme=dark] .highlight")
    return light + "\n" + dark
