"""Market figures on invented text about tide clocks and piano tuning (no corpus sentences): a kind of
product that "earned" an amount is its market, and a report's whole-market figure stated "on that
definition" (its definition in the sentences before) ranks above forecasts and parts of it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.analysts.amounts import currency_code
from agents.analysts.extractive_market import analyse_market
from agents.analysts.figures import figures, numbers_in
from agents.analysts.sentences import Sentence
from agents.analysts.vetting import Evidence
from agents.state import Source


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # a kind of product as the subject: all its makers' takings together
        ("Standalone tide-clock apps earned NZD 3.1m in New Zealand in 2025.", "NZD 3.1m", "market_size"),
        ("Hand-built harbour clocks earned $2.4 million last year.", "$2.4 million", "market_size"),
        # one named firm is still a firm
        ("Harbourline earned NZD 3.1m in 2025, up from NZD 2.2m.", "NZD 3.1m", "company_revenue"),
        ("Harbourline's apps earned NZD 3.1m in 2025.", "NZD 3.1m", "company_revenue"),
    ],
)
def test_what_a_kind_of_product_earned_is_its_market(text: str, value: str, kind: str) -> None:
    assert {found.value: found.kind for found in numbers_in(text)}[value] == kind


def test_a_whole_market_sized_on_the_definition_before_it_ranks_above_forecasts_of_its_parts() -> None:
    report = Source(
        id="S1",
        url="https://keys-research.example/piano-services-2026",
        title="Piano Services in Ireland: Market Report 2026",
        agent="market",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
        content=(
            "# Piano Services in Ireland: Market Report 2026\n\n"
            "## Definition and size\n\n"
            "We define piano services as tuning, regulation and repair bought by households, schools and "
            "venues.\n\n"
            "On that definition the Irish market was worth €14.2 million in 2025.\n\n"
            "| Segment | 2025 | 2030 (forecast) |\n|---|---|---|\n"
            "| of which: piano tuning for households | €6.1 million | €7.9 million |\n"
            "| of which: piano tuning for schools | €2.2 million | €3.0 million |\n"
            "| of which: piano tuning for venues | €1.4 million | €1.8 million |\n"
        ),
    )
    evidence = Evidence(sources=[report], assessments=[], research_year=2026)
    found = analyse_market(evidence, {"piano", "tuning"})
    # the whole market of the relevant report is kept, although its sentence names none of the idea's
    # words (they are in the definition before it), and ranks above every forecast of its parts
    values = [figure.value for figure in found.market_size]
    forecasts = [i for i, figure in enumerate(found.market_size) if figure.timeframe == "forecast"]
    assert "€14.2 million" in values
    assert all(values.index("€14.2 million") < i for i in forecasts)


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        # any currency written as the word of its name, from Babel's names (no list of our own)
        ("The clinic market was worth 7.6 trillion won in 2025.", "7.6 trillion won", "KRW"),
        ("Ferry tickets cost 300,000 dong each.", "300,000 dong", "VND"),
        ("A rickshaw ride costs 80 taka.", "80 taka", "BDT"),
        ("Tutors charge 12 reais an hour.", "12 reais an hour", "BRL"),
    ],
)
def test_amounts_in_any_currency_written_as_a_word(text: str, value: str, code: str) -> None:
    assert value in {found.value for found in numbers_in(text)}
    assert currency_code(value) == code


def test_words_of_currency_names_that_are_english_words_are_no_amounts() -> None:
    assert numbers_in("The ferry crew won 3 races in 2024.") == []
    assert [found.value for found in numbers_in("Sales grew 4% in real terms; 3 units were sold.")] == [
        "grew 4%"
    ]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # millions of a small unit are what one customer pays, never a whole market
        (
            "Families spent on average ₩11.6 million per funeral at the hall.",
            "₩11.6 million",
            "customer_spend",
        ),
        ("Households spent Rp 4.5 million on school fees last term.", "Rp 4.5 million", "customer_spend"),
        # while millions of a large unit can be a market
        ("Households spent €4.5 million on piano tuning last year.", "€4.5 million", "market_size"),
        # money held is no year's spending
        (
            "Members had paid in prepaid balances of 9.6 trillion won by 2025.",
            "9.6 trillion won",
            "other",
        ),
        ("Savers paid $4 billion into deposits at credit unions.", "$4 billion", "other"),
    ],
)
def test_small_units_and_money_held_are_no_market(text: str, value: str, kind: str) -> None:
    found = {figure.value: figure.kind for figure in figures(Sentence(text, "S1", 1), 2026, 2026)}
    assert found[value] == kind


TREND_ITEMS = [
    ("Fewer tuners", "Tuners are retiring faster than apprentices qualify.",
     "Average waits for a tuning visit in Dublin reached three weeks in 2025."),
    ("Digital pianos", "Schools are replacing uprights with digital pianos.",
     "Digital pianos made up 40% of the pianos schools bought in 2025."),
    ("Concert halls", "Halls now tune before every recital.",
     "Most halls now sign tuning contracts that run for a whole season."),
    ("Humidity", "Hotter summers put pianos out of tune sooner.",
     "Owners in coastal towns now call a tuner twice a year on average."),
    ("Apprenticeships", "A new apprenticeship opened in Cork in 2025.",
     "The apprenticeship takes six students a year and lasts three years."),
]  # fmt: skip


def test_a_trends_section_gives_one_trend_per_item_before_the_sentences_that_follow() -> None:
    items = "\n".join(f"- **{name}.** {first} {second}" for name, first, second in TREND_ITEMS)
    report = Source(
        id="S1",
        url="https://keys-research.example/piano-trends-2026",
        title="Piano Services in Ireland: Trends 2026",
        agent="market",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
        content=(
            "# Piano Services in Ireland: Trends 2026\n\n## Landscape and drivers\n\n"
            "**Providers.** KeyCare leads among piano tuning firms in Dublin. TuneRight serves schools "
            "across Munster with a fleet of vans. Two family tuning firms closed in Galway in 2025.\n\n"
            f"**Drivers we see in 2026:**\n\n{items}\n"
        ),
    )
    evidence = Evidence(sources=[report], assessments=[], research_year=2026)
    trends = [claim.text for claim in analyse_market(evidence, {"piano", "tuning"}).trends]
    # each item's first sentence is a trend, before the second sentences crowd them out of the list;
    # the list's introduction states none
    for _, first, _ in TREND_ITEMS:
        assert any(first in trend for trend in trends), (first, trends)
    assert not any(trend.rstrip("*_ ").endswith(":") for trend in trends)


def test_a_figure_naming_no_market_takes_the_definition_its_source_gives_nearby() -> None:
    defined = Source(
        id="S1",
        url="https://harbour-research.example/ferry-ticketing-2026",
        title="Ferry Ticketing in Greece: Market Brief 2026",
        agent="market",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
        content=(
            "# Ferry Ticketing in Greece: Market Brief 2026\n\n## How we size the market\n\n"
            "We define the market as what ferry operators spend on passenger ticketing software across "
            "Greece: licences, booking fees and support. We exclude freight.\n\n"
            "On that definition the market was worth €18 million in 2025.\n"
        ),
    )
    covered = Source(
        id="S2",
        url="https://islands-economy.example/sea-travel-2025",
        title="The sea-travel economy of the Greek islands, 2025",
        agent="market",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
        content=(
            "# The sea-travel economy of the Greek islands, 2025\n\n"
            "We put the sea-travel market at €410 million in 2025. Unlike estimates that count only "
            "software, our figure covers everything travellers pay to reach the islands by sea: ferry "
            "tickets, port fees and onboard spending.\n"
        ),
    )
    evidence = Evidence(sources=[defined, covered], assessments=[], research_year=2026)
    sizes = {f.value: f.scope for f in analyse_market(evidence, {"ferry", "ticketing"}).market_size}
    # each whole-market figure is labelled with what its source says it counts, in its first words; the
    # wider one is about the idea because its definition lists ferry tickets among what it counts
    assert sizes["€18 million"] == "what ferry operators spend on passenger ticketing software across Greece"
    assert sizes["€410 million"] == "everything travellers pay to reach the islands by sea"
