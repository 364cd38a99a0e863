"""Resolved API keys are reused by a process until any key or user changes, in any process."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from credits.keys import api_key_authenticate, api_key_create, api_key_revoke
from credits.models import APIKey
from credits.tests.factories import UserFactory


def test_a_known_key_is_answered_without_a_query(db: None, django_assert_num_queries: Any) -> None:
    # given alice's key, used once
    raw = api_key_create(user=UserFactory(username="alice")).raw
    assert api_key_authenticate(raw) is not None
    # when she polls again, then no query reaches PostgreSQL and she is still alice
    with django_assert_num_queries(0):
        key = api_key_authenticate(raw)
    assert key is not None and key.user.username == "alice"


def test_a_revoked_key_is_refused_at_once(db: None) -> None:
    # given alice's key, resolved and kept by this process
    alice = UserFactory(username="alice")
    created = api_key_create(user=alice)
    assert api_key_authenticate(created.raw) is not None
    # when she revokes it, then the very next request is refused
    api_key_revoke(key=created.key)
    assert api_key_authenticate(created.raw) is None


def test_a_deactivated_user_is_refused_at_once(db: None) -> None:
    # given bob's key, resolved and kept
    bob = UserFactory(username="bob")
    raw = api_key_create(user=bob).raw
    assert api_key_authenticate(raw) is not None
    # when staff deactivate bob, then his key no longer authenticates
    bob.is_active = False
    bob.save()
    assert api_key_authenticate(raw) is None


def test_a_revoke_in_another_process_reaches_this_one(transactional_db: None) -> None:
    # given alice's key, kept by this process
    from conftest import child_env

    created = api_key_create(user=UserFactory(username="alice"))
    assert api_key_authenticate(created.raw) is not None
    # when another process (a second web server) revokes it
    script = (
        "import django; django.setup()\n"
        "from credits.keys import api_key_revoke\nfrom credits.models import APIKey\n"
        f"api_key_revoke(key=APIKey.objects.get(pk='{created.key.pk}'))\n"
    )
    subprocess.run([sys.executable, "-c", script], env=child_env(), check=True, timeout=120)
    # then this process refuses it on the next request, and the row says revoked
    assert api_key_authenticate(created.raw) is None
    assert APIKey.objects.get(pk=created.key.pk).revoked_at is not None


def test_without_redis_keys_are_checked_in_postgresql(db: None, settings: Any) -> None:
    # given alice's key, and Redis unreachable
    from research import progress

    created = api_key_create(user=UserFactory(username="alice"))
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    progress.reset_client()
    try:
        # when she authenticates, then PostgreSQL answers; and once revoked, she is refused
        assert api_key_authenticate(created.raw) is not None
        APIKey.objects.filter(pk=created.key.pk).update(revoked_at="2026-01-01T00:00:00Z")
        assert api_key_authenticate(created.raw) is None
    finally:
        progress.reset_client()


@pytest.mark.parametrize("raw", ["", "pmf_", "pmf_nope_nope", "sk-other"])
def test_malformed_keys_are_refused_and_not_kept(db: None, raw: str) -> None:
    assert api_key_authenticate(raw) is None
