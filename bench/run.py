"""``make bench``: the product against fake providers with fixed latencies; writes bench/results/latest.json.

Run inside fresh embedded engines (the Makefile does):

    .venv/bin/python -m infra.embedded run --dir var/bench --fresh -- .venv/bin/python bench/run.py

Starts the real ASGI server (uvicorn) and real Celery workers (threads pool) on the engines, the fake
Tavily and OpenAI servers in this process, and measures: each depth's wall time against its critical
path, 20 concurrent essentials, an offline essential, the API under load from a separate process,
credit reservations per second (bench/credits_bench.py) and the peak RSS of web and worker.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stack import BENCH_ENV, RssSampler, bench_env, start_server, start_worker  # noqa: E402
from bench.table import render  # noqa: E402

RESULTS = ROOT / "bench" / "results"
WORKER_CONCURRENCY = int(os.environ.get("BENCH_WORKER_CONCURRENCY", "20"))
WEB_WORKERS = int(os.environ.get("BENCH_WEB_WORKERS", "2"))  # as compose.yaml runs the web service
CONCURRENT_RESEARCHES = 20
TAVILY_KEY, OPENAI_KEY = "tvly-bench-key", "sk-bench-key"


def latencies() -> Any:
    """The fixed latencies of issue 8 (providers.md ranges): extract advanced 5 s, not the preset's 6."""
    from fakes.latency import Latencies

    return Latencies(search_basic=1.5, search_advanced=3.0, extract_basic=2.0, extract_advanced=5.0,
                     first_token=0.6, tokens_per_second=60.0)  # fmt: skip


def setup_django() -> None:
    """Settings like the workers', a migrated database, MongoDB indexes."""
    os.environ.update(BENCH_ENV)
    import django

    django.setup()
    from django.core.management import call_command

    from research import mongo

    call_command("migrate", "--noinput", verbosity=0)
    mongo.get_client().drop_database(os.environ["MONGODB_DB"])
    mongo.ensure_indexes()


def bench_user() -> tuple[Any, str]:
    """A user with plenty of credits and an API key."""
    from django.contrib.auth import get_user_model

    from credits.keys import api_key_create
    from credits.services import staff_grant

    user = get_user_model().objects.create(username="bench")
    staff_grant(user=user, amount=100_000, reason="benchmark", actor=None)
    return user, api_key_create(user=user, name="bench").raw


def finished_task(owner_id: int) -> str:
    """A completed task to poll when no research ran (``--api-only``)."""
    import uuid

    from research import documents

    task = documents.ResearchTask(
        id=uuid.uuid4().hex, owner_id=owner_id, request_id=uuid.uuid4().hex, title="Bench poll target",
        product_idea="A meal planner for busy families.", depth="essential", status=documents.COMPLETED,
    )  # fmt: skip
    documents.task_insert(task)
    return task.id


def run_credits(per_worker: int) -> dict[str, Any]:
    """bench/credits_bench.py in its own process (it creates and drops its own database)."""
    command = [sys.executable, str(ROOT / "bench" / "credits_bench.py"), "--per-worker", str(per_worker)]
    subprocess.run(command, cwd=ROOT, env={**os.environ, "LOG_LEVEL": "WARNING"}, check=True)
    return json.loads((RESULTS / "credits.json").read_text())  # type: ignore[no-any-return]


def online_env(tavily_url: str, openai_url: str) -> dict[str, str]:
    """Worker environment pointing the real provider clients at the fakes."""
    return bench_env(TAVILY_API_KEY=TAVILY_KEY, TAVILY_API_BASE_URL=tavily_url, OPENAI_API_KEY=OPENAI_KEY,
                     OPENAI_BASE_URL=openai_url + "/v1", PROVIDER_TIMEOUT_SECONDS="60")  # fmt: skip


def run_researches(client: Any, sampler: RssSampler, results: dict[str, Any]) -> None:
    """Offline essential, then each depth alone and 20 essentials at once with the fakes."""
    from bench.research_bench import run_concurrent, run_depth, run_offline
    from fakes.latency import INSTANT, apply_latencies
    from fakes.openai import FakeOpenAI
    from fakes.tavily import FakeTavily

    offline = start_worker("worker-offline", WORKER_CONCURRENCY, bench_env())
    sampler.watch("worker", offline.pid)
    run_offline(client)  # warm-up: imports, checkpoint tables
    results["offline"] = run_offline(client)
    offline.stop()
    with FakeTavily(api_key=TAVILY_KEY) as tavily, FakeOpenAI(api_key=OPENAI_KEY) as llm:
        worker = start_worker("worker-online", WORKER_CONCURRENCY, online_env(tavily.url, llm.url))
        sampler.watch("worker", worker.pid)
        try:
            apply_latencies(INSTANT, tavily=tavily, openai=llm)
            run_depth(client, tavily, llm, INSTANT, "essential")  # warm-up of the online clients
            apply_latencies(latencies(), tavily=tavily, openai=llm)
            results["depths"] = {depth: run_depth(client, tavily, llm, latencies(), depth)
                                 for depth in ("essential", "standard", "deep")}  # fmt: skip
            single = results["depths"]["essential"]["wall_seconds"]
            results["concurrent"] = run_concurrent(client, CONCURRENT_RESEARCHES, single)
        finally:
            worker.stop()


def main() -> None:
    """Run every scenario, write latest.json, print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--load-seconds", type=float, default=20.0)
    parser.add_argument("--credits-per-worker", type=int, default=250)
    parser.add_argument("--api-only", action="store_true", help="only the API figures (no researches)")
    parser.add_argument("--research-only", action="store_true", help="only the researches (prints JSON)")
    parser.add_argument("--poll-only", action="store_true", help="only the status poll rows (~1 min)")
    arguments = parser.parse_args()
    began, load_before = time.monotonic(), os.getloadavg()
    setup_django()
    import httpx

    from bench.api_bench import run_api, run_poll
    from infra.embedded import free_port

    user, key = bench_user()
    sampler = RssSampler()
    sampler.start()
    port = free_port()
    server = start_server(port, bench_env(), WEB_WORKERS)
    sampler.watch("web", server.pid)
    base_url = f"http://127.0.0.1:{port}"
    results: dict[str, Any] = {}
    try:
        headers = {"Authorization": f"Api-Key {key}"}
        if arguments.api_only or arguments.poll_only:
            poll_task = finished_task(user.pk)
        else:
            with httpx.Client(base_url=base_url, headers=headers, timeout=60) as client:
                run_researches(client, sampler, results)
            if arguments.research_only:
                print(json.dumps({key: results[key] for key in ("depths", "concurrent")}, indent=2))
                return
            poll_task = results["depths"]["essential"]["task_id"]
        api = run_poll if arguments.poll_only else run_api
        results["api"] = api(base_url, key, user.pk, poll_task, arguments.load_seconds)
    finally:
        server.stop()
        sampler.stopped.set()
    if not (arguments.api_only or arguments.poll_only):
        results["credits"] = run_credits(arguments.credits_per_worker)
    results["peak_rss_mb"] = {role: round(mb, 1) for role, mb in sampler.peaks_mb.items()}
    results["machine"] = machine(load_before, time.monotonic() - began)
    write(results)


def machine(load_before: tuple[float, float, float], seconds: float) -> dict[str, Any]:
    """Where and when the numbers were measured."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
        "load_average_before": [round(value, 2) for value in load_before],
        "load_average_after": [round(value, 2) for value in os.getloadavg()],
        "worker_concurrency": WORKER_CONCURRENCY, "web_processes": WEB_WORKERS,
        "bench_seconds": round(seconds, 1),
        "commit": commit.stdout.strip(), "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "latencies": latencies().__dict__, "rate_limits": "off (RATE_LIMITS_ENABLED=false)",
    }  # fmt: skip


def write(results: dict[str, Any]) -> None:
    """Save latest.json and print the table."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(render(results))
    print(f"written to {(RESULTS / 'latest.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
