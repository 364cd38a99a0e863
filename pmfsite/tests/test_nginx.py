"""The shipped deploy/nginx.conf, run by Debian's nginx on loopback in front of a local upstream.

The config is rendered with the upstream, the listening port, the static folder and the pid file moved
to local places; everything else (limits, locations, headers) is exactly what ships.
"""

from __future__ import annotations

import http.client
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, child_env, wait_until
from infra.embedded import free_port

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CONFIG = ROOT / "deploy" / "nginx.conf"
SUBMIT = "/api/v1/research/submit"
HASHED_ASSET = "assets/index-Dx5YbfRo.0123456789ab.js"


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        pytest.fail("nginx is not installed: run `make system-deps` (Debian nginx-light)")
    return found


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"deploy/nginx.conf no longer contains exactly one {old!r}"
    return text.replace(old, new)


def render(prefix: Path, upstream_port: int, port: int, static_root: Path) -> Path:
    """The shipped config with local upstream, port, static folder, pid and temp paths."""
    text = CONFIG.read_text()
    text = replace_once(text, "server web:8000;", f"server 127.0.0.1:{upstream_port};")
    text = replace_once(text, "listen 80;", f"listen 127.0.0.1:{port}; listen 127.0.0.2:{port};")
    text = replace_once(text, "alias /srv/static/;", f"alias {static_root}/;")
    text = replace_once(text, "pid /var/run/nginx.pid;", f"pid {prefix}/nginx.pid;")
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = " ".join(f"{kind}_temp_path {prefix}/{kind};" for kind in kinds)
    text = replace_once(text, "http {\n", f"http {{\n    {temp}\n")
    path = prefix / "nginx.conf"
    path.write_text(text)
    return path


def nginx_command(config: Path, prefix: Path, *extra: str) -> list[str]:
    return [nginx_binary(), "-c", str(config), "-p", f"{prefix}/", "-e", "stderr", *extra]


# ---------------------------------------------------------------- a tiny upstream that logs what it got


@dataclass
class Upstream:
    """An HTTP server standing in for the app: answers 200 JSON and logs every request."""

    log: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0

    def __post_init__(self) -> None:
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                self.rfile.read(int(self.headers.get("content-length") or 0))
                entry = {"method": self.command, "path": self.path, "headers": dict(self.headers)}
                upstream.log.append(entry)
                payload = b'{"from": "upstream"}'
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def paths(self) -> list[str]:
        return [entry["path"] for entry in self.log]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Nginx:
    """Debian's nginx in the foreground (no daemon, no master) on the rendered shipped config."""

    port: int
    process: subprocess.Popen[bytes]
    log_path: Path  # the access log

    def request(
        self, method: str, path: str, source: str = "127.0.0.1", headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """One request on a new connection from ``source`` (any 127.x address is a distinct client)."""
        connection = http.client.HTTPConnection(source, self.port, timeout=10, source_address=(source, 0))
        try:
            body = b"{}" if method == "POST" else None
            sent = {"Content-Type": "application/json", **(headers or {})}
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()


def start_nginx(tmp_path: Path, upstream_port: int) -> Iterator[Nginx]:
    prefix, static_root = tmp_path / "nginx", tmp_path / "static"
    (static_root / "assets").mkdir(parents=True)
    prefix.mkdir()
    (static_root / HASHED_ASSET).write_text("console.log('pmf');\n")
    (static_root / "robots.txt").write_text("User-agent: *\n")
    port = free_port()
    config = render(prefix, upstream_port, port, static_root)
    # The shipped config sends the access log to stdout and the error log to stderr: kept apart here, as a
    # log collector would. (An error-log line, e.g. an upstream closing a kept-alive connection, quotes
    # the request line with its query string; nginx cannot redact it. See the README, Operations.)
    log_path, error_path = tmp_path / "nginx-access.log", tmp_path / "nginx-error.log"
    with open(log_path, "wb") as log, open(error_path, "wb") as errors:
        process = subprocess.Popen(
            nginx_command(config, prefix, "-g", "daemon off; master_process off;"), stdout=log, stderr=errors
        )
    try:
        wait_until(lambda: port_open(port) or process.poll() is not None, timeout=20, what="nginx listening")
        assert process.poll() is None, error_path.read_text()
        yield Nginx(port, process, log_path)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    server = Upstream()
    yield server
    server.close()


@pytest.fixture
def nginx(tmp_path: Path, upstream: Upstream) -> Iterator[Nginx]:
    yield from start_nginx(tmp_path, upstream.port)


def burst(nginx: Nginx, count: int, method: str, path: str, source: str) -> tuple[list[int], float]:
    started = time.monotonic()
    statuses = [nginx.request(method, path, source)[0] for _ in range(count)]
    return statuses, time.monotonic() - started


# ---------------------------------------------------------------- tests


def test_the_shipped_config_passes_nginx_t(tmp_path: Path, upstream: Upstream) -> None:
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    config = render(prefix, upstream.port, free_port(), tmp_path)
    command = nginx_command(config, prefix, "-t")
    completed = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert completed.returncode == 0, completed.stderr
    assert "syntax is ok" in completed.stderr
    assert "test is successful" in completed.stderr


def test_a_submit_burst_above_the_limit_is_refused_by_nginx(nginx: Nginx, upstream: Upstream) -> None:
    # when one client sends 30 submissions as fast as it can
    statuses, elapsed = burst(nginx, 30, "POST", SUBMIT, "127.0.0.1")
    # then the first 6 pass (1 + burst 5) and at most 2/s more, the rest are refused with 429
    passed = statuses.count(200)
    assert statuses[:6] == [200] * 6
    assert passed <= 6 + int(2 * elapsed) + 1
    assert statuses.count(429) == 30 - passed > 0
    # and the refused ones never reached the app
    assert upstream.paths() == [SUBMIT] * passed


def test_nginx_refusals_use_the_api_error_shape_and_retry_after(nginx: Nginx) -> None:
    burst(nginx, 10, "POST", SUBMIT, "127.0.0.1")
    status, headers, body = nginx.request("POST", SUBMIT)
    assert status == 429
    assert headers["retry-after"] == "1"
    assert headers["content-type"] == "application/json"
    message = "Too many requests. Try again in 1 second."
    assert json.loads(body) == {"error": {"code": "rate_limited", "message": message, "retry_after": 1}}


def test_another_client_is_not_affected_by_ones_burst(nginx: Nginx) -> None:
    burst(nginx, 15, "POST", SUBMIT, "127.0.0.1")
    assert nginx.request("POST", SUBMIT, source="127.0.0.2")[0] == 200


def concurrent_bursts(nginx: Nginx, path: str, size: int, waves: int) -> tuple[list[int], float]:
    """Waves of ``size`` simultaneous requests until one is refused (at most ``waves``): a loaded
    machine sends one request at a time too slowly to outrun a 10 r/s limit, never a whole wave."""
    statuses: list[int] = []
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=size) as pool:
        for _ in range(waves):
            statuses += pool.map(lambda _: nginx.request("GET", path, "127.0.0.1")[0], range(size))
            if 429 in statuses:
                break
    return statuses, time.monotonic() - started


def test_the_api_limit_allows_a_burst_of_twenty(nginx: Nginx, upstream: Upstream) -> None:
    statuses, elapsed = concurrent_bursts(nginx, "/api/v1/research/tasks", size=40, waves=5)
    passed = statuses.count(200)
    # the burst of twenty (plus the first request) passes; beyond it only the 10 r/s refill does
    assert 21 <= passed <= 21 + int(10 * elapsed) + 1, (passed, elapsed)
    assert set(statuses) == {200, 429} and statuses.count(429) == len(statuses) - passed
    assert len(upstream.log) == passed


def test_reading_the_submit_path_does_not_spend_the_submit_limit(nginx: Nginx) -> None:
    statuses, _ = burst(nginx, 12, "GET", SUBMIT, "127.0.0.1")
    assert statuses == [200] * 12


def test_the_app_receives_the_client_address_and_scheme(nginx: Nginx, upstream: Upstream) -> None:
    nginx.request("GET", "/api/v1/health", headers={"X-Forwarded-For": "198.51.100.7", "Host": "pmf.test"})
    [seen] = upstream.log
    assert seen["headers"]["X-Forwarded-For"] == "198.51.100.7, 127.0.0.1"
    assert seen["headers"]["X-Real-IP"] == "127.0.0.1"
    assert seen["headers"]["X-Forwarded-Proto"] == "http"
    assert seen["headers"]["Host"] == "pmf.test"


def test_websockets_are_proxied_with_the_upgrade_headers(nginx: Nginx, upstream: Upstream) -> None:
    nginx.request("GET", "/ws/research/abc/", headers={"Upgrade": "websocket", "Connection": "Upgrade"})
    [seen] = upstream.log
    assert seen["path"] == "/ws/research/abc/"
    assert seen["headers"]["Upgrade"] == "websocket"
    assert seen["headers"]["Connection"] == "upgrade"


def test_the_access_log_never_shows_a_query_string(nginx: Nginx, upstream: Upstream) -> None:
    # when clients put credentials in URLs
    secret = "s3cr3t-never-logged"
    nginx.request("GET", f"/ws/research/abc/?ticket={secret}")
    nginx.request("GET", f"/api/v1/me?api_key=pmf_0123abcd_{secret}")
    # then the app still gets them, but nginx's access log shows the paths alone
    assert upstream.paths()[0] == f"/ws/research/abc/?ticket={secret}"
    wait_until(lambda: "/api/v1/me" in nginx.log_path.read_text(), timeout=10, what="access log line")
    log = nginx.log_path.read_text()
    assert secret not in log
    assert '"GET /ws/research/abc/ HTTP/1.1" 200' in log and '"GET /api/v1/me HTTP/1.1" 200' in log


def test_pages_and_spa_routes_go_to_the_app(nginx: Nginx, upstream: Upstream) -> None:
    paths = ["/", "/research/abc", "/admin/", "/accounts/login/", "/health", "/api/docs/"]
    assert [nginx.request("GET", path)[0] for path in paths] == [200] * len(paths)
    assert upstream.paths() == paths


def test_static_files_come_from_disk_with_long_cache_for_hashed_names(
    nginx: Nginx, upstream: Upstream
) -> None:
    status, headers, body = nginx.request("GET", f"/static/{HASHED_ASSET}")
    assert (status, body) == (200, b"console.log('pmf');\n")
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["x-content-type-options"] == "nosniff"
    status, headers, _ = nginx.request("GET", "/static/robots.txt")
    assert (status, headers["cache-control"]) == (200, "public, max-age=3600")
    assert nginx.request("GET", "/static/missing.0123456789ab.js")[0] == 404
    assert upstream.log == []


# ---------------------------------------------------------------- in front of the real app


@pytest.fixture
def app_server(transactional_db: None, tmp_path: Path) -> Iterator[int]:
    """The ASGI app under uvicorn on a free port, its own rate limits off so nginx's are seen."""
    port = free_port()
    log_path = tmp_path / "uvicorn.log"
    command = [
        sys.executable, "-m", "uvicorn", "pmfsite.asgi:application",
        "--host", "127.0.0.1", "--port", str(port), "--lifespan", "off", "--no-access-log",
    ]  # fmt: skip
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=child_env(RATE_LIMITS_ENABLED="false"),
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_until(lambda: port_open(port) or process.poll() is not None, timeout=60, what="uvicorn")
        assert process.poll() is None, log_path.read_text()
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_in_front_of_the_app_a_submit_burst_gets_429_from_nginx(tmp_path: Path, app_server: int) -> None:
    for nginx in start_nginx(tmp_path, app_server):
        # when one client fires 30 submissions at the real app through nginx
        started = time.monotonic()
        answers = [nginx.request("POST", SUBMIT) for _ in range(30)]
        elapsed = time.monotonic() - started
        # then the first six reach the app (its answers carry a request id) and the rest are refused
        from_app = [headers for status, headers, _ in answers if status != 429]
        refused = [status for status, _, _ in answers if status == 429]
        assert all("x-request-id" in headers for headers in from_app)
        assert all(status != 429 for status, _, _ in answers[:6])
        assert 6 <= len(from_app) <= 6 + int(2 * elapsed) + 1
        assert len(refused) == 30 - len(from_app) > 0
        assert all("x-request-id" not in headers for status, headers, _ in answers if status == 429)
        # and the app's own pages still come through
        status, _, body = nginx.request("GET", "/health")
        assert status in {200, 503}
        # (the public answer through a proxy the app does not trust: the status alone, no details)
        assert json.loads(body) == {"status": "ok" if status == 200 else "degraded"}


def test_the_web_containers_healthcheck_passes_against_the_app(app_server: int) -> None:
    script = str(ROOT / "deploy" / "healthcheck.py")
    env = child_env(DJANGO_ALLOWED_HOSTS="localhost")
    answered = subprocess.run([sys.executable, script, f"http://127.0.0.1:{app_server}/health"], env=env)
    nobody = subprocess.run([sys.executable, script, f"http://127.0.0.1:{free_port()}/health"], env=env)
    assert (answered.returncode, nobody.returncode) == (0, 1)
