"""Celery tasks: thin wrappers that load by id and call the worker side (``execution``, ``audit``)."""

from __future__ import annotations

import threading
import time
from typing import Any

import structlog
from celery import shared_task
from celery.signals import worker_ready, worker_shutdown, worker_shutting_down
from django.conf import settings

from research import audit, availability, execution, lifecycle, progress
from research.queue import PROCESS_TASK

log = structlog.get_logger(__name__)


@shared_task(name=PROCESS_TASK, acks_late=True, reject_on_worker_lost=True, ignore_result=False)
def process_research(task_id: str) -> str:
    """Run or resume one research."""
    return execution.research_execute(task_id)


@shared_task(name="research.reap", ignore_result=True)
def reap_stuck_research() -> dict[str, list[str]]:
    """Fail overdue tasks and re-queue orphaned ones."""
    return execution.reap()


_reaper_stop = threading.Event()


def _reaper_round(last_audit: float) -> float:
    """One round: reap, settle interrupted submissions and refunds, and audit now and then."""
    outcome = execution.reap()
    if outcome["failed"] or outcome["requeued"]:
        log.info("research.reaped", **outcome)
    settled = lifecycle.settle_pending(older_than_seconds=settings.RESEARCH_SETTLE_AFTER_SECONDS)
    if settled["removed"] or settled["refunded"]:
        log.warning("research.settled", **settled)
    if time.monotonic() - last_audit < settings.CREDITS_AUDIT_INTERVAL_SECONDS:
        return last_audit
    audit.run_and_record(grace_seconds=settings.RESEARCH_SETTLE_AFTER_SECONDS)
    return time.monotonic()


def _reaper_loop() -> None:
    interval = settings.RESEARCH_REAPER_INTERVAL_SECONDS
    key = f"{settings.REDIS_KEY_PREFIX}:reaper"
    last_audit = 0.0
    while not _reaper_stop.wait(interval):
        try:
            # One reaper across all workers per interval.
            if progress.redis_client().set(key, "1", nx=True, px=int(interval * 900)):
                last_audit = _reaper_round(last_audit)
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


@worker_ready.connect
@worker_shutting_down.connect
@worker_shutdown.connect
def forget_availability(**_: Any) -> None:
    """A worker started or is stopping: the web app's remembered answer to "is a worker there?" is stale."""
    availability.forget()
