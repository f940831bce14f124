"""Math as Obsidian writes it: `$…$` inline and `$$…$$` on its own lines or inline, TeX turned into MathML.

The dollar signs are read by mdit-py-plugins' dollarmath with the rules Obsidian follows: no space just inside
the dollars and no digit just outside them, so `$5 and $10` stay prices. The TeX becomes MathML once, when the
page or card is made (latex2mathml), which browsers and Anki show without any script.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

MATH_TOKENS = {"math_inline": False, "math_inline_double": True, "math_block": True}  # token type -> display
# what latex2mathml writes; anything else (`\\text{<script>}`, `\\href{javascript:…}`) is dropped
_MATHML_TAGS = {"math", "mrow", "mi", "mn", "mo", "mtext", "mspace", "ms", "mfrac", "msqrt", "mroot", "mstyle",
                "mpadded", "mphantom", "menclose", "msub", "msup", "msubsup", "munder", "mover", "munderover",
                "mtable", "mtr", "mtd", "semantics", "annotation"}
_MATHML_ATTRIBUTES = {"math": {"xmlns", "display"}, "*": {
    "mathvariant", "mathsize", "mathcolor", "mathbackground", "displaystyle", "scriptlevel", "stretchy", "fence",
    "separator", "form", "lspace", "rspace", "largeop", "movablelimits", "accent", "minsize", "maxsize", "width",
    "height", "depth", "voffset", "linethickness", "notation", "columnalign", "columnspacing", "columnlines",
    "rowspacing", "rowlines", "linebreak"}}


@lru_cache(maxsize=4096)
def to_mathml(tex: str, display: bool) -> str | None:
    """The MathML for a TeX formula, or None when it cannot be read (unbalanced braces, a lone `\\\\end` ...)."""
    from latex2mathml.converter import convert  # (loaded by the first formula: most notes have none)

    try:
        mathml = convert(tex.strip(), display="block" if display else "inline")
    except Exception:  # latex2mathml raises its own errors, and IndexError or KeyError on some bad input
        return None
    return nh3.clean(mathml, tags=_MATHML_TAGS, attributes=_MATHML_ATTRIBUTES, url_schemes=set())


def math_plugin(md: MarkdownIt) -> None:
    """Add `math_inline`, `math_inline_double` and `math_block` tokens for dollar math."""
    md.use(dollarmath_plugin, allow_labels=False, allow_space=False, allow_digits=False, double_inline=True)
