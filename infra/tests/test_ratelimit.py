"""Per-IP rate limits in real Redis: the middleware answers 429 before any view runs.

The research endpoints may not exist yet, so an accepted request is anything but 429.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import redis
import time_machine
from django.test import Client
from django.test.client import RequestFactory
from pytest_django.fixtures import Settings as SettingsWrapper

from infra.embedded import free_port
from infra.ratelimit import client_ip

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SUBMIT = "/api/v1/research/submit"
RERUN = "/api/v1/research/tasks/0b7c6f7e/rerun"
API = "/api/v1/keys"
ALICE_IP, BOB_IP = "203.0.113.10", "203.0.113.11"
PROXY_IP = "10.0.0.5"
START = datetime(2026, 1, 5, 12, 0, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _limits_on(settings: SettingsWrapper, redis_client: redis.Redis) -> Iterator[None]:
    settings.RATE_LIMITS_ENABLED = True
    settings.TRUSTED_PROXIES = []
    yield


def submit(client: Client, ip: str, **headers: Any) -> int:
    response = client.post(SUBMIT, data="{}", content_type="application/json", REMOTE_ADDR=ip, **headers)
    return response.status_code


def test_thirty_rapid_submits_from_one_ip_accept_five_and_refuse_the_rest_with_retry_after() -> None:
    client = Client()
    # given the clock stands still (a burst within one instant)
    with time_machine.travel(START, tick=False):
        # when alice's IP fires 30 submissions
        responses = [
            client.post(SUBMIT, data="{}", content_type="application/json", REMOTE_ADDR=ALICE_IP)
            for _ in range(30)
        ]
        # then the first five pass, the other 25 are refused at once with Retry-After
        statuses = [response.status_code for response in responses]
        assert [status != 429 for status in statuses] == [True] * 5 + [False] * 25
        for refused in responses[5:]:
            assert refused["Retry-After"] == "1"
            assert json.loads(refused.content) == {
                "error": {
                    "code": "rate_limited",
                    "message": "Too many requests. Try again in 1 second.",
                    "retry_after": 1,
                }
            }
        # and bob's IP is unaffected
        assert submit(client, BOB_IP) != 429


def test_rapid_submits_in_real_time_never_exceed_the_burst_plus_the_refill() -> None:
    # given no control over the clock
    client = Client()
    started = time.monotonic()
    # when 30 submissions go out as fast as the client can send them
    statuses = [submit(client, ALICE_IP) for _ in range(30)]
    elapsed = time.monotonic() - started
    # then the first five pass and no more than 5 + 2/s x elapsed pass overall
    accepted = sum(status != 429 for status in statuses)
    assert all(status != 429 for status in statuses[:5])
    assert 5 <= accepted <= 5 + int(2 * elapsed) + 1
    assert statuses.count(429) == 30 - accepted


def test_the_submit_bucket_refills_at_two_tokens_per_second() -> None:
    client = Client()
    with time_machine.travel(START, tick=False) as traveller:
        # given alice's submit bucket is empty
        assert [submit(client, ALICE_IP) != 429 for _ in range(6)] == [True] * 5 + [False]
        # when half a second passes
        traveller.shift(0.5)
        # then exactly one more submission is accepted
        assert [submit(client, ALICE_IP) != 429 for _ in range(2)] == [True, False]


def test_rerun_shares_the_submit_limit_and_get_requests_do_not_spend_it() -> None:
    client = Client()
    with time_machine.travel(START, tick=False):
        # given five submissions spent alice's submit bucket
        assert all(submit(client, ALICE_IP) != 429 for _ in range(5))
        # when she reruns a task and reads one
        rerun = client.post(RERUN, REMOTE_ADDR=ALICE_IP)
        read = client.get("/api/v1/research/tasks/0b7c6f7e", REMOTE_ADDR=ALICE_IP)
        # then the rerun is refused and the read is not
        assert rerun.status_code == 429
        assert read.status_code != 429


def test_api_limit_allows_a_burst_of_twenty_and_refused_requests_spend_nothing() -> None:
    client = Client()
    with time_machine.travel(START, tick=False):
        # given 30 submissions: 5 accepted spent 5 API tokens, 25 refused spent none
        [submit(client, ALICE_IP) for _ in range(30)]
        # when alice keeps calling another API endpoint
        statuses = [client.get(API, REMOTE_ADDR=ALICE_IP).status_code for _ in range(16)]
        # then exactly the 15 remaining API tokens are accepted
        assert [status != 429 for status in statuses] == [True] * 15 + [False]


def test_pages_outside_the_api_are_not_limited() -> None:
    client = Client()
    with time_machine.travel(START, tick=False):
        statuses = [client.get("/accounts/login/", REMOTE_ADDR=ALICE_IP).status_code for _ in range(25)]
    assert statuses == [200] * 25


def test_behind_a_trusted_proxy_the_forwarded_client_is_limited(settings: SettingsWrapper) -> None:
    # given the proxy's network is trusted
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    client = Client()
    with time_machine.travel(START, tick=False):
        # when alice, through the proxy, spends her burst while prepending a spoofed address each time
        alice = [
            submit(client, PROXY_IP, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, {ALICE_IP}") for n in range(6)
        ]
        # then she is limited by her own address, not by the spoofed ones
        assert [status != 429 for status in alice] == [True] * 5 + [False]
        # and bob through the same proxy is not
        assert submit(client, PROXY_IP, HTTP_X_FORWARDED_FOR=BOB_IP) != 429


def test_from_an_untrusted_peer_the_forwarded_header_is_ignored(settings: SettingsWrapper) -> None:
    # given the peer is not a trusted proxy
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    client = Client()
    with time_machine.travel(START, tick=False):
        # when it sends a different X-Forwarded-For with every request
        statuses = [submit(client, ALICE_IP, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}") for n in range(6)]
    # then the peer address is what is limited
    assert [status != 429 for status in statuses] == [True] * 5 + [False]


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("192.0.2.1", "198.51.100.7", "192.0.2.1"),
        ("10.0.0.5", "198.51.100.7", "198.51.100.7"),
        ("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        ("10.0.0.5", "10.0.0.8, 10.0.0.9", "10.0.0.8"),
        ("10.0.0.5", "", "10.0.0.5"),
        ("10.0.0.5", "not-an-ip", "10.0.0.5"),
        ("10.0.0.5", "garbage, 198.51.100.7", "198.51.100.7"),
        ("::1", "2001:db8::7", "2001:db8::7"),
    ],
)
def test_client_ip(settings: SettingsWrapper, peer: str, forwarded: str, expected: str) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "::1"]
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_disabled_limits_let_every_request_through(settings: SettingsWrapper) -> None:
    settings.RATE_LIMITS_ENABLED = False
    client = Client()
    with time_machine.travel(START, tick=False):
        assert all(submit(client, ALICE_IP) != 429 for _ in range(10))


def test_limits_fail_open_with_a_warning_when_redis_is_down(
    settings: SettingsWrapper, caplog: pytest.LogCaptureFixture
) -> None:
    # given Redis is unreachable
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"
    client = Client()
    # when submissions keep coming
    with caplog.at_level(logging.WARNING, logger="infra.ratelimit"):
        statuses = [submit(client, ALICE_IP) for _ in range(7)]
    # then none is refused and each one logs the outage
    assert 429 not in statuses
    warnings = [record for record in caplog.records if "rate_limit_unavailable" in str(record.msg)]
    assert len(warnings) == 7
    assert {record.levelname for record in warnings} == {"WARNING"}


def test_buckets_live_under_the_redis_key_prefix(redis_client: redis.Redis) -> None:
    submit(Client(), ALICE_IP)
    keys = sorted(key.decode() for key in redis_client.scan_iter("pmftest:ratelimit:*"))
    assert keys == [f"pmftest:ratelimit:api:{ALICE_IP}", f"pmftest:ratelimit:submit:{ALICE_IP}"]
    assert 0 < redis_client.pttl(keys[1]) <= 3500
