"""Ledger services under real concurrency: threads with their own PostgreSQL connections."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection

from catalogue.depths import DEPTHS
from credits.exceptions import InsufficientCredits
from credits.models import CreditBalance, CreditTransaction, TransactionKind
from credits.selectors import audit_mismatches
from credits.services import balance_current, research_charge, research_refund
from credits.tests.factories import CreditBalanceFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_at_once(count: int, work: Callable[[int], Any]) -> list[Any]:
    """Run ``work(i)`` in ``count`` threads released together; returns results or raised errors."""
    barrier = threading.Barrier(count)

    def one(index: int) -> Any:
        try:
            barrier.wait()
            return work(index)
        except Exception as error:  # collected so the test can count refusals
            return error
        finally:
            connection.close()  # each thread has its own connection; the test database must drop cleanly

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))


def test_fifty_threads_on_a_balance_of_100_charge_exactly_sixteen() -> None:
    # given
    alice = UserFactory.create(username="alice")
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    cost = DEPTHS["essential"].credits
    # when
    results = run_at_once(50, lambda i: research_charge(user=alice, request_id=f"req-{i}", depth="essential"))
    # then
    charges = [result for result in results if isinstance(result, CreditTransaction)]
    refusals = [result for result in results if isinstance(result, InsufficientCredits)]
    assert len(charges) == 100 // cost == 16
    assert len(refusals) == 50 - 16
    assert all(refusal.details["cost"] == cost for refusal in refusals)
    balance.refresh_from_db()
    assert balance.current_balance == 4
    assert balance.total_used_this_month == 96
    assert balance.total_researches_this_month == 16
    assert CreditTransaction.objects.filter(kind=TransactionKind.RESEARCH_CHARGE).count() == 16
    assert sorted(charge.balance_after for charge in charges) == list(range(4, 100, 6))
    assert audit_mismatches() == []


def test_same_request_id_from_twenty_threads_is_charged_once() -> None:
    # given
    alice = UserFactory.create(username="alice")
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    # when
    results = run_at_once(20, lambda i: research_charge(user=alice, request_id="req-same", depth="standard"))
    # then
    assert all(isinstance(result, CreditTransaction) for result in results), results
    assert len({result.pk for result in results}) == 1
    assert CreditTransaction.objects.filter(kind=TransactionKind.RESEARCH_CHARGE).count() == 1
    balance.refresh_from_db()
    assert balance.current_balance == 100 - DEPTHS["standard"].credits
    assert audit_mismatches() == []


def test_same_refund_from_twenty_threads_refunds_once() -> None:
    # given
    alice = UserFactory.create(username="alice")
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    research_charge(user=alice, request_id="req-1", depth="deep")
    # when
    results = run_at_once(20, lambda i: research_refund(request_id="req-1", reason="aborted"))
    # then
    assert len({result.pk for result in results}) == 1
    assert CreditTransaction.objects.filter(kind=TransactionKind.REFUND).count() == 1
    balance.refresh_from_db()
    assert balance.current_balance == 100
    assert audit_mismatches() == []


def test_month_opened_from_ten_threads_gets_one_row_and_one_grant(settings: Any) -> None:
    # given
    settings.CREDITS_MONTHLY_LIMIT = 1000
    alice = UserFactory.create(username="alice")
    # when
    results = run_at_once(10, lambda i: balance_current(user=alice))
    # then
    assert len({result.pk for result in results}) == 1
    assert CreditBalance.objects.count() == 1
    assert CreditTransaction.objects.filter(kind=TransactionKind.MONTHLY_GRANT).count() == 1
    assert audit_mismatches() == []
