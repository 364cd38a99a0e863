"""Market figures as writers state them, on invented text about bicycle repair, coffee roasting, bridal
wear, school uniforms, dental clinics, harbour moorings and heat pumps (no corpus sentences): currencies
written in letters, thousands grouped with spaces, goods bought by a group, a place's possessive, a
source's attribution after an amount, a market said not to overlap, a definition that adds things up,
parts of a stated total, and trends and opportunities that carry another kind of number."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.analysts.amounts import amount
from agents.analysts.extractive_market import analyse_market, funds_buyers, market_wide
from agents.analysts.figures import figures, numbers_in
from agents.analysts.idea import parse_idea
from agents.analysts.sentences import Sentence
from agents.analysts.vetting import Evidence
from agents.evidence import find_conflicts, lexical_terms, part_of_another, set_aside_adjacent_markets
from agents.state import Figure, MarketFindings, Source


def typed(text: str, source_id: str = "S1", heading: str = "") -> list[Figure]:
    found = figures(Sentence(text, source_id, 0, heading), 2025, 2026)
    for figure in found:
        figure.verified = True
    return found


def kinds(text: str) -> list[tuple[str, str]]:
    return [(found.value, found.kind) for found in numbers_in(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bicycle workshops in Penang charge RM 45 a tune-up.", 45.0),
        ("A puncture repair costs Rs. 150 per visit in Pune.", 150.0),
        ("Repair shops in Java bought Rp 2.3 trillion of spare parts in 2024.", 2.3e12),
        ("Servicing a cargo bike costs 1 200 zł a year.", 1200.0),
        ("A season's mooring costs 15 000 kr per boat.", 15000.0),
        ("A full service costs 1 200,50 zł.", 1200.5),
    ],
)
def test_currencies_written_in_letters_and_thousands_grouped_by_spaces_are_read_whole(
    text: str, value: float
) -> None:
    assert amount(text) == value


def test_a_year_after_an_amount_is_not_read_as_its_thousands() -> None:
    assert amount("Gift vouchers worth €12 2024 prices included.") == 12.0


def test_a_dollar_sign_after_a_countrys_letters_is_a_currency_not_a_place() -> None:
    [local, dollars] = typed(
        "Malaysian cyclists spent RM 1.1 billion (about US$240 million) on bicycle repairs in 2024."
    )
    assert (local.kind, dollars.kind) == ("market_size", "market_size")
    assert dollars.geography == ""


def test_goods_a_group_bought_for_an_amount_are_a_market_and_one_buyers_are_its_spend() -> None:
    [group] = typed(
        "We estimate that Tromsø's cafés and bakeries bought about NOK 310 million of locally roasted "
        "coffee in 2024."
    )
    assert (group.kind, group.scope) == ("market_size", "locally roasted coffee")
    assert kinds("Brightwater bought $2 million of green beans last year.") == [
        ("$2 million", "customer_spend")
    ]
    assert kinds("Kettleby bought rival Beanhouse for $50 million in 2024.") == [("$50 million", "other")]


def test_a_places_possessive_before_a_group_is_no_single_spender() -> None:
    # a city is in no list of countries: the plural group after its possessive says it is a place
    assert kinds("Lisbon's dental clinics spent EUR 40 million on clear aligners in 2024.") == [
        ("EUR 40 million", "market_size")
    ]
    assert kinds("Kettleby's sales reached $5 million in 2024.") == [("$5 million", "company_revenue")]
    assert kinds("Last year Norvale spent $1.4 million on heat-pump servicing.") == [
        ("$1.4 million", "customer_spend")
    ]


def test_a_sources_attribution_after_an_amount_does_not_make_it_a_firms_revenue() -> None:
    [figure] = typed(
        "Online rental of wedding dresses was worth EUR 42m in 2024, according to the Bridal Trade "
        "Council, which counts only sales through rental platforms."
    )
    assert figure.kind == "market_size"
    assert kinds("Veilworks reported sales of EUR 6m in 2024.") == [("EUR 6m", "company_revenue")]


def _market(*texts: str) -> MarketFindings:
    found = [f for index, text in enumerate(texts) for f in typed(text, f"S{index + 1}")]
    return MarketFindings(market_size=[f for f in found if f.kind == "market_size"])


def test_a_market_said_not_to_overlap_with_the_ideas_is_set_aside() -> None:
    idea = "An app that books mobile bicycle mechanics for commuters in Dublin."
    market = _market(
        "Irish commuters spent EUR 31 million on bicycle repairs in 2024.",
        "For context, Ireland's e-scooter sharing market was worth about EUR 55 million in 2024; it "
        "does not overlap with bicycle repair.",
    )
    set_aside_adjacent_markets(market, lexical_terms(parse_idea(idea)), idea, {})
    assert [f.value for f in market.market_size] == ["EUR 31 million"]


def test_a_definition_counting_several_things_on_a_page_about_them_is_a_parent_market() -> None:
    idea = "An AI assistant that drafts heat-pump installation quotes for small plumbing firms in Wales."
    market = _market(
        "We size the Welsh building services estimating software market at GBP 18 million in 2025, "
        "counting both standalone tools and the estimating modules of job-management suites."
    )
    titles = {"S1": "Building services estimating software in Wales, 2025"}
    set_aside_adjacent_markets(market, lexical_terms(parse_idea(idea)), idea, titles)
    assert [f.value for f in market.market_size] == ["GBP 18 million"]


def test_what_is_done_with_the_product_is_no_sibling_qualifier() -> None:
    idea = "A marketplace where parents in Ireland buy and sell used school uniforms, cleaned and repaired."
    market = _market(
        "Online resale of school uniforms was worth EUR 9 million in 2024.",
        "Ireland's market for designer school uniforms is worth EUR 30 million.",
    )
    set_aside_adjacent_markets(market, lexical_terms(parse_idea(idea)), idea, {})
    assert [f.value for f in market.market_size] == ["EUR 9 million"]


@pytest.mark.parametrize(
    "text",
    [
        "Orthodontics is the largest single field, at roughly EUR 12 million of that total.",
        "Heat pumps make up 31% of home heating installs by value, around GBP 140 million in 2024.",
    ],
)
def test_a_part_of_a_stated_total_is_not_a_measure_of_the_market(text: str) -> None:
    [figure] = [f for f in typed(text, heading="Market size") if f.kind == "market_size"]
    assert part_of_another(figure)


def test_the_two_definitions_disagree_not_a_part_of_one_of_them() -> None:
    whole = typed("We size the Irish mooring services market at EUR 86 million in 2025.", "S1")
    part = typed(
        "Marinas are the largest single buyer, at roughly EUR 30 million of that total.", "S1", "Market size"
    )
    other = typed("Harbourline puts paid visitor moorings in Ireland at EUR 41 million in 2024.", "S2")
    conflicts = find_conflicts([*whole, *part, *other], relevant=set(), home={"Ireland"})
    assert [{side.value for side in c.sides} for c in conflicts] == [{"EUR 86 million", "EUR 41 million"}]


def _source(content: str) -> Source:
    return Source(
        id="S1",
        url="https://repair-trends.example/2025",
        title=content.splitlines()[0].lstrip("# "),
        agent="market",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
        content=content,
    )


def test_a_trend_stated_with_a_count_and_public_money_for_buyers_are_kept() -> None:
    report = _source(
        "# Bicycle repair in Dublin, 2025\n\n"
        "## Drivers and trends\n\n"
        "- **Commuting is back.** Dublin counted 2.4 million bicycle commuter trips in 2024, above the "
        "pre-pandemic peak.\n\n"
        "## Funding\n\n"
        "The city council announced a EUR 3 million grant programme to help commuters pay for bicycle "
        "servicing over the next two years.\n"
    )
    found = analyse_market(
        Evidence(sources=[report], assessments=[], research_year=2026), {"bicycle", "repair", "commuter"}
    )
    assert any("2.4 million bicycle commuter trips" in claim.text for claim in found.trends)
    assert any("grant programme" in claim.text for claim in found.opportunities)


def test_public_money_is_an_opportunity_only_when_it_helps_buyers_pay_for_the_ideas_terms() -> None:
    focus = {"heat", "pump"}
    assert funds_buyers("A subsidy covers half the cost of a heat pump for homeowners.", focus)
    assert not funds_buyers("A subsidy covers half the cost of rooftop solar panels.", focus)
    assert not funds_buyers("Heat-pump installers raised prices by 4% in 2024.", focus)


def test_a_city_the_idea_names_spending_is_that_places_market_not_one_buyer() -> None:
    text = "Bristol spent about £3m in 2024 on surgery booking software for dental practices."
    assert [f.kind for f in numbers_in(text, frozenset({"bristol", "dental", "booking"}))] == ["market_size"]
    assert [f.kind for f in numbers_in(text)] == ["customer_spend"]  # any other name may be one council


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The trade in used bakery ovens was worth EUR 90 million in 2024, the Bakers Guild estimates, "
            "counting only sales by specialised dealers.",
            "market_size",
        ),
        ("The new bakery facility was worth EUR 12 million.", "other"),
        ("Kettleby's proving oven was worth $2 million.", "other"),
        ("Installation equipment cost EUR 3 million in 2024.", "cost"),
    ],
)
def test_what_a_trade_was_worth_is_a_market_and_one_owners_asset_is_not(text: str, kind: str) -> None:
    assert [found.kind for found in numbers_in(text)] == [kind]


def test_a_groups_sales_growth_in_a_source_sizing_the_market_is_its_growth() -> None:
    report = _source(
        "# Used bakery ovens in Austria, 2025\n\n"
        "The market for used bakery ovens in Austria was worth EUR 40 million in 2024. "
        "Dealer sales grew 9% on 2023.\n"
    )
    found = analyse_market(
        Evidence(sources=[report], assessments=[], research_year=2026), {"bakery", "oven", "used"}
    )
    assert [f.value for f in found.growth] == ["grew 9%"]
    assert not market_wide(typed("Kettleby's sales grew 40% on 2023, its owners say.")[0])


def test_a_figure_without_a_year_is_as_old_as_its_source() -> None:
    [old] = figures(Sentence("It is now a £35 million niche in Wales.", "S1", 0, "Market size"), 2017, 2026)
    assert (old.dated, old.timeframe) == (True, "historical")
    [recent] = figures(
        Sentence("It is now a £35 million niche in Wales.", "S1", 0, "Market size"), 2025, 2026
    )
    assert (recent.dated, recent.timeframe) == (False, "current")


def test_an_opening_stated_with_a_count_and_customers_adoption_are_kept() -> None:
    report = _source(
        "# Mobile farrier booking in Ireland, 2025\n\n"
        "## Findings\n\n"
        "Ireland's 1,400 riding schools are underserved: farriers fit them in between large studs.\n\n"
        "- **Phones.** 81% of yard owners own a smartphone, and most book by text message.\n"
        "- **Homes.** 62% own their home outright.\n"
    )
    found = analyse_market(
        Evidence(sources=[report], assessments=[], research_year=2026), {"farrier", "yard", "booking"}
    )
    assert any("underserved" in claim.text for claim in found.opportunities)
    trends = " ".join(claim.text for claim in found.trends)
    assert "own a smartphone" in trends and "own their home" not in trends


def test_amounts_in_two_stated_currencies_do_not_disagree() -> None:
    local = typed("Penang cyclists spent RM 120 million on bicycle repairs in 2024.", "S1")
    dollars = typed("Cyclists in Penang spent about US$30 million on bicycle repairs in 2024.", "S2")
    ringgit = typed("Cyclists in Penang spent about RM 80 million on bicycle repairs in 2024.", "S3")
    pairs = [{side.value for side in c.sides} for c in find_conflicts([*local, *dollars], relevant=set())]
    assert pairs == []
    pairs = [{side.value for side in c.sides} for c in find_conflicts([*local, *ringgit], relevant=set())]
    assert pairs == [{"RM 120 million", "RM 80 million"}]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sales at Kettleby grew 40% on 2023.", "other"),
        ("Bookings of Veloway rose 25% in 2024.", "other"),
        ("Sales of Dutch cargo bikes grew 12% on 2023.", "growth_rate"),
        ("Revenue from Kenya's dairy cooperatives rose 8% in 2024.", "growth_rate"),
    ],
)
def test_one_named_firms_growth_is_not_a_markets(text: str, kind: str) -> None:
    assert [found.kind for found in numbers_in(text)] == [kind]


def test_a_whole_market_stating_no_year_ranks_as_recent_as_its_source() -> None:
    older = " ".join(
        f"The harbour mooring market in region {index} was worth EUR {index + 10} million in {year}."
        for index, year in enumerate((2023, 2024, 2024, 2025, 2025), start=1)
    )
    report = Source(
        id="S2",
        url="https://moorings.example/2025",
        title="Harbour moorings, 2025",
        agent="market",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
        content=f"# Harbour moorings\n\n{older} The whole harbour mooring market is worth EUR 90 million.\n",
    )
    evidence = Evidence(sources=[report], assessments=[], research_year=2026, years={"S2": 2025})
    found = analyse_market(evidence, {"harbour", "mooring"})
    assert "EUR 90 million" in [f.value for f in found.market_size]
