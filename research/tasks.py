"""Celery tasks: thin wrappers that load by id and call a service."""

from __future__ import annotations

import threading
from typing import Any

import structlog
from celery import shared_task
from celery.signals import worker_ready, worker_shutting_down
from django.conf import settings

log = structlog.get_logger(__name__)


@shared_task(name="research.process", acks_late=True, reject_on_worker_lost=True, ignore_result=False)
def process_research(task_id: str) -> str:
    """Run or resume one research."""
    from research.execution import research_execute

    return research_execute(task_id)


@shared_task(name="research.reap", ignore_result=True)
def reap_stuck_research() -> dict[str, list[str]]:
    """Fail overdue tasks and re-queue orphaned ones."""
    from research.execution import reap

    return reap()


_reaper_stop = threading.Event()


def _reaper_loop() -> None:
    from research import progress
    from research.execution import reap

    interval = settings.RESEARCH_REAPER_INTERVAL_SECONDS
    key = f"{settings.REDIS_KEY_PREFIX}:reaper"
    while not _reaper_stop.wait(interval):
        try:
            # One reaper across all workers per interval.
            if progress.redis_client().set(key, "1", nx=True, px=int(interval * 900)):
                outcome = reap()
                if outcome["failed"] or outcome["requeued"]:
                    log.info("research.reaped", **outcome)
        except Exception as error:  # stores briefly down: try again next round
            log.warning("research.reaper_error", error=str(error))


@worker_ready.connect
def start_reaper(**_: Any) -> None:
    """Every worker runs the reaper loop; a Redis lock lets one of them act per interval."""
    _reaper_stop.clear()
    threading.Thread(target=_reaper_loop, name="research-reaper", daemon=True).start()


@worker_shutting_down.connect
def stop_reaper(**_: Any) -> None:
    """Stop the reaper loop with the worker."""
    _reaper_stop.set()
