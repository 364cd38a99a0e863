"""Websockets through the project's ASGI websocket stack (origin check, session, routes, catch-all),
on the real Redis channel layer: tickets, request ids, and a clean refusal of every other path."""

from __future__ import annotations

import json
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator
from django.conf import settings
from rest_framework.test import APIClient

from credits.keys import api_key_create
from credits.tests.factories import UserFactory
from infra.websocket import CLOSE_NOT_FOUND, _ticket_key, websocket_application
from research import progress
from research.tests.factories import insert_tasks, make_task

pytestmark = [pytest.mark.django_db(transaction=True)]
CLOSE_UNAUTHENTICATED = 4401


class Socket(ApplicationCommunicator):
    """A websocket client speaking ASGI to the app (Channels' own communicator needs daphne)."""

    def __init__(self, path: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
        route, _, query = path.partition("?")
        scope = {"type": "websocket", "path": route, "query_string": query.encode(), "headers": headers or [],
                 "subprotocols": []}  # fmt: skip
        super().__init__(websocket_application(), scope)

    async def connect(self) -> tuple[bool, int | None]:
        await self.send_input({"type": "websocket.connect"})
        answer = await self.receive_output(10)
        return answer["type"] == "websocket.accept", answer.get("code")

    async def receive_json(self) -> Any:
        return json.loads((await self.receive_output(10))["text"])

    async def disconnect(self) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": 1000})
        await self.wait(5)


def open_socket(path: str, headers: list[tuple[bytes, bytes]] | None = None) -> dict[str, Any]:
    """Connect; return whether the handshake was accepted, the close code, and the first message."""

    async def run() -> dict[str, Any]:
        socket = Socket(path, headers)
        accepted, code = await socket.connect()
        first = await socket.receive_json() if accepted else None
        await socket.disconnect()
        return {"accepted": accepted, "code": code, "first": first}

    return async_to_sync(run)()


def ticket_for(user: Any) -> str:
    client = APIClient()
    client.force_login(user)
    response = client.post("/api/v1/research/ws-ticket")
    assert response.status_code == 201, response.content
    assert response.json()["expires_in"] == settings.WEBSOCKET_TICKET_TTL_SECONDS
    return str(response.json()["ticket"])


@pytest.fixture
def alice() -> Any:
    return UserFactory(username="alice")


@pytest.fixture
def alices_task(alice: Any, mongo_db: Any) -> Any:
    task = make_task(alice.pk, status="processing")
    insert_tasks([task])
    return task


@pytest.mark.parametrize(
    "path", ["/ws/foo/", "/ws/", "/", "/ws/research/", "/ws/research/bad$id/", "/ws/research/x/extra/"]
)
def test_every_unrouted_path_is_refused_cleanly(path: str) -> None:
    # when a client opens a websocket on a path no route names, then the handshake is refused, not a 500
    assert open_socket(path) == {"accepted": False, "code": CLOSE_NOT_FOUND, "first": None}


def test_a_ticket_opens_one_socket_once(alice: Any, alices_task: Any, redis_client: Any) -> None:
    # given a ticket alice got from her session, stored hashed with a TTL
    ticket = ticket_for(alice)
    assert redis_client.get(_ticket_key(ticket)) == str(alice.pk).encode()
    assert 0 < redis_client.ttl(_ticket_key(ticket)) <= settings.WEBSOCKET_TICKET_TTL_SECONDS
    assert redis_client.keys(f"*{ticket}*") == []
    # when she opens her task's socket with it
    first = open_socket(f"/ws/research/{alices_task.id}/?ticket={ticket}")
    # then she is let in, and the ticket is gone: a second use is refused
    assert first["accepted"] and first["first"]["task"]["id"] == alices_task.id
    assert redis_client.exists(_ticket_key(ticket)) == 0
    again = open_socket(f"/ws/research/{alices_task.id}/?ticket={ticket}")
    assert (again["accepted"], again["code"]) == (False, CLOSE_UNAUTHENTICATED)


def test_an_api_key_in_the_url_is_not_accepted(alice: Any, alices_task: Any) -> None:
    # given alice's API key
    key = api_key_create(user=alice).raw
    # when a client puts it in the URL, then the socket is refused; in the header it is accepted
    refused = open_socket(f"/ws/research/{alices_task.id}/?api_key={key}")
    assert (refused["accepted"], refused["code"]) == (False, CLOSE_UNAUTHENTICATED)
    authorization = [(b"authorization", f"Api-Key {key}".encode())]
    header = open_socket(f"/ws/research/{alices_task.id}/", headers=authorization)
    assert header["accepted"] and header["first"]["task"]["id"] == alices_task.id


def test_unknown_or_another_users_ticket_is_refused(alice: Any, alices_task: Any) -> None:
    # given bob's ticket, and a made-up one
    bob = UserFactory(username="bob")
    for ticket in (ticket_for(bob), "made-up-ticket"):
        # when either is used on alice's task, then nothing of hers is shown
        refused = open_socket(f"/ws/research/{alices_task.id}/?ticket={ticket}")
        assert refused["accepted"] is False and refused["first"] is None
        assert refused["code"] in (CLOSE_NOT_FOUND, CLOSE_UNAUTHENTICATED)


def test_the_socket_follows_a_task_named_by_its_request_id(alice: Any, alices_task: Any) -> None:
    async def run() -> tuple[Any, Any]:
        # given alice follows her task by the request id the seed's clients keep
        path = f"/ws/research/{alices_task.request_id}/?ticket={ticket}"
        socket = Socket(path)
        accepted, _ = await socket.connect()
        assert accepted
        state = await socket.receive_json()
        # when the worker broadcasts to the task's group (named by the task id)
        await sync_broadcast()
        message = await socket.receive_json()
        await socket.disconnect()
        return state, message

    from asgiref.sync import sync_to_async

    sync_broadcast = sync_to_async(
        lambda: progress.broadcast(alices_task.id, {"type": "status", "status": "completed", "error": None})
    )
    ticket = ticket_for(alice)
    state, message = async_to_sync(run)()
    # then she got the task's state, then the broadcast
    assert (state["type"], state["task"]["id"]) == ("state", alices_task.id)
    assert message == {"type": "status", "status": "completed", "error": None}
