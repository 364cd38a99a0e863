"""Prometheus metrics for one web process and any number of worker processes, kept in Redis.

Workers record research durations and provider calls into Redis hashes (one pipeline per
observation, with short timeouts, never failing the caller); ``/metrics`` on the web process reads
them back, adds the credits charged and refunded (summed from the append-only PostgreSQL ledger)
and the Celery queue length (``LLEN``), and renders Prometheus text. Redis rather than
prometheus-client's multiprocess directory, because workers may run on other hosts (compose
``--scale worker=3``) and restart freely without losing counts.
"""

from __future__ import annotations

import atexit
import ipaddress
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import redis
import structlog
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from prometheus_client import CONTENT_TYPE_PLAIN_0_0_4, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.registry import Collector, CollectorRegistry

log = structlog.get_logger(__name__)

RESEARCH_SECONDS = "research_duration_seconds"
PROVIDER_SECONDS = "provider_request_duration_seconds"
PROVIDER_ERRORS = "provider_errors_total"
HTTP_SECONDS = "http_request_duration_seconds"
QUEUE_WAIT_SECONDS = "queue_wait_seconds"
RESEARCH_BUCKETS = (5.0, 10.0, 20.0, 30.0, 45.0, 60.0, 90.0, 120.0, 180.0, 300.0, 600.0, 900.0)
PROVIDER_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 21.0, 34.0, 60.0)
HTTP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
QUEUE_WAIT_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0)
# HTTP observations are added up in the process and written at most once a second (one pipeline), so
# a request costs no Redis round trip; a crash loses at most that second of latency samples.
FLUSH_SECONDS = 1.0
HISTOGRAMS: dict[str, tuple[tuple[str, ...], tuple[float, ...], str]] = {
    RESEARCH_SECONDS: (
        ("depth", "outcome"),
        RESEARCH_BUCKETS,
        "Submit to final state.",
    ),
    PROVIDER_SECONDS: (("provider", "operation"), PROVIDER_BUCKETS, "Provider calls, retries included."),
    HTTP_SECONDS: (("method", "route", "status"), HTTP_BUCKETS, "HTTP requests by route pattern and status."),
    QUEUE_WAIT_SECONDS: (("task",), QUEUE_WAIT_BUCKETS, "Celery tasks: enqueued to started by a worker."),
}
COUNTERS: dict[str, tuple[tuple[str, ...], str]] = {
    PROVIDER_ERRORS: (("provider", "operation"), "Provider calls that failed after their retries."),
}
CREDITS_AUDIT_DISCREPANCIES = "credits_audit_discrepancies"
GAUGES: dict[str, str] = {
    CREDITS_AUDIT_DISCREPANCIES: "Credits/research discrepancies found by the last audit (0 = reconciled).",
}
_lock = threading.Lock()
_client: redis.Redis | None = None
_pending_lock = threading.Lock()
_pending: dict[tuple[str, str], float] = {}
_flushed_at = time.monotonic()


def _redis() -> redis.Redis:
    """A client of its own with short timeouts: a Redis outage must not slow a research down."""
    global _client
    with _lock:
        if _client is None:
            _client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=0.5, socket_connect_timeout=0.5)
        return _client


def reset_client() -> None:
    """Forget the client (tests that point REDIS_URL elsewhere)."""
    global _client
    with _lock:
        _client = None


def _key(name: str) -> str:
    return f"{settings.REDIS_KEY_PREFIX}:metrics:{name}"


def _field(labels: tuple[str, ...], part: str) -> str:
    return json.dumps(list(labels)) + "\t" + part


def _bucket(name: str, seconds: float) -> str:
    return next((str(bound) for bound in HISTOGRAMS[name][1] if seconds <= bound), "+Inf")


def observe(name: str, labels: tuple[str, ...], seconds: float) -> None:
    """Add one observation to a histogram (stored per bucket; cumulated when scraped)."""
    bucket = _bucket(name, seconds)
    try:
        pipe = _redis().pipeline(transaction=False)
        pipe.hincrby(_key(name), _field(labels, bucket), 1)
        pipe.hincrbyfloat(_key(name), _field(labels, "sum"), seconds)
        pipe.execute()
    except redis.RedisError as error:
        log.warning("metrics.write_failed", metric=name, error=str(error))


def increment(name: str, labels: tuple[str, ...], amount: float = 1.0) -> None:
    """Add ``amount`` to a counter."""
    try:
        _redis().hincrbyfloat(_key(name), _field(labels, "total"), amount)
    except redis.RedisError as error:
        log.warning("metrics.write_failed", metric=name, error=str(error))


def gauge_set(name: str, value: float) -> None:
    """Set a gauge (the last value written by any process wins)."""
    try:
        _redis().hset(_key(name), _field((), "value"), value)
    except redis.RedisError as error:
        log.warning("metrics.write_failed", metric=name, error=str(error))


def observe_later(name: str, labels: tuple[str, ...], seconds: float) -> None:
    """Like :func:`observe`, but added up in the process and written by the next :func:`flush`."""
    global _flushed_at
    with _pending_lock:
        for part, amount in ((_bucket(name, seconds), 1.0), ("sum", seconds)):
            field = (name, _field(labels, part))
            _pending[field] = _pending.get(field, 0.0) + amount
        due = time.monotonic() - _flushed_at >= FLUSH_SECONDS
        if due:
            _flushed_at = time.monotonic()
    if due:
        flush()


def flush() -> None:
    """Write the observations added up by :func:`observe_later` (one pipeline; dropped if Redis is down)."""
    with _pending_lock:
        pending = dict(_pending)
        _pending.clear()
    if not pending:
        return
    try:
        pipe = _redis().pipeline(transaction=False)
        for (name, field), amount in pending.items():
            if field.endswith("\tsum"):
                pipe.hincrbyfloat(_key(name), field, amount)
            else:
                pipe.hincrby(_key(name), field, int(amount))
        pipe.execute()
    except redis.RedisError as error:
        log.warning("metrics.write_failed", metric="pending", error=str(error))


atexit.register(flush)


def http_request(*, method: str, route: str, status: int, seconds: float) -> None:
    """One HTTP request answered (``route`` is the URL pattern, never the raw path)."""
    observe_later(HTTP_SECONDS, (method, route, str(status)), seconds)


def queue_wait(*, task: str, seconds: float) -> None:
    """A worker started a task ``seconds`` after it was enqueued."""
    observe(QUEUE_WAIT_SECONDS, (task,), max(0.0, seconds))


def research_finished(*, depth: str, outcome: str, seconds: float) -> None:
    """A research reached a final state (completed, failed, timed_out, aborted)."""
    observe(RESEARCH_SECONDS, (depth, outcome), seconds)


@contextmanager
def provider_call(provider: str, operation: str) -> Iterator[None]:
    """Time a provider call; count it as an error when it raises."""
    started = time.monotonic()
    try:
        yield
    except Exception:
        increment(PROVIDER_ERRORS, (provider, operation))
        raise
    finally:
        observe(PROVIDER_SECONDS, (provider, operation), time.monotonic() - started)


def _read(name: str) -> dict[tuple[str, ...], dict[str, float]]:
    """A metric's stored fields grouped by label values."""
    grouped: dict[tuple[str, ...], dict[str, float]] = {}
    for raw_field, raw_value in _redis().hgetall(_key(name)).items():
        labels, part = raw_field.decode().split("\t", 1)
        grouped.setdefault(tuple(json.loads(labels)), {})[part] = float(raw_value)
    return grouped


def _histogram(name: str) -> HistogramMetricFamily:
    label_names, buckets, documentation = HISTOGRAMS[name]
    family = HistogramMetricFamily(f"pmf_{name}", documentation, labels=list(label_names))
    for labels, parts in sorted(_read(name).items()):
        running, cumulative = 0.0, []
        for bound in [*map(str, buckets), "+Inf"]:
            running += parts.get(bound, 0.0)
            cumulative.append((bound, running))
        family.add_metric(list(labels), cumulative, parts.get("sum", 0.0))
    return family


def _counter(name: str) -> CounterMetricFamily:
    label_names, documentation = COUNTERS[name]
    family = CounterMetricFamily(
        f"pmf_{name.removesuffix('_total')}", documentation, labels=list(label_names)
    )
    for labels, parts in sorted(_read(name).items()):
        family.add_metric(list(labels), parts.get("total", 0.0))
    return family


def _gauge(name: str) -> GaugeMetricFamily:
    family = GaugeMetricFamily(f"pmf_{name}", GAUGES[name])
    for _, parts in sorted(_read(name).items()):
        family.add_metric([], parts.get("value", 0.0))
    return family


def _credits() -> Iterator[CounterMetricFamily]:
    from django.db.models import Sum

    from credits.models import CreditTransaction, TransactionKind

    totals = dict(
        CreditTransaction.objects.filter(kind__in=[TransactionKind.RESEARCH_CHARGE, TransactionKind.REFUND])
        .values_list("kind")
        .annotate(total=Sum("amount"))
    )
    charged = abs(totals.get(TransactionKind.RESEARCH_CHARGE, 0) or 0)
    refunded = totals.get(TransactionKind.REFUND, 0) or 0
    yield CounterMetricFamily("pmf_credits_charged", "Credits charged for researches.", value=charged)
    yield CounterMetricFamily("pmf_credits_refunded", "Credits refunded for researches.", value=refunded)


def _queue_length() -> GaugeMetricFamily:
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    url = settings.CELERY_BROKER_URL.replace("redis+socket://", "unix://", 1)  # kombu's name for a socket
    broker = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
    try:
        length = broker.llen(queue)
    finally:
        broker.close()
    family = GaugeMetricFamily(
        "pmf_queue_length", "Research messages waiting in the queue.", labels=["queue"]
    )
    family.add_metric([queue], float(length))
    return family


class StoreCollector(Collector):
    """Reads every metric from Redis and PostgreSQL at scrape time."""

    def collect(self) -> Iterator[Any]:
        """Histograms, counters, credits and the queue length."""
        for name in HISTOGRAMS:
            yield _histogram(name)
        for name in COUNTERS:
            yield _counter(name)
        for name in GAUGES:
            yield _gauge(name)
        yield from _credits()
        yield _queue_length()


def render() -> bytes:
    """The Prometheus text exposition of every metric."""
    flush()
    registry = CollectorRegistry(auto_describe=False)
    registry.register(StoreCollector())
    return generate_latest(registry)


def allowed(request: HttpRequest) -> bool:
    """Staff users, or clients whose address is in METRICS_ALLOWED_IPS (not through an untrusted proxy)."""
    from infra.ratelimit import client_ip

    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return True
    address = client_ip(request)
    # A forwarded request whose proxy we do not trust shows the proxy's address: never allow it by IP.
    if request.META.get("HTTP_X_FORWARDED_FOR") and address == request.META.get("REMOTE_ADDR"):
        return False
    return _in_allowlist(address, allowlist())


def allowlist() -> list[str]:
    """METRICS_ALLOWED_IPS: addresses or networks, from settings or the environment (loopback)."""
    configured = getattr(settings, "METRICS_ALLOWED_IPS", None)
    if configured is None:
        configured = os.environ.get("METRICS_ALLOWED_IPS", "127.0.0.1,::1")
    entries = configured.split(",") if isinstance(configured, str) else list(configured)
    return [entry.strip() for entry in entries if entry.strip()]


def _in_allowlist(address: str, allowlist: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(entry, strict=False) for entry in allowlist)


def metrics_view(request: HttpRequest) -> HttpResponse:
    """``GET /metrics``: Prometheus text for staff or allowed addresses, else 403."""
    if not allowed(request):
        return HttpResponse("Forbidden\n", status=403, content_type="text/plain")
    return HttpResponse(render(), content_type=CONTENT_TYPE_PLAIN_0_0_4)


class TimedSearch:
    """A search provider whose calls are timed and counted (any other attribute passes through)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.name = inner.name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._inner, attribute)

    def search(self, query: str, **options: Any) -> Any:
        """The inner search, timed."""
        with provider_call(self.name, "search"):
            return self._inner.search(query, **options)

    def extract(self, urls: list[str], **options: Any) -> Any:
        """The inner extract, timed."""
        with provider_call(self.name, "extract"):
            return self._inner.extract(urls, **options)


class TimedLLM:
    """A language model whose structured calls are timed and counted per role."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.name = inner.name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._inner, attribute)

    def structured(self, schema: Any, *, system: str, user: str, role: str) -> Any:
        """The inner structured call, timed."""
        with provider_call(self.name, f"llm_{role}"):
            return self._inner.structured(schema, system=system, user=user, role=role)


def instrumented(config: Any) -> Any:
    """``config`` (an AgentConfig) with its search provider and language model wrapped for metrics."""
    config.search = TimedSearch(config.build_search())
    llm = config.build_llm()
    if llm is not None:
        config.llm = TimedLLM(llm)
    return config
