"""Admin: balances changelist, filters, the "grant credits" action and view-only balances."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from credits.models import CreditBalance, CreditTransaction, TransactionKind
from credits.services import current_month, research_charge
from credits.tests.factories import CreditBalanceFactory, UserFactory
from credits.tests.helpers import ledger_snapshot

CHANGELIST = "/admin/credits/creditbalance/"
pytestmark = pytest.mark.django_db


def grant(client: Client, balances: list[CreditBalance], **fields: Any) -> Any:
    """Submit the second step of the action (the form) for ``balances``."""
    data = {"action": "grant_credits", "_selected_action": [str(b.pk) for b in balances], "apply": "1"}
    return client.post(CHANGELIST, {**data, **fields})


def test_changelist_of_100_users_uses_a_bounded_number_of_queries(
    staff: Client, django_assert_max_num_queries: Any
) -> None:
    # given
    for number in range(100):
        CreditBalanceFactory.create(
            user=UserFactory.create(username=f"user{number:03d}"), current_balance=number
        )
    # when
    with django_assert_max_num_queries(8):
        response = staff.get(CHANGELIST, {"all": ""})
    # then
    assert response.status_code == 200
    assert response.context["cl"].result_count == 100
    assert "user099" in response.content.decode()


def test_search_by_username_and_filters(staff: Client, alice: Any, bob: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=500)
    CreditBalanceFactory.create(user=bob, current_balance=3, monthly_limit=1000)
    CreditBalanceFactory.create(user=bob, current_balance=900, month_year="2026-01")

    # when / then
    def users(**query: str) -> list[tuple[str, str]]:
        rows = staff.get(CHANGELIST, query).context["cl"].result_list
        return [(row.user.username, row.month_year) for row in rows]

    assert users(q="ali") == [("alice", current_month())]
    assert users(month_year="2026-01") == [("bob", "2026-01")]
    assert users(low="empty") == [("bob", current_month())]
    assert sorted(users(low="tenth")) == [("bob", current_month())]


def test_grant_asks_for_amount_and_reason_first(staff: Client, alice: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    before = ledger_snapshot()
    # when
    response = staff.post(CHANGELIST, {"action": "grant_credits", "_selected_action": [str(balance.pk)]})
    # then
    assert response.status_code == 200
    assert response.templates[0].name == "admin/credits/creditbalance/grant_credits.html"
    assert 'name="reason"' in response.content.decode()
    assert ledger_snapshot() == before


def test_grant_with_a_reason_writes_a_ledger_row_naming_the_staff_user(
    staff: Client, alice: Any, charlie: Any
) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    # when
    response = grant(staff, [balance], amount="25", reason="Refund for outage #12")
    # then
    assert response.status_code == 302
    row = CreditTransaction.objects.get(kind=TransactionKind.STAFF_GRANT)
    assert (row.balance_id, row.amount, row.balance_after) == (balance.pk, 25, 125)
    assert (row.actor, row.reason) == (charlie, "Refund for outage #12")
    balance.refresh_from_db()
    assert balance.current_balance == 125


def test_correction_below_zero_is_refused_per_user_and_others_still_granted(
    staff: Client, alice: Any, bob: Any
) -> None:
    # given
    poor = CreditBalanceFactory.create(user=alice, current_balance=5)
    rich = CreditBalanceFactory.create(user=bob, current_balance=100)
    # when
    response = grant(staff, [poor, rich], amount="-10", reason="duplicate grant", correction="on")
    # then
    assert response.status_code == 302
    poor.refresh_from_db()
    rich.refresh_from_db()
    assert (poor.current_balance, rich.current_balance) == (5, 90)
    assert list(
        CreditTransaction.objects.filter(kind=TransactionKind.STAFF_CORRECTION).values_list(
            "balance__user__username", "amount"
        )
    ) == [("bob", -10)]


@pytest.mark.parametrize(
    "fields",
    [
        {"amount": "25", "reason": "   "},
        {"amount": "0", "reason": "nothing"},
        {"amount": "-5", "reason": "not a correction"},
        {"amount": "many", "reason": "not a number"},
    ],
)
def test_invalid_grant_form_is_shown_again_and_nothing_moves(
    staff: Client, alice: Any, fields: dict[str, str]
) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    before = ledger_snapshot()
    # when
    response = grant(staff, [balance], **fields)
    # then
    assert response.status_code == 200
    assert response.context["form"].errors
    assert ledger_snapshot() == before


def test_staff_without_the_grant_permission_cannot_grant(client: Client, alice: Any, bob: Any) -> None:
    # given bob is staff and may only view balances
    bob.is_staff = True
    bob.save()
    bob.user_permissions.add(Permission.objects.get(codename="view_creditbalance"))
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    client.force_login(bob)
    before = ledger_snapshot()
    # when
    listing = client.get(CHANGELIST)
    response = grant(client, [balance], amount="25", reason="please")
    # then
    assert listing.status_code == 200
    assert "grant_credits" not in listing.content.decode()
    assert response.status_code == 200  # Django answers an unknown action with the changelist
    assert ledger_snapshot() == before


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", "add/"),
        ("post", "add/"),
        ("post", "{pk}/change/"),
        ("get", "{pk}/delete/"),
        ("post", "{pk}/delete/"),
    ],
)
def test_balances_cannot_be_added_edited_or_deleted_in_the_admin(
    staff: Client, alice: Any, method: str, suffix: str
) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    before = ledger_snapshot()
    # when
    url = CHANGELIST + suffix.format(pk=balance.pk)
    response = getattr(staff, method)(url, {"current_balance": "999999"})
    # then
    assert response.status_code == 403
    assert ledger_snapshot() == before


def test_balance_page_shows_its_ledger_inline_read_only(staff: Client, alice: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    research_charge(user=alice, request_id="req-inline", depth="deep")
    # when
    response = staff.get(f"{CHANGELIST}{balance.pk}/change/")
    # then
    assert response.status_code == 200
    page = response.content.decode()
    assert "req-inline" in page
    assert 'name="transactions-0-amount"' not in page
    assert 'name="_save"' not in page
