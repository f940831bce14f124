"""Shared fixtures: a copy of the seed vault, and builds into temporary folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "notes"
SEED_NOTE = "쿠버네티스 학습 과정.md"


@pytest.fixture
def seed_vault(tmp_path: Path) -> Path:
    """A writable copy of the seed vault (the project's notes/), with the project's settings beside it."""
    vault = tmp_path / "vault"
    shutil.copytree(SEED, vault)
    shutil.copy(ROOT / "flashgen.toml", tmp_path / "flashgen.toml")
    return vault


def write_note(vault: Path, rel: str, text: str) -> Path:
    """Write a note (creating folders) and return its path."""
    path = vault / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def png_bytes(color: tuple[int, int, int]) -> bytes:
    """A valid 1x1 PNG of one colour (different colours give different bytes)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"\x00" + bytes(color)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pytest_terminal_summary(terminalreporter) -> None:
    """Browser tests skipped for want of a browser are a loud line of the summary, not one skip among others."""
    from tests.browsers import NONE_FOUND, how_to_get_one

    skipped = [r for r in terminalreporter.stats.get("skipped", []) if NONE_FOUND in str(r.longrepr)]
    if skipped:
        terminalreporter.write_sep("!", f"{len(skipped)} BROWSER TESTS DID NOT RUN: {NONE_FOUND}", red=True, bold=True)
        terminalreporter.write_line(f"The site was not checked in a browser. To run them: {how_to_get_one()}.",
                                    red=True, bold=True)
