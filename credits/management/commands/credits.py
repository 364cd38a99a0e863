"""manage.py credits grant|audit: staff grants, and the audit reconciling balances, ledger and researches."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from credits.exceptions import InvalidGrant
from credits.models import CreditBalance, CreditTransaction, TransactionKind
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
        audit = actions.add_parser(
            "audit",
            help="Reconcile balances with the ledger and research charges with tasks (exit 1 if not).",
        )
        audit.add_argument(
            "--grace", type=float, default=0.0, help="skip tasks changed this many seconds ago"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "grant":
            self.grant(options)
        else:
            self.audit(options["grace"])

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

    def audit(self, grace: float) -> None:
        """Print each discrepancy and exit 1, or confirm that money and work reconcile."""
        from research.audit import reconcile

        discrepancies = reconcile(grace_seconds=grace)
        for discrepancy in discrepancies:
            self.stdout.write(str(discrepancy))
        if discrepancies:
            raise CommandError(
                f"{len(discrepancies)} discrepancy(ies) between credits and researches.", returncode=1
            )
        charges = CreditTransaction.objects.filter(kind=TransactionKind.RESEARCH_CHARGE).count()
        self.stdout.write(
            f"ok: {CreditBalance.objects.count()} balance(s) match their ledger; "
            f"{charges} research charge(s) reconcile with their tasks."
        )


def _user(username: str) -> Any:
    try:
        return get_user_model().objects.get_by_natural_key(username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"No user named {username!r}.") from None
