"""Error reporting through sentry-sdk: off unless ``SENTRY_DSN`` is set.

Django (unhandled view errors), Celery (task failures) and LangChain (model calls as breadcrumbs and
spans) are integrated; error-level log lines become events through the SDK's logging integration.
"""

from __future__ import annotations

FLUSH_TIMEOUT_SECONDS = 2.0


def sentry_init(*, dsn: str, environment: str, release: str = "", traces_sample_rate: float = 0.0) -> bool:
    """Start the SDK when ``dsn`` is set; True if it is now reporting."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.langchain import LangchainIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        traces_sample_rate=traces_sample_rate,
        # no user names, addresses, cookies or credentials leave the product (the SDK's scrubber)
        send_default_pii=False,
        shutdown_timeout=FLUSH_TIMEOUT_SECONDS,
        integrations=[DjangoIntegration(), CeleryIntegration(), LangchainIntegration(include_prompts=False)],
    )
    return True
