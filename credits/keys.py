"""API key services and selectors: create (raw key returned once), authenticate, revoke."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from credits.models import APIKey

if TYPE_CHECKING:
    from django.contrib.auth.models import User

KEY_PREFIX = "pmf"
PREFIX_LENGTH = 8
LAST_USED_PRECISION = timedelta(minutes=1)


@dataclass(frozen=True)
class CreatedKey:
    """A new key and its raw value, which is never stored and never shown again."""

    key: APIKey
    raw: str


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_key_create(*, user: User, name: str = "") -> CreatedKey:
    """Create a key for ``user``; the raw key is ``pmf_<prefix>_<secret>``."""
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    raw = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    key = APIKey.objects.create(user=user, name=name, prefix=prefix, hashed_key=_hash(raw))
    return CreatedKey(key=key, raw=raw)


def api_key_authenticate(raw: str) -> APIKey | None:
    """The active key matching ``raw`` (constant-time comparison), or None."""
    parts = raw.strip().split("_", 2)  # the secret itself may contain "_"
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        return None
    key = APIKey.objects.select_related("user").filter(prefix=parts[1], revoked_at__isnull=True).first()
    if key is None or not hmac.compare_digest(key.hashed_key, _hash(raw.strip())):
        return None
    if not key.user.is_active:
        return None
    now = timezone.now()
    # A write (and commit) on every request was most of a status poll's cost; a minute is precise enough.
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_PRECISION:
        APIKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key


def api_key_revoke(*, key: APIKey) -> None:
    """Revoke a key; revoking twice keeps the first time."""
    APIKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    key.refresh_from_db(fields=["revoked_at"])


def api_keys_for(*, user: User) -> QuerySet[APIKey]:
    """The user's keys, revoked ones included, newest first."""
    return APIKey.objects.filter(user=user).order_by("-created_at")


def api_key_for(*, user: User, key_id: UUID) -> APIKey | None:
    """One of the user's keys, or None (someone else's key is indistinguishable from a missing one)."""
    return APIKey.objects.filter(user=user, pk=key_id).first()
