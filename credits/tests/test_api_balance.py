"""GET /api/v1/credits/balance"""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from catalogue.depths import DEPTHS
from credits.keys import api_key_create
from credits.models import CreditBalance
from credits.services import research_charge
from credits.tests.factories import CreditBalanceFactory
from credits.tests.helpers import ledger_snapshot

URL = "/api/v1/credits/balance"
pytestmark = pytest.mark.django_db


def test_balance_shows_usage_and_searches_remaining_per_depth(api: APIClient, alice: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    research_charge(user=alice, request_id="req-1", depth="deep")
    # when
    response = api.get(URL)
    # then
    assert response.status_code == 200
    remaining = 100 - DEPTHS["deep"].credits
    assert response.json() == {
        "balance": remaining,
        "monthly_limit": 100,
        "used_this_month": DEPTHS["deep"].credits,
        "researches_this_month": 1,
        "month": balance.month_year,
        "depths": [
            {
                "depth": depth.name,
                "label": depth.label,
                "credits": depth.credits,
                "searches_remaining": remaining // depth.credits,
                "affordable": remaining >= depth.credits,
            }
            for depth in DEPTHS.values()
        ],
    }


def test_first_visit_opens_the_month_at_the_limit(api: APIClient, alice: Any, settings: Any) -> None:
    # given
    settings.CREDITS_MONTHLY_LIMIT = 1000
    # when
    response = api.get(URL)
    # then
    assert response.status_code == 200
    assert (response.json()["balance"], response.json()["monthly_limit"]) == (1000, 1000)
    assert response.json()["depths"][0]["searches_remaining"] == 1000 // DEPTHS["essential"].credits
    assert CreditBalance.objects.filter(user=alice).count() == 1


def test_a_poor_user_sees_what_is_unaffordable(api: APIClient, alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=DEPTHS["standard"].credits)
    # when
    depths = {row["depth"]: row for row in api.get(URL).json()["depths"]}
    # then
    assert (depths["essential"]["searches_remaining"], depths["essential"]["affordable"]) == (2, True)
    assert (depths["standard"]["searches_remaining"], depths["standard"]["affordable"]) == (1, True)
    assert (depths["deep"]["searches_remaining"], depths["deep"]["affordable"]) == (0, False)


def test_only_the_callers_balance_is_shown(api: APIClient, alice: Any, bob: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    CreditBalanceFactory.create(user=bob, current_balance=7)
    # when
    response = api.get(URL)
    # then
    assert response.json()["balance"] == 100


def test_api_key_authentication_works(alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=42)
    raw = api_key_create(user=alice, name="script").raw
    # when
    response = APIClient().get(URL, HTTP_AUTHORIZATION=f"Api-Key {raw}")
    # then
    assert response.status_code == 200
    assert response.json()["balance"] == 42


def test_anonymous_is_refused_with_401_and_nothing_opens(db: None) -> None:
    # given
    before = ledger_snapshot()
    # when
    response = APIClient().get(URL)
    # then
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert ledger_snapshot() == before
