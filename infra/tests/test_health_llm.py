"""GET /health names the structured-output mode of the LLM analyst: pinned, or the one the last research's
worker detected (shared through the cache, Redis)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from agents.runner import remember_structured_output
from infra.health import STRUCTURED_OUTPUT_KEY

pytestmark = pytest.mark.integration


@pytest.fixture
def no_detected_mode() -> Iterator[None]:
    cache.delete(STRUCTURED_OUTPUT_KEY)
    yield
    cache.delete(STRUCTURED_OUTPUT_KEY)


def llm_line(client: Client) -> str:
    response = client.get("/health")
    assert response.status_code == 200, response.content
    return str(response.json()["checks"]["llm_provider"]["message"])


@pytest.mark.django_db
@pytest.mark.usefixtures("no_detected_mode")
def test_health_shows_the_detected_structured_output_mode(client: Client, settings: Any) -> None:
    # given an OpenAI-compatible endpoint with the mode left to detection
    settings.HEALTH_REQUIRED = ["postgres"]
    settings.OPENAI_API_KEY, settings.OPENAI_BASE_URL = "sk-alice", "http://127.0.0.1:9/v1"
    settings.OPENAI_STRUCTURED_OUTPUT = "auto"
    before = llm_line(client)
    # when a worker's research ran in function_calling mode (the runner records it), then in json_schema
    remember_structured_output("function_calling")
    after_first = llm_line(client)
    remember_structured_output("json_schema")
    after_second = llm_line(client)
    # then /health says which mode ran last
    where = "openai-compatible at http://127.0.0.1:9/v1; structured output: "
    assert before == where + "auto, not yet detected"
    assert after_first == where + "auto, last run function_calling"
    assert after_second == where + "auto, last run json_schema"


@pytest.mark.django_db
@pytest.mark.usefixtures("no_detected_mode")
def test_health_shows_a_pinned_structured_output_mode(client: Client, settings: Any) -> None:
    settings.HEALTH_REQUIRED = ["postgres"]
    settings.OPENAI_API_KEY, settings.OPENAI_BASE_URL = "sk-alice", ""
    settings.OPENAI_STRUCTURED_OUTPUT = "json_object"
    remember_structured_output("json_schema")  # a pinned mode wins over what was detected
    assert llm_line(client) == "openai-compatible; structured output: json_object"
