"""Competitors that the sources price or name but the report left out (invented texts of domains no
corpus covers): prices with dots for thousands and a letter symbol, a commission as a price, a rival's own
price list beside a comparison table, and a rival that closed."""

from __future__ import annotations

from agents.analysts.amounts import PRICE, amount
from agents.analysts.competitors import analyse_competitors, prices_in
from agents.analysts.vetting import Evidence
from agents.state import SourceAssessment
from agents.tests.helpers import analyse_rivals as analyse
from agents.tests.helpers import competitor_source as source

# --- amounts ---------------------------------------------------------------------------------------------


def test_dots_for_thousands_and_a_letter_symbol_before_the_number_are_prices() -> None:
    # given prices as Brazilian, Kenyan, Indonesian, Indian and Malaysian writers put them
    written = {
        "A tune-up costs R$ 1.250,00 per bicycle.": ("R$ 1.250,00 per bicycle", 1250.0),
        "The vet charges KES 2.500 per visit.": ("KES 2.500 per visit", 2500.0),
        "Tutoring is Rp 1.250.000 a month.": ("Rp 1.250.000 a month", 1250000.0),
        "A yoga class is Rs 450 per session.": ("Rs 450 per session", 450.0),
        "Laundry pickup costs RM 45 a month.": ("RM 45 a month", 45.0),
    }
    for text, (price, value) in written.items():
        match = PRICE.search(text)
        # then the whole amount is read, units kept, and its value counts the dots as thousands
        assert match is not None and match.group(0) == price, text
        assert amount(text) == value, text


def test_decimals_and_scaled_amounts_still_read_as_before() -> None:
    # given decimals, a comma-grouped price and amounts with a scale
    assert amount("The meter reads $3.1415 per unit.") == 3.1415
    assert amount("Dues are €1,200.50 a year.") == 1200.5
    assert amount("The payroll software market was $2.5 billion.") == 2.5e9
    assert amount("The depot cost Rp 48 billion to build.") == 48e9
    # and a scaled amount is money, never a unit price
    assert PRICE.search("The depot cost Rp 48 billion to build.") is None
    assert prices_in("Servicing costs Rp 85.000 per bicycle.") == ["Rp 85.000 per bicycle"]


# --- a rival's own page --------------------------------------------------------------------------------


def test_a_commission_labelled_before_its_rate_is_a_price() -> None:
    # given a tutoring marketplace's fees written as a price list's labels
    assert prices_in("Commission: 12% of each completed lesson booking") == [
        "Commission: 12% of each completed lesson booking"
    ]
    fee = "Booking fee: 4% of every order"
    assert prices_in(f"{fee}, paid by the parent.") == [fee]
    assert prices_in("The platform takes 15% of the sale.") == ["takes 15% of the sale"]
    # but a share of people is no price, whatever label leads it
    assert prices_in("Fee: 3% of respondents never paid one.") == []


def test_a_companys_own_page_prices_it_by_its_plans_and_by_its_short_fee_lines() -> None:
    # given a dog-walking marketplace's own page: fees for walkers in a short list, plans for owners in a
    # table, and a delivery-style fee in a sentence below it
    page = source(
        "# PawRoute\n\n## For walkers\n\n- Listing your profile: free\n"
        "- Commission: 12% of each completed walk booking\n- Payout: every Friday\n\n"
        "## For owners\n\n| Plan | Price | Includes |\n|---|---|---|\n"
        "| Basic | Free | Book any walker |\n| PawRoute Plus | KES 2.500 / month | Priority walkers |\n\n"
        "Key handover fee: KES 300 per visit inside Nairobi, collected by the walker.\n",
        "C1",
        url="https://pawroute.example/pricing",
        title="PawRoute — Pricing",
    )
    # when the competitors are analysed
    findings = analyse(page, types={"C1": "vendor"})
    # then the company is priced by its plans and its fees, each line once and in the page's order
    assert [c.name for c in findings.competitors] == ["PawRoute"]
    assert findings.competitors[0].pricing == (
        "Basic: Free; PawRoute Plus: KES 2.500 / month; Commission: 12% of each completed walk booking; "
        "Key handover fee: KES 300 per visit"
    )


def test_a_comparison_row_keeps_the_add_on_its_companys_own_page_prices() -> None:
    # given a review comparing bicycle-repair booking apps in a table
    review = source(
        "| App | Best for | Price |\n|---|---|---|\n"
        "| SpokeDesk | Workshops with two mechanics or more | BRL 89/month |\n"
        "| Wrenchly | Solo mechanics | BRL 49/month |\n",
        "C1",
    )
    # and SpokeDesk's own page, which also prices an add-on
    page = source(
        "# Pricing\n\n| Plan | Price |\n|---|---|\n| Workshop | R$ 89,00 a month |\n"
        "| Parts Catalogue (add-on) | +R$ 25,00 a month |\n",
        "C2",
        url="https://spokedesk.example/pricing",
        title="SpokeDesk — Pricing",
    )
    # when the competitors are analysed
    findings = analyse(review, page, types={"C2": "vendor"})
    spokedesk = next(c for c in findings.competitors if c.name == "SpokeDesk")
    # then the comparison prices it, and its own page's add-on is quoted with it
    assert spokedesk.pricing == "BRL 89/month"
    quotes = [claim.quote for claim in spokedesk.evidence]
    assert quotes[0] == "| SpokeDesk | Workshops with two mechanics or more | BRL 89/month |"
    assert "| Parts Catalogue (add-on) | +R$ 25,00 a month |" in quotes


# --- rivals that closed ----------------------------------------------------------------------------------


def test_a_rival_that_shut_down_is_reported_with_the_sentence_saying_so_and_no_price() -> None:
    # given a bicycle-repair market review naming a priced rival and one that closed
    review = source(
        "**SpokeCall** sends a mechanic to your door for GBP 45 per visit.\n\n"
        "Crankly, a mobile bike-repair app in Leeds, shut down in 2022 after it could not keep its "
        "mechanics busy in winter.\n\n"
        "WheelWorks closed a GBP 2 million round last spring and hired ten mechanics.\n",
        "C1",
    )
    # when the competitors are analysed
    findings = analyse(review)
    closed = next(c for c in findings.competitors if c.name == "Crankly")
    # then the closed rival is listed after the priced one, unpriced, its closure quoted
    assert [c.name for c in findings.competitors][:2] == ["SpokeCall", "Crankly"]
    assert closed.pricing == ""
    assert "shut down in 2022" in closed.positioning
    assert closed.evidence[0].quote.startswith("Crankly, a mobile bike-repair app in Leeds, shut down")
    # and a company that closed a funding round is no closed rival
    assert "WheelWorks" not in [c.name for c in findings.competitors]


def test_news_about_a_named_rival_is_read_for_rivals_that_closed_though_not_about_the_idea() -> None:
    # given a payroll review naming one rival, and two pages not judged about the idea: news about that
    # rival, and news about something else
    review = source("**PayPlain** runs payroll for cafés at EUR 6 per employee per month.\n", "C1")
    news = source(
        "PayPlain raised EUR 4 million this spring. Rival Lohnly, a payroll start-up for bakeries, "
        "went bust in 2023 when its tax filings fell behind.\n",
        "C2",
        title="PayPlain raises EUR 4 million for its payroll app",
    )
    other = source(
        "Stampit, a time-clock maker, ceased trading in 2021.\n", "C3", title="Time clocks in retail"
    )
    notes = [
        SourceAssessment(source_id="C1", source_type="analyst_report", relevance=0.8, relevant=True),
        SourceAssessment(source_id="C2", source_type="news", relevance=0.1, relevant=False),
        SourceAssessment(source_id="C3", source_type="news", relevance=0.1, relevant=False),
    ]
    # when the competitors are analysed
    findings = analyse_competitors(Evidence([review], notes, 2026, others=[news, other]), set())
    # then the closed rival the rival's news names is reported, citing that news, which now counts as read
    lohnly = next(c for c in findings.competitors if c.name == "Lohnly")
    assert lohnly.evidence[0].source_ids == ["C2"]
    assert "went bust in 2023" in lohnly.positioning
    assert {n.source_id for n in findings.sources if n.relevant} == {"C1", "C2"}
    # and news about nothing the sources name is left alone
    assert "Stampit" not in [c.name for c in findings.competitors]


# --- names of table rows ---------------------------------------------------------------------------------


def test_an_option_a_table_describes_is_named_in_full_not_by_its_first_plain_word() -> None:
    # given a guide comparing ways to move a sofa between cities, one row a brand, two rows generic options
    guide = source(
        "| Option | Cost | Time |\n|---|---|---|\n"
        "| Rail freight to Paris | EUR 40 per item | 3 days |\n"
        "| Courier van, door to door | about EUR 90 per item | next day |\n"
        "| ShipNest shared van service | EUR 70 per item | 5 days |\n",
        "C1",
    )
    # when the competitors are analysed
    found = sorted(c.name for c in analyse(guide).competitors)
    # then each option is named as the row describes it (up to a comma), and the brand by its proper name
    assert found == ["Courier van", "Rail freight to Paris", "ShipNest"]


def test_a_rival_that_closed_does_not_make_the_market_more_crowded() -> None:
    # given a payroll review naming two priced rivals and two that folded
    review = source(
        "**PayPlain** runs payroll for cafés at EUR 6 per employee per month.\n\n"
        "**Lohnwerk** runs payroll for bakeries at EUR 5 per employee per month.\n\n"
        "Zahltag, a payroll app for butchers, folded in 2021 when its founders left.\n\n"
        "Brotlohn, a start-up for bakery wages, went bust in 2022 after a tax audit.\n",
        "C1",
    )
    # when the competitors are analysed
    findings = analyse(review)
    # then all four are reported, but saturation counts only the two still trading
    assert sorted(c.name for c in findings.competitors) == ["Brotlohn", "Lohnwerk", "PayPlain", "Zahltag"]
    assert findings.saturation_rationale == "2 competitors identified in the retrieved sources."


def test_a_closure_is_read_after_an_opening_phrase_and_before_a_role_noun() -> None:
    # given a laundry-pickup review writing closures in several shapes, and a company closing a deal
    review = source(
        "In 2023 Sudsy shut down after its vans proved too costly to run.\n\n"
        "The Rinsely app ceased trading in 2024 when its investors pulled out.\n\n"
        "Start-up FoldFast went bust in 2021, owing its drivers two months of pay.\n\n"
        "Washbay closed a GBP 3 million round in 2025 to open two more depots.\n",
        "C1",
    )
    # when the competitors are analysed
    found = sorted(c.name for c in analyse(review).competitors)
    # then the three that closed are named without the words around them, and the funded one is not
    assert found == ["FoldFast", "Rinsely", "Sudsy"]


def test_a_kind_of_provider_in_a_table_of_options_is_an_alternative_even_written_in_lower_case() -> None:
    # given a guide to fixing a broken phone screen: two brands and the corner repair kiosks the text
    # also names in lower case
    guide = source(
        "| Option | Screen repair | Warranty |\n|---|---|---|\n"
        "| **FixFone** | EUR 120 | 12 months |\n"
        "| **Kiosks** (independent, unbranded) | EUR 45\u201360 | none |\n"
        "| **ScreenDoc mail-in** | EUR 95 | 6 months |\n\n"
        "Kiosks are the cheapest, but two of the five kiosks we tried used a copy screen.\n",
        "C1",
    )
    # when the competitors are analysed
    found = sorted(c.name for c in analyse(guide).competitors)
    # then the kind of provider is an alternative beside the brands, with its price
    assert found == ["FixFone", "Kiosks", "ScreenDoc"]
