"""Factories for research tasks (stored through the repository's document mapping)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from research import documents, search
from research.mongo import research_tasks


def make_task(owner_id: int, **overrides: Any) -> documents.ResearchTask:
    """A task as the service would create it, with sensible defaults."""
    task_id = uuid.uuid4().hex
    fields: dict[str, Any] = {
        "id": task_id, "owner_id": owner_id, "request_id": uuid.uuid4().hex,
        "title": "AI meal planner for busy families", "product_idea": "An AI meal planner for busy families.",
        "depth": "essential", "credits_charged": 6,
    }  # fmt: skip
    fields.update(overrides)
    return documents.ResearchTask(**fields)


def insert_tasks(tasks: list[documents.ResearchTask]) -> None:
    """Insert many tasks at once, their words in the owners' vocabularies (test set-up only)."""
    stored = [documents._to_document(task) for task in tasks]
    research_tasks().insert_many(stored)
    words: dict[int, set[str]] = {}
    for document in stored:
        words.setdefault(document["owner_id"], set()).update(document["search_tokens"])
    for owner_id, owner_words in words.items():
        search.vocabulary_add(owner_id, sorted(owner_words))
    search.entries_store(
        documents._search_entry(document) for document in stored if not document["deleted_at"]
    )


def spaced(start: datetime, index: int) -> datetime:
    """A creation time ``index`` minutes after ``start`` (distinct and ordered)."""
    return start + timedelta(minutes=index)


def now() -> datetime:
    """The current time, truncated to milliseconds as MongoDB stores it."""
    value = timezone.now()
    return value.replace(microsecond=value.microsecond // 1000 * 1000)
