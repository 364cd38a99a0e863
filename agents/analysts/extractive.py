"""The offline analyst: every finding is a ranked sentence of a retrieved source; no language model."""

from __future__ import annotations

import re

from agents.analysts.base import Analysis
from agents.analysts.extractive_competitor import analyse_competitors
from agents.analysts.extractive_customer import analyse_customers
from agents.analysts.extractive_market import analyse_market
from agents.analysts.sentences import coverage, words
from agents.analysts.synthesis import draft_report
from agents.state import (
    AgentQueries,
    CompetitorFindings,
    CustomerFindings,
    MarketFindings,
    PMFScore,
    ProductContext,
    ReportDraft,
    Source,
)

STOPWORDS = {
    "a", "an", "the", "and", "or", "for", "of", "to", "in", "on", "with", "that", "which", "who", "it",
    "its", "is", "are", "be", "by", "from", "as", "at", "their", "our", "your", "every", "one", "app",
}  # fmt: skip
FOR = re.compile(r"\s+(?:for|aimed at|targeting|targeted at)\s+", re.IGNORECASE)
MAX_QUERY_WORDS = 8
RELEVANT_COVERAGE = 0.5  # a source must mention at least half of the idea's focus words


def first_sentence(text: str) -> str:
    """The idea's first sentence, without its final punctuation."""
    return re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0].rstrip(".!? ")


def parse_idea(product_idea: str) -> ProductContext:
    """Product, target customer and per-agent queries from the idea's wording ("X for Y")."""
    sentence = first_sentence(product_idea)
    parts = FOR.split(sentence, maxsplit=1)
    product = re.sub(r"^(?:an?|the)\s+", "", parts[0].strip(), flags=re.IGNORECASE)
    target = re.split(r"[,;]|\s+(?:who|that|which)\s+", parts[1])[0].strip() if len(parts) > 1 else ""
    short = " ".join(product.split()[:MAX_QUERY_WORDS])
    audience = target or "customers"
    return ProductContext(
        product_idea=product_idea,
        sector=short,
        target_customer=audience,
        product_context=product_idea.strip(),
        queries=AgentQueries(
            market=f"{short} market size growth trends",
            competitor=f"{short} competitors pricing alternatives",
            customer=f"{audience} {short} customer pain points survey willingness to pay",
        ),
    )


def focus_words(context: ProductContext) -> set[str]:
    """Words of the product and its customer, used to favour on-topic sentences."""
    return words(f"{context.sector} {context.target_customer}") - STOPWORDS


def relevant(sources: list[Source], context: ProductContext) -> list[Source]:
    """Sources about this idea: search returns its best matches even when none is on topic."""
    focus = focus_words(context)
    return [
        source
        for source in sources
        if coverage(focus, f"{source.title} {source.content}") >= RELEVANT_COVERAGE
    ]


class ExtractiveAnalyst:
    """Analyst that builds findings from source sentences and patterns only."""

    name = "extractive"

    def plan(self, product_idea: str) -> Analysis[ProductContext]:
        """Parse the idea into a product context with one query per agent."""
        return Analysis(parse_idea(product_idea))

    def analyse_market(self, context: ProductContext, sources: list[Source]) -> Analysis[MarketFindings]:
        """Market figures and claims from the sources' sentences."""
        return Analysis(analyse_market(relevant(sources, context), focus_words(context)))

    def analyse_competitors(
        self, context: ProductContext, sources: list[Source]
    ) -> Analysis[CompetitorFindings]:
        """Competitors and gaps from the sources' sentences."""
        return Analysis(analyse_competitors(relevant(sources, context), focus_words(context)))

    def analyse_customers(self, context: ProductContext, sources: list[Source]) -> Analysis[CustomerFindings]:
        """Customer pains, segments and willingness to pay from the sources' sentences."""
        return Analysis(analyse_customers(relevant(sources, context), focus_words(context)))

    def synthesise(
        self,
        context: ProductContext,
        findings: tuple[MarketFindings, CompetitorFindings, CustomerFindings],
        score: PMFScore,
    ) -> Analysis[ReportDraft]:
        """Summary and recommendations assembled from the findings and the score."""
        return Analysis(draft_report(context, findings, score))
