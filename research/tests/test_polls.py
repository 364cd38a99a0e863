"""The status poll answers from the task's Redis snapshot while it is current, else from MongoDB."""

from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient

from agents.checkpoints import CHECKPOINTS
from research import documents, progress
from research.mongo import research_tasks
from research.tests.factories import insert_tasks, make_task, now


def first_checkpoint() -> documents.CheckpointRecord:
    spec = CHECKPOINTS[0]
    return documents.CheckpointRecord(spec.number, spec.key, spec.category, spec.label, now())


def test_a_repeated_poll_is_the_snapshot_and_any_write_retires_it(
    alice: Any, alice_api: APIClient, mongo_db: Any, redis_client: Any
) -> None:
    # given alice's queued task, polled once
    task = make_task(alice.pk, status="processing")
    insert_tasks([task])
    path = f"/api/v1/research/tasks/{task.id}"
    assert alice_api.get(path).json()["checkpoints_completed"] == 0
    # when the document changes behind the repository's back (no write through it)
    research_tasks().update_one({"_id": task.id}, {"$set": {"title": "changed directly"}})
    # then the poll still answers from the snapshot, not MongoDB
    assert alice_api.get(path).json()["title"] == task.title
    # and when the worker records a checkpoint through the repository, the next poll shows it at once
    documents.checkpoint_append(task.id, first_checkpoint())
    body = alice_api.get(path).json()
    assert (body["checkpoints_completed"], body["title"]) == (1, "changed directly")
    # and a transition too
    documents.task_transition(task.id, from_statuses=("processing",), to="aborted")
    assert alice_api.get(path).json()["status"] == "aborted"


def test_a_snapshot_never_answers_another_user(
    alice: Any, alice_api: APIClient, bob_api: APIClient, mongo_db: Any, redis_client: Any
) -> None:
    # given alice polled her task, so its snapshot is in Redis
    task = make_task(alice.pk)
    insert_tasks([task])
    assert alice_api.get(f"/api/v1/research/tasks/{task.id}").status_code == 200
    # when bob asks for it, then it does not exist for him
    response = bob_api.get(f"/api/v1/research/tasks/{task.id}")
    assert response.status_code == 404
    assert task.title not in response.content.decode()


def test_a_snapshot_from_before_a_write_is_not_served(alice: Any, mongo_db: Any, redis_client: Any) -> None:
    # given a poll read the generation, then a write landed before the poll stored its (old) snapshot
    from research import polls, presenters

    task = make_task(alice.pk, status="processing")
    insert_tasks([task])
    generation, _ = progress.status_snapshot(task.id)
    old = presenters.task_detail(task)
    documents.checkpoint_append(task.id, first_checkpoint())
    progress.status_snapshot_store(task.id, generation, {"owner_id": alice.pk, "detail": old})
    # when the next poll comes, then it shows the write
    assert polls.task_detail(task.id, owner_id=alice.pk)["checkpoints_completed"] == 1  # type: ignore[index]


def test_with_redis_down_the_poll_reads_mongodb(
    alice: Any, alice_api: APIClient, mongo_db: Any, settings: Any
) -> None:
    # given alice's task and an unreachable Redis
    task = make_task(alice.pk)
    insert_tasks([task])
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    progress.reset_client()
    try:
        # when she polls, then MongoDB answers
        response = alice_api.get(f"/api/v1/research/tasks/{task.id}")
    finally:
        progress.reset_client()
    assert (response.status_code, response.json()["id"]) == (200, task.id)


def test_a_poll_by_request_id_always_shows_the_latest_state(
    alice: Any, alice_api: APIClient, mongo_db: Any, redis_client: Any
) -> None:
    # given alice polls her task by its request id (as the seed client does)
    task = make_task(alice.pk, status="processing")
    insert_tasks([task])
    path = f"/api/v1/research/tasks/{task.request_id}"
    assert alice_api.get(path).json()["id"] == task.id
    # when the worker records a checkpoint, then the next poll by request id shows it
    documents.checkpoint_append(task.id, first_checkpoint())
    assert alice_api.get(path).json()["checkpoints_completed"] == 1
