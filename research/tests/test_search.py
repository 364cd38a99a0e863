"""Free-text search through each task's normalised words: prefixes, accents, owners, the backfill."""

from __future__ import annotations

import io
from typing import Any

from django.core.management import call_command
from rest_framework.test import APIClient

from research import documents, search
from research.mongo import research_tasks
from research.tests.factories import insert_tasks, make_task

LIST = "/api/v1/research/tasks"


def titles(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(row["title"] for row in response.json()["results"])


def test_words_are_case_and_accent_folded() -> None:
    assert search.words("Crème BRÛLÉE café-bar, 24/7") == ["creme", "brulee", "cafe", "bar", "24", "7"]
    assert search.tokens("Meal meal MEAL", "planner") == ["meal", "planner"]


def test_each_typed_word_is_a_prefix_and_all_must_match(
    alice: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    # given alice's three tasks
    insert_tasks([
        make_task(alice.pk, title="Meal planner", product_idea="Plans meals for families."),
        make_task(alice.pk, title="Mealworm farm", product_idea="Protein from insects."),
        make_task(alice.pk, title="Café finder", product_idea="Finds quiet cafés to work from."),
    ])  # fmt: skip
    # when she types prefixes, in any case, with or without accents
    # then every task having a word starting with each typed word is found
    assert titles(alice_api.get(LIST, {"q": "mea"})) == ["Meal planner", "Mealworm farm"]
    assert titles(alice_api.get(LIST, {"q": "MEAL fam"})) == ["Meal planner"]
    assert titles(alice_api.get(LIST, {"q": "cafe"})) == ["Café finder"]
    assert titles(alice_api.get(LIST, {"q": "QUIÉT"})) == ["Café finder"]
    assert titles(alice_api.get(LIST, {"q": "meal zebra"})) == []
    assert titles(alice_api.get(LIST, {"q": "planner"})) == ["Meal planner"]


def test_another_users_words_neither_match_nor_complete(
    alice: Any, bob: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    # given bob's secret task
    insert_tasks([make_task(bob.pk, title="Zeppelin tours", product_idea="Zeppelin rides over Berlin.")])
    # when alice searches and types its words, then she sees neither the task nor the word
    assert titles(alice_api.get(LIST, {"q": "zepp"})) == []
    suggest = alice_api.get(f"{LIST}/suggest", {"q": "zep"}).json()
    assert suggest == {"suggestions": [], "terms": []}


def test_suggest_completes_the_word_being_typed(alice: Any, alice_api: APIClient, mongo_db: Any) -> None:
    # given alice's tasks
    insert_tasks([
        make_task(alice.pk, title="Meal planner", product_idea="Plans meals."),
        make_task(alice.pk, title="Mealworm farm", product_idea="Protein."),
    ])  # fmt: skip
    # when she types "mea", then the words she may mean come back, and the matching titles
    body = alice_api.get(f"{LIST}/suggest", {"q": "mea"}).json()
    assert body["terms"] == ["meal", "meals", "mealworm"]
    assert sorted(s["title"] for s in body["suggestions"]) == ["Meal planner", "Mealworm farm"]
    # and only the last word is completed
    assert alice_api.get(f"{LIST}/suggest", {"q": "meal pla"}).json()["terms"] == ["planner", "plans"]


def test_a_submitted_task_is_searchable(alice: Any, alice_api: APIClient, mongo_db: Any) -> None:
    # given a task stored through the repository (as submit does)
    documents.task_insert(
        make_task(alice.pk, title="Drone roof inspection", product_idea="Drones for roofers.")
    )
    # when she searches its words, then it is found
    assert titles(alice_api.get(LIST, {"q": "roofer"})) == ["Drone roof inspection"]


def test_the_backfill_indexes_tasks_stored_before_search(
    alice: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    # given tasks stored by an older version: no words, no vocabulary
    old = [
        make_task(alice.pk, title=f"Legacy pet clinic {n}", product_idea="Vets on call.") for n in range(3)
    ]
    research_tasks().insert_many([documents._to_document(task) for task in old])
    research_tasks().update_many({}, {"$unset": {"search_tokens": ""}})
    assert titles(alice_api.get(LIST, {"q": "vets"})) == []
    # when the backfill runs (twice: the second finds nothing left to do)
    out = io.StringIO()
    call_command("search_backfill", stdout=out)
    call_command("search_backfill", stdout=out)
    # then they are found, and the second run changed nothing
    assert titles(alice_api.get(LIST, {"q": "vets"})) == [task.title for task in old]
    assert out.getvalue().splitlines()[0].startswith("indexed 3 tasks")
    assert out.getvalue().splitlines()[1].startswith("indexed 0 tasks")


def test_staff_search_covers_every_owner(alice: Any, bob: Any, mongo_db: Any) -> None:
    # given alice's and bob's tasks with a shared word
    insert_tasks([make_task(alice.pk, title="Pet clinic"), make_task(bob.pk, title="Pet hotel")])
    # when staff search across owners, and within bob's
    everyone, _ = documents.task_list_all(documents.TaskFilters(owner_id=0, text="pet"), owner_ids=[])
    bobs, _ = documents.task_list_all(documents.TaskFilters(owner_id=0, text="pet"), owner_ids=[bob.pk])
    # then
    assert sorted(task.title for task in everyone) == ["Pet clinic", "Pet hotel"]
    assert [task.title for task in bobs] == ["Pet hotel"]
