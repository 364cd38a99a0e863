"""Request-scoped context: a request id on every log line and in the response; each request timed."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable

import structlog
from django.http import HttpRequest, HttpResponse

from infra import metrics

REQUEST_ID_HEADER = "X-Request-ID"
UNMATCHED_ROUTE = "<unmatched>"
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
log = structlog.get_logger(__name__)


def route_of(request: HttpRequest) -> str:
    """The URL pattern that answered (``api/v1/research/tasks/<str:task_id>``), never the raw path."""
    match = getattr(request, "resolver_match", None)
    return str(match.route) if match is not None and match.route else UNMATCHED_ROUTE


class RequestIdMiddleware:
    """Binds a request id (the caller's, when well-formed, else a new one) for logs and the response;
    times the request for its log line and the ``http_request_duration_seconds`` histogram."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        response[REQUEST_ID_HEADER] = request_id
        route = route_of(request)
        log.info(
            "request",
            method=request.method,
            path=request.path,
            route=route,
            status=response.status_code,
            duration_ms=round(seconds * 1000, 2),
        )
        metrics.http_request(
            method=str(request.method), route=route, status=response.status_code, seconds=seconds
        )
        return response
