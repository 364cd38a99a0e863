"""The SPA shell: Django renders ``templates/spa.html`` with the hashed bundle names from Vite's manifest."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie

ENTRY = "index.html"


@lru_cache(maxsize=1)
def _manifest(mtime: float) -> dict[str, Any]:
    path = settings.FRONTEND_DIST / ".vite" / "manifest.json"
    return dict(json.loads(path.read_text()))


def bundle() -> dict[str, Any] | None:
    """The entry script and stylesheets of the built SPA, or None when it is not built."""
    path = settings.FRONTEND_DIST / ".vite" / "manifest.json"
    if not path.exists():
        return None
    entry = _manifest(path.stat().st_mtime).get(ENTRY)
    if entry is None:
        return None
    return {"script": entry["file"], "styles": entry.get("css", [])}


@login_required
@ensure_csrf_cookie
def spa(request: HttpRequest, **_: Any) -> HttpResponse:
    """Every SPA route answers with the shell; the client router takes it from there."""
    context = {"bundle": bundle()}
    return render(request, "spa.html", context, status=200 if context["bundle"] else 503)
