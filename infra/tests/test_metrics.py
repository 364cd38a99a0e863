"""``/metrics``: who may read it, what it reports, and that recording never fails a caller."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import redis
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from credits.services import research_charge, research_refund
from credits.tests.factories import UserFactory
from infra import metrics

QUEUE = "test-metrics-queue"


@pytest.fixture
def clean_metrics(redis_client: redis.Redis, settings: Any) -> Iterator[redis.Redis]:
    """No metric left by earlier tests; the queue gauge reads a queue private to the test."""
    settings.CELERY_TASK_DEFAULT_QUEUE = QUEUE
    metrics.flush()  # observations earlier tests left in this process go out before the slate is wiped
    for key in redis_client.scan_iter(f"{settings.REDIS_KEY_PREFIX}:metrics:*"):
        redis_client.delete(key)
    metrics.reset_client()
    yield redis_client
    redis_client.delete(QUEUE)
    metrics.reset_client()


Sample = tuple[str, tuple[tuple[str, str], ...]]


def key(name: str, **labels: str) -> Sample:
    """A sample's key in ``scrape``'s answer."""
    return name, tuple(sorted(labels.items()))


def scrape(client: Client, **extra: str) -> dict[Sample, float]:
    """GET /metrics and return every sample as {(name, sorted labels): value}."""
    response = client.get("/metrics", **extra)  # type: ignore[arg-type]
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    families = text_string_to_metric_families(response.content.decode())
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in families
        for sample in family.samples
    }


def test_loopback_reads_research_durations_by_depth_and_outcome(db: None, clean_metrics: Any) -> None:
    # given two essential researches that completed in 12 s and 50 s, and a deep one that failed
    metrics.research_finished(depth="essential", outcome="completed", seconds=12.0)
    metrics.research_finished(depth="essential", outcome="completed", seconds=50.0)
    metrics.research_finished(depth="deep", outcome="failed", seconds=7.5)
    # when Prometheus scrapes from 127.0.0.1
    samples = scrape(Client(REMOTE_ADDR="127.0.0.1"))
    # then each depth and outcome has its own cumulative buckets, count and sum
    essential = {"depth": "essential", "outcome": "completed"}
    assert samples[key("pmf_research_duration_seconds_bucket", le="10.0", **essential)] == 0
    assert samples[key("pmf_research_duration_seconds_bucket", le="20.0", **essential)] == 1
    assert samples[key("pmf_research_duration_seconds_bucket", le="60.0", **essential)] == 2
    assert samples[key("pmf_research_duration_seconds_bucket", le="+Inf", **essential)] == 2
    assert samples[key("pmf_research_duration_seconds_count", **essential)] == 2
    assert samples[key("pmf_research_duration_seconds_sum", **essential)] == 62.0
    assert samples[key("pmf_research_duration_seconds_count", depth="deep", outcome="failed")] == 1


def test_provider_calls_are_timed_and_failures_counted(db: None, clean_metrics: Any) -> None:
    # given one search that succeeds and one that fails after its retries
    with metrics.provider_call("tavily", "search"):
        pass
    with pytest.raises(RuntimeError), metrics.provider_call("tavily", "search"):
        raise RuntimeError("503 after 4 attempts")
    # when scraped
    samples = scrape(Client(REMOTE_ADDR="127.0.0.1"))
    # then both calls are timed and one error is counted
    labels = {"provider": "tavily", "operation": "search"}
    assert samples[key("pmf_provider_request_duration_seconds_count", **labels)] == 2
    assert samples[key("pmf_provider_errors_total", **labels)] == 1


def test_requests_are_timed_by_route_pattern_and_status(db: None, clean_metrics: Any) -> None:
    # given alice asks for two different tasks that do not exist, and for the depths without a key
    from research.tests.conftest import key_client

    alice_api = key_client(UserFactory(username="alice"))
    assert alice_api.get("/api/v1/research/tasks/0123456789abcdef").status_code == 404
    assert alice_api.get("/api/v1/research/tasks/fedcba9876543210").status_code == 404
    assert Client().get("/api/v1/research/depths").status_code == 401
    # when scraped
    samples = scrape(Client(REMOTE_ADDR="127.0.0.1"))
    # then both lookups count under the one route pattern (never the raw path), each status apart
    task_route = {"method": "GET", "route": "api/v1/research/tasks/<str:task_id>", "status": "404"}
    assert samples[key("pmf_http_request_duration_seconds_count", **task_route)] == 2
    assert samples[key("pmf_http_request_duration_seconds_bucket", le="+Inf", **task_route)] == 2
    assert samples[key("pmf_http_request_duration_seconds_sum", **task_route)] > 0
    depths = {"method": "GET", "route": "api/v1/research/depths", "status": "401"}
    assert samples[key("pmf_http_request_duration_seconds_count", **depths)] == 1
    routes = {dict(labels).get("route") for name, labels in samples if name.startswith("pmf_http")}
    assert not any("0123456789abcdef" in str(route) for route in routes)


def test_credits_come_from_the_ledger_and_queue_length_from_the_broker(db: None, clean_metrics: Any) -> None:
    # given alice paid for a standard research (12) and an essential one (6) that was refunded
    alice = UserFactory(username="alice")
    research_charge(user=alice, request_id="metrics-1", depth="standard")
    research_charge(user=alice, request_id="metrics-2", depth="essential")
    research_refund(request_id="metrics-2", reason="failed")
    # and two research messages wait in the queue
    clean_metrics.lpush(QUEUE, "message-1", "message-2")
    # when scraped
    samples = scrape(Client(REMOTE_ADDR="127.0.0.1"))
    # then
    assert samples[key("pmf_credits_charged_total")] == 18
    assert samples[key("pmf_credits_refunded_total")] == 6
    assert samples[key("pmf_queue_length", queue=QUEUE)] == 2


def test_other_addresses_are_refused_unless_staff(db: None, clean_metrics: Any, settings: Any) -> None:
    # given only the monitoring network is allowed
    settings.METRICS_ALLOWED_IPS = ["10.1.0.0/16"]
    bob = UserFactory(username="bob")
    staff = UserFactory(username="carol", is_staff=True)
    # when an outsider, a signed-in customer, a signed-in staff user and the monitoring host ask
    outsider = Client(REMOTE_ADDR="192.0.2.7").get("/metrics")
    customer = Client(REMOTE_ADDR="192.0.2.7")
    customer.force_login(bob)
    staff_client = Client(REMOTE_ADDR="192.0.2.7")
    staff_client.force_login(staff)
    monitor = Client(REMOTE_ADDR="10.1.4.2").get("/metrics")
    # then only staff and the allowed network read the metrics
    assert (outsider.status_code, customer.get("/metrics").status_code) == (403, 403)
    assert (staff_client.get("/metrics").status_code, monitor.status_code) == (200, 200)
    assert b"pmf_" not in outsider.content


def test_a_request_forwarded_by_an_untrusted_proxy_is_refused(
    db: None, clean_metrics: Any, settings: Any
) -> None:
    # given a reverse proxy on 127.0.0.1 that is not in TRUSTED_PROXIES
    settings.TRUSTED_PROXIES = []
    settings.METRICS_ALLOWED_IPS = ["127.0.0.1"]
    # when a request it forwarded arrives
    response = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9").get("/metrics")
    # then the proxy's loopback address does not open the metrics
    assert response.status_code == 403


def test_recording_with_redis_down_does_not_fail_the_caller(db: None, settings: Any) -> None:
    # given Redis is unreachable
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    metrics.reset_client()
    finished = []
    try:
        # when a worker records a provider call and an outcome
        with metrics.provider_call("openai", "llm_report"):
            finished.append("call")
        metrics.research_finished(depth="essential", outcome="completed", seconds=3.0)
        finished.append("outcome")
    finally:
        metrics.reset_client()
    # then both went on as if metrics were fine
    assert finished == ["call", "outcome"]


@pytest.mark.integration
def test_a_real_worker_records_what_the_web_process_reports(
    transactional_db: None, request: pytest.FixtureRequest, clean_metrics: Any
) -> None:
    # given a worker process whose searches go to the fake Tavily
    from conftest import WorkerProcess, private_queue, wait_until
    from fakes.tavily import FakeTavily
    from research import documents
    from research.tests.conftest import key_client

    alice = UserFactory(username="alice")
    with FakeTavily() as tavily:
        worker = WorkerProcess(private_queue(request), TAVILY_API_KEY=tavily.api_key,
                               TAVILY_API_BASE_URL=tavily.url)  # fmt: skip
        try:
            # when alice's essential research runs to the end
            response = key_client(alice).post(
                "/api/v1/research/submit", {"product_idea": "A meal planner for busy families"}, format="json"
            )
            task_id = response.json()["task_id"]
            wait_until(lambda: documents.task_get(task_id).status == "completed", timeout=90, what="done")
            wait_until(lambda: not worker_busy(task_id), timeout=30, what="outcome recorded")
        finally:
            worker.stop()
    # then this (web) process reports what the worker process recorded
    samples = scrape(Client(REMOTE_ADDR="127.0.0.1"))
    assert samples[key("pmf_research_duration_seconds_count", depth="essential", outcome="completed")] == 1
    assert (
        samples[key("pmf_provider_request_duration_seconds_count", provider="tavily", operation="search")]
        == 3
    )
    assert (
        samples[key("pmf_provider_request_duration_seconds_count", provider="tavily", operation="extract")]
        == 3
    )
    assert samples[key("pmf_credits_charged_total")] == 6
    # and the worker timed how long the research waited in the queue before it started
    assert samples[key("pmf_queue_wait_seconds_count", task="research.process")] >= 1
    assert samples[key("pmf_queue_wait_seconds_bucket", le="+Inf", task="research.process")] >= 1


def worker_busy(task_id: str) -> bool:
    """True until the worker released the task's lease (it records the outcome just after)."""
    from research import progress

    return progress.lease_held(task_id)
