"""Kombu's Redis transport, kept alive through a broker restart.

On a lost broker connection kombu 5.7 detaches the transport from its connection, then restores
the unacknowledged messages (a research still running) through it: ``_connparams`` reads
``connection.client`` (now None) and the worker dies with "Unrecoverable error: AttributeError
'NoneType' object has no attribute 'hostname'". The channel remembers its connection info instead.
Registered for the ``redis`` scheme by importing this module (``pmfsite.celery`` does).
"""

from __future__ import annotations

from typing import Any

from kombu.transport import TRANSPORT_ALIASES
from kombu.transport import redis as kombu_redis


class Channel(kombu_redis.Channel):
    """A Redis channel that can still build a client after its transport was detached."""

    def __init__(self, connection: Any, *args: Any, **kwargs: Any) -> None:
        self._client_info = connection.client
        super().__init__(connection, *args, **kwargs)

    def _connparams(self, asynchronous: bool = False) -> Any:
        if self.connection.client is None and self._client_info is not None:
            self.connection.client = self._client_info
        return super()._connparams(asynchronous)  # type: ignore[misc]


class Transport(kombu_redis.Transport):
    """The Redis transport with the channel above."""

    Channel = Channel


TRANSPORT_ALIASES["redis"] = "infra.broker:Transport"
