"""Staff operations and reads for the admin's research view."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from credits.models import CreditTransaction
from infra.errors import DomainError
from research import documents, lifecycle
from research.documents import ResearchTask, TaskFilters


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
    rows = CreditTransaction.objects.filter(research_request_id=task.request_id).select_related("actor")
    return list(rows.order_by("timestamp"))


class ReasonForm(forms.Form):
    """The reason staff must give for an abort or a refund (it goes on the ledger row)."""

    reason = forms.CharField(max_length=500, strip=True, widget=forms.Textarea(attrs={"rows": 3}))


def staff_abort(*, task_id: str, reason: str, actor: Any) -> str:
    """Abort any user's running task and refund it, with the staff member's reason; say what happened."""
    aborted = lifecycle.abort(
        task_id, reason="Aborted by staff.", actor=actor, ledger_reason=f"aborted by staff: {reason}"
    )
    if aborted is None:
        return "The task was not running; nothing changed."
    return "Task aborted and refunded."


def staff_refund(*, task_id: str, reason: str, actor: Any) -> str:
    """Refund a finished task's charge once, with the staff member's reason; say what happened."""
    try:
        lifecycle.refund(task_id, reason=f"refunded by staff: {reason}", actor=actor)
    except DomainError as error:
        return f"Not refunded: {error.message}"
    return "Refunded."
