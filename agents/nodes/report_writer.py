"""Report node: merge and renumber sources, score PMF, draft the narrative, aggregate citations and cost."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from langgraph.runtime import Runtime

from agents import citations as cite
from agents.context import RunContext
from agents.scoring import score_pmf
from agents.state import (
    AGENTS,
    CompetitorFindings,
    Cost,
    CustomerFindings,
    Grounding,
    MarketFindings,
    Methodology,
    NodeUsage,
    ProvidersUsed,
    Report,
    ResearchState,
    Source,
)

TITLE_CHARS = 90


def ordered_sources(sources: list[Source]) -> list[Source]:
    """Sources in a stable order (agent, then the agent's own numbering), whatever order agents finished."""
    return sorted(
        sources, key=lambda s: (AGENTS.index(s.agent), int("".join(filter(str.isdigit, s.id)) or 0))
    )


def total_cost(usage: list[NodeUsage]) -> Cost:
    """Credits, tokens per node and seconds per node summed over the node executions."""
    cost = Cost()
    for item in usage:
        cost.tavily_credits += item.tavily_credits
        cost.tokens[item.node] = cost.tokens.get(item.node, 0) + item.tokens
        cost.seconds[item.node] = round(cost.seconds.get(item.node, 0.0) + item.seconds, 3)
    return cost


def title_for(product_idea: str) -> str:
    """A short report title from the idea's first line."""
    first = product_idea.strip().splitlines()[0] if product_idea.strip() else "Untitled idea"
    return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rstrip() + "\u2026"


def findings_of(state: ResearchState) -> tuple[MarketFindings, CompetitorFindings, CustomerFindings]:
    """Copies of the three agents' findings (the report rewrites their source ids)."""
    return (
        state["market"].model_copy(deep=True),
        state["competitor"].model_copy(deep=True),
        state["customer"].model_copy(deep=True),
    )


def methodology(state: ResearchState, context: RunContext, sources: int, grounding: Grounding,
                usage: list[NodeUsage]) -> Methodology:  # fmt: skip
    """How the research was done and what it cost."""
    return Methodology(
        depth=context.budget.depth,
        providers=ProvidersUsed(search=context.search.name, llm=context.llm_name),
        queries=state["context"].queries,
        sources_count=sources,
        grounding=grounding,
        cost=total_cost(usage),
    )


def write_report(state: ResearchState, context: RunContext) -> dict[str, Any]:
    """Build the report from the three agents' verified findings."""
    started = time.monotonic()
    context.checkpoints.emit("report_generation_started")
    sources, mapping = cite.merge_sources(ordered_sources(state.get("sources", [])))
    findings = findings_of(state)
    cite.renumber(findings, [], mapping)
    score = score_pmf(*findings)
    draft = context.analyst.synthesise(state["context"], findings, score)
    recommendations = [item.model_copy(deep=True) for item in draft.value.strategic_recommendations]
    cite.renumber([], recommendations, mapping)
    dropped = sum(u.dropped_citations for u in state.get("usage", []))
    dropped += cite.resolve_recommendations(recommendations, sources)
    own = NodeUsage(node="report_writer", tokens=draft.tokens, seconds=round(time.monotonic() - started, 3))
    report = Report(
        title=title_for(state["product_idea"]),
        product_idea=state["product_idea"],
        generated_at=datetime.now(UTC),
        executive_summary=draft.value.executive_summary,
        market_analysis=findings[0],
        competitive_landscape=findings[1],
        customer_insights=findings[2],
        pmf_score=score,
        strategic_recommendations=recommendations,
        citations=cite.citations(findings, [i for item in recommendations for i in item.source_ids], sources),
        methodology=methodology(
            state, context, len(sources), cite.grounding(findings, dropped), [*state.get("usage", []), own]
        ),
    )
    context.checkpoints.emit("report_generation_completed", detail=f"PMF score {score.total}/100")
    return {"report": report, "usage": [own]}


def report_writer(state: ResearchState, runtime: Runtime[RunContext]) -> dict[str, Any]:
    """Synthesise the final report."""
    return write_report(state, runtime.context)
