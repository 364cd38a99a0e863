"""Reads of credits: the balance summary, cost previews, the ledger history and the audit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import F, QuerySet, Sum
from django.db.models.functions import Coalesce

from catalogue.depths import DEPTHS, Depth, UnknownDepth, resolve_depth
from credits.exceptions import InvalidDepth
from credits.models import CreditBalance, CreditTransaction
from credits.services import balance_current

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def depth_preview(*, balance: int, depth: Depth) -> dict[str, Any]:
    """What one research of ``depth`` costs and how many the balance still pays for."""
    return {
        "depth": depth.name,
        "label": depth.label,
        "credits": depth.credits,
        "searches_remaining": balance // depth.credits,
        "affordable": balance >= depth.credits,
    }


def cost_preview(*, user: User, depth: str) -> dict[str, Any]:
    """The cost of one research of ``depth`` (aliases accepted) against the user's balance this month."""
    try:
        resolved = resolve_depth(depth)
    except UnknownDepth as error:
        raise InvalidDepth(str(error), depth=depth) from None
    return depth_preview(balance=balance_current(user=user).current_balance, depth=resolved)


def balance_summary(*, user: User) -> dict[str, Any]:
    """This month's balance, usage and the searches remaining per depth (opens the month if needed)."""
    balance = balance_current(user=user)
    return {
        "balance": balance.current_balance,
        "monthly_limit": balance.monthly_limit,
        "used_this_month": balance.total_used_this_month,
        "researches_this_month": balance.total_researches_this_month,
        "month": balance.month_year,
        "depths": [depth_preview(balance=balance.current_balance, depth=depth) for depth in DEPTHS.values()],
    }


def transactions_for(*, user: User) -> QuerySet[CreditTransaction]:
    """Every ledger row of ``user``, newest first."""
    rows = CreditTransaction.objects.filter(balance__user=user).select_related("balance")
    return rows.order_by("-timestamp", "-balance__month_year", "-balance_version")


@dataclass(frozen=True)
class AuditMismatch:
    """A balance whose stored value differs from the sum of its ledger rows."""

    balance_id: str
    username: str
    month_year: str
    current_balance: int
    ledger_sum: int


def audit_mismatches() -> list[AuditMismatch]:
    """Balances whose ``current_balance`` is not the sum of their ledger amounts (empty when sound)."""
    balances = (
        CreditBalance.objects.select_related("user")
        .annotate(ledger_sum=Coalesce(Sum("transactions__amount"), 0))
        .exclude(current_balance=F("ledger_sum"))
        .order_by("user__username", "month_year")
    )
    return [
        AuditMismatch(
            balance_id=str(balance.pk),
            username=balance.user.get_username(),
            month_year=balance.month_year,
            current_balance=balance.current_balance,
            ledger_sum=balance.ledger_sum,
        )
        for balance in balances
    ]
