"""A research's statuses and report outcomes: str enums, one definition for documents, API and schema.

Django-free. The OpenAPI schema names them ``TaskStatus`` and ``ReportOutcome`` (drf-spectacular's
``ENUM_NAME_OVERRIDES``), and the web app generates its types from that schema.
"""

from __future__ import annotations

from enum import StrEnum


class TaskStatus(StrEnum):
    """Where a research is in its life; everything but queued and processing is final."""

    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"  # a report without a score; refunded in full
    FAILED = "failed"
    ABORTED = "aborted"


class ReportOutcome(StrEnum):
    """What the delivered report is (contract 2): a scored report, or too little evidence to score."""

    REPORT = "report"
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"


RUNNING: tuple[str, ...] = (TaskStatus.QUEUED.value, TaskStatus.PROCESSING.value)
TERMINAL: tuple[str, ...] = (
    TaskStatus.COMPLETED, TaskStatus.INSUFFICIENT_EVIDENCE, TaskStatus.FAILED, TaskStatus.ABORTED,
)  # fmt: skip
# Final statuses that always come with a full refund (the research was not delivered as paid for).
REFUNDED_STATUSES: tuple[str, ...] = (
    TaskStatus.INSUFFICIENT_EVIDENCE, TaskStatus.FAILED, TaskStatus.ABORTED,
)  # fmt: skip
# Final statuses with a stored report.
REPORTED: tuple[str, ...] = (TaskStatus.COMPLETED, TaskStatus.INSUFFICIENT_EVIDENCE)


def task_status_values() -> list[str]:
    """The statuses as plain values (serializer choices; the schema's ``TaskStatus`` enum)."""
    return [status.value for status in TaskStatus]


def report_outcome_values() -> list[str]:
    """The outcomes as plain values (serializer choices; the schema's ``ReportOutcome`` enum)."""
    return [outcome.value for outcome in ReportOutcome]
