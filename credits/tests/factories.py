"""factory_boy factories for users, balances and API keys."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth.models import User
from factory.django import DjangoModelFactory

from credits.models import APIKey, CreditBalance, CreditTransaction, TransactionKind
from credits.services import current_month


class UserFactory(DjangoModelFactory[User]):
    """A signed-up user; ``username`` doubles as the persona name (alice, bob, charlie)."""

    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda number: f"user{number:03d}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")


class StaffFactory(UserFactory):
    """A staff member with every permission (the back office operator)."""

    is_staff = True
    is_superuser = True


class CreditBalanceFactory(DjangoModelFactory[CreditBalance]):
    """A month's balance opened the way the ledger opens it: one monthly grant row for the full amount."""

    class Meta:
        model = CreditBalance

    user = factory.SubFactory(UserFactory)
    month_year = factory.LazyFunction(current_month)
    current_balance = 100
    monthly_limit = factory.SelfAttribute("current_balance")

    @classmethod
    def _create(cls, model_class: type[CreditBalance], *args: Any, **kwargs: Any) -> CreditBalance:
        balance = model_class.objects.create(*args, version=1, **kwargs)
        if balance.current_balance:
            CreditTransaction.objects.create(
                balance=balance,
                kind=TransactionKind.MONTHLY_GRANT,
                amount=balance.current_balance,
                balance_after=balance.current_balance,
                balance_version=1,
                reason=f"Monthly credits {balance.month_year}",
            )
        return balance


class APIKeyFactory(DjangoModelFactory[APIKey]):
    """A stored key (its raw value is unknown; use ``api_key_create`` when a test needs to sign in)."""

    class Meta:
        model = APIKey

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda number: f"key {number}")
    prefix = factory.Sequence(lambda number: f"{number:08x}")
    hashed_key = factory.Sequence(lambda number: f"{number:064x}")
