"""PyYAML's safe loading, through libyaml's C parser when PyYAML has it (several times faster)."""

from __future__ import annotations

from typing import Any, Iterator

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """The one document in `text` (yaml.safe_load)."""
    return yaml.load(text, Loader=SafeLoader)


def safe_load_all(text: str) -> Iterator[Any]:
    """Every document in `text` (yaml.safe_load_all)."""
    return yaml.load_all(text, Loader=SafeLoader)
