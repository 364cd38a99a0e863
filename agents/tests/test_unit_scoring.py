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
    ReportSource,
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
        pain_points=pains, willingness_to_pay=[claim("would pay $12 per month", source="S5")]
    )
    return market, competitor, customer


def test_rubric_scores_each_criterion_with_evidence() -> None:
    # given findings with a $2.8B market growing 13.4%, two gaps, two strong pains, one stated price
    score = score_pmf(*strong_findings())
    # then each sub-score follows the published rubric
    assert [(s.name, s.weight, s.score) for s in score.sub_scores] == [
        ("Market size & growth", 25, 19.1),  # (12.5 headline >= $1B + 10 growth >= 10%) x 0.85 (high)
        ("Pain severity & frequency", 25, 12.0),  # 25 x mean(6/6, 5/6) x 0.75 (one source) x 0.7 (medium)
        ("Competition gap", 20, 8.4),  # (7 a gap from one source + 5 medium saturation) x 0.7
        ("Willingness to pay", 15, 8.4),  # (8 a stated price + 4 competitors charge) x 0.7
        ("Timing & feasibility", 15, 4.9),  # (4 trends + 3 opportunities, one source each) x 0.7
    ]
    assert (score.total, score.verdict) == (53, "Uncertain")
    assert score.sub_scores[0].source_ids == ["S1", "S2"]
    assert score.sub_scores[3].evidence[0].text == "would pay $12 per month"
    assert [s.confidence for s in score.sub_scores] == ["high", "medium", "medium", "medium", "medium"]


def test_more_findings_of_the_same_quality_do_not_raise_the_score() -> None:
    # given the strong findings, and the same findings with every list repeated from further sentences
    market, competitor, customer = strong_findings()
    baseline = score_pmf(market, competitor, customer).total
    more = [claim(f"t{n}") for n in range(10)]
    market.trends += more
    market.opportunities += more
    competitor.gaps += [claim(f"g{n}", source="S3") for n in range(10)]
    customer.pain_points += [
        PainPoint(text=f"p{n}", source_ids=["S4"], verified=True, frequency="low", impact="medium")
        for n in range(10)
    ]
    # when scored (as a deep research finds more of the same on the same sources)
    # then the score is unchanged: it judges the best evidence, not how much of it there is
    assert score_pmf(market, competitor, customer).total == baseline


def test_vendor_claims_unchecked_claims_and_irrelevant_sources_add_no_points() -> None:
    market, competitor, customer = strong_findings()
    sources = [
        ReportSource(id="S1", url="u1", title="t", source_type="vendor", relevant=True),
        ReportSource(id="S2", url="u2", title="t", source_type="analyst_report", relevant=False),
        ReportSource(id="S3", url="u3", title="t", source_type="analyst_report", relevant=True),
        ReportSource(id="S4", url="u4", title="t", source_type="survey", relevant=True),
        ReportSource(id="S5", url="u5", title="t", source_type="survey", relevant=True),
    ]
    # given the market size from a vendor page (S1) and the growth rate from an off-topic source (S2)
    score = score_pmf(market, competitor, customer, sources)
    # then neither counts: the market criterion has no evidence, so it is neutral (40%) at low confidence
    market_sub = score.sub_scores[0]
    assert (market_sub.score, market_sub.confidence, market_sub.evidence) == (10.0, "low", [])
    assert score.sub_scores[4].score == 6.0  # the trends and opportunities are the vendor's too: neutral
    # and a claim whose figures are not in its quote counts for nothing either
    customer.willingness_to_pay[0].values_match = False
    assert (
        score_pmf(market, competitor, customer, sources).sub_scores[3].score == 2.2
    )  # paid market only x 0.55


def test_refuted_claims_earn_no_points_and_empty_findings_score_neutral_at_low_confidence() -> None:
    market, competitor, customer = strong_findings()
    for item in [*market.market_size, *market.growth, *market.trends, *market.opportunities]:
        item.verified = False
    # refuted claims are as good as missing: the criterion is neutral, at low confidence
    refuted = score_pmf(market, competitor, customer)
    assert [(s.score, s.confidence) for s in refuted.sub_scores[::4]] == [(10.0, "low"), (6.0, "low")]
    empty = score_pmf(MarketFindings(), CompetitorFindings(saturation="high"), CustomerFindings())
    assert (empty.total, empty.verdict) == (40, "Uncertain")
    assert {sub.confidence for sub in empty.sub_scores} == {"low"}


def test_money_parses_scaled_amounts() -> None:
    assert (money("$2.8 billion"), money("US$610 million"), money("\u20ac1,200 mn"), money("12%")) == (
        2.8e9,
        610e6,
        1.2e9,
        0.0,
    )


def test_growth_is_the_best_listed_rate_of_this_market_not_a_median_across_definitions() -> None:
    # given the idea's own segment growing 12% listed first, then a parent market's 4% and last year's 3%
    market, competitor, customer = strong_findings()
    market.growth = [
        Figure(text="segment CAGR of 12%", value="CAGR of 12%", source_ids=["S2"], verified=True),
        Figure(text="wider suite market 4% a year", value="4% a year", source_ids=["S2"], verified=True),
        Figure(
            text="grew 3% in 2019", value="grew 3%", source_ids=["S3"], verified=True, timeframe="historical"
        ),
    ]
    # when scored, then the segment's rate counts (10 points for >= 10%), not the median 4%
    rationale = score_pmf(market, competitor, customer).sub_scores[0].rationale
    assert "best stated growth of this market 12% (10 pts)" in rationale


def test_saturation_meets_the_sources_word_halfway_with_the_competitors_they_name() -> None:
    # given a source calling the market "not saturated" while the sources name six priced competitors
    market, competitor, customer = strong_findings()
    competitor.saturation = "low"
    competitor.competitors = [Competitor(name=f"Rival{n}", pricing="$20 per month") for n in range(6)]
    # then saturation is medium (5 points), not low (8): six competitors are evidence too
    sub = score_pmf(market, competitor, customer).sub_scores[2]
    assert "saturation medium among 6 competitors" in sub.rationale
    assert sub.score == round((7 + 5) * 0.7, 1)
    # and with two competitors the sources' "not saturated" stands
    competitor.competitors = competitor.competitors[:2]
    assert "saturation low" in score_pmf(market, competitor, customer).sub_scores[2].rationale


def test_stated_price_below_every_competitor_for_the_same_unit_earns_less() -> None:
    # given customers who would pay $5 a month while the cheapest rival charges $9.99 per month
    market, competitor, customer = strong_findings()
    customer.willingness_to_pay = [claim("the median answer was $5 a month", source="S5")]
    sub = score_pmf(market, competitor, customer).sub_scores[3]
    # then the stated price earns 4 points, not 8 (plus 4 for a paid market), at medium confidence
    assert (sub.score, sub.rationale.split(",")[0]) == (
        5.6,
        "Customers state a price they would pay",
    )
    assert "below what every competitor charges for the same unit" in sub.rationale
    # and a price stated per year is not compared with a monthly one
    customer.willingness_to_pay = [claim("would pay $5 per year", source="S5")]
    assert score_pmf(market, competitor, customer).sub_scores[3].score == 8.4


def test_a_stated_price_is_compared_only_with_competitors_pricing_the_same_item() -> None:
    # given customers who would pay 20 per locker per day, one rival at 30 per locker per day and another
    # at 2 per kg per day (another item: not cheaper for the same thing)
    market, competitor, customer = strong_findings()
    customer.willingness_to_pay = [claim("the median answer was KES 20 per locker per day", source="S5")]
    competitor.competitors = [
        Competitor(name="Acme", pricing="KES 30 per locker per day"),
        Competitor(name="Kilo", pricing="KES 2 per kg per day"),
    ]
    # then the stated price is below every rival charging for lockers: fewer points
    sub = score_pmf(market, competitor, customer).sub_scores[3]
    assert "below what every competitor charges for the same unit" in sub.rationale
    # and with only the per-kg rival there is nothing to compare with
    competitor.competitors[0].pricing = ""
    sub = score_pmf(market, competitor, customer).sub_scores[3]
    assert "below what every competitor" not in sub.rationale


def test_a_market_size_in_another_currency_is_judged_in_us_dollars() -> None:
    # given the same findings with a market of 2.8 billion in three currencies
    def market_points(value: str) -> float:
        market, competitor, customer = strong_findings()
        market.market_size = [Figure(text=f"worth {value}", value=value, source_ids=["S1"], verified=True)]
        return score_pmf(market, competitor, customer).sub_scores[0].score

    # then dollars and euros of that size are over a billion dollars (12.5 points before confidence)
    assert market_points("$2.8 billion") == market_points("EUR 2.8 billion") == 19.1
    # while 2.8 billion crowns are about $280 million (8 points) and 2.8 billion rupiah under $1m (3)
    assert market_points("SEK 2.8 billion") == round((8 + 10) * 0.85, 1)
    assert market_points("Rp 2.8 billion") == round((3 + 10) * 0.85, 1)
    # and a size in crore is read with its scale: ₹2,800 crore is about $320 million
    assert market_points("₹2,800 crore") == round((8 + 10) * 0.85, 1)


def test_a_growth_rate_stated_years_ago_earns_no_growth_points() -> None:
    # given a 2016 article's "10% a year for the rest of the decade" listed before today's 4% forecast
    market, competitor, customer = strong_findings()
    market.growth = [
        Figure(text="about 10% a year", value="10% a year", source_ids=["S2"], verified=True, dated=True),
        Figure(text="CAGR of 4% to 2030", value="CAGR of 4%", source_ids=["S3"], verified=True),
    ]
    # when scored, then today's rate counts (4 points for > 0%), not the dated 10%
    rationale = score_pmf(market, competitor, customer).sub_scores[0].rationale
    assert "best stated growth of this market 4% (4 pts)" in rationale
    # and with the dated rate alone, no growth is found
    market.growth = market.growth[:1]
    rationale = score_pmf(market, competitor, customer).sub_scores[0].rationale
    assert "best stated growth of this market not found (0 pts)" in rationale


def test_a_rate_sustained_over_years_counts_before_one_years_change() -> None:
    # given the analyst's first growth figure a one-year jump, then a five-year forecast
    market, competitor, customer = strong_findings()
    market.growth = [
        Figure(
            text="Piano tuning apps earned €6m in 2025, up 17% on 2024.",
            quote="Piano tuning apps earned €6m in 2025, up 17% on 2024.",
            value="up 17% on 2024",
            source_ids=["S2"],
            verified=True,
        ),
        Figure(text="a CAGR of 6% for 2025-2030", value="CAGR of 6%", source_ids=["S3"], verified=True),
    ]
    # when scored, then the sustained rate counts (7 points for >= 5%), not one year's 17%
    rationale = score_pmf(market, competitor, customer).sub_scores[0].rationale
    assert "best stated growth of this market 6% (7 pts)" in rationale
