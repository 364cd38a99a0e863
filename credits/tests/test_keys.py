"""API key services: every created key authenticates, revoked ones do not."""

from __future__ import annotations

from typing import Any

import pytest

from credits.keys import api_key_authenticate, api_key_create, api_key_revoke

pytestmark = pytest.mark.django_db


def test_every_created_key_authenticates_even_with_underscores_in_the_secret(alice: Any) -> None:
    # given 40 keys: the url-safe secret of about half of them contains "_"
    created = [api_key_create(user=alice, name=f"key {number}") for number in range(40)]
    assert any("_" in new.raw.split("_", 2)[2] for new in created)
    # when
    found = [api_key_authenticate(new.raw) for new in created]
    # then
    assert [key.pk if key else None for key in found] == [new.key.pk for new in created]


def test_a_revoked_key_no_longer_authenticates(alice: Any) -> None:
    # given
    created = api_key_create(user=alice, name="old")
    # when
    api_key_revoke(key=created.key)
    # then
    assert api_key_authenticate(created.raw) is None


@pytest.mark.parametrize("raw", ["", "pmf", "pmf_deadbeef", "xyz_deadbeef_secret", "pmf_deadbeef_wrong"])
def test_malformed_or_unknown_keys_do_not_authenticate(alice: Any, raw: str) -> None:
    # given
    api_key_create(user=alice, name="real")
    # when / then
    assert api_key_authenticate(raw) is None
