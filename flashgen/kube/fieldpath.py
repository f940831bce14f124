"""Field paths into Kubernetes objects (`spec.template.spec.containers[0].image`): written, read and followed."""

from __future__ import annotations

from typing import Any

Path = tuple[Any, ...]  # keys (str) and list indices (int) from the object's root


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
