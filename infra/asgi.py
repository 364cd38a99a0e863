"""Django's ASGI handler with the middleware chain run as one synchronous call.

Django builds an ASGI middleware chain in async mode: each ``MiddlewareMixin`` middleware then runs
its ``process_request``/``process_response`` through ``sync_to_async`` (a thread hand-off each way),
and every sync-only middleware needs an ``async_to_sync`` bridge. With this project's thirteen
middlewares and sync DRF views that was a dozen or more thread hand-offs per request, measured as
most of the server's CPU per status poll. Here the chain is built in sync mode (exactly as under
WSGI) and entered once through ``sync_to_async`` — the view runs in the same thread, as before.
Nothing else changes: request parsing, streaming, disconnects and signals stay Django's.
"""

from __future__ import annotations

from typing import Any

import django
from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler


class SyncChainASGIHandler(ASGIHandler):
    """``ASGIHandler`` whose middleware chain is sync, entered with one thread hand-off per request."""

    def __init__(self) -> None:
        super(ASGIHandler, self).__init__()  # BaseHandler: no chain yet
        self.load_middleware(is_async=False)
        chain: Any = self._middleware_chain  # type: ignore[has-type]
        self._middleware_chain = sync_to_async(chain, thread_sensitive=True)


def get_asgi_application() -> SyncChainASGIHandler:
    """``django.core.asgi.get_asgi_application`` with the sync-chain handler."""
    django.setup(set_prefix=False)
    return SyncChainASGIHandler()
