"""Market figures read from key-figures tables and definitions written as one word, on invented
material about heated boot lockers at ski resorts and a beekeeping-services market (no corpus
sentences)."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.extractive_market import analyse_market
from agents.analysts.figures import figures
from agents.analysts.idea import parse_idea, terms
from agents.analysts.sentences import Sentence, stem
from agents.analysts.vetting import Evidence
from agents.citations import check_claim
from agents.evidence import adjacent_market, compounds, lexical_terms, set_aside_adjacent_markets
from agents.state import Figure, MarketFindings, Source, SourceAssessment


def row(text: str) -> list[Figure]:
    return figures(Sentence(text, "S1", 0, "Key figures"), 2025, 2026)


def test_a_key_figures_row_names_a_growth_rate_and_a_forecast_by_its_label() -> None:
    # given a report's key-figures table, its cells joined as a row
    growth = row("Compound annual growth, 2025\u20132030 | 6.4%")
    forecast = row("Forecast, 2030 | $820m")
    # then the growth row is a growth rate and the forecast row a market-size forecast
    assert [(f.kind, f.timeframe) for f in growth] == [("growth_rate", "forecast")]
    assert "6.4%" in growth[0].value
    assert [(f.kind, f.value, f.year, f.timeframe) for f in forecast] == [
        ("market_size", "$820m", "2030", "forecast")
    ]
    # and a forecast in running prose about one company keeps its kind
    assert all(f.kind != "market_size" for f in row("Forecast revenue at Hivecare is $8m for 2030."))


def test_a_definition_writing_two_of_the_ideas_words_as_one_is_the_ideas_market() -> None:
    # given an idea whose skiers "drop off" their boots, and sources sizing "dropoff lockers" (the idea's
    # own words as one) and "luggage lockers" (a sibling)
    idea_text = (
        "Heated lockers at ski resorts where skiers drop off boots overnight, rented per locker per season."
    )
    idea = lexical_terms(parse_idea(idea_text))
    words = [stem(term) for term in terms(idea_text)] + compounds(idea_text)

    def stated(quote: str, value: str, scope: str) -> Figure:
        return Figure(
            text=quote, quote=quote, value=value, kind="market_size", scope=scope, source_ids=["S1"]
        )

    own = stated("Spending on dropoff lockers for boots reached $40 million in 2024.", "$40 million",
                 "dropoff lockers boots")  # fmt: skip
    sibling = stated("Spending on luggage lockers at stations reached $90 million in 2024.", "$90 million",
                     "luggage lockers stations")  # fmt: skip
    # then the one-word form of the idea's words is the idea's qualifier, the other a sibling's
    assert stem("dropoff") in compounds(idea_text)
    assert not adjacent_market(own, idea, words)
    assert adjacent_market(sibling, idea, words)
    market = MarketFindings(market_size=[own, sibling])
    set_aside_adjacent_markets(market, idea, idea_text)
    assert [f.value for f in market.market_size] == ["$40 million"]


POLLINATION_NOTE = """# Pollination services in orchards: evaluation 2026

## How many hives

| Indicator | 2022 | 2025 |
|---|---|---|
| Hives rented to orchards for pollination | 1,200 | 2,050 |
| Average rent per hive | n/a | $45 |

Growers said demand peaks in April.
"""


def test_a_table_over_years_states_a_trend_quoting_its_header_and_row() -> None:
    # given an evaluation whose table gives an indicator in two years
    source = Source(
        id="S1",
        url="https://s1.example/page",
        title="Pollination services in orchards",
        content=POLLINATION_NOTE,
        agent="market",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
    )
    notes = [SourceAssessment(source_id="S1", source_type="unknown", relevant=True, relevance=0.8)]
    market = analyse_market(
        Evidence(sources=[source], assessments=notes, research_year=2026), {"pollination"}
    )
    trends = {claim.text: claim for claim in market.trends}
    # then the row is a trend, stating each value with its year
    row = trends["Hives rented to orchards for pollination: 1,200 in 2022, 2,050 in 2025"]
    # and its quote (the header and the row) is in the source and holds every number it states
    check_claim(row, {"S1": source})
    assert row.verified
    # and a row with one year's value only states no change
    assert not any(text.startswith("Average rent per hive") for text in trends)
