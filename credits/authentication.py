"""DRF authentication by API key: ``Authorization: Api-Key <key>``, or the seed's body field ``auth_key``."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from credits.keys import api_key_authenticate

KEYWORD = "Api-Key"
BODY_FIELD = "auth_key"
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _body_key(request: Request) -> str | None:
    """The body's ``auth_key`` (JSON or form), read through DRF's parsers so views still see the body."""
    if request.method not in BODY_METHODS or not request.content_type:
        return None
    data = request.data  # parsed once and cached on the request; never the raw stream
    if not hasattr(data, "get"):
        return None
    value = data.get(BODY_FIELD)
    if value is None:
        return None
    if not isinstance(value, str):
        raise exceptions.AuthenticationFailed("The auth_key field must be a string.")
    return value


class APIKeyAuthentication(authentication.BaseAuthentication):
    """Authenticates an API key from the header (or, with no header, the body); a wrong key is a 401."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        header = request.headers.get("Authorization", "")
        if header:
            keyword, _, raw = header.partition(" ")
            if keyword.lower() != KEYWORD.lower():
                return None
        else:
            body_key = _body_key(request)
            if body_key is None:
                return None
            raw = body_key
        if not raw.strip():
            raise exceptions.AuthenticationFailed("Empty API key.")
        key = api_key_authenticate(raw)
        if key is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked API key.")
        return key.user, key

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD


class APIKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    """Documents the API key in the OpenAPI schema (Swagger UI's "Authorize" button)."""

    target_class = APIKeyAuthentication
    name = "ApiKeyAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Api-Key <key>` (or the body field `auth_key`).",
        }
