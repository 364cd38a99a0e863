"""Whether a research worker is there to run a submission, asked once for every web process.

The answer is a Celery broadcast ping (up to ``PING_SECONDS`` when nobody answers). Every web process
shares it through the Django cache (Redis) for ``TTL_SECONDS``, so a form load does not wait for a
ping; a worker that starts or stops forgets the shared answer (``forget``), so the change shows at once.
A worker killed outright is noticed when the answer expires.
"""

from __future__ import annotations

from typing import NamedTuple

import structlog
from django.core.cache import cache

from infra.health import check_celery

log = structlog.get_logger(__name__)

KEY = "research:workers-available"
TTL_SECONDS = 10
PING_SECONDS = 1.0
NO_WORKER = "No research worker answered."


class Availability(NamedTuple):
    available: bool
    message: str


def workers_available() -> Availability:
    """The shared recent answer, or a new ping (remembered for the next ``TTL_SECONDS``)."""
    try:
        remembered = cache.get(KEY)
    except Exception as error:  # Redis down: ask the workers directly
        log.warning("research.availability_cache_unavailable", error=str(error))
        remembered = None
    if isinstance(remembered, list | tuple) and len(remembered) == 2:
        return Availability(bool(remembered[0]), str(remembered[1]))
    try:
        answer = Availability(True, check_celery(PING_SECONDS))
    except Exception:  # no worker, or the broker is down: either way nothing would run the research
        answer = Availability(False, NO_WORKER)
    try:
        cache.set(KEY, list(answer), TTL_SECONDS)
    except Exception as error:
        log.warning("research.availability_cache_unavailable", error=str(error))
    return answer


def forget() -> None:
    """Drop the shared answer (a worker started or is stopping)."""
    try:
        cache.delete(KEY)
    except Exception as error:
        log.warning("research.availability_cache_unavailable", error=str(error))
