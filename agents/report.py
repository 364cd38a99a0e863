"""Markdown rendering of a report, with every user- or source-derived text escaped.

Ideas and sources may contain HTML (``<script>``) or Markdown control characters; escaping them keeps
a rendered report inert in any Markdown viewer that allows inline HTML.
"""

from __future__ import annotations

import html
import re

from agents.state import Claim, Competitor, Figure, PainPoint, Report, SubScore

SECTIONS = (
    "Executive Summary",
    "Market Analysis",
    "Competitive Landscape",
    "Customer Insights",
    "Product-Market Fit Score",
    "Strategic Recommendations",
    "Citations",
    "Methodology",
)
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~])")
SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


def escape(text: str) -> str:
    """Text safe to embed in Markdown: HTML entities escaped, Markdown control characters backslashed."""
    flat = " ".join(str(text).split())
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def link(url: str, title: str) -> str:
    """A Markdown link for http(s) URLs; other schemes (javascript:, corpus:) are shown as text."""
    if SAFE_URL.match(url) and not re.search(r"[\s<>()]", url):
        return f"[{escape(title or url)}]({url})"
    return f"{escape(title or url)} ({escape(url)})"


def refs(source_ids: list[str]) -> str:
    """Citation markers such as " [S1][S3]"."""
    return "".join(f" [{escape(i)}]" for i in source_ids)


def claim_line(claim: Claim) -> str:
    """A bullet for one claim with its citations and verification mark."""
    mark = " \u2713" if claim.verified else (" (unverified)" if claim.verified is False else "")
    prefix = f"**{escape(claim.value)}** \u2014 " if isinstance(claim, Figure) and claim.value else ""
    suffix = (
        f" _(frequency {claim.frequency}, impact {claim.impact})_" if isinstance(claim, PainPoint) else ""
    )
    return f"- {prefix}{escape(claim.text)}{refs(claim.source_ids)}{mark}{suffix}"


def claims_block(title: str, claims: list[Claim]) -> list[str]:
    """A sub-section of claims (``_None found._`` when empty)."""
    lines = [f"### {title}", ""]
    lines += [claim_line(claim) for claim in claims] or ["_None found._"]
    return [*lines, ""]


def market_section(report: Report) -> list[str]:
    """Market Analysis."""
    market = report.market_analysis
    lines = ["## Market Analysis", "", escape(market.summary), ""]
    lines += claims_block("Market size", list(market.market_size))
    lines += claims_block("Growth", list(market.growth))
    lines += claims_block("Trends", market.trends)
    return lines + claims_block("Opportunities", market.opportunities)


def competitor_lines(competitor: Competitor) -> list[str]:
    """One competitor as a sub-section."""
    lines = [f"#### {escape(competitor.name)}", ""]
    if competitor.pricing:
        lines.append(f"- Pricing: {escape(competitor.pricing)}")
    if competitor.positioning:
        lines.append(f"- Positioning: {escape(competitor.positioning)}")
    lines += [f"- Strength: {escape(text)}" for text in competitor.strengths]
    lines += [f"- Weakness: {escape(text)}" for text in competitor.weaknesses]
    lines += [f"- Evidence: {claim_line(claim)[2:]}" for claim in competitor.evidence]
    return [*lines, ""]


def competitor_section(report: Report) -> list[str]:
    """Competitive Landscape."""
    landscape = report.competitive_landscape
    lines = ["## Competitive Landscape", "", escape(landscape.summary), "", "### Competitors", ""]
    for competitor in landscape.competitors:
        lines += competitor_lines(competitor)
    lines += claims_block("Gaps", landscape.gaps)
    rationale = escape(landscape.saturation_rationale)
    return [*lines, f"**Saturation:** {escape(landscape.saturation)} \u2014 {rationale}", ""]


def customer_section(report: Report) -> list[str]:
    """Customer Insights."""
    customer = report.customer_insights
    lines = ["## Customer Insights", "", escape(customer.summary), ""]
    lines += claims_block("Pain points", list(customer.pain_points))
    lines += ["### Segments", ""]
    for segment in customer.segments:
        description = f" ({escape(segment.description)})" if segment.description else ""
        lines.append(f"- **{escape(segment.name)}**{description}")
        lines += [f"  {claim_line(claim)}" for claim in segment.evidence]
    lines += [""] if customer.segments else ["_None found._", ""]
    lines += claims_block("Satisfaction drivers", customer.satisfaction_drivers)
    lines += claims_block("Willingness to pay", customer.willingness_to_pay)
    return lines + claims_block("What customers ask for", customer.recommendations)


def sub_score_lines(sub: SubScore) -> list[str]:
    """One rubric criterion with its evidence."""
    lines = [f"### {escape(sub.name)}: {sub.score:g} / {sub.weight}", "", escape(sub.rationale), ""]
    return [*lines, *(claim_line(claim) for claim in sub.evidence), ""]


def score_section(report: Report) -> list[str]:
    """Product-Market Fit Score."""
    score = report.pmf_score
    if score is None:
        no_score = "No score: the retrieved sources do not discuss this idea."
        return ["## Product-Market Fit Score", "", no_score, ""]
    lines = ["## Product-Market Fit Score", "", f"**{score.total} / 100 \u2014 {escape(score.verdict)}**", ""]
    lines += ["| Criterion | Score | Weight |", "|---|---|---|"]
    lines += [f"| {escape(sub.name)} | {sub.score:g} | {sub.weight} |" for sub in score.sub_scores]
    lines.append("")
    for sub in score.sub_scores:
        lines += sub_score_lines(sub)
    return lines


def recommendations_section(report: Report) -> list[str]:
    """Strategic Recommendations."""
    lines = ["## Strategic Recommendations", ""]
    for number, item in enumerate(report.strategic_recommendations, start=1):
        lines.append(
            f"{number}. **{escape(item.title)}** ({escape(item.priority)} priority) \u2014 "
            f"{escape(item.detail)}{refs(item.source_ids)}"
        )
    return [*lines, ""] if report.strategic_recommendations else [*lines, "_None._", ""]


def citations_section(report: Report) -> list[str]:
    """Citations."""
    lines = ["## Citations", ""]
    for citation in report.citations:
        sample = " \u2014 sample data" if citation.sample else ""
        lines.append(
            f"- [{escape(citation.id)}] {link(citation.url, citation.title)} \u2014 "
            f"{citation.verified}/{citation.claims} claims verified{sample}"
        )
    return [*lines, ""]


def methodology_section(report: Report) -> list[str]:
    """Methodology: depth, providers, queries, sources, grounding and cost."""
    method = report.methodology
    grounding, cost = method.grounding, method.cost
    queries = method.queries
    tokens = ", ".join(f"{escape(node)} {count}" for node, count in cost.tokens.items())
    seconds = ", ".join(f"{escape(node)} {value:g}s" for node, value in cost.seconds.items())
    return [
        "## Methodology",
        "",
        f"- Depth: {escape(method.depth)}",
        f"- Providers: search {escape(method.providers.search)}, analysis {escape(method.providers.llm)}",
        f"- Queries: market: {escape(queries.market)}; competitor: {escape(queries.competitor)}; "
        f"customer: {escape(queries.customer)}",
        f"- Sources retrieved: {method.sources_count}",
        f"- Grounding: {grounding.claims} claims, {grounding.cited} cited, {grounding.verified} verified, "
        f"{grounding.dropped} citations dropped",
        f"- Cost: {cost.tavily_credits:g} Tavily credits; tokens: {tokens or 'none'}; "
        f"time: {seconds or 'n/a'}",
        "",
    ]


def render_markdown(report: Report) -> str:
    """The report as Markdown with the spec's sections in order."""
    lines = [f"# {escape(report.title)}", "", f"_Product idea:_ {escape(report.product_idea)}", ""]
    lines += ["## Executive Summary", "", escape(report.executive_summary), ""]
    for section in (market_section, competitor_section, customer_section, score_section,
                    recommendations_section, citations_section, methodology_section):  # fmt: skip
        lines += section(report)
    return "\n".join(lines).rstrip() + "\n"
