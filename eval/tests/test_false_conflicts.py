"""The grader counts false conflicts (two sides that are different kinds of measure) as trap hits."""

from __future__ import annotations

from typing import Any

import pytest

from eval.conflicts import FALSE_CONFLICT, false_conflicts, measure_kind
from eval.expectations import Contradiction


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("$410 million", "money total"),
        ("3.5 billion USD", "money total"),
        ("KES 900 per repair visit", "price"),
        ("$29 per seat per month", "price"),
        ("41%", "share"),
        ("one in four", "share"),
        ("12 days", "duration"),
        ("2,300 beekeepers", "count"),
        ("a lot", ""),
    ],
)
def test_a_value_is_read_as_a_kind_of_measure(value: str, kind: str) -> None:
    assert measure_kind(value) == kind


def conflict(left: str, right: str) -> dict[str, Any]:
    return {"quantity": "q", "sides": [{"value": left}, {"value": right}], "statement": f"{left} vs {right}"}


def test_a_conflict_pairing_different_kinds_of_measure_is_a_trap_hit_once() -> None:
    # given a report whose market section sets a share against a count, repeated in Report.conflicts,
    # a conflict of two market totals, and one of a count against a listed contradiction's share
    listed = [Contradiction(id="c1", quantity="adoption", sides=[["38%"], ["61%"]])]
    share_vs_count = conflict("27%", "2,300 beekeepers")
    report = {
        "market_analysis": {"conflicts": [share_vs_count, conflict("$410 million", "$265 million")]},
        "customer_insights": {"conflicts": [conflict("38%", "4,000 farms")]},
        "conflicts": [share_vs_count],
    }
    # when graded
    hits = false_conflicts(report, listed)
    # then only the unlisted share-vs-count pairing is a false conflict, counted once, with its path
    assert [(hit["id"], hit["where"]) for hit in hits] == [(FALSE_CONFLICT, "market_analysis.conflicts[0]")]
    assert "27% (share) vs 2,300 beekeepers (count)" in hits[0]["why"]


def test_the_grader_adds_false_conflicts_to_the_trap_hits() -> None:
    from eval.expectations import Expected
    from eval.grade import grade_report

    expected = Expected(
        name="x", domain="d", idea="i", pmf_band=(40, 60), facts=[], traps=[], contradictions=[]
    )
    grade = grade_report({"conflicts": [conflict("$80 million", "12 days")]}, expected)
    assert (len(grade["trap_hits"]), grade["false_conflicts"]) == (1, 1)
    assert grade_report({"conflicts": [conflict("$80 million", "$120 million")]}, expected)["trap_hits"] == []
