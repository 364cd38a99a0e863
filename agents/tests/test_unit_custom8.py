"""Customer findings on invented survey text about ferry passengers (no corpus sentences): the rows of a
"What went wrong" table are pains, an amount in them included, and the items of a "What matters most"
list are what customers value, above sentences that only describe a choice."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.extractive_customer import analyse_customers
from agents.analysts.vetting import Evidence
from agents.state import Source

SURVEY = """# Stranded at the pier: a survey of island ferry passengers, 2026

The Island Travellers' Association surveyed 840 passengers who travelled by ferry in 2025.

## How passengers booked

- 61% booked the sailing that left first, whatever the operator.
- 12% compared operators online before they booked.

## What went wrong

| Experience | Share of respondents |
|---|---|
| Sailing cancelled with no rebooking offered | 38% |
| Charged more than €40 above the fare first shown | 27% |
| Missed a connecting bus because the ferry was late | 19% |

## What matters most when choosing a ferry

Respondents chose up to two answers:

1. A guaranteed rebooking if the sailing is cancelled: 57%
2. Seeing the full fare with every fee before paying: 44%
3. A timetable that matches the buses on the island: 23%
"""


def test_problems_listed_under_what_went_wrong_and_values_listed_under_what_matters_most() -> None:
    source = Source(
        id="S1", url="https://island-travellers.example/survey-2026", title=SURVEY.splitlines()[0][2:],
        agent="customer", retrieved_at=datetime(2026, 4, 1, tzinfo=UTC), content=SURVEY,
    )  # fmt: skip
    evidence = Evidence(sources=[source], assessments=[], research_year=2026)
    found = analyse_customers(evidence, {"ferry", "rebooking", "fare"}, {"passenger"})
    pains = " ".join(claim.text for claim in found.pain_points)
    # every row of the table of what went wrong is a pain, the one naming an amount too
    for row in ("no rebooking offered", "€40 above the fare", "connecting bus"):
        assert row in pains
    # and the list of what matters most comes before the sentences describing how passengers booked
    drivers = [claim.text for claim in found.satisfaction_drivers]
    assert drivers[:3] == [
        "A guaranteed rebooking if the sailing is cancelled: 57%",
        "Seeing the full fare with every fee before paying: 44%",
        "A timetable that matches the buses on the island: 23%",
    ]
