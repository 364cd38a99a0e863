"""Supervisor node: parse the idea into a product context and one search query per agent."""

from __future__ import annotations

import logging
import time
from typing import Any

from langgraph.runtime import Runtime

from agents.analysts.idea_text import analysable
from agents.analysts.llm_checks import checked_queries
from agents.context import RunContext
from agents.state import NodeUsage, ProductContext, ResearchState

logger = logging.getLogger(__name__)


def checked_plan(plan: ProductContext) -> tuple[ProductContext, int]:
    """The plan with each unusable query (blank, too long, not words, or without any of the idea's
    distinctive terms: a model may write one) replaced by the idea-derived query; and how many were."""
    queries, problems = checked_queries(plan.queries, plan.product_idea)
    for agent, problem in problems.items():
        logger.info("supervisor: the %s query was replaced (%s)", agent, problem)
    return plan.model_copy(update={"queries": queries}), len(problems)


def with_queries(plan: ProductContext) -> ProductContext:
    """The plan with its unusable queries replaced (:func:`checked_plan`)."""
    return checked_plan(plan)[0]


def supervisor(state: ResearchState, runtime: Runtime[RunContext]) -> dict[str, Any]:
    """Plan the research: product context and the three agents' queries."""
    context = runtime.context
    started = time.monotonic()
    context.checkpoints.emit("research_plan_created", detail=f"depth {context.budget.depth}")
    analysis = context.analyst.plan(state["product_idea"])
    # the whole idea as read (markup pasted into it is no word of it), whatever the analyst returned
    read = analysable(state["product_idea"])
    plan, replaced = checked_plan(analysis.value.model_copy(update={"product_idea": read}))
    queries = plan.queries
    context.checkpoints.emit(
        "queries_generated",
        detail=f"market: {queries.market} | competitor: {queries.competitor} | customer: {queries.customer}",
    )
    usage = NodeUsage(
        node="supervisor",
        seconds=round(time.monotonic() - started, 3),
        tokens=analysis.tokens,
        queries_replaced=replaced,
    )
    return {"context": plan, "usage": [usage]}
