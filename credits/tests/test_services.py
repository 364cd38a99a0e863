"""Ledger services: charge, refund, staff grants and corrections (single-threaded behaviour)."""

from __future__ import annotations

from typing import Any

import pytest

from catalogue.depths import DEPTHS, UnknownDepth
from credits.exceptions import (
    InsufficientCredits,
    InvalidDepth,
    InvalidGrant,
    InvalidRequestId,
    NotCharged,
    RequestIdTaken,
)
from credits.models import CreditBalance, CreditTransaction, TransactionKind
from credits.selectors import audit_mismatches
from credits.services import balance_current, research_charge, research_refund, staff_grant
from credits.tests.factories import CreditBalanceFactory
from credits.tests.helpers import ledger_snapshot

ESSENTIAL = DEPTHS["essential"].credits
DEEP = DEPTHS["deep"].credits

pytestmark = pytest.mark.django_db


def test_charge_takes_the_depth_cost_and_writes_one_ledger_row(alice: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    # when
    charge = research_charge(user=alice, request_id="req-1", depth="essential")
    # then
    balance.refresh_from_db()
    assert balance.current_balance == 100 - ESSENTIAL
    assert balance.total_used_this_month == ESSENTIAL
    assert balance.total_researches_this_month == 1
    assert balance.version == 2
    assert charge.kind == TransactionKind.RESEARCH_CHARGE
    assert charge.amount == -ESSENTIAL
    assert charge.balance_after == 100 - ESSENTIAL
    assert charge.balance_version == 2
    assert charge.research_request_id == "req-1"
    assert charge.research_depth == "essential"
    assert audit_mismatches() == []


def test_charge_stores_the_canonical_depth_for_an_alias(alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    # when
    charge = research_charge(user=alice, request_id="req-1", depth="Comprehensive")
    # then
    assert charge.research_depth == "deep"
    assert charge.amount == -DEEP


def test_same_request_id_returns_the_first_charge_and_charges_once(alice: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    first = research_charge(user=alice, request_id="req-1", depth="essential")
    before = ledger_snapshot()
    # when
    again = research_charge(user=alice, request_id="req-1", depth="deep")
    # then
    assert again.pk == first.pk
    assert ledger_snapshot() == before
    balance.refresh_from_db()
    assert balance.current_balance == 100 - ESSENTIAL


def test_insufficient_credits_names_balance_and_cost_and_writes_nothing(alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=DEEP - 1)
    before = ledger_snapshot()
    # when
    with pytest.raises(InsufficientCredits) as refused:
        research_charge(user=alice, request_id="req-1", depth="deep")
    # then
    assert refused.value.code == "insufficient_credits"
    assert refused.value.details == {"balance": DEEP - 1, "cost": DEEP, "depth": "deep"}
    assert ledger_snapshot() == before


def test_exact_balance_can_be_spent_down_to_zero(alice: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=ESSENTIAL)
    # when
    charge = research_charge(user=alice, request_id="req-1", depth="essential")
    # then
    balance.refresh_from_db()
    assert balance.current_balance == 0
    assert charge.balance_after == 0


def test_unknown_depth_is_refused_and_nothing_moves(alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    before = ledger_snapshot()
    # when
    with pytest.raises(InvalidDepth) as refused:
        research_charge(user=alice, request_id="req-1", depth="extreme")
    # then
    assert isinstance(refused.value, UnknownDepth)
    assert refused.value.code == "invalid_depth"
    assert ledger_snapshot() == before


@pytest.mark.parametrize("request_id", ["", "x" * 101])
def test_empty_or_oversized_request_id_is_refused_and_nothing_moves(alice: Any, request_id: str) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    before = ledger_snapshot()
    # when
    with pytest.raises(InvalidRequestId) as refused:
        research_charge(user=alice, request_id=request_id, depth="essential")
    # then
    assert refused.value.code == "invalid_request_id"
    assert ledger_snapshot() == before


def test_request_id_of_another_user_is_refused(alice: Any, bob: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    CreditBalanceFactory.create(user=bob, current_balance=100)
    research_charge(user=alice, request_id="req-1", depth="essential")
    before = ledger_snapshot()
    # when
    with pytest.raises(RequestIdTaken):
        research_charge(user=bob, request_id="req-1", depth="essential")
    # then
    assert ledger_snapshot() == before


def test_refund_gives_back_exactly_the_charge(alice: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    research_charge(user=alice, request_id="req-1", depth="standard")
    # when
    refund = research_refund(request_id="req-1", reason="worker failed")
    # then
    assert refund is not None
    assert refund.kind == TransactionKind.REFUND
    assert refund.amount == DEPTHS["standard"].credits
    assert refund.balance_after == 100
    assert refund.research_depth == "standard"
    assert refund.reason == "worker failed"
    balance.refresh_from_db()
    assert (balance.current_balance, balance.total_used_this_month, balance.total_researches_this_month) == (
        100,
        0,
        0,
    )
    assert audit_mismatches() == []


def test_refund_twice_writes_one_refund_row(alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    research_charge(user=alice, request_id="req-1", depth="essential")
    first = research_refund(request_id="req-1")
    before = ledger_snapshot()
    # when
    second = research_refund(request_id="req-1")
    # then
    assert second is not None and first is not None
    assert second.pk == first.pk
    assert ledger_snapshot() == before
    assert CreditTransaction.objects.filter(kind=TransactionKind.REFUND).count() == 1


def test_refund_of_unknown_request_is_refused_and_nothing_moves(alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    research_charge(user=alice, request_id="req-1", depth="essential")
    before = ledger_snapshot()
    # when
    with pytest.raises(NotCharged) as refused:
        research_refund(request_id="req-unknown")
    # then
    assert refused.value.code == "not_charged"
    assert refused.value.details == {"request_id": "req-unknown"}
    assert ledger_snapshot() == before


def test_refund_of_a_request_refused_for_insufficient_credits_is_refused(alice: Any) -> None:
    # given a request that was never charged because the balance was too low
    CreditBalanceFactory.create(user=alice, current_balance=1)
    with pytest.raises(InsufficientCredits):
        research_charge(user=alice, request_id="req-poor", depth="essential")
    before = ledger_snapshot()
    # when
    with pytest.raises(NotCharged):
        research_refund(request_id="req-poor")
    # then
    assert ledger_snapshot() == before


def test_staff_grant_adds_credits_and_names_the_actor(alice: Any, charlie: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    # when
    grant = staff_grant(user=alice, amount=50, reason="  conference demo  ", actor=charlie)
    # then
    assert (grant.kind, grant.amount, grant.balance_after) == (TransactionKind.STAFF_GRANT, 50, 150)
    assert grant.actor == charlie
    assert grant.reason == "conference demo"
    balance.refresh_from_db()
    assert balance.current_balance == 150
    assert balance.total_used_this_month == 0


def test_staff_correction_may_remove_credits_down_to_zero(alice: Any, charlie: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    # when
    correction = staff_grant(
        user=alice, amount=-100, reason="duplicate grant", actor=charlie, correction=True
    )
    # then
    assert (correction.kind, correction.amount, correction.balance_after) == (
        TransactionKind.STAFF_CORRECTION,
        -100,
        0,
    )
    balance.refresh_from_db()
    assert balance.current_balance == 0


@pytest.mark.parametrize(
    ("amount", "reason", "correction"),
    [
        (50, "", False),
        (50, "   ", False),
        (0, "nothing", False),
        (-5, "negative grant", False),
        (-101, "below zero", True),
    ],
)
def test_invalid_staff_grants_are_refused_and_nothing_moves(
    alice: Any, charlie: Any, amount: int, reason: str, correction: bool
) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    before = ledger_snapshot()
    # when
    with pytest.raises(InvalidGrant) as refused:
        staff_grant(user=alice, amount=amount, reason=reason, actor=charlie, correction=correction)
    # then
    assert refused.value.code == "invalid_grant"
    assert ledger_snapshot() == before


def test_balance_current_opens_the_month_at_the_limit_once(alice: Any, settings: Any) -> None:
    # given
    settings.CREDITS_MONTHLY_LIMIT = 250
    # when
    first = balance_current(user=alice)
    second = balance_current(user=alice)
    # then
    assert first.pk == second.pk
    assert (first.current_balance, first.monthly_limit, first.version) == (250, 250, 1)
    grant = CreditTransaction.objects.get(balance=first)
    assert (grant.kind, grant.amount, grant.balance_after) == (TransactionKind.MONTHLY_GRANT, 250, 250)
    assert CreditBalance.objects.count() == 1
