"""Project-level views: health and the SPA shell."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from infra import metrics
from infra.health import run_checks


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """200 ``ok`` when every required dependency is ok, 503 ``degraded`` otherwise (for load balancers).

    Which dependency failed, versions, URLs and socket paths are shown only to staff and to
    ``METRICS_ALLOWED_IPS``: the public learns nothing about the deployment from this endpoint.
    """
    healthy, checks = run_checks()
    body: dict[str, Any] = {"status": "ok" if healthy else "degraded"}
    if metrics.allowed(request):
        failing = [name for name, check in checks.items() if check["required"] and check["status"] != "ok"]
        body.update(failing=failing, checks=checks, time=timezone.now().isoformat())
    return JsonResponse(body, status=200 if healthy else 503)
