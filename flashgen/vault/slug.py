"""Heading slugs that keep Korean letters, unique within a page."""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def slugify(text: str) -> str:
    """`6-4. DaemonSet` -> `6-4-daemonset`; `# 7 서비스` -> `7-서비스`."""
    text = unicodedata.normalize("NFC", text).strip().lower()
    text = _DROP.sub("", text)
    text = re.sub(r"[\s_]+", "-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-")
    return text or "section"


class SlugRegistry:
    """Hands out slugs, adding `-1`, `-2` ... to repeats as GitHub and Obsidian publish do."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def make(self, text: str) -> str:
        """A slug for `text` not handed out before by this registry."""
        base = slugify(text)
        slug = base
        while slug in self._seen:
            self._seen[base] += 1
            slug = f"{base}-{self._seen[base]}"
        self._seen[slug] = 0
        return slug
