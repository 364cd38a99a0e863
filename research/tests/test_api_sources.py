"""A cited source's passage: the quote found in the stored source text, owner-scoped."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from agents.runner import run_research
from agents.state import Report
from agents.tests.helpers import MEAL_IDEA, budget
from research.passages import CONTEXT_CHARACTERS, find_passage
from research.tests.factories import insert_tasks, make_task

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.integration]


def test_find_passage_tolerates_whitespace_and_case_and_trims_the_context() -> None:
    # given a long text with the quote in the middle, wrapped differently
    content = "alpha " * 200 + "The Market grew\n 12% in 2024." + " omega" * 200
    # when the quote is looked up
    passage = find_passage(content, "the market grew 12% in 2024.")
    # then it is found as written in the source, with at most the context size on either side
    assert passage.found and passage.quote == "The Market grew\n 12% in 2024."
    assert passage.before.startswith("\u2026") and passage.after.endswith("\u2026")
    assert len(passage.before) <= CONTEXT_CHARACTERS + 1 and len(passage.after) <= CONTEXT_CHARACTERS + 1
    # and a quote not in the text gives the opening of the source, marked as not found
    missing = find_passage("Short source.", "not there")
    assert (missing.found, missing.quote, missing.after) == (False, "", "Short source.")


@pytest.fixture
def researched(alice: Any, mongo_db: Any) -> tuple[str, dict[str, Any]]:
    """Alice's completed research, run for real so its sources are in the PostgreSQL checkpoint."""
    task = make_task(alice.pk, product_idea=MEAL_IDEA, status="completed")
    delivered: list[Report] = []
    run_research(
        thread_id=task.id, product_idea=MEAL_IDEA, budget=budget("essential"),
        on_checkpoint=lambda event: None, should_cancel=lambda: False, deliver=delivered.append,
    )  # fmt: skip
    report = delivered[0].model_dump(mode="json")
    insert_tasks([make_task(alice.pk, id=task.id, status="completed", report=report, pmf_score=50)])
    return task.id, report


def test_owner_sees_the_quote_inside_the_stored_source_text(
    researched: tuple[str, dict[str, Any]], alice_api: APIClient, bob_api: APIClient
) -> None:
    task_id, report = researched
    claim = report["market_analysis"]["market_size"][0]
    source_id = claim["source_ids"][0]
    citation = next(c for c in report["citations"] if c["id"] == source_id)
    url = f"/api/v1/research/tasks/{task_id}/sources/{source_id}"
    # when alice opens the source of a finding
    answer = alice_api.get(url, {"quote": claim["quote"]})
    # then she gets the source's identity and the quote found in its text, with text around it
    assert answer.status_code == 200
    body = answer.json()
    assert (body["id"], body["url"], body["title"], body["sample"]) == (
        source_id, citation["url"], citation["title"], True,
    )  # fmt: skip
    assert body["passage"]["found"] is True
    assert " ".join(body["passage"]["quote"].split()) == " ".join(claim["quote"].split())
    assert body["passage"]["before"] or body["passage"]["after"]
    # and bob gets a 404 for the same source, and an unknown source id is a 404
    assert bob_api.get(url, {"quote": claim["quote"]}).status_code == 404
    missing = alice_api.get(f"/api/v1/research/tasks/{task_id}/sources/S999")
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "not_found")
