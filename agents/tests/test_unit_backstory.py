"""A founder telling the idea through their own story, a firm's reported results next to the market it
sells in, goods that went to waste, and a vendor whose name has accents or two words (issue 11,
"understanding the idea", "typed evidence", "relevance"). Invented ideas and pages, in domains no eval
corpus covers."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.figure_definitions import definition_of
from agents.analysts.figures import numbers_in
from agents.analysts.idea import defining_split, parse_idea, restatement
from agents.analysts.sentences import stem
from agents.analysts.sourcing import IdeaTerms, idea_terms, source_type
from agents.evidence import adjacent_market, other_product_market
from agents.state import Figure, Source

STORY = (
    "I spent six years coaching at a rowing club in Gdańsk, and every Saturday I watched volunteers "
    "chase members for unpaid boat fees on a spreadsheet. So I built Wiosło, an app that lets members "
    "book, swap and pay for boat slots by card, reminds them before each outing, for rowing clubs in "
    "Poland. The club pays 4 zł per member a month."
)


def test_a_founders_backstory_is_not_the_product_the_sentence_saying_what_i_built_is() -> None:
    first, product, customer = defining_split(STORY)
    assert first.startswith("So I built Wiosło")
    # the enumeration "book, swap and pay" stays one offer; the writer's own story names no customer
    assert "book, swap and pay for boat slots" in product
    assert "rowing clubs" in customer
    assert "coaching" not in product and "volunteers" not in customer
    # the summary restates the offer, not the story of how it was built
    assert restatement(STORY).startswith(
        "This report assesses the idea \u201cWiosło, an app that lets members"
    )
    terms = idea_terms(parse_idea(STORY))
    assert {"slot", "boat"} <= terms.product
    assert "club" in terms.customer


def test_a_plain_pitch_is_still_read_from_its_first_sentence() -> None:
    _, product, customer = defining_split("A booking app for rowing clubs in Poland. I built it last year.")
    assert product == "booking app"
    assert customer.startswith("rowing clubs")


def test_a_firms_reported_results_are_its_revenue_even_after_the_market_it_sells_in() -> None:
    text = (
        "The market for kayak rental software is led by Paddlo, a Kraków firm founded in 2011, which "
        "reported **revenue of 48 mln zł for 2024**."
    )
    assert [found.kind for found in numbers_in(text)] == ["company_revenue"]
    # a loss reported is still a loss, and a market sized in the same sentence is still a market
    assert [f.kind for f in numbers_in("Clubs reported lost revenue of €3 million after the flood.")] == [
        "cost"
    ]
    assert [f.kind for f in numbers_in("The rowing market was worth €90 million in 2025.")] == ["market_size"]


def test_the_value_of_goods_that_went_to_waste_is_no_market() -> None:
    text = "At retail prices, the unsold ski passes were worth about €2.4 million last winter."
    assert [found.kind for found in numbers_in(text)] == ["cost"]
    # unless the sentence sizes a market for them
    text = "The market for unsold ski passes was worth about €2.4 million last winter."
    assert [found.kind for found in numbers_in(text)] == ["market_size"]


def test_a_vendor_whose_name_has_accents_and_two_words_is_its_own_site() -> None:
    page = Source(
        id="S1",
        url="https://wioslo-klub.example/pl/cennik",
        title="Wiosło Klub — club software for rowing clubs",
        content="Rowing clubs lose hours to fees. Ask for an offer today. 400 clubs trust us. 4 zł a member.",
        agent="competitor",
        retrieved_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert source_type(page) == "vendor"


def test_a_gloss_in_brackets_is_no_word_of_a_definition() -> None:
    text = (
        "We define the market as everything Polish rowing clubs (*kluby wioślarskie*) spend on boat booking."
    )
    assert definition_of(text) == "everything Polish rowing clubs spend on boat booking"


ROWING = IdeaTerms(
    product=frozenset(stem(word) for word in ("boat", "slot", "booking")),
    customer=frozenset(stem(word) for word in ("rowing", "clubs")),
)


def _market(scope: str, clause: str) -> Figure:
    return Figure(
        text=clause, quote=clause, source_ids=["S1"], value="€9 million", kind="market_size", scope=scope
    )


def test_a_market_defined_by_what_the_ideas_customers_spend_is_theirs_in_other_words() -> None:
    figure = _market(
        "everything rowing clubs spend on running fleet booking", "The market was worth €9 million."
    )
    words = [stem(word) for word in ("rowing", "clubs", "boat", "slot", "booking")]
    assert not adjacent_market(figure, ROWING, words)
    # the customers' words in a page's title say whom it is about, not which other product it sizes
    assert not other_product_market(figure, set(ROWING.product), "Rowing club software 2026", ROWING.customer)
    # a sibling with the product's noun and another qualifier, named for no customer of the idea, is set aside
    sibling = _market("tourist hotel booking", "The market was worth €9 million.")
    assert adjacent_market(sibling, ROWING, words)
    # and a page about another product, titled for it, sizes that product
    other = _market("hotel room booking engines", "Hotel room booking engines were worth €9 million.")
    assert other_product_market(other, {stem("slot")}, "Hotel room booking engines 2026", ROWING.customer)


def test_a_firms_own_survey_that_says_how_it_asked_is_a_survey_not_a_sales_page() -> None:
    page = Source(
        id="S2",
        url="https://oar-pulse.example/reports/clubs-2025",
        title="Oar Pulse 2025: what rowing clubs pay for boat booking",
        content=(
            "Who we asked: 212 club secretaries completed our questionnaire in March. Respondents paid a "
            "median of 4 zł per member a month; 18% paid over 9 zł per member a month. The full results "
            "follow below."
        ),
        agent="customer",
        retrieved_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert source_type(page) == "survey"
