"""Research agent node (market, competitor or customer): search, extract the top URLs, analyse."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, Protocol

from langgraph.runtime import Runtime

from agents.analysts.base import Analysis, Analyst
from agents.analysts.sentences import unwrap_lines
from agents.citations import verify_findings
from agents.context import RunContext
from agents.providers.base import ExtractResponse, SearchHit
from agents.state import AgentName, NodeUsage, ProductContext, ResearchState, Source

logger = logging.getLogger(__name__)

ID_PREFIX: dict[AgentName, str] = {"market": "M", "competitor": "C", "customer": "U"}
ANALYSE: dict[AgentName, Callable[[Analyst, ProductContext, list[Source]], Analysis[Any]]] = {
    "market": lambda analyst, context, sources: analyst.analyse_market(context, sources),
    "competitor": lambda analyst, context, sources: analyst.analyse_competitors(context, sources),
    "customer": lambda analyst, context, sources: analyst.analyse_customers(context, sources),
}


def top_urls(hits: list[SearchHit], limit: int) -> list[str]:
    """The first ``limit`` distinct URLs of the hits, best first."""
    return list(dict.fromkeys(hit.url for hit in hits))[:limit]


def to_sources(agent: AgentName, hits: list[SearchHit], urls: list[str], extracted: ExtractResponse,
               context: RunContext) -> list[Source]:  # fmt: skip
    """Sources for the extracted URLs (a failed extraction keeps the search snippet as its text)."""
    pages = {page.url: page for page in extracted.pages}
    by_url = {hit.url: hit for hit in hits}
    is_sample = getattr(context.search, "is_sample", lambda url: False)
    now = datetime.now(UTC)
    sources: list[Source] = []
    for url in urls:
        page, hit = pages.get(url), by_url[url]
        content = unwrap_lines(page.raw_content if page and page.raw_content.strip() else hit.content)
        title = (page.title if page else "") or hit.title
        source_id = f"{ID_PREFIX[agent]}{len(sources) + 1}"
        sources.append(Source(id=source_id, url=url, title=title, content=content, agent=agent,
                              retrieved_at=now, sample=bool(is_sample(url)),
                              published=iso_date(page.published if page else "")))  # fmt: skip
    return sources


def iso_date(text: str) -> date | None:
    """The date of an ISO ``YYYY-MM-DD`` string (a longer timestamp is cut to its date), else None."""
    try:
        return date.fromisoformat(text.strip()[:10]) if text.strip() else None
    except ValueError:
        return None


def cache_sources(context: RunContext, sources: list[Source]) -> None:
    """Keep online sources for later offline runs."""
    if context.source_cache is None:
        return
    try:
        for source in sources:
            context.source_cache.store(
                url=source.url, title=source.title, content=source.content, provider=context.search.name
            )
    except OSError:  # the cache is a convenience; a full disk must not fail the research (shared stores log)
        logger.warning("could not cache sources", exc_info=True)


def research(agent: AgentName, state: ResearchState, context: RunContext) -> dict[str, Any]:
    """Run one agent: search, extract, analyse and verify its findings."""
    started = time.monotonic()
    emit, budget, plan = context.checkpoints.emit, context.budget, state["context"]
    query = getattr(plan.queries, agent)
    emit(f"{agent}_search_started", detail=query)
    found = context.search.search(query, search_depth=budget.search_depth, max_results=budget.max_results)
    emit(f"{agent}_search_completed", detail=f"{len(found.hits)} results")
    urls = top_urls(found.hits, budget.urls_per_agent)
    extracted = (
        context.search.extract(urls, extract_depth=budget.extract_depth) if urls else ExtractResponse([])
    )
    sources = to_sources(agent, found.hits, urls, extracted, context)
    cache_sources(context, sources)
    emit(
        f"{agent}_extraction_completed",
        detail=f"{len(extracted.pages)} pages, {len(extracted.failed)} failed",
    )
    analysis = ANALYSE[agent](context.analyst, plan, sources)
    findings = analysis.value.model_copy(deep=True)
    dropped = verify_findings(findings, sources) + analysis.dropped_citations
    emit(f"{agent}_analysis_completed", detail=findings.summary[:200])
    usage = NodeUsage(
        node=f"{agent}_agent",
        seconds=round(time.monotonic() - started, 3),
        tavily_credits=found.credits + extracted.credits,
        tokens=analysis.tokens,
        dropped_citations=dropped,
        dropped_claims=analysis.dropped,
        model_claims=analysis.claims,
        model_claims_dropped=analysis.claims_dropped,
    )
    return {agent: findings, "sources": sources, "usage": [usage]}


class AgentNode(Protocol):
    """A research agent's graph node."""

    def __call__(self, state: ResearchState, runtime: Runtime[RunContext]) -> dict[str, Any]: ...


def research_agent(agent: AgentName) -> AgentNode:
    """The graph node for ``agent``."""

    def node(state: ResearchState, runtime: Runtime[RunContext]) -> dict[str, Any]:
        """Search, extract and analyse for one agent."""
        return research(agent, state, runtime.context)

    node.__name__ = f"{agent}_agent"
    return node
