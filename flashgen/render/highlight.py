"""Syntax highlighting of code blocks with pygments, as CSS classes: the site's stylesheet and the Anki note
types' CSS colour the same HTML (flashgen.site.assets, flashgen.emit.anki_style)."""

from __future__ import annotations

from functools import lru_cache
from html import escape

ALIASES = {"sh": "bash", "shell": "bash", "console": "console", "yml": "yaml", "": "text"}
LIGHT_STYLE = "default"
DARK_STYLE = "github-dark"


@lru_cache(maxsize=64)
def _lexer(lang: str):
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(ALIASES.get(lang, lang))
    except ClassNotFound:
        return None


@lru_cache(maxsize=4)
def _formatter(style: str = LIGHT_STYLE):
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style=style, nowrap=True)


@lru_cache(maxsize=4096)
def highlight(code: str, lang: str) -> str:
    """`<pre class="code highlight"><code>` HTML for a code block, its tokens as pygments' CSS classes;
    indentation and every space are kept."""
    lang = (lang or "").lower()
    lexer = _lexer(lang)
    if lexer is None:
        body = escape(code, quote=False)
    else:
        from pygments import highlight as run

        # quotes are text inside an element: pygments before 2.21 wrote them as entities, later ones do not
        body = run(code, lexer, _formatter()).replace("&quot;", '"').replace("&#39;", "'")
    label = escape(lang) if lang else ""
    attrs = f' data-lang="{label}"' if label else ""
    return f'<pre class="code highlight"{attrs}><code>{body}</code></pre>\n'


def pygments_css(scope: str, style: str) -> str:
    """The CSS of one pygments style for the token classes of code blocks under `scope` (a selector), and
    nothing else (pygments adds rules for every `pre` and for line numbers, which flashgen does not show)."""
    return "\n".join(line for line in _formatter(style).get_style_defs(scope).splitlines()
                     if line.startswith(scope + " ")) + "\n"
