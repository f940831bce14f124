"""A minimal OpenAPI v2 document in the protobuf form kubectl 1.27-1.28 fetch from /openapi/v2.

Those clients read it only to learn that the server validates fields itself: for every kind, a PATCH operation
tagged with its group-version-kind that takes the `fieldValidation` query parameter. Schemas are left out: they
are published as OpenAPI v3, which `kubectl explain` reads."""

from __future__ import annotations

import functools

from flashgen.sim import kinds

from .openapi import QUERY_PARAMS

MEDIA_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _field(number: int, payload: bytes | str) -> bytes:
    """A length-delimited protobuf field (strings and embedded messages)."""
    data = payload.encode() if isinstance(payload, str) else payload
    return _varint(number << 3 | 2) + _varint(len(data)) + data


def _query_parameter(name: str) -> bytes:
    # QueryParameterSubSchema{in=2, name=4, type=6} in NonBodyParameter.query_parameter_sub_schema=3,
    # in Parameter.non_body_parameter=2, in ParametersItem.parameter=1
    sub = _field(2, "query") + _field(4, name) + _field(6, "string")
    return _field(1, _field(2, _field(3, sub)))


def _gvk_extension(k: kinds.Kind) -> bytes:
    group, _, version = k.api_version.rpartition("/")
    yaml_text = f"group: \"{group}\"\nkind: {k.kind}\nversion: {version}\n"
    # NamedAny{name=1, value=2: Any{yaml=2}}
    return _field(1, "x-kubernetes-group-version-kind") + _field(2, _field(2, yaml_text))


def _patch_operation(k: kinds.Kind) -> bytes:
    # Operation{operation_id=5, parameters=8 (repeated), responses=9, vendor_extension=13}
    op = _field(5, f"patch{k.kind}")
    for p in QUERY_PARAMS:
        op += _field(8, _query_parameter(p))
    ok = _field(1, "200") + _field(2, _field(1, _field(1, "OK")))  # NamedResponseValue{name, ResponseValue{Response}}
    op += _field(9, _field(1, ok))
    op += _field(13, _gvk_extension(k))
    return op


@functools.lru_cache(maxsize=1)
def document() -> bytes:
    """The serialized openapi.v2.Document."""
    paths = b""
    for k in kinds.KINDS:
        prefix = "/api/v1" if k.api_version == "v1" else f"/apis/{k.api_version}"
        path = (f"{prefix}/namespaces/{{namespace}}/{k.plural}/{{name}}" if k.namespaced
                else f"{prefix}/{k.plural}/{{name}}")
        item = _field(8, _patch_operation(k))  # PathItem.patch = 8
        paths += _field(2, _field(1, path) + _field(2, item))  # Paths.path = 2: NamedPathItem{name=1, value=2}
    info = _field(1, "Kubernetes (flashgen simulated cluster)") + _field(2, "v1.33.0")
    return _field(1, "2.0") + _field(2, info) + _field(8, paths)
