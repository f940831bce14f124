"""Reading multi-document YAML manifests, remembering each document's file and line for messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flashgen.yamlsafe import YamlError, load_documents


class ManifestError(Exception):
    """A manifest file that cannot be read or parsed; the message names the file and line."""


@dataclass
class Document:
    obj: dict[str, Any]
    source: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


def _flatten(obj: Any, source: str, line: int, lines: Any = None) -> list[Document]:
    """The objects of a document (the items of a List, each with its own line when `lines` is the document)."""
    if isinstance(obj, dict) and obj.get("kind") == "List" and isinstance(obj.get("items"), list):
        return [d for i, item in enumerate(obj["items"])
                for d in _flatten(item, source, lines.line_of(("items", i)) if lines is not None else line)]
    if not isinstance(obj, dict):
        raise ManifestError(f"{source}:{line}: a manifest must be a mapping with apiVersion and kind")
    return [Document(obj, source, line)]


def parse(text: str, source: str) -> list[Document]:
    """All non-empty documents of a YAML stream."""
    try:
        read = load_documents(text)
    except YamlError as e:
        raise ManifestError(f"{source}:{e.line}: {e.message}" if e.line else f"{source}: {e.message}") from None
    return [d for doc in read for d in _flatten(doc.data, source, doc.line, doc)]


def read(path: str) -> list[Document]:
    """Documents of a file ('-' for standard input)."""
    import sys
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    except OSError as e:
        raise ManifestError(f"{path}: cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise ManifestError(f"{path}: not a UTF-8 text file") from None
    return parse(text, "<stdin>" if path == "-" else path)
