"""Research tasks live in MongoDB; this unmanaged model only gives them a place in the Django admin."""

from __future__ import annotations

from django.db import models


class ResearchTaskEntry(models.Model):
    """Admin handle for the MongoDB ``research_tasks`` collection (no table is created)."""

    class Meta:
        managed = False
        db_table = "research_task_entry_unused"
        verbose_name = "research task"
        verbose_name_plural = "research tasks"
        default_permissions = ("view", "change")

    def __str__(self) -> str:
        return "research task"
