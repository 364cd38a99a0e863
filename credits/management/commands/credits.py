"""manage.py credits grant|audit: staff grants and the ledger audit, on top of the ledger services."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from credits.exceptions import InvalidGrant
from credits.models import CreditBalance
from credits.selectors import audit_mismatches
from credits.services import staff_grant


class Command(BaseCommand):
    help = "Grant or correct credits, or audit every balance against its ledger (exit code 1 on mismatch)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        grant = actions.add_parser("grant", help="Grant (or with --correction, remove) credits this month.")
        grant.add_argument("--user", required=True, help="username receiving the credits")
        grant.add_argument("--amount", required=True, type=int)
        grant.add_argument("--reason", required=True)
        grant.add_argument("--correction", action="store_true", help="allow a negative amount")
        grant.add_argument("--actor", default=None, help="username of the staff member (recorded)")
        actions.add_parser("audit", help="Check that each balance equals the sum of its ledger rows.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "grant":
            self.grant(options)
        else:
            self.audit()

    def grant(self, options: dict[str, Any]) -> None:
        """Grant through ``staff_grant``; refusals become a CommandError with the service's message."""
        user = _user(options["user"])
        actor = _user(options["actor"]) if options["actor"] else None
        try:
            row = staff_grant(
                user=user,
                amount=options["amount"],
                reason=options["reason"],
                actor=actor,
                correction=options["correction"],
            )
        except InvalidGrant as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            f"{row.kind} {row.amount:+d} for {user.get_username()} "
            f"({row.balance.month_year}): balance {row.balance_after}, transaction {row.transaction_id}"
        )

    def audit(self) -> None:
        """Print each balance that differs from its ledger and exit 1, or confirm that all match."""
        mismatches = audit_mismatches()
        for mismatch in mismatches:
            self.stdout.write(
                f"MISMATCH {mismatch.username} {mismatch.month_year} balance={mismatch.current_balance} "
                f"ledger={mismatch.ledger_sum} (id {mismatch.balance_id})"
            )
        if mismatches:
            raise CommandError(f"{len(mismatches)} balance(s) differ from their ledger.", returncode=1)
        self.stdout.write(f"ok: {CreditBalance.objects.count()} balance(s) match their ledger.")


def _user(username: str) -> Any:
    try:
        return get_user_model().objects.get_by_natural_key(username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"No user named {username!r}.") from None
