"""Task list, detail, suggest, delete and isolation between users."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from research import documents
from research.tests.factories import insert_tasks, make_task, now, spaced

LIST = "/api/v1/research/tasks"
STATUS_CYCLE = ["queued", "processing", "completed", "failed", "aborted"]
DEPTH_CYCLE = ["essential", "standard", "deep"]
TITLES = [
    "Meal planner (beta) for families",
    "Restaurant waste tracker",
    "Async stand-up videos",
    "Pet telehealth",
]


@pytest.fixture
def thousand_tasks(alice: Any, bob: Any, mongo_db: Any) -> dict[str, Any]:
    """600 tasks of alice and 400 of bob, with cycling statuses, depths and titles, one minute apart."""
    start = now() - timedelta(days=2)
    tasks = []
    for index in range(1000):
        owner = alice if index % 10 < 6 else bob
        tasks.append(make_task(
            owner.pk, title=f"{TITLES[index % 4]} #{index}",
            product_idea=f"Idea number {index}: {TITLES[index % 4]}",
            status=STATUS_CYCLE[index % 5], depth=DEPTH_CYCLE[index % 3], created_at=spaced(start, index),
        ))  # fmt: skip
    insert_tasks(tasks)
    return {"start": start, "tasks": tasks, "alice": [t for t in tasks if t.owner_id == alice.pk]}


def titles(response: Any) -> list[str]:
    return [row["title"] for row in response.json()["results"]]


@pytest.mark.django_db
def test_list_is_newest_first_and_paginated_with_the_exact_total(
    alice_api: APIClient, thousand_tasks: Any
) -> None:
    mine = sorted(thousand_tasks["alice"], key=lambda task: task.created_at, reverse=True)
    page_3 = alice_api.get(LIST, {"page": 3, "page_size": 25})
    assert page_3.status_code == 200
    body = page_3.json()
    assert (body["count"], body["page"], body["page_size"]) == (600, 3, 25)
    assert titles(page_3) == [task.title for task in mine[50:75]]
    last = alice_api.get(LIST, {"page": 24, "page_size": 25})
    assert titles(last) == [task.title for task in mine[575:600]]
    assert alice_api.get(LIST, {"page": 25, "page_size": 25}).json()["results"] == []


@pytest.mark.django_db
def test_filters_combine_status_depth_dates_and_free_text(alice_api: APIClient, thousand_tasks: Any) -> None:
    start = thousand_tasks["start"]
    after, before = spaced(start, 100), spaced(start, 700)
    expected = [
        task for task in thousand_tasks["alice"]
        if task.status in ("completed", "failed") and task.depth == "deep"
        and after <= task.created_at < before and "meal planner (beta)" in task.title.lower()
    ]  # fmt: skip
    response = alice_api.get(LIST, {
        "status": "completed,failed", "depth": "deep", "created_after": after.isoformat(),
        "created_before": before.isoformat(), "q": "MEAL PLANNER (BETA)", "page_size": 100,
    })  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json()["count"] == len(expected) > 0
    assert sorted(titles(response)) == sorted(task.title for task in expected)


@pytest.mark.django_db
def test_repeated_status_parameter_and_sort_by_status(alice_api: APIClient, thousand_tasks: Any) -> None:
    statuses: list[str] = []
    for page in (1, 2, 3):
        response = alice_api.get(f"{LIST}?status=queued&status=aborted&sort=status&page_size=100&page={page}")
        statuses += [row["status"] for row in response.json()["results"]]
    expected = sorted(task.status for task in thousand_tasks["alice"] if task.status in ("queued", "aborted"))
    assert response.json()["count"] == len(expected) == 300
    assert statuses == expected


@pytest.mark.django_db
@pytest.mark.parametrize("text", [".*", "(", "[a-", "\\", "$where", "#1 OR 1=1", '{"$gt": ""}'])
def test_free_text_is_escaped_never_a_500(alice_api: APIClient, thousand_tasks: Any, text: str) -> None:
    response = alice_api.get(LIST, {"q": text})
    assert response.status_code == 200
    # symbols are not operators: only the words typed count, each as the start of a word of the task
    typed = re.findall(r"[^\W_]+", text.lower())
    for row in response.json()["results"]:
        task_words = re.findall(r"[^\W_]+", (row["title"] + " " + row["product_idea"]).lower())
        assert typed and all(any(word.startswith(prefix) for word in task_words) for prefix in typed)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field"),
    [({"status": "done"}, "status"), ({"depth": "ultra"}, "depth"), ({"sort": "owner"}, "sort"),
     ({"page": "0"}, "page"), ({"page_size": "1000"}, "page_size"),
     ({"created_after": "yesterday"}, "created_after")],
)  # fmt: skip
def test_bad_list_parameters_are_400_with_the_field(
    alice_api: APIClient, mongo_db: Any, params: Any, field: str
) -> None:
    response = alice_api.get(LIST, params)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


@pytest.mark.django_db
def test_suggest_returns_the_newest_matching_titles(alice_api: APIClient, thousand_tasks: Any) -> None:
    response = alice_api.get(f"{LIST}/suggest", {"q": "stand-up"})
    suggestions = response.json()["suggestions"]
    mine = sorted(thousand_tasks["alice"], key=lambda task: task.created_at, reverse=True)
    assert [s["title"] for s in suggestions] == [t.title for t in mine if "stand-up" in t.title][:8]
    assert alice_api.get(f"{LIST}/suggest", {"q": ""}).json() == {"suggestions": [], "terms": []}


@pytest.mark.django_db
def test_detail_has_checkpoints_and_iso_timestamps_with_offset(
    alice: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    task = make_task(alice.pk, status="processing", checkpoints=[
        documents.CheckpointRecord(1, "research_plan_created", "initialization", "Plan created", now()),
    ])  # fmt: skip
    insert_tasks([task])
    body = alice_api.get(f"{LIST}/{task.id}").json()
    assert body["checkpoints"][0]["key"] == "research_plan_created"
    assert body["progress"] == round(1 / 17, 4)
    assert body["created_at"].endswith(("Z", "+00:00"))
    assert body["checkpoints"][0]["at"].endswith(("Z", "+00:00"))


@pytest.mark.django_db
def test_another_users_task_is_404_on_every_endpoint(alice: Any, bob_api: APIClient, mongo_db: Any) -> None:
    task = make_task(alice.pk, status="completed", report={"title": "secret"})
    insert_tasks([task])
    base = f"{LIST}/{task.id}"
    responses = [
        bob_api.get(base), bob_api.delete(base), bob_api.post(f"{base}/abort"),
        bob_api.post(f"{base}/rerun", {}, format="json"),
        bob_api.get(f"{base}/report"), bob_api.get(f"{base}/export", {"format": "json"}),
    ]  # fmt: skip
    assert [response.status_code for response in responses] == [404] * 6
    assert all(response.json()["error"]["code"] == "not_found" for response in responses)
    assert bob_api.get(LIST).json()["count"] == 0
    assert bob_api.post(f"{LIST}/bulk-delete", {"ids": [task.id]}, format="json").json() == {
        "deleted": [],
        "skipped": [{"id": task.id, "reason": "not found"}],
    }
    assert documents.task_get(task.id) is not None


@pytest.mark.django_db
def test_missing_task_is_404_not_500(alice_api: APIClient, mongo_db: Any) -> None:
    response = alice_api.get(f"{LIST}/does-not-exist")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Research task not found."}}


@pytest.mark.django_db
def test_delete_refuses_running_tasks_and_bulk_delete_reports_them(
    alice: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    done, running = make_task(alice.pk, status="completed"), make_task(alice.pk, status="processing")
    insert_tasks([done, running])
    refused = alice_api.delete(f"{LIST}/{running.id}")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "task_still_running"
    bulk = alice_api.post(f"{LIST}/bulk-delete", {"ids": [done.id, running.id]}, format="json")
    assert bulk.json() == {
        "deleted": [done.id],
        "skipped": [{"id": running.id, "reason": "still running; abort it first"}],
    }
    # the deleted one is hidden from alice, and kept as a tombstone for the audit
    assert documents.task_get(done.id, owner_id=alice.pk) is None
    assert documents.task_get(running.id, owner_id=alice.pk) is not None
    tombstone = documents.task_get(done.id)
    assert tombstone is not None and tombstone.deleted_at is not None and tombstone.report is None
    assert alice_api.get(f"{LIST}/{done.id}").status_code == 404
    assert done.id not in [task["id"] for task in alice_api.get(LIST).json()["results"]]


@pytest.mark.django_db
def test_report_of_an_unfinished_task_is_409(alice: Any, alice_api: APIClient, mongo_db: Any) -> None:
    task = make_task(alice.pk, status="processing")
    insert_tasks([task])
    response = alice_api.get(f"{LIST}/{task.id}/report")
    assert response.status_code == 409
    assert response.json()["error"]["message"] == "The report is not ready: the research is processing."


@pytest.mark.django_db
def test_depths_and_checkpoints_come_from_the_server(alice_api: APIClient) -> None:
    depths = alice_api.get("/api/v1/research/depths").json()
    assert [(d["name"], d["credits"], d["urls_per_agent"]) for d in depths] == [
        ("essential", 6, 5),
        ("standard", 12, 5),
        ("deep", 18, 10),
    ]
    checkpoints = alice_api.get("/api/v1/research/checkpoints").json()
    assert len(checkpoints) == 17 and checkpoints[-1]["key"] == "final_report_delivered"
    assert alice_api.get("/api/v1/me").json() == {
        "username": "alice",
        "is_staff": False,
        "hcaptcha_site_key": "",
        "idea_min_length": 10,
        "idea_max_length": 2000,
        "default_depth": "essential",
        "sample_corpus": True,
    }


@pytest.mark.django_db
def test_availability_says_whether_a_worker_answers(alice_api: APIClient) -> None:
    # given no Celery worker listens on the test broker, when the app asks before a submit
    answer = alice_api.get("/api/v1/research/availability")
    # then it is told no worker answered (and nothing fails)
    assert answer.status_code == 200
    assert answer.json() == {"workers_available": False, "message": "No research worker answered."}


@pytest.mark.django_db(transaction=True)
def test_availability_is_shared_briefly_and_forgotten_when_a_worker_starts_or_stops(
    alice_api: APIClient, request: pytest.FixtureRequest
) -> None:
    from django.core.cache import cache

    from conftest import WorkerProcess, private_queue
    from research import availability

    # given no worker: the answer is remembered for every web process, so the next form load does not ping
    assert alice_api.get("/api/v1/research/availability").json()["workers_available"] is False
    assert cache.get(availability.KEY) == [False, availability.NO_WORKER]
    # when a real worker starts, it forgets the remembered "no" and the next answer is yes at once
    worker = WorkerProcess(private_queue(request))
    try:
        answer = alice_api.get("/api/v1/research/availability").json()
        assert answer["workers_available"] is True and "answered" in answer["message"]
    finally:
        # and when it stops, the remembered "yes" goes with it
        worker.stop()
    assert alice_api.get("/api/v1/research/availability").json()["workers_available"] is False


@pytest.mark.django_db
def test_presenters_render_exactly_what_the_documented_serializers_would(alice: Any, mongo_db: Any) -> None:
    from research import presenters
    from research.serializers import TaskDetailSerializer, TaskSummarySerializer

    # given a finished task with every optional field set, and a fresh one with none
    stamp = now()
    full = make_task(
        alice.pk, status="completed", started_at=stamp, completed_at=stamp, pmf_score=71, error=None,
        rerun_of="abc", cost={"tavily_credits": 6.0, "tokens": {"market": 10}, "seconds": {"report": 0.5}},
        sources_count=9, refunded=True,
        checkpoints=[documents.CheckpointRecord(1, "research_plan_created", "initialization", "Plan", stamp)],
    )  # fmt: skip
    bare = make_task(alice.pk, status="failed", error="The research failed: boom")
    insert_tasks([full, bare])
    for task in (documents.task_get(full.id), documents.task_get(bare.id)):
        assert task is not None
        # then the fast presenters and the serializers agree field for field
        assert presenters.task_detail(task) == TaskDetailSerializer(task).data
        assert presenters.task_summary(task) == TaskSummarySerializer(task).data


@pytest.mark.django_db
def test_insufficient_evidence_is_a_status_the_list_filters_and_sorts_by_score(
    alice_api: APIClient, alice: Any, mongo_db: Any
) -> None:
    # given alice's researches: two scored, one without enough evidence
    start = now()
    insert_tasks([
        make_task(alice.pk, title="Low", status="completed", pmf_score=31, created_at=spaced(start, 0)),
        make_task(alice.pk, title="None", status="insufficient_evidence", created_at=spaced(start, 1)),
        make_task(alice.pk, title="High", status="completed", pmf_score=82, created_at=spaced(start, 2)),
    ])  # fmt: skip
    # when she filters by the insufficient-evidence status, then only that one comes back
    only = alice_api.get(LIST, {"status": "insufficient_evidence"})
    assert only.status_code == 200 and titles(only) == ["None"]
    # and sorted by score, the best comes first and the unscored last
    assert titles(alice_api.get(LIST, {"sort": "-pmf_score"})) == ["High", "Low", "None"]
