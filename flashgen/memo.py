"""Per-note results of an earlier build, reused while their key (what they were made from) is the same."""

from __future__ import annotations

from typing import Any, Callable, Generic, Hashable, TypeVar

T = TypeVar("T")


class KeyedMemo(Generic[T]):
    """Wraps a memo dict {name: (key, value)} kept between builds. `get` reuses a value whose key matches or
    makes it anew; `close` leaves in the dict exactly the values this build used."""

    def __init__(self, earlier: dict[str, tuple[Any, T]] | None) -> None:
        self.earlier = earlier
        self.now: dict[str, tuple[Any, T]] = {}

    def get(self, name: str, key: Hashable | None, make: Callable[[], T]) -> T:
        """The value for `name`: the earlier one when made from the same (non-empty) key, else `make()`."""
        if not key:
            return make()
        old = self.earlier.get(name) if self.earlier is not None else None
        value = old[1] if old is not None and old[0] == key else make()
        self.now[name] = (key, value)
        return value

    def close(self) -> None:
        if self.earlier is not None:
            self.earlier.clear()
            self.earlier.update(self.now)
