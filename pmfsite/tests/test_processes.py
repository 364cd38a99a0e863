"""Real processes: a Celery worker on Redis, and Channels messages crossing processes to a websocket."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from websockets.sync.client import connect

from conftest import ROOT, child_env
from credits.keys import api_key_create
from credits.tests.factories import UserFactory
from pmfsite.celery import ping
from research.tests.factories import insert_tasks, make_task

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_a_real_worker_process_executes_a_task(celery_worker_process: Any) -> None:
    # when a task is sent through the Redis broker
    result = ping.delay("alice")
    # then the worker process runs it and the result comes back through django-celery-results
    assert result.get(timeout=60) == "pong:alice"
    assert "pmfsite.ping" in celery_worker_process.log()


def test_a_group_message_sent_from_another_process_reaches_a_websocket_client(
    live_stack: dict[str, Any], mongo_db: Any
) -> None:
    # given alice follows her task over the websocket of the real ASGI server
    alice = UserFactory(username="alice")
    task = make_task(alice.pk, status="processing")
    insert_tasks([task])
    key = api_key_create(user=alice).raw
    url = f"{live_stack['server'].ws_url}/ws/research/{task.id}/"
    with connect(url, additional_headers={"Authorization": f"Api-Key {key}"}, open_timeout=10) as socket:
        state = json.loads(socket.recv(timeout=10))
        assert (state["type"], state["task"]["id"]) == ("state", task.id)
        # when a separate Python process broadcasts to the task's group through the Redis channel layer
        script = (
            "import django; django.setup();"
            "from research import progress;"
            f"progress.broadcast({task.id!r}, {{'type': 'status', 'status': 'completed', 'error': None}})"
        )
        subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=child_env(), check=True, timeout=60)
        # then the websocket client receives it
        message = json.loads(socket.recv(timeout=10))
    assert message == {"type": "status", "status": "completed", "error": None}
