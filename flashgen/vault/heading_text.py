"""A heading as the text a reader sees: `**어떻게?**` is `어떻게?`, `[[Properties]]` is `Properties`, `` `kubectl` ``
is `kubectl`; for breadcrumbs, tables of contents and search results."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from flashgen.vault.markdown import create_parser

_MARKUP = re.compile(r"[\\`*_\[\]<>!=~&#$^]")


@lru_cache(maxsize=1 << 14)
def heading_text(markdown: str) -> str:
    """The visible text of one line of inline markdown (a heading's title)."""
    if not _MARKUP.search(markdown):
        return markdown.strip()
    tokens = create_parser(False).parseInline(markdown.strip(), {})
    out: list[str] = []
    for token in tokens[0].children or [] if tokens else []:
        if token.type in ("text", "code_inline") or token.type.startswith("math"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type in ("wikilink", "wikiembed"):
            out.append(_wiki_text(token.meta["target"]))
        elif token.type == "image":
            out.append(token.content)
        elif token.type == "tag":
            out.append("#" + token.meta["tag"])
    return " ".join("".join(out).split())


def _wiki_text(target) -> str:
    """What Obsidian shows for a wikilink: its alias, else `name > heading`, else the name."""
    if target.alias:
        return target.alias
    name = posixpath.basename(target.target)
    name = name[:-3] if name.lower().endswith(".md") else name
    fragment = target.heading or (("^" + target.block) if target.block else None)
    return f"{name} > {fragment}" if name and fragment else (fragment or name)
