"""manage.py ensure_demo gives the demo user this month's credits, idempotently."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from credits.models import CreditBalance, CreditTransaction
from credits.services import current_month

pytestmark = pytest.mark.django_db


def test_demo_user_gets_this_months_balance_once(settings: Any, tmp_path: Path) -> None:
    # given a private folder for the demo key file, never the project's var/
    settings.VAR_DIR = tmp_path / "var"
    settings.CREDITS_MONTHLY_LIMIT = 1000
    # when
    first = StringIO()
    call_command("ensure_demo", stdout=first)
    call_command("ensure_demo", stdout=StringIO())
    # then
    demo = get_user_model().objects.get(username=settings.DEMO_USERNAME)
    balance = CreditBalance.objects.get(user=demo)
    assert (balance.month_year, balance.current_balance) == (current_month(), 1000)
    assert CreditTransaction.objects.filter(balance=balance).count() == 1
    assert f"demo credits {current_month()}: 1000" in first.getvalue()
    assert (tmp_path / "var" / "demo-api-key").exists()
