"""TavilySearchProvider against the fake Tavily through the real tavily-python client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agents.providers.base import ProviderError
from agents.providers.retry import Backoff
from agents.providers.tavily import TavilySearchProvider, extract_credits
from fakes.server import FakeServer, Reply
from fakes.tavily import FakeTavily

TAVILY_KEY = "tvly-alice"
MARKET_URL = "https://harrowgate-research.example/reports/meal-planning-apps-2024-2030"


@pytest.fixture
def fake_tavily() -> Iterator[FakeTavily]:
    """A fake Tavily on the sample corpus."""
    with FakeTavily(api_key=TAVILY_KEY) as server:
        yield server


@pytest.fixture
def slept() -> list[float]:
    """The backoff sleeps a provider asked for (nobody actually waits)."""
    return []


@pytest.fixture
def provider(fake_tavily: FakeTavily, slept: list[float]) -> TavilySearchProvider:
    return TavilySearchProvider(
        TAVILY_KEY, base_url=fake_tavily.url, timeout=5, backoff=Backoff(sleep=slept.append)
    )


def test_search_sends_exactly_the_depth_parameters(
    provider: TavilySearchProvider, fake_tavily: FakeTavily
) -> None:
    # when the provider searches
    response = provider.search("meal planning app market size", search_depth="advanced", max_results=20)

    # then one request carried exactly query, search_depth, max_results and include_usage with the key
    (request,) = fake_tavily.requests("/search")
    assert request.body == {
        "query": "meal planning app market size",
        "search_depth": "advanced",
        "max_results": 20,
        "include_usage": True,
    }
    assert request.header("authorization") == f"Bearer {TAVILY_KEY}"
    # and the hits mirror the answer, with the credits it reported
    assert [hit.url for hit in response.hits] == [result["url"] for result in request.answer["results"]]
    assert response.hits[0].url == MARKET_URL
    assert response.hits[0].content == request.answer["results"][0]["content"]
    assert response.credits == 2.0
    assert response.query == "meal planning app market size"


def test_extract_sends_urls_and_depth_and_reports_failures(
    provider: TavilySearchProvider,
    fake_tavily: FakeTavily,
) -> None:
    response = provider.extract([MARKET_URL, "https://gone.example/page"], extract_depth="basic")

    (request,) = fake_tavily.requests("/extract")
    assert request.body == {
        "urls": [MARKET_URL, "https://gone.example/page"],
        "extract_depth": "basic",
        "include_usage": True,
        "timeout": 5,
    }
    assert [page.url for page in response.pages] == [MARKET_URL]
    assert "$2.8 billion in 2024" in response.pages[0].raw_content
    assert response.failed == [("https://gone.example/page", "Failed to fetch url")]
    assert response.credits == 1.0


def test_credits_come_from_the_price_table_when_usage_is_missing(slept: list[float]) -> None:
    # given a Tavily-like server that never reports usage
    results = {"results": [{"url": f"https://a.example/{n}", "raw_content": "text"} for n in range(6)]}
    routes = {
        ("POST", "/search"): lambda request: Reply(200, {"query": "q", "results": []}),
        ("POST", "/extract"): lambda request: Reply(200, {**results, "failed_results": []}),
    }
    with FakeServer(routes) as server:
        provider = TavilySearchProvider(TAVILY_KEY, base_url=server.url, backoff=Backoff(sleep=slept.append))

        # when it searches and extracts six URLs at advanced depth
        search = provider.search("q", search_depth="advanced", max_results=5)
        extract = provider.extract([f"https://a.example/{n}" for n in range(6)], extract_depth="advanced")

    # then credits are 2 (advanced search) and 4 (two started blocks of five at 2 each)
    assert (search.credits, extract.credits) == (2.0, 4.0)
    assert (extract_credits("basic", 5), extract_credits("basic", 0)) == (1.0, 0.0)


def test_429_with_retry_after_is_retried_after_that_many_seconds(
    provider: TavilySearchProvider,
    fake_tavily: FakeTavily,
    slept: list[float],
) -> None:
    fake_tavily.script("/search", FakeTavily.rate_limited(retry_after=1))

    response = provider.search("meal planning", search_depth="basic", max_results=5)

    assert [request.status for request in fake_tavily.requests()] == [429, 200]
    assert slept == [1.0]
    assert response.hits


def test_retry_after_is_capped(
    provider: TavilySearchProvider, fake_tavily: FakeTavily, slept: list[float]
) -> None:
    fake_tavily.script("/extract", FakeTavily.rate_limited(retry_after=3600))

    provider.extract([MARKET_URL], extract_depth="basic")

    assert slept == [30.0]


def test_5xx_burst_then_success_backs_off_exponentially(
    provider: TavilySearchProvider,
    fake_tavily: FakeTavily,
    slept: list[float],
) -> None:
    fake_tavily.script(
        "/search", FakeTavily.server_error(500), FakeTavily.server_error(502), FakeTavily.server_error(503)
    )

    response = provider.search("meal planning", search_depth="basic", max_results=5)

    assert [request.status for request in fake_tavily.requests()] == [500, 502, 503, 200]
    assert len(slept) == 3
    for retry, seconds in enumerate(slept):  # 0.5 s doubling, jittered into [half, full]
        assert 0.25 * 2**retry <= seconds <= 0.5 * 2**retry
    assert response.hits


def test_persistent_5xx_gives_up_after_the_retry_budget(
    provider: TavilySearchProvider,
    fake_tavily: FakeTavily,
) -> None:
    fake_tavily.script("/search", FakeTavily.server_error(503), repeat=10)

    with pytest.raises(ProviderError) as failure:
        provider.search("meal planning", search_depth="basic", max_results=5)

    assert str(failure.value) == "Tavily search failed after 4 attempts: server error (503)."
    assert failure.value.retryable is True
    assert failure.value.provider == "tavily"
    assert len(fake_tavily.requests()) == 4


def test_wrong_key_fails_fast_with_one_request(fake_tavily: FakeTavily, slept: list[float]) -> None:
    provider = TavilySearchProvider(
        "tvly-revoked", base_url=fake_tavily.url, backoff=Backoff(sleep=slept.append)
    )

    with pytest.raises(ProviderError) as failure:
        provider.search("meal planning", search_depth="basic", max_results=5)

    assert str(failure.value) == (
        "Tavily rejected the API key (401): Unauthorized: missing or invalid API key. Check TAVILY_API_KEY."
    )
    assert failure.value.retryable is False
    assert len(fake_tavily.requests()) == 1
    assert slept == []


BAD_REQUEST = "Tavily rejected the search request as invalid (400): Query is too long."
FORBIDDEN = "Tavily refused the search (403 forbidden): Plan does not allow this."


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (Reply(400, {"detail": {"error": "Query is too long."}}), BAD_REQUEST),
        (Reply(403, {"detail": {"error": "Plan does not allow this."}}), FORBIDDEN),
    ],
)
def test_400_and_403_are_not_retried(
    provider: TavilySearchProvider,
    fake_tavily: FakeTavily,
    reply: Reply,
    message: str,
) -> None:
    fake_tavily.script("/search", reply)

    with pytest.raises(ProviderError) as failure:
        provider.search("meal planning", search_depth="basic", max_results=5)

    assert str(failure.value) == message

    assert len(fake_tavily.requests()) == 1


def test_timeout_is_retried_then_succeeds(fake_tavily: FakeTavily, slept: list[float]) -> None:
    # given a provider with a short timeout and an answer that comes too late once
    provider = TavilySearchProvider(
        TAVILY_KEY, base_url=fake_tavily.url, timeout=0.3, backoff=Backoff(sleep=slept.append)
    )
    fake_tavily.script("/extract", FakeTavily.timeout(3))

    # when it extracts
    response = provider.extract([MARKET_URL], extract_depth="advanced")

    # then the second attempt answered
    assert len(fake_tavily.requests("/extract")) == 2
    assert [page.url for page in response.pages] == [MARKET_URL]
    assert len(slept) == 1


def test_timeouts_exhaust_the_budget_with_a_clear_message(
    fake_tavily: FakeTavily, slept: list[float]
) -> None:
    provider = TavilySearchProvider(
        TAVILY_KEY, base_url=fake_tavily.url, timeout=0.2, max_retries=1, backoff=Backoff(sleep=slept.append)
    )
    fake_tavily.script("/search", FakeTavily.timeout(3), repeat=2)

    with pytest.raises(
        ProviderError, match=r"^Tavily search failed after 2 attempts: no answer within 0.2s\.$"
    ):
        provider.search("meal planning", search_depth="basic", max_results=5)


def test_unreadable_answer_is_retried(
    provider: TavilySearchProvider, fake_tavily: FakeTavily, slept: list[float]
) -> None:
    fake_tavily.script("/search", FakeTavily.invalid_json())

    response = provider.search("meal planning", search_depth="basic", max_results=5)

    assert [request.scripted for request in fake_tavily.requests()] == [True, False]
    assert response.hits
    assert len(slept) == 1


def test_unreachable_server_is_retried_then_reported(slept: list[float]) -> None:
    with FakeServer({}) as server:
        url = server.url
    provider = TavilySearchProvider(
        TAVILY_KEY, base_url=url, max_retries=2, backoff=Backoff(sleep=slept.append)
    )

    with pytest.raises(ProviderError, match=r"after 3 attempts: connection failed"):
        provider.search("meal planning", search_depth="basic", max_results=5)
    assert len(slept) == 2


def test_a_key_is_required() -> None:
    with pytest.raises(ProviderError, match="Tavily needs an API key"):
        TavilySearchProvider("")


def test_backoff_prefers_retry_after_and_otherwise_doubles() -> None:
    backoff = Backoff(base_seconds=0.5, max_seconds=4, random=lambda: 1.0)

    assert [backoff.delay(n) for n in range(5)] == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert backoff.delay(3, retry_after=0) == 0.0
    assert backoff.delay(0, retry_after=2.5) == 2.5
    assert Backoff(random=lambda: 0.0).delay(1) == 0.5
