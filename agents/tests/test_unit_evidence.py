"""Typed evidence on small synthetic texts: figures, placement, source typing, relevance, conflicts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.analysts.amounts import MONEY, PRICE, amount
from agents.analysts.conflicts import measure_conflicts, price_conflicts
from agents.analysts.extractive_customer import analyse_customers
from agents.analysts.figures import figures
from agents.analysts.idea import parse_idea, terms
from agents.analysts.sentences import Sentence, split_line, split_sentences, stem
from agents.analysts.sourcing import assess, source_type
from agents.analysts.vetting import Evidence
from agents.citations import quote_found
from agents.evidence import (
    adjacent_market,
    find_conflicts,
    headline,
    lexical_terms,
    set_aside_adjacent_markets,
)
from agents.state import AgentName, Figure, MarketFindings, Source


def source(
    content: str,
    source_id: str = "U1",
    *,
    url: str = "https://x.example/a",
    title: str = "T",
    agent: AgentName = "customer",
) -> Source:
    return Source(
        id=source_id, url=url, title=title, content=content, agent=agent, retrieved_at=datetime.now(UTC)
    )


def typed(text: str) -> list[tuple[str, str, str, str, str]]:
    """(value, kind, timeframe, year, geography) of each figure of one sentence, written in 2025."""
    return [
        (f.value, f.kind, f.timeframe, f.year, f.geography)
        for f in figures(Sentence(text, "M1", 0), reference_year=2025, research_year=2026)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The global bike repair market was worth $4.1 billion in 2024 and is forecast to reach "
            "$6.3 billion by 2030.",
            [
                ("$4.1 billion", "market_size", "current", "2024", "global"),
                ("$6.3 billion", "market_size", "forecast", "2030", "global"),
            ],
        ),
        (
            "Spokewise raised $14 million in a Series A round in 2024.",
            [("$14 million", "funding", "current", "2024", "")],
        ),
        (
            "One repair chain reported $2.2 million in annual sales.",
            [("$2.2 million", "company_revenue", "current", "", "")],
        ),
        ("Each repair van costs $38,000 to build and equip.", [("$38,000", "cost", "current", "", "")]),
        (
            "In 2015, the bicycle service market in Germany was EUR 2 bn.",
            [("EUR 2 bn", "market_size", "historical", "2015", "Germany")],
        ),
        (
            "There are 310,000 bike commuters in Kenya today.",
            [("310,000 bike commuters", "population", "current", "", "Kenya")],
        ),
        (
            "Analysts expect a CAGR of 9.5% from 2025 to 2030.",
            [("CAGR of 9.5%", "growth_rate", "forecast", "2025 to 2030", "")],
        ),
        (
            "Spokewise Plus costs $29 per rider per month.",
            [("$29 per rider per month", "price", "current", "", "")],
        ),
        (  # "we project" is a verb, not one organisation's capital project
            "We project spending on hive sensors to rise at a compound annual rate of 12.5% through "
            "2031, to roughly $900 million.",
            [
                ("compound annual rate of 12.5%", "growth_rate", "forecast", "2031", ""),
                ("$900 million", "market_size", "forecast", "2031", ""),
            ],
        ),
        (
            "Growth in paid hive subscriptions was around 6% last year.",
            [("Growth in paid hive subscriptions was around 6%", "growth_rate", "current", "", "")],
        ),
        (
            "Spending on pollination contracts grew 7% in 2024 over 2023.",
            [("grew 7%", "growth_rate", "current", "2024", "")],
        ),
        (
            "Our 2030 forecast is USD 410 million, assuming import rules stay as they are.",
            [("USD 410 million", "market_size", "forecast", "2030", "")],
        ),
        (  # a whole group's earnings are a market; one person's or a named firm's are not
            "Kenyan dairy farmers earned an estimated $2.1 billion from export buyers in 2024.",
            [("$2.1 billion", "market_size", "current", "2024", "")],
        ),
        (
            "One dairy farmer earned $1.2 million from a single export buyer.",
            [("$1.2 million", "company_revenue", "current", "", "")],
        ),
    ],
)
def test_figures_are_typed_by_kind_timeframe_year_and_place(
    text: str, expected: list[tuple[str, ...]]
) -> None:
    assert typed(text) == expected


def test_a_figure_more_than_five_years_old_is_dated_and_a_claimed_one_is_a_vendor_claim() -> None:
    old = figures(Sentence("The market was $300 million in 2014.", "M1", 0), 2025, 2026)[0]
    claimed = figures(Sentence("Spokewise claims a $9 billion market for its vans.", "M2", 0), 2025, 2026)[0]
    assert (old.dated, old.timeframe) == (True, "historical")
    assert claimed.vendor_claim is True


@pytest.mark.parametrize(
    ("text", "value", "units"),
    [
        ("valued at USD 3.5 billion", "USD 3.5 billion", 3.5e9),
        ("a EUR 2 bn opportunity", "EUR 2 bn", 2e9),
        ("3.5 billion USD in 2024", "3.5 billion USD", 3.5e9),
        ("worth $410M last year", "$410M", 4.1e8),
    ],
)
def test_scaled_amounts_in_codes_and_symbols_are_read(text: str, value: str, units: float) -> None:
    match = MONEY.search(text)
    assert match is not None and match.group(0) == value
    assert amount(text) == units


def test_prices_keep_their_units_and_any_currency_code() -> None:
    text = "Riders pay KES 30 per repair, or $29 per rider per month, or $5 a week."
    assert [m.group(0) for m in PRICE.finditer(text)] == [
        "KES 30 per repair",
        "$29 per rider per month",
        "$5 a week",
    ]
    assert amount("KES 30 per repair") == 30


def test_sentence_splitting_survives_abbreviations() -> None:
    line = "The U.S. Census counts 4 million riders. Dr. Okafor said e.g. vans help. A new sentence follows."
    assert split_line(line) == [
        "The U.S. Census counts 4 million riders.",
        "Dr. Okafor said e.g. vans help.",
        "A new sentence follows.",
    ]


def test_customer_findings_are_placed_by_meaning() -> None:
    # given a survey write-up with a caveat, demographics, a time loss, a price trend, a stated price,
    # a segment heading and a persona heading
    text = (
        "## Findings\n"
        "Riders lose 5 hours a month waiting for repairs at crowded shops.\n"
        "Spare part prices fell 48% between 2019 and 2024 across the region.\n"
        "61% of riders said they would pay $12 per visit for a repair at their office.\n"
        "The survey over-represents riders in large cities and should be read with care.\n"
        "Respondents were aged 25 to 44 and 58% were men in the sample.\n"
        "## Segment 1: Daily office commuters (44% of riders)\n"
        "Daily office commuters ride more than eight kilometres each way to work.\n"
        "## Persona: Wanjiru, the courier who cannot stop\n"
        "Wanjiru loses a day's income every time her bike breaks down on a delivery.\n"
    )
    findings = analyse_customers(Evidence(sources=[source(text)], assessments=[], research_year=2025), set())
    pains = [p.text for p in findings.pain_points]
    paying = [c.text for c in findings.willingness_to_pay]
    everything = [
        *pains,
        *paying,
        *(c.text for c in findings.satisfaction_drivers),
        *(c.text for c in findings.recommendations),
    ]
    # then the time loss is a pain, the stated price is willingness to pay, the price trend is neither
    assert "Riders lose 5 hours a month waiting for repairs at crowded shops." in pains
    assert paying == ["61% of riders said they would pay $12 per visit for a repair at their office."]
    assert not any("prices fell" in text for text in [*pains, *paying])
    # and the caveat and the demographics are never findings
    assert not any("over-represents" in text or "aged 25" in text for text in everything)
    # and the segment and the persona are kept apart
    assert [s.name for s in findings.segments] == ["Daily office commuters"]
    assert [p.name for p in findings.personas] == ["Wanjiru, the courier who cannot stop"]


def test_a_vendor_list_price_is_not_willingness_to_pay() -> None:
    vendor = source(
        "Our Pro plan costs $29 per rider per month. Start your free trial today and book a demo with our "
        "team. You would pay less than a single shop visit.",
        url="https://spokewise.example/pricing",
        title="Spokewise Pricing",
    )
    assert source_type(vendor) == "vendor"
    evidence = Evidence(sources=[vendor], assessments=[], research_year=2025, vendor={vendor.id})
    assert analyse_customers(evidence, set()).willingness_to_pay == []


@pytest.mark.parametrize(
    ("url", "title", "content", "expected"),
    [
        (
            "https://riders.example/forum/t/123",
            "Forum: vans?",
            "Posted by kip. I tried it. Reply",
            "review_forum",
        ),
        (
            "https://lab.example/r",
            "Rider survey",
            "We surveyed 900 respondents; 40% of respondents ride.",
            "survey",
        ),
        (
            "https://stats.example/r",
            "Transport statistics",
            "The national statistics office and the ministry publish the census of bicycles.",
            "government",
        ),
    ],
)
def test_sources_are_typed_from_their_cues(url: str, title: str, content: str, expected: str) -> None:
    assert source_type(source(content, url=url, title=title)) == expected


IDEA = "Mobile bike repair vans for daily bike commuters in Nairobi."
ON_TOPIC = (
    "Bike commuters in Nairobi want repair at work. A mobile repair van visits offices twice a week. "
    "Commuters say a bike repair van saves them a trip to the shop."
)
ADJACENT = (
    "Mobile repair vans for delivery trucks and fleet vehicles are growing. A mobile repair van fixes truck "
    "brakes on site. Fleet managers book mobile repair by the hour."
)
GENERIC = "Nairobi traffic is heavy. Daily life in the city is busy and the weather is warm in March."


def test_a_source_is_relevant_only_when_it_is_about_the_idea() -> None:
    # given an on-topic page, an adjacent market sharing the product's words, a page sharing place words
    context = parse_idea(IDEA)
    sources = [
        source(ON_TOPIC, "M1", title="Bike commuters and repair vans"),
        source(ADJACENT, "M2", title="Mobile repair for truck fleets"),
        source(GENERIC, "M3", title="Nairobi city notes"),
    ]
    # when they are assessed
    notes = {note.source_id: note for note in assess(sources, context)}
    # then only the on-topic page is used
    assert [note.source_id for note in notes.values() if note.relevant] == ["M1"]
    assert notes["M1"].relevance > notes["M2"].relevance > notes["M3"].relevance


def size(value: str, year: str, source_id: str, **typed: object) -> Figure:
    text = f"The market was {value} in {year}."
    return Figure(
        text=text,
        quote=text,
        source_ids=[source_id],
        value=value,
        year=year,
        kind="market_size",
        verified=True,
        **typed,
    )  # type: ignore[arg-type]


def test_headline_is_the_most_recent_current_independent_market_size() -> None:
    market = MarketFindings(
        market_size=[
            size("$90 million", "2023", "S1"),
            size("$120 million", "2024", "S2"),
            size("$2 billion", "2025", "S3", vendor_claim=True),
            size("$400 million", "2030", "S4", timeframe="forecast"),
            size("$150 million", "2025", "S5", dated=True),
        ]
    )
    chosen = headline(market, relevant=set())
    assert chosen is not None and chosen.value == "$120 million"


def test_among_sizes_of_one_year_the_headline_is_the_one_defined_most_like_the_idea() -> None:
    # given two current 2024 sizes: the first listed sizes an adjacent market sharing one of the idea's words
    market = MarketFindings(
        market_size=[
            size("$240 million", "2024", "S1", scope="garden fountain pumps"),
            size("$95 million", "2024", "S2", scope="solar irrigation pumps"),
        ]
    )
    # when the headline is chosen for an idea about solar irrigation pumps for farmers
    idea = frozenset(stem(word) for word in ("solar", "irrigation", "pump", "farmer"))
    chosen = headline(market, relevant=set(), idea=idea)
    # then it is the figure whose definition is the idea's market; without the idea, the analyst's order
    assert chosen is not None and chosen.value == "$95 million"
    unranked = headline(market, relevant=set())
    assert unranked is not None and unranked.value == "$240 million"


def test_sources_disagreeing_on_one_quantity_make_a_conflict_with_both_sides() -> None:
    # given two sources sizing the market differently (one narrower), one agreeing, one in another country
    left = size("$86 million", "2024", "S1", scope="van repair services")
    right = size("$210 million", "2023", "S2", scope="all bicycle repair")
    agreeing = size("$90 million", "2024", "S3", scope="van repair services")
    elsewhere = size("$500 million", "2024", "S4", geography="Germany")
    # when conflicts are sought
    conflicts = find_conflicts([left, right, agreeing, elsewhere], relevant=set())
    # then the disagreement names both values, years and sources, and the definitions differ
    statements = [c.statement for c in conflicts]
    wanted = ("$86 million (van repair services, 2024, S1)", "$210 million (all bicycle repair, 2023, S2)")
    assert any(all(side in s for side in wanted) for s in statements)
    assert all("S4" not in s for s in statements)  # another place is another quantity
    first = next(c for c in conflicts if {side.value for side in c.sides} == {"$86 million", "$210 million"})
    assert first.definitions_differ and first.quantity == "the market size"
    assert not any({side.value for side in c.sides} == {"$86 million", "$90 million"} for c in conflicts)


def test_the_same_measure_stated_differently_by_two_sources_is_a_conflict() -> None:
    # given two sources timing the same wait differently, and a third timing something else
    one = Sentence("Riders waited 3 days on average in 2024 for a repair slot at a bike shop.", "S1", 0)
    other = Sentence(
        "The average wait for a repair slot at a bike shop was 7 days, or 9 days in June.", "S2", 0
    )
    unrelated = Sentence("Delivery vans spent 12 days a year off the road for brake work.", "S3", 0)
    same_source = Sentence("Riders in 2023 waited 5 days for a repair slot at a bike shop.", "S1", 1)
    # when conflicts are sought
    conflicts = measure_conflicts([one, other, unrelated, same_source])
    # then the two sources' waits are surfaced with both values, and nothing else
    assert [[side.value for side in c.sides] for c in conflicts] == [
        ["3 days", "7 days"],
        ["7 days", "5 days"],
    ]
    assert "3 days (2024, S1) vs 7 days (S2)" in conflicts[0].statement
    # and the measure is named in the source's own words, in its order (never matching stems)
    assert conflicts[0].quantity == "waited average repair slot bike shop"


def test_a_competitor_priced_differently_by_two_sources_is_a_conflict() -> None:
    sentences = [
        Sentence("SpokeVan costs KES 900 per repair visit.", "S1", 0),
        Sentence("Reviewers paid SpokeVan KES 1,200 per visit in March.", "S2", 0),
        Sentence("SpokeVan also sells tyres at KES 900 per repair visit.", "S1", 1),
    ]
    [conflict] = price_conflicts("SpokeVan", sentences)
    assert [side.value for side in conflict.sides] == ["KES 900 per repair visit", "KES 1,200 per visit"]
    assert price_conflicts("SpokeVan", sentences[::2]) == []


def test_one_organisation_paying_for_its_own_system_is_a_cost_not_a_market() -> None:
    assert typed("Kisumu County spent $14.6 million on its new bike lane project in 2024.") == [
        ("$14.6 million", "cost", "current", "2024", "")
    ]
    assert typed("Commuters spent $52 million on bike repairs in Kenya in 2024.") == [
        ("$52 million", "market_size", "current", "2024", "Kenya")
    ]


def test_codes_like_b2_count_as_shared_words_of_a_measure() -> None:
    one = Sentence(
        "Members report the first-attempt pass rate at the C1 pilot exam was 58% in 2024.", "S1", 0
    )
    other = Sentence("My school says 9 out of 10 of their pilots pass the C1 exam first time.", "S2", 0)
    [conflict] = measure_conflicts([one, other])
    assert [side.value for side in conflict.sides] == ["58%", "9 out of 10"]


def test_a_ratio_and_a_percentage_of_the_same_share_disagree_across_sources() -> None:
    # given a share written as a ratio with its exact figure, and another source's percentage
    one = Sentence(
        "Fewer than one in four beekeeping cooperatives, 22%, rent hive sensors for the winter season.",
        "S1",
        0,
    )
    other = Sentence(
        "About 9 out of 10 beekeeping cooperatives rent hive sensors for the winter season.", "S2", 0
    )
    third = Sentence("Some 48% of beekeeping cooperatives rent hive sensors for the winter season.", "S3", 0)
    # when conflicts are sought, then the stated 22% (not the rounded "one in four") is compared
    values = [[side.value for side in c.sides] for c in measure_conflicts([one, other, third])]
    assert ["22%", "9 out of 10"] in values and ["22%", "48%"] in values
    # and a ratio that is no share ("2 in 2024") is never read as one
    assert (
        measure_conflicts([Sentence("Sensors rose from 1 in 2019 to 2 in 2024 at the site.", "S4", 0)]) == []
    )


def test_a_product_priced_in_the_sentence_after_the_one_naming_it_is_priced_and_can_conflict() -> None:
    from agents.analysts.competitors import analyse_competitors, mentions
    from agents.analysts.sentences import split_sentences

    listing = source(
        "**Hivewatch** is not a sensor maker at all. It sells colony reports at $3 per hive per month.\n\n"
        "**Apiary Pro (Nairobi, online).** $12 per month. Good alerts, weak reports.\n",
        "S1",
    )
    forum = source("We run Hivewatch on forty hives and like it. It's now $4 per hive per month.", "S2")
    sentences = [*split_sentences(listing), *split_sentences(forum)]
    findings = analyse_competitors(
        Evidence(sources=[listing, forum], assessments=[], research_year=2026), {"hive"}
    )
    priced = {c.name: c.pricing for c in findings.competitors}
    assert priced["Hivewatch"].startswith("$3 per hive per month")
    assert priced["Apiary Pro"] == "$12 per month"
    [conflict] = price_conflicts("Hivewatch", mentions("Hivewatch", sentences))
    assert [side.value for side in conflict.sides] == ["$3 per hive per month", "$4 per hive per month"]


def test_a_sources_own_drivers_gaps_and_openings_sections_place_their_sentences() -> None:
    from agents.analysts.competitors import analyse_competitors
    from agents.analysts.extractive_market import analyse_market

    report = source(
        "## Drivers\n\n"
        "- **Beekeeper ageing.** Half of commercial beekeepers will retire within the decade.\n"
        "- **Sensors.** Cheap hive scales now report weight and temperature to a phone every hour.\n\n"
        "## What nobody offers well\n\n"
        "- Alerts in Swahili and Amharic for cooperatives that read neither English nor French.\n\n"
        "## Openings\n\n"
        "Pollination brokers want hive-strength certificates before each almond contract is signed. "
        "Demand for rented hives is increasing as more growers adopt certified pollination.\n",
        "S1",
        agent="market",
    )
    findings = Evidence(sources=[report], assessments=[], research_year=2026)
    market = analyse_market(findings, {"hive", "sensor"})
    trends = [claim.text for claim in market.trends]
    # then the "Drivers" bullets are trends even without trend words ("retire", "report")
    assert trends[:2] == [
        "**Beekeeper ageing.** Half of commercial beekeepers will retire within the decade.",
        "**Sensors.** Cheap hive scales now report weight and temperature to a phone every hour.",
    ]
    assert market.opportunities[0].text.startswith("Pollination brokers want")
    # a sentence worded as a trend but under the "Openings" heading stays an opportunity
    assert "Demand for rented hives" in " ".join(c.text for c in market.opportunities)
    assert "Demand for rented hives" not in " ".join(trends)
    gaps = [claim.text for claim in analyse_competitors(findings, {"hive"}).gaps]
    # and the "What nobody offers well" bullet is a gap, while a driver is never one
    assert gaps[0].startswith("Alerts in Swahili and Amharic")
    assert not any("retire" in gap or "Cheap hive scales" in gap for gap in gaps)


def test_the_ideas_places_include_those_named_by_their_peoples_adjective() -> None:
    from agents.analysts.figures import places_in

    assert places_in("Crop insurance for Kenyan and Brazilian farmers selling to German mills") == {
        "Kenya",
        "Brazil",
        "Germany",
    }
    assert places_in("A planner for busy parents") == set()
    # adjectives that are not the country's name plus an ending
    assert places_in("Meal kits for Dutch students and Swiss or Filipino nurses") == {
        "Netherlands",
        "Switzerland",
        "Philippines",
    }


def test_a_dated_figure_against_a_vendors_claim_is_no_conflict_but_either_against_a_current_one_is() -> None:
    current = size("$300 million", "2024", "S1")
    dated = size("$40 million", "2016", "S2", dated=True)
    vendor = size("$9 billion", "2025", "S3", vendor_claim=True)
    pairs = [
        {side.value for side in c.sides} for c in find_conflicts([current, dated, vendor], relevant=set())
    ]
    assert {"$300 million", "$40 million"} in pairs and {"$300 million", "$9 billion"} in pairs
    assert {"$40 million", "$9 billion"} not in pairs


def test_shares_of_different_bases_are_not_one_measure() -> None:
    spend = Sentence(
        "Small bakeries accounted for 38% of oven leasing spending in 2024 across the region.", "S1", 0
    )
    firms = Sentence("Only 12% of small bakeries use oven leasing across the region today.", "S2", 0)
    same = Sentence("About 30% of small bakeries use oven leasing across the region today.", "S3", 0)
    pairs = [[side.value for side in c.sides] for c in measure_conflicts([spend, firms, same])]
    assert pairs == [["12%", "30%"]]


def test_what_money_was_spent_on_is_the_figures_definition() -> None:
    [figure] = figures(
        Sentence(
            "Growers spent USD 95.5 million in 2024 on pollination contracts and hive rentals.", "S1", 0
        ),
        reference_year=2025,
        research_year=2026,
    )
    assert (figure.kind, figure.scope) == ("market_size", "pollination contracts hive rentals")


def test_a_line_of_bold_led_items_splits_into_one_sentence_per_item() -> None:
    line = "**Hivewatch** leases a scale at $39 a month. **Apiary Pro (Nairobi).** $12 per month, no scale."
    assert split_line(line) == [
        "**Hivewatch** leases a scale at $39 a month.",
        "**Apiary Pro (Nairobi).** $12 per month, no scale.",
    ]


def test_a_companys_own_pricing_page_and_a_free_table_row_make_competitors() -> None:
    from agents.analysts.competitors import analyse_competitors

    page = source(
        "Our plans start at $49 per month for up to ten hives. Book a demo today.",
        "S1",
        url="https://hivelytics.example/pricing",
        title="Hivelytics — Pricing",
    )
    table = source("| Service | Price |\n|---|---|\n| BeeLine | Free with a co-op membership |\n", "S2")
    findings = analyse_competitors(Evidence(sources=[page, table], assessments=[], research_year=2026), set())
    priced = {c.name: c.pricing for c in findings.competitors}
    assert priced == {"Hivelytics": "$49 per month", "BeeLine": "Free"}


def test_list_prices_five_percent_apart_disagree() -> None:
    sentences = [
        Sentence("Hivewatch costs $40 a month for a single apiary.", "S1", 0),
        Sentence("Hivewatch costs $42 a month after the spring price rise.", "S2", 0),
    ]
    [conflict] = price_conflicts("Hivewatch", sentences)
    assert [side.value for side in conflict.sides] == ["$40 a month", "$42 a month"]
    assert (
        price_conflicts("Hivewatch", [sentences[0], Sentence("Hivewatch costs $41 a month.", "S3", 0)]) == []
    )


def test_a_vendors_own_measure_may_be_one_side_labelled_never_both() -> None:
    association = Sentence(
        "The first-attempt pass rate at the C1 pilot exam was 58% across members in 2024.", "S1", 0
    )
    school = Sentence("9 out of 10 of our students pass the C1 pilot exam at the first attempt.", "S2", 0)
    rival = Sentence("Some 75% of our students pass the C1 pilot exam at the first attempt.", "S3", 0)
    conflicts = measure_conflicts([association, school, rival], vendor=frozenset({"S2", "S3"}))
    pairs = [[side.value for side in c.sides] for c in conflicts]
    assert ["58%", "9 out of 10"] in pairs and ["58%", "75%"] in pairs
    assert ["9 out of 10", "75%"] not in pairs and ["75%", "9 out of 10"] not in pairs
    assert all(c.statement.endswith("one side is a vendor's own claim.") for c in conflicts)


def test_a_titled_point_in_interview_notes_is_not_a_competitor_but_a_product_is() -> None:
    from agents.analysts.competitors import analyse_competitors
    from agents.state import SourceAssessment

    notes = source(
        "**Winter losses.** Several keepers described paying $300 to replace a colony after a cold snap.\n\n"
        "**HiveSense** came up twice; keepers pay $15 a month for it.\n",
        "S1",
    )
    reading = SourceAssessment(source_id="S1", source_type="interviews", relevance=1.0, relevant=True)
    names = [c.name for c in analyse_competitors(Evidence([notes], [reading], 2026), set()).competitors]
    assert names == ["HiveSense"]


def test_a_sibling_markets_size_is_left_out_and_a_parent_or_paraphrased_one_kept() -> None:
    # given an idea about refurbished espresso machines leased to small offices
    idea_text = "Refurbished espresso machines leased to small offices, with servicing and beans included."
    idea = lexical_terms(parse_idea(idea_text))
    words = [stem(term) for term in terms(idea_text)]

    def stated(quote: str, value: str, scope: str) -> Figure:
        return Figure(
            text=quote, quote=quote, value=value, kind="market_size", scope=scope, source_ids=["S1"]
        )

    # a sibling: the product's noun with another qualifier, serving other customers
    sibling = stated(
        "Hotels are a big business for suppliers: the capsule espresso machines market was worth "
        "$300 million in 2024.", "$300 million", "capsule espresso machines",
    )  # fmt: skip
    # a parent market that says it serves the idea's customers, and a definition in other words
    parent = stated(
        "Small offices spent $900 million on commercial coffee equipment in 2024.",
        "$900 million", "commercial coffee equipment",
    )  # fmt: skip
    broader_same_customers = stated(
        "Offices spent $450 million in 2024 on premium espresso machines of every kind.",
        "$450 million", "premium espresso machines",
    )  # fmt: skip
    paraphrase = stated(
        "Workplace hot-drink contracts were worth $120 million in 2024.",
        "$120 million", "workplace hot-drink contracts",
    )  # fmt: skip
    own = stated(
        "Refurbished espresso machines for offices were a $60 million market in 2024.",
        "$60 million", "refurbished espresso machines",
    )  # fmt: skip
    # when the adjacent markets are set aside
    market = MarketFindings(market_size=[sibling, parent, broader_same_customers, paraphrase, own])
    set_aside_adjacent_markets(market, idea, idea_text)
    # then only the sibling is gone
    assert [f.value for f in market.market_size] == [
        "$900 million", "$450 million", "$120 million", "$60 million"
    ]  # fmt: skip
    assert adjacent_market(sibling, idea, words) and not adjacent_market(own, idea, words)


def test_one_conflict_per_pair_of_sources_between_their_closest_figures() -> None:
    # given one source sizing a whole market and its niche, another sizing only the niche
    whole = size("$1.4 billion", "2024", "S1", scope="all coffee equipment")
    niche = size("$52 million", "2024", "S1", scope="office espresso leases")
    other = size("$31 million", "2023", "S2", scope="espresso leases")
    # when conflicts are sought
    conflicts = find_conflicts([whole, niche, other], relevant=set())
    # then the two sources disagree once, on the figures closest to one quantity
    assert [{side.value for side in c.sides} for c in conflicts] == [{"$52 million", "$31 million"}]


def test_a_table_row_stating_a_number_is_a_quotable_sentence_and_its_rule_is_not() -> None:
    # given a page whose key figures sit in a markdown table
    page = source(
        "## Key figures\n\n| Measure | Value |\n|---|---:|\n"
        "| Greenhouse sensor market, 2025 | EUR 44 million |\n"
        "| Compound annual growth, 2025-2030 | 11.5% |\n| Notes | see text |\n"
    )
    # when it is split into sentences
    found = split_sentences(page)
    # then each row with a number is one sentence, verbatim in the page (a quote can be checked)
    assert [s.text for s in found] == [
        "Greenhouse sensor market, 2025 | EUR 44 million",
        "Compound annual growth, 2025-2030 | 11.5%",
    ]
    assert all(quote_found(s.text, page.content) and s.heading == "Key figures" for s in found)
    # and the row is typed like a sentence: a market size of 2025
    assert typed(found[0].text)[0][:2] == ("EUR 44 million", "market_size")


def test_a_market_the_source_sets_apart_from_the_one_it_sizes_is_left_out() -> None:
    # given an idea about rented moisture meters for flooring contractors
    idea_text = (
        "Moisture meters rented to flooring contractors in Ireland, per job, with a report for insurers."
    )
    idea = lexical_terms(parse_idea(idea_text))

    def stated(quote: str, value: str) -> Figure:
        return Figure(text=quote, quote=quote, value=value, kind="market_size", source_ids=["S1"])

    # a market its source excludes, one it says is bought by others "not contractors", and its own
    excluded = stated(
        "We exclude home-inspection meters; that segment (about €90 million) is sized in our separate "
        "report.", "€90 million",
    )  # fmt: skip
    others = stated(
        "That market (about €70 million in 2024) is bought by facilities managers, not contractors.",
        "€70 million",
    )  # fmt: skip
    unsized = stated(
        "This report does not size the timber-drying segment, which we estimate separately at €40 million.",
        "€40 million",
    )
    own = stated("Meter rental to flooring contractors was worth €12 million in 2024.", "€12 million")
    market = MarketFindings(market_size=[excluded, others, unsized, own])
    # when the adjacent markets are set aside
    set_aside_adjacent_markets(market, idea, idea_text)
    # then only the idea's own market is left
    assert [f.value for f in market.market_size] == ["€12 million"]


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("the median answer was 12 reais per cow per month", "12 reais per cow per month"),
        ("sellers get 450 kr per item", "450 kr per item"),
        ("a locker costs 30 złoty a month", "30 złoty a month"),
        ("tickets from 200 pesos each", "200 pesos"),
    ],
)
def test_currencies_written_as_words_are_prices(text: str, price: str) -> None:
    match = PRICE.search(text)
    assert match and match.group(0) == price


def test_a_word_that_only_starts_like_a_currency_is_not_one() -> None:
    assert not PRICE.search("it took 12 wonderful days and 3 krakens")


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("Formule Essentielle : 29 $ par employé par an", "29 $"),
        ("Jahresabo 9,90 € per month", "9,90 € per month"),
        ("a locker at 45 zł a month", "45 zł a month"),
    ],
)
def test_a_currency_sign_after_the_number_is_a_price(text: str, price: str) -> None:
    match = PRICE.search(text)
    assert match and match.group(0) == price
    # a year before a sign is not a price
    assert not PRICE.search("in 2024 € figures were revised")


def test_a_source_any_agent_found_about_the_idea_is_listed_as_relevant() -> None:
    from agents.evidence import assess_sources
    from agents.state import CompetitorFindings, CustomerFindings, SourceAssessment

    idea = parse_idea("Mobile bike repair vans for commuters in Leeds.")
    news = Source(
        id="S1", url="https://city-news.example/spokevan", title="SpokeVan raises £2m",
        content="The start-up will hire mechanics.", agent="market", retrieved_at=datetime.now(UTC),
    )  # fmt: skip
    # the market agent judged the page off topic, the competitor agent about a rival of the idea
    market = MarketFindings(sources=[SourceAssessment(source_id="S1", relevance=0.1, relevant=False)])
    competitor = CompetitorFindings(sources=[SourceAssessment(source_id="S1", relevance=0.4, relevant=True)])
    listed = assess_sources([news], idea, (market, competitor, CustomerFindings()))
    assert (listed[0].relevant, listed[0].relevance) == (True, 0.4)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("reached ₹3,200 crore in 2024", 3.2e10),
        ("about Rs. 85 lakh a year", 8.5e6),
        ("worth Rp 4,2 triliun", 4.2e12),
        ("a market of EUR 2,4 Mrd.", 2.4e9),
        ("CHF 3.5 Mio. in sales", 3.5e6),
        ("3,200 crore rupees", 3.2e10),
    ],
)
def test_amounts_read_the_scales_other_languages_name(text: str, value: float) -> None:
    match = MONEY.search(text)
    assert match and amount(match.group(0)) == pytest.approx(value)


def test_amounts_are_converted_to_us_dollars_by_their_currency() -> None:
    from agents.analysts.amounts import currency_code, usd

    assert [currency_code(t) for t in ("SEK 10m", "10 kronor", "₹10", "$10", "Rp 10", "10 widgets")] == [
        "SEK", "SEK", "INR", "USD", "IDR", "",
    ]  # fmt: skip
    assert usd("SEK 1.9bn") == pytest.approx(1.9e8)
    assert usd("€2m") == pytest.approx(2.2e6)
