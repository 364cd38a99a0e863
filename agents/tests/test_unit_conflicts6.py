"""Conflicts between sources: a count a sentence attributes to "the company" counts the firm an earlier
sentence of its source names, and official statistics are reference figures a relevant source's
measure may be set against (issue 11).

Invented sentences only, in domains no eval corpus covers (piano tuning, rooftop beekeeping, kayak
rental, school uniforms)."""

from datetime import UTC, datetime

from agents.analysts.conflicts import count_conflicts
from agents.analysts.sentences import Sentence, split_sentences
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


# --- a count attributed to "the company" counts the firm named just before ---------------------------


def _tuning_news(*between: str) -> list[Sentence]:
    texts = [
        "Tunewell, the Galway piano-tuning start-up, raised EUR 3 million from two angel investors.",
        *between,
        "Analysts who follow the company estimate that about 2,400 households pay for its yearly plan.",
    ]
    return [Sentence(text, "S2", position) for position, text in enumerate(texts)]


def test_a_count_the_news_attributes_to_the_company_counts_the_firm_it_named() -> None:
    # given the firm's own page and a news story naming the firm, then counting "the company's" users
    sentences = [
        Sentence("Trusted by 15,000 households across Ireland and the north of England.", "S1", 0),
        *_tuning_news(),
    ]
    # when counts are compared, the firm's own page being S1
    found = count_conflicts(
        sentences, {"S1": "tunewell"}, frozenset({"S1", "S2"}), frozenset(), frozenset({"S1"})
    )
    # then the two counts of the firm's households disagree
    assert len(found) == 1 and _values(found[0]) == {"15,000 households", "2,400 households"}
    assert "Tunewell" in found[0].quantity


def test_the_company_far_from_any_named_firm_names_none() -> None:
    # given the firm named many sentences before "the company" (another story's firm may come between)
    filler = [
        f"Paragraph {n} of the story describes how pianos drift out of tune in damp houses." for n in range(4)
    ]
    sentences = [
        Sentence("Trusted by 15,000 households across Ireland and the north of England.", "S1", 0),
        *_tuning_news(*filler),
    ]
    found = count_conflicts(
        sentences, {"S1": "tunewell"}, frozenset({"S1", "S2"}), frozenset(), frozenset({"S1"})
    )
    # then the count is not attributed to it
    assert found == []
