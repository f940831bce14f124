"""Decoding the Kubernetes protobuf request bodies (`application/vnd.kubernetes.protobuf`) that kubectl's typed
clients send, e.g. for `kubectl create job` and `kubectl create deployment`, into the JSON form.

The envelope is the magic `k8s\\0` and a runtime.Unknown (typeMeta, raw); raw is the object's message, decoded
with the field numbers in protobuf_schema. Go's zero values (empty strings, 0, false, the zero time) stand for
"not set" and are left out, as the JSON encoding leaves them out."""

from __future__ import annotations

import base64
import datetime
import json
import struct
from typing import Any

from flashgen.sim import errors

from .protobuf_schema import FIELDS, ROOTS

MAGIC = b"k8s\x00"
KEEP_ZERO = {"replicas", "backoffLimit", "parallelism", "completions", "terminationGracePeriodSeconds",
             "activeDeadlineSeconds", "ttlSecondsAfterFinished", "revisionHistoryLimit", "containerPort", "port",
             "exitCode", "suspend", "automountServiceAccountToken", "successfulJobsHistoryLimit",
             "failedJobsHistoryLimit", "gracePeriodSeconds", "value", "minAvailable", "maxUnavailable"}
GO_ZERO_TIME = -62135596800


class ProtobufError(ValueError):
    """Bytes that are not a protobuf message of the expected type."""


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data):
            raise ProtobufError("truncated varint")
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def _fields(data: bytes) -> list[tuple[int, int, Any]]:
    """(number, wire type, value) of each field: ints for varints, bytes for the rest."""
    out = []
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire == 2:
            length, pos = _varint(data, pos)
            value, pos = data[pos:pos + length], pos + length
        elif wire == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise ProtobufError(f"unsupported wire type {wire}")
        out.append((number, wire, value))
    return out


def _signed(n: int) -> int:
    return n - (1 << 64) if n >= 1 << 63 else n


def _scalar(kind: str, wire: int, value: Any) -> Any:
    if kind == "string":
        return bytes(value).decode("utf-8")
    if kind == "bytes":
        return base64.b64encode(bytes(value)).decode()
    if kind in ("int32", "int64"):
        return _signed(value)
    if kind == "bool":
        return bool(value)
    if kind == "double":
        return struct.unpack("<d", value)[0]
    raise ProtobufError(f"unknown scalar type {kind}")


def _special(kind: str, data: bytes) -> Any:
    f = {n: v for n, _, v in _fields(data)}
    if kind == "time":
        seconds = _signed(f.get(1, 0))
        if seconds in (0, GO_ZERO_TIME):
            return None
        stamp = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    if kind == "intstr":
        return bytes(f.get(3, b"")).decode() if f.get(1, 0) == 1 else _signed(f.get(2, 0))
    if kind == "quantity":
        return bytes(f.get(1, b"")).decode()
    if kind == "raw":
        raw = bytes(f.get(1, b""))
        return json.loads(raw) if raw else None
    if kind == "duration":
        return f"{_signed(f.get(1, 0)) / 1e9:g}s"
    raise ProtobufError(f"unknown special type {kind}")


def _value(kind: str, wire: int, value: Any) -> Any:
    if kind in FIELDS:
        return decode_message(kind, bytes(value))
    if kind in ("time", "intstr", "quantity", "raw", "duration"):
        return _special(kind, bytes(value))
    return _scalar(kind, wire, value)


def _empty(name: str, value: Any) -> bool:
    if value is None or value == "":
        return True
    if value is False or (isinstance(value, int) and not isinstance(value, bool) and value == 0):
        return name not in KEEP_ZERO
    return False


def decode_message(message: str, data: bytes) -> dict[str, Any]:
    """One message of protobuf_schema as a JSON-ready dict."""
    spec = FIELDS[message]
    out: dict[str, Any] = {}
    for number, wire, value in _fields(data):
        if number not in spec:
            continue
        name, kind, repeated = spec[number]
        if kind.startswith("map:"):
            entry = {n: v for n, w, v in _fields(bytes(value))}
            key = bytes(entry.get(1, b"")).decode()
            vkind = kind[4:]
            raw = entry.get(2, b"" if vkind != "int32" else 0)
            out.setdefault(name, {})[key] = _value(vkind, 2, raw)
            continue
        if repeated and wire == 2 and kind in ("int32", "int64", "bool"):
            pos, items = 0, []
            while pos < len(value):
                n, pos = _varint(value, pos)
                items.append(_scalar(kind, 0, n))
            out.setdefault(name, []).extend(items)
            continue
        decoded = _value(kind, wire, value)
        if name == "" and isinstance(decoded, dict):
            out.update(decoded)  # an embedded message: its fields are the enclosing object's
            continue
        if repeated:
            out.setdefault(name, []).append(decoded)
        elif not _empty(name, decoded):
            out[name] = decoded
    return out


def decode(body: bytes) -> dict[str, Any]:
    """A Kubernetes protobuf request body as the JSON object; ApiError 415 for kinds not decodable here."""
    if not body.startswith(MAGIC):
        raise errors.bad_request("the protobuf body does not start with the Kubernetes magic number")
    try:
        envelope = {n: v for n, _, v in _fields(body[len(MAGIC):])}
        type_meta = {n: bytes(v).decode() for n, _, v in _fields(bytes(envelope.get(1, b"")))}
        api_version, kind = type_meta.get(1, ""), type_meta.get(2, "")
        message = ROOTS.get((api_version, kind))
        if message is None:
            raise errors.ApiError(415, "UnsupportedMediaType", f"flashgen's simulated cluster does not support "
                                  f"protobuf bodies for {kind or 'this kind'} ({api_version}); send "
                                  "application/json")
        obj = decode_message(message, bytes(envelope.get(2, b"")))
    except (ProtobufError, UnicodeDecodeError, ValueError, struct.error) as e:
        if isinstance(e, errors.ApiError):
            raise
        raise errors.bad_request(f"the protobuf request body cannot be decoded ({e})") from None
    return {"apiVersion": api_version, "kind": kind, **obj}
