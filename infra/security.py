"""Security headers (Content-Security-Policy and friends) and the CORS allowlist for the API.

django-cors-headers is not a dependency: the allowlist below is small enough to own. It answers only
``/api/`` requests, echoes an origin only when it is listed in ``CORS_ALLOWED_ORIGINS`` and never
allows credentials, so cross-origin callers use API keys and sessions stay same-origin.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse

HCAPTCHA_SOURCES = ("https://hcaptcha.com", "https://*.hcaptcha.com")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
}
CORS_API_PREFIX = "/api/"
CORS_ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
CORS_ALLOWED_HEADERS = "Authorization, Content-Type, X-Request-ID"
CORS_EXPOSED_HEADERS = "Retry-After, X-Request-ID"
CORS_MAX_AGE_SECONDS = "600"


def _websocket_sources(request: HttpRequest) -> list[str]:
    try:
        host = request.get_host()
    except DisallowedHost:
        return []
    return [f"ws://{host}", f"wss://{host}"]


def content_security_policy(request: HttpRequest) -> str:
    """The policy for ``request``: same-origin only, plus hCaptcha when enabled."""
    captcha = list(HCAPTCHA_SOURCES) if settings.HCAPTCHA_SITE_KEY else []
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *captcha],
        # Inline styles stay allowed: UI libraries and the hCaptcha widget inject them; scripts cannot.
        "style-src": ["'self'", "'unsafe-inline'", *captcha],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", *_websocket_sources(request), *captcha],
        "frame-src": captcha or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class SecurityHeadersMiddleware:
    """Adds the CSP and the other security headers to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = content_security_policy(request)
        for name, value in STATIC_HEADERS.items():
            if name not in response:
                response[name] = value
        return response


def allowed_origin(request: HttpRequest) -> str | None:
    """The request's ``Origin`` when it is an API request from an allowed origin, else None."""
    origin = request.headers.get("Origin", "")
    if not origin or not request.path.startswith(CORS_API_PREFIX):
        return None
    allowed = {entry.rstrip("/") for entry in settings.CORS_ALLOWED_ORIGINS}
    return origin if origin in allowed else None


def _is_preflight(request: HttpRequest) -> bool:
    return request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers


class CorsMiddleware:
    """Answers API preflights and echoes allowed origins; other origins get no CORS headers at all."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        origin = allowed_origin(request)
        if origin and _is_preflight(request):
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = CORS_ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = CORS_ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = CORS_MAX_AGE_SECONDS
        else:
            response = self.get_response(request)
        if request.path.startswith(CORS_API_PREFIX):
            response["Vary"] = ", ".join(filter(None, [response.get("Vary", ""), "Origin"]))
        if origin:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = CORS_EXPOSED_HEADERS
        return response
