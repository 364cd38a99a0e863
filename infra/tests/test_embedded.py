"""The embedded engines: idempotent start, stop, and data that survives a restart."""

from __future__ import annotations

import os
from pathlib import Path

import pymongo
import pytest
import redis

from conftest import processes_mentioning
from infra import embedded

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_up_is_idempotent_and_data_survives_down_and_up(engine_dir: Path) -> None:
    tmp_path = engine_dir
    env = {key: value for key, value in os.environ.items() if key not in embedded.SERVICE_VARIABLES}
    first = embedded.up(tmp_path, environ=env)
    try:
        assert sorted(first.started) == ["mongodb", "postgres", "redis"]
        again = embedded.up(tmp_path, environ=env)
        assert again.urls == first.urls and again.started == []
        client: pymongo.MongoClient[dict[str, object]] = pymongo.MongoClient(first.urls["MONGODB_URI"])
        client.pmf.notes.insert_one({"_id": "alice", "text": "kept"})
        client.close()
        redis.Redis.from_url(first.urls["REDIS_URL"]).set("kept", "yes")
        assert sorted(embedded.down(tmp_path)) == ["mongodb", "postgres", "redis"]
        assert processes_mentioning(tmp_path) == []
        restarted = embedded.up(tmp_path, environ=env)
        client = pymongo.MongoClient(restarted.urls["MONGODB_URI"])
        assert client.pmf.notes.find_one({"_id": "alice"}) == {"_id": "alice", "text": "kept"}
        client.close()
        assert redis.Redis.from_url(restarted.urls["REDIS_URL"]).get("kept") == b"yes"
    finally:
        embedded.down(tmp_path)
    assert processes_mentioning(tmp_path) == []


def test_external_urls_start_nothing(tmp_path: Path) -> None:
    env = {"DATABASE_URL": "postgres://x@h/d", "MONGODB_URI": "mongodb://h", "REDIS_URL": "redis://h"}
    result = embedded.up(tmp_path, environ=env)
    assert (result.urls, result.started) == ({}, [])
    assert (tmp_path / "services.env").read_text() == ""
