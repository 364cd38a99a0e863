"""Latency presets for benchmarks: fixed values from providers.md so a run's critical path is known.

    with FakeTavily() as tavily, FakeOpenAI() as llm:
        apply_latencies(REALISTIC, tavily=tavily, openai=llm)

Tavily latency depends on the request's depth; the LLM's is time to first token plus output tokens
at a steady rate (``Request.notes["completion_tokens"]`` in the log says how many a call produced).
"""

from __future__ import annotations

from dataclasses import dataclass

from fakes.openai import COMPLETIONS, FakeOpenAI
from fakes.tavily import FakeTavily


@dataclass(frozen=True)
class Latencies:
    """Seconds each fake waits before answering."""

    search_basic: float = 1.5  # providers.md: 1-2 s
    search_advanced: float = 3.0  # 2-4 s
    extract_basic: float = 2.0  # 1-3 s
    extract_advanced: float = 6.0  # 3-10 s
    first_token: float = 0.6  # 0.4-1.0 s
    tokens_per_second: float = 60.0  # gpt-4o-mini class

    def tavily_seconds(self, search_depth: str, extract_depth: str) -> float:
        """One agent's Tavily time (a search, then an extract); agents run in parallel."""
        search = self.search_advanced if search_depth == "advanced" else self.search_basic
        extract = self.extract_advanced if extract_depth == "advanced" else self.extract_basic
        return search + extract

    def llm_seconds(self, completion_tokens: int) -> float:
        """One completion's time for ``completion_tokens`` output tokens."""
        return self.first_token + completion_tokens / self.tokens_per_second


REALISTIC = Latencies()
INSTANT = Latencies(0.0, 0.0, 0.0, 0.0, 0.0, float("inf"))


def apply_latencies(
    latencies: Latencies, *, tavily: FakeTavily | None = None, openai: FakeOpenAI | None = None
) -> None:
    """Make the given fakes answer after ``latencies``."""
    if tavily is not None:
        tavily.set_latency(
            "/search", FakeTavily.depth_latency(latencies.search_basic, latencies.search_advanced)
        )
        tavily.set_latency(
            "/extract", FakeTavily.depth_latency(latencies.extract_basic, latencies.extract_advanced)
        )
    if openai is not None:
        openai.set_latency(
            COMPLETIONS, FakeOpenAI.token_latency(latencies.first_token, latencies.tokens_per_second)
        )
