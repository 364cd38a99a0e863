"""manage.py credits grant|audit"""

from __future__ import annotations

import subprocess
import sys
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from conftest import ROOT, child_env
from credits.models import CreditBalance, CreditTransaction, TransactionKind
from credits.services import research_charge, research_refund
from credits.tests.factories import CreditBalanceFactory, UserFactory
from credits.tests.helpers import ledger_snapshot


def run(*args: str) -> str:
    """Run ``manage.py credits …`` in-process and return what it printed."""
    out = StringIO()
    call_command("credits", *args, stdout=out)
    return out.getvalue()


def corrupt(balance: CreditBalance, value: int) -> None:
    """Change a balance behind the ledger's back, as a faulty script or hand-edit would."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE credit_balances SET current_balance = %s WHERE id = %s", [value, balance.pk])


@pytest.mark.django_db
def test_grant_goes_through_the_ledger_with_reason_and_actor(alice: Any, charlie: Any) -> None:
    # given
    balance = CreditBalanceFactory.create(user=alice, current_balance=100)
    # when
    output = run(
        "grant", "--user", "alice", "--amount", "30", "--reason", "pilot customer", "--actor", "charlie"
    )
    # then
    row = CreditTransaction.objects.get(kind=TransactionKind.STAFF_GRANT)
    assert (row.amount, row.balance_after, row.reason, row.actor) == (30, 130, "pilot customer", charlie)
    assert output.startswith(f"staff_grant +30 for alice ({balance.month_year}): balance 130")


@pytest.mark.django_db
def test_correction_from_the_cli(alice: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    # when
    run("grant", "--user", "alice", "--amount", "-40", "--reason", "double grant", "--correction")
    # then
    row = CreditTransaction.objects.get(kind=TransactionKind.STAFF_CORRECTION)
    assert (row.amount, row.balance_after, row.actor) == (-40, 60, None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "nobody", "--amount", "5", "--reason", "x"], "No user named 'nobody'."),
        (["--user", "alice", "--amount", "5", "--reason", " "], "A reason is required"),
        (["--user", "alice", "--amount", "-5", "--reason", "oops"], "use a correction"),
        (["--user", "alice", "--amount", "-500", "--reason", "oops", "--correction"], "below zero"),
    ],
)
def test_refused_grants_fail_and_move_nothing(alice: Any, args: list[str], message: str) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    before = ledger_snapshot()
    # when
    with pytest.raises(CommandError, match=message):
        run("grant", *args)
    # then
    assert ledger_snapshot() == before


@pytest.mark.django_db
def test_audit_passes_on_a_sound_ledger(alice: Any, bob: Any, mongo_db: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    CreditBalanceFactory.create(user=bob, current_balance=0)
    research_charge(user=alice, request_id="req-1", depth="deep")
    research_refund(request_id="req-1", reason="the research could not be stored")
    # when
    output = run("audit")
    # then
    assert output == "ok: 2 balance(s) match their ledger; 1 research charge(s) reconcile with their tasks.\n"


@pytest.mark.django_db
def test_audit_exits_1_and_names_a_balance_changed_by_raw_sql(alice: Any, bob: Any, mongo_db: Any) -> None:
    # given
    CreditBalanceFactory.create(user=alice, current_balance=100)
    tampered = CreditBalanceFactory.create(user=bob, current_balance=100)
    corrupt(tampered, 5000)
    out = StringIO()
    # when
    with pytest.raises(CommandError) as failed:
        call_command("credits", "audit", stdout=out)
    # then
    assert failed.value.returncode == 1
    assert out.getvalue() == (
        f"MISMATCH bob {tampered.month_year} balance=5000 ledger=100 (id {tampered.pk})\n"
    )


@pytest.mark.django_db(transaction=True)
def test_audit_process_exit_codes(mongo_db: Any) -> None:
    # given a sound ledger
    CreditBalanceFactory.create(user=UserFactory.create(username="alice"), current_balance=100)
    command = [sys.executable, "manage.py", "credits", "audit"]
    environment = child_env()
    # when / then
    sound = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert (sound.returncode, sound.stdout.splitlines()[0]) == (
        0,
        "ok: 1 balance(s) match their ledger; 0 research charge(s) reconcile with their tasks.",
    )
    # given a corrupted balance
    corrupt(CreditBalance.objects.get(), 7)
    # when / then
    broken = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert broken.returncode == 1
    assert "MISMATCH alice" in broken.stdout
    assert "1 discrepancy(ies) between credits and researches." in broken.stderr
