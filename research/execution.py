"""Worker side of a research: run the graph under a lease; every state change goes through ``lifecycle``.

Idempotent: a second delivery of a finished task does nothing; a delivery of an interrupted one
resumes from the graph's PostgreSQL checkpoint. A reaper re-queues tasks whose worker died (lease
expired), fails-and-refunds tasks past their hard time limit and finishes interrupted settlements.
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import redis
import structlog
from django.conf import settings
from django.utils import timezone
from pymongo.errors import ConnectionFailure

from agents.budget import SearchBudget
from agents.errors import ResearchCancelled
from catalogue.depths import DEPTHS
from infra import metrics
from research import documents, lifecycle, progress, queue
from research.documents import ResearchTask
from research.lifecycle import best_effort
from research.states import RUNNING, TaskStatus

log = structlog.get_logger(__name__)
STORE_RETRIES = 5
STORE_OUTAGES = (ConnectionFailure, redis.ConnectionError, redis.TimeoutError)
TIME_LIMIT_REASON = "The research took longer than its time limit. Credits were refunded."


def hard_limit_seconds(depth: str) -> int:
    """How long a research of this depth may run before it is failed and refunded."""
    return int(DEPTHS[depth].target_seconds * settings.RESEARCH_HARD_LIMIT_FACTOR)


class _Heartbeat(threading.Thread):
    """Renews the execution lease while the graph runs; stops when told or when the lease is lost."""

    def __init__(self, task_id: str, owner: str) -> None:
        super().__init__(daemon=True, name=f"lease-{task_id[:8]}")
        self.task_id, self.owner = task_id, owner
        self.stopped = threading.Event()
        self.lost = False

    def run(self) -> None:
        seconds = settings.RESEARCH_LEASE_SECONDS
        while not self.stopped.wait(seconds / 3):
            try:
                if not progress.lease_renew(self.task_id, self.owner, seconds):
                    self.lost = True
                    return
            except Exception as error:  # Redis blip: keep trying until the lease expires
                log.warning("research.lease_renew_failed", task_id=self.task_id, error=str(error))


def research_execute(task_id: str) -> str:
    """Run (or resume) a task; returns what happened, for logs and tests."""
    task = documents.task_get(task_id)
    if task is None:
        return "missing"
    if not task.is_running:
        return f"already {task.status}"
    if not task.charged:
        return "not charged"
    owner = f"{socket.gethostname()}:{uuid.uuid4().hex[:8]}"
    if not progress.lease_acquire(task.id, owner, settings.RESEARCH_LEASE_SECONDS):
        return "running elsewhere"
    heartbeat = _Heartbeat(task.id, owner)
    heartbeat.start()
    try:
        outcome = _run(task, heartbeat)
    finally:
        heartbeat.stopped.set()
        best_effort(progress.lease_release, task.id, owner)  # else it expires on its own
    _record_outcome(task, outcome)
    return outcome


def _record_outcome(task: ResearchTask, outcome: str) -> None:
    """Metrics: the research's duration from submission, once it reached a final state here."""
    final = documents.task_get(task.id)
    if final is None or final.is_running:
        return  # handed over to another worker, or never started
    label = "timed_out" if outcome == "timed out" else final.status
    metrics.research_finished(depth=task.depth, outcome=label, seconds=_age(task))


def _age(task: ResearchTask) -> float:
    return (timezone.now() - task.created_at).total_seconds()


def stop_requested(task_id: str) -> bool:
    """True once the task was aborted (or failed): the Redis flag is fast, MongoDB is the truth."""
    if best_effort(progress.abort_requested, task_id):
        return True
    current = _retrying(documents.task_get, task_id)
    return current is None or current.status not in RUNNING


def _run(task: ResearchTask, heartbeat: _Heartbeat) -> str:
    from agents.runner import agent_config, run_research

    started = lifecycle.start(task.id)
    if started is None:
        return "no longer running"
    deadline = (started.started_at or timezone.now()) + timedelta(seconds=hard_limit_seconds(task.depth))

    def should_cancel() -> bool:
        return heartbeat.lost or timezone.now() > deadline or stop_requested(task.id)

    def deliver(report: Any) -> None:
        lifecycle.deliver(task.id, report.model_dump(mode="json"), retrying=_retrying)

    try:
        run_research(
            thread_id=task.id, product_idea=task.product_idea, budget=SearchBudget.of(DEPTHS[task.depth]),
            on_checkpoint=lambda event: record_checkpoint(task.id, event),
            should_cancel=should_cancel, deliver=deliver, config=metrics.instrumented(agent_config()),
        )  # fmt: skip
    except ResearchCancelled:
        if timezone.now() > deadline:
            lifecycle.fail(task.id, reason=TIME_LIMIT_REASON)
            return "timed out"
        return "cancelled"
    except STORE_OUTAGES as error:
        # Not the research's fault: leave it processing; the reaper resumes it from its checkpoint.
        log.warning("research.interrupted", task_id=task.id, error=str(error))
        return "interrupted"
    except Exception as error:
        log.exception("research.failed", task_id=task.id)
        lifecycle.fail(task.id, reason=_readable(error))
        return "failed"
    final = lifecycle.complete(task.id, retrying=_retrying)
    return str(final.status) if final is not None else "finished but no longer running"


def _readable(error: Exception) -> str:
    message = str(error).strip() or type(error).__name__
    return f"The research failed: {message[:400]}"


def record_checkpoint(task_id: str, event: Any) -> None:
    """Store a checkpoint (once per key), cache the progress, then broadcast it."""
    lifecycle.checkpoint(task_id, event, retrying=_retrying)


def _retrying(write: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """A conditional (so repeatable) MongoDB write, retried through a short server outage."""
    for attempt in range(STORE_RETRIES):
        try:
            return write(*args, **kwargs)
        except ConnectionFailure as error:
            if attempt + 1 == STORE_RETRIES:
                raise
            log.warning("research.mongodb_retry", action=write.__name__, error=str(error))
            time.sleep(1.0)
    return None


def reap(now: Any = None) -> dict[str, list[str]]:
    """Fail-and-refund tasks past their hard limit; re-queue those whose worker or message was lost."""
    now = now or timezone.now()
    outcome: dict[str, list[str]] = {"failed": [], "requeued": []}
    grace = timedelta(seconds=settings.RESEARCH_REQUEUE_AFTER_SECONDS)
    for task in documents.tasks_running(started_before=now - grace):
        if not task.charged:
            continue  # submit has not settled it yet (lifecycle.settle_pending finishes it)
        if _past_hard_limit(task, now):
            if lifecycle.fail(task.id, reason=TIME_LIMIT_REASON):
                outcome["failed"].append(task.id)
                metrics.research_finished(depth=task.depth, outcome="timed_out", seconds=_age(task))
        elif _orphaned(task, now):
            _requeue(task)
            outcome["requeued"].append(task.id)
    return outcome


def _past_hard_limit(task: ResearchTask, now: Any) -> bool:
    started = task.started_at or task.created_at
    return bool(now - started > timedelta(seconds=hard_limit_seconds(task.depth)))


def _orphaned(task: ResearchTask, now: Any) -> bool:
    if progress.lease_held(task.id):
        return False
    if task.status == TaskStatus.PROCESSING:
        return True  # its worker died: the lease expired without a terminal status
    # Queued for long with no worker on it: the broker lost the message (e.g. a Redis restart).
    return bool(now - task.created_at > timedelta(seconds=settings.RESEARCH_QUEUED_STALE_SECONDS))


def _requeue(task: ResearchTask) -> None:
    log.warning("research.requeued", task_id=task.id, status=task.status, attempts=task.attempts)
    queue.enqueue(task.id)
