"""The reaper and the enqueue-failure path (worker-side services, without a worker process)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from kombu.exceptions import OperationalError

from credits.models import CreditTransaction
from credits.services import research_charge
from research import documents, execution, lifecycle, progress, queue
from research.exceptions import QueueUnavailable
from research.tests.factories import insert_tasks, make_task, now

pytestmark = pytest.mark.django_db


def ledger(task: documents.ResearchTask) -> list[str]:
    rows = CreditTransaction.objects.filter(research_request_id=task.request_id).order_by("timestamp")
    return [row.kind for row in rows]


def test_reaper_fails_and_refunds_a_task_past_its_hard_limit(alice: Any, mongo_db: Any) -> None:
    # given a processing essential research started long before its hard limit (5 x 60 s)
    started = now() - timedelta(minutes=30)
    task = make_task(alice.pk, status="processing", created_at=started, started_at=started)
    research_charge(user=alice, request_id=task.request_id, depth="essential")
    insert_tasks([task])
    # when the reaper runs
    outcome = execution.reap()
    # then it is failed with a readable reason and refunded once
    assert outcome == {"failed": [task.id], "requeued": []}
    final = documents.task_get(task.id)
    assert final is not None and (final.status, final.refunded) == ("failed", True)
    assert final.error == "The research took longer than its time limit. Credits were refunded."
    assert ledger(task) == ["research_charge", "refund"]
    assert execution.reap() == {"failed": [], "requeued": []}


def test_reaper_requeues_a_processing_task_whose_worker_lost_its_lease(
    alice: Any, mongo_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[Any, ...]] = []

    def record(*args: Any, **kwargs: Any) -> None:
        sent.append((kwargs["args"], kwargs["task_id"]))

    monkeypatch.setattr(queue.current_app, "send_task", record)
    started = now() - timedelta(seconds=60)
    orphan = make_task(alice.pk, status="processing", created_at=started, started_at=started)
    leased = make_task(alice.pk, status="processing", created_at=started, started_at=started)
    young = make_task(alice.pk, status="queued")
    insert_tasks([orphan, leased, young])
    assert progress.lease_acquire(leased.id, "another-worker", 30)
    try:
        assert execution.reap() == {"failed": [], "requeued": [orphan.id]}
        assert sent == [((orphan.id,), f"research-{orphan.id}-1")]
        assert documents.task_get(orphan.id).dispatches == 1
    finally:
        progress.lease_release(leased.id, "another-worker")


def test_a_task_that_cannot_be_queued_is_failed_and_refunded(
    alice: Any, mongo_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a broker that refuses the message
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("broker unreachable")

    monkeypatch.setattr(queue.current_app, "send_task", refuse)
    # when alice submits, then the API-level error says so and nothing stays charged
    with pytest.raises(QueueUnavailable):
        lifecycle.submit(user=alice, product_idea="An AI meal planner for families", depth="essential")
    (task,) = documents.task_list(documents.TaskFilters(owner_id=alice.pk))[0]
    assert (task.status, task.refunded) == ("failed", True)
    assert ledger(task) == ["research_charge", "refund"]


def test_a_second_delivery_of_a_finished_task_does_nothing(alice: Any, mongo_db: Any) -> None:
    task = make_task(alice.pk, status="completed")
    insert_tasks([task])
    assert execution.research_execute(task.id) == "already completed"
    assert execution.research_execute("no-such-task") == "missing"
