"""Dependency checks behind ``GET /health``: every check is bounded in time and never raises."""

from __future__ import annotations

import concurrent.futures
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import psycopg
import redis
from django.conf import settings
from pymongo import MongoClient

from infra.db import postgres_conninfo

_executor = concurrent.futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="health")


@dataclass
class CheckResult:
    """One dependency's state as the health endpoint reports it."""

    status: str
    latency_ms: float
    message: str
    required: bool = False


def check_postgres(timeout: float) -> str:
    """``SELECT 1`` on a fresh connection with a connect timeout."""
    conninfo = postgres_conninfo(connect_timeout=max(1, math.ceil(timeout)))
    with psycopg.connect(conninfo) as connection:
        version = connection.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {version[0] if version else '?'}"


def check_mongodb(timeout: float) -> str:
    """``ping`` through a short-timeout client."""
    milliseconds = int(timeout * 1000)
    client: MongoClient[dict[str, Any]] = MongoClient(
        settings.MONGODB_URI,
        serverSelectionTimeoutMS=milliseconds,
        connectTimeoutMS=milliseconds,
        socketTimeoutMS=milliseconds,
    )
    try:
        client.admin.command("ping")
    finally:
        client.close()
    return "ping ok"


def check_redis(timeout: float) -> str:
    """``PING`` with socket timeouts."""
    client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=timeout, socket_connect_timeout=timeout)
    try:
        client.ping()
    finally:
        client.close()
    return "ping ok"


def check_celery(timeout: float) -> str:
    """At least one worker answers a broadcast ping."""
    from pmfsite.celery import app

    replies = app.control.ping(timeout=timeout, limit=1)
    if not replies:
        raise RuntimeError("no Celery worker answered")
    return f"worker {next(iter(replies[0]))} answered"


def check_search_provider(timeout: float) -> str:
    """The configured search provider (no paid call is made)."""
    if settings.TAVILY_API_KEY and settings.SEARCH_PROVIDER in ("", "tavily"):
        return "tavily"
    documents = [path for path in settings.CORPUS_DIR.rglob("*") if path.is_file()]
    if not documents:
        raise RuntimeError(f"offline corpus {settings.CORPUS_DIR} has no documents")
    return f"local corpus ({len(documents)} documents)"


STRUCTURED_OUTPUT_KEY = "llm:structured-output"  # the mode the last LLM research ran (agents.runner)


def structured_output_mode(timeout: float) -> str:
    """The pinned mode, or the one the last LLM research ran (auto-detected by the worker)."""
    if settings.OPENAI_STRUCTURED_OUTPUT != "auto":
        return str(settings.OPENAI_STRUCTURED_OUTPUT)
    from django.core.cache import cache

    try:
        detected = cache.get(STRUCTURED_OUTPUT_KEY)
    except Exception:  # Redis down: the redis check reports it
        detected = None
    return f"auto, last run {detected}" if detected else "auto, not yet detected"


def check_llm_provider(timeout: float) -> str:
    """The configured analyst (no paid call is made)."""
    if settings.OPENAI_API_KEY:
        where = f" at {settings.OPENAI_BASE_URL}" if settings.OPENAI_BASE_URL else ""
        return f"openai-compatible{where}; structured output: {structured_output_mode(timeout)}"
    return "extractive analyst (offline)"


CHECKS: dict[str, Callable[[float], str]] = {
    "postgres": check_postgres,
    "mongodb": check_mongodb,
    "redis": check_redis,
    "celery": check_celery,
    "search_provider": check_search_provider,
    "llm_provider": check_llm_provider,
}


def _timed(check: Callable[[float], str], timeout: float) -> CheckResult:
    started = time.perf_counter()
    try:
        message, status = check(timeout), "ok"
    except Exception as error:  # a health check reports failures, it never raises them
        message, status = f"{type(error).__name__}: {error}"[:300], "error"
    return CheckResult(status, round((time.perf_counter() - started) * 1000, 1), message)


def run_checks() -> tuple[bool, dict[str, dict[str, Any]]]:
    """Run every check concurrently within the timeout; return (healthy, results by name)."""
    timeout = float(settings.HEALTH_TIMEOUT_SECONDS)
    futures = {name: _executor.submit(_timed, check, timeout) for name, check in CHECKS.items()}
    concurrent.futures.wait(futures.values(), timeout=timeout + 0.5)
    results: dict[str, dict[str, Any]] = {}
    for name, future in futures.items():
        if future.done():
            result = future.result()
        else:
            result = CheckResult("error", round((timeout + 0.5) * 1000, 1), "timed out")
        result.required = name in settings.HEALTH_REQUIRED
        results[name] = asdict(result)
    healthy = all(result["status"] == "ok" for result in results.values() if result["required"])
    return healthy, results
