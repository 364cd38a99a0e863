"""The Celery application; tasks are discovered in each app's ``tasks`` module."""

from __future__ import annotations

import os
from typing import Any

import structlog
from celery import Celery
from celery.signals import task_prerun

from pmfsite import broker  # noqa: F401  (the Redis transport that survives a broker restart)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pmfsite.settings.dev")

app = Celery("pmfsite")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
def bind_task_context(task_id: str | None = None, task: Any = None, **_: Any) -> None:
    """Every log line written while a task runs names the task."""
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(task_id=task_id, task=getattr(task, "name", None))


@app.task(name="pmfsite.ping")
def ping(value: str) -> str:
    """Echo a value back: proves a worker is consuming the queue (health checks and tests)."""
    return f"pong:{value}"
