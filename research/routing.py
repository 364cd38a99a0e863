"""Websocket routes (Channels)."""

from __future__ import annotations

from django.urls import URLPattern, re_path

from research.consumers import ResearchProgressConsumer

websocket_urlpatterns: list[URLPattern] = [
    re_path(r"^ws/research/(?P<task_id>[A-Za-z0-9_-]{1,64})/$", ResearchProgressConsumer.as_asgi()),
]
