"""Market figures and conflicts on invented text (issue 11: rules that hold for pages nobody has seen)."""

from __future__ import annotations

import pytest

from agents.analysts.disagreements import stated_disagreements
from agents.analysts.figures import figures
from agents.analysts.sentences import Sentence


def kinds(text: str) -> list[tuple[str, str]]:
    """(value, kind) of each figure of one sentence, written in 2025."""
    return [(f.value, f.kind) for f in figures(Sentence(text, "M1", 0), 2025, 2026)]


def stated(*texts: str) -> list[list[str]]:
    """The sides' values of each disagreement one source states in ``texts`` (consecutive sentences)."""
    found = stated_disagreements([Sentence(text, "S4", index) for index, text in enumerate(texts)])
    return [[side.value for side in conflict.sides] for conflict in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one named organisation spending is its own bill, not a market
        ("Last year Harbourline spent $2.6 million on kiln fuel.", [("$2.6 million", "customer_spend")]),
        ("We spent $3 million on kiln licences in 2024.", [("$3 million", "customer_spend")]),
        # one buyer paying one named firm, however large, is that buyer's spend
        (
            "The largest single customer, a pottery chain, pays Glazeco about EUR 1.4 million a year.",
            [("EUR 1.4 million", "customer_spend")],
        ),
        # a whole group, a country or a people spending is a market
        ("U.S. potters spent $1.3 billion on kiln fuel in 2024.", [("$1.3 billion", "market_size")]),
        ("Portugal spent EUR 90 million on studio kilns in 2024.", [("EUR 90 million", "market_size")]),
        ("Dutch bakeries paid EUR 30 million for kiln repairs in 2024.", [("EUR 30 million", "market_size")]),
    ],
)
def test_one_organisations_spend_is_customer_spend_and_a_groups_a_market(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(text) == expected


def test_a_source_stating_two_counts_of_one_thing_is_a_disagreement() -> None:
    # given a source that says estimates vary and gives two attributed counts
    sides = stated(
        "Estimates of the number of beekeepers vary widely.",
        "The census counted 42,000 beekeepers in 2023.",
        "The beekeepers' union says there are 95,000, but it counts hobbyists with a single hive.",
    )
    # then both counts are surfaced as one disagreement
    assert sides == [["42,000", "95,000"]]
    [conflict] = stated_disagreements(
        [
            Sentence(
                "The ministry counted 1.2 million hives, but the federation puts it at 2.9 million.", "S2", 0
            )
        ]
    )
    assert conflict.quantity == "hives" and "1.2 million vs 2.9 million" in conflict.statement


def test_an_advertised_rate_against_a_measured_range_is_a_disagreement() -> None:
    sides = stated(
        "Sensor makers advertise a fee 'from 3%', but our review of contracts found an effective cost of "
        "6% to 9% a year."
    )
    assert sides == [["3%", "6% to 9%"]]
    # a range that holds the other value is no disagreement
    assert stated("Makers advertise 'from 7%', but our review found an effective cost of 6% to 9%.") == []


def test_the_often_quoted_figure_against_a_sources_own_measure_is_a_disagreement() -> None:
    sides = stated(
        "The figure most often quoted is that one in three hives dies each winter.",
        "Our own survey of 300 apiaries found 14% winter losses.",
    )
    assert sides == [["one in three", "14%"]]


@pytest.mark.parametrize(
    "texts",
    [
        # a breakdown, not two views of one figure
        ("52% of apiaries use sensors; 21% use them on most hives, according to the survey.",),
        ("Estimates vary by region: the survey found 30% of northern apiaries and 12% of southern ones.",),
        # a change over time
        ("The census counted 42,000 beekeepers in 2019, but it counted 61,000 in 2024.",),
        ("Estimates vary.", "The census says hive numbers rose from 1.2 million to 2.9 million."),
        # two different sums: a market and one firm's revenue
        (
            "Beekeepers paid about $31 million for hive checks in 2024, according to the union.",
            "Hivecorp reported revenue of $4 million, but its founder claimed the market is larger.",
        ),
        # a plain contrast between two things nobody attributes
        ("Sensors cost $40 per hive, but cameras cost $90 per hive.",),
        # counts of two different things
        ("The ministry counted 1.2 million hives, but the federation says 2.9 million beekeepers.",),
    ],
)
def test_breakdowns_changes_and_different_things_are_not_stated_disagreements(texts: tuple[str, ...]) -> None:
    assert stated(*texts) == []
