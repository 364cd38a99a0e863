"""The Celery application; tasks are discovered in each app's ``tasks`` module."""

from __future__ import annotations

import os
import time
from typing import Any

import structlog
from celery import Celery
from celery.signals import before_task_publish, task_prerun

from infra import broker  # noqa: F401  (the Redis transport that survives a broker restart)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pmfsite.settings.dev")

app = Celery("pmfsite")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
ENQUEUED_AT_HEADER = "pmf_enqueued_at"


@before_task_publish.connect
def stamp_enqueue_time(headers: dict[str, Any] | None = None, **_: Any) -> None:
    """Every message carries the time it was sent, for the queue-wait metric."""
    if headers is not None:
        headers[ENQUEUED_AT_HEADER] = time.time()  # a retry is a new wait


@task_prerun.connect
def bind_task_context(task_id: str | None = None, task: Any = None, **_: Any) -> None:
    """Every log line written while a task runs names the task."""
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(task_id=task_id, task=getattr(task, "name", None))
    record_queue_wait(task)


def record_queue_wait(task: Any) -> None:
    """Enqueued → started, for tasks sent through the broker (not eager calls, not ETA/countdown ones)."""
    request = getattr(task, "request", None)
    enqueued_at = getattr(request, ENQUEUED_AT_HEADER, None)
    if request is None or not isinstance(enqueued_at, int | float) or getattr(request, "eta", None):
        return
    from infra import metrics

    metrics.queue_wait(task=task.name, seconds=time.time() - enqueued_at)


@app.task(name="pmfsite.ping")
def ping(value: str) -> str:
    """Echo a value back: proves a worker is consuming the queue (health checks and tests)."""
    return f"pong:{value}"
