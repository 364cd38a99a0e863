"""`make run`'s web server believes X-Forwarded-For only from TRUSTED_PROXIES: a client that varies the
header neither escapes the rate limits nor the sign-in throttle."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User

from conftest import ROOT, ChildProcess, child_env, wait_until
from infra.embedded import free_port

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def serve_module() -> Any:
    spec = importlib.util.spec_from_file_location("serve", ROOT / "scripts" / "serve.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def start_web(trusted_proxies: str) -> tuple[ChildProcess, str]:
    """The web server exactly as serve.py starts it, with the app's rate limits on."""
    port = free_port()
    command = serve_module().uvicorn_command("127.0.0.1", str(port), trusted_proxies)
    env = child_env(RATE_LIMITS_ENABLED="true", TRUSTED_PROXIES=trusted_proxies)
    server = ChildProcess(f"web-forwarded-{port}", command, env)
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        assert server.alive(), server.log()
        try:
            return httpx.get(f"{url}/health", timeout=5).status_code in (200, 503)
        except httpx.HTTPError:
            return False

    wait_until(up, timeout=60, what="web server up")
    return server, url


@pytest.fixture
def untrusted(transactional_db: None, redis_client: Any) -> Iterator[str]:
    server, url = start_web("")
    yield url
    server.stop()


def test_the_command_believes_forwarded_headers_only_from_trusted_proxies() -> None:
    serve = serve_module()
    assert serve.uvicorn_command("127.0.0.1", "8000", "")[-1] == "--no-proxy-headers"
    assert serve.uvicorn_command("127.0.0.1", "8000", " 10.0.0.5, 172.30.0.0/16 ")[-3:] == [
        "--proxy-headers", "--forwarded-allow-ips", "10.0.0.5,172.30.0.0/16",
    ]  # fmt: skip


def test_a_varied_forwarded_for_does_not_escape_the_rate_limit(untrusted: str) -> None:
    # when one local client sends 40 API requests, each claiming another address
    with httpx.Client(base_url=untrusted, timeout=10) as client:
        statuses = [
            client.get("/api/v1/research/depths", headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
            for n in range(40)
        ]
    # then they all spend one bucket: past the burst of 20 they are refused
    assert statuses[:20] == [401] * 20
    assert statuses.count(429) >= 5


def test_a_varied_forwarded_for_does_not_escape_the_sign_in_throttle(untrusted: str) -> None:
    User.objects.create_user("alice", password="correct horse battery staple")
    statuses = []
    with httpx.Client(base_url=untrusted, timeout=10) as client:
        page = client.get("/accounts/login/").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None
        # when one client guesses alice's password six times, each claiming another address
        for n in range(6):
            form = {"username": "alice", "password": "wrong", "csrfmiddlewaretoken": token.group(1)}
            response = client.post(
                "/accounts/login/", data=form, headers={"X-Forwarded-For": f"203.0.113.{n}"}
            )
            statuses.append(response.status_code)
    # then the failures count against its one real address: the fifth pauses it
    assert statuses == [200] * 4 + [429] * 2
