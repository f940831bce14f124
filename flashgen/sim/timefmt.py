"""Timestamps (RFC 3339 in UTC) and kubectl's human-readable ages and durations."""

from __future__ import annotations

import datetime as _dt
import functools
import re

DEFAULT_START = "2024-01-29T09:00:00Z"


def rfc3339(ts: float) -> str:
    """A UNIX time as `2024-01-29T09:00:00Z` (whole seconds, as the API server prints)."""
    return _dt.datetime.fromtimestamp(int(ts), tz=_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@functools.lru_cache(maxsize=4096)
def parse_rfc3339(text: str) -> float:
    """`2024-01-29T09:00:00Z` (or a MicroTime, `2024-01-29T09:00:00.000000Z`) to a UNIX time."""
    whole, dot, fraction = text.partition(".")
    seconds = _dt.datetime.strptime(whole.rstrip("Z") + "+0000", "%Y-%m-%dT%H:%M:%S%z").timestamp()
    return seconds + float("0." + fraction.rstrip("Z")) if dot and fraction.rstrip("Z").isdigit() else seconds


def human_duration(seconds: float) -> str:
    """kubectl's HumanDuration: 45s, 3m20s, 15m, 5h2m, 30h, 3d4h, 40d, 2y10d."""
    s = int(seconds)
    if s < -1:
        return "<invalid>"
    if s < 0:
        return "0s"
    if s < 120:
        return f"{s}s"
    minutes = s // 60
    if minutes < 10:
        sec = s % 60
        return f"{minutes}m" if sec == 0 else f"{minutes}m{sec}s"
    if minutes < 180:
        return f"{minutes}m"
    hours = minutes // 60
    if hours < 8:
        m = minutes % 60
        return f"{hours}h" if m == 0 else f"{hours}h{m}m"
    if hours < 48:
        return f"{hours}h"
    if hours < 24 * 8:
        h = hours % 24
        return f"{hours // 24}d" if h == 0 else f"{hours // 24}d{h}h"
    if hours < 24 * 365 * 2:
        return f"{hours // 24}d"
    if hours < 24 * 365 * 8:
        dy = (hours // 24) % 365
        return f"{hours // 24 // 365}y" if dy == 0 else f"{hours // 24 // 365}y{dy}d"
    return f"{hours // 24 // 365}y"


_DURATION = re.compile(r"^\s*(?:(\d+(?:\.\d+)?)d)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s?)?\s*$")


def parse_duration(text: str) -> float:
    """`30s`, `5m`, `1h30m`, `2d`, or a bare number of seconds; ValueError otherwise."""
    m = _DURATION.match(text)
    if not m or not any(m.groups()):
        raise ValueError(f"invalid duration {text!r}: use e.g. 30s, 5m, 1h or 2d")
    d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
    return d * 86400 + h * 3600 + mi * 60 + s
