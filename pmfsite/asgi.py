"""ASGI entry point: HTTP through Django, websockets through Channels."""

from __future__ import annotations

import os

from infra.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pmfsite.settings.dev")
os.environ.setdefault("DATABASE_POOL", "true")  # see DATABASES in settings.base
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter  # noqa: E402

from infra.websocket import websocket_application  # noqa: E402

application = ProtocolTypeRouter({"http": django_asgi_app, "websocket": websocket_application()})
