"""The matcher and the section mapping: paraphrase-robust, boundary-exact, schema-tolerant."""

from __future__ import annotations

import pytest

from eval.matching import matches, normalise
from eval.sections import conflicts, outcome, pmf_total, section_items


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("USD 3.5 billion", "$3.5 billion"),
        ("US$ 3.5bn", "$3.5 billion"),
        ("EUR 2 bn", "€2 billion"),
        ("GBP 142m", "£142 million"),
        ("PHP 65,000 and INR 6,000", "₱65000 and ₹6000"),
        ("NGN 150,000 or ₦ 1,400", "₦150000 or ₦1400"),
        ("12 percent, 9 per cent, 4 %", "12%, 9%, 4%"),
        ("$1,234,567", "$1234567"),
        ("2024\u20132030 \u2014 A\u00a0B", "2024-2030 - a b"),
    ],
)
def test_normalise_reads_amounts_however_they_are_written(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("text", "groups", "expected"),
    [
        ("spending reached USD 410 million in 2024", ["410 million"], True),
        ("spending reached $0.41 billion", ["410 million|0.41 billion"], True),
        ("a market of $1.9 million", ["9 million"], False),
        ("a market of $19 million", ["9 million"], False),
        ("a market of $9 million.", ["9 million"], True),
        ("LexLead costs $650 a year", ["$65"], False),
        ("LexLead costs $65.50", ["$65"], False),
        ("LexLead costs $65, Retainly $49", ["$65"], True),
        ("conflicts are checked by hand", ["conflict*"], True),
        ("conflicts are checked by hand", ["conflict"], False),
        ("Retainly at $49 per user per month", ["retainly", "$49|$89"], True),
        ("Retainly, the category's best-known name", ["retainly", "$49|$89"], False),
        ("grew 11.2% a year", ["11.2 percent"], True),
        ("ai triage of inquiries", ["ai"], True),
        ("email triage", ["ai"], False),
    ],
)
def test_matches_needs_every_group_at_word_and_number_boundaries(
    text: str, groups: list[str], expected: bool
) -> None:
    assert matches(text, groups) is expected


def test_an_empty_group_is_an_error_not_a_match() -> None:
    with pytest.raises(ValueError):
        matches("anything", [])
    with pytest.raises(ValueError):
        matches("anything", ["|"])


def _report(**overrides: object) -> dict[str, object]:
    report: dict[str, object] = {
        "executive_summary": "A tool for law firms.",
        "market_analysis": {"market_size": [], "growth": [], "trends": [], "opportunities": []},
        "competitive_landscape": {"competitors": [], "gaps": []},
        "customer_insights": {"pain_points": [], "segments": [], "willingness_to_pay": []},
        "pmf_score": {"total": 61, "verdict": "Promising", "sub_scores": []},
        "strategic_recommendations": [],
    }
    report.update(overrides)
    return report


def test_typed_figures_are_placed_by_kind_and_untyped_ones_by_their_list() -> None:
    # given figures with and without the contract's typed kind
    market = {
        "market_size": [
            {"text": "The market was $410 million.", "value": "$410 million"},
            {"text": "Tylerstone revenue $612 million.", "kind": "company_revenue"},
            {"text": "Grows 11.2% a year.", "kind": "growth_rate"},
        ],
        "growth": [{"text": "9% growth."}],
    }
    items = section_items(_report(market_analysis=market))
    # then a revenue is no market size, a typed growth rate is growth, untyped figures keep their list
    assert [item.text for item in items["market_size"]] == ["the market was $410 million. $410 million"]
    assert [item.path for item in items["growth"]] == [
        "market_analysis.market_size[2]",
        "market_analysis.growth[0]",
    ]
    assert items["growth"][0].typed == {"kind": "growth_rate"}


def test_the_default_kind_keeps_the_list_and_the_headline_is_never_excused() -> None:
    # given the typed schema: kind "other" (the default), other_figures, customer figures and a headline
    market = {
        "market_size": [{"text": "$410 million in 2024", "kind": "other"}],
        "other_figures": [
            {"text": "Series B of $28 million", "kind": "funding"},
            {"text": "$265 million in 2023", "kind": "market_size"},
        ],
        "headline": {"text": "a $5 billion opportunity", "kind": "market_size", "vendor_claim": True},
    }
    customer = {"figures": [{"text": "grew 9% in 2023", "kind": "growth_rate"}]}
    items = section_items(_report(market_analysis=market, customer_insights=customer))
    # then untyped figures keep their list, typed ones go by kind, wherever they sit
    assert [item.path for item in items["market_size"]] == [
        "market_analysis.market_size[0]",
        "market_analysis.other_figures[1]",
        "market_analysis.headline",
    ]
    assert [item.path for item in items["growth"]] == ["customer_insights.figures[0]"]
    # and the headline carries no typed excuse: a labelled vendor claim is still a vendor claim as headline
    assert items["market_size"][2].typed == {}
    assert items["market_size"][0].typed == {"kind": "other"}


def test_personas_are_not_segments_and_ids_are_not_text() -> None:
    customer = {
        "segments": [
            {"name": "Solo practitioners", "description": "price-sensitive", "evidence": []},
            {"name": "Dana, the solo family-law attorney", "kind": "persona"},
            {"name": "Gareth", "persona": True},
        ],
        "pain_points": [{"text": "Leads go cold.", "source_ids": ["S12"], "quote": "Leads go cold."}],
    }
    items = section_items(_report(customer_insights=customer))
    assert [item.text for item in items["segments"]] == ["solo practitioners price-sensitive"]
    assert "s12" not in items["pain_points"][0].text


def test_conflicts_outcome_and_score_degrade_gracefully() -> None:
    # given a report from before the typed schema: no conflicts, no outcome
    old = _report()
    assert (conflicts(old), outcome(old), pmf_total(old)) == ([], "report", 61)
    # and one with conflicts on a finding and at the top, an insufficient-evidence outcome and no score
    new = _report(
        outcome="insufficient_evidence",
        pmf_score=None,
        conflicts=[
            {"quantity": "market size", "sides": [{"value": "$410 million"}, {"value": "$265 million"}]}
        ],
        market_analysis={"conflicts": [{"sentence": "Sources disagree: 41% vs 23%."}]},
    )
    assert sorted(item.path for item in conflicts(new)) == ["conflicts[0]", "market_analysis.conflicts[0]"]
    assert (outcome(new), pmf_total(new)) == ("insufficient_evidence", None)
