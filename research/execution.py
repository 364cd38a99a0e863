"""Worker side of a research: run the graph under a lease, record progress, settle the outcome.

Idempotent: a second delivery of a finished task does nothing; a delivery of an interrupted one
resumes from the graph's PostgreSQL checkpoint. A reaper re-queues tasks whose worker died (lease
expired) and fails-and-refunds tasks past their hard time limit.
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
from agents.checkpoints import BY_KEY, CheckpointEvent
from agents.errors import ResearchCancelled
from catalogue.depths import DEPTHS
from infra import metrics
from research import documents, progress
from research.documents import COMPLETED, PROCESSING, QUEUED, CheckpointRecord, ResearchTask
from research.services import research_fail

log = structlog.get_logger(__name__)
STORE_RETRIES = 5
STORE_OUTAGES = (ConnectionFailure, redis.ConnectionError, redis.TimeoutError)


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
    owner = f"{socket.gethostname()}:{uuid.uuid4().hex[:8]}"
    if not progress.lease_acquire(task.id, owner, settings.RESEARCH_LEASE_SECONDS):
        return "running elsewhere"
    heartbeat = _Heartbeat(task.id, owner)
    heartbeat.start()
    try:
        outcome = _run(task, heartbeat)
    finally:
        heartbeat.stopped.set()
        _best_effort(progress.lease_release, task.id, owner)  # else it expires on its own
    _record_outcome(task, outcome)
    return outcome


def _best_effort(action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a Redis side effect; a Redis outage is logged, never fatal (MongoDB holds the truth)."""
    try:
        return action(*args, **kwargs)
    except (redis.RedisError, OSError) as error:
        log.warning("research.redis_unavailable", action=action.__name__, error=str(error))
        return None


def _record_outcome(task: ResearchTask, outcome: str) -> None:
    """Metrics: the research's duration from submission, once it reached a final state here."""
    final = documents.task_get(task.id)
    if final is None or final.is_running:
        return  # handed over to another worker, or never started
    label = "timed_out" if outcome == "timed out" else final.status
    metrics.research_finished(depth=task.depth, outcome=label, seconds=_age(task))


def _age(task: ResearchTask) -> float:
    return (timezone.now() - task.created_at).total_seconds()


def _run(task: ResearchTask, heartbeat: _Heartbeat) -> str:
    from agents.runner import agent_config, run_research

    documents.task_increment_attempts(task.id)
    started = documents.task_transition(
        task.id, from_statuses=(QUEUED,), to=PROCESSING, started_at=timezone.now()
    )
    if started is None and (documents.task_get(task.id) or task).status != PROCESSING:
        return "no longer running"
    deadline = (task.started_at or timezone.now()) + timedelta(seconds=hard_limit_seconds(task.depth))

    def should_cancel() -> bool:
        if heartbeat.lost or timezone.now() > deadline:
            return True
        return bool(_best_effort(progress.abort_requested, task.id))

    try:
        run_research(
            thread_id=task.id, product_idea=task.product_idea, budget=SearchBudget.of(DEPTHS[task.depth]),
            on_checkpoint=lambda event: record_checkpoint(task.id, event),
            should_cancel=should_cancel, deliver=lambda report: _store_report(task.id, report),
            config=metrics.instrumented(agent_config()),
        )  # fmt: skip
    except ResearchCancelled:
        if timezone.now() > deadline:
            research_fail(
                task.id, reason="The research took longer than its time limit. Credits were refunded."
            )
            return "timed out"
        return "cancelled"
    except STORE_OUTAGES as error:
        # Not the research's fault: leave it processing; the reaper resumes it from its checkpoint.
        log.warning("research.interrupted", task_id=task.id, error=str(error))
        return "interrupted"
    except Exception as error:
        log.exception("research.failed", task_id=task.id)
        research_fail(task.id, reason=_readable(error))
        return "failed"
    return _complete(task.id)


def _readable(error: Exception) -> str:
    message = str(error).strip() or type(error).__name__
    return f"The research failed: {message[:400]}"


def record_checkpoint(task_id: str, event: CheckpointEvent) -> None:
    """Store a checkpoint (once per key), cache the progress, then broadcast it."""
    spec = BY_KEY[event.key]
    record = CheckpointRecord(spec.number, spec.key, spec.category, spec.label, event.at)
    task = _retrying(documents.checkpoint_append, task_id, record)
    if task is None:
        return  # a duplicate after a resume, or the task was aborted or failed meanwhile
    _best_effort(
        progress.cache_progress, task_id, status=task.status, progress=task.progress, last_checkpoint=spec.key
    )
    checkpoint = {"number": spec.number, "key": spec.key, "category": spec.category, "label": spec.label,
                  "at": event.at.isoformat()}  # fmt: skip
    message = {"type": "checkpoint", "checkpoint": checkpoint, "progress": task.progress}
    _best_effort(progress.broadcast, task_id, {**message, "status": task.status})


def _store_report(task_id: str, report: Any) -> None:
    data = report.model_dump(mode="json")
    score = None if report.pmf_score is None else int(report.pmf_score.total)
    _retrying(
        documents.task_update, task_id, only_if_status=(PROCESSING,), report=data,
        pmf_score=score, cost=data["methodology"]["cost"],
        sources_count=int(report.methodology.sources_count),
    )  # fmt: skip


def _complete(task_id: str) -> str:
    task = _retrying(
        documents.task_transition,
        task_id, from_statuses=(PROCESSING,), to=COMPLETED, completed_at=timezone.now(),
    )  # fmt: skip
    if task is None:
        return "finished but no longer running"
    _best_effort(
        progress.cache_progress,
        task_id, status=COMPLETED, progress=task.progress, last_checkpoint="final_report_delivered",
    )  # fmt: skip
    status = {"type": "status", "status": COMPLETED, "error": None, "refunded": False}
    _best_effort(progress.broadcast, task_id, status)
    return COMPLETED


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
        if _past_hard_limit(task, now):
            if research_fail(
                task.id, reason="The research took longer than its time limit. Credits were refunded."
            ):
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
    if task.status == PROCESSING:
        return True  # its worker died: the lease expired without a terminal status
    # Queued for long with no worker on it: the broker lost the message (e.g. a Redis restart).
    return bool(now - task.created_at > timedelta(seconds=settings.RESEARCH_QUEUED_STALE_SECONDS))


def _requeue(task: ResearchTask) -> None:
    from research.tasks import process_research

    log.warning("research.requeued", task_id=task.id, status=task.status, attempts=task.attempts)
    process_research.apply_async(args=(task.id,), task_id=f"research-{task.id}-{uuid.uuid4().hex[:6]}")
