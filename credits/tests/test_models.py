"""Database guarantees of the ledger: constraints, append-only rows, PROTECT."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from credits.models import AppendOnlyError, CreditBalance, CreditTransaction, TransactionKind
from credits.services import research_charge
from credits.tests.factories import CreditBalanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def charge(alice: Any) -> CreditTransaction:
    """Alice's balance of 100 with one essential charge."""
    CreditBalanceFactory.create(user=alice, current_balance=100)
    return research_charge(user=alice, request_id="req-1", depth="essential")


def test_a_saved_ledger_row_cannot_be_saved_again(charge: CreditTransaction) -> None:
    # given
    charge.amount = -1
    # when / then
    with pytest.raises(AppendOnlyError):
        charge.save()
    assert CreditTransaction.objects.get(pk=charge.pk).amount == -6


def test_a_ledger_row_cannot_be_deleted(charge: CreditTransaction) -> None:
    # when / then
    with pytest.raises(AppendOnlyError):
        charge.delete()
    assert CreditTransaction.objects.filter(pk=charge.pk).exists()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE credit_transactions SET amount = -1 WHERE id = %s",
        "DELETE FROM credit_transactions WHERE id = %s",
    ],
)
def test_the_database_refuses_raw_updates_and_deletes_of_ledger_rows(
    charge: CreditTransaction, statement: str
) -> None:
    # when / then
    refused = pytest.raises(IntegrityError, match="append-only")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [charge.pk])
    assert CreditTransaction.objects.get(pk=charge.pk).amount == -6


def test_queryset_delete_of_ledger_rows_is_refused(charge: CreditTransaction) -> None:
    # when / then
    with pytest.raises(IntegrityError), transaction.atomic():
        CreditTransaction.objects.all().delete()
    assert CreditTransaction.objects.count() == 2


def test_a_balance_with_ledger_rows_cannot_be_deleted(charge: CreditTransaction) -> None:
    # when / then
    with pytest.raises(ProtectedError):
        charge.balance.delete()
    assert CreditBalance.objects.filter(pk=charge.balance_id).exists()


def test_a_balance_can_never_be_negative(charge: CreditTransaction) -> None:
    # when / then
    with pytest.raises(IntegrityError, match="credit_balance_never_negative"), transaction.atomic():
        CreditBalance.objects.filter(pk=charge.balance_id).update(current_balance=-1)
    assert CreditBalance.objects.get(pk=charge.balance_id).current_balance == 94


@pytest.mark.parametrize(
    ("kind", "amount", "constraint"),
    [
        (TransactionKind.RESEARCH_CHARGE, -6, "credit_tx_one_charge_per_request"),
        (TransactionKind.REFUND, 6, None),
    ],
)
def test_one_charge_and_at_most_one_refund_per_request(
    charge: CreditTransaction, kind: str, amount: int, constraint: str | None
) -> None:
    # given a second row of the same kind for the same request (the refund case inserts two)
    def insert(version: int) -> None:
        CreditTransaction.objects.create(
            balance=charge.balance,
            kind=kind,
            amount=amount,
            balance_after=100,
            balance_version=version,
            research_request_id="req-1",
        )

    if constraint is None:
        insert(10)
    # when / then
    expected = constraint or "credit_tx_one_refund_per_request"
    with pytest.raises(IntegrityError, match=expected), transaction.atomic():
        insert(11)
    assert CreditTransaction.objects.filter(kind=kind, research_request_id="req-1").count() == 1


def test_staff_rows_need_a_reason(charge: CreditTransaction) -> None:
    # when / then
    with pytest.raises(IntegrityError, match="credit_tx_staff_has_reason"), transaction.atomic():
        CreditTransaction.objects.create(
            balance=charge.balance,
            kind=TransactionKind.STAFF_GRANT,
            amount=5,
            balance_after=99,
            balance_version=9,
        )
    assert CreditTransaction.objects.count() == 2
