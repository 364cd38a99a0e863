"""The online analyst: prompts and structured output through an LLMProvider, one role per node."""

from __future__ import annotations

import json
from typing import TypeVar

from pydantic import BaseModel

from agents.analysts.base import Analysis
from agents.prompts.analysts import (
    ANALYST_USER,
    COMPETITOR_SYSTEM,
    CUSTOMER_SYSTEM,
    MARKET_SYSTEM,
    SOURCE_BLOCK,
)
from agents.prompts.report import REPORT_SYSTEM, REPORT_USER
from agents.prompts.supervisor import SUPERVISOR_SYSTEM, SUPERVISOR_USER
from agents.providers.base import LLMProvider
from agents.state import (
    CompetitorFindings,
    CustomerFindings,
    MarketFindings,
    PMFScore,
    ProductContext,
    ReportDraft,
    Source,
)

SchemaT = TypeVar("SchemaT", bound=BaseModel)
SOURCE_CHARS = 6000  # per source: keeps a deep research (10 sources) within a small model's context


def sources_block(sources: list[Source]) -> str:
    """The sources as the prompt shows them: id, title, URL and (truncated) text."""
    return "\n".join(
        SOURCE_BLOCK.format(id=s.id, title=s.title, url=s.url, content=s.content[:SOURCE_CHARS])
        for s in sources
    )


class LLMAnalyst:
    """Analyst backed by a chat model with structured output."""

    name = "llm"

    def __init__(self, llm: LLMProvider) -> None:
        self.llm = llm
        self.name = llm.name

    def _ask(self, schema: type[SchemaT], system: str, user: str, role: str) -> Analysis[SchemaT]:
        answer = self.llm.structured(schema, system=system, user=user, role=role)
        return Analysis(answer.value, answer.usage.total_tokens)

    def _analyse(
        self, schema: type[SchemaT], system: str, role: str, context: ProductContext, sources: list[Source]
    ) -> Analysis[SchemaT]:
        user = ANALYST_USER.format(
            product_idea=context.product_idea,
            sector=context.sector,
            target_customer=context.target_customer,
            sources=sources_block(sources),
        )
        return self._ask(schema, system, user, role)

    def plan(self, product_idea: str) -> Analysis[ProductContext]:
        """Ask the supervisor model for the product context and queries."""
        return self._ask(
            ProductContext, SUPERVISOR_SYSTEM, SUPERVISOR_USER.format(product_idea=product_idea), "supervisor"
        )

    def analyse_market(self, context: ProductContext, sources: list[Source]) -> Analysis[MarketFindings]:
        """Ask the market model for cited market findings."""
        return self._analyse(MarketFindings, MARKET_SYSTEM, "market", context, sources)

    def analyse_competitors(
        self, context: ProductContext, sources: list[Source]
    ) -> Analysis[CompetitorFindings]:
        """Ask the competitor model for cited competitor findings."""
        return self._analyse(CompetitorFindings, COMPETITOR_SYSTEM, "competitor", context, sources)

    def analyse_customers(self, context: ProductContext, sources: list[Source]) -> Analysis[CustomerFindings]:
        """Ask the customer model for cited customer findings."""
        return self._analyse(CustomerFindings, CUSTOMER_SYSTEM, "customer", context, sources)

    def synthesise(
        self,
        context: ProductContext,
        findings: tuple[MarketFindings, CompetitorFindings, CustomerFindings],
        score: PMFScore,
    ) -> Analysis[ReportDraft]:
        """Ask the report model for the executive summary and recommendations."""
        market, competitor, customer = findings
        user = REPORT_USER.format(
            product_idea=context.product_idea,
            target_customer=context.target_customer,
            total=score.total,
            verdict=score.verdict,
            sub_scores="\n".join(
                f"- {s.name}: {s.score:g}/{s.weight} ({s.rationale})" for s in score.sub_scores
            ),
            findings=json.dumps(
                {
                    "market": market.model_dump(),
                    "competitor": competitor.model_dump(),
                    "customer": customer.model_dump(),
                },
                ensure_ascii=False,
            ),
        )
        return self._ask(ReportDraft, REPORT_SYSTEM, user, "report")
