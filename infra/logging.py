"""Structured logging: JSON lines in production, readable console in development.

Every line carries the request id (HTTP) or task id (Celery) bound in structlog's context variables.
Credentials never reach a log line: query parameters that carry one and raw API keys are redacted in
every line, ours and uvicorn's access log alike (a backstop: keys are never meant to be in URLs).
"""

from __future__ import annotations

import re
from typing import Any

import structlog

REDACTED = "[redacted]"
# Query parameters that carry a credential (?api_key=…, &ticket=…), in raw or percent-encoded URLs.
SECRET_PARAMETER = re.compile(r"(?i)\b(api_key|auth_key|ticket|token|hcaptcha_token|password)=[^&\s\"'#]+")
RAW_API_KEY = re.compile(r"\b(pmf_[0-9a-f]{8}_)[A-Za-z0-9_-]+")


def redact(text: str) -> str:
    """``text`` with credential query values and raw API key secrets replaced by ``[redacted]``."""
    text = SECRET_PARAMETER.sub(lambda match: f"{match.group(1)}={REDACTED}", text)
    return RAW_API_KEY.sub(lambda match: f"{match.group(1)}{REDACTED}", text)


def redact_secrets(logger: Any, method_name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """structlog processor: redact every string value of the event (``event`` included)."""
    return {key: redact(value) if isinstance(value, str) else value for key, value in event_dict.items()}


SHARED_PROCESSORS: list[Any] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def configure_structlog() -> None:
    """Route structlog through stdlib logging so Django, Celery and our code share one format."""
    structlog.configure(
        processors=[
            *SHARED_PROCESSORS,
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def logging_config(level: str, fmt: str) -> dict[str, Any]:
    """A ``LOGGING`` dict for Django; ``fmt`` is ``json`` or ``console``."""
    configure_structlog()
    renderer: Any = (
        structlog.dev.ConsoleRenderer(colors=False)
        if fmt == "console"
        else structlog.processors.JSONRenderer()
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": {
                "()": structlog.stdlib.ProcessorFormatter,
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    redact_secrets,
                    renderer,
                ],
                "foreign_pre_chain": SHARED_PROCESSORS,
            }
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # uvicorn's lines (HTTP access log when enabled, websocket handshakes always) go through our
            # formatter, so through the redaction.
            "uvicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "django.server": {"level": "WARNING"},
            "httpx": {"level": "WARNING"},
            "pymongo": {"level": "WARNING"},
        },
    }
