"""The offline report narrative: an executive summary and recommendations built from cited findings."""

from __future__ import annotations

from agents.analysts.idea import restatement
from agents.analysts.saturation import saturation_level
from agents.state import (
    Claim,
    CompetitorFindings,
    CustomerFindings,
    Figure,
    Level,
    MarketFindings,
    PMFScore,
    ProductContext,
    Recommendation,
    ReportDraft,
)


def figure_phrase(figure: Figure) -> str:
    """A figure with its definition, place, year and sources: "$2.8 billion (app market, 2024, S1)"."""
    details = [part for part in (figure.scope, figure.geography, figure.year) if part]
    if figure.timeframe == "forecast":
        details.insert(0, "forecast")
    details += figure.source_ids
    return f"{figure.value} ({', '.join(details)})" if details else figure.value


def market_sentences(market: MarketFindings) -> list[str]:
    """The headline size (or why there is none), conflicts touching it, and growth."""
    parts = []
    if market.headline:
        parts.append(
            f"The most recent current market size from an independent source is "
            f"{figure_phrase(market.headline)}."
        )
    elif market.market_size:
        forecasts = [f for f in market.market_size if f.timeframe == "forecast" and not f.vendor_claim]
        parts.append(
            "No current market size from an independent source was found in the sources"
            + (f"; a forecast puts it at {figure_phrase(forecasts[0])}." if forecasts else ".")
        )
    else:
        parts.append("Market size: not found in the sources.")
    touching = [c for c in market.conflicts if c.quantity == "the market size"]
    parts += [conflict.statement for conflict in touching[:2]]
    growth = next((f for f in market.growth if not f.vendor_claim and f.verified is not False), None)
    if growth:
        parts.append(f"Reported growth: {figure_phrase(growth)}.")
    return parts


def executive_summary(
    context: ProductContext,
    findings: tuple[MarketFindings, CompetitorFindings, CustomerFindings],
    score: PMFScore,
) -> str:
    """The idea restated, then market, competition, customers, conflicts and the score."""
    market, competitor, customer = findings
    parts = [restatement(context.product_idea), *market_sentences(market)]
    names = ", ".join(c.name for c in competitor.competitors[:5])
    if competitor.competitors:
        level = saturation_level(competitor)
        worded = "" if level == competitor.saturation else f" (the sources call it {competitor.saturation})"
        parts.append(
            f"{len(competitor.competitors)} competitors were found ({names}); saturation is {level}{worded}."
        )
    else:
        parts.append("Competitors: not found in the sources.")
    if customer.pain_points:
        pain = customer.pain_points[0].text.rstrip()
        stop = "" if pain.endswith((".", "!", "?")) else "."  # a table row ("…: 19%") ends with no stop
        parts.append(f"The leading customer pain point: {pain}{stop}")
    else:
        parts.append("Customer pain points: not found in the sources.")
    others = [c.statement for c in (*competitor.conflicts, *customer.conflicts)][:1]
    parts += others
    weakest = [s.name for s in score.sub_scores if s.confidence == "low"]
    parts.append(
        f"Product-market fit score: {score.total}/100 ({score.verdict})"
        + (f"; low confidence in {', '.join(weakest)}." if weakest else ".")
    )
    return " ".join(parts)


def _from_claim(title: str, claim: Claim, priority: Level) -> Recommendation:
    return Recommendation(
        title=title, detail=claim.text, priority=priority, source_ids=list(claim.source_ids)
    )


def recommendations(
    findings: tuple[MarketFindings, CompetitorFindings, CustomerFindings], score: PMFScore
) -> list[Recommendation]:
    """Recommendations from gaps, top pains, willingness to pay and the weakest rubric criterion."""
    market, competitor, customer = findings
    result = [_from_claim("Build for an open competitive gap", gap, "high") for gap in competitor.gaps[:2]]
    result += [
        _from_claim("Solve a leading customer pain point", pain, "high") for pain in customer.pain_points[:2]
    ]
    if customer.willingness_to_pay:
        result.append(
            _from_claim("Price against stated willingness to pay", customer.willingness_to_pay[0], "medium")
        )
    if market.opportunities:
        result.append(
            _from_claim("Target the opportunity the market sources name", market.opportunities[0], "medium")
        )
    weakest = min(score.sub_scores, key=lambda sub: sub.score / sub.weight if sub.weight else 1.0)
    result.append(
        Recommendation(
            title=f"Strengthen the weakest criterion: {weakest.name}",
            detail=weakest.rationale,
            priority="medium",
            source_ids=list(weakest.source_ids),
        )
    )
    return result


def draft_report(
    context: ProductContext,
    findings: tuple[MarketFindings, CompetitorFindings, CustomerFindings],
    score: PMFScore,
) -> ReportDraft:
    """The offline report narrative."""
    return ReportDraft(
        executive_summary=executive_summary(context, findings, score),
        strategic_recommendations=recommendations(findings, score),
    )
