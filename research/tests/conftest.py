"""Personas and API clients for the research tests."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from credits.keys import api_key_create
from credits.tests.factories import UserFactory


@pytest.fixture
def alice(db: None) -> Any:
    return UserFactory(username="alice")


@pytest.fixture
def bob(db: None) -> Any:
    return UserFactory(username="bob")


def key_client(user: Any) -> APIClient:
    """An API client authenticating with a fresh API key of ``user``."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {api_key_create(user=user).raw}")
    return client


@pytest.fixture
def alice_api(alice: Any) -> APIClient:
    return key_client(alice)


@pytest.fixture
def bob_api(bob: Any) -> APIClient:
    return key_client(bob)
