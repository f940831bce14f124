"""Kubernetes-style metav1 Status replies for refused requests."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from flashgen.sim.errors import ApiError

REASONS = {400: "BadRequest", 404: "NotFound", 405: "MethodNotAllowed", 406: "NotAcceptable", 409: "Conflict",
           410: "Expired", 415: "UnsupportedMediaType", 422: "Invalid", 500: "InternalError",
           501: "NotImplemented"}


def status_body(code: int, message: str, reason: str | None = None,
                details: dict[str, Any] | None = None) -> dict[str, Any]:
    """The metav1 Status object a real API server sends."""
    return ApiError(code, reason or REASONS.get(code, "Unknown"), message, details).status()


def error(code: int, message: str, reason: str | None = None) -> JSONResponse:
    return JSONResponse(status_body(code, message, reason), status_code=code)


def _causes(message: str) -> list[dict[str, str]]:
    """`X "n" is invalid: [a: m1, b: m2]` -> field causes, which kubectl prints one per line."""
    text = message.split(" is invalid: ", 1)[1] if " is invalid: " in message else ""
    if text.startswith("[") and text.endswith("]"):
        parts = text[1:-1].split(", ")
    else:
        parts = [text] if text else []
    out = []
    for part in parts:
        field, _, why = part.partition(": ")
        if not why or " " in field:
            field, why = "", part
        out.append({"reason": "FieldValueInvalid", "message": why, "field": field})
    return out


def from_api_error(exc: ApiError) -> JSONResponse:
    body = exc.status()
    if exc.code == 422:
        causes = _causes(exc.message)
        if causes:
            body.setdefault("details", {})["causes"] = causes
    return JSONResponse(body, status_code=exc.code)


def unsupported(what: str, hint: str = "", code: int = 501) -> JSONResponse:
    """`flashgen's simulated cluster does not support exec` (501 NotImplemented by default)."""
    text = f"flashgen's simulated cluster does not support {what}"
    return error(code, text + (f"; {hint}" if hint else ""), REASONS.get(code))


def success(details: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success"}
    if details:
        out["details"] = details
    return out
