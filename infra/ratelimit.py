"""Per-client-IP rate limits in Redis: token buckets checked and spent by one atomic Lua script.

API requests (``/api/``) share one bucket per IP; research submissions and reruns spend a token from
that bucket and from a stricter submit bucket. A request over any limit is answered at once with 429,
``Retry-After`` and the standard error body; it spends nothing. When Redis is unreachable the limits
fail open (logged): an outage of the counter store must not take the API down with it.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import redis
import structlog
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from infra.api_errors import error_body

log = structlog.get_logger(__name__)

API_PREFIX = "/api/"
SUBMIT_PATHS = re.compile(r"^/api/v1/research/(submit|tasks/[^/]+/rerun)/?$")
REDIS_TIMEOUT_SECONDS = 0.5

# KEYS: one bucket per limit. ARGV: now, then (rate, burst) per key. Every bucket is refilled; a token
# is spent from each only when all have one, so a refused request leaves every bucket as it was.
TOKEN_BUCKET_SCRIPT = """
local now = tonumber(ARGV[1])
local levels = {}
local wait = 0
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i])
  local burst = tonumber(ARGV[2 * i + 1])
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1]) or burst
  local at = tonumber(state[2]) or now
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
  levels[i] = tokens
  if tokens < 1 then wait = math.max(wait, (1 - tokens) / rate) end
end
local allowed = 0
if wait == 0 then allowed = 1 end
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i])
  local burst = tonumber(ARGV[2 * i + 1])
  redis.call('HSET', key, 'tokens', tostring(levels[i] - allowed), 'at', tostring(now))
  redis.call('PEXPIRE', key, math.ceil(burst / rate * 1000) + 1000)
end
return {allowed, tostring(wait)}
"""


@dataclass(frozen=True)
class Limit:
    """A token bucket: ``rate`` tokens per second, at most ``burst`` saved up."""

    name: str
    rate: float
    burst: int


@dataclass(frozen=True)
class Decision:
    """The script's answer: allowed or not, and how many seconds until it would be."""

    allowed: bool
    retry_after_seconds: float


# ---------------------------------------------------------------- client IP


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())


def _parse_ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _is_trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address, proxies: Sequence[str]) -> bool:
    return any(address in network for network in _networks(tuple(proxies)))


def client_ip(request: HttpRequest) -> str:
    """The client's address: the peer, or behind trusted proxies the right-most untrusted forwarded one."""
    peer = request.META.get("REMOTE_ADDR", "") or ""
    proxies = list(getattr(settings, "TRUSTED_PROXIES", []))
    address = _parse_ip(peer)
    if address is None or not _is_trusted(address, proxies):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    # Only entries appended by trusted hops can be believed, so walk from the right.
    for entry in reversed([part for part in forwarded.split(",") if part.strip()]):
        hop = _parse_ip(entry)
        if hop is None:
            break
        address = hop
        if not _is_trusted(hop, proxies):
            break
    return str(address)


# ---------------------------------------------------------------- Redis


_lock = threading.Lock()
_clients: dict[tuple[str, int], redis.Redis] = {}


def redis_connection() -> redis.Redis:
    """This process's Redis client for counters, with short timeouts so an outage cannot stall requests."""
    key = (settings.REDIS_URL, os.getpid())
    with _lock:
        if key not in _clients:
            _clients[key] = redis.Redis.from_url(
                settings.REDIS_URL,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            )
        return _clients[key]


def bucket_key(limit: Limit, ip: str) -> str:
    """The Redis key of ``ip``'s bucket for ``limit``."""
    return f"{settings.REDIS_KEY_PREFIX}:ratelimit:{limit.name}:{ip}"


def take_token(limits: Sequence[Limit], ip: str) -> Decision:
    """Spend one token from each of ``ip``'s buckets if every one has a token; atomic in Redis."""
    keys = [bucket_key(limit, ip) for limit in limits]
    arguments: list[float | int] = [time.time()]
    for limit in limits:
        arguments += [limit.rate, limit.burst]
    allowed, wait = redis_connection().eval(TOKEN_BUCKET_SCRIPT, len(keys), *keys, *arguments)
    return Decision(allowed=bool(allowed), retry_after_seconds=float(wait))


# ---------------------------------------------------------------- middleware


def limits_for(request: HttpRequest) -> list[Limit]:
    """The limits that apply to ``request`` (none outside the API)."""
    if not request.path.startswith(API_PREFIX):
        return []
    limits = [Limit("api", settings.RATE_LIMIT_API_PER_SECOND, settings.RATE_LIMIT_API_BURST)]
    if request.method == "POST" and SUBMIT_PATHS.match(request.path):
        submit = Limit("submit", settings.RATE_LIMIT_SUBMIT_PER_SECOND, settings.RATE_LIMIT_SUBMIT_BURST)
        limits.append(submit)
    return limits


def too_many_requests(retry_after_seconds: float) -> JsonResponse:
    """429 with ``Retry-After`` (whole seconds, at least 1) and the standard error body."""
    seconds = max(1, math.ceil(retry_after_seconds))
    body = error_body(
        "rate_limited",
        f"Too many requests. Try again in {seconds} second{'s' if seconds != 1 else ''}.",
        retry_after=seconds,
    )
    response = JsonResponse(body, status=429)
    response["Retry-After"] = str(seconds)
    return response


class RateLimitMiddleware:
    """Answers 429 before routing when the client IP is over an API or submit limit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limits = limits_for(request) if settings.RATE_LIMITS_ENABLED else []
        if limits:
            ip = client_ip(request)
            try:
                decision = take_token(limits, ip)
            except (redis.RedisError, OSError) as error:
                log.warning("rate_limit_unavailable", error=str(error), path=request.path)
            else:
                if not decision.allowed:
                    log.info("rate_limited", ip=ip, path=request.path, limits=[lim.name for lim in limits])
                    return too_many_requests(decision.retry_after_seconds)
        return self.get_response(request)
