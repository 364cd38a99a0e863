"""A child process for the Sentry test: one failing request and one failing Celery task.

Run as ``python -m infra.tests.sentry_child`` with ``SENTRY_DSN`` pointing at the test's local
endpoint; the settings initialise the SDK exactly as in production. Also the child's URL conf.
"""

from __future__ import annotations

import os

from django.http import HttpRequest, HttpResponse
from django.urls import path

REQUEST_ERROR = "sentry check: request failed"
TASK_ERROR = "sentry check: task failed"


def failing_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(REQUEST_ERROR)


urlpatterns = [path("fail", failing_view)]


def main() -> None:
    """Fail once in a view (through Django's handler) and once in a Celery task, then flush."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pmfsite.settings.test")
    import django

    django.setup()
    import sentry_sdk
    from django.test import Client
    from django.test.utils import override_settings

    from pmfsite.celery import app

    @app.task(name="pmf.sentry_check")
    def failing_task() -> None:
        raise ValueError(TASK_ERROR)

    with override_settings(ROOT_URLCONF="infra.tests.sentry_child", ALLOWED_HOSTS=["testserver"]):
        credentials = f"Api-Key {os.environ.get('SENTRY_CHECK_API_KEY', '')}"  # must not reach Sentry
        response = Client(raise_request_exception=False).get("/fail", HTTP_AUTHORIZATION=credentials)
    app.conf.task_always_eager = True
    result = failing_task.apply_async()
    print(f"status={response.status_code} task={result.state}", flush=True)
    sentry_sdk.flush(timeout=5)


if __name__ == "__main__":
    main()
