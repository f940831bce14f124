"""Reading multi-document YAML manifests, remembering each document's file and line for messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


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


def _flatten(obj: Any, source: str, line: int) -> list[Document]:
    if isinstance(obj, dict) and obj.get("kind") == "List" and isinstance(obj.get("items"), list):
        return [d for item in obj["items"] for d in _flatten(item, source, line)]
    if not isinstance(obj, dict):
        raise ManifestError(f"{source}:{line}: a manifest must be a mapping with apiVersion and kind")
    return [Document(obj, source, line)]


def parse(text: str, source: str) -> list[Document]:
    """All non-empty documents of a YAML stream."""
    docs = []
    try:
        for node in yaml.compose_all(text, Loader=yaml.SafeLoader):
            if node is None:
                continue
            line = node.start_mark.line + 1
            obj = yaml.SafeLoader.construct_document(yaml.SafeLoader(""), node)
            if obj is None:
                continue
            docs += _flatten(obj, source, line)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark else source
        problem = getattr(e, "problem", None) or str(e)
        raise ManifestError(f"{where}: invalid YAML: {problem}") from None
    return docs


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
