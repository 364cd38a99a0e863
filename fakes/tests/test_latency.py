"""Latency presets for benchmarks, and running the fakes as a process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import requests
from tavily import TavilyClient

from fakes.latency import REALISTIC, Latencies, apply_latencies
from fakes.openai import COMPLETIONS, FakeOpenAI
from fakes.tavily import FakeTavily

ROOT = Path(__file__).resolve().parents[2]


def test_presets_follow_providers_md() -> None:
    assert REALISTIC.tavily_seconds("basic", "basic") == 3.5
    assert REALISTIC.tavily_seconds("advanced", "advanced") == 9.0
    assert REALISTIC.llm_seconds(120) == 2.6


def test_applied_latencies_depend_on_depth_and_output_tokens() -> None:
    # given small latencies: basic search 0.05 s, advanced 0.3 s, LLM 0.05 s + tokens at 10,000/s
    latencies = Latencies(0.05, 0.3, 0.05, 0.3, 0.05, 10_000)
    with FakeTavily(api_key="k") as tavily, FakeOpenAI(api_key="k") as llm:
        apply_latencies(latencies, tavily=tavily, openai=llm)
        client = TavilyClient(api_key="k", api_base_url=tavily.url)

        # when a basic and an advanced search and a completion are made
        client.search("meal planning", search_depth="basic")
        client.search("meal planning", search_depth="advanced")
        body: dict[str, Any] = {
            "model": "m",
            "messages": [{"role": "user", "content": "Plan meals for a family."}],
        }
        requests.post(llm.url + COMPLETIONS, json=body, headers={"authorization": "Bearer k"}, timeout=5)

    # then each answer waited at least its configured latency
    basic, advanced = tavily.requests("/search")
    assert basic.ended - basic.started >= 0.05
    assert advanced.ended - advanced.started >= 0.3
    (completion,) = llm.requests()
    assert completion.ended - completion.started >= latencies.llm_seconds(
        completion.notes["completion_tokens"]
    )


def test_python_m_fakes_serves_until_stopped() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "fakes", "--tavily-key", "tvly-bob"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        settings = dict(process.stdout.readline().strip().split("=", 1) for _ in range(4))
        answer = TavilyClient(api_key="tvly-bob", api_base_url=settings["TAVILY_API_BASE_URL"]).search("meal")
        assert settings["TAVILY_API_KEY"] == "tvly-bob"
        assert settings["OPENAI_BASE_URL"].endswith("/v1")
        assert answer["results"]
    finally:
        process.terminate()
        process.wait(timeout=10)
