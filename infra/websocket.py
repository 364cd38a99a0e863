"""Websocket origin checks: browsers come from an allowed host; scripts (no Origin) authenticate by key."""

from __future__ import annotations

from typing import Any
from urllib.parse import ParseResult

from channels.security.websocket import OriginValidator
from django.conf import settings


class BrowserOriginValidator(OriginValidator):
    """Like Channels' AllowedHostsOriginValidator, but a missing Origin (a script, not a browser) passes.

    Origin checks stop cross-site pages from riding a user's session cookie (browsers always send
    Origin on websockets); API-key clients send no Origin and carry their own credential.
    """

    def valid_origin(self, parsed_origin: ParseResult | None) -> bool:
        if parsed_origin is None:
            return True
        return bool(super().valid_origin(parsed_origin))


def origin_validated(application: Any) -> BrowserOriginValidator:
    """Wrap the websocket application with the origin check for ALLOWED_HOSTS (any host when DEBUG)."""
    allowed = list(settings.ALLOWED_HOSTS)
    if settings.DEBUG and not allowed:
        allowed = ["localhost", "127.0.0.1", "[::1]"]
    return BrowserOriginValidator(application, allowed)
