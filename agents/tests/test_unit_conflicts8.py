"""Conflicts between sources: what customers pay on average, breakdowns of an amount in a table, and
measures of years far apart (issue 11).

Invented sentences only, in domains no eval corpus covers (loft conversions, driving lessons, ferries)."""

from agents.analysts.competitors.names import Names
from agents.analysts.conflicts import measure_conflicts
from agents.analysts.figures import figures
from agents.analysts.sentences import Sentence, split_sentences
from agents.analysts.spend import disagreeing
from agents.evidence import find_conflicts
from agents.state import Figure
from agents.tests.helpers import conflict_values, markdown_source, sentence_pool


def typed(text: str, source_id: str) -> list[Figure]:
    return figures(Sentence(text, source_id, 0), 2026, 2026)


# --- an average paid per purchase is what customers spend -----------------------------------------------


def test_an_average_cost_of_a_purchase_is_customer_spend_and_a_building_is_a_capital_cost() -> None:
    # given a survey's average cost of a loft conversion and one firm's new depot
    average = typed("The **average total cost of the loft conversion they commissioned was £17,900**.", "S1")
    depot = typed("Northgate Lofts spent £1.4 million on its new depot in 2025.", "S2")
    # then the average is what customers spend, the depot one firm's cost
    assert [f.kind for f in average] == ["customer_spend"]
    assert [f.kind for f in depot] == ["cost"]


def test_two_sources_averaging_what_customers_pay_differently_disagree() -> None:
    # given an analyst's and a survey's average spend per loft conversion, a fifth apart, and one
    # homeowner's bill and an average saving that are no average spend
    analyst = typed(
        "The average household spent £14,200 per loft conversion in 2025, scaffolding included.", "S1"
    )
    survey = typed("The average total cost of the loft conversion they commissioned was £17,900.", "S2")
    one = typed("One homeowner in Leeds spent £41,000 on a loft conversion with a dormer.", "S3")
    saving = typed(
        "Homeowners reported an average saving of £2,300 per loft conversion by comparing quotes.", "S4"
    )
    pool = [*analyst, *survey, *one, *saving]
    for figure in pool:
        figure.verified = True
    # when conflicts are found among them
    found = find_conflicts(pool, relevant=set())
    # then the two averages disagree, and nothing else is set against them
    assert [{value.split(" per ")[0] for value in conflict_values(c)} for c in found] == [
        {"£14,200", "£17,900"}
    ]
    assert found[0].quantity == "what customers spend"


def test_averages_a_tenth_apart_or_per_different_periods_do_not_disagree() -> None:
    # given average spends 10% apart, and two averages per month and per year
    close = typed("The average learner spent £1,650 per driving licence in 2025, test fees included.", "S1")
    near = typed("The average total cost of the driving licence learners paid was £1,500 in 2025.", "S2")
    monthly = typed("The average learner spent £180 a month on driving lessons in 2025.", "S3")
    yearly = typed("The average learner spent £1,100 a year on driving lessons in 2025.", "S4")
    for figure in [*close, *near, *monthly, *yearly]:
        figure.verified = True
    # then neither pair is a disagreement
    assert find_conflicts([*close, *near], relevant=set()) == []
    assert find_conflicts([*monthly, *yearly], relevant=set()) == []


def test_a_disagreeing_average_spend_is_kept_beside_the_one_a_report_keeps() -> None:
    # given the figures a report keeps (one average spend) and all the figures found
    kept = typed(
        "The average household spent £14,200 per loft conversion in 2025, scaffolding included.", "S1"
    )
    survey = typed("The average total cost of the loft conversion they commissioned was £17,900.", "S2")
    agreeing = typed("The average total cost of a loft conversion in our survey was £14,600.", "S3")
    # when the report adds the other side of any disagreement
    added = disagreeing(kept, [*kept, *agreeing, *survey])
    # then the disagreeing survey figure is added, not the agreeing one
    assert [f.value for f in added] == ["£17,900"]


# --- a breakdown of an amount is no share of people ------------------------------------------------------


def test_a_row_of_a_table_of_shares_of_spend_is_no_share_of_respondents() -> None:
    # given a table of where the money for a ferry crossing goes, and a survey's table of complaints
    spend = markdown_source(
        "S1",
        "## Where the fare goes\n\n| Item | Share of spend |\n|---|---|\n| Fuel and harbour dues | 41% |\n",
    )
    survey = markdown_source(
        "S2",
        "## Complaints\n\n| Complaint | Share of respondents |\n|---|---|\n"
        "| Fuel surcharge and harbour dues added at the desk | 12% |\n",
    )
    sentences = [*split_sentences(spend), *split_sentences(survey)]
    # then the part of the fare and the share of passengers are not one measure
    assert measure_conflicts(sentences) == []


def test_two_shares_of_respondents_in_tables_still_disagree() -> None:
    # given two surveys' tables of the share of passengers complaining of one thing
    left = markdown_source(
        "S1",
        "| Complaint | Share of respondents |\n|---|---|\n"
        "| Fuel surcharge added at the harbour desk | 41% |\n",
    )
    right = markdown_source(
        "S2",
        "| Complaint | Share of respondents |\n|---|---|\n"
        "| Fuel surcharge added at the harbour desk | 12% |\n",
    )
    found = measure_conflicts([*split_sentences(left), *split_sentences(right)])
    assert [conflict_values(c) for c in found] == [{"41%", "12%"}]


# --- measures of years far apart are a change over time --------------------------------------------------


def test_a_share_from_a_decade_ago_is_history_not_a_disagreement() -> None:
    # given a 2015 share of crossings booked online and a 2025 one
    sentences = sentence_pool(
        "In 2015, 18% of ferry crossings were booked online through the operators' own sites.",
        "In 2025, 64% of ferry crossings were booked online through the operators' own sites.",
    )
    assert measure_conflicts(sentences) == []
    # a sentence stating no year is dated by its source: an old page against a new one is history too
    undated = sentence_pool(
        "About 18% of ferry crossings were booked online through the operators' own sites.",
        "About 64% of ferry crossings were booked online through the operators' own sites.",
    )
    assert measure_conflicts(undated, years={"S1": 2014, "S2": 2025}) == []
    found = measure_conflicts(undated, years={"S1": 2024, "S2": 2025})
    assert [conflict_values(c) for c in found] == [{"18%", "64%"}]


# --- a count or a dateline is no competitor's name ------------------------------------------------------


def test_a_count_of_people_polled_and_a_datelines_city_are_no_names() -> None:
    names = Names([markdown_source("S1", "Ferrylink and Harbourline sell tickets.")])
    assert not names.acceptable("21 of 38")
    assert not names.acceptable("9 out of 10")
    assert not names.acceptable("MARSEILLE")
    assert names.acceptable("Harbourline")
