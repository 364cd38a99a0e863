"""Customer findings placed by meaning, on invented pages about a coworking-space network, a mobile
bike-repair van, a pet-food subscription and a school-uniform swap (no corpus sentences): short label and
share items, bold-labelled groups, prices stated as conditions, deposits and margins a customer would
accept, personas and group descriptions kept out of pains, and shares of a sum kept out of drivers."""

from __future__ import annotations

from agents.state import CustomerFindings, SourceType
from agents.tests.helpers import customer_findings


def findings(*documents: tuple[str, str, SourceType], customers: set[str] | None = None) -> CustomerFindings:
    return customer_findings(*documents, focus=set(), customers=customers or set())


def texts(items: list) -> str:  # type: ignore[type-arg]
    return " || ".join(item.text for item in items)


COWORKING_SURVEY = """# Remote workers and their desks, 2026

## What matters most when choosing a desk (up to three answers)

1. A quiet room for calls — 64%
2. Price per day — 58%
3. The coffee — 41%
4. Being able to book a single hour — 37%

## Groups

- **Freelance designers** book most often and for the shortest stays; the hourly rate matters most to them.
- **Parents working part-time** want desks close to schools and book mornings only.
- **Start-up founders in the old town** are the most motivated by wasted commuting time;
  38% of them already rent a fixed desk.
"""


def test_a_short_listed_label_and_its_share_is_a_finding() -> None:
    result = findings(("S1", COWORKING_SURVEY, "survey"))
    assert "The coffee — 41%" in texts(result.satisfaction_drivers)


def test_a_bold_label_opening_a_listed_item_names_its_group() -> None:
    result = findings(("S1", COWORKING_SURVEY, "survey"))
    names = [segment.name for segment in result.segments]
    assert "Freelance designers" in names
    assert "Parents working part-time" in names or any("Parents" in name for name in names)


def test_a_group_described_under_a_groups_heading_is_no_pain_point() -> None:
    result = findings(("S1", COWORKING_SURVEY, "survey"))
    assert "Start-up founders" not in texts(result.pain_points)


BIKE_VAN_NOTES = """# Field notes: cyclists and bike shops on a mobile repair van

Eight cyclists and five bike-shop owners, interviewed in person, May 2026.

**Persona used by the team: "Marco"**, 37, who has commuted by bike for ten years, fixes his own
punctures and distrusts anything that "needs an app to book".

## What hurts

- "My chain snapped on a Monday and the shop could only look at it the following Thursday."
- "The wholesaler wants a minimum order and I pay cash up front for parts I may not sell."
- "Customers leave their bikes with a cracked frame. Who is responsible if it breaks on the road?" (S4)

## Shops today

- Zero-waste repair cafés fixed about 3% of the city's bikes last year.
"""


def test_a_persona_sentence_is_no_pain_point() -> None:
    result = findings(("S1", BIKE_VAN_NOTES, "interviews"))
    assert "Marco" not in texts(result.pain_points)


def test_items_under_a_heading_saying_what_hurts_are_pain_points() -> None:
    result = findings(("S1", BIKE_VAN_NOTES, "interviews"))
    assert "chain snapped" in texts(result.pain_points)


def test_paying_up_front_and_minimum_orders_are_a_pain() -> None:
    result = findings(("S1", BIKE_VAN_NOTES.replace("## What hurts", "## Notes"), "interviews"))
    assert "minimum order" in texts(result.pain_points)


def test_a_customer_asking_who_is_responsible_if_it_goes_wrong_voices_a_worry() -> None:
    result = findings(("S1", BIKE_VAN_NOTES.replace("## What hurts", "## Notes"), "interviews"))
    assert "Who is responsible if it breaks" in texts(result.pain_points)


def test_a_problem_word_in_a_compound_naming_its_absence_is_no_pain() -> None:
    result = findings(("S1", BIKE_VAN_NOTES, "interviews"))
    assert "Zero-waste" not in texts(result.pain_points)


def test_an_objection_customers_raise_is_a_pain() -> None:
    objection = "\n- Parking space for the van was the first objection in four of five shops.\n"
    notes = BIKE_VAN_NOTES.replace("## What hurts", "## Notes") + objection
    result = findings(("S1", notes, "interviews"))
    assert "first objection" in texts(result.pain_points)


PET_FOOD_SURVEY = """# Dog owners and their food, 2026

## Willingness to switch and to pay

- **47%** would switch to a refillable food tin if it cost at least 15% less than their usual brand.
- 58% would accept a tin deposit of up to €5; 12% would accept a deposit of €8 or more.
"""

GROOMER_NOTES = """# Field notes: dog groomers on stocking refill tins

**What groomers would accept:** a margin of 15-18% of the shelf price, nothing paid in advance and a
weekly restock.
"""


def test_a_share_that_would_buy_if_it_cost_less_is_willingness_to_pay() -> None:
    result = findings(("S1", PET_FOOD_SURVEY, "survey"))
    assert "47%" in texts(result.willingness_to_pay)


def test_a_deposit_customers_would_accept_is_willingness_to_pay() -> None:
    result = findings(("S1", PET_FOOD_SURVEY, "survey"))
    assert "58% would accept a tin deposit" in texts(result.willingness_to_pay)


def test_a_margin_under_what_sellers_would_accept_is_willingness_to_pay() -> None:
    result = findings(("S1", GROOMER_NOTES, "interviews"))
    assert "a margin of 15-18%" in texts(result.willingness_to_pay)
    assert "a margin of 15-18%" not in texts(result.pain_points)


UNIFORM_REPORT = """# School uniforms in the region, 2026

## Market size

| Item | Share of 2025 value |
|---|---|
| Blazers and jumpers | 44% |
| Shirts and blouses | 31% |

## Trends

- **Swapping is still tiny.** Uniforms swapped or resold second-hand were under 3% of category value.
"""


def test_a_share_of_a_sum_of_value_is_no_satisfaction_driver() -> None:
    result = findings(("S1", UNIFORM_REPORT, "analyst_report"))
    assert texts(result.satisfaction_drivers) == ""


def test_a_problem_word_naming_a_rule_or_trade_is_no_pain() -> None:
    rules = "- **Rules.** The region's textile waste law pushes schools to talk about swaps.\n"
    report = UNIFORM_REPORT + rules
    result = findings(("S1", report, "analyst_report"))
    assert "waste law" not in texts(result.pain_points)


FIELD_NOTES = """# Field notes: six harbour masters on a mooring-booking app

Six harbour masters met in person in March 2026, each for about an hour.

- "Half my visitors phone after the office closes and nobody picks up."
"""


def test_field_notes_are_read_as_interviews() -> None:
    from agents.analysts.sourcing import source_type
    from agents.tests.helpers import markdown_source

    assert source_type(markdown_source("S1", FIELD_NOTES)) == "interviews"


PHARMACY_NOTES = """# Notes: conversations about after-hours collection

Eleven conversations in May 2026: five owners of pharmacies (two towns), four night-shift nurses near
the hospital and one regional buyer. Four households were also interviewed.

- "Patients knock on the shutter after we close and we cannot help them."
"""


def test_the_groups_interview_notes_count_among_those_heard_are_segments() -> None:
    result = findings(("S1", PHARMACY_NOTES, "interviews"))
    names = [segment.name for segment in result.segments]
    assert "Pharmacy owners" in names
    assert "Night-shift nurses" in names
    assert not any(name.lower() in {"households", "regional buyer"} for name in names)


def test_goods_left_idle_for_weeks_are_a_pain() -> None:
    notes = BIKE_VAN_NOTES.replace("## What hurts", "## Notes")
    notes += '\n- "My cargo bike sat in the back of the shop for nine weeks before the part came."\n'
    result = findings(("S1", notes, "interviews"))
    assert "for nine weeks" in texts(result.pain_points)


def test_a_share_of_customers_wanting_a_quality_is_a_satisfaction_driver() -> None:
    survey = """# Car owners and their repairs, 2026

## Repairs are the first worry

- **64%** want the repair quote to come from a mechanic of their own, not from the dealer.
"""
    result = findings(("S1", survey, "survey"))
    assert "64% want the repair quote" in texts(result.satisfaction_drivers)


def test_a_persona_with_a_quoted_name_is_a_persona() -> None:
    result = findings(("S1", BIKE_VAN_NOTES, "interviews"))
    assert any(person.name.startswith("Marco, 37") for person in result.personas)
    persona = BIKE_VAN_NOTES.replace('"Marco"', '"Zoë"')
    accented = findings(("S1", persona, "interviews"))
    assert any(person.name.startswith("Zoë, 37") for person in accented.personas)


def test_a_lead_asking_what_a_group_would_accept_names_no_segment() -> None:
    result = findings(("S1", GROOMER_NOTES, "interviews"))
    assert not any(segment.name.lower().startswith("what") for segment in result.segments)


def test_a_long_persona_profile_ends_at_a_whole_word() -> None:
    long_persona = BIKE_VAN_NOTES.replace("fixes his own", "mends his own chains, brakes and")
    persona = findings(("S1", long_persona, "interviews")).personas[0].name
    assert persona.split()[-1] in long_persona.split()


LOCKSMITH_NOTES = """# Field notes: locksmiths on a key-cutting kiosk

Eight conversations over two weeks, with locksmiths in three towns.

**Persona used by the team: "Pan Adam"**, 49, runs a two-person workshop.

- "When the cutter broke, the engineer came after four days and I lost every walk-in."
"""


def test_a_persona_lead_does_not_cover_the_list_after_its_paragraph() -> None:
    result = findings(("S1", LOCKSMITH_NOTES, "interviews"))
    assert "engineer came after four days" in texts(result.pain_points)


def test_a_count_of_conversations_names_no_segment() -> None:
    result = findings(("S1", LOCKSMITH_NOTES, "interviews"))
    assert not any("onversation" in segment.name for segment in result.segments)


def test_feeling_least_confident_at_a_task_is_a_pain() -> None:
    survey = """# Small shops and their bookkeeping, 2026

## Bookkeeping

- **Tax comes first.** 47% say VAT returns are the task they feel least confident doing, usually once
  they hire staff.
"""
    result = findings(("S1", survey, "survey"))
    assert "least confident" in texts(result.pain_points)
