"""Abort and worker death during a running research, with real processes and the fake Tavily server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rest_framework.test import APIClient

from conftest import WorkerProcess, private_queue, wait_until
from credits.models import CreditTransaction
from fakes.server import Request
from fakes.tavily import FakeTavily
from research import documents, progress
from research.tests.conftest import key_client

pytestmark = [pytest.mark.integration, pytest.mark.slow]
IDEA = "An AI meal planning app for busy families that turns the week's dinners into a grocery list."


@pytest.fixture
def tavily() -> Iterator[FakeTavily]:
    with FakeTavily() as server:
        yield server  # type: ignore[misc]


def worker_env(tavily: FakeTavily) -> dict[str, str]:
    return {
        "TAVILY_API_KEY": tavily.api_key, "TAVILY_API_BASE_URL": tavily.url,
        "RESEARCH_LEASE_SECONDS": "3", "RESEARCH_REQUEUE_AFTER_SECONDS": "1",
        "RESEARCH_REAPER_INTERVAL_SECONDS": "1",
    }  # fmt: skip


def checkpointed(thread_id: str) -> set[str]:
    """The state channels a research thread's finished nodes have written to the checkpointer so far."""
    from django.db import DatabaseError, connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT channel FROM checkpoint_writes WHERE thread_id = %s", [thread_id])
            return {row[0] for row in cursor.fetchall()}
    except DatabaseError:  # the worker has not created the checkpointer's tables yet
        return set()


def submit(client: APIClient) -> documents.ResearchTask:
    response = client.post("/api/v1/research/submit", {"product_idea": IDEA}, format="json")
    assert response.status_code == 202, response.content
    task = documents.task_get(response.json()["task_id"])
    assert task is not None
    return task


def keys(task_id: str) -> list[str]:
    task = documents.task_get(task_id)
    return [checkpoint.key for checkpoint in task.checkpoints] if task else []


def ledger(task: documents.ResearchTask) -> list[tuple[str, int]]:
    rows = CreditTransaction.objects.filter(research_request_id=task.request_id).order_by("timestamp")
    return [(row.kind, row.amount) for row in rows]


def test_abort_mid_run_stops_the_work_refunds_and_adds_no_checkpoint(
    transactional_db: None, request: pytest.FixtureRequest, tavily: FakeTavily, alice: Any, mongo_db: Any
) -> None:
    # given a research whose searches take 1.5 s each
    tavily.set_latency("/search", 1.5)
    worker = WorkerProcess(private_queue(request), **worker_env(tavily))
    try:
        client = key_client(alice)
        task = submit(client)
        wait_until(lambda: "market_search_started" in keys(task.id), timeout=90, what="agents searching")
        # when alice aborts it
        response = client.post(f"/api/v1/research/tasks/{task.id}/abort")
        assert response.status_code == 200 and response.json()["status"] == "aborted"
        at_abort = keys(task.id)
        # then the worker lets go of it, with no checkpoint after the abort, and one refund
        wait_until(lambda: not progress.lease_held(task.id), timeout=60, what="worker released the task")
        final = documents.task_get(task.id)
        assert final is not None and (final.status, final.refunded) == ("aborted", True)
        assert keys(task.id) == at_abort
        assert ledger(task) == [("research_charge", -6), ("refund", 6)]
        assert "final_report_delivered" not in at_abort
        # and aborting again is a clear 409
        assert client.post(f"/api/v1/research/tasks/{task.id}/abort").status_code == 409
    finally:
        worker.stop()


def query_of(entry: Request) -> str:
    return str(entry.body.get("query", "")) if isinstance(entry.body, dict) else ""


def test_worker_killed_during_an_agent_is_resumed_by_another_without_rerunning_finished_agents(
    transactional_db: None, request: pytest.FixtureRequest, tavily: FakeTavily, alice: Any, mongo_db: Any
) -> None:
    # given the competitor search is slow (12 s) while market and customer finish quickly (their analysis
    # takes a few seconds on a loaded 2-core machine: the competitor agent must still be searching)
    tavily.set_latency("/search", lambda entry: 12.0 if "competitors" in query_of(entry) else 0.2)
    queue = private_queue(request)
    first = WorkerProcess(queue, name="first", **worker_env(tavily))
    request.addfinalizer(first.stop)  # never left running (its reaper would act on later tests' tasks)
    task = submit(key_client(alice))
    done = {"market_analysis_completed", "customer_analysis_completed"}
    wait_until(lambda: done <= set(keys(task.id)), timeout=90, what="market and customer agents finished")
    # their progress events come just before their results are written to the checkpointer: the kill
    # must come after the write (a kill between the two re-runs a finished agent, by design)
    wait_until(
        lambda: {"market", "customer"} <= checkpointed(task.id), timeout=30, what="results checkpointed"
    )
    assert "competitor_search_completed" not in keys(task.id)
    # when the worker is SIGKILLed in the middle of the competitor agent
    first.stop(kill=True)
    second = WorkerProcess(queue, name="second", **worker_env(tavily))
    try:
        # then the other worker picks it up (after the lease expires) and completes it
        wait_until(lambda: documents.task_get(task.id).status == "completed", timeout=120, what="completed")
    finally:
        second.stop()
    final = documents.task_get(task.id)
    assert final is not None and len(final.checkpoints) == 17 and final.attempts == 2
    # and the finished agents were not re-run (one search each), the interrupted one was
    searches = [query_of(entry) for entry in tavily.requests("/search")]
    assert sum("competitors" in query for query in searches) == 2
    assert len(searches) == 4
    assert len(tavily.requests("/extract")) == 3
    # and the ledger shows one charge, no refund
    assert ledger(task) == [("research_charge", -6)]
