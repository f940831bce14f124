"""Resource quantities (`500m`, `1.5`, `128Mi`, `1G`, `1e3`) parsed exactly and printed in the API server's
canonical form, as `kubectl get -o yaml` and the admission messages show them."""

from __future__ import annotations

import functools
import math
import re
from fractions import Fraction
from typing import Any

BINARY = {"Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6}
DECIMAL = {"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}
SUFFIX_OF = {v: k for k, v in DECIMAL.items()}
BINARY_OF = {v: k for k, v in BINARY.items()}
_QUANTITY = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$")


class QuantityError(ValueError):
    """Text that is not a Kubernetes quantity."""


@functools.lru_cache(maxsize=4096)
def _parse_text(text: str) -> tuple[Fraction, str]:
    m = _QUANTITY.match(text.strip())
    if not m:
        raise QuantityError("quantities must match the regular expression "
                            "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
    number, suffix = m.group(1), m.group(2) or ""
    value = Fraction(number)
    if suffix in BINARY:
        return value * 1024 ** BINARY[suffix], "BinarySI"
    if suffix[:1] in ("e", "E") and suffix not in DECIMAL:
        return value * Fraction(10) ** int(suffix[1:]), "DecimalExponent"
    return value * Fraction(10) ** DECIMAL[suffix], "DecimalSI"


def parse(value: Any) -> tuple[Fraction, str]:
    """(exact value, format) of a quantity given as text or as a YAML number; QuantityError otherwise."""
    if isinstance(value, bool) or value is None:
        raise QuantityError("quantities must be numbers or strings")
    if isinstance(value, (int, Fraction)):
        return Fraction(value), "DecimalSI"
    if isinstance(value, float):
        return Fraction(repr(value)), "DecimalSI"
    return _parse_text(str(value))


def value(q: Any) -> Fraction:
    """The exact value of a quantity (cores for cpu, bytes for memory)."""
    return parse(q)[0]


def milli(q: Any) -> int:
    """The value in thousandths, rounded up as the API server rounds (CPU millicores)."""
    return math.ceil(value(q) * 1000)


def units(q: Any) -> int:
    """The value rounded up to a whole number (bytes, pods, object counts)."""
    return math.ceil(value(q))


def _decimal(v: Fraction, exponent_form: bool) -> str:
    nanos = math.ceil(v * 10 ** 9)  # quantities keep nine decimals, rounding up
    if nanos == 0:
        return "0"
    mantissa, exp = nanos, -9
    while mantissa % 1000 == 0 and exp < 18:
        mantissa //= 1000
        exp += 3
    if exponent_form:
        return f"{mantissa}e{exp}" if exp else str(mantissa)
    return f"{mantissa}{SUFFIX_OF[exp]}"


def canonical(v: Fraction, fmt: str = "DecimalSI") -> str:
    """The API server's String() of a value: `500m` for 0.5, `1Gi` for 1073741824 in binary form, `2k` ..."""
    if fmt == "BinarySI":
        if -1024 < v < 1024 or v.denominator != 1:
            return _decimal(v, False)
        n, exp = int(v), 0
        while n % 1024 == 0 and exp < 6 and n:
            n //= 1024
            exp += 1
        return f"{n}{BINARY_OF.get(exp, '')}"
    return _decimal(v, fmt == "DecimalExponent")


def normalize(q: Any) -> str:
    """A quantity as the API server stores it (`0.5` -> `500m`, `1024Mi` -> `1Gi`)."""
    v, fmt = parse(q)
    return canonical(v, fmt)
