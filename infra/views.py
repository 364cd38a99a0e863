"""Project-level views: health and the SPA shell."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from infra.health import run_checks


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """200 when every required dependency is ok, 503 naming the failing ones otherwise."""
    healthy, checks = run_checks()
    failing = [name for name, check in checks.items() if check["required"] and check["status"] != "ok"]
    body = {
        "status": "ok" if healthy else "error",
        "failing": failing,
        "checks": checks,
        "time": timezone.now().isoformat(),
    }
    return JsonResponse(body, status=200 if healthy else 503)
