"""The one markdown-it parser flashgen uses for notes, with its Obsidian plugins."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from flashgen.vault.markdown.autolink import autolink_plugin
from flashgen.vault.markdown.block_id import block_id_plugin
from flashgen.vault.markdown.callout import callout_plugin
from flashgen.vault.markdown.cjk_emphasis import cjk_emphasis_plugin
from flashgen.vault.markdown.comments import comments_plugin
from flashgen.vault.markdown.course_heading import course_heading_plugin
from flashgen.vault.markdown.datelog import datelog_plugin
from flashgen.vault.markdown.dollar_math import math_plugin
from flashgen.vault.markdown.fence import fence_plugin
from flashgen.vault.markdown.highlight import highlight_plugin
from flashgen.vault.markdown.tags import stop_text_at, tag_plugin
from flashgen.vault.markdown.wikilink import wikilink_plugin


@lru_cache(maxsize=4)
def create_parser(course_headings: bool = True) -> MarkdownIt:
    """A markdown-it parser configured as Obsidian reads notes (soft line breaks are breaks)."""
    md = MarkdownIt("commonmark", {"html": True, "breaks": True, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    md.use(fence_plugin)
    md.use(math_plugin)
    md.use(footnote_plugin)
    md.use(tasklists_plugin)
    md.use(autolink_plugin)
    md.use(wikilink_plugin)
    md.use(highlight_plugin)
    md.use(tag_plugin)
    md.use(cjk_emphasis_plugin)
    md.use(callout_plugin)
    md.use(block_id_plugin)
    md.use(comments_plugin)
    md.use(datelog_plugin)
    if course_headings:
        md.use(course_heading_plugin)
    stop_text_at(md, "=")
    return md
