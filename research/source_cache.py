"""The shared source cache (contract 6): sources fetched online, kept in MongoDB for every worker.

One document per URL and content hash (a page that changed is a new document; the same content
fetched again only refreshes its time), expired by a TTL index on ``retrieved_at``. Implements the
graph's ``SourceStore`` interface; the runner passes it in, so the graph never imports Django.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import structlog
from pymongo import DESCENDING
from pymongo.errors import PyMongoError

from agents.providers.documents import Document
from research.mongo import source_cache

log = structlog.get_logger(__name__)
LOAD_LIMIT = 5000  # newest copies searched offline; older ones wait for their TTL


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class MongoSourceCache:
    """Sources in the ``source_cache`` collection; a MongoDB outage is logged, never raised."""

    def store(self, *, url: str, title: str, content: str, provider: str) -> None:
        """Keep ``url``'s content (a new document when the content changed)."""
        content_hash = _digest(content)
        now = datetime.now(UTC)
        try:
            source_cache().update_one(
                {"_id": f"{_digest(url)}:{content_hash}"},
                {
                    "$set": {"retrieved_at": now, "title": title, "provider": provider},
                    "$setOnInsert": {"url": url, "content": content, "content_hash": content_hash},
                },
                upsert=True,
            )
        except PyMongoError as error:
            log.warning("source_cache.store_failed", url=url, error=str(error))

    def load(self) -> list[Document]:
        """The newest copy of each cached URL."""
        try:
            cursor = (
                source_cache().find({}, {"url": 1, "title": 1, "content": 1}).sort("retrieved_at", DESCENDING)
            )
            records = list(cursor.limit(LOAD_LIMIT))
        except PyMongoError as error:
            log.warning("source_cache.load_failed", error=str(error))
            return []
        newest: dict[str, Document] = {}
        for record in records:
            newest.setdefault(
                record["url"], Document(url=record["url"], title=record["title"], text=record["content"])
            )
        return list(newest.values())
