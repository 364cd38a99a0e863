"""A small threaded HTTP server on 127.0.0.1 that the fake providers are built on.

It logs every request (method, path, headers, parsed body, start/end times, thread), adds a fixed
latency per route (for benchmarks), and consumes a failure script per route (scripted replies such as
429 with ``retry-after``, 5xx, 401 or a sleep longer than the client timeout) before normal answers.

    with FakeServer({("POST", "/echo"): lambda request: Reply(200, request.body)}) as server:
        server.set_latency("/echo", 0.3)
        server.script("/echo", Reply(429, {"error": "slow down"}, {"retry-after": "1"}))
        requests.post(server.url + "/echo", json={...})  # 429, then normal answers
        server.requests("/echo")  # the log

Timestamps are ``time.monotonic()`` seconds, comparable across processes on one machine.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Request:
    """One request as the fake saw it; ``status``, ``answer`` and ``ended`` are set as it is answered."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any  # parsed JSON, a dict for form bodies, else the raw text
    started: float
    thread: str
    ended: float = 0.0
    status: int = 0
    scripted: bool = False
    answer: Any = None  # the body sent back
    notes: dict[str, Any] = field(default_factory=dict)  # what a handler tells latency functions

    def header(self, name: str) -> str:
        """A header's value (case-insensitive), or ""."""
        wanted = name.lower()
        return next((value for key, value in self.headers.items() if key.lower() == wanted), "")


@dataclass
class Reply:
    """An answer: a dict/list becomes JSON, a str or bytes is sent as is; ``delay`` sleeps first."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    content_type: str = "application/json"

    def encoded(self) -> bytes:
        """The body as bytes."""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return b"" if self.body is None else json.dumps(self.body).encode()


Handler = Callable[[Request], Reply]
Fault = Reply | Handler  # a fixed reply, or one computed from the request (e.g. a bad completion)
Latency = float | Callable[[Request], float]


@dataclass
class _ScriptEntry:
    fault: Fault
    remaining: int
    when: Callable[[Request], bool] | None


def timeout_reply(seconds: float) -> Reply:
    """A reply that arrives only after ``seconds`` (longer than the client's timeout)."""
    return Reply(504, {"error": "the fake slept past the client's timeout"}, delay=seconds)


class FakeServer:
    """A threaded HTTP server on 127.0.0.1 with a request log, latencies and a failure script."""

    def __init__(self, routes: dict[tuple[str, str], Handler]) -> None:
        self.routes = dict(routes)
        self.log: list[Request] = []
        self._latency: dict[str, Latency] = {}
        self._script: dict[str, list[_ScriptEntry]] = {}
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:43121`` (no trailing slash)."""
        assert self._httpd is not None, "start() the server first"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def start(self, port: int = 0) -> Self:
        """Listen on ``port`` (0: a free one) and serve in a background thread."""
        handler = type("BoundHandler", (_RequestHandler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._httpd.daemon_threads = True
        self._closing.clear()
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="fake-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; requests still sleeping are woken and dropped."""
        self._closing.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def set_latency(self, path: str, latency: Latency) -> None:
        """Delay every answer on ``path`` by fixed seconds, or by ``latency(request)`` seconds."""
        self._latency[path] = latency

    def script(
        self, path: str, *faults: Fault, repeat: int = 1, when: Callable[[Request], bool] | None = None
    ) -> None:
        """Queue ``faults`` on ``path``, each used ``repeat`` times, before normal answers resume."""
        with self._lock:
            entries = self._script.setdefault(path, [])
            entries.extend(_ScriptEntry(fault, repeat, when) for fault in faults)

    def clear(self) -> None:
        """Forget the log and the failure script (latencies stay)."""
        with self._lock:
            self.log.clear()
            self._script.clear()

    def requests(self, path: str | None = None) -> list[Request]:
        """Logged requests, optionally only those on ``path``, in arrival order."""
        with self._lock:
            return [request for request in self.log if path is None or request.path == path]

    def sleep(self, seconds: float) -> None:
        """Sleep, but wake up at once when the server stops."""
        if seconds > 0:
            self._closing.wait(seconds)

    def answer(self, request: Request) -> Reply:
        """The reply for a request: a scripted fault first, else the route's handler."""
        with self._lock:
            self.log.append(request)
            fault = self._next_fault(request)
        if fault is not None:
            request.scripted = True
            reply = fault if isinstance(fault, Reply) else fault(request)
        else:
            handler = self.routes.get((request.method, request.path))
            reply = handler(request) if handler else Reply(404, {"error": f"no route {request.path}"})
        latency = self._latency.get(request.path, 0.0)
        self.sleep((latency(request) if callable(latency) else latency) + reply.delay)
        return reply

    def _next_fault(self, request: Request) -> Fault | None:
        entries = self._script.get(request.path, [])
        for index, entry in enumerate(entries):
            if entry.when is None or entry.when(request):
                entry.remaining -= 1
                if entry.remaining <= 0:
                    del entries[index]
                return entry.fault
        return None


class _RequestHandler(BaseHTTPRequestHandler):
    fake: FakeServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: Any) -> None:  # the request log replaces stderr noise
        pass

    def _handle(self) -> None:
        started = time.monotonic()
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        request = Request(
            method=self.command,
            path=urlsplit(self.path).path,
            headers=dict(self.headers.items()),
            body=_parse_body(raw, self.headers.get("content-type", "")),
            started=started,
            thread=threading.current_thread().name,
        )
        reply = self.fake.answer(request)
        if self.fake._closing.is_set():
            return
        # recorded before sending so a client that has its answer always sees a complete log entry
        request.status, request.answer, request.ended = reply.status, reply.body, time.monotonic()
        self._send(reply)

    def _send(self, reply: Reply) -> None:
        payload = reply.encoded()
        try:
            self.send_response(reply.status)
            self.send_header("content-type", reply.content_type)
            self.send_header("content-length", str(len(payload)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            self.close_connection = True


def _parse_body(raw: bytes, content_type: str) -> Any:
    text = raw.decode("utf-8", errors="replace")
    if "application/x-www-form-urlencoded" in content_type:
        return dict(parse_qsl(text, keep_blank_values=True))
    try:
        return json.loads(text) if text else None
    except json.JSONDecodeError:
        return text
