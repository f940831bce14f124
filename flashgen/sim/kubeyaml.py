"""`-o yaml` and `-o json` as kubectl prints objects: keys sorted, strings quoted as Go's YAML library quotes them.

kubectl turns an object into JSON and that into YAML with go-yaml, which sorts keys, writes a string that would
read back as another type (`"1"`, `"true"`, `"2024-01-29T09:00:00Z"`, `""`) in double quotes, a multi-line string
as a literal block, and folds long lines at spaces past column 80, as libyaml does; its JSON is indented by four
spaces with sorted keys."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

# plain words go-yaml (YAML 1.1) reads as booleans or null, beyond those PyYAML's resolver knows
_GO_SPECIAL = {"y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
               "~", "null", "Null", "NULL", ""}
_NUMBER_LIKE = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^0x[0-9a-fA-F_]+$|"
                          r"^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
_TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|$)")


class _Dumper(yaml.SafeDumper):
    """SafeDumper with go-yaml's choices of style."""


def _reads_as_other_type(value: str) -> bool:
    if value in _GO_SPECIAL or _NUMBER_LIKE.match(value) or _TIMESTAMP.match(value):
        return True
    tag = _Dumper.resolve(_Dumper, yaml.ScalarNode, value, (True, False))  # type: ignore[arg-type]
    return tag != "tag:yaml.org,2002:str"


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if _reads_as_other_type(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def to_yaml(obj: Any) -> str:
    """The object as `kubectl get -o yaml` prints it (ending with a newline)."""
    return yaml.dump(obj, Dumper=_Dumper, sort_keys=True, default_flow_style=False, allow_unicode=True, width=80)


def to_json(obj: Any) -> str:
    """The object as `kubectl get -o json` prints it (Go's encoder: sorted keys, `<`, `>` and `&` escaped)."""
    text = json.dumps(obj, indent=4, sort_keys=True, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                          ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text + "\n"
