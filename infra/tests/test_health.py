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


OUTSIDER = "203.0.113.9"


@pytest.mark.django_db
def test_the_public_learns_only_ok_or_degraded(client: Client, settings: Any, tmp_path: Path) -> None:
    # given a caller outside METRICS_ALLOWED_IPS, not signed in
    settings.METRICS_ALLOWED_IPS = ["10.0.0.0/8"]
    settings.HEALTH_REQUIRED = ["postgres"]
    healthy = client.get("/health", REMOTE_ADDR=OUTSIDER)
    # when a required dependency fails (an empty offline corpus)
    settings.HEALTH_REQUIRED = ["postgres", "search_provider"]
    settings.CORPUS_DIR = tmp_path
    degraded = client.get("/api/v1/health", REMOTE_ADDR=OUTSIDER)
    # then the status code still tells a load balancer, and the body says nothing more
    assert (healthy.status_code, healthy.json()) == (200, {"status": "ok"})
    assert (degraded.status_code, degraded.json()) == (503, {"status": "degraded"})
    assert str(tmp_path).encode() not in degraded.content


@pytest.mark.django_db
def test_staff_and_allowed_addresses_see_the_details(client: Client, settings: Any, tmp_path: Path) -> None:
    from credits.tests.factories import StaffFactory

    settings.METRICS_ALLOWED_IPS = ["10.0.0.0/8"]
    settings.HEALTH_REQUIRED = ["postgres", "search_provider"]
    settings.CORPUS_DIR = tmp_path
    # when a monitoring host on the allowlist asks, and when staff ask from anywhere
    monitor = client.get("/health", REMOTE_ADDR="10.1.2.3").json()
    client.force_login(StaffFactory(username="charlie"))
    staff = client.get("/health", REMOTE_ADDR=OUTSIDER).json()
    # then both see which dependency failed and why
    for body in (monitor, staff):
        assert (body["status"], body["failing"]) == ("degraded", ["search_provider"])
        assert str(tmp_path) in body["checks"]["search_provider"]["message"]
