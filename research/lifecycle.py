"""The one owner of a research's life: the only code that changes a task's state.

Transitions: submit, start, checkpoint, deliver, complete, fail, abort, refund, delete. Each is
idempotent (a conditional MongoDB update: repeating it, or racing another process, changes nothing)
and runs its steps in one order:

1. persist  - the task document in MongoDB (the truth every other step follows);
2. settle   - credits in the PostgreSQL ledger (``credits.services``: one charge, at most one refund);
3. cache    - the latest progress in Redis (best effort: a fast read, never the truth);
4. broadcast - one message shape (:func:`message`) to the task's websocket group (best effort).

Submit is the one exception to "persist first, then settle" only in that it persists twice: the
task is written unsettled (``charged`` False, hidden from its owner), then charged, then marked
charged and queued. So a charge always has a task; a charge whose task cannot be marked is refunded
at once, and :func:`settle_pending` (run by the worker's reaper) finishes what an outage interrupted.

An Idempotency-Key is bound to its first request for good: the same key with the same request
answers the original task (even when it was refunded); with another request, or after the task was
deleted (a tombstone), it is refused with ``idempotency_key_reused``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import redis
import structlog
from django.db import DatabaseError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError
from pymongo.errors import ConnectionFailure

from agents.checkpoints import BY_KEY, CheckpointEvent
from catalogue.depths import Depth, UnknownDepth, resolve_depth
from credits.exceptions import InvalidDepth
from credits.services import balance_current, research_charge, research_refund, research_settlement
from research import documents, progress, queue
from research.documents import CheckpointRecord, ResearchTask
from research.exceptions import (
    AlreadyRefunded,
    IdempotencyKeyReused,
    QueueUnavailable,
    StoreUnavailable,
    TaskNotFound,
    TaskNotRunning,
    TaskStillRunning,
)
from research.states import REFUNDED_STATUSES, RUNNING, TERMINAL, ReportOutcome, TaskStatus

log = structlog.get_logger(__name__)
REQUEST_NAMESPACE = uuid.UUID("8f6c3f0e-7d1b-4a4e-9a53-3d1f3b0e2c11")
TITLE_LENGTH = 90
MONGO_DOWN = (ConnectionFailure,)
LEDGER_DOWN = (DatabaseError,)
BROKER_DOWN = (BrokerError, redis.RedisError, OSError)
INSUFFICIENT_REASON = "no retrieved source was relevant"


@dataclass(frozen=True)
class Submitted:
    """The outcome of a submission (a repeated Idempotency-Key returns the first one)."""

    task: ResearchTask
    balance_after: int
    created: bool


def title_from_idea(idea: str) -> str:
    """A short title: the idea's first line or sentence, cut at a word boundary."""
    first = " ".join(idea.strip().split("\n", 1)[0].split())
    sentence = first.split(". ", 1)[0].rstrip(".")
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    return sentence[:TITLE_LENGTH].rsplit(" ", 1)[0] + "…"


def request_id_for(*, user_id: int, idempotency_key: str | None) -> str:
    """A request id: stable per user and Idempotency-Key, random without one."""
    if not idempotency_key:
        return uuid.uuid4().hex
    return uuid.uuid5(REQUEST_NAMESPACE, f"{user_id}:{idempotency_key}").hex


# ------------------------------------------------------------------ one message shape, best effort


def message(task: ResearchTask, kind: str, checkpoint: CheckpointRecord | None = None) -> dict[str, Any]:
    """The one websocket message shape: ``type`` (checkpoint | status) and the task's live fields."""
    body: dict[str, Any] = {
        "type": kind, "status": str(task.status), "progress": task.progress, "error": task.error,
        "refunded": bool(task.refunded), "pmf_score": task.pmf_score, "outcome": task.outcome,
    }  # fmt: skip
    if checkpoint is not None:
        body["checkpoint"] = {
            "number": checkpoint.number, "key": checkpoint.key, "category": checkpoint.category,
            "label": checkpoint.label, "at": checkpoint.at.isoformat(),
        }  # fmt: skip
    return body


def best_effort(action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a Redis side effect; an outage is logged, never fatal (MongoDB holds the truth)."""
    try:
        return action(*args, **kwargs)
    except (redis.RedisError, OSError, BrokerError) as error:
        log.warning("research.redis_unavailable", action=getattr(action, "__name__", "?"), error=str(error))
        return None


def _publish(task: ResearchTask, kind: str, checkpoint: CheckpointRecord | None = None) -> None:
    """Steps 3 and 4: cache the progress, then broadcast the message."""
    last = checkpoint.key if checkpoint else (task.checkpoints[-1].key if task.checkpoints else None)
    best_effort(
        progress.cache_progress,
        task.id,
        status=str(task.status),
        progress=task.progress,
        last_checkpoint=last,
    )
    best_effort(progress.broadcast, task.id, message(task, kind, checkpoint))


# ------------------------------------------------------------------ submit


def submit(
    *,
    user: Any,
    product_idea: str,
    depth: str,
    idempotency_key: str | None = None,
    rerun_of: str | None = None,
) -> Submitted:
    """Write the task, charge the depth's credits, mark it charged and queue it; idempotent per key."""
    chosen = _depth(depth)
    request_id = request_id_for(user_id=user.pk, idempotency_key=idempotency_key)
    fresh = ResearchTask(
        id=uuid.uuid4().hex, owner_id=user.pk, request_id=request_id, title=title_from_idea(product_idea),
        product_idea=product_idea, depth=chosen.name, rerun_of=rerun_of, charged=False,
    )  # fmt: skip
    try:
        task, created = documents.task_insert(fresh)
    except MONGO_DOWN as error:
        raise StoreUnavailable(
            "The task store is unavailable; nothing was charged. Try again shortly."
        ) from error
    if not created:
        _same_request(task, product_idea=product_idea, depth=chosen.name, rerun_of=rerun_of)
        if task.charged:
            return Submitted(task, balance_current(user=user).current_balance, created=False)
    return _charge_and_queue(user, task, chosen, created=created)


def _depth(name: str) -> Depth:
    try:
        return resolve_depth(name)
    except UnknownDepth as error:
        raise InvalidDepth(str(error), depth=name) from None


def _same_request(task: ResearchTask, *, product_idea: str, depth: str, rerun_of: str | None) -> None:
    """A key is bound to its first request for good (a deleted research's key too)."""
    if task.deleted_at is not None:
        raise IdempotencyKeyReused(
            "This Idempotency-Key belongs to a research that was deleted; use a new key.",
            task_id=task.id,
        )
    if (task.product_idea, task.depth, task.rerun_of) != (product_idea, depth, rerun_of):
        raise IdempotencyKeyReused(
            "This Idempotency-Key was used for a different request; use a new key.", task_id=task.id
        )


def _charge_and_queue(user: Any, task: ResearchTask, depth: Depth, *, created: bool) -> Submitted:
    charge, refund = _ledger(research_settlement, task.request_id, task=task)
    if refund is not None:
        # An earlier attempt with this key was charged and compensated: that request is over.
        return Submitted(_settle_compensated(task), balance_current(user=user).current_balance, False)
    if charge is None:
        try:
            charge = research_charge(user=user, request_id=task.request_id, depth=depth.name)
        except LEDGER_DOWN as error:
            _forget_unsettled(task)
            raise StoreUnavailable("The credits ledger is unavailable; nothing was charged.") from error
        except Exception:
            _forget_unsettled(task)  # refused (insufficient credits, request id of another user)
            raise
    try:
        charged = documents.task_mark_charged(task.id, credits_charged=-charge.amount)
    except MONGO_DOWN as error:
        _ledger(
            research_refund, request_id=task.request_id, reason="the research could not be stored", task=task
        )
        raise StoreUnavailable("The task store is unavailable; your credits were refunded.") from error
    if charged is None:  # a concurrent request with the same key marked and queued it
        return Submitted(documents.task_get(task.id) or task, charge.balance_after, created=False)
    task = charged
    try:
        queue.enqueue(task.id)
    except BROKER_DOWN as error:
        log.error("research.enqueue_failed", task_id=task.id, error=str(error))
        fail(task.id, reason="The research could not be queued. Your credits were refunded.")
        raise QueueUnavailable("The research queue is unavailable; your credits were refunded.") from error
    except MONGO_DOWN as error:
        fail(task.id, reason="The research could not be queued. Your credits were refunded.")
        raise StoreUnavailable("The task store is unavailable; your credits were refunded.") from error
    log.info("research.submitted", task_id=task.id, depth=task.depth, created=created)
    return Submitted(task, charge.balance_after, created=True)


def _ledger(action: Callable[..., Any], *args: Any, task: ResearchTask, **kwargs: Any) -> Any:
    try:
        return action(*args, **kwargs)
    except LEDGER_DOWN as error:
        raise StoreUnavailable(
            "The credits ledger is unavailable. Try again shortly.", task_id=task.id
        ) from error


def _forget_unsettled(task: ResearchTask) -> None:
    """Remove a task whose charge did not happen; if MongoDB is down too, settle_pending does it later."""
    try:
        documents.task_remove_uncharged(task.id)
    except MONGO_DOWN as error:
        log.warning("research.unsettled_left", task_id=task.id, error=str(error))


def _settle_compensated(task: ResearchTask) -> ResearchTask:
    """A task whose charge was refunded before it was marked charged: failed and refunded, for good."""
    documents.task_mark_charged(task.id, credits_charged=task.credits_charged or _charged_amount(task))
    failed = documents.task_transition(
        task.id, from_statuses=RUNNING, to=TaskStatus.FAILED, completed_at=timezone.now(),
        error="The research could not be stored. Your credits were refunded.",
    )  # fmt: skip
    documents.task_mark_refunded(task.id)
    return documents.task_get(task.id) or failed or task


def _charged_amount(task: ResearchTask) -> int:
    charge, _ = research_settlement(task.request_id)
    return -charge.amount if charge else 0


# ------------------------------------------------------------------ the worker's transitions


def start(task_id: str) -> ResearchTask | None:
    """Queued → processing (or resume a processing one); None when the task must not run."""
    task = documents.task_get(task_id)
    if task is None or not task.is_running or not task.charged or task.deleted_at is not None:
        return None
    documents.task_increment_attempts(task.id)
    started = documents.task_transition(
        task.id, from_statuses=(TaskStatus.QUEUED,), to=TaskStatus.PROCESSING, started_at=timezone.now()
    )
    if started is not None:
        _publish(started, "status")
        return started
    current = documents.task_get(task.id)
    return current if current is not None and current.status == TaskStatus.PROCESSING else None


def checkpoint(task_id: str, event: CheckpointEvent, *, retrying: Callable[..., Any] | None = None) -> bool:
    """Record a checkpoint once per key, cache and broadcast it; False when the task no longer runs."""
    spec = BY_KEY[event.key]
    record = CheckpointRecord(spec.number, spec.key, spec.category, spec.label, event.at)
    write = retrying or (lambda action, *args: action(*args))
    task = write(documents.checkpoint_append, task_id, record)
    if task is None:
        return False  # a duplicate after a resume, or the task was aborted or failed meanwhile
    _publish(task, "checkpoint", record)
    return True


def deliver(task_id: str, report: dict[str, Any], *, retrying: Callable[..., Any] | None = None) -> bool:
    """Store the delivered report (a dict, as ``Report.model_dump(mode="json")``) on a processing task."""
    outcome = str(report.get("outcome") or ReportOutcome.REPORT)
    score = report.get("pmf_score")
    total = score.get("total") if isinstance(score, dict) else None
    methodology = report.get("methodology") or {}
    fields = {
        "report": report, "outcome": outcome, "cost": methodology.get("cost"),
        "pmf_score": None if outcome == ReportOutcome.INSUFFICIENT_EVIDENCE or total is None else int(total),
        "sources_count": int(methodology.get("sources_count") or 0),
    }  # fmt: skip
    write = retrying or (lambda action, *args, **kwargs: action(*args, **kwargs))
    return bool(write(documents.task_update, task_id, only_if_status=(TaskStatus.PROCESSING,), **fields))


def complete(task_id: str, *, retrying: Callable[..., Any] | None = None) -> ResearchTask | None:
    """Processing → completed, or → insufficient_evidence (refunded in full) when the report says so."""
    write = retrying or (lambda action, *args, **kwargs: action(*args, **kwargs))
    current = write(documents.task_get, task_id)
    if current is None or current.status != TaskStatus.PROCESSING:
        return None
    if current.outcome == ReportOutcome.INSUFFICIENT_EVIDENCE:
        why = str((current.report or {}).get("outcome_reason") or INSUFFICIENT_REASON)
        task = write(
            documents.task_transition, task_id, from_statuses=(TaskStatus.PROCESSING,),
            to=TaskStatus.INSUFFICIENT_EVIDENCE, completed_at=timezone.now(), pmf_score=None,
        )  # fmt: skip
        if task is not None:
            task = _refund(task, reason=f"insufficient evidence: {why}")
            _publish(task, "status")
        return task  # type: ignore[no-any-return]
    task = write(
        documents.task_transition, task_id, from_statuses=(TaskStatus.PROCESSING,),
        to=TaskStatus.COMPLETED, completed_at=timezone.now(),
    )  # fmt: skip
    if task is not None:
        _publish(task, "status")
    return task  # type: ignore[no-any-return]


def fail(task_id: str, *, reason: str) -> ResearchTask | None:
    """A running task → failed with a readable reason, refunded; None if it was not running."""
    task = documents.task_transition(
        task_id, from_statuses=RUNNING, to=TaskStatus.FAILED, error=reason, completed_at=timezone.now()
    )
    if task is None:
        return None
    task = _refund(task, reason=f"research failed: {reason}")
    _publish(task, "status")
    return task


def abort(task_id: str, *, reason: str, actor: Any = None, ledger_reason: str = "") -> ResearchTask | None:
    """A running task → aborted, refunded, its messages revoked; None if it was not running.

    ``reason`` is shown to the owner; ``ledger_reason`` (default: the same) goes on the refund row.
    The aborted status in MongoDB is the abort: the worker checks it at every checkpoint and before
    it starts, so it holds with Redis down. The Redis flag and the revoke only make it faster.
    """
    task = documents.task_transition(
        task_id, from_statuses=RUNNING, to=TaskStatus.ABORTED, error=reason, completed_at=timezone.now()
    )
    if task is None:
        return None
    task = _refund(task, reason=ledger_reason or reason.lower().rstrip("."), actor=actor)
    if best_effort(progress.request_abort, task.id):
        best_effort(queue.revoke, task)  # the broker is the same Redis: no revoke while it is down
    _publish(task, "status")
    return task


def refund(task_id: str, *, reason: str, actor: Any = None) -> ResearchTask:
    """Staff refund of a finished task's charge, once; the ledger row names the actor and the reason."""
    task = documents.task_get(task_id)
    if task is None:
        raise TaskNotFound()
    if task.is_running:
        raise TaskStillRunning("The research is still running; abort it instead (that refunds it).")
    if task.refunded or not task.charged:
        raise AlreadyRefunded("This research was already refunded.", task_id=task.id)
    task = _refund(task, reason=reason, actor=actor)
    _publish(task, "status")
    return task


def _refund(task: ResearchTask, *, reason: str, actor: Any = None) -> ResearchTask:
    """Step 2 for a refund: the ledger row (idempotent), then the task says so."""
    try:
        research_refund(request_id=task.request_id, reason=reason, actor=actor)
    except LEDGER_DOWN as error:
        # The status is persisted; settle_pending refunds it once the ledger is back.
        log.error("research.refund_deferred", task_id=task.id, error=str(error))
        return task
    documents.task_mark_refunded(task.id)
    return documents.task_get(task.id) or task


# ------------------------------------------------------------------ the owner's actions


def owned(user: Any, task_id: str) -> ResearchTask:
    """The user's visible task, or TaskNotFound."""
    task = documents.task_get(task_id, owner_id=user.pk)
    if task is None:
        raise TaskNotFound()
    return task


def abort_owned(*, user: Any, task_id: str) -> ResearchTask:
    """The owner stops a queued or processing task (refunded); a finished one is a 409."""
    task = owned(user, task_id)
    aborted = abort(task.id, reason="Aborted by the user.")
    if aborted is None:
        raise TaskNotRunning(f"The research is already {owned(user, task_id).status}; it cannot be aborted.")
    return aborted


def delete(*, user: Any, task_id: str) -> None:
    """Delete a finished task: a tombstone the owner never sees again (its key stays bound)."""
    task = owned(user, task_id)
    if task.is_running:
        raise TaskStillRunning("The research is still running; abort it before deleting it.")
    documents.tasks_delete(owner_id=user.pk, task_ids=[task.id])


def bulk_delete(*, user: Any, task_ids: list[str]) -> tuple[list[str], list[dict[str, str]]]:
    """Delete the user's finished tasks among ``task_ids``; report the others with a reason."""
    deleted = documents.tasks_delete(owner_id=user.pk, task_ids=task_ids)
    skipped = []
    for task_id in task_ids:
        if task_id in deleted:
            continue
        task = documents.task_get(task_id, owner_id=user.pk)
        reason = "not found" if task is None else "still running; abort it first"
        skipped.append({"id": task_id, "reason": reason})
    return deleted, skipped


def rerun(
    *,
    user: Any,
    task_id: str,
    idempotency_key: str | None = None,
    product_idea: str | None = None,
    depth: str | None = None,
) -> Submitted:
    """A new research linked to the original, charged again: its idea and depth unless edited."""
    original = owned(user, task_id)
    return submit(
        user=user, product_idea=product_idea or original.product_idea, depth=depth or original.depth,
        idempotency_key=idempotency_key, rerun_of=original.id,
    )  # fmt: skip


# ------------------------------------------------------------------ finishing what an outage cut short


def settle_pending(*, older_than_seconds: float = 60) -> dict[str, list[str]]:
    """Finish interrupted settlements: unsettled tasks, and final tasks whose refund did not happen.

    An unsettled task (written, never marked charged) is marked charged and failed-and-refunded when
    the ledger has its charge, and removed when it has none. A failed, aborted or insufficient-evidence
    task without its refund is refunded. Run by the worker's reaper; idempotent.
    """
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    done: dict[str, list[str]] = {"removed": [], "refunded": []}
    for task in documents.tasks_unsettled(changed_before=cutoff):
        if not task.charged:
            charge, _ = research_settlement(task.request_id)
            if charge is None:
                if documents.task_remove_uncharged(task.id):
                    done["removed"].append(task.id)
                continue
            documents.task_mark_charged(task.id, credits_charged=-charge.amount)
            fail(task.id, reason="The research could not be started. Your credits were refunded.")
            done["refunded"].append(task.id)
        elif task.status in REFUNDED_STATUSES and not task.refunded:
            reason = f"research {task.status}: {task.error or 'settled later'}"
            _refund(task, reason=reason)
            done["refunded"].append(task.id)
    return done


def staff_actions(task: ResearchTask) -> list[str]:
    """What staff may do to a task now: abort a running one, refund a finished charged one once."""
    if task.is_running:
        return ["abort"]
    if task.status in TERMINAL and task.charged and not task.refunded:
        return ["refund"]
    return []
