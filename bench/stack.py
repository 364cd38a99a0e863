"""The processes a benchmark drives: the ASGI server, Celery workers, and a peak-RSS sampler."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / "var" / "bench-logs"
QUEUE = "bench"
BENCH_ENV = {
    "DJANGO_SETTINGS_MODULE": "pmfsite.settings.test",  # keys count only for 127.0.0.1 providers
    "MONGODB_DB": "pmf_bench",
    "REDIS_KEY_PREFIX": "pmfbench",
    "CELERY_QUEUE": QUEUE,
    "RATE_LIMITS_ENABLED": "false",  # the load test comes from one IP; limits would answer 429
    "PMF_SERVICES_FILE": "/nonexistent",
    "SOURCE_CACHE_ENABLED": "false",
    "LOG_FORMAT": "json",
    "PYTHONUNBUFFERED": "1",
}


def bench_env(**extra: str) -> dict[str, str]:
    """The environment of every benchmark process (engine URLs come from ``infra.embedded run``)."""
    return {**os.environ, **BENCH_ENV, **extra}


class Child:
    """A subprocess logging to ``var/bench-logs/<name>.log``."""

    def __init__(self, name: str, command: list[str], env: dict[str, str]) -> None:
        LOGS.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.log_path = LOGS / f"{name}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )

    @property
    def pid(self) -> int:
        """The process id."""
        return self.process.pid

    def log(self) -> str:
        """What the process printed so far."""
        return self.log_path.read_text(errors="replace")

    def alive(self) -> bool:
        """True while it runs."""
        return self.process.poll() is None

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 30 s."""
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def wait_for(predicate: object, what: str, timeout: float = 90.0) -> None:
    """Poll ``predicate`` until true; raise after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise RuntimeError(f"timed out waiting for {what}")


def start_server(port: int, env: dict[str, str], workers: int) -> Child:
    """The real ASGI app under uvicorn with ``workers`` processes (compose.yaml's WEB_WORKERS: 2)."""
    command = [sys.executable, "-m", "uvicorn", "pmfsite.asgi:application", "--host", "127.0.0.1",
               "--port", str(port), "--workers", str(workers), "--lifespan", "off",
               "--no-access-log"]  # fmt: skip
    server = Child("server", command, env)

    def answering() -> bool:
        if not server.alive():
            raise RuntimeError(server.log())
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5)
        except urllib.error.HTTPError:
            return True
        except OSError:
            return False
        return True

    wait_for(answering, "the ASGI server")
    return server


def start_worker(name: str, concurrency: int, env: dict[str, str]) -> Child:
    """A real Celery worker with the threads pool on the benchmark queue."""
    command = [sys.executable, "-m", "celery", "-A", "pmfsite", "worker", "--pool", "threads",
               "--concurrency", str(concurrency), "--loglevel", "INFO", "--queues", QUEUE,
               "--hostname", f"{name}@%h", "--without-gossip", "--without-mingle"]  # fmt: skip
    worker = Child(name, command, env)

    def ready() -> bool:
        if not worker.alive():
            raise RuntimeError(worker.log())
        return "ready" in worker.log()

    wait_for(ready, f"worker {name}")
    return worker


class RssSampler(threading.Thread):
    """Samples the resident memory of named processes (with their children) and keeps each peak."""

    def __init__(self, interval: float = 0.25) -> None:
        super().__init__(daemon=True, name="rss-sampler")
        self.interval = interval
        self.watched: dict[str, int] = {}
        self.peaks_mb: dict[str, float] = {}
        self.stopped = threading.Event()

    def watch(self, role: str, pid: int) -> None:
        """Sample ``pid`` under ``role`` (peaks are kept per role across restarts)."""
        self.watched[role] = pid

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            for role, pid in list(self.watched.items()):
                megabytes = _rss_mb(pid)
                self.peaks_mb[role] = max(self.peaks_mb.get(role, 0.0), megabytes)


def _rss_mb(pid: int) -> float:
    try:
        process = psutil.Process(pid)
        family = [process, *process.children(recursive=True)]
        return sum(member.memory_info().rss for member in family) / 2**20
    except psutil.Error:
        return 0.0
