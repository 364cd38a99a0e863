"""The status poll's read: the task's snapshot in Redis while it is current, else MongoDB.

A snapshot is the exact detail JSON, stored with the task's generation token read *before* the
MongoDB read; every write (``documents``) sets a new token after writing MongoDB, so a snapshot
that could predate a write is never served. Redis down: MongoDB answers as before.
"""

from __future__ import annotations

from typing import Any

import redis
import structlog

from research import documents, presenters, progress

log = structlog.get_logger(__name__)


def task_detail(task_id: str, *, owner_id: int) -> dict[str, Any] | None:
    """The owner's task as the status poll shows it, or None when it is not theirs or not there."""
    generation: str | None
    try:
        generation, snapshot = progress.status_snapshot(task_id)
    except redis.RedisError as error:
        log.warning("polls.snapshot_unavailable", error=str(error))
        generation, snapshot = None, None
    if snapshot is not None and snapshot.get("owner_id") == owner_id:
        return snapshot["detail"]  # type: ignore[no-any-return]
    task = documents.task_get(task_id, owner_id=owner_id)
    if task is None:
        return None
    detail = presenters.task_detail(task)
    # Writes retire snapshots by task id: a poll by request id (the seed's) is never kept.
    if generation is not None and task.id == task_id:
        try:
            progress.status_snapshot_store(task_id, generation, {"owner_id": task.owner_id, "detail": detail})
        except redis.RedisError as error:
            log.warning("polls.snapshot_not_stored", error=str(error))
    return detail
