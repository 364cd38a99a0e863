"""Customer findings on layouts the analyst was not written for: invented pages about a mobile
knife-sharpening service, a ferry-ticketing tool and a dental-lab booking app (no corpus sentences)."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.analysts.extractive_customer import analyse_customers
from agents.analysts.vetting import Evidence
from agents.state import CustomerFindings, Source, SourceAssessment, SourceType


def source(source_id: str, content: str) -> Source:
    return Source(
        id=source_id,
        url=f"https://{source_id.lower()}.example/page",
        title=content.splitlines()[0].lstrip("# "),
        content=content,
        agent="customer",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
    )


def findings(
    *documents: tuple[str, str, SourceType], focus: set[str], customers: set[str]
) -> CustomerFindings:
    sources = [source(source_id, content) for source_id, content, _ in documents]
    notes = [
        SourceAssessment(source_id=source_id, source_type=kind, relevant=True, relevance=0.8)
        for source_id, _, kind in documents
    ]
    return analyse_customers(
        Evidence(sources=sources, assessments=notes, research_year=2026), focus, customers
    )


def segment_names(result: CustomerFindings) -> list[str]:
    return [segment.name.lower() for segment in result.segments]


SHARPENING_SURVEY = """# Blade care in commercial kitchens: 2026 survey

We surveyed 420 head chefs and kitchen managers in March 2026.

## Who is most interested

Interest in a weekly van visit was highest among independent restaurants with fewer than ten cooks, and
among hotel kitchens that run a banqueting service. Sushi bars were the second group, because their knives
need the finest edge. Caterers working from rented kitchens were twice as likely to want a loan set while
theirs are away.

## Who answered

58% of respondents were men; the median respondent was 41 years old.
"""

FERRY_NOTES = """Notes from nine conversations with ferry and water-taxi operators

Tomasz, 47, runs two water taxis on a lake in the north. He sells tickets from a tin box.

**Segments we heard.** Island ferry companies with fewer than five boats felt the booking problem most.
Water-taxi operators running late-night services asked for offline ticket checks. The two river-cruise firms
needed invoices for tour groups.

**Who pays.** The owner signs off every purchase in most of the nine businesses.
"""

LAB_REPORT = """# Dental lab booking software: market note 2026

By customer type, independent dental practices accounted for 52% of bookings, dental chains for 31% and
hospital clinics for 17%.

Orthodontists, implant surgeons and prosthodontists make up most buyers of premium crown work.
"""

COMPANY_NEWS = """# Harbour Foods Group reports a record year

The group said its frozen range grew faster than any other. Coastal retailers are feeling the pressure of
higher freight costs.
"""


def test_segments_are_read_from_interest_breakdowns_and_ordinal_groups_in_prose() -> None:
    # given a survey whose "Who is most interested" section names groups in running prose
    result = findings(
        ("S1", SHARPENING_SURVEY, "survey"), focus={"knife", "sharpening"}, customers={"kitchens", "chefs"}
    )
    names = segment_names(result)
    # then each group it singles out is a segment
    assert "independent restaurants with fewer than ten cooks" in names
    assert "hotel kitchens" in names
    assert "sushi bars" in names
    assert "caterers working from rented kitchens" in names
    # and who answered the survey (demographics) is no segment
    assert not any(name == "men" or "respondents" in name for name in names)


def test_sentences_under_a_segments_lead_name_their_subject_and_aged_people_are_never_segments() -> None:
    # given interview notes with a run-in "Segments we heard" paragraph and a named, aged interviewee
    result = findings(
        ("S1", FERRY_NOTES, "interviews"), focus={"ferry", "ticketing"}, customers={"operators"}
    )
    names = segment_names(result)
    # then each sentence's subject is a segment, without its article or count
    assert "island ferry companies with fewer than five boats" in names
    assert "water-taxi operators running late-night services" in names
    assert "river-cruise firms" in names
    # and the lead itself, the interviewee and "who pays" sentences are not segments
    assert not any("segments we heard" in name or "tomasz" in name or "owner" in name for name in names)


def test_breakdowns_by_customer_type_and_most_buyers_lists_name_segments() -> None:
    # given an analyst note breaking bookings down by customer type, and a "make up most buyers" sentence
    result = findings(("S1", LAB_REPORT, "analyst_report"), focus={"dental", "lab"}, customers={"dentists"})
    segments = {segment.name.lower(): segment for segment in result.segments}
    # then each customer type of the breakdown is a segment with its share
    assert segments["independent dental practices"].description == "52%"
    assert segments["dental chains"].description == "31%"
    assert segments["hospital clinics"].description == "17%"
    # and the buyers a sentence lists are segments too
    assert {"orthodontists", "implant surgeons", "prosthodontists"} <= set(segments)


def test_a_company_named_group_is_not_a_heading_about_customer_groups() -> None:
    # given company news whose title names "Harbour Foods Group"
    result = findings(("S1", COMPANY_NEWS, "news"), focus={"freight"}, customers={"retailers"})
    # then none of its sentences' subjects becomes a segment
    assert segment_names(result) == []
