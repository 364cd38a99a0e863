"""Segments and market figures as writers state them, on invented pages about beekeeping supplies,
funeral-home software, bicycle repair and harbour moorings (no corpus sentences): plain-text tables of
buyers by size, groups that hold a share of where the demand is, survey subgroups, ages of those a
group looks after, counts that grow, company-size bands in an aside and "per cent"."""

from __future__ import annotations

from agents.analysts.competitors.listings import table_listings
from agents.analysts.competitors.names import Names
from agents.analysts.customer_text import logical_lines
from agents.analysts.figures import numbers_in
from agents.analysts.segments import lead_subject
from agents.analysts.sentences import Sentence, unwrap_lines
from agents.analysts.vetting import is_finding
from agents.state import CustomerFindings, SourceType
from agents.tests.helpers import customer_findings
from agents.tests.helpers import markdown_source as source


def findings(*documents: tuple[str, str, SourceType], customers: set[str]) -> CustomerFindings:
    return customer_findings(*documents, focus=set(), customers=customers)


APIARY_CENSUS = """Title: Apiary register 2025, summary tables
URL: https://apiary-register.example/2025
Published: 2026-02-01

1. Registered apiaries by county

   County            Apiaries     Colonies
   Northmoor         1,240        18,300
   Eastvale          2,910        41,800

2. Beekeepers by number of hives (share of beekeepers)

   fewer than 10 hives ............ 52%
   10 to 49 hives ................. 31%
   50 hives or more ............... 17%

Most hobby beekeepers keep fewer than ten hives and sell honey at the farm gate.
"""


def test_a_plain_text_table_is_read_row_by_row_with_its_header_or_caption() -> None:
    lines = logical_lines(APIARY_CENSUS)
    assert "| County | Apiaries | Colonies |" in lines
    assert "| Northmoor | 1,240 | 18,300 |" in lines
    # a dot-leader table has no header row: the line that introduced it heads it
    assert "| Beekeepers by number of hives (share of beekeepers) |" in lines
    assert "| 10 to 49 hives | 31% |" in lines
    # the rows are never joined into one another or into the prose after them
    assert any(line.startswith("Most hobby beekeepers") for line in lines)


def test_one_aligned_line_is_no_table() -> None:
    text = "Notes from the stand\n\nWe sold   forty jars on Saturday and restocked the shelf twice.\n"
    assert not any(line.startswith("|") for line in logical_lines(text))


def test_rows_of_a_breakdown_of_buyers_by_size_are_segments() -> None:
    found = findings(("S1", APIARY_CENSUS, "government"), customers={"beekeeper"})
    names = {segment.name: segment.description for segment in found.segments}
    assert names.get("Beekeepers with fewer than 10 hives") == "52%"
    assert names.get("Beekeepers with 10 to 49 hives") == "31%"
    assert "Beekeepers with 50 hives or more" in names
    assert not any("Northmoor" in name for name in names)  # a breakdown by place is no band of buyers


FUNERAL_BRIEF = """# Funeral-home software in the Midlands, 2026

## Market structure

Regional funeral chains (revenue roughly $5m to $40m) run 48% of the funeral homes that still print
orders of service by hand, but mostly buy one module at a time.

Single-site family firms are slower to switch and rarely hold a software budget.
"""


def test_a_group_that_runs_a_share_of_the_demand_is_a_segment_whatever_its_aside() -> None:
    found = findings(("S1", FUNERAL_BRIEF, "analyst_report"), customers={"funeral"})
    names = {segment.name: segment.description for segment in found.segments}
    assert names.get("Regional funeral chains") == "48%"


BIKE_SURVEY = """# Workshop survey 2026: bicycle repair

## What they told us

**Booking is still by phone.** 38% of respondents at independent bike shops say they take most repair
bookings by phone rather than online.

## Who buys supplements

Owners of horses aged over 20 account for 41% of joint-supplement purchases in the tack shops we visited.
"""


def test_a_survey_subgroup_named_after_respondents_at_is_a_segment() -> None:
    found = findings(("S1", BIKE_SURVEY, "survey"), customers={"shop"})
    names = {segment.name: segment.description for segment in found.segments}
    assert names.get("independent bike shops") == "38%"


def test_the_age_of_what_a_group_looks_after_is_no_demographic_of_the_sample() -> None:
    dependants = Sentence(
        "Owners of horses aged over 20 account for 41% of joint-supplement purchases.", "S1", 0
    )
    sample = Sentence("Respondents were aged 30 to 55 and most kept two horses.", "S1", 1)
    assert is_finding(dependants)
    assert not is_finding(sample)
    found = findings(("S1", BIKE_SURVEY, "survey"), customers={"owner"})
    names = {segment.name: segment.description for segment in found.segments}
    assert names.get("Owners of horses aged over 20") == "41%"


def test_a_pronoun_ends_a_group_name() -> None:
    assert lead_subject("Every winter we ask skippers how they book a mooring", set()) == ""
    assert lead_subject("Charter skippers booking late pay the most", set()) == "Charter skippers"


def kinds(text: str) -> dict[str, str]:
    return {found.value: found.kind for found in numbers_in(text)}


def test_a_count_that_grows_is_no_market_growth() -> None:
    count = kinds("Harbour offices recorded 4,150 mooring disputes in 2025, up 9% on 2024.")
    assert count["up 9% on 2024"] == "other"
    sales = kinds("Dealers sold 12,400 outboard units in 2025, up 9% on 2024.")
    assert sales["up 9% on 2024"] == "growth_rate"
    market = kinds("The mooring market reached EUR 40 million in 2025, up 9% on 2024.")
    assert market["up 9% on 2024"] == "growth_rate"


def test_growth_written_in_per_cent_is_read() -> None:
    assert kinds("It was up about 14 per cent on 2024.") == {"up about 14 per cent on 2024": "growth_rate"}


def test_an_amount_in_an_aside_about_turnover_sizes_companies_not_a_market() -> None:
    found = kinds(
        "Mid-market marina groups (turnover roughly EUR 8m to EUR 60m) own 40% of berths in the market."
    )
    assert found["EUR 8m"] == "company_revenue"
    assert (
        kinds("The market reached EUR 50 million (about $54 million) in 2025.")["$54 million"]
        == "market_size"
    )


def test_a_group_named_with_its_place_spends_as_a_market() -> None:
    found = kinds(
        "The guild estimates that florists in Lyon spent about EUR 3m in 2025 on cold-chain delivery."
    )
    assert found["EUR 3m"] == "market_size"
    assert kinds("Last year Norvale spent EUR 3m on cold-chain delivery.")["EUR 3m"] == "customer_spend"


DISCLAIMER = (
    "This bulletin is published by the (invented) Hop Growers' Circle for its members; reproduction is "
    "allowed with credit, and every grower, figure and address in it is made up for this example."
)
OUTLIER = f"""Title: Growers' bulletin, spring 2026
Published: 2026-04-02

{DISCLAIMER}

About this bulletin
112 member farms replied to the spring questionnaire. Larger farms answered more often than small
ones, and the figures below are not weighted for that.

2. What members spent
Using members' invoices, the Circle estimates that hop growers in Kent spent about GBP 6m in 2025
on trellis wire and poles. It was up about 11 per cent on 2024, mostly because steel prices rose.
"""


def test_one_unwrapped_line_does_not_hide_a_hard_wrapped_text() -> None:
    lines = unwrap_lines(OUTLIER).splitlines()
    assert any(
        line.startswith("Using members' invoices") and "trellis wire and poles." in line for line in lines
    )
    assert "About this bulletin" in lines and "2. What members spent" in lines


KAYAK_REPORT = """# Touring kayak rentals in Norway, 2026

## Buyers

Demand per paddler is highest in northern Norway, where the season is short but the fjords are calm.
Bookings peak in July, and demand is highest in July in every region.
"""


def test_where_demand_is_highest_is_a_segment_by_place() -> None:
    found = findings(("S1", KAYAK_REPORT, "analyst_report"), customers={"paddler"})
    names = [segment.name for segment in found.segments]
    assert "Buyers in northern Norway" in names
    assert not any("July" in name for name in names)  # a month is no place


HIVE_SCALES = """# Hive scales compared (2026)

**Beekeeping Gazette — Tests.** We weighed what a club apiary of twelve hives can actually buy.

| | Hivemetric | Combwise | Apiguard Cloud |
|---|---|---|---|
| Price | EUR 4 per hive per month | EUR 6 per hive per month | EUR 59 per year per apiary |
| Minimum | 5 hives | none | 1 apiary |
| Best for | hobby keepers | commercial migratory keepers | clubs |
"""


def test_competitors_side_by_side_in_columns_each_get_their_own_price() -> None:
    page = source("S1", HIVE_SCALES)
    listings = table_listings([page], Names([page]), set())
    assert listings["Hivemetric"].pricing.startswith("EUR 4 per hive")
    assert listings["Combwise"].pricing.startswith("EUR 6 per hive")
    assert listings["Combwise"].positioning == "commercial migratory keepers"
    assert listings["Apiguard Cloud"].evidence[0].quote.startswith("| Price |")
    assert "Price" not in listings  # the row labels name no company


SCANNER_SURVEY = """# Dental practice survey 2026: intraoral scanners

## Paying for a scanner

A majority (61%) would rather lease the scanner with no deposit than buy it outright.
Practices with one chair said the scanner sits idle most afternoons.
"""


def test_how_customers_would_rather_pay_is_willingness_to_pay() -> None:
    found = findings(("S1", SCANNER_SURVEY, "survey"), customers={"practice"})
    assert any("would rather lease" in claim.text for claim in found.willingness_to_pay)
    assert not any("sits idle" in claim.text for claim in found.willingness_to_pay)


def test_a_growth_verb_with_the_percent_written_out_is_read() -> None:
    assert kinds("The guild says the refurbished segment grew 14 percent in 2025.") == {
        "grew 14 percent": "growth_rate"
    }
    assert kinds("Charter bookings rose 6 per cent last season.") == {"rose 6 per cent": "growth_rate"}


BIKE_BUYERS = """# Used e-bike buyers, 2026 panel

## What makes a good used e-bike

Asked what mattered most, riders ranked: a battery health report (68%), a frame free of cracks (54%) and
a local pickup (31%).
"""


def test_what_mattered_most_under_what_makes_a_good_purchase_is_a_satisfaction_driver() -> None:
    found = findings(("S1", BIKE_BUYERS, "survey"), customers={"rider"})
    assert any("battery health report" in claim.text for claim in found.satisfaction_drivers)


HARBOUR_SPEND = """# Mooring services in the Solent, 2025

| By item | Share of 2025 spending |
|---|---|
| Chains and swivels | 64% |
| Buoys | 36% |

| By type of venue | Share of 2025 spending |
|---|---|
| Marinas | 52% |
| Sailing clubs and yacht clubs | 30% |
| Harbour authorities | 18% |
"""


def test_rows_of_a_spending_breakdown_by_kind_of_buyer_are_segments_and_by_item_are_not() -> None:
    found = findings(("S1", HARBOUR_SPEND, "analyst_report"), customers={"marina", "club"})
    names = {segment.name for segment in found.segments}
    assert {"Marinas", "Sailing clubs and yacht clubs", "Harbour authorities"} <= names
    assert not names & {"Chains and swivels", "Buoys"}
