"""Market figures as writers state them, on invented text about bicycle repair, coffee roasting, bridal
wear, dental clinics and heat pumps (no corpus sentences): currencies written in letters, thousands
grouped with spaces, goods bought by a group, a place's possessive and a source's attribution after an
amount."""

from __future__ import annotations

import pytest

from agents.analysts.amounts import amount
from agents.analysts.figures import figures, numbers_in
from agents.analysts.sentences import Sentence
from agents.state import Figure


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
