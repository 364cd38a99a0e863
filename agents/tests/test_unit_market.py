"""Market figures and conflicts on invented text (issue 11: rules that hold for pages nobody has seen)."""

from __future__ import annotations

import pytest

from agents.analysts.conflicts import count_conflicts, measure_conflicts, owner, stated_disagreements
from agents.analysts.figures import figures
from agents.analysts.idea import parse_idea
from agents.analysts.sentences import Sentence
from agents.evidence import find_conflicts, lexical_terms, set_aside_adjacent_markets
from agents.state import Figure, MarketFindings


def kinds(text: str) -> list[tuple[str, str]]:
    """(value, kind) of each figure of one sentence, written in 2025."""
    return [(f.value, f.kind) for f in figures(Sentence(text, "M1", 0), 2025, 2026)]


def stated(*texts: str) -> list[list[str]]:
    """The sides' values of each disagreement one source states in ``texts`` (consecutive sentences)."""
    found = stated_disagreements([Sentence(text, "S4", index) for index, text in enumerate(texts)])
    return [[side.value for side in conflict.sides] for conflict in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one named organisation spending is its own bill, not a market
        ("Last year Harbourline spent $2.6 million on kiln fuel.", [("$2.6 million", "customer_spend")]),
        ("We spent $3 million on kiln licences in 2024.", [("$3 million", "customer_spend")]),
        # one buyer paying one named firm, however large, is that buyer's spend
        (
            "The largest single customer, a pottery chain, pays Glazeco about EUR 1.4 million a year.",
            [("EUR 1.4 million", "customer_spend")],
        ),
        # a whole group, a country or a people spending is a market
        ("U.S. potters spent $1.3 billion on kiln fuel in 2024.", [("$1.3 billion", "market_size")]),
        ("Portugal spent EUR 90 million on studio kilns in 2024.", [("EUR 90 million", "market_size")]),
        ("Dutch bakeries paid EUR 30 million for kiln repairs in 2024.", [("EUR 30 million", "market_size")]),
    ],
)
def test_one_organisations_spend_is_customer_spend_and_a_groups_a_market(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(text) == expected


def test_a_source_stating_two_counts_of_one_thing_is_a_disagreement() -> None:
    # given a source that says estimates vary and gives two attributed counts
    sides = stated(
        "Estimates of the number of beekeepers vary widely.",
        "The census counted 42,000 beekeepers in 2023.",
        "The beekeepers' union says there are 95,000, but it counts hobbyists with a single hive.",
    )
    # then both counts are surfaced as one disagreement
    assert sides == [["42,000", "95,000"]]
    [conflict] = stated_disagreements(
        [
            Sentence(
                "The ministry counted 1.2 million hives, but the federation puts it at 2.9 million.", "S2", 0
            )
        ]
    )
    assert conflict.quantity == "hives" and "1.2 million vs 2.9 million" in conflict.statement


def test_an_advertised_rate_against_a_measured_range_is_a_disagreement() -> None:
    sides = stated(
        "Sensor makers advertise a fee 'from 3%', but our review of contracts found an effective cost of "
        "6% to 9% a year."
    )
    assert sides == [["3%", "6% to 9%"]]
    # a range that holds the other value is no disagreement
    assert stated("Makers advertise 'from 7%', but our review found an effective cost of 6% to 9%.") == []


def test_the_often_quoted_figure_against_a_sources_own_measure_is_a_disagreement() -> None:
    sides = stated(
        "The figure most often quoted is that one in three hives dies each winter.",
        "Our own survey of 300 apiaries found 14% winter losses.",
    )
    assert sides == [["one in three", "14%"]]


@pytest.mark.parametrize(
    "texts",
    [
        # a breakdown, not two views of one figure
        ("52% of apiaries use sensors; 21% use them on most hives, according to the survey.",),
        ("Estimates vary by region: the survey found 30% of northern apiaries and 12% of southern ones.",),
        # a change over time
        ("The census counted 42,000 beekeepers in 2019, but it counted 61,000 in 2024.",),
        ("Estimates vary.", "The census says hive numbers rose from 1.2 million to 2.9 million."),
        # two different sums: a market and one firm's revenue
        (
            "Beekeepers paid about $31 million for hive checks in 2024, according to the union.",
            "Hivecorp reported revenue of $4 million, but its founder claimed the market is larger.",
        ),
        # a plain contrast between two things nobody attributes
        ("Sensors cost $40 per hive, but cameras cost $90 per hive.",),
        # counts of two different things
        ("The ministry counted 1.2 million hives, but the federation says 2.9 million beekeepers.",),
    ],
)
def test_breakdowns_changes_and_different_things_are_not_stated_disagreements(texts: tuple[str, ...]) -> None:
    assert stated(*texts) == []


def _typed(text: str, source_id: str) -> list[Figure]:
    found = figures(Sentence(text, source_id, 0), 2025, 2026)
    for figure in found:
        figure.verified = True
    return found


def test_two_forecast_growth_rates_of_one_market_disagree_but_a_wider_markets_does_not() -> None:
    # given a narrow and a broad definition of one market, each forecast to grow, and a wider market
    narrow = _typed("Kilnwise expects the studio-kiln rental market to grow 31% a year to 2029.", "S1")
    broad = _typed(
        "We forecast a compound annual growth rate of 12.5% for the market between 2025 and 2030.", "S2"
    )
    wider = _typed("The wider pottery equipment market is expected to grow 6% a year.", "S3")
    downloads = _typed("Downloads of the kiln app grew 60% in 2024.", "S4")
    growth = [f for f in [*narrow, *broad, *wider, *downloads] if f.kind == "growth_rate"]
    # when conflicts are sought, then the two rates of the market disagree, and nothing else does
    conflicts = find_conflicts(growth, relevant=set())
    assert [{side.value for side in c.sides} for c in conflicts] == [
        {"31% a year", "compound annual growth rate of 12.5%"}
    ]


def test_a_rate_charged_a_year_is_not_growth() -> None:
    assert kinds("Harbour Bank offers kiln loans at 19% a year to studios.") == [("19% a year", "other")]
    assert kinds("Studio rentals should grow by about 20% a year.") == [("20% a year", "growth_rate")]


def test_two_sources_counting_one_thing_differently_is_a_conflict() -> None:
    # given a vendor's count of the market's buyers, an analyst's count, a sample and a count of another thing
    sentences = [
        Sentence(
            "More than 6,000 kitchen teams already pay for hood-cleaning robots; the best choose Scrubbo.",
            "V1",
            0,
        ),
        Sentence("We count about 2,300 kitchen teams that paid for a hood-cleaning robot in 2025.", "A1", 0),
        Sentence("We surveyed 1,500 kitchen teams about hood-cleaning robots in 2025.", "A2", 0),
        Sentence("Lisbon has 4,100 kitchen teams, according to the city's hood-cleaning register.", "A3", 1),
    ]
    # when conflicts are sought, then the vendor's and the analyst's counts are surfaced, labelled
    [conflict] = count_conflicts(sentences, {}, frozenset({"V1", "A1", "A2"}), vendor=frozenset({"V1"}))
    assert [side.value for side in conflict.sides] == ["6,000 kitchen teams", "2,300 kitchen teams"]
    assert "vendor's own claim" in conflict.statement


def test_a_vendor_page_and_a_statistics_row_count_the_ideas_customers() -> None:
    # given a vendor's own page (named by its host) and a plan database naming that vendor; neither relevant
    sentences = [
        Sentence("Trusted by 1,200 restaurants and 90,000 cooks.", "V2", 0),
        Sentence(
            "Our database of 9,400 restaurant plans shows about 310 restaurants using Scrubbo in 2025.",
            "A2",
            0,
        ),
        Sentence("Kitchen robots in use: 14,000 were counted in commercial kitchens in 2024.", "A4", 0),
        Sentence(
            "Inspectors counted 9,000 kitchen robots in commercial kitchens across the region in 2024.",
            "A5",
            0,
        ),
    ]
    owners = {"V2": owner("https://www.scrubbo.example/pricing")}
    # when the idea's customers are restaurants, then their counts are compared although no source is relevant
    found = count_conflicts(sentences, owners, frozenset(), frozenset({"restaurant"}), frozenset({"V2"}))
    assert [[side.value for side in c.sides] for c in found] == [["1,200 restaurants", "310 restaurants"]]
    assert found[0].quantity == "the number of restaurants (Scrubbo)"
    # and a statistics row ("Label: 14,000") counts its label's noun
    rows = count_conflicts(sentences, owners, frozenset({"A4", "A5"}))
    assert [[side.value for side in c.sides] for c in rows] == [["14,000", "9,000 kitchen robots"]]


def _sizes(*texts: str) -> MarketFindings:
    found = [f for index, text in enumerate(texts) for f in _typed(text, f"S{index + 1}")]
    return MarketFindings(market_size=[f for f in found if f.kind == "market_size"])


def test_a_market_defined_in_words_that_never_name_the_product_is_left_out() -> None:
    # given an idea about pottery-kiln rental by the hour for ceramic studios in Portugal
    idea = "Electric pottery kilns rented by the hour to small ceramic studios in Portugal."
    context = parse_idea(idea)
    market = _sizes(
        "The Portuguese market for renting electric kilns to studios was worth EUR 12 million in 2024.",
        "Portugal's market for dental furnace equipment is worth about EUR 90 million a year.",
        "The market was worth EUR 15 million in 2024, about half of it paid by art schools.",
        "The wider ceramics equipment market, including glazes and wheels, reached EUR 300 million in 2024.",
        "The commercial segment was worth EUR 20 million in 2024.",
    )
    titles = {
        "S1": "Kiln rental for studios in Portugal, 2025",
        "S2": "Dental furnaces: a market brief",
        "S3": "Studio kilns by the hour",
        "S4": "Ceramics equipment in Iberia",
        "S5": "Studio kiln rental",
    }
    # when sizes of other products' markets are set aside
    set_aside_adjacent_markets(market, lexical_terms(context), idea, titles)
    # then the dental furnace market is gone; the idea's, an undefined one, a wider one and a segment stay
    assert [f.value for f in market.market_size] == [
        "EUR 12 million",
        "EUR 15 million",
        "EUR 300 million",
        "EUR 20 million",
    ]


def test_a_market_named_after_its_place_is_defined_by_what_follows_market_for() -> None:
    [figure] = _typed(
        "Kenya's market for milk cooling equipment is worth about KES 4.2 billion a year.", "S1"
    )
    assert figure.scope == "milk cooling equipment"


def test_a_paraphrased_definition_on_a_page_about_something_else_is_kept() -> None:
    idea = "Electric pottery kilns rented by the hour to small ceramic studios in Portugal."
    market = _sizes("Hourly firing contracts in Portugal were worth EUR 9 million in 2024.")
    set_aside_adjacent_markets(
        market, lexical_terms(parse_idea(idea)), idea, {"S1": "Studio kilns by the hour"}
    )
    assert [f.value for f in market.market_size] == ["EUR 9 million"]


def test_a_terse_survey_line_and_a_report_sentence_measure_one_share() -> None:
    terse = Sentence("**Kiln use.** 31% currently use a kiln.", "S2", 0)
    full = Sentence("Only 12% of Portuguese ceramic studios used a kiln in 2024, mostly large ones.", "S1", 0)
    [conflict] = measure_conflicts([terse, full])
    assert sorted(side.value for side in conflict.sides) == ["12%", "31%"]
    # a terse line sharing one word is not enough
    assert measure_conflicts([Sentence("**Glaze.** 31% buy glaze online.", "S3", 0), full]) == []


def test_the_end_of_a_range_of_sizes_is_not_a_count_of_the_thing() -> None:
    sizes = Sentence(
        "Mid-sized studios (5 to 40 employees) are underserved by kiln makers in Lisbon.", "S1", 0
    )
    other = Sentence(
        "We spoke with two studio owners whose studios have 12,000 employees in Lisbon kilns.", "S2", 0
    )
    assert count_conflicts([sizes, other], {}, frozenset({"S1", "S2"})) == []
    left = Figure(text="", quote=sizes.text, value="40 employees", kind="population", source_ids=["S1"])
    right = Figure(text="", quote=other.text, value="12,000 employees", kind="population", source_ids=["S2"])
    for figure in (left, right):
        figure.verified = True
    assert find_conflicts([left, right], relevant=set()) == []


def test_trends_come_from_a_what_moves_section_or_a_run_in_label_not_from_a_size_outlook() -> None:
    from datetime import UTC, datetime

    from agents.analysts.extractive_market import analyse_market
    from agents.analysts.vetting import Evidence
    from agents.state import Source

    report = Source(
        id="S1",
        url="https://kiln-research.example/2025",
        title="Kiln rental in Portugal, 2025",
        agent="market",
        retrieved_at=datetime.now(UTC),
        content=(
            "## Size and outlook\n\n"
            "Studios in Lisbon accounted for 41% of kiln rental spending in 2025 and Porto for 22%.\n\n"
            "## What moves the market\n\n"
            "- **Firing by the hour.** Studios increasingly book kiln time by the hour, not buying kilns.\n"
            "- **Power prices.** Power tariffs for studios doubled: shared kilns cost less.\n\n"
            "## Notes\n\n"
            "What drives demand. Ceramics courses for adults filled every evening slot in Porto this autumn. "
            "Tourists buy more hand-made tableware than five years ago.\n"
        ),
    )
    found = analyse_market(Evidence(sources=[report], assessments=[], research_year=2026), {"kiln", "studio"})
    trends = " ".join(claim.text for claim in found.trends)
    assert "by the hour" in trends and "Power tariffs" in trends and "Ceramics courses" in trends
    assert "accounted for 41%" not in trends


def test_a_products_limit_is_not_a_measured_share() -> None:
    offer = Sentence("KilnNow lends up to 80% of a studio's kiln price, repaid over a year.", "S1", 0)
    measured = Sentence(
        "Studios repaid 12% of a studio's kiln price in the first year, the survey found.", "S2", 0
    )
    assert measure_conflicts([offer, measured]) == []


def test_growth_on_a_stated_earlier_period_is_a_growth_rate() -> None:
    assert kinds("We put the kiln rental market at EUR 40 million in 2024, up 11% on 2023.") == [
        ("EUR 40 million", "market_size"),
        ("up 11% on 2023", "growth_rate"),
    ]
    assert kinds("Kiln maker shares were up 3% on the day.") == []
