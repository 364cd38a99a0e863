"""Amounts and headlines on invented text about printing, marinas, electricity, pottery, bakeries, dog
grooming and piano lessons (no corpus sentences): a point that marks decimals or thousands by the
currency's own convention, a company's valuation that is no market size, and the headline that is the
idea's own market rather than the parent market containing it."""

from __future__ import annotations

import pytest

from agents.analysts.amounts import amount
from agents.analysts.figures import numbers_in


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
