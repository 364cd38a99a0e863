"""What one status poll costs: no SQL and no MongoDB while its Redis snapshot is fresh, and (through the
ASGI handler the server runs) a handful of thread hand-offs, not one or two per middleware."""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from asgiref.sync import SyncToAsync, async_to_sync
from asgiref.testing import ApplicationCommunicator
from django.core.handlers.asgi import ASGIHandler
from django.core.signals import request_started
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pymongo import monitoring
from rest_framework.test import APIClient

from infra.asgi import SyncChainASGIHandler, get_asgi_application
from research import mongo
from research.tests.factories import insert_tasks, make_task


class MongoCommands(monitoring.CommandListener):
    """Every command this process's MongoDB client sends while ``recording`` is set."""

    def __init__(self) -> None:
        self.recording = False
        self.names: list[str] = []
        self.lock = threading.Lock()

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        if self.recording:
            with self.lock:
                self.names.append(event.command_name)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


_listener = MongoCommands()
monitoring.register(_listener)  # pymongo has no unregister; it records only while a test asks it to


@pytest.fixture
def mongo_commands(request: pytest.FixtureRequest) -> Iterator[MongoCommands]:
    mongo.reset_client()  # a client made after register() carries the listener
    request.getfixturevalue("mongo_db")  # emptied through that client
    _listener.names.clear()
    yield _listener
    _listener.recording = False


def test_a_poll_with_a_fresh_snapshot_makes_no_sql_and_no_mongodb_query(
    alice: Any, alice_api: APIClient, mongo_commands: MongoCommands, redis_client: Any
) -> None:
    # given alice's running task, polled once (the snapshot is stored, her key resolved and stamped)
    task = make_task(alice.pk, status="processing")
    insert_tasks([task])
    path = f"/api/v1/research/tasks/{task.id}"
    assert alice_api.get(path).status_code == 200
    # when she polls again
    mongo_commands.recording = True
    with CaptureQueriesContext(connection) as sql:
        response = alice_api.get(path)
    mongo_commands.recording = False
    # then the answer is her task, from Redis alone
    assert response.status_code == 200 and response.json()["id"] == task.id
    assert [query["sql"] for query in sql.captured_queries] == []
    assert mongo_commands.names == []


def test_a_poll_without_a_snapshot_reads_mongodb_once_and_no_sql(
    alice: Any, alice_api: APIClient, mongo_commands: MongoCommands, redis_client: Any
) -> None:
    # given alice's key already resolved by an earlier request, and a task never polled
    assert alice_api.get("/api/v1/research/tasks/unknown-task").status_code == 404
    task = make_task(alice.pk, status="processing")
    insert_tasks([task])
    # when she polls it
    mongo_commands.recording = True
    with CaptureQueriesContext(connection) as sql:
        response = alice_api.get(f"/api/v1/research/tasks/{task.id}")
    mongo_commands.recording = False
    # then one MongoDB read answers (by task id; the request-id lookup is not needed) and no SQL runs
    assert response.status_code == 200
    assert mongo_commands.names == ["find"]
    assert sql.captured_queries == []


def _scope(path: str) -> dict[str, Any]:
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80),
    }  # fmt: skip


async def _request(handler: ASGIHandler, path: str) -> int:
    """The status of one GET of ``path`` through ``handler``, its body read to the end."""
    communicator = ApplicationCommunicator(handler, _scope(path))
    await communicator.send_input({"type": "http.request", "body": b"", "more_body": False})
    start = await communicator.receive_output(timeout=10)
    while (await communicator.receive_output(timeout=10)).get("more_body"):
        pass
    return int(start["status"])


def _handoffs(handler: ASGIHandler, path: str) -> tuple[int, int]:
    """(status, number of sync_to_async calls) for one GET of ``path`` through ``handler``."""
    calls = 0
    original = SyncToAsync.__call__

    async def counting(self: SyncToAsync, *args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return await original(self, *args, **kwargs)

    SyncToAsync.__call__ = counting  # type: ignore[method-assign]
    try:
        status = async_to_sync(_request)(handler, path)
    finally:
        SyncToAsync.__call__ = original  # type: ignore[method-assign]
    return status, calls


@pytest.mark.django_db
def test_the_served_asgi_app_enters_the_middleware_chain_once() -> None:
    # given an API route that answers without a store (no credentials: 401 from DRF)
    path = "/api/v1/research/depths"
    # when one request goes through Django's own ASGI handler and through the one the server runs
    stock_status, stock = _handoffs(ASGIHandler(), path)
    served_status, served = _handoffs(SyncChainASGIHandler(), path)
    # then both answer alike, and ours hands off to a thread a few times (signals, chain, close), where
    # Django's async chain hands off around every middleware
    assert stock_status == served_status == 401
    assert served <= 4
    assert stock > 2 * served


def test_the_asgi_application_is_the_sync_chain_handler() -> None:
    try:
        from pmfsite.asgi import django_asgi_app
    finally:
        gc.unfreeze()  # making it froze this test process's objects
    assert isinstance(django_asgi_app, SyncChainASGIHandler)


@pytest.mark.django_db
def test_requests_reuse_an_idle_thread_and_concurrent_ones_each_have_their_own() -> None:
    handler, path = SyncChainASGIHandler(), "/api/v1/research/depths"
    threads: list[threading.Thread] = []  # the objects themselves: identities stay unique
    second_started = threading.Event()

    def record(**_: Any) -> None:  # request_started receivers run in the request's thread
        threads.append(threading.current_thread())
        if len(threads) == 4:  # the first of the two concurrent requests holds its thread...
            second_started.wait(timeout=10)
        elif len(threads) == 5:  # ...until the second one runs
            second_started.set()

    async def two_at_once() -> list[int]:
        return list(await asyncio.gather(_request(handler, path), _request(handler, path)))

    request_started.connect(record)
    try:
        # when three requests come one after the other, then one thread serves them all
        statuses = [async_to_sync(_request)(handler, path) for _ in range(3)]
        assert statuses == [401, 401, 401]
        assert threads[1] is threads[0] and threads[2] is threads[0]
        # when two come at once, then each has a thread of its own (neither waits for the other)
        assert async_to_sync(two_at_once)() == [401, 401]
        assert second_started.is_set()
        assert threads[3] is not threads[4]
    finally:
        request_started.disconnect(record)


def test_the_served_app_leaves_start_up_objects_out_of_garbage_collection() -> None:
    # given a process whose objects are all seen by the collector
    gc.unfreeze()
    try:
        # when the ASGI application is made, as each web process does at start
        get_asgi_application()
        # then what start-up made (Django, DRF, every view module) is frozen, out of full collections
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
