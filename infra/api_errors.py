"""The API edge of errors: every error answers ``{"error": {"code", "message", ...}}``.

Services raise ``infra.errors.DomainError`` subclasses, which carry a code and no HTTP status;
``STATUS_BY_CODE`` below is the one table that gives each code its status. DRF's own errors
(validation, auth, throttling, 404) get the same shape with a stable ``code``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from infra.errors import DomainError, Unavailable, error_body
from infra.parsers import RequestTooLarge

# The one table from domain error codes to HTTP statuses (codes absent here answer 400).
STATUS_BY_CODE: dict[str, int] = {
    "invalid": status.HTTP_400_BAD_REQUEST,
    "invalid_request_id": status.HTTP_400_BAD_REQUEST,
    "invalid_depth": status.HTTP_400_BAD_REQUEST,
    "invalid_grant": status.HTTP_400_BAD_REQUEST,
    "captcha_failed": status.HTTP_400_BAD_REQUEST,
    "insufficient_credits": status.HTTP_402_PAYMENT_REQUIRED,
    "not_found": status.HTTP_404_NOT_FOUND,
    "conflict": status.HTTP_409_CONFLICT,
    "not_charged": status.HTTP_409_CONFLICT,
    "request_id_conflict": status.HTTP_409_CONFLICT,
    "idempotency_key_reused": status.HTTP_409_CONFLICT,
    "task_not_running": status.HTTP_409_CONFLICT,
    "task_still_running": status.HTTP_409_CONFLICT,
    "report_not_ready": status.HTTP_409_CONFLICT,
    "already_refunded": status.HTTP_409_CONFLICT,
    "unavailable": status.HTTP_503_SERVICE_UNAVAILABLE,
    "queue_unavailable": status.HTTP_503_SERVICE_UNAVAILABLE,
    "store_unavailable": status.HTTP_503_SERVICE_UNAVAILABLE,
    "captcha_unavailable": status.HTTP_503_SERVICE_UNAVAILABLE,
    "source_text_unavailable": status.HTTP_503_SERVICE_UNAVAILABLE,
}


def status_for(code: str) -> int:
    """The HTTP status of a domain error code."""
    return STATUS_BY_CODE.get(code, status.HTTP_400_BAD_REQUEST)


_CODES_BY_EXCEPTION: list[tuple[type[exceptions.APIException], str]] = [
    (exceptions.ValidationError, "invalid"),
    (exceptions.ParseError, "malformed_request"),
    (RequestTooLarge, "request_too_large"),
    (exceptions.NotAuthenticated, "not_authenticated"),
    (exceptions.AuthenticationFailed, "authentication_failed"),
    (exceptions.PermissionDenied, "permission_denied"),
    (exceptions.NotFound, "not_found"),
    (exceptions.MethodNotAllowed, "method_not_allowed"),
    (exceptions.NotAcceptable, "not_acceptable"),
    (exceptions.UnsupportedMediaType, "unsupported_media_type"),
    (exceptions.Throttled, "rate_limited"),
]


def domain_error_response(error: DomainError) -> Response:
    """The API answer to a domain error: its code's status, plus ``Retry-After`` when unavailable."""
    response = Response(error_body(error.code, error.message, **error.details), status=status_for(error.code))
    if isinstance(error, Unavailable):
        response["Retry-After"] = str(error.retry_after_seconds)
    return response


def api_exception_handler(error: Exception, context: dict[str, Any]) -> Response | None:
    """DRF ``EXCEPTION_HANDLER``: domain errors and DRF errors in one shape."""
    if isinstance(error, DomainError):
        return domain_error_response(error)
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
