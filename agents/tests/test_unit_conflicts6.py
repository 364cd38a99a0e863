"""Conflicts between sources: a count a sentence attributes to "the company" counts the firm an earlier
sentence of its source names, and official statistics are reference figures a relevant source's
measure may be set against (issue 11).

Invented sentences only, in domains no eval corpus covers (piano tuning, rooftop beekeeping, kayak
rental, school uniforms)."""

from datetime import UTC, datetime

from agents.analysts.conflicts import count_conflicts
from agents.analysts.sentences import Sentence, split_sentences
from agents.evidence import find_conflicts
from agents.nodes.report_writer import place_conflicts
from agents.state import CompetitorFindings, CustomerFindings, Figure, MarketFindings, ReportSource, Source
from agents.tests.helpers import conflict_values

# --- a short running total a firm claims ("Chosen by 8,500 schools.") is a sentence ------------------


def _page(content: str) -> Source:
    return Source(
        id="S1",
        url="https://uniformly.example/",
        title="Uniformly - school uniforms, sorted",
        content=content,
        agent="competitor",
        retrieved_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_a_short_running_total_a_firm_claims_is_kept() -> None:
    # given a vendor's hero line too short to count as a sentence by its length
    content = "Uniforms for every pupil, ordered in minutes. Chosen by 8,500 schools nationwide.\n\nShop now."
    # when the page is split into sentences
    texts = [sentence.text for sentence in split_sentences(_page(content))]
    # then the claimed count is kept, a short call to action is not
    assert "Chosen by 8,500 schools nationwide." in texts
    assert "Shop now." not in texts


def test_a_running_total_grouped_in_lakhs_or_by_spaces_is_kept() -> None:
    content = "Relied on by 2,50,000 parents.\nUsed by 120 000 pupils daily.\n\nLog in."
    texts = [sentence.text for sentence in split_sentences(_page(content))]
    assert texts == ["Relied on by 2,50,000 parents.", "Used by 120 000 pupils daily."]


# --- a count attributed to "the company" counts the firm named just before ---------------------------


def _tuning_news(*between: str) -> list[Sentence]:
    texts = [
        "Tunewell, the Galway piano-tuning start-up, raised EUR 3 million from two angel investors.",
        *between,
        "Analysts who follow the company estimate that about 2,400 households pay for its yearly plan.",
    ]
    return [Sentence(text, "S2", position) for position, text in enumerate(texts)]


def test_a_count_the_news_attributes_to_the_company_counts_the_firm_it_named() -> None:
    # given the firm's own page and a news story naming the firm, then counting "the company's" users
    sentences = [
        Sentence("Trusted by 15,000 households across Ireland and the north of England.", "S1", 0),
        *_tuning_news(),
    ]
    # when counts are compared, the firm's own page being S1
    found = count_conflicts(
        sentences, {"S1": "tunewell"}, frozenset({"S1", "S2"}), frozenset(), frozenset({"S1"})
    )
    # then the two counts of the firm's households disagree
    assert len(found) == 1 and conflict_values(found[0]) == {"15,000 households", "2,400 households"}
    assert "Tunewell" in found[0].quantity


def test_the_company_far_from_any_named_firm_names_none() -> None:
    # given the firm named many sentences before "the company" (another story's firm may come between)
    filler = [
        f"Paragraph {n} of the story describes how pianos drift out of tune in damp houses." for n in range(4)
    ]
    sentences = [
        Sentence("Trusted by 15,000 households across Ireland and the north of England.", "S1", 0),
        *_tuning_news(*filler),
    ]
    found = count_conflicts(
        sentences, {"S1": "tunewell"}, frozenset({"S1", "S2"}), frozenset(), frozenset({"S1"})
    )
    # then the count is not attributed to it
    assert found == []


# --- official statistics are reference figures -----------------------------------------------------


def _source(number: int, url: str, content: str) -> Source:
    return Source(
        id=f"S{number}",
        url=url,
        title=f"Page {number}",
        content=content,
        agent="customer",
        retrieved_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


SURVEY = "In our spring survey, 41% of adults aged 18 to 34 in the city rent a kayak at least once a summer."
OFFICIAL = (
    "Leisure activities: 17% of adults aged 18 to 34 in urban areas rent a kayak at least once a summer."
)


def _placed(*pages: tuple[str, str, str, bool]) -> list[set[str]]:
    sources = [_source(n + 1, url, content) for n, (url, content, _, _) in enumerate(pages)]
    report_sources = [
        ReportSource(id=s.id, url=s.url, title=s.title, source_type=kind, relevant=relevant)
        for s, (_, _, kind, relevant) in zip(sources, pages, strict=True)
    ]
    findings = (MarketFindings(), CompetitorFindings(), CustomerFindings())
    found = place_conflicts(findings, sources, report_sources, "Kayak racks shared by apartment blocks.")
    return [conflict_values(conflict) for conflict in found]


def test_an_official_statistic_not_about_the_product_is_set_against_a_relevant_share() -> None:
    # given a relevant survey and a statistics office's page that is about the population, not the product
    found = _placed(
        ("https://paddle-survey.example/2025", SURVEY, "survey", True),
        ("https://stats.example/leisure-2025", OFFICIAL, "government", False),
    )
    # then the two shares of one measure disagree in the report
    assert found == [{"41%", "17%"}]


def test_other_pages_not_about_the_product_still_contribute_nothing() -> None:
    # given the same share on a news page judged not relevant
    found = _placed(
        ("https://paddle-survey.example/2025", SURVEY, "survey", True),
        ("https://city-daily.example/kayaks", OFFICIAL, "news", False),
    )
    assert found == []


def test_two_official_statistics_are_never_set_against_each_other_alone() -> None:
    # given two statistics pages, neither about the product: no relevant source states the measure
    found = _placed(
        (
            "https://stats.example/leisure-2024",
            SURVEY.replace("In our spring survey, ", ""),
            "government",
            False,
        ),
        ("https://stats.example/leisure-2025", OFFICIAL, "government", False),
    )
    assert found == []


def test_an_official_share_that_says_not_what_it_is_a_share_of_is_not_compared() -> None:
    # given a statistics table's share stated after its label, of no named group
    official = (
        "Adults aged 18 to 34 in urban areas were likelier to rent a kayak at least once a summer (17%)."
    )
    found = _placed(
        ("https://paddle-survey.example/2025", SURVEY, "survey", True),
        ("https://stats.example/leisure-2025", official, "government", False),
    )
    # then it is no reference for the survey's share of adults
    assert found == []


# --- what a group of firms earned is its sector's market, not one firm's revenue ---------------------


def _figure(text: str, value: str, kind: str, source: str) -> Figure:
    return Figure(
        text=text,
        quote=text,
        value=value,
        kind=kind,
        source_ids=[source],
        year="2024",
        geography="Switzerland",
    )


ANALYST = "Ski lessons in Switzerland were a CHF 340 million market in 2024, private and group lessons alike."


def test_what_a_group_of_firms_earned_is_set_against_the_market_size() -> None:
    # given an analyst's market size and an association's count of what its member schools earned
    guild = "Turnover: member ski schools and guides earned CHF 210 million from lessons in 2024."
    found = find_conflicts(
        [
            _figure(ANALYST, "CHF 340 million", "market_size", "S1"),
            _figure(guild, "CHF 210 million", "company_revenue", "S2"),
        ],
        relevant=set(),
    )
    # then the two disagree as sizes of one market
    assert [conflict_values(conflict) for conflict in found] == [{"CHF 340 million", "CHF 210 million"}]


def test_one_firms_revenue_is_still_no_market_size() -> None:
    # given one named school's revenue, stated with and without its name first
    for text in (
        "Alpenkurs, the largest school in Valais, earned CHF 21 million from lessons in 2024.",
        "Last winter Alpenkurs reported revenue of CHF 21 million from lessons in 2024.",
        "The company's instructors earned CHF 21 million from lessons in 2024.",
    ):
        found = find_conflicts(
            [
                _figure(ANALYST, "CHF 340 million", "market_size", "S1"),
                _figure(text, "CHF 21 million", "company_revenue", "S2"),
            ],
            relevant=set(),
        )
        assert found == [], text


# --- an official page setting another body's count against its own ------------------------------------


APIARY = [
    "An estimated 310,000 hives were kept by registered beekeepers in Austria in 2024 (Apiary Register).",
    "Honey production fell to 4,200 tonnes after a wet spring in the western provinces.",
    "Average colony losses over winter were 14% for the third year in a row.",
    "Most beekeepers keep fewer than twenty hives and sell their honey at the farm gate.",
    "The Beekeepers' Federation's annual estimate (450,000 hives in 2024) is higher than ours.",
]


def _apiary_page(source: str = "S1") -> list[Sentence]:
    return [Sentence(text, source, position) for position, text in enumerate(APIARY)]


def test_a_page_setting_another_bodys_estimate_against_its_own_disputes_it() -> None:
    # given an official page that gives its own count and, further on, a federation's higher one
    found = count_conflicts(_apiary_page(), {}, frozenset({"S1"}), frozenset(), frozenset())
    # then the page's own comparison is a disagreement: the federation's claim first, its own count second
    assert [conflict_values(conflict) for conflict in found] == [{"450,000 hives", "310,000 hives"}]
    assert found[0].sides[0].value == "450,000 hives"


def test_an_official_page_not_about_the_product_states_its_disagreement_in_the_report() -> None:
    # given the official page among the retrieved sources, judged not relevant, beside a relevant one
    pages = [
        (
            "https://honey-survey.example/2025",
            "Our survey of 800 hobby beekeepers asked how they sell honey.",
            "survey",
            True,
        ),
        ("https://stats.example/apiculture-2024", "\n".join(APIARY), "government", False),
    ]
    sources = [_source(n + 1, url, content) for n, (url, content, _, _) in enumerate(pages)]
    report_sources = [
        ReportSource(id=s.id, url=s.url, title=s.title, source_type=kind, relevant=relevant)
        for s, (_, _, kind, relevant) in zip(sources, pages, strict=True)
    ]
    findings = (MarketFindings(), CompetitorFindings(), CustomerFindings())
    found = place_conflicts(findings, sources, report_sources, "A honey-selling app for hobby beekeepers.")
    assert {"450,000 hives", "310,000 hives"} in [conflict_values(conflict) for conflict in found]


def test_a_claim_the_page_calls_higher_than_its_own_differs_however_close() -> None:
    # given the federation's estimate a tenth above the page's own (closer than two sources must differ)
    close = [*APIARY[:4], APIARY[4].replace("450,000", "340,000")]
    sentences = [Sentence(text, "S1", position) for position, text in enumerate(close)]
    found = count_conflicts(sentences, {}, frozenset({"S1"}), frozenset(), frozenset())
    # then the page's own word that they differ is enough
    assert [conflict_values(conflict) for conflict in found] == [{"340,000 hives", "310,000 hives"}]


def test_an_estimate_of_our_own_is_no_claim_of_another() -> None:
    # given the page's own estimate said in the first person, with no other body's count
    own = [
        *APIARY[:4],
        "Our own estimate (450,000 hives in 2024) includes hives kept by unregistered keepers.",
    ]
    sentences = [Sentence(text, "S1", position) for position, text in enumerate(own)]
    assert count_conflicts(sentences, {}, frozenset({"S1"}), frozenset(), frozenset()) == []


# --- a crore counted in lakhs or thousands is one scale --------------------------------------------------


def test_a_lakh_crore_is_a_trillion_and_a_thousand_crore_ten_billion() -> None:
    from agents.analysts.amounts import MONEY, amount

    for text, value in (
        ("a ₹2 lakh crore opportunity", 2e12),
        ("worth Rs. 40 thousand crore in 2024", 4e11),
        ("₹1.5 lakh crores of spending", 1.5e12),
        ("worth ₹3,200 crore in 2024", 3.2e10),
    ):
        match = MONEY.search(text)
        assert match and amount(match.group(0)) == value, text


def test_a_claim_higher_than_ours_is_set_against_our_count_of_its_year() -> None:
    # given the page's own counts of two years and the federation's estimate for one of them
    older = "Registered beekeepers kept an estimated 280,000 hives in 2015, before the register was reformed."
    sentences = [Sentence(text, "S1", position) for position, text in enumerate([older, *APIARY])]
    found = count_conflicts(sentences, {}, frozenset({"S1"}), frozenset(), frozenset())
    # then only the count of the claim's year is its other side
    assert [conflict_values(conflict) for conflict in found] == [{"450,000 hives", "310,000 hives"}]
