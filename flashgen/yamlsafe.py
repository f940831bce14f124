"""Every YAML read: PyYAML's safe loading (through libyaml's C parser when PyYAML has it, several times
faster), and documents that remember the line of every mapping key and list item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """The one document in `text` (yaml.safe_load)."""
    return yaml.load(text, Loader=SafeLoader)


def safe_load_all(text: str) -> Iterator[Any]:
    """Every document in `text` (yaml.safe_load_all)."""
    return yaml.load_all(text, Loader=SafeLoader)


@dataclass(frozen=True)
class Document:
    """One YAML document: its value and a map from field path to 1-based line (relative to the text)."""

    data: Any
    lines: dict[tuple[Any, ...], int]  # field path (keys and list indices) -> line
    line: int  # line where the document starts

    def line_of(self, path: tuple[Any, ...]) -> int:
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


def _walk(node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
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
            lines: dict[tuple[Any, ...], int] = {}
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
