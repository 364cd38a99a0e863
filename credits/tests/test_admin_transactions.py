"""Admin: the ledger is read-only for everyone, superusers included."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory

from credits.models import CreditTransaction
from credits.services import research_charge, research_refund
from credits.tests.factories import CreditBalanceFactory, UserFactory
from credits.tests.helpers import ledger_snapshot

CHANGELIST = "/admin/credits/credittransaction/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def charge(alice: Any) -> CreditTransaction:
    """Alice's essential charge on a balance of 100."""
    CreditBalanceFactory.create(user=alice, current_balance=100)
    return research_charge(user=alice, request_id="req-1", depth="essential")


def test_staff_have_no_add_change_or_delete_permission(charlie: Any, charge: CreditTransaction) -> None:
    # given
    model_admin = admin.site.get_model_admin(CreditTransaction)
    request = RequestFactory().get(CHANGELIST)
    request.user = charlie
    # when / then
    assert model_admin.has_view_permission(request, charge) is True
    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request, charge) is False
    assert model_admin.has_delete_permission(request, charge) is False
    assert "delete_selected" not in model_admin.get_actions(request)


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
def test_admin_urls_refuse_to_add_edit_or_delete_ledger_rows(
    staff: Client, charge: CreditTransaction, method: str, suffix: str
) -> None:
    # given
    before = ledger_snapshot()
    # when
    response = getattr(staff, method)(
        CHANGELIST + suffix.format(pk=charge.pk), {"amount": "500", "post": "yes"}
    )
    # then
    assert response.status_code == 403
    assert ledger_snapshot() == before
    assert CreditTransaction.objects.get(pk=charge.pk).amount == -6


def test_bulk_delete_action_is_refused(staff: Client, charge: CreditTransaction) -> None:
    # given
    before = ledger_snapshot()
    # when
    staff.post(CHANGELIST, {"action": "delete_selected", "_selected_action": [str(charge.pk)], "post": "yes"})
    # then
    assert ledger_snapshot() == before


def test_a_row_can_be_viewed_read_only(staff: Client, charge: CreditTransaction) -> None:
    # when
    response = staff.get(f"{CHANGELIST}{charge.pk}/change/")
    # then
    assert response.status_code == 200
    page = response.content.decode()
    assert "req-1" in page
    assert 'name="amount"' not in page
    assert 'name="_save"' not in page


def test_changelist_filters_by_kind_depth_and_date(staff: Client, charge: CreditTransaction) -> None:
    # given
    research_refund(request_id="req-1", reason="failed")

    # when / then
    def kinds(**query: str) -> list[str]:
        response = staff.get(CHANGELIST, query)
        assert response.status_code == 200
        return sorted(row.kind for row in response.context["cl"].result_list)

    assert kinds() == ["monthly_grant", "refund", "research_charge"]
    assert kinds(kind="refund") == ["refund"]
    assert kinds(research_depth="essential") == ["refund", "research_charge"]
    today = charge.timestamp.date()
    assert kinds(timestamp__gte=str(today)) == ["monthly_grant", "refund", "research_charge"]
    assert kinds(q="alice", kind="research_charge") == ["research_charge"]


def test_changelist_queries_stay_bounded(
    staff: Client, charge: CreditTransaction, django_assert_max_num_queries: Any
) -> None:
    # given
    bob = UserFactory.create(username="bob")
    CreditBalanceFactory.create(user=bob, current_balance=1000)
    for number in range(30):
        research_charge(user=bob, request_id=f"req-more-{number}", depth="basic")
    # when
    with django_assert_max_num_queries(8):
        response = staff.get(CHANGELIST)
    # then
    assert response.status_code == 200
    assert response.context["cl"].result_count == 33
