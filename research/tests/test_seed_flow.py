"""The seed's client flow: submit → request_id → GET tasks/{request_id} → report → export, owner-scoped."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from research import documents
from research.tests.factories import insert_tasks, make_task

LIST = "/api/v1/research/tasks"
IDEA = "An AI meal planner that turns a family's week into a grocery list."
REPORT = {"title": "Meal planner", "executive_summary": "Promising."}


@pytest.mark.django_db
def test_a_seed_client_polls_by_the_request_id_it_was_given(alice_api: APIClient, mongo_db: Any) -> None:
    # given alice submitted an idea and kept only the request id, as the seed's clients do
    submitted = alice_api.post("/api/v1/research/submit", {"product_idea": IDEA}, format="json").json()
    request_id, task_id = submitted["request_id"], submitted["task_id"]
    assert request_id != task_id
    # when she polls the task by that request id
    polled = alice_api.get(f"{LIST}/{request_id}")
    # then she gets the task it created
    assert polled.status_code == 200, polled.content
    assert (polled.json()["id"], polled.json()["request_id"]) == (task_id, request_id)


@pytest.mark.django_db
def test_report_export_and_actions_accept_the_request_id(
    alice: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    # given alice's completed task and a queued one she paid for
    done = make_task(alice.pk, status="completed", report=REPORT)
    insert_tasks([done])
    submitted = alice_api.post("/api/v1/research/submit", {"product_idea": IDEA}, format="json").json()
    running = documents.task_get(submitted["task_id"])
    assert running is not None
    # when she reads the report and the JSON export by the request id
    report = alice_api.get(f"{LIST}/{done.request_id}/report")
    export = alice_api.get(f"{LIST}/{done.request_id}/export", {"format": "json"})
    # then both are the completed task's
    assert (report.status_code, report.json()) == (200, REPORT)
    assert (export.status_code, export.json()) == (200, REPORT)
    # and abort, rerun and delete resolve the request id to the task too
    aborted = alice_api.post(f"{LIST}/{running.request_id}/abort")
    assert aborted.status_code == 200, aborted.content
    body = aborted.json()
    assert (body["id"], body["status"], body["refunded"]) == (running.id, "aborted", True)
    rerun = alice_api.post(f"{LIST}/{done.request_id}/rerun", {}, format="json")
    assert rerun.status_code == 202, rerun.content
    assert documents.task_get(rerun.json()["task_id"]).rerun_of == done.id  # type: ignore[union-attr]
    assert alice_api.delete(f"{LIST}/{done.request_id}").status_code == 204
    assert documents.task_get(done.id, owner_id=alice.pk) is None  # a tombstone now, hidden from alice
    # and bulk delete accepts request ids, answering with the names it was given
    bulk = alice_api.post(f"{LIST}/bulk-delete", {"ids": [running.request_id]}, format="json")
    assert bulk.json() == {"deleted": [running.request_id], "skipped": []}
    assert documents.task_get(running.id, owner_id=alice.pk) is None


@pytest.mark.django_db
def test_another_users_request_id_is_404_everywhere_and_changes_nothing(
    alice: Any, bob_api: APIClient, mongo_db: Any
) -> None:
    # given alice's completed and running tasks
    done = make_task(alice.pk, status="completed", report=REPORT)
    running = make_task(alice.pk, status="processing")
    insert_tasks([done, running])
    # when bob uses their request ids on every task endpoint
    responses = [
        bob_api.get(f"{LIST}/{done.request_id}"), bob_api.delete(f"{LIST}/{done.request_id}"),
        bob_api.post(f"{LIST}/{running.request_id}/abort"),
        bob_api.post(f"{LIST}/{done.request_id}/rerun", {}, format="json"),
        bob_api.get(f"{LIST}/{done.request_id}/report"),
        bob_api.get(f"{LIST}/{done.request_id}/export", {"format": "json"}),
    ]  # fmt: skip
    bulk = bob_api.post(f"{LIST}/bulk-delete", {"ids": [done.request_id]}, format="json")
    # then every answer is the same 404 as for a task that does not exist, and nothing changed
    assert [response.status_code for response in responses] == [404] * 6
    assert all(response.json()["error"]["code"] == "not_found" for response in responses)
    assert bulk.json() == {"deleted": [], "skipped": [{"id": done.request_id, "reason": "not found"}]}
    assert documents.task_get(done.id).status == "completed"  # type: ignore[union-attr]
    assert documents.task_get(running.id).status == "processing"  # type: ignore[union-attr]
