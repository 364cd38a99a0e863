"""Settings shared by every environment; everything comes from the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

# URLs of the embedded engines (written by `make services`) fill only variables that are unset.
VAR_DIR = Path(env.str("PMF_VAR_DIR", default=str(BASE_DIR / "var")))  # local state: engines, demo key
SERVICES_FILE = Path(env.str("PMF_SERVICES_FILE", default=str(VAR_DIR / "services.env")))
if SERVICES_FILE.exists():
    environ.Env.read_env(SERVICES_FILE, overwrite=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-insecure-secret-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_results",
    "credits",
    "research",
    "agents",
]

MIDDLEWARE = [
    "infra.middleware.RequestIdMiddleware",
    "infra.security.SecurityHeadersMiddleware",
    "infra.security.CorsMiddleware",
    "infra.ratelimit.RateLimitMiddleware",
    "infra.parsers.BodySizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "pmfsite.urls"
ASGI_APPLICATION = "pmfsite.asgi.application"
WSGI_APPLICATION = "pmfsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# ---------------------------------------------------------------- stores
DATABASES = {"default": env.db_url("DATABASE_URL")}
# libpq URIs name a unix-socket directory as a percent-encoded host; django-environ leaves it encoded.
DATABASES["default"]["HOST"] = unquote(DATABASES["default"].get("HOST", ""))
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int(
    "DATABASE_CONNECT_TIMEOUT", default=5
)
# Under ASGI every request runs its sync code in a thread of its own, so per-thread persistent
# connections pile up until PostgreSQL refuses clients; the web process (pmfsite.asgi) pools instead.
if env.bool("DATABASE_POOL", default=False):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"]["pool"] = {
        "min_size": 2, "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=16), "timeout": 10,
    }  # fmt: skip
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

MONGODB_URI = env.str("MONGODB_URI")
MONGODB_DB = env.str("MONGODB_DB", default="pmf")
MONGODB_TIMEOUT_MS = env.int("MONGODB_TIMEOUT_MS", default=5000)

REDIS_URL = env.str("REDIS_URL")
REDIS_KEY_PREFIX = env.str("REDIS_KEY_PREFIX", default="pmf")


def celery_broker_url(redis_url: str) -> str:
    """Kombu names a unix-socket Redis ``redis+socket://``; redis-py and channels-redis say ``unix://``."""
    if redis_url.startswith("unix://"):
        return "redis+socket://" + redis_url.removeprefix("unix://")
    return redis_url


def redis_settings(redis_url: str, prefix: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``CACHES`` and ``CHANNEL_LAYERS`` on one Redis under one key prefix (settings that change the
    prefix, like the test settings, call it again so every process agrees on the keys)."""
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
        }
    }
    channel_layers = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # channels-redis blocks up to 5 s in BZPOPMIN; redis-py 8 defaults socket_timeout to 5 s, so a
            # quiet channel would time out. Give the read a margin above the block time.
            "CONFIG": {
                "hosts": [{"address": redis_url, "socket_timeout": 15}],
                "prefix": f"{prefix}:asgi",
            },
        }
    }
    return caches, channel_layers


CACHES, CHANNEL_LAYERS = redis_settings(REDIS_URL, REDIS_KEY_PREFIX)

# ---------------------------------------------------------------- celery
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=celery_broker_url(REDIS_URL))
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="pmf")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
CELERY_TASK_ALWAYS_EAGER = False

# ---------------------------------------------------------------- API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "credits.authentication.APIKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "infra.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "infra.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "infra.api_errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PMF Research Assistant API",
    "DESCRIPTION": "Submit product ideas, follow the research and read cited product-market-fit reports.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Every operation documents its error statuses in the one error shape (infra/api_docs.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "infra.api_docs.document_errors",
    ],
    # Swagger UI's files ship with the app (drf-spectacular-sidecar): the docs work without internet.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Named enums in the schema: the web app generates its types from them (contract 5).
    "ENUM_NAME_OVERRIDES": {
        "TaskStatus": "research.states.task_status_values",
        "ReportOutcome": "research.states.report_outcome_values",
    },
}

# ---------------------------------------------------------------- auth, i18n, static
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/?signed_out=1"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
FRONTEND_DIST = BASE_DIR / "frontend" / "dist"
STATICFILES_DIRS = [FRONTEND_DIST] if FRONTEND_DIST.exists() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# ---------------------------------------------------------------- product
DEMO_USERNAME = env.str("DEMO_USERNAME", default="demo")
DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="demo-password")
HEALTH_REQUIRED = env.list("HEALTH_REQUIRED", default=["postgres", "mongodb", "redis", "celery"])
HEALTH_TIMEOUT_SECONDS = env.float("HEALTH_TIMEOUT_SECONDS", default=2.0)
CREDITS_MONTHLY_LIMIT = env.int("CREDITS_MONTHLY_LIMIT", default=1000)  # credits granted each month

SEARCH_PROVIDER = env.str("SEARCH_PROVIDER", default="")  # "", "tavily" or "local"; "" = tavily if key
TAVILY_API_KEY = env.str("TAVILY_API_KEY", default="")
TAVILY_API_BASE_URL = env.str("TAVILY_API_BASE_URL", default="")
OPENAI_API_KEY = env.str("OPENAI_API_KEY", default="")
OPENAI_BASE_URL = env.str("OPENAI_BASE_URL", default="")
OPENAI_MODEL = env.str("OPENAI_MODEL", default="gpt-4o-mini")
# Per-role overrides (empty = OPENAI_MODEL).
OPENAI_MODEL_SUPERVISOR = env.str("OPENAI_MODEL_SUPERVISOR", default="")
OPENAI_MODEL_MARKET = env.str("OPENAI_MODEL_MARKET", default="")
OPENAI_MODEL_COMPETITOR = env.str("OPENAI_MODEL_COMPETITOR", default="")
OPENAI_MODEL_CUSTOMER = env.str("OPENAI_MODEL_CUSTOMER", default="")
OPENAI_MODEL_REPORT = env.str("OPENAI_MODEL_REPORT", default="")
# auto (json_schema, else tool calling, else json_object, detected per endpoint) or one of them pinned
OPENAI_STRUCTURED_OUTPUT = env.str("OPENAI_STRUCTURED_OUTPUT", default="auto")
OPENAI_MAX_TOKENS = env.int("OPENAI_MAX_TOKENS", default=0)  # completion cap per call; 0 = the server's
# Caps the depth's passage budget per agent for models with a small context window; 0 = no cap
OPENAI_PASSAGE_TOKENS = env.int("OPENAI_PASSAGE_TOKENS", default=0)
# maxLength on every string asked of the model, for local servers whose grammar enforces it (llama.cpp,
# vLLM) so a small model cannot ramble to the token limit; OpenAI's strict mode refuses it; 0 = none
OPENAI_MAX_STRING_CHARS = env.int("OPENAI_MAX_STRING_CHARS", default=0)
# Cap on every list asked of the model (each list's maxItems), for small models; 0 = by depth (2 to 5)
OPENAI_MAX_LIST_ITEMS = env.int("OPENAI_MAX_LIST_ITEMS", default=0)
# Ask each analysis in one answer instead of parallel parts: a local server that computes on the CPU
# reads the whole prompt again for every part, while parts only shorten the wait on a hosted model
OPENAI_WHOLE_ANSWERS = env.bool("OPENAI_WHOLE_ANSWERS", default=False)
PROVIDER_TIMEOUT_SECONDS = env.float("PROVIDER_TIMEOUT_SECONDS", default=60.0)
PROVIDER_MAX_RETRIES = env.int("PROVIDER_MAX_RETRIES", default=3)
CORPUS_DIR = Path(env.str("CORPUS_DIR", default=str(BASE_DIR / "agents" / "corpus")))
# Sources fetched by online runs, kept in MongoDB (shared by every worker) for later offline runs.
SOURCE_CACHE_ENABLED = env.bool("SOURCE_CACHE_ENABLED", default=True)
SOURCE_CACHE_TTL_DAYS = env.float("SOURCE_CACHE_TTL_DAYS", default=30.0)

# Research execution (see research/execution.py).
RESEARCH_HARD_LIMIT_FACTOR = env.float("RESEARCH_HARD_LIMIT_FACTOR", default=5.0)  # x the depth's target time
RESEARCH_LEASE_SECONDS = env.int("RESEARCH_LEASE_SECONDS", default=30)
RESEARCH_REQUEUE_AFTER_SECONDS = env.int("RESEARCH_REQUEUE_AFTER_SECONDS", default=20)
RESEARCH_QUEUED_STALE_SECONDS = env.int("RESEARCH_QUEUED_STALE_SECONDS", default=600)
RESEARCH_REAPER_INTERVAL_SECONDS = env.float("RESEARCH_REAPER_INTERVAL_SECONDS", default=10.0)
# Submissions and refunds interrupted by an outage are finished by the reaper once this old.
RESEARCH_SETTLE_AFTER_SECONDS = env.float("RESEARCH_SETTLE_AFTER_SECONDS", default=60.0)
# The reaper also reconciles credits with tasks (research.audit) this often, and records a metric.
CREDITS_AUDIT_INTERVAL_SECONDS = env.float("CREDITS_AUDIT_INTERVAL_SECONDS", default=300.0)

# ---------------------------------------------------------------- abuse protection
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])  # IPs/CIDRs whose X-Forwarded-For is believed
RATE_LIMITS_ENABLED = env.bool("RATE_LIMITS_ENABLED", default=True)
# Seconds a process reuses a resolved API key; revokes reach every process at once (credits/keys.py).
API_KEY_CACHE_SECONDS = env.float("API_KEY_CACHE_SECONDS", default=30.0)
RATE_LIMIT_API_PER_SECOND = env.float("RATE_LIMIT_API_PER_SECOND", default=10.0)
RATE_LIMIT_API_BURST = env.int("RATE_LIMIT_API_BURST", default=20)
RATE_LIMIT_SUBMIT_PER_SECOND = env.float("RATE_LIMIT_SUBMIT_PER_SECOND", default=2.0)
RATE_LIMIT_SUBMIT_BURST = env.int("RATE_LIMIT_SUBMIT_BURST", default=5)
SIGNIN_MAX_FAILURES_PER_ACCOUNT = env.int("SIGNIN_MAX_FAILURES_PER_ACCOUNT", default=5)
SIGNIN_MAX_FAILURES_PER_IP = env.int("SIGNIN_MAX_FAILURES_PER_IP", default=20)
SIGNIN_CAPTCHA_AFTER_FAILURES = env.int("SIGNIN_CAPTCHA_AFTER_FAILURES", default=10)  # per account, any IP
SIGNIN_WINDOW_SECONDS = env.int("SIGNIN_WINDOW_SECONDS", default=300)
HCAPTCHA_SECRET = env.str("HCAPTCHA_SECRET", default="")  # empty = captcha not required
HCAPTCHA_SITE_KEY = env.str("HCAPTCHA_SITE_KEY", default="")
HCAPTCHA_VERIFY_URL = env.str("HCAPTCHA_VERIFY_URL", default="https://api.hcaptcha.com/siteverify")
HCAPTCHA_TIMEOUT_SECONDS = env.float("HCAPTCHA_TIMEOUT_SECONDS", default=3.0)
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=1024 * 1024)  # larger API bodies: 413
JSON_MAX_DEPTH = env.int("JSON_MAX_DEPTH", default=20)  # deeper JSON bodies: 400
WEBSOCKET_TICKET_TTL_SECONDS = env.int("WEBSOCKET_TICKET_TTL_SECONDS", default=30)
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])

LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOG_FORMAT = env.str("LOG_FORMAT", default="json")  # "json" or "console"

from infra.logging import logging_config  # noqa: E402

LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT)

# ---------------------------------------------------------------- error reporting (off without a DSN)
SENTRY_DSN = env.str("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default="production")
SENTRY_RELEASE = env.str("SENTRY_RELEASE", default="")
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)

from infra.sentry import sentry_init  # noqa: E402

sentry_init(
    dsn=SENTRY_DSN, environment=SENTRY_ENVIRONMENT, release=SENTRY_RELEASE,
    traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
)  # fmt: skip
