"""An idea told as one person's story or typed as a terse search-box line, a plain text's numbered
section headings and a table's dot leaders (issue 11, "understanding the idea", "verification").
Invented ideas and pages, in domains no eval corpus covers."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.figure_places import places_in
from agents.analysts.figures import figures
from agents.analysts.idea import defining_split, parse_idea, payers, restatement
from agents.analysts.sentences import split_sentences, stem
from agents.analysts.sourcing import idea_terms
from agents.citations import quote_found
from agents.state import Source

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
