"""A pitch that names the incumbents first, lira written the Turkish way, and amounts a source gives as
context or as a part of its total (issue 11, "understanding the idea" and "typed evidence"). Invented
ideas and pages, in domains no eval corpus covers."""

from datetime import UTC, datetime

import pytest

from agents.analysts.amounts import amount, currency_code
from agents.analysts.extractive_market import analyse_market
from agents.analysts.figures import figures, numbers_in
from agents.analysts.idea import defining_split, parse_idea
from agents.analysts.sentences import Sentence
from agents.analysts.sourcing import idea_terms
from agents.analysts.vetting import Evidence
from agents.state import Source

PITCH = (
    "Gymdesk and ClubOS charge Lisbon climbing gyms €190 and €240 a month and still leave them chasing "
    "unpaid memberships by email. Cragpay collects memberships by card or MB Way, sends the reminders "
    "itself and posts every refund, for small climbing gyms in Lisbon and Porto, at €1 per member a month."
)


def test_a_pitch_naming_the_incumbents_first_is_defined_by_what_the_new_company_does() -> None:
    first, product, customer = defining_split(PITCH)
    assert first.startswith("Cragpay collects memberships")
    assert product == "collects memberships by card or MB Way"
    assert customer == "Lisbon climbing gyms"
    terms = idea_terms(parse_idea(PITCH))
    assert {"collect", "membership"} <= terms.product
    # the incumbents' names are no words of the product
    assert not {"gymdesk", "clubo", "cragpay"} & terms.product


def test_two_ordinary_words_joined_by_and_are_no_incumbents() -> None:
    _, product, _ = defining_split("Salt and Pepper grinders for restaurants in Leeds, refilled weekly.")
    assert product == "Salt and Pepper grinders"


@pytest.mark.parametrize(
    ("text", "value", "code", "usd_scale"),
    [
        (
            "Clubs in Turkey paid 1,4 milyar TL in 2025 for gym software subscriptions.",
            "1,4 milyar TL",
            "TRY",
            1.4e9,
        ),
        ("Revenue was TL 120 million in 2025.", "TL 120 million", "TRY", 1.2e8),
        ("Membership is E£1,200 a month.", "E£1,200 a month", "EGP", 1200),
    ],
)
def test_lira_and_egyptian_pounds_as_their_writers_write_them(
    text: str, value: str, code: str, usd_scale: float
) -> None:
    [found] = numbers_in(text)
    assert found.value == value and currency_code(value) == code and amount(value) == usd_scale


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "building" naming a trade is no building bought
        ("Management companies paid €14 million for building management software in 2025.", "market_size"),
        ("The new building cost €4 million.", "cost"),
        # an amount offered for scale is no market size
        ("For scale: members of Lisbon gyms paid €61 million in fees in 2025.", "other"),
    ],
)
def test_context_and_parts_are_no_market_sizes(text: str, kind: str) -> None:
    assert [figure.kind for figure in figures(Sentence(text, "S1", 0), 2026, 2026)][:1] == [kind]


def test_an_amount_its_source_says_is_not_the_market_is_left_out() -> None:
    page = Source(
        id="S1", url="https://gym-insight.example/r", title="Climbing gym software", agent="market",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
        content=(
            "## Market size\n\nGyms in Portugal paid €23 million for climbing gym software in 2025.\n"
            "Members paid an estimated €610 million in climbing gym fees in 2025. That is the money flowing "
            "through the gyms' tills, not the money spent on software.\n"
        ),
    )  # fmt: skip
    market = analyse_market(Evidence(sources=[page], assessments=[], research_year=2026), {"climbing", "gym"})
    assert [f.value for f in market.market_size] == ["€23 million"]
