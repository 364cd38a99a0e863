"""API key services and selectors: create (raw key returned once), authenticate, revoke.

Authentication is on every API request (status polls several times a second), so a resolved key is
kept in the process for ``API_KEY_CACHE_SECONDS``. Any revoke or user change bumps a version number
in Redis (after commit); every process reads that version on each request (one GET) and drops its
copies when it moved, so a revoked key stops working everywhere at once. Without Redis, every
request goes to PostgreSQL as before.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import secrets
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING
from uuid import UUID

import redis
import structlog
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from credits.models import APIKey

if TYPE_CHECKING:
    from django.contrib.auth.models import User

KEY_PREFIX = "pmf"
PREFIX_LENGTH = 8
LAST_USED_PRECISION = timedelta(minutes=1)
log = structlog.get_logger(__name__)


@dataclass
class _Cached:
    key: APIKey
    version: bytes
    expires: float


_cache: dict[str, _Cached] = {}  # sha256 of the raw key -> the resolved key (never the raw key itself)
_cache_lock = threading.Lock()


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


def _version_key() -> str:
    return f"{settings.REDIS_KEY_PREFIX}:apikeys:version"


def _redis() -> redis.Redis:
    from research.progress import redis_client

    return redis_client()


def _current_version() -> bytes | None:
    """The keys' current version token in Redis, or None when Redis is unreachable.

    A random token rather than a counter: if Redis loses the key, a new token cannot equal one that
    copies made before the loss still carry.
    """
    try:
        client = _redis()
        version = client.get(_version_key())
        if version is None:
            client.set(_version_key(), uuid.uuid4().hex, nx=True)
            version = client.get(_version_key())
        return version
    except redis.RedisError as error:
        log.warning("api_key.cache_unavailable", error=str(error))
        return None


def _bump() -> None:
    try:
        _redis().set(_version_key(), uuid.uuid4().hex)
    except redis.RedisError as error:  # each process's copies still expire after the TTL
        log.warning("api_key.invalidation_failed", error=str(error))


def api_keys_changed() -> None:
    """Tell every process to forget the keys it resolved: now, and again once the transaction commits
    (a process that re-read the old rows in between must not keep them)."""
    _bump()
    transaction.on_commit(_bump)


def _cached(digest: str, version: bytes) -> APIKey | None:
    with _cache_lock:
        entry = _cache.get(digest)
    if entry is None or entry.version != version or entry.expires < time.monotonic():
        return None
    return entry.key


def _remember(digest: str, key: APIKey, version: bytes) -> None:
    with _cache_lock:
        if len(_cache) > 10_000:  # bounded: a flood of distinct keys cannot grow it further
            _cache.clear()
        _cache[digest] = _Cached(key, version, time.monotonic() + settings.API_KEY_CACHE_SECONDS)


def _lookup(raw: str) -> APIKey | None:
    """The active key of an active user matching ``raw`` (constant-time comparison), from PostgreSQL."""
    parts = raw.split("_", 2)  # the secret itself may contain "_"
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        return None
    key = APIKey.objects.select_related("user").filter(prefix=parts[1], revoked_at__isnull=True).first()
    if key is None or not hmac.compare_digest(key.hashed_key, _hash(raw)):
        return None
    return key if key.user.is_active else None


def api_key_authenticate(raw: str) -> APIKey | None:
    """The active key matching ``raw``, or None; served from the process's cache while it is valid."""
    raw = raw.strip()
    digest, version = _hash(raw), _current_version()
    key = _cached(digest, version) if version is not None else None
    if key is None:
        key = _lookup(raw)
        if key is None:
            return None
        if version is not None:
            _remember(digest, key, version)
    now = timezone.now()
    # A write (and commit) on every request was most of a status poll's cost; a minute is precise enough.
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_PRECISION:
        APIKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
    # A copy per request: callers may set attributes on request.user without touching the cached one.
    user = copy.copy(key.user)
    key = copy.copy(key)
    key.user = user
    return key


def api_key_revoke(*, key: APIKey) -> None:
    """Revoke a key; revoking twice keeps the first time."""
    APIKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    api_keys_changed()
    key.refresh_from_db(fields=["revoked_at"])


def api_keys_for(*, user: User) -> QuerySet[APIKey]:
    """The user's keys, revoked ones included, newest first."""
    return APIKey.objects.filter(user=user).order_by("-created_at")


def api_key_for(*, user: User, key_id: UUID) -> APIKey | None:
    """One of the user's keys, or None (someone else's key is indistinguishable from a missing one)."""
    return APIKey.objects.filter(user=user, pk=key_id).first()


def _user_or_key_saved(
    sender: type, instance: object, update_fields: frozenset[str] | None = None, **_: object
) -> None:
    """A user or key changed (deactivated, deleted, revoked in the admin): resolved keys are stale."""
    if update_fields is not None and set(update_fields) <= {"last_login", "last_used_at"}:
        return  # sign-ins and use stamps change nothing a key check reads
    api_keys_changed()


def connect_invalidation() -> None:
    """Bump the key version whenever a user or a key is saved or deleted (called from the app config)."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save

    for model in (get_user_model(), APIKey):
        post_save.connect(_user_or_key_saved, sender=model, dispatch_uid=f"api-key-cache-{model.__name__}")
        post_delete.connect(
            _user_or_key_saved, sender=model, dispatch_uid=f"api-key-cache-del-{model.__name__}"
        )
