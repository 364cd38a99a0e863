"""Figure typing rules found on the held-out corpora of 2026-11-30 (evening), tested on invented text."""

from __future__ import annotations

from agents.analysts.figures import figures, numbers_in
from agents.analysts.sentences import Sentence
from agents.state import Source


def _kinds(text: str) -> dict[str, str]:
    return {found.value: found.kind for found in numbers_in(text)}


def test_retail_sales_of_a_category_are_its_markets_size_not_a_companys_revenue() -> None:
    assert _kinds("Retail sales of garden tools in Chile reached CLP 410 billion in 2024.") == {
        "CLP 410 billion": "market_size"
    }
    # a named seller's sales stay its revenue
    assert _kinds("Verdemax's sales of garden tools reached CLP 41 billion in 2024.") == {
        "CLP 41 billion": "company_revenue"
    }


def test_a_segment_set_apart_in_emphasis_is_still_set_apart() -> None:
    from agents.analysts.sourcing import IdeaTerms
    from agents.evidence import excluded_market

    text = (
        "Professional landscaping equipment bought by parks departments and contractors is *not* "
        "included; we size it separately at about CLP 95 billion."
    )
    sentence = Sentence(text=text, source_id="S1", position=0, heading="Market size")
    [figure] = figures(sentence, 2025, 2026)
    assert excluded_market(figure, IdeaTerms(frozenset({"garden", "tool"}), frozenset()))


def test_a_noun_the_idea_also_writes_bare_is_its_own_market_whatever_the_qualifier() -> None:
    from agents.analysts.sourcing import IdeaTerms
    from agents.evidence import adjacent_market, unqualified

    idea = (
        "Orchard owners in Chile lose fruit to late frost. A wireless sensor reads the frost risk of "
        "each block and sends the alert to the owner's phone."
    )
    words = [
        "orchard",
        "owner",
        "chile",
        "lose",
        "fruit",
        "late",
        "frost",
        "wireless",
        "sensor",
        "read",
        "risk",
    ]
    product = IdeaTerms(frozenset({"wireless", "sensor", "frost", "risk"}), frozenset({"orchard", "owner"}))
    sentence = Sentence(
        text="Vineyard frost sensors were a $12 million market in 2025.",
        source_id="S1",
        position=0,
    )
    [figure] = [f for f in figures(sentence, 2025, 2026) if f.kind == "market_size"]
    # "late frost" would make "vineyard frost" a sibling; but the idea also writes "the frost risk"
    assert adjacent_market(figure, product, words)
    assert "frost" in unqualified(idea)
    assert not adjacent_market(figure, product, words, bare=unqualified(idea))


def _page(title: str, content: str) -> Source:
    from datetime import UTC, datetime

    return Source(
        id="S1", url="https://a.example/p", title=title, content=content, agent="market",
        retrieved_at=datetime.now(UTC),
    )  # fmt: skip


def test_sources_about_the_customer_but_not_the_product_are_about_another_product() -> None:
    from agents.analysts.coverage import another_product

    # given pages about allotment gardeners and their tool sheds, which mention a rental once
    sources = [
        _page(
            "Allotment gardeners survey 2025",
            "Allotment gardeners want bigger sheds. One rental plot costs more.",
        ),
        _page("Sheds for allotments", "Gardeners store tools in sheds. Allotment gardeners share tools."),
    ]
    # then weekly rental of electric rotavators is another product for the same customer
    idea = "Weekly rental of electric rotavators for allotment gardeners, delivered to the plot."
    assert another_product(idea, sources) == ["electric", "rental", "rotavators"]
    # while the product the pages are about is not
    assert (
        another_product("Lockable tool sheds for allotment gardeners, sold as flat-pack kits.", sources) == []
    )
    # and a product named in fewer than three words is never judged (a paraphrase is too likely)
    assert another_product("Rotavator rental for allotment gardeners.", sources) == []


def _said(text: str, source_id: str) -> Sentence:
    return Sentence(text=text, source_id=source_id, position=0)


def test_a_margin_and_a_second_change_are_no_share_of_people() -> None:
    from agents.analysts.conflicts.measures import measure_conflicts

    people = _said("52% of bakers would stock oat flour in a paper sack if it cost 10% less per sack.", "S1")
    margin = _said("On a paper sack of oat flour I make about 11%, and the mill wants cash up front.", "S2")
    further = _said(
        "Prices bakers pay for oat flour in paper sacks rose 8.2% in 2023 and a further 6.1% in 2024.", "S3"
    )
    # neither is the share of bakers who would stock oat flour
    assert measure_conflicts([people, margin]) == []
    assert measure_conflicts([people, further]) == []
    # while two sources giving that share differently still disagree
    other = _said("Only 31% of bakers would stock oat flour in a paper sack, the guild found.", "S5")
    [found] = measure_conflicts([people, other])
    assert {side.value for side in found.sides} == {"52%", "31%"}


def test_how_a_surveys_answers_were_collected_is_about_the_study_not_a_finding() -> None:
    from agents.analysts.vetting import describes_study, is_statement

    mode = _said(
        "900 bakers who buy oat flour, interviewed in May through a mixed online panel (61%) and telephone "
        "interviews (39%).",
        "S4",
    )
    assert describes_study(mode) and not is_statement(mode)
    # a finding that mentions a panel is still a finding
    finding = _said("According to our household panel, 12% of bakers bought oat flour in sacks.", "S1")
    assert not describes_study(finding) and is_statement(finding)


def test_spanish_portuguese_and_french_scale_words_are_read() -> None:
    from agents.analysts.amounts import amount

    assert amount("ventas de COP 48 millones") == 48e6
    assert amount("un mercado de $3 mil millones de pesos") == 3e9
    assert amount("R$ 3,4 bilhões em 2024") == 3.4e9
    assert amount("un marché de 21 millions d'euros") == 21e6
    # English "million" is unchanged, and a count of people is no amount
    assert amount("$2.8 million") == 2.8e6
    assert amount("12 millions of people") == 0.0


def test_the_language_of_a_page_is_named() -> None:
    from agents.analysts.language import language_name, language_of

    assert (
        language_of(
            "Precios de alquiler", "Los precios del alquiler de bicicletas suben cada año en la ciudad."
        )
        == "es"
    )
    assert (
        language_of("Bike rental prices", "Bike rental prices rise every year in the city, operators say.")
        == "en"
    )
    assert language_of("", "Too short") == ""
    assert language_name("es") == "Spanish"


def test_a_table_cells_figure_is_dated_and_typed_by_its_column_and_quotes_its_own_cell() -> None:
    from agents.analysts.sentences import split_sentences

    page = _page(
        "Garden tools in Chile",
        "## Market size\n\n| | 2025 | 2030 (forecast) |\n|---|---|---|\n"
        "| All garden tools sold to households | CLP 410 billion | CLP 560 billion |\n",
    )
    rows = split_sentences(page)
    # the header is no row of its own; the row knows its columns
    assert [row.text for row in rows] == [
        "All garden tools sold to households | CLP 410 billion | CLP 560 billion"
    ]
    found = {figure.value: figure for figure in figures(rows[0], 2026, 2026)}
    assert (found["CLP 410 billion"].year, found["CLP 410 billion"].timeframe) == ("2025", "current")
    assert (found["CLP 560 billion"].year, found["CLP 560 billion"].timeframe) == ("2030", "forecast")
    # the current figure quotes its row up to its own cell, verbatim, without the forecast beside it
    assert found["CLP 410 billion"].quote == "All garden tools sold to households | CLP 410 billion"


def test_we_let_a_group_from_several_places_do_something_is_read_past_the_commas() -> None:
    from agents.analysts.idea import defining_split

    idea = (
        "Families abroad lose weeks finding a reliable nanny for summer visits.\n\n"
        "We let parents from Canada, Brazil and Japan book vetted nannies in Lisbon (day, evening, "
        "weekend) with the fee held until each visit is done."
    )
    _, product, customer = defining_split(idea)
    assert product.startswith("book vetted nannies in Lisbon (day and evening and weekend) with the fee held")
    assert "parents" in customer


def test_the_rand_sign_and_scales_after_a_hyphen_are_read_and_letters_before_digits_stay_names() -> None:
    from agents.analysts.amounts import amount, currency_of

    assert amount("spent R1.2 billion on bicycles") == 1.2e9 and currency_of("R1.2 billion") == "R"
    assert amount("raised R38-million from investors") == 38e6
    assert amount("a $5-million grant") == 5e6
    assert amount("R290 per bicycle service") == 290
    # a capital R before a digit inside a name or a code is no rand
    assert amount("The Model R2 costs $40 per month") == 40
    assert currency_of("R&D spend of $3 million") == "$"


def test_a_firms_own_outlay_is_a_cost_and_a_group_of_firms_earnings_a_market() -> None:
    assert _kinds("The company will spend about CLP 900 million of the round on new warehouses.") == {
        "CLP 900 million": "cost"
    }
    assert _kinds(
        "Member stores and the online services we track earned CLP 64 billion from garden tools."
    ) == {"CLP 64 billion": "market_size"}
    # a group of buyers spending is still the market
    assert _kinds("Households will spend CLP 410 billion on garden tools in 2026.") == {
        "CLP 410 billion": "market_size"
    }


def test_two_shares_of_one_group_ten_points_apart_disagree() -> None:
    from agents.analysts.conflicts.measures import measure_conflicts

    tracked = _said("According to our tracking, 72% of bakeries hired a delivery courier in 2025.", "S1")
    surveyed = _said("58% of the bakeries hired a delivery courier.", "S2")
    near = _said("66% of the bakeries hired a delivery courier.", "S3")
    # 72% vs 58%: fourteen points apart, though less than a quarter apart
    [found] = measure_conflicts([tracked, surveyed])
    assert {side.value for side in found.sides} == {"72%", "58%"}
    # 72% vs 66%: close enough to be one measure stated twice
    assert measure_conflicts([tracked, near]) == []


def test_a_claimed_count_against_documents_the_writer_saw_in_emphasis_is_a_disagreement() -> None:
    from agents.analysts.conflicts.counts import count_conflicts

    claim = _said("The company says it has signed 2,400 bakeries across the region.", "S3")
    seen = Sentence(
        text="Delivery logs seen by this newspaper tell a more modest story: in May about **900 bakeries** "
        "received a weekly drop.",
        source_id="S3",
        position=1,
    )
    [found] = count_conflicts([claim, seen], {}, frozenset({"S3"}))
    assert {side.value for side in found.sides} == {"2,400 bakeries", "900 bakeries"}
