"""YAML loading that remembers the line of every mapping key and list item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from flashgen.yamlsafe import SafeLoader

Path = tuple[Any, ...]  # keys (str) and list indices (int) from the document root


@dataclass(frozen=True)
class Document:
    """One YAML document: its value and a map from field path to 1-based line (relative to the text)."""

    data: Any
    lines: dict[Path, int]
    line: int  # line where the document starts

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.line


class YamlError(ValueError):
    """Text that is not valid YAML; `line` is 1-based (0 when unknown)."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message = message
        self.line = line


def _walk(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = path + (key,)
            lines.setdefault(child, key_node.start_mark.line + 1)
            _walk(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = path + (index,)
            lines.setdefault(child, item.start_mark.line + 1)
            _walk(item, child, lines)


def load_documents(text: str) -> list[Document]:
    """Every non-empty document in `text`, with field lines; raises YamlError on bad YAML."""
    loader = SafeLoader(text)
    documents: list[Document] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            lines: dict[Path, int] = {}
            _walk(node, (), lines)
            data = loader.construct_document(node)
            if data is None:
                continue
            documents.append(Document(data, lines, node.start_mark.line + 1))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(f"invalid YAML: {problem}", mark.line + 1 if mark else 0) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return documents


def format_path(path: Path) -> str:
    """`spec.template.spec.containers[0].image`; keys with dots or slashes are quoted in brackets."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif any(c in str(part) for c in "./[]\" "):
            out += f'["{part}"]'
        else:
            out += ("." if out else "") + str(part)
    return out


def parse_path(text: str) -> Path:
    """The inverse of format_path: `a.b[0]["x.y/z"]` -> ("a", "b", 0, "x.y/z")."""
    parts: list[Any] = []
    i, n = 0, len(text)
    current = ""
    while i < n:
        c = text[i]
        if c == ".":
            if current:
                parts.append(current)
            current = ""
            i += 1
        elif c == "[":
            if current:
                parts.append(current)
            current = ""
            end = text.find("]", i)
            if end < 0:
                raise ValueError(f"unclosed '[' in field path {text!r}")
            inner = text[i + 1:end]
            if inner[:1] in "\"'":
                if len(inner) < 2 or inner[-1] != inner[0]:
                    raise ValueError(f"bad quoted key in field path {text!r}")
                parts.append(inner[1:-1])
            elif inner.isdigit():
                parts.append(int(inner))
            else:
                raise ValueError(f"bad index [{inner}] in field path {text!r}")
            i = end + 1
        else:
            current += c
            i += 1
    if current:
        parts.append(current)
    if not parts:
        raise ValueError("empty field path")
    return tuple(parts)


def get_path(obj: Any, path: Path, default: Any = None) -> Any:
    """The value at `path` inside nested dicts and lists, or `default`."""
    current = obj
    for part in path:
        if isinstance(part, int) and isinstance(current, list) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(part, str) and isinstance(current, dict) and part in current:
            current = current[part]
        else:
            return default
    return current
