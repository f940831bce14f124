"""The build: `build()` orchestrates vault → cards → decks and site; what it keeps for the next build, and the
processes it shares its work with."""
