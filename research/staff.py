"""Staff operations and reads for the admin's research view."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from credits.models import CreditTransaction
from credits.services import research_refund
from infra.api_errors import DomainError
from research import documents
from research.documents import ResearchTask, TaskFilters
from research.services import task_abort


def tasks_for_staff(
    *, text: str, status: str, depth: str, username: str, page: int, page_size: int
) -> tuple[list[ResearchTask], int]:
    """Tasks across users, filtered like the user list (by owner when a username is given)."""
    owner_ids: list[int] = []
    if username.strip():
        owner_ids = list(
            get_user_model().objects.filter(username__icontains=username.strip()).values_list("pk", flat=True)
        )
        if not owner_ids:
            return [], 0
    filters = TaskFilters(owner_id=0, text=text, statuses=[status] if status in documents.STATUSES else [],
                          depth=depth if depth else "")  # fmt: skip
    return documents.task_list_all(filters, owner_ids=owner_ids, page=page, page_size=page_size)


def ledger_for(task: ResearchTask) -> list[Any]:
    """The ledger rows of the task's request id."""
    return list(CreditTransaction.objects.filter(research_request_id=task.request_id).order_by("timestamp"))


def staff_abort(*, task_id: str) -> str:
    """Abort any user's running task, refund it, and say what happened."""
    if task_abort(task_id, reason="Aborted by staff.") is None:
        return "The task was not running; nothing changed."
    return "Task aborted and refunded."


def staff_refund(*, task_id: str) -> str:
    """Refund a task's charge (idempotent); say what happened."""
    task = documents.task_get(task_id)
    if task is None:
        return "No such task."
    try:
        research_refund(request_id=task.request_id, reason="refunded by staff")
    except DomainError as error:
        return f"Not refunded: {error}"
    documents.task_mark_refunded(task.id)
    return "Refunded (a second refund of the same task never moves credits again)."
