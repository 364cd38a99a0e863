"""The stores are real engines: PostgreSQL, the MongoDB wire-protocol server, Redis."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
import redis
from django.contrib.auth.models import User
from django.db import connection, transaction
from pymongo.errors import DuplicateKeyError

from infra.db import postgres_conninfo
from research import mongo

pytestmark = pytest.mark.integration


def test_mongodb_round_trip_uses_a_real_unique_index(mongo_db: Any) -> None:
    # given a collection with a unique index
    collection = mongo_db["round_trip"]
    collection.create_index("key", unique=True)
    # when a document is written and read back
    collection.insert_one({"key": "alice", "title": "Café (beta) [1]"})
    found = collection.find_one({"title": {"$regex": r"café \(beta\)", "$options": "i"}})
    # then it comes back, and the index refuses a duplicate
    assert found is not None and found["key"] == "alice"
    with pytest.raises(DuplicateKeyError):
        collection.insert_one({"key": "alice"})
    assert "key_1" in collection.index_information()


def test_research_task_indexes_exist_on_the_server() -> None:
    names = set(mongo.research_tasks().index_information())
    assert {"owner_created", "status", "depth"} <= names


@pytest.mark.django_db(transaction=True)
def test_postgres_transaction_commits_and_rolls_back_as_seen_from_another_connection() -> None:
    # given a committed user and one rolled back
    User.objects.create(username="alice")
    with pytest.raises(RuntimeError), transaction.atomic():
        User.objects.create(username="bob")
        raise RuntimeError("roll back")
    # when a separate psycopg connection reads the table
    with psycopg.connect(postgres_conninfo()) as other:
        names = [row[0] for row in other.execute("SELECT username FROM auth_user ORDER BY username")]
    # then only the committed row is there
    assert names == ["alice"]
    assert connection.vendor == "postgresql"


def test_redis_is_a_real_server(redis_client: redis.Redis) -> None:
    redis_client.set("pmftest:probe", "1", ex=10)
    assert redis_client.get("pmftest:probe") == b"1"
    assert redis_client.ttl("pmftest:probe") > 0
    assert "redis_version" in redis_client.info("server")
