"""Task documents as API/websocket JSON: plain functions on the hot path (the status poll).

They produce exactly what ``TaskSummarySerializer``/``TaskDetailSerializer`` would (a test holds them
equal); the serializers stay as the documented schema.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from research.documents import ResearchTask


def iso(value: datetime | None) -> str | None:
    """DRF's rendering of an aware datetime: ISO 8601 in UTC, ``Z`` for the offset."""
    if value is None:
        return None
    text = value.astimezone(UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def task_summary(task: ResearchTask) -> dict[str, Any]:
    """A task as the list shows it."""
    return {
        "id": task.id,
        "request_id": task.request_id,
        "title": task.title,
        "product_idea": task.product_idea,
        "depth": task.depth,
        "status": task.status,
        "progress": float(task.progress),
        "checkpoints_completed": len(task.checkpoints),
        "created_at": iso(task.created_at),
        "updated_at": iso(task.updated_at),
        "started_at": iso(task.started_at),
        "completed_at": iso(task.completed_at),
        "credits_charged": int(task.credits_charged),
        "refunded": bool(task.refunded),
        "pmf_score": None if task.pmf_score is None else int(task.pmf_score),
        "outcome": task.outcome,
        "error": task.error,
        "rerun_of": task.rerun_of,
    }


def task_detail(task: ResearchTask) -> dict[str, Any]:
    """A task with its checkpoints and cost."""
    checkpoints = [
        {"number": c.number, "key": c.key, "category": c.category, "label": c.label, "at": iso(c.at)}
        for c in task.checkpoints
    ]
    return {
        **task_summary(task),
        "checkpoints": checkpoints,
        "cost": task.cost,
        "sources_count": task.sources_count,
    }
