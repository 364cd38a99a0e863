"""Owner search through ``search_entries``: answered from the index, and the same answers as reading every
task would give (prefixes, several words, filters, sorts, pages), never another user's or a hidden task."""

from __future__ import annotations

import io
import random
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from research import documents, search
from research.mongo import research_tasks, search_entries
from research.tests.factories import insert_tasks, make_task, now

LIST = "/api/v1/research/tasks"
WORDS = ("meal", "mealworm", "grocery", "garden", "gardening", "pet", "petrol", "travel", "tutor", "music")


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def corpus(owner_id: int, count: int, seed: int = 5) -> list[documents.ResearchTask]:
    """``count`` tasks with two or three words from WORDS, distinct creation times, mixed statuses."""
    rng = random.Random(seed)
    start = now() - timedelta(days=1)
    tasks = []
    for number in range(count):
        chosen = rng.sample(WORDS, rng.choice((2, 3)))
        tasks.append(make_task(
            owner_id, title=" ".join(chosen).capitalize(), product_idea=f"A {chosen[0]} idea.",
            created_at=start + timedelta(minutes=number), status=rng.choice(("completed", "failed")),
            pmf_score=rng.randint(0, 100),
        ))  # fmt: skip
    return tasks


def expected(tasks: list[documents.ResearchTask], text: str) -> list[documents.ResearchTask]:
    """What a scan of every task finds: each typed word is a prefix of one of the task's words."""
    typed = search.words(text)
    return [
        task for task in tasks
        if all(any(word.startswith(prefix) for word in search.tokens(task.title, task.product_idea))
               for prefix in typed)
    ]  # fmt: skip


def newest_first(tasks: list[documents.ResearchTask]) -> list[str]:
    """Newest first, equal times by id (as the list sorts)."""
    by_id = sorted(tasks, key=lambda task: task.id)
    return [task.id for task in sorted(by_id, key=lambda task: task.created_at, reverse=True)]


@pytest.mark.parametrize("text", ["mea", "meal", "mealw", "gard pet", "garden petrol mea", "tut", "zebra"])
def test_search_finds_what_a_full_scan_finds_newest_first_with_the_count(
    alice: Any, alice_api: APIClient, mongo_db: Any, text: str
) -> None:
    # given alice's sixty tasks
    tasks = corpus(alice.pk, 60)
    insert_tasks(tasks)
    # when she searches, then the first page and the count are a full scan's
    response = alice_api.get(LIST, {"q": text, "page_size": 100})
    assert ids(response) == newest_first(expected(tasks, text))
    assert response.json()["count"] == len(expected(tasks, text))


def test_pages_of_a_search_neither_overlap_nor_miss(alice: Any, alice_api: APIClient, mongo_db: Any) -> None:
    # given alice's tasks, some created at the same instant (the id breaks the tie)
    tasks = corpus(alice.pk, 30)
    for task in tasks[10:16]:
        task.created_at = tasks[10].created_at
    insert_tasks(tasks)
    matching = expected(tasks, "gard")
    # when she pages through a search seven at a time, newest first and oldest first
    for sort in ("-created_at", "created_at"):
        seen = []
        for page in range(1, len(matching) // 7 + 2):
            seen += ids(alice_api.get(LIST, {"q": "gard", "page_size": 7, "page": page, "sort": sort}))
        # then every match comes once, in the order the plain list uses
        plain = alice_api.get(LIST, {"page_size": 100, "sort": sort}).json()["results"]
        assert seen == [row["id"] for row in plain if row["id"] in {task.id for task in matching}]


def test_search_with_a_status_filter_a_score_sort_and_a_date_range(
    alice: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    # given alice's tasks
    tasks = corpus(alice.pk, 60)
    insert_tasks(tasks)
    matching = expected(tasks, "pet")
    after = tasks[20].created_at
    # when she narrows a search by status, sorts it by score, limits it to a date range
    failed = alice_api.get(LIST, {"q": "pet", "status": "failed", "page_size": 100}).json()
    by_score = ids(alice_api.get(LIST, {"q": "pet", "sort": "-pmf_score", "page_size": 100}))
    recent = alice_api.get(LIST, {"q": "pet", "created_after": after.isoformat(), "page_size": 100}).json()
    # then each answer is the scan's
    assert [row["id"] for row in failed["results"]] == newest_first(
        [task for task in matching if task.status == "failed"]
    )
    assert failed["count"] == len([task for task in matching if task.status == "failed"])
    ordered = sorted(matching, key=lambda task: task.created_at, reverse=True)
    assert by_score == [task.id for task in sorted(ordered, key=lambda task: -(task.pmf_score or 0))]
    assert [row["id"] for row in recent["results"]] == newest_first(
        [task for task in matching if task.created_at >= after]
    )


def test_another_users_tasks_never_match_even_with_the_same_words(
    alice: Any, bob: Any, alice_api: APIClient, bob_api: APIClient, mongo_db: Any
) -> None:
    # given alice and bob with tasks made of the same words
    alices, bobs = corpus(alice.pk, 20, seed=1), corpus(bob.pk, 20, seed=1)
    insert_tasks(alices + bobs)
    # when each searches and asks for suggestions, filtered and sorted too
    for client, own in ((alice_api, alices), (bob_api, bobs)):
        found = ids(client.get(LIST, {"q": "mea", "page_size": 100}))
        scored = ids(client.get(LIST, {"q": "mea", "sort": "pmf_score", "page_size": 100}))
        suggested = [row["id"] for row in client.get(f"{LIST}/suggest", {"q": "mea"}).json()["suggestions"]]
        # then only their own tasks come back
        mine = {task.id for task in own}
        assert found and set(found) <= mine
        assert set(scored) == set(found)
        assert suggested and set(suggested) <= mine


def test_deleted_and_unsettled_tasks_are_not_found(alice: Any, alice_api: APIClient, mongo_db: Any) -> None:
    # given three finished meal tasks of alice, and one whose charge is not settled yet
    kept, deleted = make_task(alice.pk, title="Meal kit"), make_task(alice.pk, title="Meal box")
    other = make_task(alice.pk, title="Meal plan")
    unsettled = make_task(alice.pk, title="Meal prep", charged=False)
    for task in (kept, deleted, other, unsettled):
        task.status = documents.COMPLETED
    insert_tasks([kept, deleted, other])
    documents.task_insert(unsettled)
    # when she deletes one (and the other through bulk delete)
    assert alice_api.delete(f"{LIST}/{deleted.id}").status_code == 204
    assert alice_api.post(f"{LIST}/bulk-delete", {"ids": [other.id]}, format="json").json()["deleted"] == [
        other.id
    ]
    # then searches, filtered searches and suggestions show only the kept task
    assert ids(alice_api.get(LIST, {"q": "meal"})) == [kept.id]
    assert ids(alice_api.get(LIST, {"q": "meal", "status": "completed"})) == [kept.id]
    suggested = alice_api.get(f"{LIST}/suggest", {"q": "mea"}).json()["suggestions"]
    assert [row["id"] for row in suggested] == [kept.id]
    # and the deleted tasks left no search entry behind
    assert search_entries().count_documents({"_id": {"$in": [deleted.id, other.id]}}) == 0
    # and when the unsettled task is discarded (its charge refused), its entry goes too
    assert documents.task_remove_uncharged(unsettled.id)
    assert search_entries().count_documents({"_id": unsettled.id}) == 0


def test_an_owner_search_reads_only_the_matching_entries_through_the_index(
    alice: Any, bob: Any, mongo_db: Any
) -> None:
    # given 120 tasks of alice's and 40 of bob's, 8 of alice's about mealworms
    tasks = corpus(alice.pk, 112, seed=3)
    tasks = [task for task in tasks if "mealworm" not in search.tokens(task.title, task.product_idea)]
    worms = [make_task(alice.pk, title=f"Mealworm farm {n}") for n in range(8)]
    insert_tasks(tasks + worms + corpus(bob.pk, 40, seed=4))
    # when the query search sends for "mealw" is explained
    query = search.entries_query(alice.pk, search.owner_expansions(alice.pk, "mealw")[0])
    plan = search_entries().find(query).explain()
    # then it is an index scan of (owner_id, tokens) that examined the eight entries and nothing else
    winning = plan["queryPlanner"]["winningPlan"]
    stages = [winning, *[winning.get("inputStage", {})]]
    assert any(
        stage.get("stage") == "IXSCAN" and stage.get("indexName") == "owner_token_created" for stage in stages
    )
    stats = plan["executionStats"]
    assert stats["nReturned"] == 8
    assert stats["totalDocsExamined"] == 8
    # and the search itself answers from it
    assert set(search.owner_matches(alice.pk, "mealw")) == {task.id for task in worms}


def test_the_task_query_of_a_filtered_search_starts_with_the_index_lookup(alice: Any, mongo_db: Any) -> None:
    # given alice's tasks
    tasks = corpus(alice.pk, 80, seed=7)
    insert_tasks(tasks)
    # when the first stage a filtered search sends to the tasks is explained
    lookup = {"owner_id": alice.pk, "search_tokens": {"$in": search.owner_expansions(alice.pk, "tutor")[0]}}
    plan = research_tasks().find(lookup).explain()
    # then it is the (owner_id, search_tokens) index, examining only the matches
    assert plan["queryPlanner"]["winningPlan"]["inputStage"]["indexName"] == "owner_search_tokens"
    assert plan["executionStats"]["totalDocsExamined"] == len(expected(tasks, "tutor"))


def spread(owner_id: int) -> list[documents.ResearchTask]:
    """Tasks created over two years: the last day, the last week, months and a year ago."""
    rng, tasks = random.Random(11), []
    ages = [timedelta(hours=h) for h in range(1, 12)] + [
        timedelta(days=d) for d in (2, 3, 5, 20, 40, 200, 500)
    ]
    for number, age in enumerate(ages * 4):
        chosen = rng.sample(WORDS, 2)
        title = f"{' '.join(chosen).capitalize()} {number}"
        tasks.append(make_task(owner_id, title=title, product_idea="An idea.", created_at=now() - age))
    return tasks


@pytest.mark.parametrize("text", ["mea", "mealworm", "gard pet", "tutor music", "travel", "zebra"])
@pytest.mark.parametrize("count", [1, 3, 16, 100])
def test_suggestions_are_the_newest_matches_whatever_their_age(
    alice: Any, bob: Any, mongo_db: Any, text: str, count: int
) -> None:
    # given alice's tasks spread over two years (and bob's with the same words, all recent)
    tasks = spread(alice.pk)
    insert_tasks(tasks + corpus(bob.pk, 30))
    # when the newest matches are asked for, then they are a full scan's, newest first
    assert search.newest_matches(alice.pk, text, count) == newest_first(expected(tasks, text))[:count]


def test_recent_suggestions_read_only_the_recent_entries(alice: Any, mongo_db: Any) -> None:
    # given 40 meal tasks of alice's, 5 of them from the last day
    recent = [
        make_task(alice.pk, title=f"Meal {n}", created_at=now() - timedelta(hours=n + 1)) for n in range(5)
    ]
    old = [
        make_task(alice.pk, title=f"Meal {n}", created_at=now() - timedelta(days=3 + n)) for n in range(35)
    ]
    insert_tasks(recent + old)
    # when the query suggestions send for the last day is explained
    since = now() - timedelta(days=1)
    query = {"owner_id": alice.pk, "tokens": "meal", "created_at": {"$gte": since}}
    plan = search_entries().find(query).explain()
    # then the index range read the five recent entries and nothing else
    assert plan["queryPlanner"]["winningPlan"]["inputStage"]["indexName"] == "owner_token_created"
    assert plan["executionStats"]["totalDocsExamined"] == 5
    # and three suggestions come from them
    assert search.newest_matches(alice.pk, "mea", 3) == [task.id for task in recent[:3]]


def test_the_backfill_gives_entries_to_tasks_stored_before_entries_existed(
    alice: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    # given alice's tasks with their words but no search entry (stored by the previous version), one deleted
    tasks = [make_task(alice.pk, title=f"Kite school {n}") for n in range(3)]
    tasks[2].deleted_at = now()
    insert_tasks(tasks)
    search_entries().delete_many({})
    assert ids(alice_api.get(LIST, {"q": "kite"})) == []
    # when the backfill runs twice
    out = io.StringIO()
    call_command("search_backfill", stdout=out)
    call_command("search_backfill", stdout=out)
    # then the two visible tasks are found again, the deleted one has no entry, the second run did nothing
    assert sorted(ids(alice_api.get(LIST, {"q": "kite"}))) == sorted(task.id for task in tasks[:2])
    assert search_entries().count_documents({"_id": tasks[2].id}) == 0
    assert [line.split(" in ")[0] for line in out.getvalue().splitlines()] == [
        "indexed 2 tasks",
        "indexed 0 tasks",
    ]
