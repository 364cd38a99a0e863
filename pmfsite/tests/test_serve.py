"""`make run` (scripts/serve.py): healthy, stops everything it started, and keeps the data across restarts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import httpx
import psutil
import pymongo
import pytest

from conftest import ROOT, processes_mentioning, wait_until
from infra import embedded

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def start(var_dir: Path, port: int) -> tuple[subprocess.Popen[str], list[str]]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in (*embedded.SERVICE_VARIABLES, "PMF_SERVICES_FILE")
    }
    env.update(PMF_VAR_DIR=str(var_dir), PORT=str(port), WORKER_CONCURRENCY="2", LOG_LEVEL="WARNING",
               SEARCH_PROVIDER="local", OPENAI_API_KEY="")  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "scripts/serve.py"], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    lines: list[str] = []

    def banner() -> bool:
        assert process.stdout is not None and process.poll() is None, "".join(lines)
        line = process.stdout.readline()
        lines.append(line)
        return "is running at" in line or "did not become healthy" in line

    wait_until(banner, timeout=180, interval=0, what="serve.py banner")
    return process, lines


def leftovers(var_dir: Path, children: list[psutil.Process]) -> list[str]:
    alive = [child for child in children if child.is_running() and child.status() != psutil.STATUS_ZOMBIE]
    alive += processes_mentioning(var_dir)
    return [" ".join(process.cmdline()) for process in alive if process.is_running()]


def stop(process: subprocess.Popen[str], how: int) -> list[psutil.Process]:
    children = psutil.Process(process.pid).children(recursive=True)
    if how == signal.SIGINT:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does to the terminal's process group
    else:
        process.send_signal(how)
    process.wait(timeout=90)
    return children


def test_serve_is_healthy_stops_cleanly_and_keeps_data(engine_dir: Path) -> None:
    var_dir = engine_dir
    port = embedded.free_port()
    # when make run starts on an empty folder
    process, lines = start(var_dir, port)
    try:
        assert any("is running at" in line for line in lines), "".join(lines)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=10) as response:
            assert response.status == 200
        uri = dict(line.split("=", 1) for line in embedded.env_file(var_dir).read_text().split())[
            "MONGODB_URI"
        ]
        client: pymongo.MongoClient[dict[str, object]] = pymongo.MongoClient(uri)
        client.pmf.notes.insert_one({"_id": "alice", "text": "kept"})
        client.close()
    finally:
        children = stop(process, signal.SIGTERM)
    # then nothing it started is left running
    assert process.returncode == 0
    wait_until(lambda: leftovers(var_dir, children) == [], timeout=30, what="no leftover processes")
    # when it starts again, the document is still there; Ctrl-C stops it cleanly too
    process, lines = start(var_dir, port)
    try:
        uri = dict(line.split("=", 1) for line in embedded.env_file(var_dir).read_text().split())[
            "MONGODB_URI"
        ]
        client = pymongo.MongoClient(uri)
        assert client.pmf.notes.find_one({"_id": "alice"}) == {"_id": "alice", "text": "kept"}
        client.close()
    finally:
        children = stop(process, signal.SIGINT)
    wait_until(lambda: leftovers(var_dir, children) == [], timeout=30, what="no leftover processes")


def test_a_killed_worker_is_restarted_while_the_web_keeps_serving(engine_dir: Path) -> None:
    var_dir = engine_dir
    port = embedded.free_port()
    process, lines = start(var_dir, port)
    url = f"http://127.0.0.1:{port}"
    try:
        assert any("is running at" in line for line in lines), "".join(lines)
        key = (var_dir / "demo-api-key").read_text().strip()  # written by ensure_demo at start
        api = httpx.Client(base_url=url, headers={"Authorization": f"Api-Key {key}"}, timeout=30)
        before = api.get("/api/v1/credits/balance").json()["balance"]
        # when the worker is killed (SIGKILL: no clean shutdown)
        (worker,) = [
            child for child in psutil.Process(process.pid).children() if "celery" in " ".join(child.cmdline())
        ]
        worker.kill()
        worker.wait(timeout=30)
        # then the web keeps serving: health answers and a research is accepted, charged and queued
        assert api.get("/health").status_code in (200, 503)
        submitted = api.post(
            "/api/v1/research/submit", json={"product_idea": IDEA, "research_depth": "essential"}
        )
        assert submitted.status_code == 202, submitted.text
        task_id = submitted.json()["task_id"]
        # and the supervisor restarts the worker, which runs the research to the end
        wait_until(lambda: restarted_worker(process, worker.pid), timeout=60, what="a new worker")
        task = wait_until(lambda: finished(api, task_id), timeout=180, what="the research to finish")
        assert (task["status"], task["refunded"]) == ("completed", False)
        assert api.get("/api/v1/credits/balance").json()["balance"] == before - 6
        rows = api.get("/api/v1/credits/transactions").json()["results"]
        mine = [
            (row["kind"], row["amount"]) for row in rows if row["research_request_id"] == task["request_id"]
        ]
        assert mine == [("research_charge", -6)]
        # and the audit reconciles (run against this instance's engines)
        audit = subprocess.run(
            [sys.executable, "manage.py", "credits", "audit"], cwd=ROOT, env=serve_env(var_dir),
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert audit.returncode == 0 and audit.stdout.startswith("ok:"), audit.stdout + audit.stderr
    finally:
        children = stop(process, signal.SIGINT)
    # and Ctrl-C still stops everything, restarted worker included
    assert process.returncode == 0
    wait_until(lambda: leftovers(var_dir, children) == [], timeout=30, what="no leftover processes")


IDEA = "An AI meal planning app for busy families that turns the week's dinners into a grocery list."


def restarted_worker(process: subprocess.Popen[str], old_pid: int) -> bool:
    workers = [
        child for child in psutil.Process(process.pid).children() if "celery" in " ".join(child.cmdline())
    ]
    return bool(workers) and all(worker.pid != old_pid for worker in workers)


def finished(api: httpx.Client, task_id: str) -> dict[str, object] | None:
    task = api.get(f"/api/v1/research/tasks/{task_id}").json()
    return task if task["status"] not in ("queued", "processing") else None  # type: ignore[no-any-return]


def serve_env(var_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in embedded.SERVICE_VARIABLES}
    engines = dict(line.split("=", 1) for line in embedded.env_file(var_dir).read_text().split())
    return {**env, **engines, "PMF_SERVICES_FILE": str(embedded.env_file(var_dir)),
            "DJANGO_SETTINGS_MODULE": "pmfsite.settings.dev", "PMF_VAR_DIR": str(var_dir)}  # fmt: skip
