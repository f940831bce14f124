"""Emitters: turn the parsed vault and its cards into outputs (Anki decks; the site lives in flashgen.site)."""
