"""Customer findings placed by structure, on invented pages about marina berth booking and mobile
piano tuning (no corpus sentences): problem tables, wait and outage wording, and groups named by
paragraph leads and quantified subjects in customers' own notes."""

from __future__ import annotations

from agents.analysts.segments import lead_subject
from agents.tests.helpers import customer_findings as findings

MARINA_SURVEY = """# Harbour masters and berth bookings: 2026 member survey

The (invented) Coastal Marinas Guild surveyed 310 marina managers in February 2026.

## Pain points

| Problem reported by managers | Share |
|---|---|
| Visiting yachts arrive without a booking and expect a berth | 44% |
| Booking errors put two boats on the same pontoon slot | 37% |
| The harbour software vendor requires a five-year licence | 21% |

## Findings

- 29% could not reach the harbour office by radio at least once last season.
- 18% had an unplanned closure of the fuel dock in the summer peak.
- Several managers said spare pontoon parts take weeks outside the big ports.

## Who answered

| Role | Share |
|---|---|
| Harbour master | 61% |
"""


def test_rows_of_a_problem_table_are_pain_points_whatever_their_words() -> None:
    # given a survey whose "Problem reported by managers" table states problems in plain words, one of
    # them in the idea's own words ("booking errors" for a booking tool)
    result = findings(
        ("S1", MARINA_SURVEY, "survey"), focus={"berth", "booking", "errors"}, customers={"marinas"}
    )
    pains = " ".join(p.text for p in result.pain_points)
    # then every row of the table is a pain point, the share with it
    assert "Visiting yachts arrive without a booking and expect a berth: 44%" in pains
    assert "Booking errors put two boats on the same pontoon slot: 37%" in pains
    assert "The harbour software vendor requires a five-year licence: 21%" in pains
    # and the rows of who answered are not
    assert "Harbour master" not in pains


def test_outages_inability_and_waits_without_a_number_are_pain_points() -> None:
    # given findings stating an unplanned closure, "could not", and parts that "take weeks"
    result = findings(("S1", MARINA_SURVEY, "survey"), focus={"berth", "booking"}, customers={"marinas"})
    pains = " ".join(p.text for p in result.pain_points)
    # then each is a pain point
    assert "29% could not reach the harbour office" in pains
    assert "18% had an unplanned closure of the fuel dock" in pains
    assert "spare pontoon parts take weeks" in pains


TUNER_NOTES = """Field notes: fourteen conversations about piano tuning visits

Hanna, 44, teaches piano from her flat and books a tuner twice a year.

**Persona used by the team: "Teacher Tom"**, a private piano teacher with two instruments.

**Choir directors and hall caretakers.** The choir director books a tuning before every concert and pays
from the parish budget.

**Music schools book in bulk.** The two music schools tune all their pianos in August and want one invoice.

**Missed appointments.** Three tuners said a third of home visits are cancelled on the day.

**Evenings are when they call.** Every amateur pianist we spoke to booked by phone after work; most owners
did not know when the last tuning was.
"""


def test_paragraph_leads_and_quantified_subjects_of_customer_notes_name_segments() -> None:
    # given interview notes whose paragraphs are led by groups, a theme, a persona and a time
    result = findings(
        ("S1", TUNER_NOTES, "interviews"), focus={"piano", "tuning"}, customers={"pianists", "owners"}
    )
    names = [segment.name.lower() for segment in result.segments]
    # then a lead that opens with a group of buyers (people or organisation nouns) names a segment
    assert "choir directors and hall caretakers" in names
    assert "music schools" in names
    # and a qualified group a quantifier introduces is a segment ("every amateur pianist we spoke to")
    assert "amateur pianists" in names
    # and a theme, a persona, an aged interviewee or a bare "most owners" is not
    assert not any(
        word in name for name in names for word in ("missed", "persona", "tom", "hanna", "evening")
    )
    assert "owners" not in names


def test_a_lead_names_a_qualified_group_only() -> None:
    # a run of people nouns and coordination is one group; a verb, preposition or comma ends it
    assert lead_subject("Music schools book in bulk", set()) == "Music schools"
    assert lead_subject("Choir directors and hall caretakers", set()) == "Choir directors and hall caretakers"
    assert lead_subject("Piano shop owners, concert halls", set()) == "Piano shop owners"
    # a bare people noun, or a list of them, is every customer: no segment
    assert lead_subject("Owners and teachers", set()) == ""
    assert lead_subject("Teachers book early", set()) == ""
    # a theme or a persona lead is no group
    assert lead_subject("Missed appointments", set()) == ""
    assert lead_subject('Persona used by the team: "Teacher Tom"', set()) == ""


HAUL_OUT_SURVEY = """# Boat owners and winter haul-outs: 2026 survey

The (invented) Inland Boating Club asked 540 members how they book a winter haul-out and what they would
pay for a booking app.

## Booking

- 22% say the paperwork is the hardest part of a haul-out.
- 15% sold a boat at a loss because no winter berth was free.
- 41% of those who rent out their moorings would accept a commission of up to 8% if the app collects payment.

## Notes from the dock

One owner would have paid €60 for a guaranteed crane slot last October.
"""


def test_a_studys_question_is_no_finding_and_accepting_a_commission_is_willingness_to_pay() -> None:
    # given a survey opening with its own question, then answers in plain words
    result = findings(("S1", HAUL_OUT_SURVEY, "survey"), focus={"haul-out", "booking"}, customers={"owners"})
    pains = [p.text for p in result.pain_points]
    paying = [claim.text for claim in result.willingness_to_pay]
    drivers = [claim.text for claim in result.satisfaction_drivers]
    # then the question itself is neither a pain, a price nor a driver
    assert not any("asked 540 members" in text for text in [*pains, *paying, *drivers])
    # and "the hardest part" is a pain point
    assert any(text.startswith("22% say the paperwork is the hardest part") for text in pains)
    # and so is selling at a loss
    assert any(text.startswith("15% sold a boat at a loss") for text in pains)
    # and a share who would accept a commission, or what one owner would have paid, is willingness to pay
    assert any(text.startswith("41% of those who rent out their moorings would accept") for text in paying)
    assert any(text.startswith("One owner would have paid €60") for text in paying)


LOOM_NOTES = """Field notes: ten conversations with hand-weaving hobbyists

**What we heard.** Several weavers said they feel isolated working at the loom alone all winter.

**Who pays for lessons.** Every weaver described a different loom. Every retired weaver we spoke to paid for
lessons from their pension.
"""

LOOM_MARKET = """# Weaving lessons: market note 2026

## Structure of demand

Guilds pay for roughly 50% of lessons, community colleges directly for 30%, and weavers themselves for about
20%.
"""


def test_feeling_isolated_is_a_pain_and_a_payer_split_names_segments_with_their_shares() -> None:
    # given interview notes and a market note splitting who pays for lessons
    result = findings(
        ("S1", LOOM_NOTES, "interviews"),
        ("S2", LOOM_MARKET, "analyst_report"),
        focus={"weaving", "lessons"},
        customers={"weavers"},
    )
    pains = [p.text for p in result.pain_points]
    segments = {segment.name.lower(): segment for segment in result.segments}
    # then feeling isolated is a pain point
    assert any("feel isolated" in text for text in pains)
    # and each payer of the split is a segment with its share
    assert segments["guilds"].description == "50%"
    assert segments["community colleges"].description == "30%"
    assert segments["weavers"].description == "20%"
    # and a quantifier names a group only when it singles out some of those asked ("we spoke to")
    assert "retired weavers" in segments
    assert "weavers" in segments and not any(name.startswith("every") for name in segments)


FARRIER_SURVEY = """# Horse-shoeing appointments: 2026 member survey

## Segments

Respondents fall into three groups: solo ferriers, equine clinics with two to five vets, and riding schools in
villages under 5,000 inhabitants, which rarely see a farrier more than once a month.
"""


def test_an_enumeration_of_groups_names_each_group_not_its_subject() -> None:
    # given a survey enumerating its groups after a colon, one with a number and a trailing relative clause
    result = findings(
        ("S1", FARRIER_SURVEY, "survey"), focus={"farrier", "appointments"}, customers={"owners"}
    )
    names = [segment.name for segment in result.segments]
    # then each enumerated group is a segment, the thousands separator and the clause kept with its group
    assert names == [
        "solo ferriers",
        "equine clinics with two to five vets",
        "riding schools in villages under 5,000 inhabitants",
    ]
    assert result.segments[2].description.endswith("which rarely see a farrier more than once a month")
