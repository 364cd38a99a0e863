"""An idea told as one person's story or typed as a terse search-box line, a plain text's numbered
section headings and a table's dot leaders (issue 11, "understanding the idea", "verification").
Invented ideas and pages, in domains no eval corpus covers."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.figure_places import places_in
from agents.analysts.figures import figures, numbers_in
from agents.analysts.gazetteer import metropolises_in
from agents.analysts.idea import defining_split, parse_idea, payers, restatement
from agents.analysts.sentences import split_sentences, stem
from agents.analysts.sourcing import idea_terms
from agents.citations import quote_found
from agents.evidence import _quantity, find_conflicts, lexical_terms, set_aside_adjacent_markets
from agents.state import Figure, MarketFindings, Source

PERSONA = (
    "Meet Ines, who runs a one-chair barber shop on a side street in Porto. Twice a week she closes early "
    "to buy clippers blades and razors at the cash-and-carry, and half of them are dull within a month. "
    "Bladebox is a supply app where barber shops like Ines's order sharpened blades and razors and get "
    "them the next morning by courier. We charge €4 per delivery, or shops pay €19 a month."
)


def test_a_persona_story_is_defined_by_the_named_offer_and_its_customer_by_what_she_runs() -> None:
    first, product, customer = defining_split(PERSONA)
    assert first.startswith("Bladebox is a supply app")
    # the persona compared ("like Ines's") is no word of the offer
    assert product.startswith("a supply app where barber shops order sharpened blades")
    assert "one-chair barber shop" in customer and "barber shops" in customer
    assert "Ines" not in product
    terms = idea_terms(parse_idea(PERSONA))
    assert {stem("blades"), stem("razors")} <= terms.product
    assert stem("barber") in terms.customer
    assert restatement(PERSONA).startswith("This report assesses the idea \u201cBladebox is a supply app")


def test_a_person_named_later_in_the_story_is_not_the_offer() -> None:
    story = "Meet Ines, who runs a barber shop in Porto. Ines is a barber with no time to shop for blades."
    first, _, _ = defining_split(story)
    assert first.startswith("Meet Ines")


def test_a_terse_line_names_its_payer_and_its_country_by_short_forms() -> None:
    line = "mobile knife sharpening van, NZ restaurants, kitchen pays per knife, weekly round"
    assert payers(line) == ["kitchen"]
    assert places_in(line) == {"New Zealand"}
    # a sentence's subject is no payer of a terse list, and a word is no country
    assert payers("It pays off within a year.") == []
    assert places_in("We serve cafés across town.") == set()


def _source(content: str) -> Source:
    return Source(
        id="S1",
        url="https://knife-guild.example/briefing",
        title="Knife sharpening in New Zealand kitchens: briefing 2025",
        content=content,
        agent="market",
        retrieved_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


BRIEFING = """KNIFE SHARPENING IN KITCHENS: BRIEFING 2025

1. What we count

Only sharpening services sold to restaurant kitchens are counted.

2. Size and growth

  Knife sharpening services for restaurant kitchens, 2025 ........ $12m
  Growth, 2023 to 2025 ........................... about 6% a year

3. What members said

1. Dull knives slow the line at dinner service, said 41% of head chefs
2. Blades go missing between rounds, said 18% of head chefs
"""


def test_a_numbered_plain_heading_titles_its_section_and_a_leader_row_sizes_the_market() -> None:
    sentences = split_sentences(_source(BRIEFING))
    row = next(s for s in sentences if "$12m" in s.text)
    assert row.heading == "Size and growth"
    assert row.text == "Knife sharpening services for restaurant kitchens, 2025: $12m"
    # a numbered list's items, one after another, are items, not headings
    item = next(s for s in sentences if "41%" in s.text)
    assert item.heading == "What members said"
    [figure] = figures(row, 2025, 2026)
    assert figure.kind == "market_size"
    # the quote, written with a colon for the dot leader, is still found in the source
    assert quote_found(figure.quote, BRIEFING)
    assert not quote_found("Knife sharpening services for restaurant kitchens, 2025: $15m", BRIEFING)


def test_what_others_spend_on_the_customers_own_service_is_their_takings_not_this_market() -> None:
    idea_text = "A supply app that delivers sharpened blades and razors to barber shops by courier."
    idea = lexical_terms(parse_idea(idea_text))

    def stated(quote: str, value: str, kind: str = "market_size", source: str = "S2") -> Figure:
        return Figure(text=quote, quote=quote, value=value, kind=kind, source_ids=[source])

    takings = stated(
        "Portuguese men spent €410 million on barber haircuts in 2025, tips included.", "€410 million"
    )
    its_growth = stated("Barber haircuts are expected to grow 9% a year to 2030.", "9% a year", "growth_rate")
    own = stated("Barber shops spent €38 million on blades and razors in 2025.", "€38 million", source="S1")
    market = MarketFindings(market_size=[takings, own], growth=[its_growth])
    set_aside_adjacent_markets(market, idea, idea_text)
    assert [f.value for f in market.market_size] == ["€38 million"]
    # the growth of what that page sized, said in the customers' words, goes with it
    assert market.growth == []


def test_a_count_of_one_firms_customers_is_not_how_many_there_are() -> None:
    assert [f.kind for f in numbers_in("The firm says 3,400 barber shops ordered through it last year.")] == [
        "other"
    ]
    assert [f.kind for f in numbers_in("About 12,000 salons use Snipr every week.")] == ["other"]
    assert [f.kind for f in numbers_in("Portugal had about 12,000 barber shops in 2025.")] == ["population"]


def test_counts_of_shops_and_of_businesses_are_one_quantity() -> None:
    def count(quote: str, value: str) -> Figure:
        return Figure(text=quote, quote=quote, value=value, kind="population", source_ids=["S1"])

    shops = count("We count 52,000 barber shops and kiosks in Porto district in 2025.", "52,000 barber shops")
    firms = count(
        "The guild counts 21,400 registered barber businesses in Porto district.", "21,400 businesses"
    )
    assert _quantity(shops) == _quantity(firms)


def test_a_figure_stating_no_place_is_compared_with_one_in_the_ideas_big_city() -> None:
    assert "Lagos" in metropolises_in("Meet Ada, who runs a salon on the edge of Lagos.")
    left = Figure(
        text="Lagos salons spent NGN 157 billion on supplies in 2025.",
        quote="Lagos salons spent NGN 157 billion on supplies in 2025.",
        value="NGN 157 billion", kind="market_size", geography="Lagos", source_ids=["S1"],
    )  # fmt: skip
    right = Figure(
        text="Our members bought supplies worth N265bn in 2025.",
        quote="Our members bought supplies worth N265bn in 2025.",
        value="N265bn", kind="market_size", source_ids=["S2"],
    )  # fmt: skip
    assert find_conflicts([left, right], set(), {"Lagos", "global"})
    assert not find_conflicts([left, right], set(), {"global"})


def test_what_the_customers_themselves_spend_on_a_service_is_their_market() -> None:
    idea_text = "A supply app that delivers sharpened blades and razors to barber shops by courier."
    idea = lexical_terms(parse_idea(idea_text))
    quote = "Barber shops in Portugal spent €90 million on barber chairs and mirrors in 2025."
    spend = Figure(text=quote, quote=quote, value="€90 million", kind="market_size", source_ids=["S1"])
    market = MarketFindings(market_size=[spend])
    set_aside_adjacent_markets(market, idea, idea_text)
    assert [f.value for f in market.market_size] == ["€90 million"]


def test_a_rise_the_writer_says_was_almost_all_price_is_no_market_growth() -> None:
    said = "Members' spending on blades rose about 20% in 2025, but almost all of that was price."
    assert [f.kind for f in numbers_in(said)] == ["other"]
    assert [f.kind for f in numbers_in("Spending on blades rose about 20% in 2025 as shops opened.")] == [
        "growth_rate"
    ]
