"""GET /api/v1/credits/transactions"""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from credits.models import CreditTransaction
from credits.services import research_charge, staff_grant
from credits.tests.factories import CreditBalanceFactory

URL = "/api/v1/credits/transactions"
pytestmark = pytest.mark.django_db


def test_history_is_paginated_newest_first(api: APIClient, alice: Any) -> None:
    # given a grant row and 24 charges: 25 rows
    CreditBalanceFactory.create(user=alice, current_balance=1000)
    for number in range(24):
        research_charge(user=alice, request_id=f"req-{number}", depth="essential")
    by_version = CreditTransaction.objects.order_by("-balance_version")
    newest_first = [str(pk) for pk in by_version.values_list("pk", flat=True)]
    # when
    first = api.get(URL).json()
    second = api.get(URL, {"page": 2}).json()
    # then
    assert first["count"] == 25
    assert first["previous"] is None
    assert first["next"].endswith("/api/v1/credits/transactions?page=2")
    assert [row["id"] for row in first["results"]] == newest_first[:20]
    assert [row["id"] for row in second["results"]] == newest_first[20:]
    assert second["next"] is None


def test_a_row_carries_the_documented_fields(api: APIClient, alice: Any, charlie: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    grant = staff_grant(user=alice, amount=10, reason="support ticket 12", actor=charlie)
    # when
    row = api.get(URL).json()["results"][0]
    # then
    assert row == {
        "id": str(grant.pk),
        "transaction_id": str(grant.transaction_id),
        "kind": "staff_grant",
        "amount": 10,
        "balance_after": 110,
        "timestamp": grant.timestamp.isoformat().replace("+00:00", "Z"),
        "research_request_id": "",
        "research_depth": "",
        "reason": "support ticket 12",
    }


def test_only_the_callers_rows_are_listed(api: APIClient, alice: Any, bob: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    CreditBalanceFactory.create(user=bob, current_balance=100)
    research_charge(user=bob, request_id="req-bob", depth="deep")
    mine = research_charge(user=alice, request_id="req-alice", depth="essential")
    # when
    rows = api.get(URL).json()["results"]
    # then
    assert [row["research_request_id"] for row in rows] == ["req-alice", ""]
    assert rows[0]["id"] == str(mine.pk)


def test_anonymous_is_refused_with_401(db: None) -> None:
    # when
    response = APIClient().get(URL)
    # then
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
