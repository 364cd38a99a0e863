"""Websocket ``/ws/research/{id}/``: the task's state on connect, then each checkpoint and the end."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from asgiref.sync import async_to_sync
from channels.generic.websocket import JsonWebsocketConsumer
from django.contrib.auth import get_user_model

from credits.keys import api_key_authenticate
from infra.websocket import ticket_redeem
from research import documents, progress
from research.presenters import task_detail

CLOSE_UNAUTHENTICATED = 4401
CLOSE_NOT_FOUND = 4404


class ResearchProgressConsumer(JsonWebsocketConsumer):
    """Follows one task (by task or request id) of the connected user (ticket, session or API key)."""

    task_id: str = ""

    def _user(self) -> Any:
        """A ticket (single use) first, then the session, then an ``Authorization: Api-Key`` header."""
        query = parse_qs(self.scope.get("query_string", b"").decode(errors="replace"))
        ticket = query.get("ticket", [""])[0]
        if ticket:
            user_id = ticket_redeem(ticket)
            return get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None
        user = self.scope.get("user")
        if user is not None and user.is_authenticated:
            return user
        headers = dict(self.scope.get("headers", []))
        keyword, _, raw = headers.get(b"authorization", b"").decode(errors="replace").partition(" ")
        key = api_key_authenticate(raw) if keyword.lower() == "api-key" and raw else None
        return key.user if key else None

    def connect(self) -> None:
        self.task_id = str(self.scope["url_route"]["kwargs"]["task_id"])
        user = self._user()
        if user is None:
            self.close(code=CLOSE_UNAUTHENTICATED)
            return
        # The path may name the request id: resolve it to the task id the worker broadcasts to.
        found = documents.task_get(self.task_id, owner_id=user.pk)
        if found is None:
            self.task_id = ""
            self.close(code=CLOSE_NOT_FOUND)
            return
        self.task_id = found.id
        # Join before reading the snapshot, so no checkpoint falls between it and the subscription.
        async_to_sync(self.channel_layer.group_add)(progress.group_name(self.task_id), self.channel_name)
        task = documents.task_get(self.task_id, owner_id=user.pk) or found
        self.accept()
        self.send_json({"type": "state", "task": task_detail(task)})

    def disconnect(self, code: int) -> None:
        if self.task_id:
            async_to_sync(self.channel_layer.group_discard)(
                progress.group_name(self.task_id), self.channel_name
            )

    def receive_json(self, content: Any, **kwargs: Any) -> None:
        """Clients only listen; a ``{"type": "ping"}`` gets a pong to keep proxies from idling out."""
        if isinstance(content, dict) and content.get("type") == "ping":
            self.send_json({"type": "pong"})

    def research_event(self, event: dict[str, Any]) -> None:
        """A message broadcast by the worker or an abort."""
        self.send_json(event["message"])
