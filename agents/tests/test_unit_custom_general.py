"""Customer findings on layouts the analyst was not written for: invented pages about a mobile
knife-sharpening service, a ferry-ticketing tool and a dental-lab booking app (no corpus sentences)."""

from __future__ import annotations

from agents.state import CustomerFindings
from agents.tests.helpers import customer_findings as findings


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


SCHOOL_RUN_SURVEY = """# Parents and the school run: 2026 survey

We surveyed 900 parents of primary-school children in January 2026.

## Headline findings

- **No idea where the bus is.** 61% say they do not know when the bus will arrive on a cold morning.
- **Calls go nowhere.** 34% have stopped calling the school office because nobody answers before 8am.
- **Ridge Lane Academy.** 18% of parents walk their children to school.

## Would they pay for live tracking?

We described an app that shows the bus on a map and alerts parents five minutes before it arrives.

| Answer | Share of parents |
|---|---|
| Nothing, the school should pay | 27% |
| Up to £2 a month | 38% |
| More than £5 a month | 11% |

## What would make them use it

Respondents picked the features that would matter most (up to two):

1. An alert at least five minutes before the bus arrives, with no manual checking: 52%
2. Seeing the driver's name and the bus number: 21%

## Who answered

| Age band | Share |
|---|---|
| 30 to 39 | 48% |
"""

APPS_COMPARED = """# Bus-tracking apps compared

## Prices

| App | Price |
|---|---|
| BusBuddy | £3.99 a month |
| RouteWatch | £2.49 a month |
"""


def test_answer_tables_list_items_and_table_rows_are_placed_by_the_question_they_answer() -> None:
    # given a survey whose findings are bulleted with bold leads, whose price answers and reasons to use
    # the product are a table and a numbered list, and a review page listing apps' list prices
    result = findings(
        ("S1", SCHOOL_RUN_SURVEY, "survey"),
        ("S2", APPS_COMPARED, "review_forum"),
        focus={"bus", "tracking"},
        customers={"parents"},
    )
    pains = [p.text for p in result.pain_points]
    paying = [claim.text for claim in result.willingness_to_pay]
    drivers = [claim.text for claim in result.satisfaction_drivers]
    # then the bulleted problems are pain points ("do not know", "stopped calling")
    assert any(text.startswith("61% say they do not know") for text in pains)
    assert any(text.startswith("34% have stopped calling") for text in pains)
    # and every answer band of "would they pay" is willingness to pay, read as "answer: share"
    assert "Up to £2 a month: 38%" in paying
    assert "Nothing, the school should pay: 27%" in paying
    assert "More than £5 a month: 11%" in paying
    # and the numbered reasons under "what would make them use it" are satisfaction drivers, not pains,
    # although the list's intro opens with "Respondents"
    assert "An alert at least five minutes before the bus arrives, with no manual checking: 52%" in drivers
    assert not any(text.startswith("An alert") for text in pains)
    # and list prices of products, the bold leads themselves and who answered are nowhere
    placed = " ".join([*pains, *paying, *drivers])
    for never in ("BusBuddy", "£3.99", "No idea where the bus is", "30 to 39"):
        assert never not in placed


EMPLOYER_TABLE = """# What clinics pay for cleaning: 2026 survey of practice managers

| Question | Result |
|---|---|
| Median price paid | $310 per clinic per month |
| Clinics with a cleaning contract | 64% |
"""


def test_a_surveys_row_of_what_customers_pay_per_unit_is_willingness_to_pay() -> None:
    # given a survey table with the median price its respondents pay per unit
    result = findings(("S1", EMPLOYER_TABLE, "survey"), focus={"cleaning"}, customers={"clinics"})
    paying = [claim.text for claim in result.willingness_to_pay]
    # then that row is what customers pay today; the share with a contract is not a price
    assert paying == ["Median price paid: $310 per clinic per month"]


LOCKER_SURVEY = """# Parcel lockers in apartment blocks: resident survey 2026

## Findings

- 44% of residents say a missed delivery means a trip to a depot at least once a month.
- The parcel delivery market grew by 6% last year as online shopping recovered.
- **Door codes are a deal-breaker.** Couriers leave a card whenever the building's door code changes.
"""


def test_a_respondent_share_stating_the_ideas_own_problem_is_a_pain_and_a_market_line_is_not() -> None:
    # given an idea about missed deliveries, and a survey whose respondents state that very problem
    result = findings(
        ("S1", LOCKER_SURVEY, "survey"), focus={"missed", "delivery", "lockers"}, customers={"residents"}
    )
    pains = [p.text for p in result.pain_points]
    # then the share of residents with missed deliveries is a pain, although "missed" names the idea
    assert any(text.startswith("44% of residents say a missed delivery") for text in pains)
    # and a deal-breaker is a pain; the market's growth is not
    assert any(text.startswith("Couriers leave a card whenever") for text in pains)
    assert not any("market grew" in text for text in pains)


KENNEL_NOTES = """# Dog-boarding owners: interview notes 2026

We asked how often bookings fall through, why, and what owners would pay to fill empty kennels.

Owners said late cancellations are the worst part of the job. Most would pay for a deposit system
that charges no-shows automatically.

What is missing: none of the four booking tools takes a deposit at the time of booking.

The company said the new funding would pay for 30 more sales staff in Spain.
"""


def test_the_studys_question_a_gap_in_the_offer_and_a_company_paying_for_staff_are_no_findings() -> None:
    # given interview notes opening with the study's question, a gap sentence and company news
    result = findings(("S1", KENNEL_NOTES, "interviews"), focus={"kennels", "booking"}, customers={"owners"})
    pains = [p.text for p in result.pain_points]
    paying = [claim.text for claim in result.willingness_to_pay]
    # then the owners' problem is a pain and their intention to pay is willingness to pay
    assert "Owners said late cancellations are the worst part of the job." in pains
    assert any(text.startswith("Most would pay for a deposit system") for text in paying)
    # and the question asked, the gap in the tools and what a company's funding pays for are neither
    placed = " ".join([*pains, *paying])
    for never in ("We asked", "none of the four", "new funding"):
        assert never not in placed


PRINT_SHOP_NOTES = """# Conversations with print-shop owners

Marguerite, 61, runs a copy shop near a university and still takes orders by email.

Single-press shops wanted a pay-per-job plan; the two franchise chains wanted one contract for every branch.
Owners said ink prices went up twice last year; the suppliers blamed freight.
"""


def test_groups_contrasted_by_what_they_want_are_segments_and_a_named_aged_person_is_a_persona() -> None:
    # given interview notes contrasting two kinds of shop and profiling one named owner with her age
    result = findings(("S1", PRINT_SHOP_NOTES, "interviews"), focus={"print"}, customers={"owners"})
    names = segment_names(result)
    # then each contrasted group is a segment (its count and article dropped)
    assert "single-press shops" in names
    assert "franchise chains" in names
    # and the named owner is a persona, never a segment; a clause about suppliers names no group
    assert [persona.name for persona in result.personas] == [
        "Marguerite, 61, runs a copy shop near a university and still takes orders by email"
    ]
    assert not any("marguerite" in name or "suppliers" in name or name == "owners" for name in names)


GYM_SURVEY = """# Gym owners survey 2026

## What owners buy and pay

| Question | Result |
|---|---|
| Offer a booking app to members | 58% of gyms |
| Median price paid | $140 per location per month |
"""


def test_in_a_table_of_what_customers_buy_and_pay_only_prices_are_willingness_to_pay() -> None:
    # given a survey table under "what owners buy and pay" mixing a share who offer something and a price
    result = findings(("S1", GYM_SURVEY, "survey"), focus={"booking"}, customers={"owners"})
    # then the price paid is willingness to pay and the share offering an app is not
    assert [claim.text for claim in result.willingness_to_pay] == [
        "Median price paid: $140 per location per month"
    ]


TUTOR_SURVEY = """# Parents and tutoring 2026

## Paying for tutoring

We asked what parents would pay each month for two online sessions a week.

| Answer | Share |
|---|---|
| Nothing, only if the school pays | 33% |
| Up to $60 a month | 41% |
"""


def test_the_paragraph_before_a_table_can_ask_the_question_its_rows_answer() -> None:
    # given a table of answers whose question is the paragraph just before it
    result = findings(("S1", TUTOR_SURVEY, "survey"), focus={"tutoring"}, customers={"parents"})
    paying = [claim.text for claim in result.willingness_to_pay]
    # then a share answering with no price is willingness to pay too
    assert "Nothing, only if the school pays: 33%" in paying
    assert "Up to $60 a month: 41%" in paying


def test_a_denied_problem_is_no_pain() -> None:
    # given notes where one owner had no trouble and another lost stock
    notes = (
        "# Notes from florists\n\nMaria ran her shop for ten years without any trouble from suppliers.\n"
        "Owners said two deliveries a week arrive late and wilted stems are thrown away.\n"
    )
    result = findings(("S1", notes, "interviews"), focus={"florist"}, customers={"owners"})
    pains = [p.text for p in result.pain_points]
    # then only the real problem is a pain
    assert pains == ["Owners said two deliveries a week arrive late and wilted stems are thrown away."]


def test_a_table_whose_first_column_is_the_customer_type_names_segments() -> None:
    # given a market note with a table of customer types under a heading that does not say "groups"
    note = (
        "# Window-cleaning robots: market note\n\n## Demand in 2025\n\n"
        "| Customer type | Share of units | Typical site |\n|---|---|---|\n"
        "| Facility managers of office towers | 46% | 20+ floors |\n"
        "| Hotel chains | 31% | resorts |\n\n"
        "## Prices\n\n| Plan | Price |\n|---|---|\n| Basic robots | $900 per month |\n"
    )
    result = findings(("S1", note, "analyst_report"), focus={"window"}, customers={"managers"})
    # then each customer type is a segment with its share; the price table names none
    segments = {segment.name: segment for segment in result.segments}
    assert list(segments) == ["Facility managers of office towers", "Hotel chains"]
    assert segments["Hotel chains"].description.startswith("31%")
