"""flashgen: Obsidian Kubernetes study notes to Anki decks, a study site and labs."""

__version__ = "0.1.0"
