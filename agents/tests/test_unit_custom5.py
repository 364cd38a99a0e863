"""Customer findings on invented notes about bicycle repair, payroll software and dog grooming (no corpus
sentences): the kinds of customer interviewee profiles name, what a seller would accept as a fee, debts
as a pain and a condition of adoption as a satisfaction driver."""

from __future__ import annotations

from agents.analysts.interviewees import interviewee_groups, kind_of
from agents.state import CustomerFindings, SourceType
from agents.tests.helpers import customer_findings
from agents.tests.helpers import markdown_source as source


def findings(*documents: tuple[str, str, SourceType], customers: set[str]) -> CustomerFindings:
    return customer_findings(*documents, focus=set(), customers=customers)


BIKE_SHOP_CALLS = """Interview notes: bike workshop owners and fleet buyers, spring 2026
Fictional notes for a test.

(1) Head mechanic, independent bike shop, Leeds (6 staff)
- Orders parts by phone from three wholesalers; "half my morning is on hold".

(2) Fleet manager, courier cooperative in Bristol, 1,200 riders
- Needs every repair logged against a bike number for the insurer.

(3) Owner, serves 40 cafes in Cardiff
- Mostly buys tyres in bulk.

(4) Retired commuter, York
- Rides daily, fixes his own brakes.
"""


def test_interviewee_profiles_name_the_kinds_of_customer_heard() -> None:
    # given interview notes whose numbered profile lines open each conversation's bullet notes
    # when the segments are read
    result = findings(("S1", BIKE_SHOP_CALLS, "unknown"), customers={"mechanics"})
    # then each profile's kind of organisation (or, alone, of person) is a segment, places and sizes not
    names = [segment.name for segment in result.segments]
    assert names == ["Independent bike shops", "Courier cooperatives", "Retired commuters"]
    shop = result.segments[0]
    assert shop.evidence[0].quote == "Head mechanic, independent bike shop, Leeds (6 staff)"
    assert shop.description == f"One of the interviewees: {shop.evidence[0].quote}"


def test_a_profile_names_no_kind_when_it_is_a_role_a_place_or_a_clause() -> None:
    assert kind_of("Owner, Halifax") == ""  # a bare role every customer has
    assert kind_of("CFO, serves 12 clinics") == ""  # what the interviewee does
    assert kind_of("Payroll lead, regional NSW") == "payroll lead"
    assert kind_of("Payroll clerk, family-run bakery in Porto, 4,500 payslips a year") == "family-run bakery"


def test_numbered_lines_outside_interview_notes_are_no_interviewees() -> None:
    # given a numbered list of steps, each followed by bullets, in a how-to page
    guide = """How to true a wheel
1) Spoke key, truing stand
- Loosen the spokes.
2) Tyre lever, pump
- Remove the tyre.
"""
    # then it names no groups: neither titled nor typed as interviews
    assert interviewee_groups(source("S1", guide), "unknown") == []


GROOMER_SURVEY = """# What 212 dog groomers told us about booking apps

## What fee would groomers accept?

| Booking fee per appointment | Would accept |
|---|---|
| Under 3% only | 40% |
| 3 to 6% | 45% |
| More than 6% | 15% |

The median acceptable commission was 4%.

## Findings

- 52% of the salons owed money to their product distributor, usually for stock bought on credit.
- 58% would switch booking app if payouts arrived the same day.
- The estimate covers damaged and stolen stock as well.
- Prices rose 12% in 2024 and demand is fine.
"""

PAYROLL_CALLS = """Interview notes: bakery owners on payroll, 2026

A few owners talked about what they pay their bookkeeper today.

Owner of two bakeries: "£4 a payslip is fine if it files the pension return too."
"""


def texts(items: list) -> list[str]:
    return [item.text for item in items]


def test_the_fee_sellers_would_accept_is_willingness_to_pay() -> None:
    # given a survey asking what booking fee groomers would accept, and its median
    result = findings(("S1", GROOMER_SURVEY, "survey"), customers={"groomers"})
    # then each answer band and the median acceptable commission are willingness to pay
    paying = texts(result.willingness_to_pay)
    assert "Under 3% only: 40%" in paying
    assert "More than 6%: 15%" in paying
    assert "The median acceptable commission was 4%." in paying
    # and a price rise that shares the words is not
    assert not any("Prices rose" in text for text in paying)


def test_a_price_judged_acceptable_is_willingness_to_pay() -> None:
    result = findings(("S1", PAYROLL_CALLS, "interviews"), customers={"owners"})
    assert any("£4 a payslip is fine" in text for text in texts(result.willingness_to_pay))


def test_money_owed_to_the_one_they_buy_from_is_a_pain() -> None:
    result = findings(("S1", GROOMER_SURVEY, "survey"), customers={"groomers"})
    pains = texts(result.pain_points)
    assert any(text.startswith("52% of the salons owed money") for text in pains)
    # what an estimate covers is no problem, whatever words it uses
    assert not any("estimate covers" in text for text in pains)


def test_the_condition_of_switching_is_a_satisfaction_driver() -> None:
    result = findings(("S1", GROOMER_SURVEY, "survey"), customers={"groomers"})
    drivers = texts(result.satisfaction_drivers)
    assert "58% would switch booking app if payouts arrived the same day." in drivers


SCHOOL_CATERING_CALLS = """Discovery interviews: school business managers on catering software

(1) Business manager, primary academy, Derby (420 pupils)
- No finance person; the head teacher signs every invoice herself.
- Can buy anything below the £10,000 delegated spending limit with two quotes; above that, governors decide.

(2) Bursar, village school, Rutland
- Grants under the £5,000 cap go to the parents' association.
"""


def test_a_buyers_spending_ceiling_is_willingness_to_pay() -> None:
    # given interview notes where a buyer states the most they may spend without a longer process
    result = findings(("S1", SCHOOL_CATERING_CALLS, "interviews"), customers={"schools"})
    paying = texts(result.willingness_to_pay)
    # then that ceiling is willingness to pay
    assert any("below the £10,000 delegated spending limit" in text for text in paying)
    # and a cap on what others receive is not
    assert not any("Grants under" in text for text in paying)


def test_a_missing_person_or_budget_noted_by_a_customer_is_a_pain() -> None:
    result = findings(("S1", SCHOOL_CATERING_CALLS, "interviews"), customers={"schools"})
    assert "No finance person; the head teacher signs every invoice herself." in texts(result.pain_points)


DOG_WALKING_CALLS = """Interview notes: dog-walking firms on scheduling software

(1) Owner, dog-walking firm, Bath (4 walkers)
- Wants every walk logged with a map for the owners.
- Saved hours account for 30% of the value owners see in the app.

(2) Scheduler, pet-care agency, Exeter
- Owners value same-day updates over a lower fee.
"""


def test_a_buyers_noted_requirement_is_a_satisfaction_driver_and_a_sum_of_value_is_not() -> None:
    # given interview notes with a requirement in the notes' clipped style and "value" used both ways
    result = findings(("S1", DOG_WALKING_CALLS, "interviews"), customers={"owners"})
    drivers = texts(result.satisfaction_drivers)
    # then what one buyer wants and what owners value are drivers
    assert "Wants every walk logged with a map for the owners." in drivers
    assert "Owners value same-day updates over a lower fee." in drivers
    # and a share "of the value" is not
    assert not any("account for 30%" in text for text in drivers)


def test_frozen_goods_are_no_pain_but_frozen_payouts_are() -> None:
    # given ice-cream van operators' notes: one buys frozen stock, one had payouts frozen
    notes = """Interview notes: ice-cream van operators

- Most operators buy frozen desserts from one wholesaler on price.
- 31% of operators had card payouts frozen for a week after a chargeback.
"""
    result = findings(("S1", notes, "interviews"), customers={"operators"})
    pains = texts(result.pain_points)
    assert "31% of operators had card payouts frozen for a week after a chargeback." in pains
    assert not any("frozen desserts" in text for text in pains)


def test_an_interviewed_kind_already_named_more_fully_is_not_repeated() -> None:
    notes = """Interview notes: payroll for clinics

(1) Practice manager, dental and orthodontic clinic, Leeds
- Runs payroll in a spreadsheet.

(2) Owner, dental clinic, York
- Pays an accountant per payslip.
"""
    result = findings(("S1", notes, "interviews"), customers={"clinics"})
    assert [segment.name for segment in result.segments] == ["Dental and orthodontic clinics"]
