"""Django's ASGI handler with the middleware chain run as one synchronous call.

Django builds an ASGI middleware chain in async mode: each ``MiddlewareMixin`` middleware then runs
its ``process_request``/``process_response`` through ``sync_to_async`` (a thread hand-off each way),
and every sync-only middleware needs an ``async_to_sync`` bridge. With this project's thirteen
middlewares and sync DRF views that was a dozen or more thread hand-offs per request, measured as
most of the server's CPU per status poll. Here the chain is built in sync mode (exactly as under
WSGI) and entered once through ``sync_to_async`` — the view runs in the same thread, as before.

Django also gives every request a thread of its own (a ``ThreadSensitiveContext``), started and
joined per request. Here each request still has a thread to itself, but from a pool of idle
single-thread executors (asgiref's ``ThreadSensitiveContext(executor=...)``), as a threaded WSGI
server reuses its threads. Nothing else changes: request parsing, streaming, disconnects and signals
stay Django's.
"""

from __future__ import annotations

import gc
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import django
from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.urls import get_resolver

MAX_IDLE_THREADS = 32  # request threads kept between requests; more run at once when needed


class SyncChainASGIHandler(ASGIHandler):
    """``ASGIHandler`` whose middleware chain is sync, entered with one thread hand-off per request."""

    def __init__(self) -> None:
        super(ASGIHandler, self).__init__()  # BaseHandler: no chain yet
        self.load_middleware(is_async=False)
        chain: Any = self._middleware_chain  # type: ignore[has-type]
        self._middleware_chain = sync_to_async(chain, thread_sensitive=True)
        self._idle: list[ThreadPoolExecutor] = []  # touched on the event loop only

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Django's entry point, with the request's thread taken from the idle ones (or a new one)."""
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        executor = self._idle.pop() if self._idle else ThreadPoolExecutor(1, thread_name_prefix="request")
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            if len(self._idle) < MAX_IDLE_THREADS:
                self._idle.append(executor)
            else:
                executor.shutdown(wait=False)


def get_asgi_application() -> SyncChainASGIHandler:
    """``django.core.asgi.get_asgi_application`` with the sync-chain handler.

    The URLconf (and so every view module) is imported now, then everything start-up made is moved out
    of the garbage collector's sight (``gc.freeze``): those objects live as long as the process, and a
    full collection no longer walks them in the middle of a request (one took 170-270 ms on the loaded
    2-core machine with the ~120,000 objects Django, DRF and the stores' clients leave behind).
    """
    django.setup(set_prefix=False)
    handler = SyncChainASGIHandler()
    get_resolver().url_patterns  # noqa: B018 - imports the views before the freeze
    gc.collect()
    gc.freeze()
    return handler
