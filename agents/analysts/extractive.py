"""The offline analyst: every finding is a ranked sentence of a retrieved source; no language model."""

from __future__ import annotations

from agents.analysts.base import Analysis
from agents.analysts.competitors import analyse_competitors
from agents.analysts.extractive_customer import analyse_customers
from agents.analysts.extractive_market import analyse_market
from agents.analysts.idea import parse_idea, terms
from agents.analysts.synthesis import draft_report
from agents.analysts.vetting import gather
from agents.state import (
    CompetitorFindings,
    CustomerFindings,
    MarketFindings,
    PMFScore,
    ProductContext,
    ReportDraft,
    Source,
)


def focus_words(context: ProductContext) -> set[str]:
    """The idea's distinctive terms (the whole idea), used to favour on-topic sentences."""
    return set(terms(context.product_idea)) or set(terms(f"{context.sector} {context.target_customer}"))


class ExtractiveAnalyst:
    """Analyst that builds findings from source sentences and patterns only."""

    name = "extractive"
    pools_sources = True  # cheap to re-run: the report re-reads every retrieved source at once
    reads_languages = frozenset({"en"})  # its patterns are English: other languages are listed, not read

    def plan(self, product_idea: str) -> Analysis[ProductContext]:
        """Parse the idea into a product context with one query per agent."""
        return Analysis(parse_idea(product_idea))

    def analyse_market(self, context: ProductContext, sources: list[Source]) -> Analysis[MarketFindings]:
        """Market figures and claims from the sources' sentences."""
        return Analysis(analyse_market(gather(sources, context), focus_words(context)))

    def analyse_competitors(
        self, context: ProductContext, sources: list[Source]
    ) -> Analysis[CompetitorFindings]:
        """Competitors and gaps from the sources' sentences."""
        return Analysis(analyse_competitors(gather(sources, context), focus_words(context)))

    def analyse_customers(self, context: ProductContext, sources: list[Source]) -> Analysis[CustomerFindings]:
        """Customer pains, segments and willingness to pay from the sources' sentences."""
        customers = set(terms(context.target_customer))  # the idea's customer ("pet owners") as words
        return Analysis(analyse_customers(gather(sources, context), focus_words(context), customers))

    def synthesise(
        self,
        context: ProductContext,
        findings: tuple[MarketFindings, CompetitorFindings, CustomerFindings],
        score: PMFScore,
    ) -> Analysis[ReportDraft]:
        """Summary and recommendations assembled from the findings and the score."""
        return Analysis(draft_report(context, findings, score))


__all__ = ["ExtractiveAnalyst", "focus_words", "parse_idea"]
