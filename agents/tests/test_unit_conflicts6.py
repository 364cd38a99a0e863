"""Conflicts between sources: a count a sentence attributes to "the company" counts the firm an earlier
sentence of its source names, and official statistics are reference figures a relevant source's
measure may be set against (issue 11).

Invented sentences only, in domains no eval corpus covers (piano tuning, rooftop beekeeping, kayak
rental, school uniforms)."""

from datetime import UTC, datetime

from agents.analysts.sentences import split_sentences
from agents.state import Source


def _values(conflict) -> set[str]:
    return {side.value for side in conflict.sides}


# --- a short running total a firm claims ("Chosen by 8,500 schools.") is a sentence ------------------


def _page(content: str) -> Source:
    return Source(
        id="S1",
        url="https://uniformly.example/",
        title="Uniformly - school uniforms, sorted",
        content=content,
        agent="competitor",
        retrieved_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_a_short_running_total_a_firm_claims_is_kept() -> None:
    # given a vendor's hero line too short to count as a sentence by its length
    content = "Uniforms for every pupil, ordered in minutes. Chosen by 8,500 schools nationwide.\n\nShop now."
    # when the page is split into sentences
    texts = [sentence.text for sentence in split_sentences(_page(content))]
    # then the claimed count is kept, a short call to action is not
    assert "Chosen by 8,500 schools nationwide." in texts
    assert "Shop now." not in texts


def test_a_running_total_grouped_in_lakhs_or_by_spaces_is_kept() -> None:
    content = "Relied on by 2,50,000 parents.\nUsed by 120 000 pupils daily.\n\nLog in."
    texts = [sentence.text for sentence in split_sentences(_page(content))]
    assert texts == ["Relied on by 2,50,000 parents.", "Used by 120 000 pupils daily."]
