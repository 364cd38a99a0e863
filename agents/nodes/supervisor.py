"""Supervisor node: parse the idea into a product context and one search query per agent."""

from __future__ import annotations

import time
from typing import Any

from langgraph.runtime import Runtime

from agents.analysts.extractive import parse_idea
from agents.context import RunContext
from agents.state import AGENTS, AgentQueries, NodeUsage, ProductContext, ResearchState


def with_queries(plan: ProductContext) -> ProductContext:
    """The plan, with any blank query (a model may return one) replaced by the idea-derived query."""
    fallback = parse_idea(plan.product_idea).queries
    queries = {agent: getattr(plan.queries, agent).strip() or getattr(fallback, agent) for agent in AGENTS}
    return plan.model_copy(update={"queries": AgentQueries(**queries)})


def supervisor(state: ResearchState, runtime: Runtime[RunContext]) -> dict[str, Any]:
    """Plan the research: product context and the three agents' queries."""
    context = runtime.context
    started = time.monotonic()
    context.checkpoints.emit("research_plan_created", detail=f"depth {context.budget.depth}")
    analysis = context.analyst.plan(state["product_idea"])
    plan = with_queries(analysis.value.model_copy(update={"product_idea": state["product_idea"]}))
    queries = plan.queries
    context.checkpoints.emit(
        "queries_generated",
        detail=f"market: {queries.market} | competitor: {queries.competitor} | customer: {queries.customer}",
    )
    usage = NodeUsage(node="supervisor", seconds=round(time.monotonic() - started, 3), tokens=analysis.tokens)
    return {"context": plan, "usage": [usage]}
