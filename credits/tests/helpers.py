"""Assertions shared by the credits tests."""

from __future__ import annotations

from typing import Any

from credits.models import CreditBalance, CreditTransaction

# (method, URL suffix under a changelist) that an admin page must answer with 403.
REFUSED_REQUESTS = [
    ("get", "add/"),
    ("post", "add/"),
    ("post", "{pk}/change/"),
    ("get", "{pk}/delete/"),
    ("post", "{pk}/delete/"),
]


def ledger_snapshot() -> dict[str, Any]:
    """Every balance (all columns that move) and every ledger row id: equal snapshots = nothing moved."""
    balances = CreditBalance.objects.order_by("pk").values_list(
        "pk", "current_balance", "total_used_this_month", "total_researches_this_month", "version"
    )
    return {
        "balances": list(balances),
        "transactions": sorted(CreditTransaction.objects.values_list("pk", flat=True)),
    }
