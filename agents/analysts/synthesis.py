"""The offline report narrative: an executive summary and recommendations built from cited findings."""

from __future__ import annotations

from agents.state import (
    Claim,
    CompetitorFindings,
    CustomerFindings,
    Level,
    MarketFindings,
    PMFScore,
    ProductContext,
    Recommendation,
    ReportDraft,
)


def executive_summary(
    context: ProductContext,
    findings: tuple[MarketFindings, CompetitorFindings, CustomerFindings],
    score: PMFScore,
) -> str:
    """Four sentences: the idea, market, competition and customers, then the score."""
    market, competitor, customer = findings
    parts = [f"This report assesses {context.sector} for {context.target_customer}."]
    if not (market.market_size or market.growth or competitor.competitors or customer.pain_points):
        parts.append(
            "The retrieved sources do not discuss this idea, so the findings are empty and the score "
            "reflects missing evidence rather than the idea's merit."
        )
    if market.market_size:
        parts.append(f"Sources size the market at {market.market_size[0].value}.")
    if market.growth:
        parts.append(f"Reported growth: {market.growth[0].value}.")
    names = ", ".join(c.name for c in competitor.competitors[:5])
    parts.append(
        f"{len(competitor.competitors)} competitors were found" + (f" ({names})" if names else "")
        + f"; saturation is {competitor.saturation}."
    )  # fmt: skip
    if customer.pain_points:
        parts.append(f"The leading customer pain point: {customer.pain_points[0].text}")
    parts.append(f"Product-market fit score: {score.total}/100 ({score.verdict}).")
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
