"""The static study site: note pages, tags, timeline, flashcards with spaced repetition, labs and search."""

from flashgen.site.builder import SiteResult, build_site
from flashgen.site.labs_view import lab_pages

__all__ = ["SiteResult", "build_site", "lab_pages"]
