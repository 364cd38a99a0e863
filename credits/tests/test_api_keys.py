"""/api/v1/keys: list, create (raw key once), revoke."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from rest_framework.test import APIClient

from credits.keys import api_key_authenticate, api_key_create
from credits.models import APIKey
from credits.tests.factories import APIKeyFactory

URL = "/api/v1/keys"
pytestmark = pytest.mark.django_db


def test_list_shows_only_my_keys_without_secrets(api: APIClient, alice: Any, bob: Any) -> None:
    # given
    mine = APIKeyFactory.create(user=alice, name="laptop")
    APIKeyFactory.create(user=bob, name="bob's")
    # when
    response = api.get(URL)
    # then
    assert response.status_code == 200
    assert response.json() == [
        {
            "id": str(mine.pk),
            "name": "laptop",
            "prefix": mine.prefix,
            "created_at": mine.created_at.isoformat().replace("+00:00", "Z"),
            "last_used_at": None,
            "revoked_at": None,
        }
    ]


def test_create_returns_the_raw_key_once_and_it_works(api: APIClient, alice: Any) -> None:
    # when
    response = api.post(URL, {"name": "ci"}, format="json")
    # then
    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "ci"
    assert body["key"].startswith(f"pmf_{body['prefix']}_")
    key = api_key_authenticate(body["key"])
    assert key is not None and key.user == alice and str(key.pk) == body["id"]
    assert "key" not in api.get(URL).json()[0]
    assert body["key"] not in str(APIKey.objects.values().get())


def test_create_refuses_a_too_long_name(api: APIClient) -> None:
    # when
    response = api.post(URL, {"name": "x" * 101}, format="json")
    # then
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert APIKey.objects.count() == 0


def test_revoke_my_key(api: APIClient, alice: Any) -> None:
    # given
    created = api_key_create(user=alice, name="old")
    # when
    response = api.delete(f"{URL}/{created.key.pk}")
    # then
    assert response.status_code == 204
    created.key.refresh_from_db()
    assert created.key.revoked_at is not None
    assert api_key_authenticate(created.raw) is None


def test_revoking_someone_elses_key_is_404_and_changes_nothing(api: APIClient, bob: Any) -> None:
    # given
    created = api_key_create(user=bob, name="bob's")
    # when
    response = api.delete(f"{URL}/{created.key.pk}")
    # then
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    created.key.refresh_from_db()
    assert created.key.revoked_at is None


def test_an_api_key_can_manage_keys(alice: Any) -> None:
    # given
    raw = api_key_create(user=alice, name="script").raw
    client = APIClient()
    # when
    response = client.get(URL, HTTP_AUTHORIZATION=f"Api-Key {raw}")
    # then
    assert response.status_code == 200
    assert [row["name"] for row in response.json()] == ["script"]


@pytest.mark.parametrize(
    ("method", "path"), [("get", URL), ("post", URL), ("delete", f"{URL}/{uuid.UUID(int=0)}")]
)
def test_anonymous_is_refused_with_401(db: None, method: str, path: str) -> None:
    # given
    APIKeyFactory.create()
    # when
    response = getattr(APIClient(), method)(path)
    # then
    assert response.status_code == 401
    assert APIKey.objects.filter(revoked_at__isnull=True).count() == 1
