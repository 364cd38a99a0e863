"""Domain errors and their one mapping to API responses: ``{"error": {"code", "message", ...}}``.

Services raise subclasses of DomainError; they never import DRF. The API layer turns every error
(domain, validation, auth, throttling, 404) into the same shape with a stable ``code``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


class DomainError(Exception):
    """A refusal the caller can act on. Subclasses set ``code`` and ``status_code``."""

    code: str = "error"
    status_code: int = status.HTTP_400_BAD_REQUEST

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(DomainError):
    """The object does not exist or belongs to someone else (the two are indistinguishable)."""

    code = "not_found"
    status_code = status.HTTP_404_NOT_FOUND


class Conflict(DomainError):
    """The object's state does not allow the action."""

    code = "conflict"
    status_code = status.HTTP_409_CONFLICT


_CODES_BY_EXCEPTION: list[tuple[type[exceptions.APIException], str]] = [
    (exceptions.ValidationError, "invalid"),
    (exceptions.ParseError, "malformed_request"),
    (exceptions.NotAuthenticated, "not_authenticated"),
    (exceptions.AuthenticationFailed, "authentication_failed"),
    (exceptions.PermissionDenied, "permission_denied"),
    (exceptions.NotFound, "not_found"),
    (exceptions.MethodNotAllowed, "method_not_allowed"),
    (exceptions.NotAcceptable, "not_acceptable"),
    (exceptions.UnsupportedMediaType, "unsupported_media_type"),
    (exceptions.Throttled, "rate_limited"),
]


def error_body(code: str, message: str, **details: Any) -> dict[str, Any]:
    """The one error shape every API response uses."""
    return {"error": {"code": code, "message": message, **details}}


def api_exception_handler(error: Exception, context: dict[str, Any]) -> Response | None:
    """DRF ``EXCEPTION_HANDLER``: domain errors and DRF errors in one shape."""
    if isinstance(error, DomainError):
        return Response(error_body(error.code, error.message, **error.details), status=error.status_code)
    if isinstance(error, Http404):
        error = exceptions.NotFound()
    elif isinstance(error, PermissionDenied):
        error = exceptions.PermissionDenied()
    response = exception_handler(error, context)
    if response is None or not isinstance(error, exceptions.APIException):
        return response
    code = next((code for kind, code in _CODES_BY_EXCEPTION if isinstance(error, kind)), "error")
    if isinstance(error, exceptions.ValidationError):
        response.data = error_body(code, "Some fields are invalid.", fields=response.data)
    else:
        detail = response.data.get("detail", str(error)) if isinstance(response.data, dict) else str(error)
        response.data = error_body(code, str(detail))
    return response
