"""The fake server's request log, latency and failure script."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from fakes.server import FakeServer, Reply, Request


def echo(request: Request) -> Reply:
    """Answer with the request's body."""
    return Reply(200, {"echo": request.body})


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with FakeServer({("POST", "/echo"): echo}) as running:
        yield running


def test_logs_method_path_headers_body_and_times(server: FakeServer) -> None:
    # given a running server
    # when a JSON and a form body are posted
    json_answer = requests.post(
        server.url + "/echo?x=1", json={"a": 1}, headers={"X-Name": "alice"}, timeout=5
    )
    form_answer = requests.post(server.url + "/echo", data={"secret": "s", "response": "t"}, timeout=5)

    # then both are answered and logged in order, bodies parsed
    assert json_answer.json() == {"echo": {"a": 1}}
    assert form_answer.json() == {"echo": {"secret": "s", "response": "t"}}
    first, second = server.requests("/echo")
    assert (first.method, first.path, first.header("x-name"), first.status) == ("POST", "/echo", "alice", 200)
    assert second.body == {"secret": "s", "response": "t"}
    assert first.started <= first.ended <= second.started <= second.ended
    assert first.thread and not first.scripted


def test_unknown_route_is_404(server: FakeServer) -> None:
    answer = requests.post(server.url + "/nothing", json={}, timeout=5)

    assert answer.status_code == 404
    assert server.requests("/nothing")[0].status == 404


def test_script_is_consumed_in_order_before_normal_answers(server: FakeServer) -> None:
    # given two scripted faults, the first used twice
    server.script("/echo", Reply(429, {"error": "slow"}, {"retry-after": "1"}), repeat=2)
    server.script("/echo", Reply(500, "oops", content_type="text/plain"))

    # when four requests arrive
    answers = [requests.post(server.url + "/echo", json={"n": n}, timeout=5) for n in range(4)]

    # then 429, 429, 500 and finally the normal answer
    assert [answer.status_code for answer in answers] == [429, 429, 500, 200]
    assert answers[0].headers["retry-after"] == "1"
    assert answers[2].text == "oops"
    assert [request.scripted for request in server.requests()] == [True, True, True, False]


def test_script_with_condition_only_hits_matching_requests(server: FakeServer) -> None:
    server.script("/echo", Reply(503), when=lambda request: request.body == {"agent": "market"})

    other = requests.post(server.url + "/echo", json={"agent": "customer"}, timeout=5)
    market = requests.post(server.url + "/echo", json={"agent": "market"}, timeout=5)
    again = requests.post(server.url + "/echo", json={"agent": "market"}, timeout=5)

    assert (other.status_code, market.status_code, again.status_code) == (200, 503, 200)


def test_latency_delays_the_answer(server: FakeServer) -> None:
    server.set_latency("/echo", 0.2)

    requests.post(server.url + "/echo", json={}, timeout=5)

    (request,) = server.requests()
    assert request.ended - request.started >= 0.2


def test_a_reply_slower_than_the_client_timeout_times_out(server: FakeServer) -> None:
    server.script("/echo", Reply(200, {}, delay=5))

    with pytest.raises(requests.Timeout):
        requests.post(server.url + "/echo", json={}, timeout=0.3)
    assert server.requests()[0].scripted


def test_clear_forgets_log_and_script(server: FakeServer) -> None:
    server.script("/echo", Reply(500))
    requests.post(server.url + "/echo", json={}, timeout=5)
    server.script("/echo", Reply(500))

    server.clear()

    assert server.requests() == []
    assert requests.post(server.url + "/echo", json={}, timeout=5).status_code == 200
