"""Research domain errors: codes only (``infra.api_errors.STATUS_BY_CODE`` maps them to HTTP)."""

from __future__ import annotations

from infra.errors import Conflict, NotFound, Unavailable


class TaskNotFound(NotFound):
    """No such task for this user (or a deleted one: tombstones are hidden)."""

    def __init__(self) -> None:
        super().__init__("Research task not found.")


class TaskNotRunning(Conflict):
    """Abort of a task that already finished."""

    code = "task_not_running"


class TaskStillRunning(Conflict):
    """Delete of a task that is queued or processing."""

    code = "task_still_running"


class ReportNotReady(Conflict):
    """The report of a task that has not completed."""

    code = "report_not_ready"


class IdempotencyKeyReused(Conflict):
    """The idempotency key already belongs to a different request (or to a deleted research)."""

    code = "idempotency_key_reused"


class AlreadyRefunded(Conflict):
    """A refund of a task that was already refunded."""

    code = "already_refunded"


class QueueUnavailable(Unavailable):
    """The task could not be queued (the broker is down); nothing was charged or it was refunded."""

    code = "queue_unavailable"


class StoreUnavailable(Unavailable):
    """MongoDB (tasks) or PostgreSQL (ledger) cannot be reached; nothing was charged or it was refunded."""

    code = "store_unavailable"


class SourceNotFound(NotFound):
    """No such source in this research's report."""

    def __init__(self) -> None:
        super().__init__("Source not found in this report.")


class SourceTextUnavailable(Unavailable):
    """The stored source text could not be read (its store is down)."""

    code = "source_text_unavailable"
