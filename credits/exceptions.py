"""Refusals raised by the credits services (codes only; ``infra.api_errors`` maps codes to HTTP)."""

from __future__ import annotations

from catalogue.depths import UnknownDepth
from infra.errors import DomainError


class InsufficientCredits(DomainError):
    """The balance cannot pay for the research; details carry ``balance``, ``cost`` and ``depth``."""

    code = "insufficient_credits"

    def __init__(self, *, balance: int, cost: int, depth: str) -> None:
        super().__init__(
            f"This {depth} research costs {cost} credits; your balance is {balance}.",
            balance=balance,
            cost=cost,
            depth=depth,
        )


class NotCharged(DomainError):
    """A refund was asked for a request id that was never charged."""

    code = "not_charged"

    def __init__(self, *, request_id: str) -> None:
        super().__init__(f"No research charge exists for request {request_id!r}.", request_id=request_id)


class RequestIdTaken(DomainError):
    """The request id was already charged to another user."""

    code = "request_id_conflict"

    def __init__(self, *, request_id: str) -> None:
        super().__init__(f"Request id {request_id!r} is already used.", request_id=request_id)


class InvalidRequestId(DomainError):
    """A request id that is empty or longer than the ledger stores."""

    code = "invalid_request_id"


# Also an UnknownDepth, so callers that validate depths with catalogue.depths catch it unchanged.
class InvalidDepth(DomainError, UnknownDepth):
    """The depth is neither a depth nor an alias."""

    code = "invalid_depth"


class InvalidGrant(DomainError):
    """A staff grant or correction that the ledger refuses (no reason, zero, or below zero)."""

    code = "invalid_grant"
