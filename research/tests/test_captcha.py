"""hCaptcha verification against the fake verifier: every refusal is clear, an outage fails closed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User
from pytest_django.fixtures import Settings
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from credits.keys import api_key_create
from fakes.hcaptcha import TEST_SECRET, TEST_SITE_KEY, TEST_TOKEN, FakeHCaptcha
from infra.api_errors import status_for
from research.captcha import (
    UNAVAILABLE_MESSAGE,
    CaptchaFailed,
    CaptchaUnavailable,
    check_request_captcha,
    verify_captcha,
)

ALICE_IP = "203.0.113.10"


@pytest.fixture
def fake(settings: Settings) -> Iterator[FakeHCaptcha]:
    """The fake verifier, with the app's captcha settings pointing at it."""
    with FakeHCaptcha() as server:
        settings.HCAPTCHA_VERIFY_URL = server.url
        settings.HCAPTCHA_SECRET = server.secret
        settings.HCAPTCHA_SITE_KEY = server.site_key
        settings.HCAPTCHA_TIMEOUT_SECONDS = 2.0
        yield server


def refusal(token: str) -> CaptchaFailed:
    with pytest.raises(CaptchaFailed) as raised:
        verify_captcha(token, ALICE_IP)
    return raised.value


def test_a_fresh_token_passes_and_is_sent_form_encoded(fake: FakeHCaptcha) -> None:
    # given a token the widget just produced
    token = fake.issue_token()
    # when it is verified
    verify_captcha(token, ALICE_IP)
    # then the verifier received one form-encoded POST with secret, response, remote IP and site key
    [request] = fake.requests
    assert request.path == "/siteverify"
    assert request.content_type == "application/x-www-form-urlencoded"
    assert request.form == {
        "secret": fake.secret,
        "response": token,
        "remoteip": ALICE_IP,
        "sitekey": fake.site_key,
    }


def test_an_invalid_token_is_refused_with_a_clear_400(fake: FakeHCaptcha) -> None:
    error = refusal("made-up-token")
    assert (error.code, status_for(error.code)) == ("captcha_failed", 400)
    assert error.message == "The captcha answer was not accepted. Please complete the captcha again."
    assert error.details == {"error_codes": ["invalid-input-response"]}


def test_an_expired_token_is_refused(fake: FakeHCaptcha) -> None:
    error = refusal(fake.issue_token(age_seconds=121))
    assert error.message == "The captcha expired. Please complete it again."
    assert error.details == {"error_codes": ["expired-input-response"]}


def test_a_token_is_single_use(fake: FakeHCaptcha) -> None:
    # given a token that already passed once
    token = fake.issue_token()
    verify_captcha(token, ALICE_IP)
    # when it is replayed
    error = refusal(token)
    # then it is refused as already seen
    assert error.message == "This captcha was already used. Please complete it again."
    assert error.details == {"error_codes": ["already-seen-response"]}
    assert len(fake.requests) == 2


def test_a_missing_token_is_refused_without_calling_the_verifier(fake: FakeHCaptcha) -> None:
    error = refusal("")
    assert error.message == "Please complete the captcha before submitting."
    assert error.details == {"error_codes": ["missing-input-response"]}
    assert fake.requests == []


def test_a_site_key_that_does_not_match_the_secret_is_reported(
    fake: FakeHCaptcha, settings: Settings
) -> None:
    settings.HCAPTCHA_SITE_KEY = TEST_SITE_KEY
    error = refusal(fake.issue_token())
    assert error.message == "The captcha is misconfigured on our side (site key and secret differ)."
    assert error.details == {"error_codes": ["sitekey-secret-mismatch"]}


def test_the_published_test_keys_always_pass_but_are_still_verified(
    fake: FakeHCaptcha, settings: Settings
) -> None:
    settings.HCAPTCHA_SECRET, settings.HCAPTCHA_SITE_KEY = TEST_SECRET, TEST_SITE_KEY
    verify_captcha(TEST_TOKEN, None)
    verify_captcha(TEST_TOKEN, None)
    assert [request.form for request in fake.requests] == [
        {"secret": TEST_SECRET, "response": TEST_TOKEN, "sitekey": TEST_SITE_KEY}
    ] * 2


def test_an_unreachable_verifier_fails_closed_with_a_clear_503(fake: FakeHCaptcha) -> None:
    # given the verifier is down
    token = fake.issue_token()
    fake.stop()
    # when a token is verified
    with pytest.raises(CaptchaUnavailable) as raised:
        verify_captcha(token, ALICE_IP)
    # then the submission is refused, not waved through
    assert (raised.value.code, status_for(raised.value.code)) == ("captcha_unavailable", 503)
    assert raised.value.message == UNAVAILABLE_MESSAGE
    assert fake.requests == []


def test_a_verifier_slower_than_the_timeout_fails_closed_without_a_retry(
    fake: FakeHCaptcha, settings: Settings
) -> None:
    settings.HCAPTCHA_TIMEOUT_SECONDS = 0.2
    fake.delay_seconds = 1.0
    with pytest.raises(CaptchaUnavailable):
        verify_captcha(fake.issue_token(), ALICE_IP)
    # a read timeout may mean the token was spent: it is not sent a second time
    assert len(fake.requests) == 1


def test_nothing_is_verified_when_no_secret_is_configured(fake: FakeHCaptcha, settings: Settings) -> None:
    settings.HCAPTCHA_SECRET = ""
    verify_captcha("", ALICE_IP)
    verify_captcha("anything", ALICE_IP)
    assert fake.requests == []


def test_the_fake_refuses_json_bodies_as_the_real_service_does(fake: FakeHCaptcha) -> None:
    answer = httpx.post(fake.url, json={"secret": fake.secret, "response": fake.issue_token()}).json()
    assert answer == {"success": False, "error-codes": ["bad-request"]}


class SubmitView(APIView):
    """Stands in for the research submit endpoint."""

    def post(self, request: Request) -> Response:
        data: Any = request.data
        check_request_captcha(request, data.get("hcaptcha_token"))
        return Response({"submitted": True})


def call_submit(**extra: Any) -> Response:
    request = APIRequestFactory().post(
        "/api/v1/research/submit", {}, format="json", REMOTE_ADDR=ALICE_IP, **extra
    )
    response = SubmitView.as_view()(request)
    response.render()
    return response


@pytest.mark.django_db
def test_web_app_submissions_need_a_captcha_and_get_the_standard_error(fake: FakeHCaptcha) -> None:
    # given alice signed in to the web app (session)
    alice = User.objects.create_user("alice", password="correct horse battery staple")
    request = APIRequestFactory().post("/api/v1/research/submit", {}, format="json", REMOTE_ADDR=ALICE_IP)
    request.user = alice
    request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
    # when she submits without a token
    response = SubmitView.as_view()(request)
    response.render()
    # then the refusal uses the one API error shape
    assert response.status_code == 400
    assert response.data == {
        "error": {
            "code": "captcha_failed",
            "message": "Please complete the captcha before submitting.",
            "error_codes": ["missing-input-response"],
        }
    }


@pytest.mark.django_db
def test_api_key_submissions_skip_the_captcha(fake: FakeHCaptcha) -> None:
    bob = User.objects.create_user("bob")
    raw = api_key_create(user=bob).raw
    response = call_submit(HTTP_AUTHORIZATION=f"Api-Key {raw}")
    assert (response.status_code, response.data) == (200, {"submitted": True})
    assert fake.requests == []
