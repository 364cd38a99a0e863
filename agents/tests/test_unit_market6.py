"""Amounts and headlines on invented text about printing, marinas, electricity, pottery, bakeries, dog
grooming and piano lessons (no corpus sentences): a point that marks decimals or thousands by the
currency's own convention, a company's valuation that is no market size, and the headline that is the
idea's own market rather than the parent market containing it."""

from __future__ import annotations

from datetime import date

import pytest

from agents.analysts.amounts import amount
from agents.analysts.figures import numbers_in
from agents.analysts.idea import parse_idea
from agents.analysts.parent_markets import parents, share_of
from agents.analysts.sourcing import idea_terms
from agents.evidence import headline
from agents.scoring import priced, score_pmf
from agents.state import (
    Claim,
    Competitor,
    CompetitorFindings,
    CustomerFindings,
    Figure,
    MarketFindings,
    ReportSource,
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(found.value, found.kind) for found in numbers_in(text)]


# --- a point in a price: decimals or thousands ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a currency whose writers mark decimals with a point keeps three decimals as decimals
        ("Toner refills cost $2.500 per unit at the print shop.", 2.5),
        ("Colour printing is charged at $0.125 per page.", 0.125),
        ("Diesel at the marina pump was €1.749/litre in July.", 1.749),
        ("Night-rate electricity costs £0.287 per kWh.", 0.287),
        ("A spool of glaze thread is US$ 3.125 a unit.", 3.125),
        # a leading zero is never a group of thousands, whatever the currency
        ("Flour surcharges were Rp 0.500 per kg.", 0.5),
    ],
)
def test_three_decimals_in_a_point_decimal_currency_stay_decimals(text: str, value: float) -> None:
    assert amount(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a currency whose writers group thousands with a point, or whose unit is too small for fractions
        ("A bakery oven service is R$ 1.250 per visit.", 1250.0),
        ("Dog grooming costs Rp 85.000 per session.", 85000.0),
        ("Piano lessons cost KES 2.500 per lesson.", 2500.0),
        ("A kiln rental costs ₺ 1.500 per month.", 1500.0),
        # the euro sign after the number is the continental convention: a point groups thousands
        ("Ein Töpferkurs kostet 1.250 € per month.", 1250.0),
        # several groups, or a comma decimal after the point, are always thousands
        ("The harbour berth is $1.250.000 per decade.", 1250000.0),
        ("Wedding cakes cost € 1.250,00 each.", 1250.0),
    ],
)
def test_points_group_thousands_where_the_currency_writes_them_so(text: str, value: float) -> None:
    assert amount(text) == pytest.approx(value)


# --- a valuation is no market size ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Crumbly, the bakery-chain software maker, was valued at $1.2 billion in its latest round.",
        "A private-equity group bought Fluffwell in a deal that valued the grooming firm at $300 million.",
        "The acquisition valued Keynote Academy at roughly £80 million.",
        "Investors valued the company at EUR 450 million after the merger with a rival studio.",
        "Pawsome agreed to a takeover valuing it at $95 million.",
        "The buyout of the salon chain was worth $40 million.",
    ],
)
def test_a_company_valuation_or_acquisition_price_is_never_a_market_size(text: str) -> None:
    assert "market_size" not in {kind for _, kind in kinds(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The UK dog grooming market is valued at £1.5 billion in 2024.",
        "Piano tuition in Canada is valued at C$310 million a year.",
        "Kestrel values the artisan bakery market at $2.1 billion.",
        "The trade in second-hand pianos was worth EUR 90 million in 2024.",
    ],
)
def test_a_market_valued_at_an_amount_is_still_a_market_size(text: str) -> None:
    assert [kind for _, kind in kinds(text)] == ["market_size"]


# --- the headline is the idea's own market, not the parent containing it --------------------------------


def sized(value: str, quote: str, year: str = "2024", source: str = "S1", scope: str = "") -> Figure:
    return Figure(
        text=quote,
        quote=quote,
        source_ids=[source],
        value=value,
        year=year,
        kind="market_size",
        scope=scope,
        verified=True,
    )


def idea_of(text: str) -> frozenset[str]:
    return idea_terms(parse_idea(text)).all


PET_IDEA = "Video consultations with a vet for dog and cat owners, by monthly subscription."


def test_a_market_stated_as_a_share_of_a_dated_parent_is_the_headline_when_it_names_the_idea() -> None:
    # given a source sizing all dog and cat care with a year, naming three of the idea's words, and video
    # calls as a share of it, with no year and only one word of the idea of their own
    parent = sized("$9 billion", "Owners spent $9 billion on dog and cat care in 2024, vet visits included.")
    own = sized(
        "$360 million", "Video calls reached an estimated $360 million, or about 4% of the category.", year=""
    )
    market = MarketFindings(market_size=[parent, own])
    # when the headline is chosen for a vet video-consultation idea
    chosen = headline(market, relevant=set(), idea=idea_of(PET_IDEA))
    # then it is the idea's own market (the category's video calls), though only the parent states a year
    assert chosen is not None and chosen.value == "$360 million"
    # and without the idea's terms nothing says which is the idea's: the most recent, as before
    unranked = headline(market, relevant=set())
    assert unranked is not None and unranked.value == "$9 billion"


def test_a_part_of_a_part_replaces_the_top_parent_too() -> None:
    # given a three-level chain: all music tuition, piano tuition (a share of it), online piano lessons
    # (a share of piano tuition, stated before the amount)
    top = sized("£2.0 billion", "Families spent £2.0 billion on music tuition in 2024.")
    middle = sized("£600 million", "Instrument lessons of every kind were £600 million, or 30% of the total.")
    leaf = sized(
        "£150 million",
        "Online piano lessons for children make up 25% of instrument lessons, around £150 million in 2024.",
    )
    market = MarketFindings(market_size=[top, middle, leaf])
    idea = idea_of("Online piano lessons for children, taught live by conservatoire students.")
    assert parents(market.market_size, idea) == [top, middle]
    chosen = headline(market, relevant=set(), idea=idea)
    assert chosen is not None and chosen.value == "£150 million"


def test_a_part_away_from_the_idea_leaves_the_parent_the_headline() -> None:
    # given pet telehealth and the cats' share of it, for an idea serving dog and cat owners alike
    parent = sized(
        "$3 billion", "The pet telehealth market was worth $3 billion in 2024.", scope="pet telehealth"
    )
    cats = sized(
        "$900 million", "Consultations about cats make up 30% of pet telehealth, about $900 million."
    )
    market = MarketFindings(market_size=[parent, cats])
    chosen = headline(market, relevant=set(), idea=idea_of("A pet telehealth subscription for owners."))
    assert chosen is not None and chosen.value == "$3 billion"


def test_a_share_that_does_not_add_up_or_is_in_another_currency_is_no_part() -> None:
    whole = sized("$9 billion", "Owners spent $9 billion on pet care in 2024.")
    # 4% of $9 billion is $360 million, not $90 million; and euros are not a share of dollars
    wrong = sized("$90 million", "Vet video calls reached $90 million, or about 4% of the category.")
    euros = sized("€360 million", "Vet video calls reached €360 million, or about 4% of the category.")
    assert not share_of(wrong, whole)
    assert not share_of(euros, whole)
    assert share_of(sized("$360 million", "Vet video calls reached $360 million, or about 4% of it."), whole)


def test_a_definition_that_is_the_parents_plus_the_ideas_words_is_a_part() -> None:
    # given a broad and a narrow definition, the narrow one adding the idea's words
    broad = sized(
        "$5 billion", "The irrigation equipment market was $5 billion.", scope="irrigation equipment"
    )
    narrow = sized(
        "$400 million",
        "The solar irrigation equipment market was $400 million.",
        scope="solar irrigation equipment",
    )
    idea = idea_of("Solar-powered irrigation pumps rented to smallholder farmers.")
    assert parents([broad, narrow], idea) == [broad]
    # but a narrower definition adding words the idea never uses is not the idea's market
    other = sized(
        "$700 million",
        "The drip irrigation equipment market was $700 million.",
        scope="drip irrigation equipment",
    )
    assert parents([broad, other], idea) == []


def test_a_share_of_a_whole_is_as_recent_as_the_whole() -> None:
    # given group dog-training classes sized for 2025, puppy classes as a share of that spending (no year
    # of their own), and a broader 2024 estimate of puppy training counting books and videos
    whole = sized(
        "$800 million", "Dog owners will spend $800 million in 2025 on group training classes.", "2025"
    )
    part = sized(
        "$320 million",
        "Puppy classes are the largest kind, at 40% of that spending, or about $320 million.",
        "",
    )
    wider = sized(
        "$500 million",
        "A council estimates owners spent $500 million on puppy training in 2024, counting books and videos.",
    )
    market = MarketFindings(market_size=[whole, part, wider])
    # when the headline is chosen for a puppy-class idea
    chosen = headline(
        market, relevant=set(), idea=idea_of("Group puppy classes in city parks, booked weekly.")
    )
    # then the share of the 2025 whole is a 2025 figure, more recent than the 2024 one
    assert chosen is not None and chosen.value == "$320 million"


# --- timing rests on sources that are not dated ----------------------------------------------------------


def beekeeping_source(source_id: str, published: date) -> ReportSource:
    return ReportSource(
        id=source_id,
        url=f"https://example.org/{source_id}",
        title="Beekeeping supplies outlook",
        source_type="analyst_report",
        published=published,
        relevant=True,
    )


def test_trends_and_forecasts_from_a_dated_source_earn_no_timing_points() -> None:
    # given an outlook from 2012 and one from 2025, each naming trends and a forecast growth rate
    def stated(text: str, source: str) -> Claim:
        return Claim(text=text, source_ids=[source], quote=text, verified=True)

    def forecast(value: str, source: str) -> Figure:
        text = f"Hive equipment sales are forecast to grow {value} a year."
        return Figure(text=text, quote=text, source_ids=[source], value=value, kind="growth_rate",
                      timeframe="forecast", verified=True)  # fmt: skip

    market = MarketFindings(
        trends=[
            stated("Urban rooftop hives are becoming common.", "S1"),
            stated("Hobby beekeepers are buying smart hive scales.", "S2"),
            stated("Councils now require hive registration.", "S2"),
        ],
        growth=[forecast("20%", "S1"), forecast("6%", "S2")],
    )
    sources = [beekeeping_source("S1", date(2012, 4, 2)), beekeeping_source("S2", date(2025, 3, 9))]
    # when the research scores timing in 2026
    timing = score_pmf(
        market, CompetitorFindings(), CustomerFindings(), sources, research_year=2026
    ).sub_scores[4]
    # then only the 2025 outlook counts: trends from one source (4) and its 6% forecast (2), kept x0.7
    assert timing.rationale.startswith("Trends: stated by one source;")
    assert "forecast growth: 6% (2 pts)" in timing.rationale
    assert timing.score == round((4 + 2) * 0.7, 1)
    # and in 2014 both outlooks were current
    earlier = score_pmf(market, CompetitorFindings(), CustomerFindings(), sources, research_year=2014)
    assert earlier.sub_scores[4].score == round((6 + 4) * 0.85, 1)


# --- one time unit however it is abbreviated ------------------------------------------------------------


def test_a_stated_price_is_compared_with_a_competitors_in_the_same_time_unit_abbreviated() -> None:
    # given rehearsal-room owners who would pay £8 per room per month, and rivals pricing per room "/mo"
    said = "Owners said they would pay £8 per room per month."
    customer = CustomerFindings(
        willingness_to_pay=[Claim(text=said, quote=said, source_ids=["S1"], verified=True)]
    )
    competitor = CompetitorFindings(
        competitors=[
            Competitor(name="Bandbook", pricing="£10 per room/mo"),
            Competitor(name="Jamslot", pricing="£120 per room/yr"),
        ]
    )
    # then £8 a month is below the cheapest rival's £10 a month for a room: the lower points
    sub = score_pmf(MarketFindings(), competitor, customer).sub_scores[3]
    assert "below what every competitor charges for the same unit" in sub.rationale
    assert priced(["£120 per room/yr", "£9 per room per annum"]) == {("£", "year", "room"): [120.0, 9.0]}
