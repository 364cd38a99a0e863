"""Month rollover with a frozen clock: a new month opens a new row at the monthly limit."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.forms.models import model_to_dict

from catalogue.depths import DEPTHS
from credits.models import CreditBalance, CreditTransaction, TransactionKind
from credits.selectors import audit_mismatches
from credits.services import balance_current, research_charge, staff_grant

pytestmark = pytest.mark.django_db
COST = DEPTHS["essential"].credits


def test_first_charge_in_a_new_month_opens_the_row_at_the_limit(
    alice: Any, charlie: Any, settings: Any
) -> None:
    # given a January with usage and a staff grant
    settings.CREDITS_MONTHLY_LIMIT = 1000
    with time_machine.travel(datetime(2026, 1, 31, 23, 59, 59, tzinfo=UTC), tick=False):
        research_charge(user=alice, request_id="req-jan", depth="essential")
        staff_grant(user=alice, amount=40, reason="beta tester", actor=charlie)
    january = CreditBalance.objects.get(user=alice, month_year="2026-01")
    january_before = model_to_dict(january) | {"updated_at": january.updated_at}
    # when the first reservation of February arrives
    with time_machine.travel(datetime(2026, 2, 1, 0, 0, 1, tzinfo=UTC), tick=False):
        charge = research_charge(user=alice, request_id="req-feb", depth="essential")
    # then February opens at the limit (no carry-over) and pays the charge
    february = CreditBalance.objects.get(user=alice, month_year="2026-02")
    assert charge.balance_id == february.pk
    assert (february.current_balance, february.monthly_limit) == (1000 - COST, 1000)
    assert (february.total_used_this_month, february.total_researches_this_month) == (COST, 1)
    rows = february.transactions.order_by("balance_version")
    kinds = list(rows.values_list("kind", "amount", "balance_after"))
    assert kinds == [
        (TransactionKind.MONTHLY_GRANT, 1000, 1000),
        (TransactionKind.RESEARCH_CHARGE, -COST, 1000 - COST),
    ]
    # and January is untouched
    january.refresh_from_db()
    assert model_to_dict(january) | {"updated_at": january.updated_at} == january_before
    assert january.current_balance == 1000 - COST + 40
    assert audit_mismatches() == []


def test_the_month_row_is_keyed_by_utc_month(alice: Any) -> None:
    # given / when
    with time_machine.travel(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), tick=False):
        december = balance_current(user=alice)
    with time_machine.travel(datetime(2027, 1, 1, 0, 30, tzinfo=UTC), tick=False):
        january = balance_current(user=alice)
    # then
    assert (december.month_year, january.month_year) == ("2026-12", "2027-01")
    assert CreditTransaction.objects.filter(kind=TransactionKind.MONTHLY_GRANT).count() == 2
