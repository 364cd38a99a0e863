"""Websockets: origin checks, single-use connection tickets, and a clean refusal of unrouted paths.

Browsers come from an allowed host and authenticate with a ticket (or their session); scripts send no
Origin and authenticate with the ``Authorization: Api-Key`` header. A key never goes into a URL: a
ticket is a random string, stored hashed in Redis with a short TTL and deleted when it is used.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any
from urllib.parse import ParseResult

import redis
from channels.auth import AuthMiddlewareStack
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.routing import URLRouter
from channels.security.websocket import OriginValidator
from django.conf import settings
from django.urls import re_path

from infra.errors import Unavailable
from infra.ratelimit import redis_connection

CLOSE_NOT_FOUND = 4404
TICKET_BYTES = 32


class TicketStoreUnavailable(Unavailable):
    """Redis, which holds the tickets, cannot be reached."""

    code = "store_unavailable"


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


class UnroutedPathConsumer(AsyncWebsocketConsumer):
    """Any path no route names: the handshake is refused cleanly instead of failing with a server error."""

    async def connect(self) -> None:
        await self.close(code=CLOSE_NOT_FOUND)


def websocket_application() -> BrowserOriginValidator:
    """The websocket side of the ASGI app: origin check, session, the routes, then the catch-all."""
    from research.routing import websocket_urlpatterns

    routes = [*websocket_urlpatterns, re_path(r"", UnroutedPathConsumer.as_asgi())]
    return origin_validated(AuthMiddlewareStack(URLRouter(routes)))


def _ticket_key(ticket: str) -> str:
    digest = hashlib.sha256(ticket.encode()).hexdigest()
    return f"{settings.REDIS_KEY_PREFIX}:wsticket:{digest}"


def ticket_issue(*, user_id: int) -> str:
    """A new single-use ticket letting ``user_id`` open one websocket within WEBSOCKET_TICKET_TTL_SECONDS."""
    ticket = secrets.token_urlsafe(TICKET_BYTES)
    try:
        redis_connection().set(_ticket_key(ticket), str(user_id), ex=settings.WEBSOCKET_TICKET_TTL_SECONDS)
    except (redis.RedisError, OSError) as error:
        raise TicketStoreUnavailable("Live updates are unavailable right now; try again shortly.") from error
    return ticket


def ticket_redeem(ticket: str) -> int | None:
    """The user id a ticket was issued to, deleting it (single use); None when unknown, used or expired."""
    if not ticket or len(ticket) > 128:
        return None
    try:
        value = redis_connection().getdel(_ticket_key(ticket))
    except (redis.RedisError, OSError):
        return None
    return int(value) if value is not None else None
