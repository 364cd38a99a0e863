"""Pytest fixtures for the fakes; import the ones a test module needs (``from fakes.fixtures import …``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fakes.openai import FakeOpenAI
from fakes.tavily import FakeTavily

TAVILY_KEY = "tvly-test-key"
OPENAI_KEY = "sk-test-key"


@pytest.fixture
def fake_tavily() -> Iterator[FakeTavily]:
    """A fake Tavily on the default corpus, accepting ``TAVILY_KEY``."""
    with FakeTavily(api_key=TAVILY_KEY) as server:
        yield server


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    """A fake OpenAI-compatible server accepting ``OPENAI_KEY``."""
    with FakeOpenAI(api_key=OPENAI_KEY) as server:
        yield server
