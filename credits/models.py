"""Credits app models: API keys, monthly credit balances and the append-only credit ledger."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class APIKey(models.Model):
    """A user's API key: only a SHA-256 hash is stored; ``prefix`` identifies it in lists and lookups."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=16, unique=True)
    hashed_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "api_keys"
        ordering = ["-created_at"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_active(self) -> bool:
        """A key works until it is revoked."""
        return self.revoked_at is None


def default_monthly_limit() -> int:
    """The monthly allowance from settings, read when a month's row is opened."""
    return int(settings.CREDITS_MONTHLY_LIMIT)


class CreditBalance(models.Model):
    """One user's credits for one month; only the ledger services in ``credits.services`` change it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="credit_balances"
    )
    month_year = models.CharField(max_length=7, help_text="YYYY-MM (UTC)")
    current_balance = models.IntegerField()
    monthly_limit = models.IntegerField(default=default_monthly_limit)
    total_used_this_month = models.IntegerField(default=0)
    total_researches_this_month = models.IntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Incremented by every movement; each ledger row records the version it produced.
    version = models.IntegerField(default=1)

    class Meta:
        db_table = "credit_balances"
        ordering = ["-month_year", "user_id"]
        permissions = [("grant_credits", "Can grant and correct credits")]
        constraints = [
            models.UniqueConstraint(fields=["user", "month_year"], name="credit_balance_one_per_user_month"),
            models.CheckConstraint(condition=Q(current_balance__gte=0), name="credit_balance_never_negative"),
            models.CheckConstraint(
                condition=Q(monthly_limit__gte=0), name="credit_balance_limit_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(total_used_this_month__gte=0, total_researches_this_month__gte=0),
                name="credit_balance_totals_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(month_year__regex=r"^[0-9]{4}-(0[1-9]|1[0-2])$"),
                name="credit_balance_month_format",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.month_year}: {self.current_balance}"


class TransactionKind(models.TextChoices):
    MONTHLY_GRANT = "monthly_grant", "Monthly grant"
    RESEARCH_CHARGE = "research_charge", "Research charge"
    REFUND = "refund", "Refund"
    STAFF_GRANT = "staff_grant", "Staff grant"
    STAFF_CORRECTION = "staff_correction", "Staff correction"


STAFF_KINDS = [TransactionKind.STAFF_GRANT, TransactionKind.STAFF_CORRECTION]
RESEARCH_KINDS = [TransactionKind.RESEARCH_CHARGE, TransactionKind.REFUND]


class AppendOnlyError(Exception):
    """Ledger rows are facts: they are never changed or removed, only compensated by new rows."""


class CreditTransaction(models.Model):
    """One movement of credits (append-only); the balance equals the sum of its rows' amounts."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    transaction_id = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    balance = models.ForeignKey(CreditBalance, on_delete=models.PROTECT, related_name="transactions")
    kind = models.CharField(max_length=20, choices=TransactionKind.choices)
    amount = models.IntegerField(help_text="Signed: positive adds credits, negative removes them.")
    balance_after = models.IntegerField()
    balance_version = models.IntegerField()
    timestamp = models.DateTimeField(default=timezone.now, db_index=True)
    research_request_id = models.CharField(max_length=100, blank=True, default="")
    research_depth = models.CharField(max_length=20, blank=True, default="")
    reason = models.TextField(blank=True, default="")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "credit_transactions"
        ordering = ["-timestamp", "-balance_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["research_request_id"],
                condition=Q(kind=TransactionKind.RESEARCH_CHARGE),
                name="credit_tx_one_charge_per_request",
            ),
            models.UniqueConstraint(
                fields=["research_request_id"],
                condition=Q(kind=TransactionKind.REFUND),
                name="credit_tx_one_refund_per_request",
            ),
            models.UniqueConstraint(fields=["balance", "balance_version"], name="credit_tx_one_per_version"),
            models.CheckConstraint(
                condition=Q(balance_after__gte=0), name="credit_tx_balance_after_not_negative"
            ),
            models.CheckConstraint(condition=~Q(amount=0), name="credit_tx_amount_not_zero"),
            models.CheckConstraint(
                condition=~Q(kind=TransactionKind.RESEARCH_CHARGE) | Q(amount__lt=0),
                name="credit_tx_charge_negative",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=[TransactionKind.REFUND, TransactionKind.MONTHLY_GRANT])
                | Q(amount__gt=0),
                name="credit_tx_refund_and_grant_positive",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=RESEARCH_KINDS) | ~Q(research_request_id=""),
                name="credit_tx_research_has_request_id",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=STAFF_KINDS) | ~Q(reason=""), name="credit_tx_staff_has_reason"
            ),
        ]
        indexes = [models.Index(fields=["research_request_id"], name="credit_tx_request_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount:+d} → {self.balance_after}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert only: an existing row can never be saved again."""
        if not self._state.adding:
            raise AppendOnlyError("Ledger rows cannot be changed; add a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Never allowed: the ledger keeps every movement."""
        raise AppendOnlyError("Ledger rows cannot be deleted; add a correction instead.")
