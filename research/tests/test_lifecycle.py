"""The whole flow with real processes: API → credits → queue → worker runs the graph → websocket → report.

Offline providers (the sample corpus and the extractive analyst), a real Celery worker, the real ASGI
server, real Redis, PostgreSQL and the MongoDB server.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from agents.checkpoints import CHECKPOINTS
from agents.tests.helpers import assert_valid_order
from credits.keys import api_key_create
from credits.models import CreditTransaction
from credits.tests.factories import UserFactory
from research.tests.factories import insert_tasks, make_task

pytestmark = [pytest.mark.integration, pytest.mark.slow]
IDEA = "An AI meal planning app for busy families that turns the week's dinners into a grocery list."


def follow(
    ws_url: str, task_id: str, key: str, until: set[str], timeout: float = 120
) -> list[dict[str, Any]]:
    """Every websocket message of a task until a status in ``until`` arrives."""
    messages: list[dict[str, Any]] = []
    headers = {"Authorization": f"Api-Key {key}"}
    with connect(f"{ws_url}/ws/research/{task_id}/", additional_headers=headers, open_timeout=10) as socket:
        while True:
            message = json.loads(socket.recv(timeout=timeout))
            messages.append(message)
            status = message["task"]["status"] if message["type"] == "state" else message.get("status")
            if message["type"] in ("status", "state") and status in until:
                return messages


def test_offline_research_end_to_end(live_stack: dict[str, Any], mongo_db: Any) -> None:
    # given alice with an API key, a worker and the server
    alice = UserFactory(username="alice")
    key = api_key_create(user=alice).raw
    server = live_stack["server"]
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Api-Key {key}"}, timeout=30)
    # when she submits an essential research and follows it over the websocket
    submitted = client.post(
        "/api/v1/research/submit", json={"product_idea": IDEA, "research_depth": "essential"}
    )
    assert submitted.status_code == 202, submitted.text
    task_id = submitted.json()["task_id"]
    messages = follow(server.ws_url, task_id, key, until={"completed", "failed", "aborted"})
    # then every checkpoint arrives once (snapshot on connect + live messages), in order, then "completed"
    state = messages[0]
    assert state["type"] == "state"
    seen = [c["key"] for c in state["task"]["checkpoints"]]
    seen += [m["checkpoint"]["key"] for m in messages[1:] if m["type"] == "checkpoint"]
    assert sorted(seen) == sorted(spec.key for spec in CHECKPOINTS), live_stack["worker"].log()[-3000:]
    assert_valid_order(seen)
    assert messages[-1]["status"] == "completed"
    # and the task, its report and both exports are served
    detail = client.get(f"/api/v1/research/tasks/{task_id}").json()
    assert (detail["status"], detail["progress"], len(detail["checkpoints"])) == ("completed", 1.0, 17)
    assert 0 <= detail["pmf_score"] <= 100 and detail["sources_count"] > 0
    report = client.get(f"/api/v1/research/tasks/{task_id}/report").json()
    assert report["product_idea"] == IDEA and report["citations"]
    markdown = client.get(f"/api/v1/research/tasks/{task_id}/export", params={"format": "md"})
    assert markdown.headers["content-disposition"].startswith('attachment; filename="')
    assert "## Executive Summary" in markdown.text and "## Methodology" in markdown.text
    exported = client.get(f"/api/v1/research/tasks/{task_id}/export", params={"format": "json"})
    assert exported.json() == report
    # and the ledger shows exactly one charge and no refund
    rows = CreditTransaction.objects.filter(research_request_id=submitted.json()["request_id"])
    assert [(row.kind, row.amount) for row in rows] == [("research_charge", -6)]


def test_another_users_or_anonymous_websocket_is_refused(asgi_server: Any, mongo_db: Any) -> None:
    # given alice's running task
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    task = make_task(alice.pk, status="processing")
    insert_tasks([task])
    url = f"{asgi_server.ws_url}/ws/research/{task.id}/"
    # when bob (by key), a wrong key, or an anonymous client tries to follow it, then the handshake is refused
    for headers in ({"Authorization": f"Api-Key {api_key_create(user=bob).raw}"},
                    {"Authorization": "Api-Key pmf_00000000_wrong"}, {}):  # fmt: skip
        with (
            pytest.raises(InvalidStatus) as refused,
            connect(url, additional_headers=headers, open_timeout=10),
        ):
            pass
        assert refused.value.response.status_code == 403
    # while alice herself is let in
    alice_key = api_key_create(user=alice).raw
    with connect(
        url, additional_headers={"Authorization": f"Api-Key {alice_key}"}, open_timeout=10
    ) as socket:
        assert json.loads(socket.recv(timeout=10))["task"]["id"] == task.id
