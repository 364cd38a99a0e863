"""Admin: the user pages show API keys, balances and this month's credits."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.test import Client

from credits.keys import api_key_create
from credits.tests.factories import CreditBalanceFactory, UserFactory

CHANGELIST = "/admin/auth/user/"
pytestmark = pytest.mark.django_db


def test_user_admin_extends_the_auth_user_admin() -> None:
    # when
    model_admin = admin.site.get_model_admin(get_user_model())
    # then
    assert isinstance(model_admin, auth_admin.UserAdmin)
    assert [inline.__name__ for inline in model_admin.inlines][-2:] == ["APIKeyInline", "CreditBalanceInline"]


def test_user_page_shows_keys_and_balances(staff: Client, alice: Any) -> None:
    # given
    created = api_key_create(user=alice, name="laptop")
    CreditBalanceFactory.create(user=alice, current_balance=77, month_year="2026-03")
    # when
    response = staff.get(f"{CHANGELIST}{alice.pk}/change/")
    # then
    assert response.status_code == 200
    page = response.content.decode()
    assert created.key.prefix in page
    assert created.raw not in page
    assert "2026-03" in page
    assert "77" in page


def test_user_page_still_saves_user_fields(staff: Client, alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=77)
    form = staff.get(f"{CHANGELIST}{alice.pk}/change/").context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None and key != "password"}
    data.update(
        {
            "username": "alice",
            "email": "alice@new.example.com",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        }
    )
    for prefix in ("api_keys", "credit_balances"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    # when
    response = staff.post(f"{CHANGELIST}{alice.pk}/change/", data)
    # then
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    alice.refresh_from_db()
    assert alice.email == "alice@new.example.com"


def test_changelist_shows_credits_this_month_without_n_plus_one(
    staff: Client, django_assert_max_num_queries: Any
) -> None:
    # given
    for number in range(50):
        CreditBalanceFactory.create(
            user=UserFactory.create(username=f"user{number:03d}"), current_balance=number + 1
        )
    # when
    with django_assert_max_num_queries(8):
        response = staff.get(CHANGELIST, {"all": ""})
    # then
    assert response.status_code == 200
    credits = {user.username: user.credits_this_month for user in response.context["cl"].result_list}
    assert credits["user049"] == 50
    assert credits["charlie"] is None
