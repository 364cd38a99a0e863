"""Credits cannot leak (issue 12): the attacks and outages that used to leak them, each asserting the HTTP
answer, the task's state, the balance, the ledger rows and a clean reconciling audit.

Real PostgreSQL, MongoDB and Redis. The MongoDB and Redis outages use servers of the test's own
(``embedded``), stopped for real; the suite's servers are never stopped. The worker's part of a
research is played by calling ``research.lifecycle`` directly where no worker process is needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from rest_framework.test import APIClient

from conftest import ServerProcess, WorkerProcess, private_queue, wait_until
from credits.keys import api_key_create
from credits.models import CreditTransaction
from infra import embedded
from research import documents, execution, lifecycle, mongo
from research.audit import reconcile

IDEA = "An AI meal planning app for busy families that turns the week's dinners into a grocery list."
SUBMIT = "/api/v1/research/submit"
TASKS = "/api/v1/research/tasks"


def ledger(request_id: str) -> list[tuple[str, int]]:
    rows = CreditTransaction.objects.filter(research_request_id=request_id).order_by("timestamp")
    return [(row.kind, row.amount) for row in rows]


def balance(client: Any) -> int:
    return int(client.get("/api/v1/credits/balance").json()["balance"])


def submit(client: Any, key: str, depth: str = "deep") -> Any:
    body = {"product_idea": IDEA, "research_depth": depth}
    if isinstance(client, httpx.Client):
        return client.post(SUBMIT, json=body, headers={"Idempotency-Key": key})
    return client.post(SUBMIT, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def report() -> dict[str, Any]:
    return {"outcome": "report", "pmf_score": {"total": 64}, "methodology": {"sources_count": 3, "cost": {}}}


@pytest.mark.django_db
def test_delete_then_the_same_key_after_completion_is_a_409_never_a_free_research(
    alice_api: APIClient, mongo_db: Any
) -> None:
    # given alice's deep research with key k1, run to completion (18 credits)
    start = balance(alice_api)
    first = submit(alice_api, "k1")
    assert first.status_code == 202, first.content
    task_id = first.json()["task_id"]
    assert lifecycle.start(task_id) is not None
    lifecycle.deliver(task_id, report())
    assert lifecycle.complete(task_id) is not None
    # when she deletes it and submits again with the same key
    assert alice_api.delete(f"{TASKS}/{task_id}").status_code == 204
    again = submit(alice_api, "k1")
    # then the key is refused with its own code, and no research is created or run
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "idempotency_key_reused"
    assert alice_api.get(f"{TASKS}/{task_id}").status_code == 404
    tasks = documents.tasks_for_audit()
    assert [(t.id, t.status, t.deleted_at is not None) for t in tasks] == [(task_id, "completed", True)]
    # and she paid once
    assert balance(alice_api) == start - 18
    assert ledger(tasks[0].request_id) == [("research_charge", -18)]
    assert reconcile() == []


@pytest.mark.django_db
def test_the_same_key_after_abort_answers_the_aborted_original_and_after_delete_a_409(
    alice_api: APIClient, mongo_db: Any
) -> None:
    # given alice's research with key k2, aborted (refunded)
    start = balance(alice_api)
    first = submit(alice_api, "k2")
    task_id = first.json()["task_id"]
    aborted = alice_api.post(f"{TASKS}/{task_id}/abort")
    assert aborted.status_code == 200 and (aborted.json()["status"], aborted.json()["refunded"]) == (
        "aborted", True,
    )  # fmt: skip
    # when she submits the same key again: the original answer, not a new (free) research
    again = submit(alice_api, "k2")
    assert again.status_code == 202
    assert (again.json()["task_id"], again.json()["status"]) == (task_id, "aborted")
    # when she deletes it and tries the key once more: a clear 409
    assert alice_api.delete(f"{TASKS}/{task_id}").status_code == 204
    reused = submit(alice_api, "k2")
    assert reused.status_code == 409 and reused.json()["error"]["code"] == "idempotency_key_reused"
    # then nothing ran: one task (a tombstone, aborted, never started), balance whole, charge + refund
    (task,) = documents.tasks_for_audit()
    assert (task.id, task.status, task.refunded, task.started_at, task.deleted_at is not None) == (
        task_id, "aborted", True, None, True,
    )  # fmt: skip
    assert execution.research_execute(task_id) == "already aborted"
    assert balance(alice_api) == start
    assert ledger(task.request_id) == [("research_charge", -18), ("refund", 18)]
    assert reconcile() == []


@pytest.fixture
def private_mongo(tmp_path: Path, settings: Any) -> Iterator[Path]:
    """This test process on a MongoDB server of its own, with short timeouts."""
    uri, _ = embedded.mongo_up(tmp_path)
    settings.MONGODB_URI, settings.MONGODB_TIMEOUT_MS = uri, 1500
    mongo.reset_client()
    mongo.ensure_indexes()
    yield tmp_path
    mongo.reset_client()
    embedded.mongo_down(tmp_path)


@pytest.mark.django_db
def test_mongodb_down_at_submit_is_a_503_with_retry_after_and_charges_nothing(
    alice_api: APIClient, private_mongo: Path
) -> None:
    # given alice's balance, and MongoDB stopped
    start = balance(alice_api)
    embedded.mongo_down(private_mongo)
    # when she submits
    response = submit(alice_api, "k3")
    # then a JSON 503 telling her when to retry, never a 500
    assert response.status_code == 503, response.content
    assert response.json()["error"]["code"] == "store_unavailable"
    assert int(response["Retry-After"]) > 0
    # and nothing was charged
    assert balance(alice_api) == start
    assert not CreditTransaction.objects.filter(kind="research_charge").exists()
    # and once MongoDB is back there is no task, the audit reconciles, and the same key works
    embedded.mongo_up(private_mongo)
    mongo.reset_client()
    assert documents.tasks_for_audit() == []
    assert reconcile() == []
    assert submit(alice_api, "k3").status_code == 202
    assert balance(alice_api) == start - 18
    assert reconcile() == []


@pytest.fixture
def private_redis_server(
    transactional_db: None, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[ServerProcess, Path, str]]:
    """The real ASGI server on a Redis of its own (broker, cache, channel layer), which tests stop."""
    redis_url, _ = embedded.redis_up(tmp_path)
    queue = private_queue(request)
    server = ServerProcess(queue, REDIS_URL=redis_url)
    try:
        yield server, tmp_path, queue
    finally:
        server.stop()
        embedded.redis_down(tmp_path)


def http_client(server: ServerProcess, user: Any) -> httpx.Client:
    key = api_key_create(user=user).raw
    return httpx.Client(base_url=server.url, headers={"Authorization": f"Api-Key {key}"}, timeout=60)


def test_redis_down_at_submit_is_a_503_and_the_charge_is_refunded(
    private_redis_server: tuple[ServerProcess, Path, str], alice: Any, mongo_db: Any
) -> None:
    # given the server's Redis (the queue) stopped
    server, redis_dir, _ = private_redis_server
    api = http_client(server, alice)
    start = balance(api)
    embedded.redis_down(redis_dir)
    # when alice submits
    response = submit(api, "k4")
    # then a JSON 503 with Retry-After
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["code"] == "queue_unavailable"
    assert int(response.headers["Retry-After"]) > 0
    # and the task says failed and refunded; the balance is whole; charge and refund on the ledger
    (task,) = documents.tasks_for_audit()
    assert (task.status, task.refunded, task.charged) == ("failed", True, True)
    assert balance(api) == start
    assert ledger(task.request_id) == [("research_charge", -18), ("refund", 18)]
    assert reconcile() == []


def test_redis_down_at_abort_aborts_for_good_and_the_worker_honours_it(
    private_redis_server: tuple[ServerProcess, Path, str], alice: Any, mongo_db: Any
) -> None:
    # given alice's queued research (no worker yet)
    server, redis_dir, queue = private_redis_server
    api = http_client(server, alice)
    start = balance(api)
    task_id = submit(api, "k5", depth="essential").json()["task_id"]
    # when Redis stops and she aborts
    embedded.redis_down(redis_dir)
    aborted = api.post(f"{TASKS}/{task_id}/abort")
    # then the abort is answered and recorded, refunded
    assert aborted.status_code == 200, aborted.text
    assert (aborted.json()["status"], aborted.json()["refunded"]) == ("aborted", True)
    # when Redis returns with the research's message still queued, and a worker takes it
    redis_url, _ = embedded.redis_up(redis_dir)
    worker = WorkerProcess(queue, REDIS_URL=redis_url)
    try:
        wait_until(
            lambda: "already aborted" in worker.log(), timeout=90, what="the worker to take the message"
        )
    finally:
        worker.stop()
    # then the research never ran: aborted, no checkpoint, charge and refund, balance whole
    task = documents.task_get(task_id)
    assert task is not None and (task.status, task.refunded, task.checkpoints, task.started_at) == (
        "aborted", True, [], None,
    )  # fmt: skip
    assert ledger(task.request_id) == [("research_charge", -6), ("refund", 6)]
    assert balance(api) == start
    assert reconcile() == []
