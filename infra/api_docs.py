"""Errors at the HTTP edge that DRF never sees, and their documentation in the OpenAPI schema.

Django answers unrouted URLs (``/api/v1/keys/not-a-uuid``), oversized or suspicious requests and
unhandled exceptions itself, in HTML. Under ``/api/`` the handlers below answer the API's JSON error
shape instead. ``document_errors`` (a drf-spectacular postprocessing hook) adds every error status an
operation can answer, with that shape, so clients and schemathesis know them all.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

from infra.api_errors import error_body

API_PREFIX = "/api/"
ERROR_SCHEMA_NAME = "Error"
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Every API error: a stable code, a readable message, and details for some codes.",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "string", "description": "Stable machine-readable code (docs/api.md)."},
                "message": {"type": "string"},
                "fields": {
                    "type": "object",
                    "description": "Field errors (code `invalid`): messages per field name.",
                    "additionalProperties": {},
                },
            },
            "required": ["code", "message"],
            "additionalProperties": True,
        }
    },
    "required": ["error"],
}
# Status → what it means, for every operation (some only for operations they can apply to, see below).
ALWAYS = {
    "400": "Invalid input (`invalid`, with `fields`) or a malformed body (`malformed_request`).",
    "401": "No or bad credentials (`not_authenticated`, `authentication_failed`).",
    "403": "Not allowed, or a session request without a valid CSRF token (`permission_denied`).",
    "404": "No such object, or someone else's (`not_found`).",
    "405": "Method not allowed on this path (`method_not_allowed`).",
    "406": "No acceptable representation for the Accept header (`not_acceptable`).",
    "429": "Rate limited (`rate_limited`, with `retry_after`); see the `Retry-After` header.",
    "500": "Unexpected server error (`server_error`).",
    "503": "A store or service is unavailable; nothing was changed (`*_unavailable`).",
}
WITH_BODY = {
    "413": "The request body is too large (`request_too_large`).",
    "415": "The body's Content-Type is not JSON (`unsupported_media_type`).",
}
CONFLICT = {
    "409": "The object's state does not allow this (`conflict` and the specific codes in docs/api.md)."
}
PAYMENT = {"402": "Not enough credits (`insufficient_credits`, with `balance`, `cost`, `depth`)."}
CHARGING_OPERATIONS = ("research_submit", "research_tasks_rerun_create")


def _json(request: HttpRequest, status: int, code: str, message: str) -> HttpResponse | None:
    if not request.path.startswith(API_PREFIX):
        return None
    return JsonResponse(error_body(code, message), status=status)


def bad_request(request: HttpRequest, exception: Exception, template_name: str = "400.html") -> HttpResponse:
    """``handler400``: JSON under /api/."""
    answer = _json(request, 400, "malformed_request", "The request could not be understood.")
    return answer or defaults.bad_request(request, exception)


def permission_denied(
    request: HttpRequest, exception: Exception, template_name: str = "403.html"
) -> HttpResponse:
    """``handler403``: JSON under /api/."""
    answer = _json(request, 403, "permission_denied", "You do not have permission to perform this action.")
    return answer or defaults.permission_denied(request, exception)


def page_not_found(
    request: HttpRequest, exception: Exception, template_name: str = "404.html"
) -> HttpResponse:
    """``handler404``: JSON under /api/ (an unrouted path, such as a key id that is not a UUID)."""
    answer = _json(request, 404, "not_found", "Not found.")
    return answer or defaults.page_not_found(request, exception)


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """``handler500``: JSON under /api/."""
    answer = _json(request, 500, "server_error", "The server had a problem. Please try again.")
    return answer or defaults.server_error(request)


def _response(description: str) -> dict[str, Any]:
    reference = {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"}
    return {"description": description, "content": {"application/json": {"schema": reference}}}


def _errors_of(path: str, method: str, operation: dict[str, Any]) -> dict[str, str]:
    errors = dict(ALWAYS)
    if "requestBody" in operation or method in ("post", "put", "patch"):
        errors.update(WITH_BODY)
    if "{" in path or method in ("post", "delete"):
        errors.update(CONFLICT)
    if operation.get("operationId") in CHARGING_OPERATIONS:
        errors.update(PAYMENT)
    return errors


def document_errors(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: every operation documents its error statuses and shape."""
    result.setdefault("components", {}).setdefault("schemas", {})[ERROR_SCHEMA_NAME] = ERROR_SCHEMA
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status, description in _errors_of(path, method, operation).items():
                documented = responses.setdefault(status, _response(description))
                documented.setdefault("content", _response(description)["content"])
    return result
