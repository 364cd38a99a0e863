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
    """The test database, emptied (documents only; indexes stay) before and after the test: a test
    that wrote tasks without this fixture (a live server's, say) leaves nothing behind for the next."""
    from research import mongo

    database = mongo.get_database()
    for name in database.list_collection_names():
        database[name].delete_many({})
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


@pytest.fixture
def engine_dir() -> Iterator[Path]:
    """A fresh folder for engines of a test's own, under var/ because pytest's tmp_path is private to
    root and pgserver runs PostgreSQL as an unprivileged user; stopped and removed afterwards."""
    import shutil
    import tempfile

    from infra import embedded

    (ROOT / "var").mkdir(exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix="engines-", dir=ROOT / "var"))
    path.chmod(0o755)
    yield path
    embedded.down(path)
    shutil.rmtree(path, ignore_errors=True)


def processes_mentioning(folder: Path) -> list[Any]:
    """Running processes whose command line names ``folder`` (engines and servers started from it)."""
    import psutil

    marker = str(folder.resolve())
    found = []
    for process in psutil.process_iter(["cmdline"]):
        try:
            if any(marker in part for part in process.info["cmdline"] or []):
                found.append(process)
        except psutil.Error:
            continue
    return found


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a child process (worker, server) that must share this test run's stores."""
    from django.db import connection

    from infra.db import postgres_conninfo  # noqa: F401  (import proves settings are loaded)

    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pmfsite.settings.test",
        "DATABASE_URL": database_url_of(database),
        "MONGODB_URI": settings.MONGODB_URI,
        "MONGODB_DB": settings.MONGODB_DB,
        "REDIS_URL": settings.REDIS_URL,
        "REDIS_KEY_PREFIX": settings.REDIS_KEY_PREFIX,
        "PYTHONUNBUFFERED": "1",
    }
    env.update(extra)
    return env


def database_url_of(database: dict[str, Any]) -> str:
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


class ChildProcess:
    """A real subprocess (worker or server) on this test run's stores, logging to a file."""

    def __init__(self, name: str, command: list[str], env: dict[str, str]) -> None:
        self.log_path = Path(os.environ.get("PMF_TEST_LOG_DIR", "/tmp")) / f"{name}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )

    def stop(self, kill: bool = False) -> None:
        """Stop the process (SIGKILL when ``kill``) and wait for it."""
        if self.process.poll() is None:
            (self.process.kill if kill else self.process.terminate)()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()

    def log(self) -> str:
        """What the process printed so far."""
        return self.log_path.read_text(errors="replace")

    def alive(self) -> bool:
        """True while the process runs."""
        return self.process.poll() is None


class WorkerProcess(ChildProcess):
    """A real ``celery worker`` subprocess consuming ``queue``."""

    def __init__(self, queue: str, name: str = "", **env: str) -> None:
        self.queue = queue
        command = [
            sys.executable, "-m", "celery", "-A", "pmfsite", "worker",
            "--pool", "threads", "--concurrency", "4", "--loglevel", "INFO",
            "--queues", queue, "--hostname", f"{name or queue}@%h", "--without-gossip", "--without-mingle",
        ]  # fmt: skip
        super().__init__(f"worker-{name or queue}", command, child_env(CELERY_QUEUE=queue, **env))
        wait_until(lambda: "ready" in self.log() or not self.alive(), timeout=60, what="celery worker ready")
        assert self.alive(), self.log()


class ServerProcess(ChildProcess):
    """The real ASGI app (HTTP + websockets) under uvicorn on a free port."""

    def __init__(self, queue: str, **env: str) -> None:
        from infra.embedded import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "uvicorn", "pmfsite.asgi:application", "--host", "127.0.0.1",
                   "--port", str(self.port), "--lifespan", "off", "--no-access-log"]  # fmt: skip
        super().__init__(f"server-{self.port}", command, child_env(CELERY_QUEUE=queue, **env))
        wait_until(self._up, timeout=60, what="ASGI server up")

    def _up(self) -> bool:
        import urllib.error
        import urllib.request

        assert self.alive(), self.log()
        try:
            urllib.request.urlopen(f"{self.url}/health", timeout=5)
        except urllib.error.HTTPError:
            return True  # answering, even if a dependency is reported down
        except (urllib.error.URLError, OSError):
            return False
        return True


def private_queue(request: pytest.FixtureRequest) -> str:
    """A Celery queue name private to this test, and route the test process's tasks to it."""
    from pmfsite.celery import app

    queue = f"test-{os.getpid()}-{request.node.name[:40]}".replace("[", "-").replace("]", "")
    app.conf.task_default_queue = queue
    request.addfinalizer(lambda: setattr(app.conf, "task_default_queue", settings.CELERY_TASK_DEFAULT_QUEUE))
    return queue


@pytest.fixture
def celery_worker_process(transactional_db: None, request: pytest.FixtureRequest) -> Iterator[WorkerProcess]:
    """A real worker consuming a queue private to this test (tasks sent from the test land there)."""
    worker = WorkerProcess(private_queue(request))
    yield worker
    worker.stop()


@pytest.fixture
def asgi_server(transactional_db: None, request: pytest.FixtureRequest) -> Iterator[ServerProcess]:
    """The real ASGI server alone (no worker)."""
    server = ServerProcess(private_queue(request))
    yield server
    server.stop()


@pytest.fixture
def live_stack(transactional_db: None, request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """A real worker and a real ASGI server sharing a private queue; extra env via indirect params."""
    env = getattr(request, "param", {}) or {}
    queue = private_queue(request)
    worker = WorkerProcess(queue, **env)
    server = ServerProcess(queue, **env)
    yield {"worker": worker, "server": server, "queue": queue}
    server.stop()
    worker.stop()
