"""Request bodies at the API edge: a size cap answered with JSON 413, and JSON with a nesting limit.

The stdlib decoder recurses once per nesting level, so ``'[' * 1000`` raised ``RecursionError`` (a 500)
before authentication had even run (the ``auth_key`` body field is read while authenticating). No API
body nests more than a few levels, so anything deeper than ``JSON_MAX_DEPTH`` is a 400.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework import exceptions, parsers, status

from infra.errors import error_body

API_PREFIX = "/api/"


class RequestTooLarge(exceptions.APIException):
    """The body is larger than the API accepts."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."


def too_large_message() -> str:
    """The 413 message, naming the limit."""
    return f"The request body is larger than {settings.API_MAX_BODY_BYTES // 1024} KB."


def nesting_depth(value: Any) -> int:
    """How deeply lists and objects nest in a decoded JSON value (a scalar is 0), without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        pending.extend((child, depth + 1) for child in children)
    return deepest


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser with a size cap (413) and a nesting limit (400)."""

    def parse(self, stream: IO[Any] | None, media_type: str | None = None, parser_context: Any = None) -> Any:
        if stream is None:
            raise exceptions.ParseError("The request body is empty.")
        limit = settings.API_MAX_BODY_BYTES
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise RequestTooLarge(too_large_message())
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = json.loads(raw.decode(encoding), parse_constant=_refuse_constant)
        except RecursionError:
            raise _too_deep() from None
        except (ValueError, UnicodeDecodeError) as error:
            raise exceptions.ParseError(f"JSON parse error - {error}") from None
        if nesting_depth(data) > settings.JSON_MAX_DEPTH:
            raise _too_deep()
        return data


def _too_deep() -> exceptions.ParseError:
    return exceptions.ParseError(f"The JSON nests deeper than {settings.JSON_MAX_DEPTH} levels.")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class BodySizeLimitMiddleware:
    """Refuses an API request whose declared body exceeds ``API_MAX_BODY_BYTES`` with a JSON 413, before
    anything reads it (Django would otherwise answer its HTML 400 for an oversized body)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX) and _declared_length(request) > settings.API_MAX_BODY_BYTES:
            body = error_body("request_too_large", too_large_message())
            return JsonResponse(body, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        return self.get_response(request)


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
