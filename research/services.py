"""Research lifecycle services: submit (pay, store, queue), abort, delete, rerun.

Views call these; the worker side lives in ``research.execution``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import structlog
from django.db import transaction
from django.utils import timezone

from catalogue.depths import resolve_depth
from credits.services import research_charge, research_refund
from research import documents, progress
from research.documents import ABORTED, FAILED, RUNNING, ResearchTask
from research.exceptions import QueueUnavailable, TaskNotFound, TaskNotRunning, TaskStillRunning

log = structlog.get_logger(__name__)
REQUEST_NAMESPACE = uuid.UUID("8f6c3f0e-7d1b-4a4e-9a53-3d1f3b0e2c11")
TITLE_LENGTH = 90


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


def research_submit(
    *,
    user: Any,
    product_idea: str,
    depth: str,
    idempotency_key: str | None = None,
    rerun_of: str | None = None,
) -> Submitted:
    """Charge the depth's credits, store the task and queue it; idempotent per Idempotency-Key."""
    resolved = resolve_depth(depth)
    request_id = request_id_for(user_id=user.pk, idempotency_key=idempotency_key)
    # Charging is idempotent per request id, so a repeated request gets the first answer back.
    charge = research_charge(user=user, request_id=request_id, depth=resolved.name)
    existing = documents.task_get_by_request(owner_id=user.pk, request_id=request_id)
    if existing is not None:
        return Submitted(existing, charge.balance_after, created=False)
    task = ResearchTask(
        id=uuid.uuid4().hex, owner_id=user.pk, request_id=request_id, title=title_from_idea(product_idea),
        product_idea=product_idea, depth=resolved.name, credits_charged=abs(charge.amount), rerun_of=rerun_of,
    )  # fmt: skip
    try:
        task, created = documents.task_insert(task)
    except Exception:
        research_refund(request_id=request_id, reason="task could not be stored")
        raise
    if created:
        transaction.on_commit(lambda: _enqueue(task))
    log.info("research.submitted", task_id=task.id, depth=task.depth, created=created)
    return Submitted(task, charge.balance_after, created=created)


def _enqueue(task: ResearchTask) -> None:
    from research.tasks import process_research

    try:
        process_research.apply_async(args=(task.id,), task_id=f"research-{task.id}-1")
    except Exception as error:
        log.error("research.enqueue_failed", task_id=task.id, error=str(error))
        research_fail(task.id, reason="The research could not be queued. Your credits were refunded.")
        raise QueueUnavailable("The research queue is unavailable; your credits were refunded.") from error


def research_fail(task_id: str, *, reason: str) -> ResearchTask | None:
    """Mark a running task failed with a readable reason, refund it and tell its listeners."""
    task = documents.task_transition(
        task_id, from_statuses=RUNNING, to=FAILED, error=reason, completed_at=timezone.now()
    )
    if task is not None:
        _refund(task, reason=f"research failed: {reason}")
    return task


def research_abort(*, user: Any, task_id: str) -> ResearchTask:
    """Stop the user's queued or processing task: flag it, mark it aborted, refund; no checkpoint follows."""
    task = _owned(user, task_id)
    aborted = task_abort(task.id, reason="Aborted by the user.")
    if aborted is None:
        raise TaskNotRunning(f"The research is already {_owned(user, task_id).status}; it cannot be aborted.")
    return aborted


def task_abort(task_id: str, *, reason: str) -> ResearchTask | None:
    """Abort a running task (any owner), revoke its queued message and refund; None if it was not running."""
    progress.request_abort(task_id)
    aborted = documents.task_transition(
        task_id, from_statuses=RUNNING, to=ABORTED, error=reason, completed_at=timezone.now()
    )
    if aborted is None:
        return None
    from pmfsite.celery import app

    app.control.revoke(f"research-{task_id}-1")
    _refund(aborted, reason=reason.lower().rstrip("."))
    return documents.task_get(task_id) or aborted


def _refund(task: ResearchTask, *, reason: str) -> None:
    research_refund(request_id=task.request_id, reason=reason)
    documents.task_mark_refunded(task.id)
    final = documents.task_get(task.id) or task
    progress.cache_progress(task.id, status=final.status, progress=final.progress, last_checkpoint=None)
    progress.broadcast(
        task.id, {"type": "status", "status": final.status, "error": final.error, "refunded": True}
    )


def research_delete(*, user: Any, task_id: str) -> None:
    """Delete a finished task (a running one must be aborted first)."""
    task = _owned(user, task_id)
    if task.is_running:
        raise TaskStillRunning("The research is still running; abort it before deleting it.")
    documents.tasks_delete(owner_id=user.pk, task_ids=[task.id])


def research_bulk_delete(*, user: Any, task_ids: list[str]) -> tuple[list[str], list[dict[str, str]]]:
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


def research_rerun(*, user: Any, task_id: str, idempotency_key: str | None = None) -> Submitted:
    """A new research with the same idea and depth, charged again and linked to the original."""
    original = _owned(user, task_id)
    return research_submit(
        user=user, product_idea=original.product_idea, depth=original.depth,
        idempotency_key=idempotency_key, rerun_of=original.id,
    )  # fmt: skip


def _owned(user: Any, task_id: str) -> ResearchTask:
    task = documents.task_get(task_id, owner_id=user.pk)
    if task is None:
        raise TaskNotFound()
    return task
