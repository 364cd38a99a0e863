"""Domain errors: a stable ``code``, a message and details; no HTTP status and no DRF.

Services raise subclasses of :class:`DomainError`. The API edge (``infra.api_errors``) holds the one
table that maps codes to HTTP statuses, so a domain module never decides how it is spoken over HTTP.
Distinct refusals carry distinct codes; the code is part of the API contract.
"""

from __future__ import annotations

from typing import Any


def error_body(code: str, message: str, **details: Any) -> dict[str, Any]:
    """The one error shape every API response uses (plain data: middleware and the edge share it)."""
    return {"error": {"code": code, "message": message, **details}}


class DomainError(Exception):
    """A refusal the caller can act on. Subclasses set ``code`` (a key of the edge's status table)."""

    code: str = "invalid"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(DomainError):
    """The object does not exist or belongs to someone else (the two are indistinguishable)."""

    code = "not_found"


class Conflict(DomainError):
    """The object's state does not allow the action (subclasses name which state)."""

    code = "conflict"


class Unavailable(DomainError):
    """A store or service the action needs is down; nothing was changed, retry later."""

    code = "unavailable"
    retry_after_seconds: int = 5
