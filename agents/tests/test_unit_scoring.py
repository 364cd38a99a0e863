"""The PMF rubric: deterministic sub-scores from findings; refuted claims earn nothing."""

from __future__ import annotations

from agents.scoring import money, score_pmf
from agents.state import (
    Claim,
    Competitor,
    CompetitorFindings,
    CustomerFindings,
    Figure,
    MarketFindings,
    PainPoint,
)


def claim(text: str, verified: bool | None = True, source: str = "S1") -> Claim:
    return Claim(text=text, source_ids=[source], quote=text, verified=verified)


def strong_findings() -> tuple[MarketFindings, CompetitorFindings, CustomerFindings]:
    market = MarketFindings(
        market_size=[
            Figure(text="worth $2.8 billion", value="$2.8 billion", source_ids=["S1"], verified=True)
        ],
        growth=[Figure(text="CAGR of 13.4%", value="CAGR of 13.4%", source_ids=["S2"], verified=True)],
        trends=[claim("t1"), claim("t2"), claim("t3")],
        opportunities=[claim("o1"), claim("o2")],
    )
    competitor = CompetitorFindings(
        competitors=[Competitor(name="Acme", pricing="$9.99 per month")],
        gaps=[claim("g1", source="S3"), claim("g2", source="S3")],
        saturation="medium",
    )
    pains = [
        PainPoint(text="p", source_ids=["S4"], verified=True, frequency="high", impact="high"),
        PainPoint(text="q", source_ids=["S4"], verified=True, frequency="medium", impact="high"),
    ]
    customer = CustomerFindings(
        pain_points=pains, willingness_to_pay=[claim("would pay $8 per month", source="S5")]
    )
    return market, competitor, customer


def test_rubric_scores_each_criterion_with_evidence() -> None:
    # given findings with a $2.8B market growing 13.4%, two gaps, two strong pains, one stated price
    score = score_pmf(*strong_findings())
    # then each sub-score follows the published rubric
    assert [(s.name, s.weight, s.score) for s in score.sub_scores] == [
        ("Market size & growth", 25, 22.5),  # 12.5 size + 10 growth
        ("Pain severity & frequency", 25, 15.3),  # 25 x mean(6/6, 5/6) x 2/3
        ("Competition gap", 20, 13.0),  # 12 x 2/3 + 5 (medium)
        ("Willingness to pay", 15, 10.3),  # 7 x 1/3 + 8 (stated price)
        ("Timing & feasibility", 15, 12.7),  # 8 x 3/3 + 7 x 2/3
    ]
    assert (score.total, score.verdict) == (74, "Promising")
    assert score.sub_scores[0].source_ids == ["S1", "S2"]
    assert score.sub_scores[3].evidence[0].text == "would pay $8 per month"


def test_refuted_claims_earn_no_points_and_empty_findings_score_low() -> None:
    market, competitor, customer = strong_findings()
    for item in [*market.market_size, *market.growth, *market.trends, *market.opportunities]:
        item.verified = False
    assert score_pmf(market, competitor, customer).sub_scores[0].score == 0
    assert score_pmf(market, competitor, customer).sub_scores[4].score == 0
    empty = score_pmf(MarketFindings(), CompetitorFindings(saturation="high"), CustomerFindings())
    assert (empty.total, empty.verdict) == (0, "Weak")


def test_money_parses_scaled_amounts() -> None:
    assert (money("$2.8 billion"), money("US$610 million"), money("\u20ac1,200 mn"), money("12%")) == (
        2.8e9,
        610e6,
        1.2e9,
        0.0,
    )
