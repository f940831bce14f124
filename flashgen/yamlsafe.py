"""Every YAML read: PyYAML's safe loading (through libyaml's C parser when PyYAML has it, several times
faster), refusing what would hang or crash a reader (alias bombs, self-referring aliases, nesting too deep for
the parser), turning every loader error into a YamlError with its line, and documents that remember the line of
every mapping key and list item."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 200  # collections inside collections; Kubernetes objects need a few dozen at most
MAX_ALIAS_VALUES = 100_000  # values that aliases may add when expanded (a 1 KB "billion laughs" adds 10^9)


class YamlError(yaml.YAMLError, ValueError):
    """Text that is not valid YAML, or that no reader should expand; `line` is 1-based (0 when unknown)."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message


class SafeLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, whose value errors (an impossible date, an integer of more than 4,300 digits) carry
    the line of the value."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except YamlError:
            raise
        except (ValueError, OverflowError, TypeError) as exc:
            raise YamlError(f"invalid YAML: {_value_problem(node, exc)}", node.start_mark.line + 1) from None


def _value_problem(node: yaml.Node, exc: Exception) -> str:
    shown = node.value if isinstance(node, yaml.ScalarNode) else node.tag
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    reason = str(exc).split(";")[0]
    return f"cannot read the value {shown!r} ({reason}); quote it to keep it as text"


_PREFIX = re.compile(r"^[ \-?]*", re.M)  # a line's indentation and compact `- `/`? ` indicators


def _may_nest_deep(text: str) -> bool:
    """Whether `text` could nest deeper than MAX_DEPTH: a block collection inside another starts further right,
    or (a list under a key) in the same column, so block nesting is at most twice the widest line prefix of
    spaces and `-`/`?` indicators, plus a level for each flow bracket."""
    flow = text.count("[") + text.count("{")
    if flow > MAX_DEPTH // 2:
        return True
    widest = max(map(len, _PREFIX.findall(text)), default=0)
    return 2 * (widest + 1) + flow > MAX_DEPTH


def _check(text: str) -> None:
    """Refuse, before PyYAML builds anything, a stream whose aliases would expand beyond MAX_ALIAS_VALUES or
    refer to themselves, or whose nesting is deeper than MAX_DEPTH (libyaml's composer recurses in C and
    crashes the process on a deep enough stream). Scans the events only when the text could hold either."""
    if "*" not in text and not _may_nest_deep(text):
        return
    sizes: dict[str, int] = {}  # anchor -> values its node holds, aliases expanded
    open_anchors: list[str | None] = []
    counts: list[int] = [0]  # values in each open collection, aliases expanded
    added = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent):
                if event.anchor not in sizes:
                    if event.anchor in open_anchors:
                        raise YamlError(f"invalid YAML: the alias *{event.anchor} refers to the value that holds it",
                                        event.start_mark.line + 1)
                    continue  # an undefined alias: the composer says so
                counts[-1] += sizes[event.anchor]
                added += sizes[event.anchor]
                if added > MAX_ALIAS_VALUES:
                    raise YamlError(f"invalid YAML: its aliases expand to more than {MAX_ALIAS_VALUES:,} values "
                                    "(an alias bomb?); not read", event.start_mark.line + 1)
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(counts) > MAX_DEPTH:
                    raise _too_deep(event.start_mark.line + 1)
                open_anchors.append(event.anchor)
                counts.append(0)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                size = counts.pop() + 1
                anchor = open_anchors.pop()
                if anchor is not None:
                    sizes[anchor] = size
                counts[-1] += size
            elif isinstance(event, yaml.ScalarEvent):
                counts[-1] += 1
                if event.anchor is not None:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.DocumentStartEvent):
                sizes.clear()  # anchors do not reach across documents
    except YamlError:
        raise
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc):  # PyYAML 6.0.4 and later refuse deep nesting themselves, sometimes first
            mark = getattr(exc, "problem_mark", None)
            raise _too_deep(mark.line + 1 if mark else 1) from None
        return  # a syntax error or a character YAML does not allow: reported, with its line, by the load itself


def _too_deep(line: int) -> YamlError:
    return YamlError(f"invalid YAML: nested more than {MAX_DEPTH} levels deep; not read", line)


def _loaded(read: Any) -> Any:
    """Run a load, turning every way it can fail into a YamlError."""
    try:
        return read()
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(f"invalid YAML: {problem}", mark.line + 1 if mark else 0) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {exc}") from None
    except RecursionError:
        raise YamlError("invalid YAML: nested too deeply to read") from None
    except (ValueError, OverflowError, TypeError) as exc:
        raise YamlError(f"invalid YAML: {exc}") from None


def safe_load(text: str) -> Any:
    """The one document in `text` (yaml.safe_load); raises YamlError."""
    _check(text)
    return _loaded(lambda: yaml.load(text, Loader=SafeLoader))


def safe_load_all(text: str) -> list[Any]:
    """Every document in `text` (yaml.safe_load_all); raises YamlError."""
    _check(text)
    return _loaded(lambda: list(yaml.load_all(text, Loader=SafeLoader)))


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
    """Every non-empty document in `text`, with field lines; raises YamlError."""
    _check(text)

    def read() -> list[Document]:
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
        finally:
            loader.dispose()
        return documents

    return _loaded(read)
