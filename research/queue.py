"""The research queue: the one place that sends and revokes Celery messages for a research.

Every message of a task has a deterministic id, ``research-{task_id}-{n}``, where ``n`` counts the
messages sent for it (stored on the task). Revoking a task revokes all of them, so a message that the
reaper re-queued is revoked too. The task itself is sent by name, so this module imports neither
``research.tasks`` nor the worker code (no import cycle).
"""

from __future__ import annotations

import structlog
from celery import current_app

from research import documents

log = structlog.get_logger(__name__)
PROCESS_TASK = "research.process"


def message_id(task_id: str, dispatch: int) -> str:
    """The Celery task id of the ``dispatch``-th message of a research (1-based)."""
    return f"research-{task_id}-{dispatch}"


def enqueue(task_id: str) -> str:
    """Send one more message that runs the research; its id. Raises the broker's error when it is down."""
    dispatch = documents.task_next_dispatch(task_id)
    sent_id = message_id(task_id, dispatch)
    current_app.send_task(PROCESS_TASK, args=(task_id,), task_id=sent_id)
    log.info("research.enqueued", task_id=task_id, message_id=sent_id)
    return sent_id


def revoke(task: documents.ResearchTask) -> list[str]:
    """Revoke every message ever sent for the task (a worker that already runs it sees the status)."""
    ids = [message_id(task.id, dispatch) for dispatch in range(1, max(task.dispatches, 1) + 1)]
    current_app.control.revoke(ids)
    return ids
