"""hCaptcha verification for research submissions from the web app.

A form-encoded POST to ``HCAPTCHA_VERIFY_URL`` (secret, response, remoteip, sitekey). Refusals become
``CaptchaFailed`` (400) with a message the user can act on; an unreachable or broken verifier becomes
``CaptchaUnavailable`` (503): the check fails closed, it never lets a submission through unverified.
"""

from __future__ import annotations

from typing import Any

import httpx
import structlog
from django.conf import settings
from django.http import HttpRequest

from infra.errors import DomainError, Unavailable

log = structlog.get_logger(__name__)

MESSAGES = {
    "missing-input-response": "Please complete the captcha before submitting.",
    "invalid-input-response": "The captcha answer was not accepted. Please complete the captcha again.",
    "expired-input-response": "The captcha expired. Please complete it again.",
    "already-seen-response": "This captcha was already used. Please complete it again.",
    "sitekey-secret-mismatch": "The captcha is misconfigured on our side (site key and secret differ).",
    "missing-input-secret": "The captcha is misconfigured on our side (no secret).",
    "invalid-input-secret": "The captcha is misconfigured on our side (invalid secret).",
    "bad-request": "The captcha check was malformed. Please complete the captcha again.",
}
DEFAULT_MESSAGE = "The captcha could not be verified. Please complete it again."
SERVER_SIDE_CODES = {"sitekey-secret-mismatch", "missing-input-secret", "invalid-input-secret"}
UNAVAILABLE_MESSAGE = (
    "The captcha service cannot be reached right now, so nothing was submitted. Try again shortly."
)


class CaptchaFailed(DomainError):
    """The verifier refused the token (missing, invalid, expired, reused, misconfigured)."""

    code = "captcha_failed"


class CaptchaUnavailable(Unavailable):
    """The verifier could not be reached or answered nonsense; the submission is refused."""

    code = "captcha_unavailable"


def captcha_enabled() -> bool:
    """hCaptcha is on when a secret is configured."""
    return bool(settings.HCAPTCHA_SECRET)


def captcha_required(request: HttpRequest) -> bool:
    """Web-app (session) requests need a captcha when it is enabled; API-key requests never do."""
    from credits.authentication import APIKeyAuthentication

    authenticator = getattr(request, "successful_authenticator", None)
    return captcha_enabled() and not isinstance(authenticator, APIKeyAuthentication)


def _post(form: dict[str, str]) -> httpx.Response:
    # retries=1 retries only failed connections (nothing sent), so a token is never spent twice.
    transport = httpx.HTTPTransport(retries=1)
    with httpx.Client(transport=transport, timeout=settings.HCAPTCHA_TIMEOUT_SECONDS) as client:
        return client.post(settings.HCAPTCHA_VERIFY_URL, data=form)


def _answer(form: dict[str, str]) -> dict[str, Any]:
    try:
        response = _post(form)
        response.raise_for_status()
        answer = response.json()
    except (httpx.HTTPError, ValueError) as error:
        log.warning("captcha_unavailable", error=repr(error), url=settings.HCAPTCHA_VERIFY_URL)
        raise CaptchaUnavailable(UNAVAILABLE_MESSAGE) from error
    if not isinstance(answer, dict) or not isinstance(answer.get("success"), bool):
        log.warning("captcha_unavailable", error="unexpected answer", answer=str(answer)[:200])
        raise CaptchaUnavailable(UNAVAILABLE_MESSAGE)
    return answer


def verify_captcha(token: str, remote_ip: str | None) -> None:
    """Verify an hCaptcha token; raise ``CaptchaFailed`` or ``CaptchaUnavailable`` unless it passes."""
    if not captcha_enabled():
        return
    if not token:
        raise CaptchaFailed(MESSAGES["missing-input-response"], error_codes=["missing-input-response"])
    form = {"secret": settings.HCAPTCHA_SECRET, "response": token}
    if remote_ip:
        form["remoteip"] = remote_ip
    if settings.HCAPTCHA_SITE_KEY:
        form["sitekey"] = settings.HCAPTCHA_SITE_KEY
    answer = _answer(form)
    if answer["success"]:
        return
    codes = [str(code) for code in answer.get("error-codes") or []]
    if SERVER_SIDE_CODES.intersection(codes):
        log.error("captcha_misconfigured", error_codes=codes)
    message = next((MESSAGES[code] for code in codes if code in MESSAGES), DEFAULT_MESSAGE)
    raise CaptchaFailed(message, error_codes=codes)


def check_request_captcha(request: HttpRequest, token: str | None) -> None:
    """The submit/rerun check: verify ``token`` with the client's IP when this request needs a captcha."""
    from infra.ratelimit import client_ip

    if captcha_required(request):
        verify_captcha(token or "", client_ip(request) or None)
