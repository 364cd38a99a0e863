"""Selectors: balance summary, ledger history, audit."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.db import connection

from catalogue.depths import DEPTHS
from credits.exceptions import InvalidDepth
from credits.selectors import (
    AuditMismatch,
    audit_mismatches,
    balance_summary,
    cost_preview,
    depth_preview,
    transactions_for,
)
from credits.services import research_charge, research_refund
from credits.tests.factories import CreditBalanceFactory
from credits.tests.helpers import ledger_snapshot

pytestmark = pytest.mark.django_db


def test_depth_preview_divides_the_balance_by_the_cost() -> None:
    # when / then
    assert depth_preview(balance=35, depth=DEPTHS["standard"]) == {
        "depth": "standard",
        "label": "Standard",
        "credits": 12,
        "searches_remaining": 2,
        "affordable": True,
    }
    assert depth_preview(balance=17, depth=DEPTHS["deep"])["affordable"] is False


def test_cost_preview_accepts_aliases(alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=40)
    # when
    preview = cost_preview(user=alice, depth="comprehensive")
    # then
    assert preview == {
        "depth": "deep",
        "label": "Deep",
        "credits": 18,
        "searches_remaining": 2,
        "affordable": True,
    }


def test_cost_preview_refuses_an_unknown_depth(alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=40)
    before = ledger_snapshot()
    # when / then
    with pytest.raises(InvalidDepth):
        cost_preview(user=alice, depth="bottomless")
    assert ledger_snapshot() == before


def test_balance_summary_reports_usage(alice: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    research_charge(user=alice, request_id="req-1", depth="standard")
    research_charge(user=alice, request_id="req-2", depth="essential")
    # when
    summary = balance_summary(user=alice)
    # then
    assert {key: value for key, value in summary.items() if key != "depths"} == {
        "balance": 82,
        "monthly_limit": 100,
        "used_this_month": 18,
        "researches_this_month": 2,
        "month": balance.month_year,
    }
    assert [(row["depth"], row["searches_remaining"]) for row in summary["depths"]] == [
        ("essential", 13),
        ("standard", 6),
        ("deep", 4),
    ]


def test_transactions_for_lists_only_the_users_rows_newest_first(alice: Any, bob: Any) -> None:
    # given rows written in a known order, some within the same frozen instant
    CreditBalanceFactory.create(user=bob, current_balance=100)
    research_charge(user=bob, request_id="req-bob", depth="deep")
    with time_machine.travel("2026-11-01 10:00:00+00:00", tick=False):
        CreditBalanceFactory.create(user=alice, current_balance=100, month_year="2026-11")
        research_charge(user=alice, request_id="req-1", depth="essential")
        research_refund(request_id="req-1")
    # when
    rows = list(transactions_for(user=alice))
    # then
    assert [(row.kind, row.amount) for row in rows] == [
        ("refund", 6),
        ("research_charge", -6),
        ("monthly_grant", 100),
    ]


def test_audit_names_only_the_tampered_balance(alice: Any, bob: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    tampered = CreditBalanceFactory.create(user=bob, current_balance=50)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE credit_balances SET current_balance = 49 WHERE id = %s", [tampered.pk])
    # when
    mismatches = audit_mismatches()
    # then
    assert mismatches == [
        AuditMismatch(
            balance_id=str(tampered.pk),
            username="bob",
            month_year=tampered.month_year,
            current_balance=49,
            ledger_sum=50,
        )
    ]
