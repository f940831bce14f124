"""The static study site: note pages, tags, timeline, flashcards with spaced repetition, labs and search."""

from flashgen.site.builder import SiteInput, SiteResult, build_site, stale, write_site
from flashgen.site.labs_view import lab_pages
from flashgen.site.note_part import NotePart, note_part

__all__ = ["NotePart", "SiteInput", "SiteResult", "build_site", "lab_pages", "note_part", "stale", "write_site"]
