"""The analyst interface the graph's nodes call, whichever analyst is configured."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from agents.state import (
    CompetitorFindings,
    CustomerFindings,
    MarketFindings,
    PMFScore,
    ProductContext,
    ReportDraft,
    Source,
)

ValueT = TypeVar("ValueT")


@dataclass(frozen=True)
class Analysis(Generic[ValueT]):
    """An analyst's answer and the model tokens it used (0 offline)."""

    value: ValueT
    tokens: int = 0
    dropped: int = 0  # model output removed by the code checks (claims, unbacked text); 0 offline
    dropped_citations: int = 0  # citations of sources never retrieved, on the claims removed
    claims: int = 0  # claims the model made before the checks (LLM analyst; 0 offline)
    claims_dropped: int = 0  # of those, the claims the checks removed (counted in ``dropped`` too)


class Analyst(Protocol):
    """Plans queries, analyses each agent's sources and drafts the report's narrative."""

    name: str

    def plan(self, product_idea: str) -> Analysis[ProductContext]:
        """Parse the idea into a product context with one query per agent."""
        ...

    def analyse_market(self, context: ProductContext, sources: list[Source]) -> Analysis[MarketFindings]:
        """Market size, growth, trends and opportunities from ``sources``."""
        ...

    def analyse_competitors(
        self, context: ProductContext, sources: list[Source]
    ) -> Analysis[CompetitorFindings]:
        """Competitors, pricing, positioning, gaps and saturation from ``sources``."""
        ...

    def analyse_customers(self, context: ProductContext, sources: list[Source]) -> Analysis[CustomerFindings]:
        """Pain points, segments, satisfaction drivers and willingness to pay from ``sources``."""
        ...

    def synthesise(
        self,
        context: ProductContext,
        findings: tuple[MarketFindings, CompetitorFindings, CustomerFindings],
        score: PMFScore,
    ) -> Analysis[ReportDraft]:
        """Executive summary and strategic recommendations from the findings and the score."""
        ...
