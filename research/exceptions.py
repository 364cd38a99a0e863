"""Research domain errors (mapped to API responses in pmfsite.exceptions)."""

from __future__ import annotations

from rest_framework import status

from pmfsite.exceptions import Conflict, DomainError, NotFound


class TaskNotFound(NotFound):
    """No such task for this user."""

    def __init__(self) -> None:
        super().__init__("Research task not found.")


class TaskNotRunning(Conflict):
    """Abort of a task that already finished."""


class TaskStillRunning(Conflict):
    """Delete of a task that is queued or processing."""


class ReportNotReady(Conflict):
    """The report of a task that has not completed."""


class QueueUnavailable(DomainError):
    """The task could not be queued; it was marked failed and refunded."""

    code = "queue_unavailable"
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE


class SourceNotFound(NotFound):
    """No such source in this research's report."""

    def __init__(self) -> None:
        super().__init__("Source not found in this report.")


class SourceTextUnavailable(DomainError):
    """The stored source text could not be read (its store is down)."""

    code = "source_text_unavailable"
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
