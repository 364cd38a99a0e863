"""Sign-in is throttled per account and per client IP; blocked attempts never reach the password check."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings

from fakes.hcaptcha import FakeHCaptcha

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LOGIN = "/accounts/login/"
PASSWORD = "correct horse battery staple"
ALICE_IP, MALLORY_IP, BOB_IP = "203.0.113.10", "203.0.113.66", "203.0.113.11"
BLOCKED = "Too many failed sign-in attempts. Try again in 5 minutes."


@pytest.fixture(autouse=True)
def _clean_counters(redis_client: redis.Redis) -> None:
    """Counters live in the suite's Redis; the fixture removes them afterwards."""


@pytest.fixture
def alice() -> User:
    return User.objects.create_user("alice", password=PASSWORD)


def sign_in(client: Client, username: str, password: str, ip: str) -> int:
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip).status_code


def test_five_failures_block_the_account_with_a_clear_message(alice: User) -> None:
    client = Client()
    # given four wrong passwords for alice
    assert [sign_in(client, "alice", "wrong", MALLORY_IP) for _ in range(4)] == [200] * 4
    # when the fifth is wrong too
    response = client.post(LOGIN, {"username": "alice", "password": "wrong"}, REMOTE_ADDR=MALLORY_IP)
    # then the form says to wait, with 429 and Retry-After
    assert response.status_code == 429
    assert BLOCKED in response.content.decode()
    assert 290 <= int(response["Retry-After"]) <= 300
    assert '<form method="post"' in response.content.decode()


def test_failures_from_an_attacker_never_lock_the_owner_out(alice: User) -> None:
    client = Client()
    # given mallory has paused alice's account from her own IP (in any letter case)
    for _ in range(5):
        sign_in(client, "ALICE", "wrong", MALLORY_IP)
    assert sign_in(client, "alice", PASSWORD, MALLORY_IP) == 429
    # when alice signs in with the right password from her own IP
    owner = Client()
    response = owner.post(LOGIN, {"username": "alice", "password": PASSWORD}, REMOTE_ADDR=ALICE_IP)
    # then she is let in
    assert response.status_code == 302
    assert owner.session["_auth_user_id"] == str(alice.pk)


def test_an_account_is_paused_from_the_address_that_failed(alice: User) -> None:
    client = Client()
    # given five wrong passwords for alice from her own IP
    for _ in range(5):
        sign_in(client, "alice", "wrong", ALICE_IP)
    # when she tries the right one from there, then she is paused and no session is created
    response = client.post(LOGIN, {"username": "alice", "password": PASSWORD}, REMOTE_ADDR=ALICE_IP)
    assert response.status_code == 429
    assert BLOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_other_accounts_are_not_blocked_by_one_accounts_failures(alice: User) -> None:
    User.objects.create_user("bob", password=PASSWORD)
    client = Client()
    for _ in range(5):
        sign_in(client, "alice", "wrong", MALLORY_IP)
    assert sign_in(client, "bob", PASSWORD, BOB_IP) == 302


def test_one_ip_trying_many_accounts_is_blocked(settings: Settings, alice: User) -> None:
    # given an IP limit of 6 failures
    settings.SIGNIN_MAX_FAILURES_PER_IP = 6
    client = Client()
    # when one IP guesses six different usernames
    statuses = [sign_in(client, f"user{n}", "wrong", MALLORY_IP) for n in range(6)]
    # then the sixth answer is the block, and even alice's right password from that IP is refused
    assert statuses == [200] * 5 + [429]
    assert sign_in(client, "alice", PASSWORD, MALLORY_IP) == 429
    # and alice from her own IP gets in
    assert sign_in(Client(), "alice", PASSWORD, ALICE_IP) == 302


def test_a_successful_sign_in_clears_the_accounts_failures(alice: User) -> None:
    client = Client()
    for _ in range(4):
        sign_in(client, "alice", "wrong", ALICE_IP)
    assert sign_in(client, "alice", PASSWORD, ALICE_IP) == 302
    client.logout()
    assert [sign_in(client, "alice", "wrong", ALICE_IP) for _ in range(4)] == [200] * 4


def test_csrf_is_enforced_on_the_sign_in_form(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, {"username": "alice", "password": PASSWORD}, REMOTE_ADDR=ALICE_IP)
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_the_admin_sign_in_shares_the_counters() -> None:
    User.objects.create_superuser("root", password=PASSWORD)
    client = Client()
    wrong = {"username": "root", "password": "wrong"}
    statuses = [client.post("/admin/login/", wrong, REMOTE_ADDR=MALLORY_IP).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert sign_in(client, "root", PASSWORD, MALLORY_IP) == 429
    assert sign_in(Client(), "root", PASSWORD, ALICE_IP) == 302


def test_sign_in_still_works_when_redis_is_down(settings: Settings, alice: User) -> None:
    from infra.embedded import free_port

    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"
    assert sign_in(Client(), "alice", PASSWORD, ALICE_IP) == 302


def failed_attempt(client: Client) -> str:
    response = client.post(LOGIN, {"username": "alice", "password": "wrong"}, REMOTE_ADDR=ALICE_IP)
    return response.content.decode()


def test_a_failed_attempt_keeps_the_username_and_the_last_attempts_are_announced(alice: User) -> None:
    client = Client()
    # when alice mistypes her password twice
    first = failed_attempt(client)
    second = failed_attempt(client)
    # then the form keeps her username and says nothing about limits yet
    assert 'value="alice"' in first and "attempt" not in first
    assert "attempts left" not in second
    # and on the third and fourth failures it warns how many attempts are left before the pause
    third = failed_attempt(client)
    fourth = failed_attempt(client)
    assert "2 attempts left before sign-in is paused for 5 minutes." in third
    assert "1 attempt left before sign-in is paused for 5 minutes." in fourth


def test_signing_out_says_so_on_the_sign_in_page(alice: User) -> None:
    client = Client()
    client.force_login(alice)
    # when alice signs out
    response = client.post("/accounts/logout/", follow=True)
    # then she lands on the sign-in page that confirms it
    assert response.redirect_chain[-1][0] == "/accounts/login/?signed_out=1"
    assert "You have been signed out." in response.content.decode()


@pytest.fixture
def captcha(settings: Settings) -> Iterator[FakeHCaptcha]:
    """hCaptcha on, verified by the fake verifier; three failures for one account ask for it."""
    with FakeHCaptcha() as server:
        settings.HCAPTCHA_VERIFY_URL = server.url
        settings.HCAPTCHA_SECRET = server.secret
        settings.HCAPTCHA_SITE_KEY = server.site_key
        settings.SIGNIN_CAPTCHA_AFTER_FAILURES = 3
        yield server


def test_many_failures_from_many_addresses_ask_for_a_captcha_not_a_lockout(
    alice: User, captcha: FakeHCaptcha
) -> None:
    # given three wrong passwords for alice, each from another address (no address is paused)
    attacker = Client()
    assert [sign_in(attacker, "alice", "wrong", f"198.51.100.{n}") for n in range(3)] == [200] * 3
    # when a script tries again without a captcha, even with the right password
    scripted = attacker.post(LOGIN, {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="198.51.100.9")
    # then it is refused before the password is checked, and the form shows the captcha
    assert scripted.status_code == 400
    assert "Confirm you are not a robot" in scripted.content.decode()
    assert f'data-sitekey="{captcha.site_key}"' in scripted.content.decode()
    assert "_auth_user_id" not in attacker.session
    # while alice, solving the captcha, signs in from her own address
    owner = Client()
    form = {"username": "alice", "password": PASSWORD, "h-captcha-response": captcha.issue_token()}
    assert owner.post(LOGIN, form, REMOTE_ADDR=ALICE_IP).status_code == 302
    assert owner.session["_auth_user_id"] == str(alice.pk)


def test_without_a_captcha_configured_the_owner_is_never_locked_out(settings: Settings, alice: User) -> None:
    settings.SIGNIN_CAPTCHA_AFTER_FAILURES = 3
    # given 30 wrong passwords for alice from six addresses (each of them paused)
    attacker = Client()
    for n in range(6):
        for _ in range(5):
            sign_in(attacker, "alice", "wrong", f"198.51.100.{n}")
    # then alice still signs in from her own address
    assert sign_in(Client(), "alice", PASSWORD, ALICE_IP) == 302
