"""Security headers on every response, a strict CSP the pages actually satisfy, and the CORS allowlist."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings

pytestmark = pytest.mark.django_db

STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self' ws://testserver wss://testserver; frame-src 'none'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
APP_ORIGIN = "https://app.example.com"
EVIL_ORIGIN = "https://evil.example.net"


class InlineScriptFinder(HTMLParser):
    """Collects what a script-src without 'unsafe-inline' would block: inline scripts and handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        handlers = [name for name in names if name.startswith("on")]
        self.blocked += [f"<{tag} {name}>" for name in handlers]
        if any((value or "").strip().lower().startswith("javascript:") for value in names.values()):
            self.blocked.append(f"<{tag} javascript: URL>")
        is_data = (names.get("type") or "").endswith("json")
        self._in_inline_script = tag == "script" and "src" not in names and not is_data

    def handle_data(self, data: str) -> None:
        if self._in_inline_script and data.strip():
            self.blocked.append(f"<script>{data.strip()[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._in_inline_script = False


def blocked_by_csp(html: str) -> list[str]:
    finder = InlineScriptFinder()
    finder.feed(html)
    return finder.blocked


def test_pages_carry_the_strict_policy_and_the_other_headers() -> None:
    response = Client().get("/accounts/login/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == STRICT_CSP
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Permissions-Policy"].startswith("accelerometer=(), camera=()")
    assert "geolocation=()" in response["Permissions-Policy"]


def test_api_errors_and_rate_limit_refusals_carry_the_headers_too(settings: Settings) -> None:
    settings.RATE_LIMITS_ENABLED, settings.RATE_LIMIT_API_BURST = True, 1
    client = Client()
    client.get("/api/v1/nothing-here", REMOTE_ADDR="203.0.113.77")
    refused = client.get("/api/v1/nothing-here", REMOTE_ADDR="203.0.113.77")
    assert refused.status_code == 429
    assert refused["Content-Security-Policy"] == STRICT_CSP
    assert refused["X-Content-Type-Options"] == "nosniff"


def test_hcaptcha_is_allowed_only_when_a_site_key_is_set(settings: Settings) -> None:
    settings.HCAPTCHA_SITE_KEY = "10000000-ffff-ffff-ffff-000000000001"
    policy = Client().get("/accounts/login/")["Content-Security-Policy"]
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    hcaptcha = "https://hcaptcha.com https://*.hcaptcha.com"
    assert directives["script-src"] == f"'self' {hcaptcha}"
    assert directives["frame-src"] == hcaptcha
    assert directives["connect-src"] == f"'self' ws://testserver wss://testserver {hcaptcha}"
    assert directives["object-src"] == "'none'"


def test_the_sign_in_page_needs_no_inline_script() -> None:
    assert blocked_by_csp(Client().get("/accounts/login/").content.decode()) == []


def test_the_admin_works_under_the_policy() -> None:
    # given a signed-in superuser
    client = Client()
    client.force_login(User.objects.create_superuser("root", password="x"))
    # when the admin's main pages are opened
    pages = ["/admin/", "/admin/auth/user/", "/admin/auth/user/add/", "/admin/auth/user/?q=root"]
    responses = {page: client.get(page) for page in pages}
    # then they render, under the strict policy, with nothing the policy would block
    for page, response in responses.items():
        assert response.status_code == 200, page
        assert response["Content-Security-Policy"] == STRICT_CSP
        assert blocked_by_csp(response.content.decode()) == [], page


def test_swagger_ui_is_served_from_our_origin_under_the_strict_policy() -> None:
    # given the docs page
    client = Client()
    page = client.get("/api/docs/")
    # then it uses the same strict policy as every page, loads Swagger UI from our static files
    assert page.status_code == 200
    assert page["Content-Security-Policy"] == STRICT_CSP
    html = page.content.decode()
    assert blocked_by_csp(html) == []
    assert "cdn.jsdelivr.net" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    # and its init script is served from our origin
    [script_url] = re.findall(r'<script src="(/api/docs/[^"]*)"', html)
    script = client.get(script_url.replace("&amp;", "&"))
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()


def test_cors_echoes_only_allowed_origins_on_the_api(settings: Settings) -> None:
    settings.CORS_ALLOWED_ORIGINS = [APP_ORIGIN]
    client = Client()
    allowed = client.get("/api/v1/health", HTTP_ORIGIN=APP_ORIGIN)
    other = client.get("/api/v1/health", HTTP_ORIGIN=EVIL_ORIGIN)
    page = client.get("/accounts/login/", HTTP_ORIGIN=APP_ORIGIN)
    assert allowed["Access-Control-Allow-Origin"] == APP_ORIGIN
    assert allowed["Access-Control-Expose-Headers"] == "Retry-After, X-Request-ID"
    assert "Access-Control-Allow-Credentials" not in allowed
    assert "Origin" in allowed["Vary"]
    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Origin" not in page


def test_cors_preflight_is_answered_for_allowed_origins_only(settings: Settings) -> None:
    settings.CORS_ALLOWED_ORIGINS = [APP_ORIGIN]
    client = Client()
    preflight: dict[str, Any] = {"HTTP_ACCESS_CONTROL_REQUEST_METHOD": "POST"}
    allowed = client.options("/api/v1/research/submit", HTTP_ORIGIN=APP_ORIGIN, **preflight)
    refused = client.options("/api/v1/research/submit", HTTP_ORIGIN=EVIL_ORIGIN, **preflight)
    assert allowed.status_code == 204
    assert allowed["Access-Control-Allow-Origin"] == APP_ORIGIN
    assert allowed["Access-Control-Allow-Methods"] == "GET, POST, PUT, PATCH, DELETE, OPTIONS"
    assert allowed["Access-Control-Allow-Headers"] == "Authorization, Content-Type, X-Request-ID"
    assert "Access-Control-Allow-Origin" not in refused
    assert "Access-Control-Allow-Methods" not in refused
