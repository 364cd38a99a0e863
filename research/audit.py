"""The audit that reconciles money with work: every balance with its ledger, every charge with a task.

Checks, each a :class:`Discrepancy` when it fails:

- ``balance_mismatch``: a balance differs from the sum of its ledger rows;
- ``charge_without_task``: a research charge with neither a task (live or tombstoned) nor a refund;
- ``ran_uncharged``: a task marked charged (or one that started) with no charge row;
- ``charge_unsettled``: a charge whose task was never marked charged nor refunded;
- ``amount_mismatch``: a task's ``credits_charged`` differs from its charge row;
- ``refund_missing``: a task that says refunded, or ended failed / aborted / insufficient_evidence,
  without its refund row (the ledger allows at most one per request id, so "exactly one" holds);
- ``refund_not_recorded``: a refund row whose task does not say refunded.

Tasks changed within ``grace_seconds`` are skipped (a transition between its persist and settle
steps). Runs in ``make test`` (the fault tests), as ``manage.py credits audit``, on an admin page and
in the worker's reaper, which records the count as the ``pmf_credits_audit_discrepancies`` gauge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import structlog
from django.utils import timezone

from credits.models import CreditTransaction, TransactionKind
from credits.selectors import audit_mismatches
from infra import metrics
from research import documents
from research.states import REFUNDED_STATUSES, TaskStatus

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class Discrepancy:
    """One place where money and work disagree."""

    kind: str
    request_id: str
    task_id: str | None
    detail: str

    def __str__(self) -> str:
        if self.kind == "balance_mismatch":
            return f"MISMATCH {self.detail}"
        return f"DISCREPANCY {self.kind} request={self.request_id} task={self.task_id or '-'}: {self.detail}"


def reconcile(*, grace_seconds: float = 0) -> list[Discrepancy]:
    """Every discrepancy between balances, ledger rows and tasks (empty when all reconcile)."""
    found = [
        Discrepancy(
            "balance_mismatch", "", None,
            f"{m.username} {m.month_year} balance={m.current_balance} ledger={m.ledger_sum} "
            f"(id {m.balance_id})",
        )
        for m in audit_mismatches()
    ]  # fmt: skip
    rows = CreditTransaction.objects.filter(
        kind__in=[TransactionKind.RESEARCH_CHARGE, TransactionKind.REFUND]
    )
    charges: dict[str, CreditTransaction] = {}
    refunds: dict[str, CreditTransaction] = {}
    for row in rows.only("research_request_id", "kind", "amount"):
        (charges if row.kind == TransactionKind.RESEARCH_CHARGE else refunds)[row.research_request_id] = row
    tasks = {task.request_id: task for task in documents.tasks_for_audit()}
    for request_id, charge in charges.items():
        if request_id not in tasks and request_id not in refunds:
            found.append(Discrepancy("charge_without_task", request_id, None,
                                     f"charged {-charge.amount} credits; no task and no refund"))  # fmt: skip
    cutoff = timezone.now() - timedelta(seconds=grace_seconds)
    for request_id, task in tasks.items():
        if grace_seconds and task.updated_at > cutoff:
            continue
        found += _task_discrepancies(task, charges.get(request_id), refunds.get(request_id))
    return found


def _task_discrepancies(
    task: documents.ResearchTask, charge: CreditTransaction | None, refund: CreditTransaction | None
) -> list[Discrepancy]:
    found: list[Discrepancy] = []

    def add(kind: str, detail: str) -> None:
        found.append(Discrepancy(kind, task.request_id, task.id, detail))

    started = task.started_at is not None or task.attempts > 0 or task.status != TaskStatus.QUEUED
    if charge is None and (task.charged or started):
        add("ran_uncharged", f"task is {task.status} with no charge row")
    if charge is not None and task.charged and task.credits_charged != -charge.amount:
        add("amount_mismatch", f"task says {task.credits_charged} credits, ledger {-charge.amount}")
    if charge is not None and refund is None and not task.charged:
        add("charge_unsettled", "charged, but the task was never marked charged (submit interrupted)")
    if refund is None and (task.refunded or (task.charged and task.status in REFUNDED_STATUSES)):
        add("refund_missing", f"task is {task.status} (refunded={task.refunded}) with no refund row")
    if refund is not None and task.charged and not task.refunded:
        add(
            "refund_not_recorded",
            f"refund row of {refund.amount} credits; task is {task.status}, not refunded",
        )
    return found


def run_and_record(*, grace_seconds: float) -> list[Discrepancy]:
    """Reconcile, log every discrepancy and record their number as a metric."""
    found = reconcile(grace_seconds=grace_seconds)
    for discrepancy in found:
        log.error("credits.audit_discrepancy", kind=discrepancy.kind, request_id=discrepancy.request_id,
                  task_id=discrepancy.task_id, detail=discrepancy.detail)  # fmt: skip
    metrics.gauge_set(metrics.CREDITS_AUDIT_DISCREPANCIES, float(len(found)))
    return found
