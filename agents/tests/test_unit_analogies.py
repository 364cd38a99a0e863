"""An idea told as an analogy ("Like OpenTable, but for …", "Uber for …"), a market named with its
country, and a growth rate said of "it" (issue 11, "understanding the idea" and "relevance"). Invented
ideas and pages, in domains no eval corpus covers."""

from datetime import UTC, datetime

import pytest

from agents.analysts.extractive_market import analyse_market
from agents.analysts.idea import parse_idea
from agents.analysts.idea_text import analysable
from agents.analysts.sourcing import idea_terms
from agents.analysts.vetting import Evidence
from agents.evidence import lexical_terms, set_aside_adjacent_markets
from agents.state import Figure, MarketFindings, Source


@pytest.mark.parametrize(
    ("idea", "read"),
    [
        (
            "Like OpenTable, but for climbing gyms in Lisbon. Live slots, paid in the app; €1 per booking.",
            "Online booking of climbing gyms in Lisbon. Live slots, paid in the app; €1 per booking.",
        ),
        (
            "It's like Airbnb for campervans in Iceland.",
            "Short-term rental marketplace of campervans in Iceland.",
        ),
        ("Uber Eats for home cooks in Accra", "On-demand delivery of home cooks in Accra"),
        ("The Etsy of vintage fishing tackle", "Marketplace of vintage fishing tackle"),
        # a company the table does not know is read as a service; the sentences after say which
        (
            "Like Zumblo, but for piano tuners. Book a tuner in an hour.",
            "A service of piano tuners. Book a tuner in an hour.",
        ),
        # no analogy: a sentence that opens with a capitalised noun, or "like" in another sense
        ("Frost fans for apple orchards in Tyrol", "Frost fans for apple orchards in Tyrol"),
        (
            "Like many founders, for years I repaired bikes.",
            "Like many founders, for years I repaired bikes.",
        ),
    ],
)
def test_an_opening_analogy_is_read_as_the_service_it_stands_for(idea: str, read: str) -> None:
    assert analysable(idea) == read


def test_the_famous_company_of_an_analogy_is_no_word_place_or_customer_of_the_idea() -> None:
    context = parse_idea(
        "Like OpenTable, but for padel courts in Lima. Live slots at every club; S/ 5 per booking."
    )
    terms = idea_terms(context)
    assert {"book", "padel", "court"} <= terms.product
    assert "opentabl" not in terms.all | terms.places and "opentable" not in context.queries.market
    # the report still quotes the idea as the founder wrote it
    assert context.product_idea.startswith("Online booking of padel courts")


def _size(quote: str, value: str, scope: str) -> Figure:
    return Figure(text=quote, quote=quote, value=value, kind="market_size", scope=scope, source_ids=["S1"])


def test_a_market_named_with_its_country_is_no_sibling_of_the_ideas() -> None:
    idea_text = "Online booking of padel courts in Spain, paid in the app."
    idea = lexical_terms(parse_idea(idea_text))
    own = _size("Spain's padel court rental market was worth €90 million in 2025.", "€90 million",
                "Spain's padel court rental")  # fmt: skip
    sibling = _size("Spain's tennis court rental market was worth €300 million in 2025.", "€300 million",
                    "Spain's tennis court rental")  # fmt: skip
    market = MarketFindings(market_size=[own, sibling])
    set_aside_adjacent_markets(market, idea, idea_text)
    assert [f.value for f in market.market_size] == ["€90 million"]


def test_a_growth_rate_said_of_it_belongs_to_the_market_sized_just_before() -> None:
    # given a page sizing a neighbouring market, then saying "we expect it to grow …", and a page sizing
    # the idea's own market the same way
    def page(source_id: str, title: str, content: str) -> Source:
        return Source(id=source_id, url=f"https://{source_id.lower()}.example/r", title=title, agent="market",
                      content=content, retrieved_at=datetime(2026, 5, 1, tzinfo=UTC))  # fmt: skip

    other = page(
        "S1",
        "Five-a-side football pitches in Spain, 2025",
        "Market size. Spain's five-a-side football pitch rental market was worth €700 million in 2025. "
        "We expect it to grow at 3.1% a year to 2030, as most districts have no land left.",
    )
    own = page(
        "S2",
        "Padel in Spain, 2025",
        "Market size. Spain's padel court rental market was worth €90 million in 2025. "
        "We expect it to grow at 18% a year to 2030, as clubs add courts.",
    )
    evidence = Evidence(sources=[other, own], assessments=[], research_year=2026)
    market = analyse_market(evidence, {"padel", "court", "booking"})
    # then each growth rate carries its market's definition, and only the idea's market grows in the report
    growth = {f.value: f.scope for f in market.growth}
    assert any("18%" in value for value in growth), growth
    assert not any("3.1%" in value for value in growth), growth
