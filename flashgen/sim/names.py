"""Deterministic names, uids and hashes: the same inputs always give the same cluster."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

# The alphabet Kubernetes uses for generated suffixes and pod-template-hash (no vowels, no look-alikes).
ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789"


def safe_encode(text: str) -> str:
    """Map each character onto ALPHANUMS, as the API machinery does for hash strings."""
    return "".join(ALPHANUMS[ord(c) % len(ALPHANUMS)] for c in text)


def fnv32a(data: bytes) -> int:
    """FNV-1a, 32 bits."""
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def template_hash(template: dict[str, Any], collision_count: int = 0) -> str:
    """A stable short hash of a pod template (the `pod-template-hash` label)."""
    canonical = json.dumps(template, sort_keys=True, separators=(",", ":")).encode()
    h = fnv32a(canonical + (str(collision_count).encode() if collision_count else b""))
    return safe_encode(str(h))


class NameSource:
    """A seeded counter that yields random-looking but reproducible suffixes, uids and numbers."""

    def __init__(self, seed: str = "flashgen", counter: int = 0):
        self.seed = seed
        self.counter = counter

    def _digest(self) -> bytes:
        self.counter += 1
        return hashlib.sha256(f"{self.seed}:{self.counter}".encode()).digest()

    def suffix(self, n: int = 5) -> str:
        """n characters from ALPHANUMS, like generateName's suffix."""
        d = self._digest()
        return "".join(ALPHANUMS[b % len(ALPHANUMS)] for b in d[:n])

    def uid(self) -> str:
        """A version-4 style UUID string."""
        return str(uuid.UUID(bytes=self._digest()[:16], version=4))

    def number(self, low: int, high: int) -> int:
        """An integer in [low, high]."""
        return low + int.from_bytes(self._digest()[:8], "big") % (high - low + 1)

    def hex(self, n: int = 16) -> str:
        """n lowercase hex digits (event name suffixes)."""
        return self._digest().hex()[:n]
