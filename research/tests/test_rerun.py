"""Run again: unchanged, or with an edited idea or depth, always linked to the original and charged."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from credits.services import balance_current
from research import documents
from research.tests.factories import insert_tasks, make_task

LIST = "/api/v1/research/tasks"
IDEA = "An AI meal planner that turns a family's week into a grocery list."
EDITED = "An AI meal planner for families with food allergies that orders the groceries too."


@pytest.mark.django_db
def test_a_rerun_keeps_the_idea_and_depth_unless_edited_and_links_the_original(
    alice: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    # given alice's completed essential research
    original = make_task(alice.pk, status="completed", product_idea=IDEA, depth="essential")
    insert_tasks([original])
    before = balance_current(user=alice).current_balance
    # when she runs it again unchanged, then with an edited idea at deep depth
    same = alice_api.post(f"{LIST}/{original.id}/rerun", {}, format="json")
    edited = alice_api.post(
        f"{LIST}/{original.id}/rerun", {"product_idea": EDITED, "research_depth": "deep"}, format="json"
    )
    # then both are new researches linked to the original, each charged for its own depth
    assert (same.status_code, edited.status_code) == (202, 202), (same.content, edited.content)
    first, second = documents.task_get(same.json()["task_id"]), documents.task_get(edited.json()["task_id"])
    assert first is not None and second is not None
    assert (first.product_idea, first.depth, first.rerun_of) == (IDEA, "essential", original.id)
    assert (second.product_idea, second.depth, second.rerun_of) == (EDITED, "deep", original.id)
    assert balance_current(user=alice).current_balance == before - 6 - 18


@pytest.mark.django_db
def test_an_edited_rerun_is_validated_like_a_submission(
    alice: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    # given alice's completed research
    original = make_task(alice.pk, status="completed", product_idea=IDEA)
    insert_tasks([original])
    before = balance_current(user=alice).current_balance
    # when she edits it into an idea without letters, or picks an unknown depth
    blank = alice_api.post(f"{LIST}/{original.id}/rerun", {"product_idea": "\u200b" * 30}, format="json")
    depth = alice_api.post(f"{LIST}/{original.id}/rerun", {"research_depth": "enormous"}, format="json")
    # then each is refused on its field and nothing is charged
    assert blank.status_code == 400 and "product_idea" in blank.json()["error"]["fields"], blank.content
    assert depth.status_code == 400 and "research_depth" in depth.json()["error"]["fields"], depth.content
    assert balance_current(user=alice).current_balance == before
