"""Personas for the credits tests: alice and bob are users, charlie runs the back office."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from credits.tests.factories import StaffFactory, UserFactory


@pytest.fixture
def alice(db: None) -> Any:
    """A user with her own balance and keys."""
    return UserFactory.create(username="alice")


@pytest.fixture
def bob(db: None) -> Any:
    """Another user, whose data alice must never see."""
    return UserFactory.create(username="bob")


@pytest.fixture
def charlie(db: None) -> Any:
    """A staff member (superuser) working in the admin."""
    return StaffFactory.create(username="charlie")


@pytest.fixture
def api(alice: Any) -> APIClient:
    """An API client signed in as alice (session)."""
    client = APIClient()
    client.force_login(alice)
    return client


@pytest.fixture
def staff(client: Client, charlie: Any) -> Client:
    """The admin, signed in as charlie (a superuser)."""
    client.force_login(charlie)
    return client
