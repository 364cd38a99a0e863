"""Faults during a running research: every research ends completed, or failed and refunded, and the
ledger audit passes. Real worker processes, the fake providers with small latencies, and private
Redis / MongoDB servers for the restarts (the suite's shared engines are never stopped).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis

from conftest import ServerProcess, WorkerProcess, private_queue, wait_until
from credits.keys import api_key_create
from credits.models import CreditTransaction
from credits.selectors import audit_mismatches
from fakes.openai import COMPLETIONS, FakeOpenAI
from fakes.tavily import FakeTavily
from infra import embedded
from research import documents, mongo
from research.tests.conftest import key_client

pytestmark = [pytest.mark.integration, pytest.mark.slow]
IDEA = "An AI meal planning app for busy families that turns the week's dinners into a grocery list."
CHARGED = [("research_charge", -6)]
REFUNDED = [("research_charge", -6), ("refund", 6)]
RECOVERY = {
    "RESEARCH_LEASE_SECONDS": "3", "RESEARCH_REQUEUE_AFTER_SECONDS": "1",
    "RESEARCH_REAPER_INTERVAL_SECONDS": "1", "PROVIDER_TIMEOUT_SECONDS": "2", "MONGODB_TIMEOUT_MS": "3000",
}  # fmt: skip


@pytest.fixture
def providers() -> Iterator[tuple[FakeTavily, FakeOpenAI]]:
    """Fake Tavily and OpenAI servers; a research takes a few seconds."""
    with FakeTavily() as tavily, FakeOpenAI() as llm:
        tavily.set_latency("/search", 1.5)
        tavily.set_latency("/extract", 0.5)
        llm.set_latency(COMPLETIONS, FakeOpenAI.token_latency(0.2, 20000))  # well inside the 2 s timeout
        yield tavily, llm


def worker_env(tavily: FakeTavily, llm: FakeOpenAI, **extra: str) -> dict[str, str]:
    return {
        "TAVILY_API_KEY": tavily.api_key, "TAVILY_API_BASE_URL": tavily.url,
        "OPENAI_API_KEY": llm.api_key, "OPENAI_BASE_URL": llm.url + "/v1", **RECOVERY, **extra,
    }  # fmt: skip


def submit(client: Any) -> str:
    """Submit through the API in this process (an APIClient) or over HTTP (an httpx client)."""
    body = {"product_idea": IDEA}
    if isinstance(client, httpx.Client):
        response = client.post("/api/v1/research/submit", json=body)
    else:
        response = client.post("/api/v1/research/submit", body, format="json")
    assert response.status_code == 202, response.content
    return str(response.json()["task_id"])


def keys(task_id: str) -> list[str]:
    task = documents.task_get(task_id)
    return [checkpoint.key for checkpoint in task.checkpoints] if task else []


def finished(task_id: str, timeout: float = 90) -> documents.ResearchTask:
    """The task once it reached a final state (fails the test if it stays queued or processing)."""
    return wait_until(lambda: _final(task_id), timeout=timeout, what=f"task {task_id} to finish")  # type: ignore[no-any-return]


def _final(task_id: str) -> documents.ResearchTask | None:
    # A failed task is marked failed first and refunded just after: wait for both.
    task = documents.task_get(task_id)
    if task is None or task.is_running or (task.status != "completed" and not task.refunded):
        return None
    return task


def ledger(task: documents.ResearchTask) -> list[tuple[str, int]]:
    rows = CreditTransaction.objects.filter(research_request_id=task.request_id).order_by("timestamp")
    return [(row.kind, row.amount) for row in rows]


def assert_completed_once(task: documents.ResearchTask) -> None:
    """Completed with all 17 checkpoints and its report, charged once, never refunded; audit clean."""
    assert (task.status, task.refunded, task.error) == ("completed", False, None)
    assert len(task.checkpoints) == 17 and task.report is not None
    assert ledger(task) == CHARGED
    assert audit_mismatches() == []


def test_redis_restart_mid_research_completes_it_charged_once(
    transactional_db: None, request: pytest.FixtureRequest, tmp_path: Path, providers: Any, alice: Any,
    settings: Any, mongo_db: Any,
) -> None:  # fmt: skip
    # given web and worker on a Redis of their own (broker, leases, progress, channel layer)
    tavily, llm = providers
    redis_url, _ = embedded.redis_up(tmp_path)
    queue = private_queue(request)
    env = worker_env(tavily, llm, REDIS_URL=redis_url)
    worker, server = WorkerProcess(queue, **env), ServerProcess(queue, **env)
    try:
        api = httpx.Client(base_url=server.url, headers={"Authorization": f"Api-Key {key_of(alice)}"})
        task_id = submit(api)
        wait_until(lambda: "market_search_started" in keys(task_id), timeout=60, what="agents searching")
        # when Redis stops while the agents search, and comes back 2.5 s later
        embedded.redis_down(tmp_path)
        time.sleep(2.5)
        embedded.redis_up(tmp_path)
        # then the research completes, charged once, and nobody holds its lease any more
        task = finished(task_id)
        assert_completed_once(task)
        lease = f"{settings.REDIS_KEY_PREFIX}:research:{task_id}:lease"
        wait_until(lambda: not redis.Redis.from_url(redis_url).exists(lease), timeout=10, what="lease freed")
        # and the worker survived the broker restart (infra.broker) and takes the next research
        assert worker.alive(), worker.log()[-3000:]
        assert_completed_once(finished(submit(api)))
    finally:
        server.stop()
        worker.stop()
        embedded.redis_down(tmp_path)


def key_of(user: Any) -> str:
    return api_key_create(user=user).raw


@pytest.fixture
def private_mongo(tmp_path: Path, settings: Any) -> Iterator[Path]:
    """This test process on a MongoDB server of its own (indexes created); the suite's is untouched."""
    uri, _ = embedded.mongo_up(tmp_path)
    settings.MONGODB_URI = uri
    mongo.reset_client()
    mongo.ensure_indexes()
    yield tmp_path
    mongo.reset_client()
    embedded.mongo_down(tmp_path)


def test_mongodb_restart_mid_research_completes_it_charged_once(
    transactional_db: None, request: pytest.FixtureRequest, private_mongo: Path, providers: Any, alice: Any,
    settings: Any,
) -> None:  # fmt: skip
    # given a worker whose tasks live on a MongoDB server we can restart
    tavily, llm = providers
    worker = WorkerProcess(
        private_queue(request), **worker_env(tavily, llm, MONGODB_URI=settings.MONGODB_URI)
    )
    try:
        task_id = submit(key_client(alice))
        wait_until(lambda: "market_search_started" in keys(task_id), timeout=60, what="agents searching")
        # when the server stops while the agents search, and comes back 2 s later
        embedded.mongo_down(private_mongo)
        time.sleep(2)
        embedded.mongo_up(private_mongo)
        # then the research completes, charged once
        assert_completed_once(finished(task_id))
    finally:
        worker.stop()


def test_bursts_of_5xx_and_timeouts_are_retried_and_the_research_completes(
    transactional_db: None, request: pytest.FixtureRequest, providers: Any, alice: Any, mongo_db: Any
) -> None:
    # given both providers answer the first calls with 5xx and one call past the 2 s client timeout
    tavily, llm = providers
    tavily.script(
        "/search", FakeTavily.server_error(503), FakeTavily.server_error(502), FakeTavily.timeout(4)
    )
    tavily.script("/extract", FakeTavily.server_error(500))
    llm.script(COMPLETIONS, FakeOpenAI.server_error(500), FakeOpenAI.server_error(503), FakeOpenAI.timeout(4))
    worker = WorkerProcess(private_queue(request), **worker_env(tavily, llm))
    try:
        # when a research runs through them
        task = finished(submit(key_client(alice)))
    finally:
        worker.stop()
    # then it completed, charged once; every failed call was retried (3 agents: 3 searches, 3 extracts,
    # 12 completions: the supervisor, then the analysts and the writer in 3+2+4+2 parallel parts; plus
    # one retry per scripted fault)
    assert_completed_once(task)
    assert (len(tavily.requests("/search")), len(tavily.requests("/extract"))) == (6, 4)
    assert len(llm.requests(COMPLETIONS)) == 15


def test_a_provider_that_stays_down_fails_the_research_and_refunds_it(
    transactional_db: None, request: pytest.FixtureRequest, providers: Any, alice: Any, mongo_db: Any
) -> None:
    # given Tavily answers every search with 503
    tavily, llm = providers
    tavily.script("/search", FakeTavily.server_error(503), repeat=1000)
    worker = WorkerProcess(private_queue(request), **worker_env(tavily, llm))
    try:
        # when a research runs
        task = finished(submit(key_client(alice)))
    finally:
        worker.stop()
    # then it failed with a readable reason and was refunded once; the ledger audit passes
    assert (task.status, task.refunded) == ("failed", True)
    assert "Tavily search failed after 4 attempts: server error (503)" in (task.error or "")
    assert ledger(task) == REFUNDED
    assert audit_mismatches() == []
    assert "final_report_delivered" not in keys(task.id)


def test_sigkilled_worker_past_the_time_limit_is_failed_and_refunded_by_the_reaper(
    transactional_db: None, request: pytest.FixtureRequest, providers: Any, alice: Any, mongo_db: Any
) -> None:
    # given an essential research (hard limit 60 s x 0.1 = 6 s here) whose searches take 1.5 s
    tavily, llm = providers
    queue = private_queue(request)
    env = worker_env(tavily, llm, RESEARCH_HARD_LIMIT_FACTOR="0.1")
    first = WorkerProcess(queue, name="first", **env)
    request.addfinalizer(first.stop)  # never left running (its reaper would act on later tests' tasks)
    task_id = submit(key_client(alice))
    wait_until(lambda: "market_search_started" in keys(task_id), timeout=60, what="agents searching")
    # when its worker is SIGKILLed and another worker arrives only after the time limit
    first.stop(kill=True)
    started = documents.task_get(task_id).started_at  # type: ignore[union-attr]
    wait_until(lambda: _age_seconds(started) > 7, timeout=30, what="the time limit to pass")
    second = WorkerProcess(queue, name="second", **env)
    try:
        # then the other worker's reaper fails it and refunds it: never left processing
        task = finished(task_id, timeout=60)
    finally:
        second.stop()
    assert (task.status, task.refunded) == ("failed", True)
    assert task.error == "The research took longer than its time limit. Credits were refunded."
    assert ledger(task) == REFUNDED
    assert audit_mismatches() == []


def _age_seconds(moment: Any) -> float:
    from django.utils import timezone

    return float((timezone.now() - moment).total_seconds())
