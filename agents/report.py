"""Markdown rendering of a report: clean text, escaped only where Markdown needs it.

Ideas and sources may contain HTML (``<script>``) or Markdown of their own. Source Markdown is
stripped from quotes (they are plain sentences), entities are decoded (``&amp;`` reads ``&``), and
only the characters that would start Markdown or HTML are backslash-escaped, so a rendered report
stays inert in any viewer that allows inline HTML.
"""

from __future__ import annotations

import html
import re

from agents.state import (
    Claim,
    Competitor,
    Conflict,
    Figure,
    Methodology,
    PainPoint,
    Report,
    Segment,
    SubScore,
)

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
NOT_FOUND = "_Not found in the sources._"
SAMPLE_NOTICE = (
    "> **Fictional sample corpus.** This report was built from the sample documents that ship with PMF "
    "Research Assistant: every company, figure and source in it is invented. Do not cite it as fact."
)
INLINE_SPECIAL = re.compile(r"([\\`*\[\]<>|])")
EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
LINE_START = re.compile(r"^(\s*)([#>]|[-+=](?=\s)|\d+[.)](?=\s))")
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)
NODE_NAMES = {
    "supervisor": "planning",
    "market_agent": "market research",
    "competitor_agent": "competitor research",
    "customer_agent": "customer research",
    "report_writer": "report writing",
}
TYPE_NAMES = {
    "analyst_report": "analyst report", "vendor": "vendor page", "news": "news", "survey": "survey",
    "interviews": "interviews", "review_forum": "reviews or forum", "government": "government",
    "unknown": "unknown type",
}  # fmt: skip


def plain(text: str) -> str:
    """Source text as a plain sentence: entities decoded, Markdown links and emphasis removed."""
    flat = " ".join(html.unescape(str(text)).split())
    flat = MARKDOWN_LINK.sub(r"\1", flat)
    return EMPHASIS.sub(r"\2", flat)


def escape(text: str) -> str:
    """Text safe to embed in Markdown: only characters that would start Markdown or HTML are escaped."""
    flat = " ".join(html.unescape(str(text)).split())
    flat = INLINE_SPECIAL.sub(r"\\\1", flat)
    flat = EDGE_UNDERSCORE.sub(r"\\_", flat)
    return LINE_START.sub(r"\1\\\2", flat)


def quoted(text: str) -> str:
    """A source sentence for display: plain, then escaped."""
    return escape(plain(text))


def link(url: str, title: str) -> str:
    """A Markdown link for http(s) URLs; other schemes (javascript:, corpus:) are shown as text."""
    if SAFE_URL.match(url) and not re.search(r"[\s<>()]", url):
        return f"[{escape(title or url)}]({url})"
    return f"{escape(title or url)} ({escape(url)})"


def refs(source_ids: list[str]) -> str:
    """Citation markers such as " [S1][S3]" (brackets escaped so they are not read as links)."""
    return "".join(f" \\[{escape(i)}\\]" for i in source_ids)


def figure_labels(figure: Figure) -> str:
    """What a figure measures, when and where, and its warnings: "(market size, current, 2024, global)"."""
    labels = [figure.kind.replace("_", " "), figure.timeframe, figure.year, figure.geography, figure.scope]
    if figure.vendor_claim:
        labels.append("vendor claim")
    if figure.dated:
        labels.append("dated: more than five years old")
    return "(" + ", ".join(escape(label) for label in labels if label) + ")"


def checks(claim: Claim) -> str:
    """A mark only when a check failed: offline, a passed check only means the sentence was copied."""
    if claim.quote_found is False or (claim.verified is False and claim.quote_found is None):
        return " _(quote not found in the cited source)_"
    if claim.values_match is False:
        return " _(its figures are not in its quote)_"
    return ""


def claim_line(claim: Claim) -> str:
    """A bullet for one claim with its citations and any failed check."""
    prefix = f"**{escape(claim.value)}** {figure_labels(claim)} \u2014 " if isinstance(claim, Figure) else ""
    suffix = (
        f" _(frequency {claim.frequency}, impact {claim.impact})_" if isinstance(claim, PainPoint) else ""
    )
    return f"- {prefix}{quoted(claim.text)}{refs(claim.source_ids)}{checks(claim)}{suffix}"


def claims_block(title: str, claims: list[Claim]) -> list[str]:
    """A sub-section of claims ("Not found in the sources." when empty)."""
    lines = [f"### {title}", ""]
    lines += [claim_line(claim) for claim in claims] or [NOT_FOUND]
    return [*lines, ""]


def conflicts_block(conflicts: list[Conflict]) -> list[str]:
    """Where sources disagree (nothing when they do not)."""
    if not conflicts:
        return []
    return ["### Where sources disagree", "", *(f"- {escape(c.statement)}" for c in conflicts), ""]


def market_section(report: Report) -> list[str]:
    """Market Analysis."""
    market = report.market_analysis
    lines = ["## Market Analysis", "", escape(market.summary), ""]
    if market.headline:
        lines += [f"**Headline market size:** {claim_line(market.headline)[2:]}", ""]
    lines += claims_block("Market size", list(market.market_size))
    lines += claims_block("Growth", list(market.growth))
    if market.other_figures:
        lines += claims_block("Other figures (not market sizes)", list(market.other_figures))
    lines += conflicts_block(market.conflicts)
    lines += claims_block("Trends", market.trends)
    return lines + claims_block("Opportunities", market.opportunities)


def competitor_lines(competitor: Competitor) -> list[str]:
    """One competitor as a sub-section."""
    lines = [f"#### {escape(competitor.name)}", ""]
    if competitor.pricing:
        lines.append(f"- Pricing: {escape(competitor.pricing)}")
    if competitor.positioning:
        lines.append(f"- Positioning: {quoted(competitor.positioning)}")
    lines += [f"- Strength: {quoted(text)}" for text in competitor.strengths]
    lines += [f"- Weakness: {quoted(text)}" for text in competitor.weaknesses]
    lines += [f"- Evidence: {claim_line(claim)[2:]}" for claim in competitor.evidence]
    return [*lines, ""]


def competitor_section(report: Report) -> list[str]:
    """Competitive Landscape."""
    landscape = report.competitive_landscape
    lines = ["## Competitive Landscape", "", escape(landscape.summary), "", "### Competitors", ""]
    for competitor in landscape.competitors:
        lines += competitor_lines(competitor)
    if not landscape.competitors:
        lines += [NOT_FOUND, ""]
    lines += claims_block("Gaps", landscape.gaps)
    lines += conflicts_block(landscape.conflicts)
    rationale = quoted(landscape.saturation_rationale)
    if not landscape.competitors and rationale.startswith("Not found"):
        return [*lines, f"**Saturation:** {rationale}", ""]
    return [*lines, f"**Saturation:** {escape(landscape.saturation)} \u2014 {rationale}", ""]


def segment_lines(title: str, segments: list[Segment]) -> list[str]:
    """Segments or personas with their evidence."""
    lines = [f"### {title}", ""]
    for segment in segments:
        description = f" ({escape(segment.description)})" if segment.description else ""
        lines.append(f"- **{escape(segment.name)}**{description}")
        lines += [f"  {claim_line(claim)}" for claim in segment.evidence]
    return [*lines, ""] if segments else [*lines, NOT_FOUND, ""]


def customer_section(report: Report) -> list[str]:
    """Customer Insights."""
    customer = report.customer_insights
    lines = ["## Customer Insights", "", escape(customer.summary), ""]
    lines += claims_block("Pain points", list(customer.pain_points))
    lines += segment_lines("Segments", customer.segments)
    if customer.personas:
        lines += segment_lines("Personas (illustrative people, not segments)", customer.personas)
    lines += claims_block("Satisfaction drivers", customer.satisfaction_drivers)
    lines += claims_block("Willingness to pay", customer.willingness_to_pay)
    lines += conflicts_block(customer.conflicts)
    return lines + claims_block("What customers ask for", customer.recommendations)


def sub_score_lines(sub: SubScore) -> list[str]:
    """One rubric criterion with its evidence and confidence."""
    title = f"### {escape(sub.name)}: {sub.score:g} / {sub.weight} ({sub.confidence} confidence)"
    lines = [title, "", escape(sub.rationale), ""]
    return [*lines, *(claim_line(claim) for claim in sub.evidence), ""]


def score_section(report: Report) -> list[str]:
    """Product-Market Fit Score."""
    score = report.pmf_score
    if score is None:
        reason = report.outcome_reason or "the retrieved sources do not discuss this idea."
        return ["## Product-Market Fit Score", "", f"**No score.** {escape(reason)}", ""]
    lines = ["## Product-Market Fit Score", "", f"**{score.total} / 100 \u2014 {escape(score.verdict)}**", ""]
    lines += ["| Criterion | Score | Weight | Confidence |", "|---|---|---|---|"]
    lines += [f"| {escape(s.name)} | {s.score:g} | {s.weight} | {s.confidence} |" for s in score.sub_scores]
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
            f"{quoted(item.detail)}{refs(item.source_ids)}"
        )
    return [*lines, ""] if report.strategic_recommendations else [*lines, "_None._", ""]


def citations_section(report: Report) -> list[str]:
    """Citations, then every retrieved source with its type, date and relevance."""
    lines = ["## Citations", ""]
    for citation in report.citations:
        sample = " \u2014 sample data" if citation.sample else ""
        lines.append(
            f"- \\[{escape(citation.id)}\\] {link(citation.url, citation.title)} \u2014 "
            f"{citation.claims} claims{sample}"
        )
    if not report.citations:
        lines.append("_No source was cited._")
    if report.sources:
        lines += ["", "### Every retrieved source", ""]
        for source in report.sources:
            when = source.published.isoformat() if source.published else "undated"
            use = (
                "cited"
                if source.cited
                else "relevant, not cited"
                if source.relevant
                else "not about the idea"
            )
            lines.append(
                f"- \\[{escape(source.id)}\\] {link(source.url, source.title)} \u2014 "
                f"{TYPE_NAMES.get(source.source_type, source.source_type)}, {when}, relevance "
                f"{source.relevance:.2f}, {use}"
            )
    return [*lines, ""]


def methodology_section(report: Report) -> list[str]:
    """Methodology: depth, providers, queries, sources, checks and cost, in words."""
    method = report.methodology
    grounding, cost = method.grounding, method.cost
    queries = method.queries
    tokens = ", ".join(f"{NODE_NAMES.get(node, escape(node))} {count}" for node, count in cost.tokens.items())
    seconds = ", ".join(
        f"{NODE_NAMES.get(node, escape(node))} {value:g}s" for node, value in cost.seconds.items()
    )
    return [
        "## Methodology",
        "",
        f"- Depth: {escape(method.depth)}",
        f"- Providers: search {escape(method.providers.search)}, analysis {escape(method.providers.llm)}",
        f"- Queries: market: {escape(queries.market)}; competitors: {escape(queries.competitor)}; "
        f"customers: {escape(queries.customer)}",
        f"- Sources retrieved: {method.sources_count}, of which about the idea: {method.relevant_sources}",
        f"- Checks: {grounding.claims} claims, {grounding.cited} cited; quote found in its source for "
        f"{grounding.claims - grounding.quote_not_found}, figures matching the quote for "
        f"{grounding.claims - grounding.values_mismatch}; {grounding.dropped} citations of unretrieved "
        "sources dropped",
        *model_checks_lines(method),
        f"- Cost: {cost.tavily_credits:g} Tavily credits; tokens: {tokens or 'none'}; "
        f"time: {seconds or 'n/a'}",
        "",
    ]


def model_checks_lines(method: Methodology) -> list[str]:
    """What the code checks removed from the model's answers (LLM analyst; nothing offline)."""
    checks = method.grounding.model_checks
    if not checks and not method.queries_replaced:
        return []
    parts = [
        f"{NODE_NAMES.get(item.node, escape(item.node))}: {item.kept} of {item.claims} claims kept, "
        f"{item.other_removed} other items removed"
        for item in checks
    ]
    if method.queries_replaced:
        parts.append(f"{method.queries_replaced} of the planner's queries replaced by the idea's own terms")
    return [f"- Model answers checked by code: {'; '.join(parts)}"]


def render_markdown(report: Report) -> str:
    """The report as Markdown with the spec's sections in order."""
    lines = [f"# {escape(report.title)}", ""]
    if report.methodology.sample_corpus or any(citation.sample for citation in report.citations):
        lines += [SAMPLE_NOTICE, ""]
    if report.outcome == "insufficient_evidence":
        lines += [
            "> **Insufficient evidence.** No retrieved source is about this idea; no score was given.",
            "",
        ]
    lines += [f"_Product idea:_ {escape(report.product_idea)}", ""]
    lines += ["## Executive Summary", "", escape(report.executive_summary), ""]
    for section in (market_section, competitor_section, customer_section, score_section,
                    recommendations_section, citations_section, methodology_section):  # fmt: skip
        lines += section(report)
    return "\n".join(lines).rstrip() + "\n"
