"""Session sign-in throttled per client IP and per account *from that IP* (failures counted in Redis).

After ``SIGNIN_MAX_FAILURES_PER_ACCOUNT`` failures for one username from one address, or
``SIGNIN_MAX_FAILURES_PER_IP`` from one address, within ``SIGNIN_WINDOW_SECONDS``, sign-in from that
address answers 429 with "try again in N minutes" without checking the password at all; the last
attempts before that are announced. The account counter is per address on purpose: anyone who knows
a username could otherwise lock its owner out from everywhere. Instead, after
``SIGNIN_CAPTCHA_AFTER_FAILURES`` failures for one account from anywhere, signing in to it needs an
hCaptcha (when configured) before the password is checked. The counters fail open (logged) when Redis
is down.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any

import redis
import structlog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from infra.ratelimit import client_ip, redis_connection

log = structlog.get_logger(__name__)

# KEYS: failure counters. ARGV[1]: window seconds. The window starts at the first failure.
RECORD_FAILURE_SCRIPT = """
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('EXPIRE', key, tonumber(ARGV[1])) end
end
return 1
"""
TEMPLATE = "registration/login.html"
CAPTCHA_FIELD = "h-captcha-response"  # the field the hCaptcha widget adds to the form
WARN_WHEN_ATTEMPTS_LEFT = 2  # warn on the last attempts, not on the first typo


@dataclass(frozen=True)
class SignInThrottle:
    """The failure counters of one client IP, and of one username from that IP."""

    ip: str
    username: str

    @classmethod
    def for_request(cls, request: HttpRequest) -> SignInThrottle:
        """The counters that a sign-in POST touches."""
        return cls(ip=client_ip(request), username=str(request.POST.get("username", "")).strip().lower())

    def _keys(self) -> list[tuple[str, int]]:
        prefix = f"{settings.REDIS_KEY_PREFIX}:signin"
        account = hashlib.sha256(f"{self.username}\n{self.ip}".encode()).hexdigest()[:32]
        return [
            (f"{prefix}:ip:{self.ip}", settings.SIGNIN_MAX_FAILURES_PER_IP),
            (f"{prefix}:account-ip:{account}", settings.SIGNIN_MAX_FAILURES_PER_ACCOUNT),
        ]

    def _account_key(self) -> str:
        account = hashlib.sha256(self.username.encode()).hexdigest()[:32]
        return f"{settings.REDIS_KEY_PREFIX}:signin:account:{account}"

    def captcha_needed(self) -> bool:
        """True when hCaptcha is on and the account failed often enough, from anywhere, to ask for it."""
        from research.captcha import captcha_enabled

        if not captcha_enabled():
            return False
        try:
            count = redis_connection().get(self._account_key())
        except (redis.RedisError, OSError) as error:
            log.warning("signin_throttle_unavailable", error=str(error))
            return False
        return int(count or 0) >= settings.SIGNIN_CAPTCHA_AFTER_FAILURES

    def seconds_blocked(self) -> int:
        """Seconds until sign-in is allowed again (0 when it is allowed now)."""
        keys = self._keys()
        try:
            with redis_connection().pipeline(transaction=False) as pipe:
                for key, _ in keys:
                    pipe.get(key)
                    pipe.ttl(key)
                replies = pipe.execute()
        except (redis.RedisError, OSError) as error:
            log.warning("signin_throttle_unavailable", error=str(error))
            return 0
        waits = [
            max(int(ttl), 1)
            for (_, limit), count, ttl in zip(keys, replies[::2], replies[1::2], strict=True)
            if count is not None and int(count) >= limit
        ]
        return max(waits, default=0)

    def attempts_left(self) -> int:
        """Failed attempts still allowed before sign-in is paused (the smaller of the two counters)."""
        keys = self._keys()
        try:
            counts = redis_connection().mget([key for key, _ in keys])
        except (redis.RedisError, OSError) as error:
            log.warning("signin_throttle_unavailable", error=str(error))
            return min(limit for _, limit in keys)
        return min(limit - int(count or 0) for (_, limit), count in zip(keys, counts, strict=True))

    def record_failure(self) -> None:
        """Count one failed attempt against the IP, the account from that IP, and the account."""
        keys = [key for key, _ in self._keys()] + [self._account_key()]
        try:
            redis_connection().eval(RECORD_FAILURE_SCRIPT, len(keys), *keys, settings.SIGNIN_WINDOW_SECONDS)
        except (redis.RedisError, OSError) as error:
            log.warning("signin_throttle_unavailable", error=str(error))

    def forget_account_failures(self) -> None:
        """A successful sign-in clears the account's count from this IP (the IP's own count stays)."""
        try:
            redis_connection().delete(self._keys()[1][0])
        except (redis.RedisError, OSError) as error:
            log.warning("signin_throttle_unavailable", error=str(error))


def too_many_attempts_message(seconds: int) -> str:
    """The message the sign-in form shows while blocked."""
    minutes = max(1, math.ceil(seconds / 60))
    return f"Too many failed sign-in attempts. Try again in {minutes} minute{'s' if minutes != 1 else ''}."


def too_many_attempts(request: HttpRequest, seconds: int, next_url: str = "") -> TemplateResponse:
    """The sign-in page with the throttling message, status 429 and ``Retry-After``."""
    context = {
        "form": AuthenticationForm(request),
        "throttled_message": too_many_attempts_message(seconds),
        "next": next_url,
    }
    response = TemplateResponse(request, TEMPLATE, context, status=429)
    response["Retry-After"] = str(seconds)
    return response


def captcha_refused(request: HttpRequest, message: str, next_url: str = "") -> TemplateResponse:
    """The sign-in page asking for the captcha (the password was not checked), status 400."""
    context = {
        "form": AuthenticationForm(request, data={"username": request.POST.get("username", "")}),
        "captcha_message": message,
        "captcha_site_key": settings.HCAPTCHA_SITE_KEY,
        "next": next_url,
    }
    return TemplateResponse(request, TEMPLATE, context, status=400)


def captcha_refusal(request: HttpRequest, throttle: SignInThrottle) -> str | None:
    """Why the captcha this attempt needs was refused, or None when none is needed or it passed.

    Many failures for one account from many addresses ask for a captcha instead of locking the account:
    its owner passes it, a password-guessing script does not.
    """
    from research.captcha import CaptchaFailed, CaptchaUnavailable, verify_captcha

    if not throttle.captcha_needed():
        return None
    try:
        verify_captcha(str(request.POST.get(CAPTCHA_FIELD, "")), throttle.ip or None)
    except (CaptchaFailed, CaptchaUnavailable) as error:
        return f"Confirm you are not a robot to sign in to this account. {error.message}"
    return None


class ThrottledLoginView(LoginView):
    """Django's LoginView that refuses, without checking the password, while the IP or account is blocked."""

    template_name = TEMPLATE

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.throttle = SignInThrottle.for_request(request)
        seconds = self.throttle.seconds_blocked()
        if seconds:
            log.info("signin_throttled", ip=self.throttle.ip)
            return too_many_attempts(request, seconds, self.get_redirect_url())
        refusal = captcha_refusal(request, self.throttle)
        if refusal:
            return captcha_refused(request, refusal, self.get_redirect_url())
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        self.throttle.record_failure()
        seconds = self.throttle.seconds_blocked()
        if seconds:
            return too_many_attempts(self.request, seconds, self.get_redirect_url())
        if self.throttle.captcha_needed():
            return self.render_to_response(
                self.get_context_data(form=form, captcha_site_key=settings.HCAPTCHA_SITE_KEY)
            )
        left = self.throttle.attempts_left()
        if left <= WARN_WHEN_ATTEMPTS_LEFT:
            minutes = max(1, math.ceil(settings.SIGNIN_WINDOW_SECONDS / 60))
            attempts = f"{left} attempt{'s' if left != 1 else ''}"
            warning = f"{attempts} left before sign-in is paused for {minutes} minutes."
            return self.render_to_response(self.get_context_data(form=form, attempts_warning=warning))
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        self.throttle.forget_account_failures()
        return super().form_valid(form)


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin's sign-in behind the same counters (a re-rendered form is a failure, a redirect success)."""
    if request.method != "POST":
        return admin.site.login(request)
    throttle = SignInThrottle.for_request(request)
    seconds = throttle.seconds_blocked()
    if seconds:
        return too_many_attempts(request, seconds, request.GET.get("next", "/admin/"))
    refusal = captcha_refusal(request, throttle)
    if refusal:
        return captcha_refused(request, refusal, request.GET.get("next", "/admin/"))
    response = admin.site.login(request)
    if response.status_code == 200:
        throttle.record_failure()
    elif response.status_code == 302:
        throttle.forget_account_failures()
    return response
