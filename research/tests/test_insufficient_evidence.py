"""Contract 2 end to end: an idea no source covers ends as insufficient_evidence, unscored and refunded.

Real processes: the API server, a Celery worker running the graph offline (the sample corpus and the
extractive analyst), Redis, PostgreSQL and the MongoDB server.
"""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from credits.keys import api_key_create
from credits.models import CreditTransaction
from credits.services import balance_current
from credits.tests.factories import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.slow]
UNCOVERED = "An AI tutor that coaches high-school students through chemistry homework."
ENDED = {"completed", "failed", "aborted", "insufficient_evidence"}


def wait_until_ended(client: httpx.Client, task_id: str, timeout: float = 120) -> dict[str, Any]:
    """The task's detail once it reached a terminal status."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        detail: dict[str, Any] = client.get(f"/api/v1/research/tasks/{task_id}").json()
        # (an unfinished task is marked insufficient_evidence first and refunded just after: wait for both)
        if detail["status"] in ENDED and (detail["status"] == "completed" or detail["refunded"]):
            return detail
        time.sleep(0.5)
    raise AssertionError(f"task {task_id} did not end within {timeout} s")


def test_an_idea_no_source_covers_ends_unscored_and_refunded(
    live_stack: dict[str, Any], mongo_db: Any
) -> None:
    # given bob with an API key and his opening balance
    bob = UserFactory(username="bob")
    key = api_key_create(user=bob).raw
    opening = balance_current(user=bob).current_balance
    client = httpx.Client(
        base_url=live_stack["server"].url, headers={"Authorization": f"Api-Key {key}"}, timeout=30
    )
    # when he researches an idea the sample corpus does not cover
    submitted = client.post(
        "/api/v1/research/submit", json={"product_idea": UNCOVERED, "research_depth": "essential"}
    )
    assert submitted.status_code == 202, submitted.text
    task_id = submitted.json()["task_id"]
    detail = wait_until_ended(client, task_id)
    # then the task ends in its own state, with no score, refunded
    assert (detail["status"], detail["pmf_score"], detail["refunded"]) == (
        "insufficient_evidence",
        None,
        True,
    ), live_stack["worker"].log()[-3000:]
    # and the stored report says so plainly, with every retrieved source listed as not relevant
    report = client.get(f"/api/v1/research/tasks/{task_id}/report").json()
    assert (report["outcome"], report["pmf_score"]) == ("insufficient_evidence", None)
    assert "no retrieved source was relevant" in report["outcome_reason"]
    assert report["sources"] and not any(source["relevant"] for source in report["sources"])
    # and the ledger holds the charge and a full refund saying why, and the balance is whole again
    rows = CreditTransaction.objects.filter(research_request_id=submitted.json()["request_id"]).order_by(
        "timestamp"
    )
    assert [(row.kind, row.amount) for row in rows] == [("research_charge", -6), ("refund", 6)]
    assert rows[1].reason.startswith("insufficient evidence")
    bob_balance = balance_current(user=bob)
    bob_balance.refresh_from_db()
    assert bob_balance.current_balance == opening
