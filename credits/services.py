"""Ledger services: the only code that moves credits. Every movement is one append-only ledger row.

Concurrency: each movement locks its balance row (``SELECT … FOR UPDATE``), re-reads the idempotency
key under that lock, then applies a conditional ``UPDATE … WHERE current_balance >= cost`` with F()
expressions; the database constraints (never negative, one charge and one refund per request id) are
the last line of defence.
"""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from catalogue.depths import Depth, UnknownDepth, resolve_depth
from credits.exceptions import (
    InsufficientCredits,
    InvalidDepth,
    InvalidGrant,
    InvalidRequestId,
    NotCharged,
    RequestIdTaken,
)
from credits.models import CreditBalance, CreditTransaction, TransactionKind, default_monthly_limit

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def current_month() -> str:
    """This month as ``YYYY-MM`` in UTC, the key of a balance row."""
    return timezone.now().astimezone(UTC).strftime("%Y-%m")


def balance_current(*, user: User) -> CreditBalance:
    """This month's balance; the first call in a month opens it at the monthly limit with a grant row."""
    month = current_month()
    balance = CreditBalance.objects.filter(user=user, month_year=month).first()
    if balance is not None:
        return balance
    limit = default_monthly_limit()
    with transaction.atomic():
        # get_or_create survives a concurrent opener: the loser's insert fails and it reads the winner's row.
        balance, created = CreditBalance.objects.get_or_create(
            user=user,
            month_year=month,
            defaults={"current_balance": limit, "monthly_limit": limit, "version": 1},
        )
        if created and limit > 0:
            grant_reason = f"Monthly credits {month}"
            _append(balance, kind=TransactionKind.MONTHLY_GRANT, amount=limit, reason=grant_reason)
    return balance


def research_charge(*, user: User, request_id: str, depth: str) -> CreditTransaction:
    """Reserve the cost of a research once per request id; a repeated id returns the first charge."""
    resolved = _resolve(depth)
    _check_request_id(request_id)
    existing = _research_row(TransactionKind.RESEARCH_CHARGE, request_id)
    if existing is not None:
        return _same_owner(existing, user, request_id)
    try:
        with transaction.atomic():
            balance = _locked_current(user)
            existing = _research_row(TransactionKind.RESEARCH_CHARGE, request_id)
            if existing is not None:
                return _same_owner(existing, user, request_id)
            return _charge_locked(balance, request_id=request_id, depth=resolved)
    except IntegrityError:
        # Only the unique charge per request id can fail here: another user's charge won the race.
        existing = _research_row(TransactionKind.RESEARCH_CHARGE, request_id)
        if existing is None:
            raise
        return _same_owner(existing, user, request_id)


def research_refund(*, request_id: str, reason: str = "", actor: User | None = None) -> CreditTransaction:
    """Give back exactly what a request was charged, once; a repeated refund returns the first row.

    ``actor`` is the staff member who asked for it (None when the product refunds on its own).
    """
    charge = _research_row(TransactionKind.RESEARCH_CHARGE, request_id)
    if charge is None:
        raise NotCharged(request_id=request_id)
    with transaction.atomic():
        balance = _locked(charge.balance)
        existing = _research_row(TransactionKind.REFUND, request_id)
        if existing is not None:
            return existing
        cost = -charge.amount
        _move(
            balance,
            amount=cost,
            total_used_this_month=F("total_used_this_month") - cost,
            total_researches_this_month=F("total_researches_this_month") - 1,
        )
        return _append(
            balance,
            kind=TransactionKind.REFUND,
            amount=cost,
            research_request_id=request_id,
            research_depth=charge.research_depth,
            reason=reason,
            actor=actor,
        )


def research_settlement(request_id: str) -> tuple[CreditTransaction | None, CreditTransaction | None]:
    """The charge and the refund of a request id (either may be None)."""
    return (
        _research_row(TransactionKind.RESEARCH_CHARGE, request_id),
        _research_row(TransactionKind.REFUND, request_id),
    )


def staff_grant(
    *,
    user: User,
    amount: int,
    reason: str,
    actor: User | None,
    correction: bool = False,
) -> CreditTransaction:
    """Add (or, as a correction, remove) credits on this month's balance, with a reason and the actor."""
    reason = reason.strip()
    if not reason:
        raise InvalidGrant("A reason is required for every staff grant or correction.")
    if amount == 0:
        raise InvalidGrant("The amount must not be zero.")
    if amount < 0 and not correction:
        raise InvalidGrant("A grant adds credits; use a correction to remove them.", amount=amount)
    with transaction.atomic():
        balance = _locked_current(user)
        if not _move(balance, amount=amount):
            raise InvalidGrant(
                f"A correction of {amount} would take the balance of {balance.current_balance} below zero.",
                balance=balance.current_balance,
                amount=amount,
            )
        kind = TransactionKind.STAFF_CORRECTION if correction else TransactionKind.STAFF_GRANT
        return _append(balance, kind=kind, amount=amount, reason=reason, actor=actor)


def _resolve(depth: str) -> Depth:
    try:
        return resolve_depth(depth)
    except UnknownDepth as error:
        raise InvalidDepth(str(error), depth=depth) from None


def _check_request_id(request_id: str) -> None:
    limit = CreditTransaction._meta.get_field("research_request_id").max_length or 0
    if not request_id or len(request_id) > limit:
        raise InvalidRequestId(f"A request id must have 1 to {limit} characters.", request_id=request_id)


def _research_row(kind: str, request_id: str) -> CreditTransaction | None:
    rows = CreditTransaction.objects.select_related("balance")
    return rows.filter(kind=kind, research_request_id=request_id).first()


def _same_owner(charge: CreditTransaction, user: User, request_id: str) -> CreditTransaction:
    if charge.balance.user_id != user.pk:
        raise RequestIdTaken(request_id=request_id)
    return charge


def _locked(balance: CreditBalance) -> CreditBalance:
    return CreditBalance.objects.select_for_update().get(pk=balance.pk)


def _locked_current(user: User) -> CreditBalance:
    """This month's balance, row-locked until the transaction ends (opened first if missing)."""
    balance = CreditBalance.objects.select_for_update().filter(user=user, month_year=current_month()).first()
    return balance if balance is not None else _locked(balance_current(user=user))


def _charge_locked(balance: CreditBalance, *, request_id: str, depth: Depth) -> CreditTransaction:
    cost = depth.credits
    moved = _move(
        balance,
        amount=-cost,
        total_used_this_month=F("total_used_this_month") + cost,
        total_researches_this_month=F("total_researches_this_month") + 1,
    )
    if not moved:
        raise InsufficientCredits(balance=balance.current_balance, cost=cost, depth=depth.name)
    return _append(
        balance,
        kind=TransactionKind.RESEARCH_CHARGE,
        amount=-cost,
        research_request_id=request_id,
        research_depth=depth.name,
    )


def _move(balance: CreditBalance, *, amount: int, **totals: Any) -> bool:
    """Apply ``amount`` to a locked balance only if it stays >= 0; on success ``balance`` shows the result."""
    updated = CreditBalance.objects.filter(pk=balance.pk, current_balance__gte=-amount).update(
        current_balance=F("current_balance") + amount,
        version=F("version") + 1,
        updated_at=timezone.now(),
        **totals,
    )
    if updated:
        # The caller holds the row lock, so nobody changed the row between its read and this update.
        balance.current_balance += amount
        balance.version += 1
    return bool(updated)


def _append(balance: CreditBalance, *, kind: str, amount: int, **fields: Any) -> CreditTransaction:
    return CreditTransaction.objects.create(
        balance=balance,
        kind=kind,
        amount=amount,
        balance_after=balance.current_balance,
        balance_version=balance.version,
        **fields,
    )
