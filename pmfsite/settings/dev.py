"""Local development: `make run`."""

from infra.logging import logging_config
from pmfsite.settings.base import *  # noqa: F403
from pmfsite.settings.base import LOG_LEVEL, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
LOGGING = logging_config(LOG_LEVEL, env.str("LOG_FORMAT", default="console"))
