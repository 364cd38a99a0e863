"""Credentials never reach a log line: our structured lines and uvicorn's access log are redacted."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import structlog
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from conftest import ChildProcess, child_env, wait_until
from infra.embedded import free_port
from infra.logging import logging_config

SECRET = "s3cr3t-value-never-logged"
RAW_KEY = f"pmf_0123abcd_{SECRET}"


@pytest.fixture
def rendered_lines() -> Iterator[tuple[Any, io.StringIO]]:
    """A stdlib logger whose handler uses the project's JSON formatter, writing to a string."""
    spec = logging_config("INFO", "json")["formatters"]["structured"]
    handler = logging.StreamHandler(stream := io.StringIO())
    formatter = spec["()"](processors=spec["processors"], foreign_pre_chain=spec["foreign_pre_chain"])
    handler.setFormatter(formatter)
    logger = logging.getLogger("pmf.redaction.test")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield logger, stream
    logger.removeHandler(handler)


def test_structured_and_plain_lines_are_redacted(rendered_lines: tuple[Any, io.StringIO]) -> None:
    logger, stream = rendered_lines
    # when our code logs a URL with credentials and a raw key, and a library logs a plain access line
    structlog.get_logger("pmf.redaction.test").info(
        "request", url=f"/ws/research/abc/?ticket={SECRET}&api_key={RAW_KEY}", header=f"Api-Key {RAW_KEY}"
    )
    logger.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", f"/api/v1/me?auth_key={SECRET}", "1.1", 200)
    # then neither line holds the secret, and both say what was removed
    output = stream.getvalue()
    assert SECRET not in output
    assert "ticket=[redacted]" in output and "api_key=[redacted]" in output
    assert "Api-Key pmf_0123abcd_[redacted]" in output and "auth_key=[redacted]" in output


@pytest.fixture
def server_with_access_log(transactional_db: None) -> Iterator[ChildProcess]:
    """The real ASGI app under uvicorn with its access log on (as in compose.yaml)."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "pmfsite.asgi:application", "--host", "127.0.0.1",
               "--port", str(port), "--lifespan", "off"]  # fmt: skip
    server = ChildProcess(f"uvicorn-access-{port}", command, child_env(LOG_FORMAT="json"))
    server.port = port  # type: ignore[attr-defined]
    wait_until(lambda: "Uvicorn running on" in server.log() or not server.alive(), timeout=60)
    assert server.alive(), server.log()
    yield server
    server.stop()


@pytest.mark.integration
@pytest.mark.slow
def test_uvicorns_access_log_never_shows_a_key_or_ticket(server_with_access_log: ChildProcess) -> None:
    port = server_with_access_log.port  # type: ignore[attr-defined]
    # when clients put credentials in URLs, over HTTP and on a websocket
    httpx.get(f"http://127.0.0.1:{port}/api/v1/research/depths?api_key={RAW_KEY}", timeout=10)
    with pytest.raises(InvalidStatus):
        connect(f"ws://127.0.0.1:{port}/ws/research/abc/?ticket={SECRET}", open_timeout=10).close()
    # then the access log shows both requests, with the credentials redacted
    wait_until(lambda: server_with_access_log.log().count("[redacted]") >= 2, timeout=10, what="access lines")
    log = server_with_access_log.log()
    assert SECRET not in log, log[-2000:]
    assert "/api/v1/research/depths?api_key=[redacted]" in log
    assert "/ws/research/abc/?ticket=[redacted]" in log
