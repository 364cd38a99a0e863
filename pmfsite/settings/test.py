"""Test suite: its own engines (started by `make test`), fast hashing, no external calls."""

from pmfsite.settings.base import *  # noqa: F403
from pmfsite.settings.base import REDIS_URL, celery_broker_url, env, redis_settings

MONGODB_DB = env.str("MONGODB_DB", default="pmf_test")
REDIS_KEY_PREFIX = env.str("REDIS_KEY_PREFIX", default="pmftest")
# base.py keyed these by its own default prefix; the test process and its workers/servers must share keys.
CACHES, CHANNEL_LAYERS = redis_settings(REDIS_URL, REDIS_KEY_PREFIX)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
HEALTH_TIMEOUT_SECONDS = 1.0


# Provider keys count only when they point at a local fake: tests never reach the internet.
def _local(url: str) -> bool:
    return url.startswith(("http://127.0.0.1:", "http://localhost:"))


_TAVILY_LOCAL = _local(env.str("TAVILY_API_BASE_URL", default=""))
_OPENAI_LOCAL = _local(env.str("OPENAI_BASE_URL", default=""))
TAVILY_API_KEY = env.str("TAVILY_API_KEY", default="") if _TAVILY_LOCAL else ""
OPENAI_API_KEY = env.str("OPENAI_API_KEY", default="") if _OPENAI_LOCAL else ""
# Other suites fire bursts from 127.0.0.1; rate-limit tests switch the limits on themselves.
RATE_LIMITS_ENABLED = env.bool("RATE_LIMITS_ENABLED", default=False)
# Tests never read or grow the developer's cache of fetched sources.
SOURCE_CACHE_ENABLED = env.bool("SOURCE_CACHE_ENABLED", default=False)


# A parallel run (pytest-xdist, `make test`): each worker process gets its own MongoDB database and Redis
# database (pytest-django names the PostgreSQL test database per worker itself). Redis databases keep the
# workers apart entirely: keys, Celery queues, the broadcast pings that tell whether a worker answers
# (kombu prefixes them with the database number) and the channel layer. Child processes (workers,
# servers) get these URLs from the test process and no PYTEST_XDIST_WORKER, so they never shift them.
def _with_redis_db(url: str, number: int) -> str:
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    if url.startswith("unix://"):  # (urlunsplit would drop the empty host: unix:/path)
        path, _, query = url.partition("?")
        return f"{path}?{urlencode({**dict(parse_qsl(query)), 'db': str(number)})}"
    return urlunsplit(urlsplit(url)._replace(path=f"/{number}"))


def _redis_db(url: str) -> str:
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url)
    if parts.scheme == "unix":
        return parse_qs(parts.query).get("db", ["0"])[0]
    return parts.path.strip("/") or "0"


_XDIST_WORKER = env.str("PYTEST_XDIST_WORKER", default="")
if _XDIST_WORKER:
    MONGODB_DB = env.str("MONGODB_DB", default=f"pmf_{_XDIST_WORKER}_test")
    REDIS_URL = _with_redis_db(REDIS_URL, int(_XDIST_WORKER.removeprefix("gw")) + 1)
    CACHES, CHANNEL_LAYERS = redis_settings(REDIS_URL, REDIS_KEY_PREFIX)
# Kombu reads the database of a unix-socket broker URL from the virtual host, never from ``db=``.
# (A child process gets its worker's REDIS_URL, database included, and no PYTEST_XDIST_WORKER.)
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=celery_broker_url(REDIS_URL))
CELERY_BROKER_VHOST = _redis_db(REDIS_URL)
