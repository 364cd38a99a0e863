"""The MongoDB client, collections and indexes (pymongo only; the one place that opens connections).

One client per process: pymongo clients are thread-safe but not fork-safe, so a forked worker
opens its own.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from django.conf import settings
from pymongo import ASCENDING, DESCENDING, IndexModel, MongoClient
from pymongo.collection import Collection
from pymongo.database import Database

Document = dict[str, Any]
RESEARCH_TASKS = "research_tasks"
SEARCH_TERMS = "search_terms"
SEARCH_ENTRIES = "search_entries"
SOURCE_CACHE = "source_cache"

INDEXES: dict[str, list[IndexModel]] = {
    RESEARCH_TASKS: [
        IndexModel([("owner_id", ASCENDING), ("created_at", DESCENDING)], name="owner_created"),
        IndexModel([("status", ASCENDING)], name="status"),
        IndexModel([("depth", ASCENDING)], name="depth"),
        # Idempotency: one task per owner and request id (the Idempotency-Key).
        IndexModel([("owner_id", ASCENDING), ("request_id", ASCENDING)], name="owner_request", unique=True),
        # Free-text search (research/search.py): multikey over each task's normalised words.
        IndexModel([("owner_id", ASCENDING), ("search_tokens", ASCENDING)], name="owner_search_tokens"),
    ],
    SEARCH_TERMS: [
        IndexModel([("owner_id", ASCENDING), ("term", ASCENDING)], name="owner_term"),
        IndexModel([("term", ASCENDING)], name="term"),  # staff search across owners
    ],
    # An owner's free-text search (research/search.py): one small document per task, multikey; the
    # creation time last, for suggestions' recent ranges (owner_id, token, created_at >= since).
    SEARCH_ENTRIES: [
        IndexModel(
            [("owner_id", ASCENDING), ("tokens", ASCENDING), ("created_at", ASCENDING)],
            name="owner_token_created",
        )
    ],
}

_lock = threading.Lock()
_client: MongoClient[Document] | None = None
_client_pid: int | None = None


def get_client() -> MongoClient[Document]:
    """The process's client, created on first use with bounded timeouts."""
    global _client, _client_pid
    with _lock:
        if _client is None or _client_pid != os.getpid():
            timeout = settings.MONGODB_TIMEOUT_MS
            _client = MongoClient(
                settings.MONGODB_URI,
                serverSelectionTimeoutMS=timeout,
                connectTimeoutMS=timeout,
                socketTimeoutMS=timeout * 4,
                tz_aware=True,
            )
            _client_pid = os.getpid()
        return _client


def reset_client() -> None:
    """Forget the client (after settings change in tests, or a fork)."""
    global _client
    with _lock:
        if _client is not None and _client_pid == os.getpid():
            _client.close()
        _client = None


def get_database() -> Database[Document]:
    """The product's database."""
    return get_client()[settings.MONGODB_DB]


def research_tasks() -> Collection[Document]:
    """The ``research_tasks`` collection."""
    return get_database()[RESEARCH_TASKS]


def search_terms() -> Collection[Document]:
    """The ``search_terms`` collection: each owner's known words (prefix expansion for search)."""
    return get_database()[SEARCH_TERMS]


def search_entries() -> Collection[Document]:
    """The ``search_entries`` collection: per task its owner, words and creation time (owner search)."""
    return get_database()[SEARCH_ENTRIES]


def source_cache() -> Collection[Document]:
    """The ``source_cache`` collection: sources fetched online, shared by every worker (TTL)."""
    return get_database()[SOURCE_CACHE]


def _source_cache_indexes() -> list[IndexModel]:
    ttl = int(settings.SOURCE_CACHE_TTL_DAYS * 86400)
    return [IndexModel([("retrieved_at", ASCENDING)], name="retrieved_ttl", expireAfterSeconds=ttl)]


def ensure_indexes() -> dict[str, list[str]]:
    """Create every index the product relies on (idempotent); return their names per collection."""
    database = get_database()
    indexes = {**INDEXES, SOURCE_CACHE: _source_cache_indexes()}
    return {name: database[name].create_indexes(models) for name, models in indexes.items()}
