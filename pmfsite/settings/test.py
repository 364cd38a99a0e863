"""Test suite: its own engines (started by `make test`), fast hashing, no external calls."""

from pmfsite.settings.base import *  # noqa: F403
from pmfsite.settings.base import env, redis_settings

MONGODB_DB = env.str("MONGODB_DB", default="pmf_test")
REDIS_KEY_PREFIX = env.str("REDIS_KEY_PREFIX", default="pmftest")
# base.py keyed these by its own default prefix; the test process and its workers/servers must share keys.
CACHES, CHANNEL_LAYERS = redis_settings(REDIS_URL, REDIS_KEY_PREFIX)  # noqa: F405
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
