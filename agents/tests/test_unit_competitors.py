"""Competitor findings on invented pages of domains no corpus covers: which names are competitors, at which
price and positioning, what they lack, and HTML pages read with their headings, lists and tables."""

from __future__ import annotations

from pathlib import Path

from agents.analysts.competitors import prices_in
from agents.providers.documents import load_document
from agents.state import Source, SourceType
from agents.tests.helpers import analyse_rivals as analyse
from agents.tests.helpers import competitor_source as source


def names(*sources: Source, types: dict[str, SourceType] | None = None) -> list[str]:
    return sorted(c.name for c in analyse(*sources, types=types).competitors)


# --- names ------------------------------------------------------------------------------------------


def test_a_points_title_a_place_a_persona_and_a_group_of_respondents_are_not_competitors() -> None:
    # given a mooring-market report titling its points in bold, a country priced in its own item, a persona
    # in interview notes and a survey's group of respondents, beside one real product
    report = source(
        "**Waiting lists.** Marinas report waiting lists of two years; waiting lists cost owners $900 a year "
        "in storage.\n\n"
        "**Portugal.** Portugal's port authority plans 400 new berths at $30 per night by 2028.\n\n"
        "**MoorMate** rents visitor moorings by the night for $35 and positions itself as the cruiser's "
        "app.\n",
        "C1",
    )
    notes = source(
        "**Tomás, boat owner, Faro.** Pays $40 a night in summer and books by phone.\n\n"
        "**Younger respondents** were more likely to pay $10 a month for a booking app.\n",
        "C2",
    )
    # when the competitors are analysed
    found = names(report, notes, types={"C2": "interviews"})
    # then only the product is one
    assert found == ["MoorMate"]


def test_a_companys_plans_price_the_company_and_are_never_companies_themselves() -> None:
    # given a grooming company's own pricing page with plans in a table and in a bold list
    page = source(
        "# Plans\n\n| Plan | Price | Included |\n|---|---|---|\n"
        "| Team | $12 per groomer per month | Booking and reminders |\n"
        "| Enterprise | $20 per groomer per month | Everything in Team, plus payroll |\n\n"
        "- **Solo**: $6 per month for one groomer, reminders by SMS.\n",
        "C1",
        url="https://clipbook.example/pricing",
        title="ClipBook — Pricing",
    )
    # and a review naming a tier word on its own as a table row
    review = source(
        "| Tool | Price |\n|---|---|\n| Open Source | Free |\n| Pawtrack | $9 per groomer per month |\n",
        "C2",
    )
    # when the competitors are analysed
    findings = analyse(page, review)
    priced = {c.name: c.pricing for c in findings.competitors}
    # then the company is priced by its plans (units kept), and no plan is a company
    assert set(priced) == {"ClipBook", "Pawtrack"}
    assert priced["ClipBook"].startswith(
        "Team: $12 per groomer per month; Enterprise: $20 per groomer per month"
    )
    quotes = [claim.quote for c in findings.competitors if c.name == "ClipBook" for claim in c.evidence]
    assert "| Team | $12 per groomer per month | Booking and reminders |" in quotes


def test_a_company_named_in_two_words_owns_its_page_at_an_address_running_them_together() -> None:
    # given a crane-hire firm's own page at harbour-lift.example, its name written in two words, listing
    # plans named after the firm
    page = source(
        "## Harbour Lift Day\n\nEUR 900 per crane per day, operator included.\n\n"
        "## Harbour Lift Season\n\nEUR 14,000 per crane per season.\n",
        "C1",
        url="https://harbour-lift.example/hire/prices",
        title="Harbour Lift — Mobile cranes for ports, prices",
    )
    # when the competitors are analysed
    findings = analyse(page)
    # then the firm is the competitor, priced by its plans, and no plan is a company of its own
    assert [c.name for c in findings.competitors] == ["Harbour Lift"]
    assert findings.competitors[0].pricing == (
        "Harbour Lift Day: EUR 900 per crane per day; Harbour Lift Season: EUR 14,000 per crane per season"
    )


def test_a_word_the_sources_also_write_in_lower_case_is_no_name() -> None:
    # given a market note whose bold lead is a common word priced in its item
    note = source(
        "**Competition.** Prices start at $15 a month, and competition is fierce in the coastal towns.\n\n"
        "Sailbox costs $15 a month for up to two boats.\n",
    )
    # when analysed; then only the product is a competitor
    assert names(note) == ["Sailbox"]


def test_a_name_followed_by_its_description_is_the_proper_name_alone() -> None:
    # given a listing naming products with a description after their names, in bold and in a table (a
    # plain word is a name when the sources also use it as one inside a sentence)
    listing = source(
        "**Tidemark app.** EUR 7 a month, tide alerts and berth booking, no human support.\n\n"
        "**Anchor app.** EUR 5 a month, weather alerts.\n\n"
        "Skippers who left Tidemark say its alerts came late.\n\n"
        "| Service | Price |\n|---|---|\n| Harbourline berth bookings | EUR 2 per booking |\n",
    )
    # when analysed
    findings = analyse(listing)
    # then each competitor is the proper name, priced by its own item or row
    assert {c.name: c.pricing for c in findings.competitors} == {
        "Tidemark": "EUR 7 a month",
        "Harbourline": "EUR 2 per booking",
    }


def test_a_generic_option_in_a_priced_list_is_a_competitor_but_a_titled_paragraph_is_not() -> None:
    # given a guide listing ways to fund a boat repair, one a generic option priced as a rate, and a
    # paragraph titled with a plain phrase and a price
    guide = source(
        "Ways to pay for a refit:\n\n"
        "1. **Marina credit.** Harbour Finance lends against the berth at 1.5% per month.\n"
        "2. **Card instalments.** Most card issuers split a refit into 12 payments at 19% a year.\n\n"
        "**Repair costs rising.** A typical refit now costs $4,000, up from $3,100.\n",
    )
    # when analysed
    found = names(guide)
    # then the listed options are competitors and the titled paragraph is not
    assert found == ["Card instalments", "Marina credit"]


# --- prices and positioning -----------------------------------------------------------------------


def test_a_comparison_tables_price_cell_keeps_its_units_and_its_best_for_column_positions() -> None:
    # given a comparison table of receipt scanners with a price column and a best-for column
    table = source(
        "| Product | Best for | Price |\n|---|---|---|\n"
        "| Scanwise | Bookkeepers with many clients | $0.25 per 100 scans |\n"
        "| Receiptly | Sole traders | $4 per user per month, billed yearly |\n",
    )
    # when analysed
    findings = analyse(table)
    rows = {c.name: (c.pricing, c.positioning) for c in findings.competitors}
    # then the whole price cell is the pricing and the best-for cell the positioning
    assert rows == {
        "Scanwise": ("$0.25 per 100 scans", "Bookkeepers with many clients"),
        "Receiptly": ("$4 per user per month, billed yearly", "Sole traders"),
    }


def test_a_subject_priced_in_the_next_sentence_and_one_that_rents_are_competitors() -> None:
    # given a guide where one product is priced in the sentence after the one naming it, and another rents
    guide = source(
        "Quayside Care is a concierge for boat owners: hull cleaning, engine checks and winter storage. "
        "It costs EUR 120 a month, billed yearly.\n\n"
        "Bluewater Hire rents dinghies by the day for EUR 45, aimed at holiday visitors.\n",
    )
    # when analysed
    priced = {c.name: c.pricing for c in analyse(guide).competitors}
    # then both are competitors at their stated prices
    assert priced == {"Quayside Care": "EUR 120 a month", "Bluewater Hire": "EUR 45"}


def test_rates_are_prices_but_growth_rates_are_not() -> None:
    assert prices_in("Lendwell charges 2.5% per month on the amount drawn.") == ["2.5% per month"]
    assert prices_in("It buys the invoice for 94% of its face value.") == ["for 94% of its face value"]
    assert prices_in("Receive up to 85% of the invoice the same day.") == []
    assert prices_in('Fee "from 1.5%" per 30 days.') == ["1.5% per 30 days"]
    assert prices_in("Bookings grew 28% a year since 2021.") == []
    assert prices_in("Start your free trial today.") == []
    assert prices_in("The basic plan is free for one user.") == ["Free"]


def test_a_fee_named_by_who_pays_it_and_a_share_of_a_price_are_prices() -> None:
    # an auction's premium and a platform's fee named with who pays or what for
    assert prices_in("Every lot carries a 12% buyer premium.") == ["12% buyer premium"]
    assert prices_in("Sellers pay a 4% listing fee.") == ["4% listing fee"]
    # a dealer's price as a share of the new price, one figure or a range
    assert prices_in("Restored pianos sell at 55-70% of the new price.") == ["at 55-70% of the new price"]
    assert prices_in("It buys instruments for 30% of the list price.") == ["for 30% of the list price"]
    # a comparison, a share of a fee, or respondents' interest is no price
    assert prices_in("Its tuners ask 30% lower fees than the big chains.") != ["30% lower fees"]
    assert prices_in("Movers keep 5% of the fee.") == []
    assert prices_in("42% expressed interest in a rental plan.") == []


def test_comparison_rows_priced_by_a_premium_or_a_share_of_the_new_price_are_competitors() -> None:
    # given a buyer's guide to second-hand pianos comparing where to buy, its price column in a seller's words
    guide = source(
        "| Where | What it is | Price and fees | Good | Bad |\n"
        "|---|---|---|---|---|\n"
        "| Keyhall Restorations | Workshop that restores and resells | Sells at 55-70% of the new price "
        "| 5-year guarantee | Two cities only |\n"
        "| Hammerdown Auctions | Online auctions of estates | 12% buyer premium | Low prices "
        "| Sold as seen |\n"
        "| Pianoswap | Owner-to-owner listings | Free listings; $15 to feature an ad | Wide choice "
        "| No checks |\n"
    )
    # when analysed
    priced = {c.name: c.pricing for c in analyse(guide).competitors}
    # then every row is a competitor at its stated terms
    assert priced == {
        "Keyhall Restorations": "Sells at 55-70% of the new price",
        "Hammerdown Auctions": "12% buyer premium",
        "Pianoswap": "Free listings; $15 to feature an ad",
    }


# --- gaps -------------------------------------------------------------------------------------------


def test_a_bold_question_about_what_is_missing_titles_the_gaps_below_it() -> None:
    # given a buyer's guide in questions and answers, the last one about what no product does
    guide = source(
        "**Q: Which is cheapest?**\nSailbox costs $15 a month for up to two boats.\n\n"
        "**Q: What is still missing?**\n"
        "- Winter cover: no service checks a boat's bilge during winter storms.\n"
        "- A logbook for the insurer: owners still send photos by email to prove maintenance.\n",
    )
    # when analysed
    gaps = [claim.text for claim in analyse(guide).gaps]
    # then the items under the bold question are the gaps (and the question itself is not)
    assert gaps[:2] == [
        "Winter cover: no service checks a boat's bilge during winter storms.",
        "A logbook for the insurer: owners still send photos by email to prove maintenance.",
    ]


def test_a_comparison_written_in_the_first_person_still_states_gaps() -> None:
    # given a first-person review of three booking tools, read as a vendor's page, with a section on what
    # none of them does
    review = source(
        "We tried three booking tools at our marina.\n\n"
        "**Berthly** costs $30 a month. **Dockit** costs $45 a month. **Moorline** costs $60 a month.\n\n"
        "## What none of them does\n\n"
        "**Fuel.** None of them lets a visitor pay for fuel and the berth in one booking.\n",
        "C1",
    )
    # when analysed with the review typed as a vendor's page
    findings = analyse(review, types={"C1": "vendor"})
    # then its gap is kept: a page comparing three products is not one company's ad
    assert sorted(c.name for c in findings.competitors) == ["Berthly", "Dockit", "Moorline"]
    assert [claim.text for claim in findings.gaps] == [
        "**Fuel.** None of them lets a visitor pay for fuel and the berth in one booking."
    ]


def test_a_comparisons_verdict_turning_to_a_rivals_drawback_is_a_gap() -> None:
    # given a review comparing three crane-hire firms, each verdict turning from a merit to a drawback (one
    # in the item's second sentence), and a remark on the market that is about no rival
    review = source(
        "Port operators hire mobile cranes by the day, but demand peaks in spring.\n\n"
        "**Liftra** costs EUR 900 a day. It is the fastest to arrive, but it needs a certified rigger on "
        "site.\n\n"
        "**Hookway** costs EUR 700 a day and has the widest fleet. The catch is the booking: a week ahead "
        "at least.\n\n"
        "**Boomset** costs EUR 650 a day; it is cheap, though its cranes top out at 40 tonnes.\n",
        "C1",
    )
    # when analysed
    gaps = [claim.text for claim in analyse(review).gaps]
    # then each rival's drawback is a gap, in the review's order, and the market remark is not
    assert gaps == [
        "It is the fastest to arrive, but it needs a certified rigger on site.",
        "The catch is the booking: a week ahead at least.",
        "**Boomset** costs EUR 650 a day; it is cheap, though its cranes top out at 40 tonnes.",
    ]


def test_a_drawback_is_no_gap_outside_a_comparison_of_several_rivals() -> None:
    # given a news item on one crane-hire firm and a partner it works with
    news = source(
        "**Liftra** costs EUR 900 a day. It is the fastest to arrive, but it needs a certified rigger on "
        "site.\n\n"
        "**Hookway** costs EUR 700 a day, but it rents only to Liftra's customers.\n",
        "C1",
    )
    # when analysed
    findings = analyse(news)
    # then the two firms are competitors, but a source naming two is no comparison: no gap is read
    assert sorted(c.name for c in findings.competitors) == ["Hookway", "Liftra"]
    assert findings.gaps == []


def test_a_forum_on_its_own_site_is_not_a_company_page() -> None:
    # given a forum whose title names its own site, with prices in its posts
    forum = source(
        "sailor_jo: the marina wants $40 a night now, and the app adds $2 per booking.\n",
        "C1",
        url="https://boatbuddies.example/forum/t/123",
        title="BoatBuddies forum - marina prices",
    )
    # when analysed with the source typed as a forum; then the site is no competitor
    assert names(forum, types={"C1": "review_forum"}) == []


# --- HTML pages ---------------------------------------------------------------------------------------


def test_html_pages_keep_headings_list_items_bold_leads_and_tables(tmp_path: Path) -> None:
    # given a pricing page with navigation, a heading, a plan list, a table and a footer
    (tmp_path / "pricing.html").write_text(
        "<html><head><title>Sailbox pricing</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav>"
        "<main><h1>Plans for boat owners</h1><h2>Monthly</h2>"
        "<ul><li><strong>Mooring</strong>: $15 per boat per month</li>"
        "<li><b>Marina</b>: $40 per berth per month</li></ul>"
        "<table><tr><th>Add-on</th><th>Price</th></tr>"
        "<tr><td>Winter checks</td><td>$8 a visit</td></tr></table>"
        "<p>Prices include tax.<br>Cancel any time.</p></main>"
        "<footer>© 2026 Sailbox Ltd. All rights reserved.</footer></body></html>"
    )
    # when the page is loaded
    document = load_document(tmp_path / "pricing.html", tmp_path)
    # then it reads like the Markdown documents: headings, list items, bold leads and table rows kept,
    # navigation and footer left out
    assert document is not None
    assert document.text == (
        "# Plans for boat owners\n\n## Monthly\n\n"
        "- **Mooring**: $15 per boat per month\n- **Marina**: $40 per berth per month\n\n"
        "| Add-on | Price |\n|---|---|\n| Winter checks | $8 a visit |\n\n"
        "Prices include tax.\n\nCancel any time."
    )
    assert document.title == "Sailbox pricing"


def test_a_short_html_article_keeps_its_title_heading_and_section_headings(tmp_path: Path) -> None:
    # given a short article whose <h1> repeats its title and whose last section lists what rivals lack
    # (trafilatura's Markdown output drops all three headings of such a page)
    (tmp_path / "cranes.html").write_text(
        "<html><head><title>Three harbour cranes compared</title></head><body>"
        "<h1>Three harbour cranes compared</h1>"
        "<p>Harbour cranes lift about 9,000 containers a week across two quays.</p>"
        "<h2>How they did</h2><p><strong>Liftra</strong> was fastest but loud at night.</p>"
        "<h2>What none of them does</h2><p><strong>Twin lifts.</strong> None lifts two boxes at once.</p>"
        "</body></html>"
    )
    # when the page is loaded
    document = load_document(tmp_path / "cranes.html", tmp_path)
    # then every heading is kept, so the last point sits under its heading
    assert document is not None
    assert [line for line in document.text.splitlines() if line.startswith("#")] == [
        "# Three harbour cranes compared",
        "## How they did",
        "## What none of them does",
    ]


def test_markdown_and_text_documents_load_as_before(tmp_path: Path) -> None:
    # given a Markdown page with front matter and a text page with header lines
    markdown = "# Moorings\n\n- **Sailbox**: $15 a month\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    (tmp_path / "a.md").write_text(f"---\ntitle: Moorings\nurl: https://m.example/a\n---\n{markdown}")
    (tmp_path / "b.txt").write_text(
        "Title: Forum\nURL: https://f.example/b\nsailor: **bold** stays as written\n"
    )
    # when they are loaded
    first, second = load_document(tmp_path / "a.md", tmp_path), load_document(tmp_path / "b.txt", tmp_path)
    # then their text is the file's body as written
    assert first is not None and first.text == markdown.strip()
    assert second is not None and second.text == "sailor: **bold** stays as written"


def test_an_answer_opening_with_a_bare_product_name_prices_that_product() -> None:
    # given a buyer's guide answering questions with a product's bare name, then its description and price
    guide = source(
        "**Q: Which one does everything?**\n"
        "Keelwise. Hull checks, berth booking and insurance in one app. Owners pay $22 a month, or $200 a "
        "year.\n\n"
        "**Q: What about winter?**\n"
        "Storage. Most yards charge $9 per foot per month for storage over winter.\n"
    )
    # when analysed
    findings = analyse(guide)
    # then the named product is priced by its answer (a common word opening an answer is no product)
    assert [(c.name, c.pricing) for c in findings.competitors] == [("Keelwise", "$22 a month, $200 a year")]
    assert findings.competitors[0].positioning == "Hull checks, berth booking and insurance in one app."


def test_a_samples_description_and_an_income_threshold_are_no_competitor_or_price() -> None:
    # given a survey line describing its sample and a listing whose eligibility names an income
    survey = source("Respondents: 55% female; median age 41. Median yearly boat spend USD 3,200.\n", "C1")
    listing = source(
        "**Hullfund.** A refit loan for owners earning at least USD 2,000 a month: 1.2% per month.\n", "C2"
    )
    # when analysed
    findings = analyse(survey, listing, types={"C1": "survey"})
    # then the sample is no competitor and the income is no price
    assert [(c.name, c.pricing) for c in findings.competitors] == [("Hullfund", "1.2% per month")]


def test_under_a_gaps_heading_the_authors_own_story_is_not_a_gap() -> None:
    # given a review's section on what no tool does, ending with what the authors did themselves
    review = source(
        "Dockit costs $45 a month. Berthly costs $30 a month. Moorline costs $60 a month.\n\n"
        "## What none of them does\n\n"
        "**Fuel.** Visitors pay for fuel and the berth separately.\n\n"
        "Waiting lists: every tool leaves them to a spreadsheet.\n\n"
        "Nothing handles a berth swap between two members.\n\n"
        "We ended up keeping Dockit and writing our own swap script last winter.\n",
    )
    # when analysed
    gaps = [claim.text for claim in analyse(review).gaps]
    # then titled points and sentences saying something is lacking are gaps, the story is not
    assert gaps == [
        "**Fuel.** Visitors pay for fuel and the berth separately.",
        "Waiting lists: every tool leaves them to a spreadsheet.",
        "Nothing handles a berth swap between two members.",
    ]


def test_a_priced_mention_in_brackets_is_a_competitor() -> None:
    # given a sentence listing rivals with their prices in brackets
    text = source(
        "Rivals include Sailbox ($15 a month), Dockit (free for one boat) and the harbour office.\n\n"
        "Owners told us Sailbox and Dockit both feel slow.\n",
    )
    # when analysed
    priced = {c.name: c.pricing for c in analyse(text).competitors}
    # then each bracketed price prices the name before it, and the sentence's opening word is no name
    assert priced == {"Sailbox": "$15 a month", "Dockit": "Free"}


def test_a_comparison_table_may_name_its_products_in_a_later_column() -> None:
    table = source(
        "| Rank | Company | Price | Best for |\n|---|---|---|---|\n"
        "| 1 | Portwise | EUR 9 per berth per month | Small marinas |\n"
    )
    findings = analyse(table)
    assert [(c.name, c.pricing, c.positioning) for c in findings.competitors] == [
        ("Portwise", "EUR 9 per berth per month", "Small marinas")
    ]


def test_gaps_said_without_the_usual_keywords_are_found() -> None:
    # given a forum and a review saying what no product does in their own words
    review = source(
        "Dockit costs $45 a month for a marina.\n\n"
        "No booking tool we tested handles a visitor who arrives after the office closes.\n\n"
        "Dockit does not integrate with the fuel dock's till, owners say.\n\n"
        "The marina sits on a quiet bay with forty berths and a small chandlery.\n"
    )
    # when analysed
    gaps = [claim.text for claim in analyse(review).gaps]
    # then both statements are gaps and the description is not
    assert sorted(gaps) == [
        "Dockit does not integrate with the fuel dock's till, owners say.",
        "No booking tool we tested handles a visitor who arrives after the office closes.",
    ]


def test_product_cards_with_a_heading_and_a_short_price_line_are_priced(tmp_path: Path) -> None:
    # given a comparison page laid out as cards: a heading per product, a short price line, a description
    (tmp_path / "compare.html").write_text(
        "<html><body><h1>Mooring apps compared</h1>"
        "<div class='card'><h3>Sailbox</h3><p>$15/month</p><p>Built for owners of one or two boats.</p></div>"
        "<div class='card'><h3>Dockit — for marinas</h3><p>EUR 45 per marina per month</p></div>"
        "<div class='card'><h3>Verdict</h3><p>$15 buys the most.</p></div></body></html>"
    )
    document = load_document(tmp_path / "compare.html", tmp_path)
    assert document is not None
    # when the page is analysed
    findings = analyse(source(document.text))
    # then each card's product is priced by its short line (a "Verdict" card is no product)
    assert {c.name: c.pricing for c in findings.competitors} == {
        "Sailbox": "$15/month",
        "Dockit": "EUR 45 per marina per month",
    }


def test_numbered_labels_are_no_products_and_every_quote_holds_its_claims_numbers() -> None:
    from agents.citations import values_match

    # given a page with numbered segment headings and product cards whose names carry numbers
    page = source(
        "## Segment 1: weekend sailors\n\nThey spend $300 a year on moorings.\n\n"
        "## Harbour 360 — all-in-one\n\n$12 per boat per month\n\n"
        "Mooring 24. Berth booking at any hour. Owners pay $3 per booking.\n"
    )
    # when analysed
    findings = analyse(page)
    # then the numbered label is no competitor, and each claim's numbers occur in its own quote
    assert sorted(c.name for c in findings.competitors) == ["Harbour 360", "Mooring 24"]
    assert all(values_match(claim) for c in findings.competitors for claim in c.evidence)
