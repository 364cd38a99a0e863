"""`make run`: engines, migrations, demo user, ASGI server and a Celery worker; Ctrl-C stops them all.

A supervisor: a child that exits (the worker crashed, was killed, ran out of memory) is restarted
after a backoff (1 s, 2 s, 4 s … up to 30 s; back to 1 s once it stayed up a minute) while the others
keep serving. Engines this script started are stopped on exit; engines that were already running
(``make services``) are left running. Children get SIGTERM if this process dies, so nothing is orphaned.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from infra import embedded  # noqa: E402

PR_SET_PDEATHSIG = 1
READY_TIMEOUT_SECONDS = 120
BACKOFF_FIRST_SECONDS = float(os.environ.get("SERVE_RESTART_BACKOFF_SECONDS", "1"))
BACKOFF_MAX_SECONDS = 30.0
STABLE_AFTER_SECONDS = 60.0


def _die_with_parent() -> None:
    """Runs in the child before exec: the kernel sends SIGTERM to it when this script dies."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _spawn(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, cwd=ROOT, env=env, preexec_fn=_die_with_parent)


@dataclass
class Child:
    """One supervised process: restarted with a growing delay each time it exits on its own."""

    name: str
    command: list[str]
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    failures: int = 0  # consecutive exits without a stable run in between
    restart_at: float | None = None

    def start(self) -> None:
        self.process = _spawn(self.command, self.env)
        self.started_at = time.monotonic()
        self.restart_at = None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def supervise(self, now: float) -> None:
        """Restart the child once its backoff has passed; note a stable run."""
        if self.alive():
            if self.failures and now - self.started_at > STABLE_AFTER_SECONDS:
                self.failures = 0
            return
        if self.restart_at is None:
            delay = min(BACKOFF_MAX_SECONDS, BACKOFF_FIRST_SECONDS * 2**self.failures)
            self.failures += 1
            self.restart_at = now + delay
            code = self.process.returncode if self.process else None
            print(f"  {self.name} exited (code {code}); restarting in {delay:g} s", flush=True)
        elif now >= self.restart_at:
            self.start()
            print(f"  {self.name} restarted (pid {self.process.pid if self.process else '?'})", flush=True)

    def stop(self) -> None:
        if self.alive() and self.process is not None:
            self.process.send_signal(signal.SIGTERM)

    def wait(self) -> None:
        if self.process is None:
            return
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _manage(env: dict[str, str], *args: str) -> str:
    completed = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return completed.stdout


def _wait_healthy(url: str, children: list[Child]) -> bool:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if not all(child.alive() for child in children):
            return False
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    return False


def uvicorn_command(host: str, port: str, trusted_proxies: str) -> list[str]:
    """The web server. uvicorn believes X-Forwarded-For from 127.0.0.1 by default, which let any local
    client pick its own address (and its own rate-limit bucket): forwarded headers are believed only
    from ``TRUSTED_PROXIES``, the same list the app's client-address logic uses, and not at all without."""
    proxies = ",".join(part.strip() for part in trusted_proxies.split(",") if part.strip())
    forwarded = ["--proxy-headers", "--forwarded-allow-ips", proxies] if proxies else ["--no-proxy-headers"]
    return [sys.executable, "-m", "uvicorn", "pmfsite.asgi:application", "--host", host, "--port", port,
            "--lifespan", "off", "--no-access-log", *forwarded]  # fmt: skip


def main() -> int:
    """Serve the product until interrupted."""
    host, port = os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8000")
    var_dir = Path(os.environ.get("PMF_VAR_DIR", str(ROOT / "var")))
    engines = embedded.up(var_dir)
    env = {
        **os.environ, **engines.urls, "DJANGO_SETTINGS_MODULE": "pmfsite.settings.dev",
        "PMF_VAR_DIR": str(var_dir), "PMF_SERVICES_FILE": str(embedded.env_file(var_dir)),
    }  # fmt: skip
    children: list[Child] = []
    stop = False

    def request_stop(signum: int, _frame: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        _manage(env, "migrate", "--noinput", "-v", "0")
        _manage(env, "ensure_indexes")
        demo = _manage(env, "ensure_demo")
        web = uvicorn_command(host, port, os.environ.get("TRUSTED_PROXIES", ""))
        concurrency = os.environ.get("WORKER_CONCURRENCY", "8")
        worker = [sys.executable, "-m", "celery", "-A", "pmfsite", "worker", "--pool", "threads",
                  "--concurrency", concurrency, "--loglevel", "INFO",
                  "--without-gossip", "--without-mingle"]  # fmt: skip
        children += [Child("web", web, env), Child("worker", worker, env)]
        for child in children:
            child.start()
        url = f"http://{host}:{port}"
        if _wait_healthy(f"{url}/health", children):
            print(f"\n  PMF Research Assistant is running at {url}/", flush=True)
            print("  " + demo.strip().replace("\n", "\n  "), flush=True)
            print(f"  Admin: {url}/admin/   API docs: {url}/api/docs/   Stop: Ctrl-C\n", flush=True)
        else:
            print(f"\n  The server did not become healthy; see {url}/health\n", flush=True)
        while not stop:
            time.sleep(0.3)
            if not stop:  # a child killed by the same Ctrl-C is not restarted
                for child in children:
                    child.supervise(time.monotonic())
        return 0
    finally:
        for child in children:
            child.stop()
        for child in children:
            child.wait()
        embedded.down(var_dir, only=engines.started)
        print("  stopped: " + ", ".join(["web", "worker", *engines.started]), flush=True)


if __name__ == "__main__":
    sys.exit(main())
