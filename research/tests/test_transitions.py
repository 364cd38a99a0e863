"""research.lifecycle at the service level: each transition, its order of effects and its idempotency.

Real PostgreSQL ledger, MongoDB tasks and Redis; no worker (the worker's calls are made directly).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from agents.checkpoints import CheckpointEvent
from credits.models import CreditTransaction
from credits.services import balance_current, research_charge
from infra import metrics
from research import documents, lifecycle, progress
from research.audit import reconcile, run_and_record
from research.exceptions import IdempotencyKeyReused
from research.states import TaskStatus
from research.tests.factories import insert_tasks, make_task

pytestmark = pytest.mark.django_db
IDEA = "An AI meal planner for busy families that writes the grocery list."


def ledger(task: documents.ResearchTask) -> list[tuple[str, int, str]]:
    rows = CreditTransaction.objects.filter(research_request_id=task.request_id).order_by("timestamp")
    return [(row.kind, row.amount, row.reason) for row in rows]


def report(outcome: str = "report", score: int | None = 71, reason: str = "") -> dict[str, Any]:
    """A delivered report as ``Report.model_dump(mode="json")`` gives it (the fields lifecycle reads)."""
    return {
        "outcome": outcome, "outcome_reason": reason,
        "pmf_score": None if score is None else {"total": score},
        "methodology": {"sources_count": 4, "cost": {"tavily_credits": 6}},
        "executive_summary": "…",
    }  # fmt: skip


def processing(user: Any, depth: str = "deep") -> documents.ResearchTask:
    """A submitted (charged) task that a worker has started."""
    submitted = lifecycle.submit(user=user, product_idea=IDEA, depth=depth, idempotency_key=None)
    started = lifecycle.start(submitted.task.id)
    assert started is not None and started.status == TaskStatus.PROCESSING
    return started


def test_insufficient_evidence_ends_in_its_own_status_refunded_in_full_with_the_reason(
    alice: Any, mongo_db: Any
) -> None:
    # given a deep research (18 credits) whose report found nothing relevant
    task = processing(alice)
    assert balance_current(user=alice).current_balance == 1000 - 18
    lifecycle.checkpoint(task.id, CheckpointEvent("research_plan_created", timezone.now()))
    # when the worker delivers an insufficient-evidence report and completes
    why = "no retrieved source was relevant"
    assert lifecycle.deliver(task.id, report("insufficient_evidence", None, why))
    final = lifecycle.complete(task.id)
    # then the task ends insufficient_evidence, without a score, refunded, with the reason on the ledger
    assert final is not None
    assert (final.status, final.pmf_score, final.refunded, final.outcome) == (
        "insufficient_evidence",
        None,
        True,
        "insufficient_evidence",
    )
    assert final.report is not None
    assert ledger(task) == [
        ("research_charge", -18, ""),
        ("refund", 18, "insufficient evidence: no retrieved source was relevant"),
    ]
    assert balance_current(user=alice).current_balance == 1000
    # and completing again changes nothing (idempotent)
    assert lifecycle.complete(task.id) is None
    assert len(ledger(task)) == 2
    # and the cache says so too
    cached = progress.cached_progress(task.id)
    assert cached is not None and cached["status"] == "insufficient_evidence"
    assert reconcile() == []


def test_a_scored_report_completes_charged(alice: Any, mongo_db: Any) -> None:
    task = processing(alice, depth="essential")
    lifecycle.deliver(task.id, report())
    final = lifecycle.complete(task.id)
    assert final is not None and (final.status, final.pmf_score, final.refunded) == ("completed", 71, False)
    assert ledger(task) == [("research_charge", -6, "")]
    assert reconcile() == []


def test_fail_and_abort_refund_once_and_are_final(alice: Any, mongo_db: Any) -> None:
    failed, aborted = processing(alice), processing(alice)
    # when one fails twice and the other is aborted twice (and then failed)
    assert lifecycle.fail(failed.id, reason="Tavily answered 500.") is not None
    assert lifecycle.fail(failed.id, reason="again") is None
    assert lifecycle.abort(aborted.id, reason="Aborted by the user.") is not None
    assert lifecycle.abort(aborted.id, reason="Aborted by the user.") is None
    assert lifecycle.fail(aborted.id, reason="late") is None
    # then each has one refund, and a checkpoint after the end is refused
    assert [row[0] for row in ledger(failed)] == ["research_charge", "refund"]
    assert [row[0] for row in ledger(aborted)] == ["research_charge", "refund"]
    assert documents.task_get(aborted.id).status == "aborted"
    assert not lifecycle.checkpoint(aborted.id, CheckpointEvent("research_plan_created", timezone.now()))
    assert lifecycle.start(aborted.id) is None
    assert balance_current(user=alice).current_balance == 1000
    assert reconcile() == []


def test_the_worker_sees_an_abort_in_mongodb_without_the_redis_flag(alice: Any, mongo_db: Any) -> None:
    from research.execution import stop_requested

    task = processing(alice)
    assert not stop_requested(task.id)
    # an abort whose Redis flag was lost (Redis down at the time): MongoDB alone stops the worker
    lifecycle.abort(task.id, reason="Aborted by the user.")
    progress.redis_client().delete(f"{progress._key(task.id, 'abort')}")
    assert stop_requested(task.id)


def test_a_key_is_bound_to_its_first_request_for_good(alice: Any, mongo_db: Any) -> None:
    # given a submission with key k1
    first = lifecycle.submit(user=alice, product_idea=IDEA, depth="deep", idempotency_key="k1")
    # when the same request comes again: the same task, not charged again
    again = lifecycle.submit(user=alice, product_idea=IDEA, depth="deep", idempotency_key="k1")
    assert (again.task.id, again.created) == (first.task.id, False)
    # when the key comes with another request: a clear refusal
    with pytest.raises(IdempotencyKeyReused):
        lifecycle.submit(user=alice, product_idea=IDEA + " For students.", depth="deep", idempotency_key="k1")
    with pytest.raises(IdempotencyKeyReused):
        lifecycle.submit(user=alice, product_idea=IDEA, depth="essential", idempotency_key="k1")
    # and after an abort (refunded) the key answers the aborted original, never a new free research
    lifecycle.abort(first.task.id, reason="Aborted by the user.")
    after_abort = lifecycle.submit(user=alice, product_idea=IDEA, depth="deep", idempotency_key="k1")
    answer = (after_abort.task.id, after_abort.task.status, after_abort.created)
    assert answer == (first.task.id, "aborted", False)
    # and after a delete (a tombstone) the key is refused
    lifecycle.delete(user=alice, task_id=first.task.id)
    with pytest.raises(IdempotencyKeyReused):
        lifecycle.submit(user=alice, product_idea=IDEA, depth="deep", idempotency_key="k1")
    assert ledger(first.task) == [("research_charge", -18, ""), ("refund", 18, "aborted by the user")]
    assert balance_current(user=alice).current_balance == 1000
    assert reconcile() == []


def test_an_interrupted_submission_is_settled_by_the_reaper(alice: Any, mongo_db: Any) -> None:
    # given a task written and charged, but never marked charged (MongoDB went down in between)
    old = timezone.now() - timedelta(minutes=5)
    task = make_task(alice.pk, charged=False, credits_charged=0, created_at=old, updated_at=old)
    insert_tasks([task])
    research_charge(user=alice, request_id=task.request_id, depth="essential")
    # and one written whose charge never happened (PostgreSQL went down)
    orphan = make_task(alice.pk, charged=False, credits_charged=0, created_at=old, updated_at=old)
    insert_tasks([orphan])
    # then the audit reports the first, and neither is shown to alice
    assert [d.kind for d in reconcile()] == ["charge_unsettled"]
    assert documents.task_list(documents.TaskFilters(owner_id=alice.pk))[1] == 0
    # when the reaper settles them
    done = lifecycle.settle_pending(older_than_seconds=60)
    # then the charged one is failed and refunded, the other removed, and everything reconciles
    assert done == {"removed": [orphan.id], "refunded": [task.id]}
    settled = documents.task_get(task.id)
    assert settled is not None
    assert (settled.status, settled.refunded, settled.charged) == ("failed", True, True)
    assert documents.task_get(orphan.id) is None
    assert balance_current(user=alice).current_balance == 1000
    assert reconcile() == []
    # and the worker would never have run either
    assert lifecycle.start(orphan.id) is None


def test_the_audit_reports_planted_discrepancies(alice: Any, bob: Any, mongo_db: Any) -> None:
    # given a charge with no task, a task that ran with no charge, and a refunded task without its row
    research_charge(user=alice, request_id="lost-charge", depth="essential")
    free = make_task(bob.pk, status="completed")
    claims_refund = make_task(bob.pk, status="failed", refunded=True)
    research_charge(user=bob, request_id=claims_refund.request_id, depth="essential")
    insert_tasks([free, claims_refund])
    # when the audit runs
    found = {(d.kind, d.request_id) for d in reconcile()}
    # then each is reported, by kind and request id
    assert found == {
        ("charge_without_task", "lost-charge"),
        ("ran_uncharged", free.request_id),
        ("refund_missing", claims_refund.request_id),
    }
    # and the worker's periodic run records their number as a metric
    assert len(run_and_record(grace_seconds=0)) == 3
    assert "pmf_credits_audit_discrepancies 3.0" in metrics.render().decode()


def test_statuses_and_outcomes_are_named_enums_in_the_openapi_schema() -> None:
    from drf_spectacular.generators import SchemaGenerator

    from research.states import ReportOutcome

    # when the schema the web app generates its types from is built
    schemas = SchemaGenerator().get_schema(request=None, public=True)["components"]["schemas"]
    # then statuses and outcomes are named enums with every value, referenced where tasks are described
    assert schemas["TaskStatus"]["enum"] == [status.value for status in TaskStatus]
    assert schemas["ReportOutcome"]["enum"] == [outcome.value for outcome in ReportOutcome]
    for name in ("TaskSummary", "TaskDetail", "SubmitResponse", "Suggestion"):
        assert schemas[name]["properties"]["status"] == {"$ref": "#/components/schemas/TaskStatus"}, name
    assert {"$ref": "#/components/schemas/ReportOutcome"} in schemas["TaskSummary"]["properties"]["outcome"][
        "oneOf"
    ]
