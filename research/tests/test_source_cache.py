"""The shared source cache: one MongoDB document per URL and content, expiring, seen by every worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agents.providers.local import LocalCorpusSearchProvider
from research import mongo
from research.source_cache import MongoSourceCache

URL = "https://example.com/meal-kits-2026"


def test_one_document_per_url_and_content_and_the_newest_is_searched(mongo_db: Any) -> None:
    # given a page fetched twice unchanged, then once more after it changed
    cache = MongoSourceCache()
    cache.store(url=URL, title="Meal kits", content="Meal kits grew 12% in 2025.", provider="tavily")
    cache.store(url=URL, title="Meal kits", content="Meal kits grew 12% in 2025.", provider="tavily")
    cache.store(
        url=URL, title="Meal kits (updated)", content="Meal kits grew 14% in 2025.", provider="tavily"
    )
    # then two copies are kept, and the newest one is what offline search loads
    assert mongo.source_cache().count_documents({"url": URL}) == 2
    [document] = cache.load()
    assert (document.url, document.title, document.text) == (
        URL,
        "Meal kits (updated)",
        "Meal kits grew 14% in 2025.",
    )


def test_cached_sources_expire_through_a_ttl_index(mongo_db: Any, settings: Any) -> None:
    indexes = mongo.source_cache().index_information()
    assert indexes["retrieved_ttl"]["expireAfterSeconds"] == int(settings.SOURCE_CACHE_TTL_DAYS * 86400)


def test_a_source_stored_by_one_worker_is_searched_offline_by_another(mongo_db: Any, tmp_path: Path) -> None:
    # given worker A's online research kept a source
    MongoSourceCache().store(
        url=URL,
        title="Grocery delivery churn",
        content="Grocery delivery churn reached 40 percent.",
        provider="tavily",
    )
    # when worker B (its own process objects, an empty corpus folder) searches offline
    search = LocalCorpusSearchProvider(tmp_path, source_store=MongoSourceCache())
    found = search.search("grocery churn", search_depth="basic", max_results=3)
    # then it finds that source
    assert [hit.url for hit in found.hits] == [URL]


def test_the_runner_passes_the_shared_store_and_no_folder(settings: Any) -> None:
    from agents.runner import agent_config

    settings.SOURCE_CACHE_ENABLED = True
    config = agent_config()
    assert config.cache_dir is None and isinstance(config.source_store, MongoSourceCache)
    settings.SOURCE_CACHE_ENABLED = False
    assert agent_config().source_store is None


def test_a_mongodb_outage_never_fails_the_research(settings: Any) -> None:
    # given MongoDB unreachable
    settings.MONGODB_URI = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200"
    settings.MONGODB_TIMEOUT_MS = 200
    mongo.reset_client()
    try:
        # when a worker stores and loads, then nothing raises and nothing is found
        MongoSourceCache().store(url=URL, title="t", content="c", provider="tavily")
        assert MongoSourceCache().load() == []
    finally:
        mongo.reset_client()
