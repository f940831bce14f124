"""GFM autolinks (`https://…`, `www.…`, `a@b.c`: mdit-py-plugins' gfm_autolink), each match looking at a
bounded window: the plugin copies the rest of the line and searches the whole pending text at every `:` and
`@`, which is quadratic in a long line (pasted minified JSON); here a `:` not right after a scheme name costs
nothing, and a link is sought in at most MAX_LINK characters up to the next space or `<`."""

from __future__ import annotations

import re
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin

MAX_LINK = 4096  # characters an autolink may span; a longer one is cut there
_END = re.compile(r"[\s<]")
Rule = Callable[[StateInline, bool], bool]


def autolink_plugin(md: MarkdownIt) -> None:
    """Enable GFM autolinks, each of the plugin's scanners given a bounded window."""
    gfm_autolink_plugin(md)
    ruler = md.inline.ruler
    wanted = {"gfm_autolink_protocol": (":", _after_scheme), "gfm_autolink_email": ("@", _after_local_part),
              "gfm_autolink_www": ("w", lambda state: state.src.startswith("www.", state.pos))}
    for rule in list(ruler.__rules__):
        if rule.name in wanted:
            ruler.at(rule.name, _bounded(rule.fn, *wanted[rule.name]))


def _after_scheme(state: StateInline) -> bool:
    """At a `:` after a scheme name that starts a line or follows a space, `*`, `_`, `~` or `(` (GFM's rule)."""
    if not state.src.startswith(":", state.pos):
        return False
    tail = state.pending[-7:].lower()
    scheme = next((name for name in ("https", "http", "mailto", "xmpp") if tail.endswith(name)), None)
    if scheme is None:
        return False
    before = state.pos - len(scheme) - 1
    return before < 0 or state.src[before].isspace() or state.src[before] in "*_~("


def _after_local_part(state: StateInline) -> bool:
    last = state.pending[-1:]
    return state.src.startswith("@", state.pos) and last.isascii() and (last.isalnum() or last in ".+-_")


def _bounded(rule: Rule, first: str, possible: Callable[[StateInline], bool]) -> Rule:
    """The rule, tried only where a link can start (at the character `first`, where `possible` says so), and
    seeing the line only up to the link's possible end."""

    def bounded(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != first or not possible(state):
            return False
        limit = state.posMax
        end = _END.search(state.src, state.pos, min(limit, state.pos + MAX_LINK))
        state.posMax = end.start() if end else min(limit, state.pos + MAX_LINK)
        try:
            return rule(state, silent)
        finally:
            state.posMax = limit

    return bounded
