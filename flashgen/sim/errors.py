"""API errors shaped like a Kubernetes metav1 Status (code, reason, message)."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A request the simulated API server refused, as a real one would."""

    def __init__(self, code: int, reason: str, message: str, details: dict[str, Any] | None = None):
        super().__init__(message)
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details or {}

    def status(self) -> dict[str, Any]:
        """The metav1 Status object a real API server would send."""
        out: dict[str, Any] = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                               "message": self.message, "reason": self.reason, "code": self.code}
        if self.details:
            out["details"] = self.details
        return out


def not_found(resource: str, name: str) -> ApiError:
    """404 NotFound, e.g. `pods "x" not found`."""
    return ApiError(404, "NotFound", f'{resource} "{name}" not found', {"name": name, "kind": resource})


def already_exists(resource: str, name: str) -> ApiError:
    """409 AlreadyExists."""
    return ApiError(409, "AlreadyExists", f'{resource} "{name}" already exists', {"name": name, "kind": resource})


def conflict(resource: str, name: str) -> ApiError:
    """409 Conflict on a stale resourceVersion."""
    return ApiError(409, "Conflict", f'Operation cannot be fulfilled on {resource} "{name}": the object has been '
                    "modified; please apply your changes to the latest version and try again",
                    {"name": name, "kind": resource})


def bad_request(message: str) -> ApiError:
    """400 BadRequest."""
    return ApiError(400, "BadRequest", message)


def invalid(kind: str, name: str, causes: list[str]) -> ApiError:
    """422 Invalid with field causes, e.g. `Deployment.apps "x" is invalid: spec.selector: Required value`."""
    if len(causes) == 1:
        text = causes[0]
    else:
        text = "[" + ", ".join(causes) + "]"
    return ApiError(422, "Invalid", f'{kind} "{name}" is invalid: {text}', {"name": name, "kind": kind})
