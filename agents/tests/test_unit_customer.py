"""Customer findings placed by meaning: invented sources about a bakery-supply idea (no corpus sentences)."""

from __future__ import annotations

from agents.analysts.customer_text import read_units
from agents.analysts.extractive_customer import analyse_customers
from agents.analysts.segments import is_group, name_of
from agents.analysts.vetting import Evidence
from agents.state import CustomerFindings, SourceAssessment, SourceType
from agents.tests.helpers import markdown_source as source

SURVEY = """# Independent Bakers Survey 2026

We surveyed 300 owners of independent bakeries in April 2026.

## Key findings

- 58% said flour deliveries arrive late at least once a month.
- Bakers spend 6 hours a week re-typing supplier invoices into their accounts by hand.
- 41% had thrown away a batch because an ingredient ran out mid-shift.
- Ovens in most shops are gas-fired and were installed before 2015.

## What bakers would pay

We asked what owners would pay each month for next-morning ingredient delivery with one invoice.
The median answer was $35 per month per shop. 27% would pay more than $60 a month.

## What keeps them with a supplier

Reliable delivery windows (cited by 66%) and the same rep every time (38%) were the top two reasons.

## Who answered

Respondents: 55% female, median age 44, 70% run a single shop.

## Caveats

The panel over-represents urban bakeries and results are unweighted.
Willingness-to-pay answers are stated, not actual, purchases.
"""

INTERVIEWS = """# Notes from twelve bakery visits

**Running out is the nightmare.** One owner in a market town said she drives 40 minutes to the nearest
wholesaler when butter runs out before the weekend rush.

**Buyer groups we met.**
- Single-shop artisan bakeries, who bake overnight and order by phone.
- Small bakery chains with three to ten shops and a central kitchen.
- Café-bakeries that buy pastries in rather than bake them.

**Personas.** For the design sprint we wrote *Tomas, the night-shift baker who hates paperwork*. He is an
illustration, not a segment.

**What they pay today.** Chains told us they pay distributors about $18 per delivery on top of the goods.
"""

FORUM = """BakeTalk forum - which flour supplier?

crumb_and_co wrote:
I would happily pay $45 a month if someone guaranteed butter before 5am.

rye_guy wrote:
Off topic but has anyone fixed a proofer door seal? Mine is wrong again.
"""

REVIEW = """# Bakery supply services compared

FlourDash costs $29 per month for up to two deliveries a week. The wholesale bakery ingredients market is
worth $2.4 billion in the country. If you already pay $15 per month for FlourDash, the add-on is free.

## Gaps buyers mention

- Weekend deliveries, which no service offers before 6am.
- Organic ranges, which are thin everywhere.
"""


def findings(*documents: tuple[str, str, SourceType]) -> CustomerFindings:
    sources = [source(source_id, content) for source_id, content, _ in documents]
    notes = [
        SourceAssessment(source_id=source_id, source_type=kind, relevant=True, relevance=0.8)
        for source_id, _, kind in documents
    ]
    return analyse_customers(
        Evidence(sources=sources, assessments=notes, research_year=2026),
        {"bakery", "ingredient"},
        {"bakeries"},
    )


def everything(result: CustomerFindings) -> str:
    parts = [
        *(p.quote for p in result.pain_points),
        *(c.quote for c in result.willingness_to_pay),
        *(c.quote for c in result.satisfaction_drivers),
        *(c.quote for c in result.recommendations),
        *(e.quote for s in result.segments for e in s.evidence),
    ]
    return "\n".join(parts)


def test_pains_are_customer_problems_and_caveats_demographics_and_chatter_are_never_findings() -> None:
    # given a survey with findings, caveats and a respondent profile, and a forum with an off-topic post
    result = findings(("S1", SURVEY, "survey"), ("S2", FORUM, "review_forum"))
    pains = [p.text for p in result.pain_points]
    # then the late deliveries, the time lost re-typing and the thrown-away batch are pain points
    assert "58% said flour deliveries arrive late at least once a month." in pains
    assert "Bakers spend 6 hours a week re-typing supplier invoices into their accounts by hand." in pains
    assert "41% had thrown away a batch because an ingredient ran out mid-shift." in pains
    # and the equipment fact is not a pain
    assert not any("gas-fired" in text for text in pains)
    # and the caveats, the demographics and the off-topic post appear nowhere
    text = everything(result)
    for never in (
        "over-represents",
        "unweighted",
        "stated, not actual",
        "55% female",
        "median age",
        "proofer",
    ):
        assert never not in text
    # and a pain carries its survey frequency
    late = next(p for p in result.pain_points if p.text.startswith("58%"))
    assert late.frequency == "high"


def test_willingness_to_pay_is_what_customers_would_pay_not_a_list_price_or_a_market_size() -> None:
    result = findings(
        ("S1", SURVEY, "survey"),
        ("S2", FORUM, "review_forum"),
        ("S3", INTERVIEWS, "interviews"),
        ("S4", REVIEW, "unknown"),
    )
    paying = [c.text for c in result.willingness_to_pay]
    # the survey's answer to "what would you pay", the share willing at a price, a buyer's own words and
    # what a buyer pays today per delivery are willingness to pay
    assert "The median answer was $35 per month per shop." in paying
    assert "27% would pay more than $60 a month." in paying
    assert "I would happily pay $45 a month if someone guaranteed butter before 5am." in paying
    assert "Chains told us they pay distributors about $18 per delivery on top of the goods." in paying
    # while the question itself, a product's list price, "you already pay" and a market size are not
    text = " ".join(paying)
    for never in ("We asked", "$29", "$15", "2.4 billion"):
        assert never not in text


def test_segments_are_listed_groups_and_personas_are_kept_apart() -> None:
    result = findings(("S3", INTERVIEWS, "interviews"), ("S4", REVIEW, "unknown"))
    assert [s.name for s in result.segments] == [
        "Single-shop artisan bakeries",
        "Small bakery chains",
        "Café-bakeries",
    ]
    assert [p.name for p in result.personas] == ["Tomas, the night-shift baker"]
    # a list under "Gaps buyers mention" names gaps, not groups; the persona is in no segment's evidence
    assert "Weekend deliveries" not in " ".join(s.name for s in result.segments)
    assert "Tomas" not in " ".join(e.quote for s in result.segments for e in s.evidence)
    assert "Tomas" in result.personas[0].evidence[0].quote


def test_satisfaction_drivers_are_what_makes_customers_stay() -> None:
    result = findings(("S1", SURVEY, "survey"))
    drivers = [c.text for c in result.satisfaction_drivers]
    assert drivers[0] == (
        "Reliable delivery windows (cited by 66%) and the same rep every time (38%) were the top two reasons."
    )


def test_group_names_are_noun_phrases_of_people_not_clauses_or_one_person() -> None:
    assert name_of("**Rural clinics.** Far from wholesalers.") == "Rural clinics"
    assert name_of("Night-market stallholders who pay cash, mostly weekly.") == "Night-market stallholders"
    assert is_group("Regional hotel groups in the north")
    assert not is_group("After the spring rush")
    assert not is_group("Supply is thin outside cities")
    assert not is_group("Ana, the pastry chef")


def test_a_sentence_is_read_with_its_heading_lead_and_list() -> None:
    units = read_units(source("S3", INTERVIEWS), "interviews")
    by_text = {unit.text: unit for unit in units}
    pay = by_text["Chains told us they pay distributors about $18 per delivery on top of the goods."]
    assert (pay.minor, pay.listed) == ("What they pay today", False)
    item = by_text["Single-shop artisan bakeries, who bake overnight and order by phone."]
    assert (item.minor, item.listed, item.heading) == (
        "Buyer groups we met",
        True,
        "Notes from twelve bakery visits",
    )
    # a bold run-in lead that is a sentence is kept as one, and quotes stay verbatim (emphasis aside)
    assert "**Running out is the nightmare.**" in by_text


def test_market_segments_and_breakdowns_of_things_are_not_customer_segments() -> None:
    # given an analyst's product segments with their sales, and a survey breakdown of orders, not people
    report = (
        "# Bakery ingredients market\n\n## Segments\n\n"
        "- Specialty flours for sourdough bakeries generated $0.4 billion in 2025.\n"
        "- Craft bakeries with one shop, which buy most of their flour weekly.\n\n"
        "## Orders\n\nAmong orders that arrived late, 30% were missing an item on the invoice.\n"
        "Among owners of two or more shops, 45% order online every week.\n"
    )
    result = findings(("S5", report, "survey"))
    # then only the groups of people are segments
    assert [s.name for s in result.segments] == [
        "Craft bakeries with one shop",
        "owners of two or more shops",
    ]


def test_segments_are_read_from_sub_headings_tables_and_bold_leads_under_a_heading_about_groups() -> None:
    report = (
        "# Who buys bakery supplies\n\n## Customer segments\n\n### Hotel kitchens (22%)\n\n"
        "Hotel kitchens order twice a week and want one invoice a month.\n\n"
        "## Buyer groups by size\n\n| Group | Share | Orders |\n|---|---|---|\n"
        "| Farmers' market stallholders | 12% | weekly |\n\n"
        "## Segments we met\n\n**School canteens.** Canteens buy in term time only and plan menus ahead.\n\n"
        "## Prices\n\n| Plan | Price |\n|---|---|\n| Bakers starter | $29 per month |\n"
    )
    result = findings(("S6", report, "interviews"))
    assert [s.name for s in result.segments] == [
        "Hotel kitchens",
        "Farmers' market stallholders",
        "School canteens",
    ]
    assert result.segments[0].description.startswith("22%")
    # and a table row is never a pain point or a price someone would pay
    assert not any("|" in claim.quote for claim in [*result.pain_points, *result.willingness_to_pay])


def test_a_named_offers_price_that_customers_pay_is_a_list_price_and_study_notes_are_no_findings() -> None:
    # given a comparison saying what subscribers pay for a named service, and a survey's method notes
    text = (
        "# Bakery supply services compared\n\n"
        "Most subscribers pay $24 a month for CrumbDrop, and cafés pay $31 per delivery to DoughNow.\n"
        "Independent bakers pay about $12 per delivery when they share a van with a neighbour.\n\n"
        "## Methodology\n\nBakers lose 3 hours a week to ordering, in a convenience sample of 40 shops.\n"
        "Owners said late deliveries cost them a morning's baking every month.\n"
        "Figures may not sum to 100% due to rounding, and results may overstate urban shops.\n"
    )
    result = findings(("S7", text, "survey"))
    paying = [c.text for c in result.willingness_to_pay]
    assert paying == ["Independent bakers pay about $12 per delivery when they share a van with a neighbour."]
    assert not any("morning" in p.text or "rounding" in p.text for p in result.pain_points)


POLL = """# Bakers' poll 2026

## Price

Asked about price, owners named $20 a month as fair for ordering and invoices; 18% said they'd go to $35.

## Why bakers keep a supplier

Bakers stay with a supplier when deliveries arrive before 6am (61%) and when they can pay by card (37%).

## About this poll

This was an online poll with no weighting, so treat the numbers as indicative.
"""
VISITS = """# Visits to bakeries

Three kinds of baker emerged: owners running a single shop, night bakers who rent kitchen space, and
bakers selling through cafés.

Meet Lena, a 31-year-old night baker who rents a kitchen by the hour. She is a composite of four interviews.
"""


def test_enumerated_groups_a_met_persona_a_fair_price_and_a_reason_to_stay_are_placed() -> None:
    result = findings(("S8", POLL, "survey"), ("S9", VISITS, "interviews"))
    # a price named as fair is willingness to pay; being able to pay by card is a reason to stay, not a price
    assert [c.quote for c in result.willingness_to_pay] == [
        "Asked about price, owners named $20 a month as fair for ordering and invoices; "
        "18% said they'd go to $35."
    ]
    assert next(c.quote for c in result.satisfaction_drivers).startswith("Bakers stay with a supplier")
    # groups enumerated after a colon are segments; "Meet Lena, a …" is a persona
    assert [s.name for s in result.segments] == [
        "owners running a single shop",
        "night bakers",
        "bakers selling through cafés",
    ]
    assert [p.name for p in result.personas] == ["Lena, a 31-year-old night baker"]
    # the poll's own caveat is no finding
    assert "indicative" not in everything(result)


PLAIN_SURVEY = """Fictional survey of home bakers.

KEY FINDINGS
Two thirds of home bakers (66%) say humid weather ruined a batch of dough last summer.
Home bakers were the most likely to buy flour in bulk (48%).

Caveats
Most answers came from members of one baking club who struggle to find rye flour locally.
"""


def test_plain_text_headings_place_findings_and_caveats() -> None:
    result = findings(("S10", PLAIN_SURVEY, "survey"))
    # damage is a pain; "most likely to buy in bulk" states no problem; the caveat under "Caveats" is none
    ruined = "Two thirds of home bakers (66%) say humid weather ruined a batch of dough last summer."
    assert [(p.text, p.frequency) for p in result.pain_points] == [(ruined, "high")]
    assert "baking club" not in everything(result)


def test_who_answered_is_no_segment_and_a_question_is_no_driver() -> None:
    text = (
        "# Bakery owners survey\n\n## Findings\n\n"
        "Wholesale bakers make up 22% of respondents and buy flour by the pallet.\n\n"
        "## Segments\n\n- Females over 50, who bake at home for family events.\n\n"
        "## What matters\n\nRespondents ranked the things they value most in a supplier.\n"
        "Fresh stock every morning mattered most, chosen by 64% of owners.\n"
    )
    result = findings(("S11", text, "survey"))
    assert [s.name for s in result.segments] == ["Wholesale bakers"]
    assert [c.text for c in result.satisfaction_drivers] == [
        "Fresh stock every morning mattered most, chosen by 64% of owners."
    ]


def test_kinds_of_vendor_are_not_customer_segments() -> None:
    text = (
        "# Bakery supply landscape\n\n"
        "Bakers choosing a supplier face three kinds of vendor: national distributors that deliver weekly, "
        "local mills that sell flour only, and marketplaces that list many brands.\n"
    )
    assert findings(("S12", text, "unknown")).segments == []


def test_pains_in_plain_business_wording_are_found() -> None:
    text = (
        "# Bakery operators survey\n\n## Findings\n\n"
        "- Over a third of bakeries (36%) turn away wholesale orders in December because ovens are full.\n"
        "- Staff turnover is high: 42% of owners replaced at least one baker this year.\n"
        "- Supplier paperwork eats up to 5 hours a week of an owner's time.\n"
        "- Café invoices go unpaid for 40 days on average at 1 in 4 bakeries.\n"
        "- 64% of bakeries opened before 2010.\n"
    )
    pains = {p.text: p.frequency for p in findings(("S13", text, "survey")).pain_points}
    assert set(pains) == {
        "Over a third of bakeries (36%) turn away wholesale orders in December because ovens are full.",
        "Staff turnover is high: 42% of owners replaced at least one baker this year.",
        "Supplier paperwork eats up to 5 hours a week of an owner's time.",
        "Café invoices go unpaid for 40 days on average at 1 in 4 bakeries.",
    }
    assert pains["Café invoices go unpaid for 40 days on average at 1 in 4 bakeries."] == "medium"


def test_a_refusal_above_a_price_is_willingness_to_pay_even_when_it_names_an_offer() -> None:
    said = "Honestly I wouldn\u2019t pay more than $15 a month for something like CrumbDrop."
    text = f"Bakery buyers forum\n\ncrust_club wrote:\n{said}\n"
    assert [c.text for c in findings(("S14", text, "review_forum")).willingness_to_pay] == [said]
