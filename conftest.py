"""Fixtures shared by every app's tests: real engines, real processes, named personas."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from django.conf import settings

ROOT = Path(__file__).resolve().parent


@pytest.fixture(scope="session", autouse=True)
def _mongo_test_database() -> Iterator[None]:
    """The suite's MongoDB database: indexes created first, dropped at the end."""
    from research import mongo

    assert settings.MONGODB_DB.endswith("_test"), "tests must never touch the product database"
    mongo.get_client().drop_database(settings.MONGODB_DB)
    mongo.ensure_indexes()
    yield
    mongo.get_client().drop_database(settings.MONGODB_DB)
    mongo.reset_client()


@pytest.fixture
def mongo_db() -> Iterator[Any]:
    """The test database, emptied (documents only; indexes stay) after the test."""
    from research import mongo

    database = mongo.get_database()
    yield database
    for name in database.list_collection_names():
        database[name].delete_many({})


@pytest.fixture
def redis_client() -> Iterator[redis.Redis]:
    """A client on the suite's Redis; keys under the test prefix are removed afterwards."""
    client = redis.Redis.from_url(settings.REDIS_URL)
    yield client
    for key in client.scan_iter(f"{settings.REDIS_KEY_PREFIX}*"):
        client.delete(key)
    client.close()


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a child process (worker, server) that must share this test run's stores."""
    from pmfsite.db import postgres_conninfo  # noqa: F401  (import proves settings are loaded)
    from django.db import connection

    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pmfsite.settings.test",
        "DATABASE_URL": test_database_url(database),
        "MONGODB_URI": settings.MONGODB_URI,
        "MONGODB_DB": settings.MONGODB_DB,
        "REDIS_URL": settings.REDIS_URL,
        "REDIS_KEY_PREFIX": settings.REDIS_KEY_PREFIX,
        "PYTHONUNBUFFERED": "1",
    }
    env.update(extra)
    return env


def test_database_url(database: dict[str, Any]) -> str:
    """The URL of the database pytest-django created (``test_…``), for child processes."""
    from urllib.parse import quote

    user = quote(database.get("USER") or "", safe="")
    password = quote(database.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = quote(database.get("HOST") or "", safe="")
    port = f":{database['PORT']}" if database.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{database['NAME']}"


def wait_until(predicate: Any, timeout: float = 30.0, interval: float = 0.1, what: str = "condition") -> Any:
    """Poll ``predicate`` until it returns a truthy value; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class WorkerProcess:
    """A real ``celery worker`` subprocess on this test run's broker and database."""

    def __init__(self, queue: str, **env: str) -> None:
        self.queue = queue
        self.log_path = Path(os.environ.get("PMF_TEST_LOG_DIR", "/tmp")) / f"worker-{queue}.log"
        command = [
            sys.executable, "-m", "celery", "-A", "pmfsite", "worker",
            "--pool", "threads", "--concurrency", "4", "--loglevel", "INFO",
            "--queues", queue, "--hostname", f"{queue}@%h", "--without-gossip", "--without-mingle",
        ]  # fmt: skip
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=child_env(CELERY_QUEUE=queue, **env),
            stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def stop(self, kill: bool = False) -> None:
        """Stop the worker (SIGKILL when ``kill``) and wait for it."""
        if self.process.poll() is None:
            (self.process.kill if kill else self.process.terminate)()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()

    def log(self) -> str:
        """What the worker printed so far."""
        return self.log_path.read_text(errors="replace")


@pytest.fixture
def celery_worker_process(transactional_db: None, request: pytest.FixtureRequest) -> Iterator[WorkerProcess]:
    """A real worker consuming a queue private to this test; tasks are routed there via settings."""
    queue = f"test-{os.getpid()}-{request.node.name[:40]}".replace("[", "-").replace("]", "")
    original = settings.CELERY_TASK_DEFAULT_QUEUE
    from pmfsite.celery import app

    app.conf.task_default_queue = queue
    worker = WorkerProcess(queue)
    try:
        wait_until(
            lambda: "ready" in worker.log() or worker.process.poll() is not None,
            timeout=60,
            what="celery worker ready",
        )
        assert worker.process.poll() is None, worker.log()
        yield worker
    finally:
        worker.stop()
        app.conf.task_default_queue = original
