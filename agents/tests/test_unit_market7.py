"""Market figures on invented text about beekeeping, ferry tickets and piano tuning (no corpus sentences):
what a number measures (a premises fit-out, a bound on firms' size, a total that "came to"), when (a
modal forecast), whether a rate is a market's growth or a price change, one figure per amount a source
states, and a source that puts the idea's own kind of product outside its scope."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.analysts.extractive_market import analyse_market
from agents.analysts.figures import figures, numbers_in
from agents.analysts.idea import parse_idea
from agents.analysts.sentences import Sentence
from agents.analysts.sourcing import idea_terms
from agents.analysts.vetting import Evidence
from agents.evidence import find_conflicts, other_product_market, set_aside_adjacent_markets
from agents.state import Figure, MarketFindings, Source


def kinds(text: str) -> dict[str, str]:
    return {found.value: found.kind for found in numbers_in(text)}


def _source(content: str, source_id: str = "S1") -> Source:
    return Source(
        id=source_id,
        url=f"https://harbour-notes.example/{source_id}",
        title=content.splitlines()[0].lstrip("# "),
        agent="market",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
        content=content,
    )


# --- growth or a change of prices -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a price named after the rate says why it grew, not what grew
        "This is the fastest-growing part of the market, at about 12% a year, as basic tuning becomes part "
        "of the piano dealer's price.",
        # a rate after inflation is the market's own growth
        "Most of that is price: in real terms we expect growth of only about 2.1% a year.",
    ],
)
def test_a_market_rate_beside_a_price_word_is_growth(text: str) -> None:
    assert "growth_rate" in kinds(text).values()


def test_a_rate_whose_subject_is_a_price_is_no_growth() -> None:
    assert (
        "growth_rate"
        not in kinds("Ferry ticket prices rose 7% a year since 2022, the operator says.").values()
    )


def test_the_growth_of_results_a_named_firm_reported_is_no_market_growth() -> None:
    text = (
        "Harbourline, which runs 14 ferries on the coast, reported revenue of £96 million for 2024, up 9% on "
        "the previous year, driven by higher fares."
    )
    assert "growth_rate" not in kinds(text).values()


def test_a_part_of_a_sources_total_is_not_another_products_market() -> None:
    figure = Figure(
        text="Within the total, hive inspection apps accounted for NZ$1.2 million in 2025.",
        quote="Within the total, hive inspection apps accounted for NZ$1.2 million in 2025.",
        source_ids=["S1"],
        value="NZ$1.2 million",
        kind="market_size",
        scope="hive inspection apps",
    )
    assert not other_product_market(figure, {"beekeep", "colony"}, "Hive inspection apps in 2025")


# --- forecasts, costs and totals --------------------------------------------------------------------------


def test_an_amount_a_place_should_grow_to_is_a_forecast() -> None:
    sentence = Sentence("Norway should grow faster, at about 7% a year, to roughly $40 million.", "S1", 0)
    assert {f.value: f.timeframe for f in figures(sentence, 2026, 2026)}["$40 million"] == "forecast"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Spent $2.3m fitting out the new honey house in 2024.", "$2.3m"),
        ("A beekeeping couple has opened a second shop in Nelson after a $1.5m fit-out.", "$1.5m"),
        ("The ferry company spent EUR 4 million refurbishing its waiting rooms.", "EUR 4 million"),
    ],
)
def test_fitting_out_premises_is_a_cost_not_a_market(text: str, value: str) -> None:
    assert kinds(text)[value] != "market_size"


def test_a_total_that_came_to_an_amount_is_a_market_size_unless_a_cost() -> None:
    booked = "Ferry tickets sold through the national booking service came to EUR 8.2m in 2024."
    assert kinds(booked)["EUR 8.2m"] == "market_size"
    assert kinds("The cost of the new pier came to $3 million.")["$3 million"] == "cost"


def test_a_bound_on_firms_sales_in_a_definition_is_no_market_size() -> None:
    text = (
        "We define the market as the money that apiaries with annual sales under $2 million pay "
        "contract packers to jar and label their honey."
    )
    assert kinds(text)["$2 million"] != "market_size"


# --- which figures the analyst lists ----------------------------------------------------------------------


def test_a_table_cell_and_a_sentence_stating_one_amount_are_one_figure() -> None:
    report = _source(
        "# Piano tuning in Ireland: market brief 2026\n\n"
        "## How we size the market\n\n"
        "On that definition the market was worth **€6.4 million in 2025**, we estimate.\n\n"
        "| | 2025 | 2030 (forecast) |\n"
        "|---|---|---|\n"
        "| All piano tuning and repair | €6.4m | €8.0m |\n"
    )
    found = analyse_market(
        Evidence(sources=[report], assessments=[], research_year=2026), {"piano", "tuning"}
    )
    current = [f for f in found.market_size if f.timeframe == "current"]
    assert [f.value for f in current] == ["€6.4 million"]  # the statement whose quote shows its year


def test_a_source_putting_the_ideas_kind_out_of_scope_sizes_another_market() -> None:
    other = _source(
        "# Passenger ticketing for ferries: market note 2025\n\n"
        "Ferry operators spent EUR 40m on passenger ticketing software in 2025, Harbour Watch estimates.\n\n"
        "Growth has been steady, at about 6% a year since 2021.\n\n"
        "Note: freight ticketing is outside the scope of this note.\n",
        "S1",
    )
    own = _source(
        "# Freight ticketing for ferries 2026\n\n"
        "## Market size\n\n"
        "Hauliers spent EUR 9m on freight ticketing software for ferries in 2025.\n",
        "S2",
    )
    found = analyse_market(
        Evidence(sources=[other, own], assessments=[], research_year=2026),
        {"freight", "ticketing", "ferry", "haulier"},
    )
    assert [f.value for f in found.market_size] == ["EUR 9m"]
    assert found.growth == []


def test_a_market_named_in_the_words_of_a_problem_first_pitch_is_the_ideas_own() -> None:
    idea = (
        "Island hoppers who dream of a Greek ferry holiday lose whole days in ticket queues.\n\n"
        "We let travellers book every leg at a fixed price in one basket, with a refund if a sailing is "
        "cancelled.\n\nWe earn a commission from each operator."
    )
    quote = "The ferry tourism economy generated EUR 90 million of spending in Greece in 2024."
    figure = Figure(
        text=quote, quote=quote, source_ids=["S1"], value="EUR 90 million", kind="market_size",
        scope="ferry tourism economy", year="2024",
    )  # fmt: skip
    market = MarketFindings(summary="", market_size=[figure])
    titles = {"S1": "Ferry Tourism in Greece: Annual Observatory Report 2024"}
    set_aside_adjacent_markets(market, idea_terms(parse_idea(idea)), idea, titles)
    assert [f.value for f in market.market_size] == ["EUR 90 million"]


def test_a_quantity_stated_at_two_dates_is_a_trend() -> None:
    report = _source(
        "# Island ferries: port statistics 2025\n\n"
        "Ferry crossings booked online rose from 41,000 in 2022 to 66,500 in 2024, the port says.\n\n"
        "The harbour office is open from nine to five on weekdays and closed on public holidays.\n"
    )
    found = analyse_market(
        Evidence(sources=[report], assessments=[], research_year=2026), {"ferry", "booking", "online"}
    )
    assert any("41,000 in 2022" in claim.text for claim in found.trends)


def _size(quote: str, value: str, source_id: str, year: str) -> Figure:
    return Figure(text=quote, quote=quote, source_ids=[source_id], value=value, kind="market_size", year=year)


def test_a_part_and_its_whole_may_both_contradict_another_sources_size() -> None:
    whole = _size(
        "Beekeepers spent NZ$14.2 million on hive services in 2025.", "NZ$14.2 million", "S1", "2025"
    )
    part = _size(
        "Within the total, guided hive inspections accounted for NZ$4.9 million in 2025.",
        "NZ$4.9 million",
        "S1",
        "2025",
    )
    other = _size("Hive service firms earned NZ$6.8 million in 2024.", "NZ$6.8 million", "S2", "2024")
    conflicts = find_conflicts([whole, part, other], relevant=set())
    assert [{side.value for side in c.sides} for c in conflicts] == [
        {"NZ$4.9 million", "NZ$6.8 million"},
        {"NZ$14.2 million", "NZ$6.8 million"},
    ]


def test_a_whole_far_from_the_other_side_is_no_second_conflict() -> None:
    whole = _size("Beekeepers spent NZ$240 million on hive services in 2025.", "NZ$240 million", "S1", "2025")
    part = _size(
        "Within it, guided hive inspections accounted for NZ$4.9 million in 2025.",
        "NZ$4.9 million",
        "S1",
        "2025",
    )
    other = _size("Hive service firms earned NZ$6.8 million in 2024.", "NZ$6.8 million", "S2", "2024")
    conflicts = find_conflicts([whole, part, other], relevant=set())
    assert [{side.value for side in c.sides} for c in conflicts] == [{"NZ$4.9 million", "NZ$6.8 million"}]
