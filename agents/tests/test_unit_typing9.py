"""Figure typing and reading met on a pitch deck's sources (issue 11, "typed evidence" and "findings
placed by meaning"): what a category's buyers paid, a programme's budget, a text table's dot leaders,
the word "billion", and two amounts that cannot be one price. Invented text, in domains no eval corpus
covers."""

from datetime import UTC, datetime

import pytest

from agents.analysts.conflicts import price_conflicts
from agents.analysts.figures import numbers_in
from agents.analysts.sentences import Sentence, split_sentences, stem, unwrap_lines
from agents.state import Source
from agents.tests.helpers import conflict_values, sentence_pool


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what a category's buyers paid, as the subject of the sentence, is that category's market
        (
            "Subscriptions to marina booking software reached an estimated €9.4 million in 2025.",
            "market_size",
        ),
        ("Fees for padel court bookings were €62 million in 2025.", "market_size"),
        # one seller's sales are its revenue
        ("Sales of the Zeta app reached €2 million in 2025.", "company_revenue"),
        # the budget of one programme, course or project is money set aside, not a market
        ("Harbour dredging programme (silt removal at 14 small ports), budget: €42 million", "cost"),
        ("The council set a budget of €4 million for the new marina office.", "cost"),
        # what was lost is a cost someone bore, not what was spent
        ("Hail still cost the industry an estimated €48 million in lost apples in the 2024 season.", "cost"),
        ("Marinas reported lost revenue of €3 million after the storm.", "cost"),
        # an average amount paid is what customers spend, not a list price
        ("Among the owners who pay, the average amount paid was €18 per berth per month.", "customer_spend"),
        # a group's combined budget spent on something is still a market
        ("Marinas spent a combined budget of €40 million on booking software in 2025.", "market_size"),
    ],
)
def test_what_an_amount_is_read_from_its_subject(text: str, kind: str) -> None:
    assert [found.kind for found in numbers_in(text)][:1] == [kind]


def test_a_text_tables_dot_leaders_end_its_rows() -> None:
    table = (
        "Table 5. Public programmes, 2025, as published by the national statistics office of the country\n"
        "  Harbour dredging programme (silt removal at fourteen small fishing ports along the\n"
        "  northern coast), budget ........................................ €42 million\n"
        "  Training courses for registered harbour masters, budget ............ €610,000\n"
        "  Berths registered in small marinas across the whole country ... 18,400\n"
        "Registration of harbour masters became compulsory under the reformed ports law in 2024.\n"
    )
    page = Source(id="S1", url="https://ports.example/stats", title="Port statistics", agent="market",
                  content=unwrap_lines(table), retrieved_at=datetime(2026, 5, 1, tzinfo=UTC))  # fmt: skip
    texts = [sentence.text for sentence in split_sentences(page)]
    # each row is one statement, its label with its own value, never the next row's label
    assert any(text.endswith("northern coast), budget: €42 million") for text in texts), texts
    assert "Training courses for registered harbour masters, budget: €610,000" in texts
    assert "Berths registered in small marinas across the whole country: 18,400" in texts


def test_the_words_of_large_numbers_are_their_own_family() -> None:
    # "billion" is no kind of billing, "million" no mill: a page of amounts is not about invoices
    assert stem("billion") != stem("billing") and stem("billions") == stem("billion")
    assert stem("million") != stem("mills")


def test_amounts_in_two_currencies_or_far_apart_are_not_one_price() -> None:
    sentences = sentence_pool(
        "Berthly charges €3 per berth per month to marinas in the Algarve.",
        "Berthly closed a seed round of €350,000 from angel investors in 2024.",
    )
    assert price_conflicts("Berthly", sentences) == []
    sentences = sentence_pool(
        "Berthly charges €3 per berth per month to marinas in the Algarve.",
        "Berthly charges marinas US$ 5 per berth per month, a reviewer found.",
    )
    assert price_conflicts("Berthly", sentences) == []
    # the same price read differently by two sources, in one currency, is a disagreement
    sentences.append(Sentence("Berthly now charges €4 per berth per month, its new list shows.", "S3", 0))
    [conflict] = price_conflicts("Berthly", sentences)
    assert conflict_values(conflict) == {"€3 per berth per month", "€4 per berth per month"}
