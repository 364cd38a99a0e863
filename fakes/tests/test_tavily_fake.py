"""The fake Tavily answers the real tavily-python client as providers.md describes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from tavily import TavilyClient
from tavily.errors import BadRequestError, InvalidAPIKeyError, UsageLimitExceededError

from fakes.corpus import load_corpus
from fakes.server import Request
from fakes.tavily import FakeTavily

KEY = "tvly-alice"
SIZE_URL = "https://research.example/meal-planning-market"
FORUM_URL = "https://forum.example/threads/family-dinners"
PRICING_URL = "https://menumuse.example/pricing"


def write_corpus(folder: Path) -> Path:
    """Three documents: Markdown with front matter, a text file with header lines, and HTML."""
    (folder / "idea").mkdir()
    (folder / "idea" / "market.md").write_text(
        "---\ntitle: Meal Planning App Market 2025\nurl: " + SIZE_URL + "\npublished: 2025-03-18\n"
        "idea: meals\nkind: market\nsample: true\n---\n"
        "> Sample data: fictional.\n\n# Meal Planning App Market 2025\n\n"
        "The meal planning app market was worth $2.8 billion in 2024. It grows at a CAGR of 13.4%. "
        "Subscriptions are most of the revenue.\n"
    )
    (folder / "idea" / "forum.txt").write_text(
        "Title: Why do apps ignore families?\nURL: " + FORUM_URL + "\n\n"
        "Parents say every app assumes the whole family eats the same food. "
        "Allergies make weekly plans useless. Grocery lists repeat what is in the pantry.\n"
    )
    (folder / "idea" / "pricing.html").write_text(
        f'<html><head><title>MenuMuse pricing</title><link rel="canonical" href="{PRICING_URL}"></head>'
        "<body><p>MenuMuse costs $9.99 per month.</p><p>Family plans cost $14.99 per month.</p></body></html>"
    )
    return folder


@pytest.fixture
def tavily(tmp_path: Path) -> Iterator[FakeTavily]:
    with FakeTavily(api_key=KEY, corpus=write_corpus(tmp_path)) as server:
        yield server


@pytest.fixture
def client(tavily: FakeTavily) -> TavilyClient:
    return TavilyClient(api_key=KEY, api_base_url=tavily.url)


def test_corpus_reads_front_matter_text_headers_and_html(tmp_path: Path) -> None:
    documents = {document.url: document for document in load_corpus(write_corpus(tmp_path))}

    assert set(documents) == {SIZE_URL, FORUM_URL, PRICING_URL}
    assert documents[SIZE_URL].title == "Meal Planning App Market 2025"
    assert documents[SIZE_URL].metadata["kind"] == "market"
    assert documents[FORUM_URL].title == "Why do apps ignore families?"
    assert documents[PRICING_URL].title == "MenuMuse pricing"
    assert "Family plans cost $14.99 per month." in documents[PRICING_URL].body


def test_search_answers_with_the_documented_shape(tavily: FakeTavily, client: TavilyClient) -> None:
    # when the client searches with the parameters the provider sends
    answer = client.search(
        "meal planning market size", search_depth="basic", max_results=2, include_usage=True
    )

    # then the request carried exactly those parameters and a bearer key
    (request,) = tavily.requests("/search")
    assert request.body == {
        "query": "meal planning market size",
        "search_depth": "basic",
        "max_results": 2,
        "include_usage": True,
    }
    assert request.header("authorization") == f"Bearer {KEY}"
    # and the answer has the real API's keys, the best document first, no raw content
    assert set(answer) == {
        "query", "follow_up_questions", "answer", "images", "results", "response_time", "request_id", "usage",
    }  # fmt: skip
    assert answer["usage"] == {"credits": 1}
    assert len(answer["results"]) == 2
    best = answer["results"][0]
    assert set(best) == {"title", "url", "content", "score", "raw_content"}
    assert (best["url"], best["title"], best["raw_content"]) == (
        SIZE_URL,
        "Meal Planning App Market 2025",
        None,
    )
    assert "market was worth $2.8 billion" in best["content"]
    assert 0 < answer["results"][1]["score"] < best["score"] <= 1


def test_usage_only_when_asked_and_advanced_costs_two(client: TavilyClient) -> None:
    plain = client.search("families allergies", search_depth="advanced")
    advanced = client.search("families allergies", search_depth="advanced", include_usage=True)

    assert "usage" not in plain
    assert advanced["usage"] == {"credits": 2}
    assert advanced["results"][0]["url"] == FORUM_URL


def test_raw_content_when_asked(client: TavilyClient) -> None:
    answer = client.search("MenuMuse pricing", max_results=1, include_raw_content=True)

    assert answer["results"][0]["url"] == PRICING_URL
    assert answer["results"][0]["raw_content"].startswith("MenuMuse costs $9.99 per month.")


def test_extract_returns_known_pages_and_fails_unknown_urls(tavily: FakeTavily, client: TavilyClient) -> None:
    answer = client.extract(
        [SIZE_URL, FORUM_URL, "https://unknown.example/"], extract_depth="basic", include_usage=True
    )

    assert tavily.requests("/extract")[0].body == {
        "urls": [SIZE_URL, FORUM_URL, "https://unknown.example/"],
        "extract_depth": "basic",
        "timeout": 30,
        "include_usage": True,
    }
    assert [result["url"] for result in answer["results"]] == [SIZE_URL, FORUM_URL]
    assert answer["results"][0]["raw_content"].startswith("> Sample data: fictional.")
    assert answer["results"][0]["images"] == []
    assert answer["failed_results"] == [{"url": "https://unknown.example/", "error": "Failed to fetch url"}]
    assert answer["usage"] == {"credits": 1}


@pytest.mark.parametrize(
    ("depth", "copies", "credits"), [("basic", 5, 1), ("basic", 6, 2), ("advanced", 10, 4)]
)
def test_extract_costs_per_started_block_of_five(
    client: TavilyClient, depth: str, copies: int, credits: int
) -> None:
    answer = client.extract([SIZE_URL] * copies, extract_depth=depth, include_usage=True)

    assert answer["usage"] == {"credits": credits}


def test_wrong_or_missing_key_is_401(tavily: FakeTavily) -> None:
    with pytest.raises(InvalidAPIKeyError, match="invalid API key"):
        TavilyClient(api_key="tvly-mallory", api_base_url=tavily.url).search("meal planning")
    missing = requests.post(tavily.url + "/extract", json={"urls": [SIZE_URL]}, timeout=5)

    assert missing.status_code == 401
    assert missing.json() == {"detail": {"error": "Unauthorized: missing or invalid API key."}}


def test_invalid_parameters_are_400(client: TavilyClient) -> None:
    with pytest.raises(BadRequestError, match="max_results"):
        client.search("meal planning", max_results=21)
    with pytest.raises(BadRequestError, match="search_depth"):
        client.search("meal planning", search_depth="deepest")
    with pytest.raises(BadRequestError, match="at most 20"):
        client.extract([SIZE_URL] * 21)


def test_scripted_429_carries_retry_after(tavily: FakeTavily, client: TavilyClient) -> None:
    tavily.script("/search", FakeTavily.rate_limited(retry_after=2))

    with pytest.raises(UsageLimitExceededError, match="Rate limit exceeded"):
        client.search("meal planning")
    answer = client.search("meal planning")

    assert [request.status for request in tavily.requests()] == [429, 200]
    assert answer["results"]


def test_depth_latency_depends_on_the_request() -> None:
    latency = FakeTavily.depth_latency(basic=1.5, advanced=3.0)

    advanced = Request("POST", "/search", {}, {"search_depth": "advanced"}, 0.0, "t")
    basic = Request("POST", "/extract", {}, {"extract_depth": "basic"}, 0.0, "t")

    assert (latency(advanced), latency(basic)) == (3.0, 1.5)
