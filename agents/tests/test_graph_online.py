"""Acceptance 2 and 3: the graph with the real Tavily and OpenAI clients against the local fakes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import combinations

import pytest

from agents.analysts.idea import parse_idea
from agents.config import AgentConfig
from agents.errors import ResearchFailed
from agents.providers.openai_llm import OpenAILLMProvider
from agents.providers.retry import Backoff
from agents.providers.tavily import TavilySearchProvider
from agents.report import render_markdown
from agents.run import ResearchOutcome, run_in_memory
from agents.tests.helpers import KEYS, MEAL_IDEA, Recorder, assert_valid_order, budget
from catalogue.depths import DEPTHS
from fakes.openai import COMPLETIONS, FakeOpenAI
from fakes.server import Reply, Request
from fakes.tavily import FakeTavily

TAVILY_KEY = "tvly-alice"
OPENAI_KEY = "sk-alice"
LATENCY = 0.5  # long enough that parallel calls overlap unambiguously in the log


@pytest.fixture
def tavily() -> Iterator[FakeTavily]:
    with FakeTavily(api_key=TAVILY_KEY) as server:
        server.set_latency("/search", LATENCY)
        server.set_latency("/extract", LATENCY)
        yield server


@pytest.fixture
def llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=OPENAI_KEY) as server:
        yield server


@pytest.fixture
def slept() -> list[float]:
    """Backoff sleeps the Tavily provider asked for (nobody waits)."""
    return []


def research(
    tavily: FakeTavily,
    llm: FakeOpenAI,
    depth: str,
    slept: list[float],
    tavily_key: str = TAVILY_KEY,
    timeout: float = 10,
) -> tuple[ResearchOutcome, Recorder]:
    """One research through the graph with the online providers pointed at the fakes."""
    search = TavilySearchProvider(
        tavily_key, base_url=tavily.url, timeout=timeout, backoff=Backoff(sleep=slept.append)
    )
    model = OpenAILLMProvider(OPENAI_KEY, base_url=llm.url + "/v1", timeout=10)
    recorder = Recorder()
    config = AgentConfig(search=search, llm=model, cache_dir=None)
    outcome = run_in_memory(
        product_idea=MEAL_IDEA, budget=budget(depth), config=config, on_checkpoint=recorder
    )
    return outcome, recorder


def overlap(requests: list[Request]) -> bool:
    """Whether every pair of requests was in flight at the same time."""
    return all(a.started < b.ended and b.started < a.ended for a, b in combinations(requests, 2))


def for_agent(role: str) -> Callable[[Request], bool]:
    """A script condition matching the LLM requests of one analyst (by its system prompt)."""
    marker = {
        "market": "market analyst",
        "competitor": "competitive intelligence",
        "customer": "customer research",
    }

    def matches(request: Request) -> bool:
        return marker[role] in request.body["messages"][0]["content"]

    return matches


@pytest.mark.parametrize("depth", list(DEPTHS))
def test_three_parallel_searches_and_extracts_with_the_depth_parameters(
    tavily: FakeTavily, llm: FakeOpenAI, slept: list[float], depth: str
) -> None:
    # given the fakes answering after a fixed latency
    settings = DEPTHS[depth]
    llm.set_latency(COMPLETIONS, 3 * LATENCY)  # a role's parts in flight together, even on a loaded machine

    # when a research runs at this depth
    outcome, recorder = research(tavily, llm, depth, slept)

    # then exactly three searches went out with the depth's parameters and nothing else
    searches, extracts = tavily.requests("/search"), tavily.requests("/extract")
    assert len(searches) == 3
    for request in searches:
        assert set(request.body) == {"query", "search_depth", "max_results", "include_usage"}
        assert (request.body["search_depth"], request.body["max_results"]) == (settings.search_depth, 20)
        assert request.status == 200
    # and exactly three extracts of the depth's URL count, each URL one of that agent's search results
    assert len(extracts) == 3
    found = [result["url"] for request in searches for result in request.answer["results"]]
    for request in extracts:
        assert request.body["extract_depth"] == settings.extract_depth
        assert len(request.body["urls"]) == settings.urls_per_agent
        assert set(request.body["urls"]) <= set(found)
    # and the three agents' calls were in flight at the same time
    assert overlap(searches)
    assert overlap(extracts)
    # and the research completed, paying exactly the depth's credits, with tokens per node recorded
    report = outcome.report
    assert report.methodology.cost.tavily_credits == settings.credits
    assert report.methodology.providers.search == "tavily"
    assert report.methodology.providers.llm == "openai"
    assert set(report.methodology.cost.tokens) == {
        "supervisor", "market_agent", "competitor_agent", "customer_agent", "report_writer",
    }  # fmt: skip
    assert all(tokens > 0 for tokens in report.methodology.cost.tokens.values())
    # one supervisor call, then each analyst and the writer in parts asked in parallel (3+2+4+2)
    assert len(llm.requests(COMPLETIONS)) == 12
    for role in ("market", "competitor", "customer"):
        assert overlap([request for request in llm.requests() if for_agent(role)(request)])
    extracted = {url for request in extracts for url in request.body["urls"]}
    assert {citation.url for citation in report.citations} <= extracted
    # and the fake model's verbatim quotes all verify against the extracted text
    grounding = report.methodology.grounding
    assert grounding.verified == grounding.cited == grounding.claims > 0
    assert grounding.dropped == 0
    assert sorted(recorder.keys) == sorted(KEYS)
    assert_valid_order(recorder.keys)
    assert slept == []


def test_tavily_429_with_retry_after_then_success_completes(
    tavily: FakeTavily, llm: FakeOpenAI, slept: list[float]
) -> None:
    # given Tavily rate-limits the first search with retry-after: 1
    tavily.script("/search", FakeTavily.rate_limited(retry_after=1))

    # when a research runs
    outcome, _ = research(tavily, llm, "essential", slept)

    # then the rejected search was retried after the requested second and the research completed
    assert [request.status for request in tavily.requests("/search")].count(429) == 1
    assert len(tavily.requests("/search")) == 4
    assert slept == [1.0]
    assert outcome.report.methodology.cost.tavily_credits == DEPTHS["essential"].credits


def test_tavily_timeout_is_retried_and_the_research_completes(
    tavily: FakeTavily, llm: FakeOpenAI, slept: list[float]
) -> None:
    # given one extract answers only after the provider's 1.5 s timeout
    tavily.script("/extract", FakeTavily.timeout(5))

    # when a research runs
    outcome, _ = research(tavily, llm, "essential", slept, timeout=1.5)

    # then that extract was sent again and the research completed at the normal price
    extracts = tavily.requests("/extract")
    assert [request.scripted for request in extracts].count(True) == 1
    assert len(extracts) == 4
    assert len(slept) == 1
    assert outcome.report.methodology.cost.tavily_credits == DEPTHS["essential"].credits


def test_tavily_401_fails_fast_with_a_clear_message(
    tavily: FakeTavily, llm: FakeOpenAI, slept: list[float]
) -> None:
    # when a research runs with a key Tavily rejects
    with pytest.raises(ResearchFailed) as failure:
        research(tavily, llm, "standard", slept, tavily_key="tvly-revoked")

    # then it failed with the provider's message, without retrying or extracting anything
    assert str(failure.value) == (
        "Tavily rejected the API key (401): Unauthorized: missing or invalid API key. Check TAVILY_API_KEY."
    )
    searches = tavily.requests("/search")
    assert 1 <= len(searches) <= 3  # parallel agents may each have sent their one search
    assert {request.status for request in searches} == {401}
    assert tavily.requests("/extract") == []
    assert slept == []


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("invalid_json", "the answer was not valid JSON for the schema (1 errors)"),
        ("length", "the answer was cut off at the token limit (finish_reason=length)"),
    ],
)
def test_llm_bad_answers_are_retried_once_then_fail_clearly(
    tavily: FakeTavily, llm: FakeOpenAI, slept: list[float], fault: str, reason: str
) -> None:
    # given the market analyst's model keeps answering badly
    llm.script(COMPLETIONS, getattr(llm, fault)(), repeat=10, when=for_agent("market"))

    # when a research runs
    with pytest.raises(ResearchFailed) as failure:
        research(tavily, llm, "essential", slept)

    # then each part of the market answer was asked exactly twice and the failure says why
    assert str(failure.value) == (
        "The language model (gpt-4o-mini) gave no usable MarketFindings for the market step "
        f"after 2 attempts: {reason}."
    )
    assert len([request for request in llm.requests() if for_agent("market")(request)]) == 3 * 2


def test_llm_bad_answer_once_then_success_completes(
    tavily: FakeTavily, llm: FakeOpenAI, slept: list[float]
) -> None:
    llm.script(COMPLETIONS, llm.invalid_json(), when=for_agent("customer"))

    outcome, _ = research(tavily, llm, "essential", slept)

    customer_calls = [request for request in llm.requests() if for_agent("customer")(request)]
    assert sorted(request.scripted for request in customer_calls) == [False] * 4 + [True]  # 4 parts, 1 retry
    assert outcome.report.customer_insights.pain_points


def test_citation_of_an_unretrieved_source_is_dropped_and_counted(
    tavily: FakeTavily, llm: FakeOpenAI, slept: list[float]
) -> None:
    # given the market model cites a source that was never retrieved
    def invent_citation(request: Request) -> Reply:
        reply = llm.complete(request)
        findings = json.loads(reply.body["choices"][0]["message"]["content"])
        findings["market_size"][0]["source_ids"] = ["M99"]
        reply.body["choices"][0]["message"]["content"] = json.dumps(findings)
        return reply

    def sizes_part(request: Request) -> bool:
        return (
            for_agent("market")(request)
            and "covers only: market_size" in request.body["messages"][0]["content"]
        )

    llm.script(COMPLETIONS, invent_citation, when=sizes_part)

    # when a research runs
    outcome, _ = research(tavily, llm, "essential", slept)

    # then that citation is dropped and counted, and no citation points outside the retrieved sources
    report = outcome.report
    assert report.methodology.grounding.dropped == 1
    extracted = {url for request in tavily.requests("/extract") for url in request.body["urls"]}
    assert {citation.url for citation in report.citations} <= extracted


def test_a_model_query_without_the_ideas_terms_or_too_long_is_replaced_and_counted(
    tavily: FakeTavily, llm: FakeOpenAI, slept: list[float]
) -> None:
    # given the supervisor model writes a market query about something else and a runaway competitor query
    def bad_queries(request: Request) -> Reply:
        reply = llm.complete(request)
        plan = json.loads(reply.body["choices"][0]["message"]["content"])
        plan["queries"]["market"] = "enterprise software solutions market size"
        plan["queries"]["competitor"] = "meal " * 200
        reply.body["choices"][0]["message"]["content"] = json.dumps(plan)
        return reply

    llm.script(COMPLETIONS, bad_queries, when=lambda r: "lead analyst" in r.body["messages"][0]["content"])

    # when a research runs
    outcome, _ = research(tavily, llm, "essential", slept)

    # then those two agents searched with the queries derived from the idea, the third with the model's
    fallback = parse_idea(MEAL_IDEA).queries
    method = outcome.report.methodology
    assert (method.queries.market, method.queries.competitor) == (fallback.market, fallback.competitor)
    assert method.queries.customer != fallback.customer
    searched = {request.body["query"] for request in tavily.requests("/search")}
    assert searched == {method.queries.market, method.queries.competitor, method.queries.customer}
    # and the methodology counts the replaced queries, and the Markdown says so
    assert method.queries_replaced == 2
    assert "2 of the planner's queries replaced" in render_markdown(outcome.report)
