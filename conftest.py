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


@pytest.fixture(autouse=True)
def _celery_pool_follows_the_broker() -> Iterator[None]:
    """A test that points the Celery app at a broker of its own and back (health's "no worker" check)
    leaves the app's connection pool on that broker, stopped by then: the next test to send a task would
    fail. Drop such a pool after the test, whatever the order the tests run in."""
    yield
    from pmfsite.celery import app

    pool = app._pool
    if pool is not None and pool.connection.as_uri(
        include_password=True
    ) != app.connection_for_write().as_uri(include_password=True):
        app._pool = None
        app.amqp._producer_pool = None


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
        # (not PYTEST_XDIST_WORKER: the child takes this worker's stores as given below, never shifts them)
        **{key: value for key, value in os.environ.items() if key != "PYTEST_XDIST_WORKER"},
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
        worker = os.environ.get("PYTEST_XDIST_WORKER")  # parallel runs: each worker its own files
        name = f"{worker}-{name}" if worker else name
        self.log_path = Path(os.environ.get("PMF_TEST_LOG_DIR", "/tmp")) / f"{name}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )

    def stop(self, kill: bool = False, timeout: float = 30) -> None:
        """Stop the process (SIGKILL when ``kill``, or when it is not gone after ``timeout`` s) and wait."""
        if self.process.poll() is None:
            (self.process.kill if kill else self.process.terminate)()
            try:
                self.process.wait(timeout=timeout)
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


# ---------------------------------------------------------------- the shared worker and server
#
# Starting a worker or a server costs seconds (Django, Celery, LangGraph imports), so the tests that need
# nothing special of them share one pair: a real worker and a real ASGI server on a queue of their own.
# Isolation between those tests comes from the data fixtures (transactional_db flushes PostgreSQL,
# mongo_db empties MongoDB), not from new processes. The pair lives only while such tests run: they are
# run one after the other (pytest_collection_modifyitems) and the pair is stopped once the next test
# does not use it, so the tests that expect no worker to answer (health, availability) never see it.
# Its reaper is off (RESEARCH_REAPER_INTERVAL_SECONDS=3600): a reaper living across tests would act on
# other tests' stored tasks; the reaper is exercised by the fault tests' own workers.
# A test that stops the shared worker (to see the product without one) gets it back for the next test,
# on an emptied queue. A test asking for other settings (indirect live_stack params) gets its own pair.

SHARED_ENV = {"RESEARCH_REAPER_INTERVAL_SECONDS": "3600"}
SHARED_FIXTURES = ("live_stack", "celery_worker_process", "asgi_server")


class SharedStack:
    """The session's shared worker and server, started on first use and stopped when no longer needed."""

    def __init__(self) -> None:
        self.worker: WorkerProcess | None = None
        self.server: ServerProcess | None = None
        self.queue = f"test-{os.getpid()}-shared"

    def ensure(self) -> dict[str, Any]:
        if self.worker is None or not self.worker.alive():
            if self.worker is not None:
                self.worker.stop()
                _purge(self.queue)  # what a stopped worker left queued is not the next test's
            self.worker = WorkerProcess(self.queue, name="shared", **SHARED_ENV)
        if self.server is None or not self.server.alive():
            if self.server is not None:
                self.server.stop()
            self.server = ServerProcess(self.queue, **SHARED_ENV)
        return {"worker": self.worker, "server": self.server, "queue": self.queue}

    def stop(self) -> None:
        if self.server is not None:
            # uvicorn waits for the background tasks of websockets it refused (30 s in
            # test_lifecycle's refusal test) before it exits; nothing is left to serve by now.
            self.server.stop(timeout=5)
        if self.worker is not None:
            self.worker.stop()
            _purge(self.queue)
        self.server = self.worker = None


SHARED = SharedStack()


def _purge(queue: str) -> None:
    from pmfsite.celery import app

    with app.connection_for_write() as connection:
        connection.default_channel.queue_purge(queue)


def uses_shared_stack(item: pytest.Item) -> bool:
    """True when the test runs on the shared worker and server (not on a pair with settings of its own)."""
    names = getattr(item, "fixturenames", ())
    if not any(name in names for name in SHARED_FIXTURES):
        return False
    callspec = getattr(item, "callspec", None)
    env = callspec.params.get("live_stack") if callspec is not None else None
    return not env or env == SHARED_ENV


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Order for a short run: the tests on the shared worker and server first, one after the other; then
    the modules with integration or slow tests (the long ones, so that the parallel workers of `make test`
    do not end on one of them); then the rest, in their order (`--dist loadfile --no-loadscope-reorder`
    hands the modules out in this order)."""
    shared = [item for item in items if uses_shared_stack(item)]
    long = {"integration", "slow"}
    heavy_modules = {item.path for item in items if long & {mark.name for mark in item.iter_markers()}}
    rest = [item for item in items if not uses_shared_stack(item)]
    heavy = [item for item in rest if item.path in heavy_modules]
    light = [item for item in rest if item.path not in heavy_modules]
    items[:] = shared + heavy + light


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Stop the shared pair after the last test on it (and its module's browser) is torn down."""
    yield
    if nextitem is not None and not uses_shared_stack(nextitem):
        SHARED.stop()


@pytest.fixture(scope="session")
def _shared_pair(django_db_setup: None) -> Iterator[SharedStack]:
    """Holds the shared pair for the session; set up after the test database, so stopped before it is
    dropped (after the run's last test, when no next test is left to stop it)."""
    yield SHARED
    SHARED.stop()


def shared_stack(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The shared pair, with the test process's tasks routed to its queue."""
    from pmfsite.celery import app

    stack = request.getfixturevalue("_shared_pair").ensure()
    app.conf.task_default_queue = SHARED.queue
    request.addfinalizer(lambda: setattr(app.conf, "task_default_queue", settings.CELERY_TASK_DEFAULT_QUEUE))
    return stack


@pytest.fixture
def celery_worker_process(transactional_db: None, request: pytest.FixtureRequest) -> WorkerProcess:
    """A real worker (the shared one); tasks sent from the test land on its queue."""
    worker: WorkerProcess = shared_stack(request)["worker"]
    return worker


@pytest.fixture
def asgi_server(transactional_db: None, request: pytest.FixtureRequest) -> ServerProcess:
    """The real ASGI server (the shared one)."""
    server: ServerProcess = shared_stack(request)["server"]
    return server


@pytest.fixture
def live_stack(transactional_db: None, request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """A real worker and a real ASGI server sharing a queue: the shared pair, or, when indirect params
    ask for other settings, a pair of the test's own on a private queue."""
    env = getattr(request, "param", {}) or {}
    if not env or env == SHARED_ENV:
        yield shared_stack(request)
        return
    queue = private_queue(request)
    worker = WorkerProcess(queue, **env)
    server = ServerProcess(queue, **env)
    yield {"worker": worker, "server": server, "queue": queue}
    server.stop()
    worker.stop()
