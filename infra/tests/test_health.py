"""GET /health: one entry per dependency, 200 when the required ones are ok, 503 naming the failing one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from infra import embedded

pytestmark = pytest.mark.integration


@pytest.mark.django_db
def test_health_lists_every_dependency_with_latency(client: Client, settings: Any) -> None:
    settings.HEALTH_REQUIRED = ["postgres", "mongodb", "redis"]
    response = client.get("/health")
    body = response.json()
    assert response.status_code == 200, body
    assert set(body["checks"]) == {
        "postgres",
        "mongodb",
        "redis",
        "celery",
        "search_provider",
        "llm_provider",
    }
    for name in ("postgres", "mongodb", "redis"):
        assert body["checks"][name]["status"] == "ok" and body["checks"][name]["required"] is True
        assert body["checks"][name]["latency_ms"] >= 0
    assert body["checks"]["llm_provider"]["message"] == "extractive analyst (offline)"
    assert body["time"].endswith("+00:00")


@pytest.mark.django_db
@pytest.mark.slow
def test_health_is_503_naming_celery_when_no_worker_listens(
    client: Client, settings: Any, engine_dir: Path
) -> None:
    from pmfsite.celery import app

    # given a broker of this test's own, which no worker consumes
    url, _ = embedded.redis_up(engine_dir)
    settings.HEALTH_REQUIRED = ["postgres", "celery"]
    original = app.conf.broker_url
    app.conf.broker_url = "redis+socket://" + url.removeprefix("unix://")
    try:
        response = client.get("/health")
    finally:
        app.conf.broker_url = original
    # then health is 503 and names the missing workers
    assert response.status_code == 503
    assert response.json()["failing"] == ["celery"]
    assert response.json()["checks"]["celery"]["message"] == "RuntimeError: no Celery worker answered"


@pytest.mark.django_db
@pytest.mark.slow
def test_health_goes_503_when_mongodb_stops_and_200_when_it_is_back(
    client: Client, settings: Any, engine_dir: Path
) -> None:
    tmp_path = engine_dir
    # given a MongoDB server of this test's own
    settings.HEALTH_REQUIRED = ["postgres", "mongodb", "redis"]
    uri, _ = embedded.mongo_up(tmp_path)
    settings.MONGODB_URI = uri
    try:
        assert client.get("/health").status_code == 200
        # when it stops
        embedded.mongo_down(tmp_path)
        stopped = client.get("/health")
        # then health is 503 and names mongodb
        assert stopped.status_code == 503
        assert stopped.json()["failing"] == ["mongodb"]
        assert stopped.json()["checks"]["mongodb"]["status"] == "error"
        # when it is back (same data folder and port), health is 200 again
        assert embedded.mongo_up(tmp_path)[0] == uri
        assert client.get("/health").status_code == 200
    finally:
        embedded.mongo_down(tmp_path)
