"""Staff CLI (apikey create) and structured logs with a request id."""

from __future__ import annotations

import io
import json
import logging
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from credits.keys import api_key_authenticate


@pytest.mark.django_db
def test_apikey_create_makes_the_user_and_prints_a_working_key_last() -> None:
    out = io.StringIO()
    call_command("apikey", "create", "--user", "charlie", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0] == "created user charlie"
    key = api_key_authenticate(lines[-1])
    assert key is not None and key.user.username == "charlie"


@pytest.mark.django_db
def test_every_log_line_of_a_request_carries_its_request_id(client: Client, caplog: Any) -> None:
    # given a caller-supplied request id
    with caplog.at_level(logging.INFO, logger="infra.middleware"):
        response = client.get("/api/v1/research/depths", HTTP_X_REQUEST_ID="req-alice-0001")
    # then the response echoes it and the request's log line is structured and names it
    assert response["X-Request-ID"] == "req-alice-0001"
    records = [record for record in caplog.records if record.name == "infra.middleware"]
    assert records, "no request log line"
    event = records[-1].msg
    assert isinstance(event, dict)
    assert (event["event"], event["path"], event["status"], event["request_id"]) == (
        "request",
        "/api/v1/research/depths",
        401,
        "req-alice-0001",
    )
    # and it says how long the request took and which route answered it
    assert isinstance(event["duration_ms"], float) and event["duration_ms"] > 0
    assert event["route"] == "api/v1/research/depths"


def test_json_formatter_renders_one_object_per_line() -> None:
    from infra.logging import logging_config

    formatter_spec = logging_config("INFO", "json")["formatters"]["structured"]
    formatter = formatter_spec["()"](
        processors=formatter_spec["processors"], foreign_pre_chain=formatter_spec["foreign_pre_chain"]
    )
    record = logging.LogRecord("pmf.test", logging.INFO, __file__, 1, "hello %s", ("bob",), None)
    line = formatter.format(record)
    assert json.loads(line)["event"] == "hello bob"
    assert json.loads(line)["level"] == "info"
