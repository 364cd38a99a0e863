"""Admin: API keys are listed and revoked, never created, edited or shown raw."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from credits.keys import api_key_authenticate, api_key_create
from credits.models import APIKey

CHANGELIST = "/admin/credits/apikey/"
pytestmark = pytest.mark.django_db


def test_changelist_lists_prefixes_and_never_the_key_or_its_hash(staff: Client, alice: Any) -> None:
    # given
    created = api_key_create(user=alice, name="laptop")
    # when
    response = staff.get(CHANGELIST)
    detail = staff.get(f"{CHANGELIST}{created.key.pk}/change/")
    # then
    assert response.status_code == 200 and detail.status_code == 200
    for page in (response.content.decode(), detail.content.decode()):
        assert created.key.prefix in page
        assert created.raw not in page
        assert created.key.hashed_key not in page


def test_revoke_action_revokes_the_selected_keys(staff: Client, alice: Any) -> None:
    # given
    revoked = api_key_create(user=alice, name="lost")
    kept = api_key_create(user=alice, name="kept")
    # when
    response = staff.post(CHANGELIST, {"action": "revoke_keys", "_selected_action": [str(revoked.key.pk)]})
    # then
    assert response.status_code == 302
    assert api_key_authenticate(revoked.raw) is None
    assert api_key_authenticate(kept.raw) is not None


def test_filter_by_state(staff: Client, alice: Any) -> None:
    # given
    api_key_create(user=alice, name="active")
    gone = api_key_create(user=alice, name="gone")
    staff.post(CHANGELIST, {"action": "revoke_keys", "_selected_action": [str(gone.key.pk)]})
    # when
    active = staff.get(CHANGELIST, {"state": "active"}).context["cl"].result_list
    revoked = staff.get(CHANGELIST, {"state": "revoked"}).context["cl"].result_list
    # then
    assert [key.name for key in active] == ["active"]
    assert [key.name for key in revoked] == ["gone"]


@pytest.mark.parametrize(
    ("method", "suffix"), [("get", "add/"), ("post", "{pk}/change/"), ("post", "{pk}/delete/")]
)
def test_keys_cannot_be_added_edited_or_deleted(staff: Client, alice: Any, method: str, suffix: str) -> None:
    # given
    created = api_key_create(user=alice, name="laptop")
    # when
    response = getattr(staff, method)(
        CHANGELIST + suffix.format(pk=created.key.pk), {"name": "x", "post": "yes"}
    )
    # then
    assert response.status_code == 403
    assert list(APIKey.objects.values_list("name", "revoked_at")) == [("laptop", None)]
