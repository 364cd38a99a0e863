"""An API key's ``last_used_at`` is kept to the minute, so a request does not write on every call."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from credits.keys import LAST_USED_PRECISION, api_key_authenticate, api_key_create, api_keys_changed
from credits.models import APIKey
from credits.tests.factories import UserFactory


def test_last_used_is_written_on_first_use_then_at_most_once_a_minute(
    db: None, django_assert_num_queries: Any
) -> None:
    # given alice's key, used once
    alice = UserFactory(username="alice")
    raw = api_key_create(user=alice).raw
    api_key_authenticate(raw)
    first = APIKey.objects.get(user=alice).last_used_at
    # when she uses it again within the minute: no read (the process's copy), no write
    with django_assert_num_queries(0):
        assert api_key_authenticate(raw) is not None
    # then the first time stays
    assert APIKey.objects.get(user=alice).last_used_at == first
    # and when her last use is older than the precision, the next use records the new time
    APIKey.objects.filter(user=alice).update(last_used_at=first - LAST_USED_PRECISION - timedelta(seconds=1))
    api_keys_changed()  # as after any change to keys: the process reads the row again
    api_key_authenticate(raw)
    assert APIKey.objects.get(user=alice).last_used_at > first
