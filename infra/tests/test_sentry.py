"""Error reporting: with SENTRY_DSN set, failures reach the Sentry endpoint; without it, nothing is sent."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from infra.sentry import sentry_init
from infra.tests.sentry_child import REQUEST_ERROR, TASK_ERROR

SECRET = "pmf_abcd1234_never-leaves-the-process"


class SentryEndpoint(ThreadingHTTPServer):
    """A local stand-in for Sentry's ingest API: keeps every envelope item it is sent."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _EnvelopeHandler)
        self.items: list[dict[str, Any]] = []
        self.paths: list[str] = []

    @property
    def dsn(self) -> str:
        return f"http://publickey@127.0.0.1:{self.server_address[1]}/42"

    def events(self) -> list[dict[str, Any]]:
        """The error events received (not sessions or transactions)."""
        return [item for item in self.items if "exception" in item]


class _EnvelopeHandler(BaseHTTPRequestHandler):
    server: SentryEndpoint

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.server.paths.append(self.path)
        for line in body.splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if isinstance(item, dict):
                self.server.items.append(item)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[SentryEndpoint]:
    server = SentryEndpoint()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def run_child(dsn: str) -> str:
    """The failing request and task in a process of their own, whose settings read ``dsn``."""
    from conftest import child_env

    command = [sys.executable, "-m", "infra.tests.sentry_child"]
    env = child_env(SENTRY_DSN=dsn, SENTRY_CHECK_API_KEY=SECRET)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def exception_values(event: dict[str, Any]) -> list[str]:
    return [value.get("value", "") for value in event["exception"]["values"]]


@pytest.mark.django_db(transaction=True)
def test_request_and_task_failures_reach_sentry_without_credentials(endpoint: SentryEndpoint) -> None:
    # given a DSN pointing at the local endpoint
    # when a view and a Celery task fail in a process configured by the product's settings
    output = run_child(endpoint.dsn)
    # then the request was answered 500, the task failed, and both errors arrived as events
    assert "status=500 task=FAILURE" in output
    events = endpoint.events()
    request_event = next(event for event in events if REQUEST_ERROR in exception_values(event))
    task_event = next(event for event in events if TASK_ERROR in exception_values(event))
    assert endpoint.paths and all(path == "/api/42/envelope/" for path in endpoint.paths)
    # each through its integration, and the API key never leaves the process
    assert SECRET not in json.dumps(endpoint.items)
    mechanisms = {
        event["exception"]["values"][-1]["mechanism"]["type"] for event in [request_event, task_event]
    }
    assert mechanisms == {"django", "celery"}


@pytest.mark.django_db(transaction=True)
def test_without_a_dsn_nothing_is_sent(endpoint: SentryEndpoint) -> None:
    # given no DSN, when the same failures happen
    output = run_child("")
    # then they still fail as before and nothing reaches any endpoint
    assert "status=500 task=FAILURE" in output
    assert endpoint.items == []
    assert sentry_init(dsn="", environment="test") is False
