"""The Obsidian syntax fixture vault: its notes come from tests/fixtures/obsidian-syntax, its media are made here
(a PNG, a WAV, a two-page PDF and a stand-in for a video), so that no binary file is kept in the repository."""

from __future__ import annotations

import io
import shutil
import wave
from pathlib import Path

from tests.conftest import png_bytes

FIXTURE = Path(__file__).parent / "fixtures" / "obsidian-syntax"


def wav_bytes(seconds: float = 0.5, rate: int = 8000) -> bytes:
    """A valid mono WAV of silence."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(b"\x80" * int(seconds * rate))
    return buffer.getvalue()


def pdf_bytes(pages: int = 2) -> bytes:
    """A valid PDF of empty A6 pages, its cross-reference table computed."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode()
    return bytes(out)


def make_syntax_vault(dest: Path) -> Path:
    """A writable copy of the fixture vault at `dest`, with its media."""
    shutil.copytree(FIXTURE, dest)
    media = dest / "media"
    media.mkdir()
    (media / "cluster.png").write_bytes(png_bytes((30, 110, 200)))
    (media / "probe.wav").write_bytes(wav_bytes())
    (media / "api.pdf").write_bytes(pdf_bytes())
    (media / "rollout.webm").write_bytes(b"\x1aE\xdf\xa3 stand-in for a video")
    return dest
