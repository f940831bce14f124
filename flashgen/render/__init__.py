"""Rendering to HTML: notes and card sides through the Obsidian-aware markdown renderer, and code highlighting."""
