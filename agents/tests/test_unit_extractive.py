"""The extractive analyst's patterns and heuristics."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.analysts.competitors import analyse_competitors, saturation
from agents.analysts.extractive import parse_idea
from agents.analysts.extractive_customer import analyse_customers, frequency
from agents.analysts.idea import restatement
from agents.analysts.sentences import GROWTH, MONEY, PRICE, Sentence, split_sentences
from agents.analysts.vetting import Evidence
from agents.state import Source


def evidence(*sources: Source) -> Evidence:
    """Sources an analyst may use (all relevant, none a vendor's)."""
    return Evidence(sources=list(sources), assessments=[], research_year=2025)


def source(content: str, source_id: str = "C1") -> Source:
    return Source(
        id=source_id,
        url="https://x.example",
        title="T",
        content=content,
        agent="competitor",
        retrieved_at=datetime.now(UTC),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the market was worth $2.8 billion in 2024", "$2.8 billion"),
        ("revenue reached US$610 million", "US$610 million"),
        ("a \u00a31,200 million opportunity", "\u00a31,200 million"),
        ("valued at 4.5 billion dollars", "4.5 billion dollars"),
        ("costs $9.99 per month", None),
    ],
)
def test_money_pattern(text: str, expected: str | None) -> None:
    match = MONEY.search(text)
    assert (match.group(0) if match else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("forecast to grow at a CAGR of 13.4% from 2024 to 2030", "CAGR of 13.4%"),
        ("downloads grew 48% year over year", "48% year over year"),
        ("a 12.5% CAGR through 2030", "12.5% CAGR"),
        ("revenue increased by 9% in 2024", "increased by 9%"),
        ("41% of parents use an app", None),
    ],
)
def test_growth_pattern(text: str, expected: str | None) -> None:
    match = GROWTH.search(text)
    assert (match.group(0) if match else None) == expected


def test_price_pattern() -> None:
    assert [m.group(0) for m in PRICE.finditer("$9.99 per month or $59.99 per year, or 12 EUR")] == [
        "$9.99 per month",
        "$59.99 per year",
        "12 EUR",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The scale costs $1,200 as a one-time purchase.", ["$1,200"]),
        ("Setup is $1,200.50 and the app is $9.99.", ["$1,200.50", "$9.99"]),
        ("Team costs $4 per user per month when billed monthly.", ["$4 per user per month"]),
        ("Starter is $8/user/month or $89/month per location.", ["$8/user/month", "$89/month per location"]),
        ("Pro costs $49 per location per month.", ["$49 per location per month"]),
        ("Plans cost $5 a month, $3/mo or $12 per seat.", ["$5 a month", "$3/mo", "$12 per seat"]),
        ("The market was worth $2.8 billion in 2024.", []),
    ],
)
def test_price_pattern_keeps_separators_decimals_and_compound_units(text: str, expected: list[str]) -> None:
    # given a sentence quoting prices; when PRICE scans it; then each price is read whole, unit included
    assert [m.group(0) for m in PRICE.finditer(text)] == expected


def test_competitor_pricing_reads_whole_prices() -> None:
    # given competitors priced in thousands and per user per month
    text = (
        "Acme Scale costs $1,200 per kitchen as a one-time purchase. "
        "Beta Team costs $4 per user per month when billed monthly."
    )
    # when the competitors are analysed
    findings = analyse_competitors(evidence(source(text)), set())
    # then the pricing keeps the thousands separator and the full unit
    assert [(c.name, c.pricing) for c in findings.competitors] == [
        ("Acme Scale", "$1,200 per kitchen"),
        ("Beta Team", "$4 per user per month"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts rate the market as moderately saturated, with a score of 6 out of 10.", "medium"),
        ("The segment for independent kitchens is rated lightly saturated by analysts.", "low"),
        ("The niche for remote engineering teams is not yet saturated by any vendor.", "low"),
        ("The niche for remote engineering teams remains under-saturated in every region.", "low"),
        ("Analysts rate the overall meal planning market as highly saturated today.", "high"),
        ("The consumer budgeting app category is heavily saturated in North America.", "high"),
        ("The consumer budgeting app category is over-saturated in North America.", "high"),
        ("The meal planning app category is saturated at the top of the funnel.", "high"),
        ("The consumer budgeting app category is highly fragmented in North America.", "medium"),
    ],
)
def test_saturation_qualifiers_set_the_level(text: str, expected: str) -> None:
    # given a sentence rating saturation with or without a qualifier
    sentence = Sentence(text, "C1", 0)
    # when saturation is assessed
    level, rationale, evidence = saturation([sentence], competitors=0)
    # then the qualifier decides the level and the sentence is the rationale
    assert (level, rationale, evidence) == (expected, text, [sentence])


def test_sentences_skip_headings_tables_quotes_and_list_intros() -> None:
    text = (
        "# Title\n## Section\n> Sample data.\n| a | b |\n"
        "- The first bullet sentence is long enough.\nReasons were:\n"
        "One sentence here is certainly long enough now. Another one follows right after it, as expected."
    )
    sentences = split_sentences(source(text))
    assert [s.text for s in sentences] == [
        "The first bullet sentence is long enough.",
        "One sentence here is certainly long enough now.",
        "Another one follows right after it, as expected.",
    ]
    assert sentences[0].heading == "Section"


def test_competitors_are_pricing_subjects_with_tiers_merged() -> None:
    text = (
        "Acme Plan costs $9.99 per month for households. Acme Plan Plus costs $14.99 per month. "
        "Beta positions itself as the budget option. The market leader is unclear. "
        "Harrow Research sees a gap that no competitor fills. Beta is free with ads for every household."
    )
    findings = analyse_competitors(evidence(source(text)), set())
    assert [(c.name, c.pricing) for c in findings.competitors] == [
        ("Acme Plan", "$9.99 per month"),
        ("Beta", "Free"),
    ]
    assert findings.competitors[0].evidence[0].quote == "Acme Plan costs $9.99 per month for households."
    assert [g.quote for g in findings.gaps] == ["Harrow Research sees a gap that no competitor fills."]


def test_pain_points_carry_survey_frequency_and_quote() -> None:
    text = (
        "62% of parents said planning dinner is the most stressful task. "
        "Some users find setup hard to finish."
    )
    findings = analyse_customers(evidence(source(text, "U1")), set())
    assert [(p.quote, p.frequency, p.impact, p.source_ids) for p in findings.pain_points] == [
        ("62% of parents said planning dinner is the most stressful task.", "high", "high", ["U1"]),
        ("Some users find setup hard to finish.", "medium", "medium", ["U1"]),
    ]
    assert (frequency("12% said"), frequency("30% said"), frequency("no share")) == (
        "low",
        "medium",
        "medium",
    )


def test_parse_idea_splits_product_and_customer_and_keeps_every_distinctive_word() -> None:
    context = parse_idea("A scheduling assistant for dental clinics, with reminders. It texts patients.")
    assert (context.sector, context.target_customer) == ("scheduling assistant", "dental clinics")
    assert context.queries.competitor == (
        "scheduling assistant dental clinics reminders texts patients competitors pricing alternatives"
    )


def test_a_long_idea_is_never_cut_and_its_summary_sentence_is_grammatical() -> None:
    # given an idea whose distinctive words come after the eighth word, without an "X for Y" shape
    idea = (
        "A subscription app that coaches people with type 2 diabetes to lower their glucose after meals, "
        "using a continuous glucose monitor."
    )
    context = parse_idea(idea)
    # then every query carries the distinctive words, and the summary restates the whole first sentence
    for query in context.queries.model_dump().values():
        assert "diabetes" in query and "glucose" in query
    assert (
        "subscription" not in context.queries.market.split() and "app" not in context.queries.market.split()
    )
    assert restatement(idea) == (
        "This report assesses a subscription app that coaches people with type 2 diabetes to lower their "
        "glucose after meals, using a continuous glucose monitor."
    )
    assert restatement("Rent solar cold rooms to farmers by the crate.") == (
        "This report assesses the idea \u201cRent solar cold rooms to farmers by the crate\u201d."
    )


def test_blank_model_queries_fall_back_to_idea_queries() -> None:
    from agents.nodes.supervisor import with_queries
    from agents.state import AgentQueries, ProductContext

    plan = ProductContext(
        product_idea="A budgeting app for students.",
        sector="fintech",
        target_customer="students",
        product_context="",
        queries=AgentQueries(market="student budgeting market", competitor="  ", customer=""),
    )
    assert with_queries(plan).queries.model_dump() == {
        "market": "student budgeting market",
        "competitor": "budgeting students competitors pricing alternatives",
        "customer": "budgeting students customers pain points survey willingness to pay",
    }


def test_pain_words_that_name_the_ideas_own_domain_do_not_make_a_pain_point() -> None:
    from agents.analysts.customer_signals import pain_cues

    # given a food-waste product, "waste" describes the domain, not a customer's pain
    text = "Restaurants waste food and find the reports frustrating."
    assert pain_cues(text, {"restaurant", "waste", "tracking"}) == ["frustrating"]
    # while an idea without that word keeps it
    assert pain_cues(text, {"meal", "planning"}) == ["waste", "frustrating"]


def test_pain_frequency_reads_shares_written_in_words() -> None:
    from agents.analysts.extractive_customer import shares_in

    assert shares_in("Sixty-one percent of owners, one in four shops and half of them") == [61, 25.0, 50.0]
    assert (frequency("Seventy percent said so"), frequency("one in ten said so")) == ("high", "low")
