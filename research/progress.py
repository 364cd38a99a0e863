"""Live progress: Redis (latest progress, abort flags, execution leases) and the channel-layer broadcast.

Progress is always written to MongoDB first (``documents``), then cached here, then broadcast, so a
client that misses a message catches up from REST.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from typing import Any

import redis
import structlog
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings

_lock = threading.Lock()
_client: redis.Redis | None = None
_client_pid: int | None = None
CACHE_SECONDS = 24 * 3600
SNAPSHOT_SECONDS = 30
log = structlog.get_logger(__name__)
_RENEW_IF_OWNER = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('expire', KEYS[1], ARGV[2])
end
return 0
"""


def redis_client() -> redis.Redis:
    """The process's Redis client (bounded timeouts)."""
    global _client, _client_pid
    with _lock:
        if _client is None or _client_pid != os.getpid():
            _client = redis.Redis.from_url(
                settings.REDIS_URL, socket_timeout=5, socket_connect_timeout=5, health_check_interval=30
            )
            _client_pid = os.getpid()
        return _client


def reset_client() -> None:
    """Forget the client (tests that point REDIS_URL elsewhere)."""
    global _client
    with _lock:
        _client = None


def _key(task_id: str, name: str) -> str:
    return f"{settings.REDIS_KEY_PREFIX}:research:{task_id}:{name}"


def group_name(task_id: str) -> str:
    """The channel-layer group of a task's websocket listeners."""
    return f"research.{task_id}"


def cache_progress(task_id: str, *, status: str, progress: float, last_checkpoint: str | None) -> None:
    """Remember the latest progress for quick status reads."""
    payload = json.dumps({"status": status, "progress": progress, "last_checkpoint": last_checkpoint})
    redis_client().set(_key(task_id, "progress"), payload, ex=CACHE_SECONDS)


def cached_progress(task_id: str) -> dict[str, Any] | None:
    """The latest cached progress, if any."""
    raw = redis_client().get(_key(task_id, "progress"))
    return json.loads(raw) if raw else None


def task_changed(task_id: str) -> None:
    """A task's document changed: a new generation token, and its status snapshot is dropped.

    Called after every MongoDB write (``documents``); a snapshot made from an older read carries an
    older token and is never served (``status_snapshot``). Never raises: the snapshot's TTL bounds
    how long a lost invalidation can show the previous state.
    """
    try:
        pipe = redis_client().pipeline(transaction=True)
        pipe.set(_key(task_id, "generation"), uuid.uuid4().hex, ex=CACHE_SECONDS)
        pipe.delete(_key(task_id, "snapshot"))
        pipe.execute()
    except redis.RedisError as error:
        log.warning("progress.invalidation_failed", task_id=task_id, error=str(error))


def status_snapshot(task_id: str) -> tuple[str, dict[str, Any] | None]:
    """The task's generation token (read first) and its snapshot when made at that generation."""
    generation_raw, snapshot_raw = redis_client().mget(_key(task_id, "generation"), _key(task_id, "snapshot"))
    generation = generation_raw.decode() if generation_raw else ""
    if not snapshot_raw:
        return generation, None
    snapshot = json.loads(snapshot_raw)
    return generation, snapshot if snapshot.get("generation") == generation else None


def status_snapshot_store(task_id: str, generation: str, snapshot: dict[str, Any]) -> None:
    """Keep a snapshot made from a read that followed ``generation``."""
    payload = json.dumps({**snapshot, "generation": generation})
    redis_client().set(_key(task_id, "snapshot"), payload, ex=SNAPSHOT_SECONDS)


def broadcast(task_id: str, message: dict[str, Any]) -> None:
    """Send a message to every websocket following the task."""
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(group_name(task_id), {"type": "research.event", "message": message})


def request_abort(task_id: str) -> bool:
    """Raise the abort flag that the running graph checks at every checkpoint (before MongoDB)."""
    return bool(redis_client().set(_key(task_id, "abort"), "1", ex=CACHE_SECONDS))


def abort_requested(task_id: str) -> bool:
    """True once the task's abort flag is raised."""
    return bool(redis_client().exists(_key(task_id, "abort")))


def lease_acquire(task_id: str, owner: str, seconds: int) -> bool:
    """Take the task's execution lease (one worker at a time); True if it is ours now."""
    client = redis_client()
    if client.set(_key(task_id, "lease"), owner, nx=True, ex=seconds):
        return True
    return client.get(_key(task_id, "lease")) == owner.encode()


def lease_renew(task_id: str, owner: str, seconds: int) -> bool:
    """Extend our lease; False if another worker holds it now."""
    return bool(redis_client().eval(_RENEW_IF_OWNER, 1, _key(task_id, "lease"), owner, seconds))


def lease_release(task_id: str, owner: str) -> None:
    """Give the lease back if it is still ours."""
    script = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
    redis_client().eval(script, 1, _key(task_id, "lease"), owner)


def lease_held(task_id: str) -> bool:
    """True while some worker holds the task's lease (its heartbeat is fresh)."""
    return bool(redis_client().exists(_key(task_id, "lease")))
