"""A research on a small synthetic corpus written for this test (not the sample corpus, not the eval's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.budget import SearchBudget
from agents.config import AgentConfig
from agents.providers.local import LocalCorpusSearchProvider
from agents.run import run_in_memory
from agents.state import Report
from catalogue.depths import resolve_depth

IDEA = "Mobile bike repair vans for daily bike commuters in Nairobi, booked by the rider's employer."
DOCUMENTS = {
    "market-report.md": (
        "Bike Repair Services in Kenya — Market Outlook 2025",
        "Fictional analyst report. Lakeview Analytics estimates the Kenyan bike repair services market at "
        "$64 million in 2024. The bike repair services market is expected to grow at a CAGR of 11% from 2025 "
        "to 2030. Demand for bike repair rises as more commuters in Nairobi ride to work. Analysts see an "
        "opportunity in workplace bike repair for commuters, which no provider serves today.",
    ),
    "market-news.md": (
        "Commuter cycling booms in Nairobi",
        "Fictional news. The number of daily bike commuters in Nairobi grew 18% in 2024, the city reported. "
        "Bike repair shops in Nairobi say queues are longer than ever. A trade group puts the bike repair "
        "market in Kenya at $150 million in 2024, counting spare parts sold by repair shops.",
    ),
    "survey.md": (
        "Nairobi Bike Commuter Survey 2025",
        "Fictional survey. We surveyed 800 respondents who commute by bike in Nairobi. 64% of respondents "
        "said finding time for a bike repair is their biggest problem. 52% of respondents said they would "
        "pay KES 500 per visit for a bike repair at their workplace. The survey over-represents riders in "
        "central Nairobi and should be read with care. Respondents were aged 22 to 45.",
    ),
    "interviews.md": (
        "Interview notes: bike commuters and HR managers on repair",
        "Fictional interview notes. Commuters told us a broken bike means a lost morning and a late arrival "
        "at work. HR managers said they would pay for a bike repair van visit if it keeps staff on time. "
        "Commuters complain that repair shops close before they leave work.",
    ),
    "competitors.md": (
        "Bike repair options for Nairobi commuters compared",
        "Fictional review. ## SpokeVan — mobile repair on call\n\nSpokeVan costs KES 900 per repair visit "
        "and serves homes only. SpokeVan is praised for fast repairs but cannot visit offices.\n\n"
        "## PedalPit — repair shop chain\n\nPedalPit charges KES 400 per repair at its shops. PedalPit is "
        "the market leader among bike repair shops in Nairobi.\n\nThe gap: no bike repair service visits "
        "commuters at their workplace. The bike repair market in Nairobi is fragmented.",
    ),
    "vendor.html": (
        "SpokeVan Pricing — bike repair at your door",
        "Our vans come to you. Book a demo, sign up today and start your free trial. We serve a $2 billion "
        "bike repair market by 2027. Our Pro plan costs KES 900 per repair visit for your bike.",
    ),
    "adjacent.md": (
        "Mobile truck repair for fleets",
        "Fictional report. Mobile repair vans for truck fleets earn $300 million a year in Kenya. Fleet "
        "managers book mobile truck repair by the hour. Truck repair vans carry heavy tools for brakes.",
    ),
    "off-topic.md": (
        "Nairobi restaurants guide",
        "Fictional guide. Nairobi has many restaurants that are busy on weekdays. Commuters eat lunch near "
        "their offices in Nairobi and prefer quick meals.",
    ),
}


def write_corpus(folder: Path) -> Path:
    for name, (title, body) in DOCUMENTS.items():
        slug = name.rsplit(".", 1)[0]
        if name.endswith(".html"):
            text = (
                f'<html><head><title>{title}</title><meta name="url" content="https://{slug}.example/pricing">'
                f"</head><body><article><p>{body}</p></article></body></html>"
            )
        else:
            front = f"title: {title}\nurl: https://{slug}.example/{slug}\npublished: 2025-05-01"
            text = f"---\n{front}\n---\n{body}\n"
        (folder / name).write_text(text)
    return folder


def research(corpus: Path, idea: str, depth: str) -> Report:
    search = LocalCorpusSearchProvider(corpus)
    config = AgentConfig(search=search, cache_dir=None)
    return run_in_memory(
        product_idea=idea, budget=SearchBudget.of(resolve_depth(depth)), config=config
    ).report


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("bike-corpus"))


def test_essential_and_deep_on_the_same_sources_score_within_ten_points(corpus: Path) -> None:
    # given the same corpus; when researched at both ends of the depth range
    essential, deep = research(corpus, IDEA, "essential"), research(corpus, IDEA, "deep")
    # then both are reports with a score, and the scores differ by at most 10 points
    assert essential.pmf_score is not None and deep.pmf_score is not None
    assert abs(essential.pmf_score.total - deep.pmf_score.total) <= 10
    # and every sub-score states its confidence
    assert {sub.confidence for sub in deep.pmf_score.sub_scores} <= {"low", "medium", "high"}


def test_the_report_types_its_evidence_and_keeps_distractors_out(corpus: Path) -> None:
    report = research(corpus, IDEA, "deep")
    market = report.market_analysis
    # the headline is an independent current figure, never the vendor's "$2 billion by 2027"
    assert market.headline is not None and market.headline.value == "$64 million"
    assert all("2 billion" not in figure.value for figure in market.market_size)
    assert any(figure.vendor_claim and "2 billion" in figure.value for figure in market.other_figures)
    # the two market sizes disagree and the report says so, with both values
    assert any("$64 million" in c.statement and "$150 million" in c.statement for c in report.conflicts)
    # the adjacent truck market and the restaurant guide are retrieved but not about the idea
    by_title = {source.title: source for source in report.sources}
    assert not by_title["Mobile truck repair for fleets"].relevant
    assert not by_title["Nairobi restaurants guide"].cited
    assert by_title["SpokeVan Pricing — bike repair at your door"].source_type == "vendor"
    # the stated price is willingness to pay; the survey caveat is not a finding
    paying = " ".join(c.text for c in report.customer_insights.willingness_to_pay)
    assert "KES 500 per visit" in paying
    assert "over-represents" not in report.model_dump_json()
    # every retrieved source is listed, cited or not
    assert len(report.sources) == report.methodology.sources_count


def test_an_idea_the_corpus_does_not_cover_gets_no_score(corpus: Path) -> None:
    report = research(corpus, "An AI tutor for high-school chemistry students.", "essential")
    assert (report.outcome, report.pmf_score) == ("insufficient_evidence", None)
    assert "no retrieved source was relevant" in report.outcome_reason


def test_without_a_relevant_source_no_finding_from_a_nearby_survey_is_reported(tmp_path: Path) -> None:
    # given a survey of the idea's customers about something else (homework, not tutoring), and a guide
    folder = tmp_path / "students"
    folder.mkdir()
    (folder / "student-survey.md").write_text(
        "---\ntitle: High-school students survey 2025: homework and exams\n"
        "url: https://student-survey.example/2025\npublished: 2025-03-01\n---\n"
        "Fictional survey. We surveyed 900 high-school students about homework. 48% of high-school "
        "students said chemistry homework is their biggest problem and takes more than three hours a "
        "week. 35% of students said they would pay $10 a month for a study planner. Students with "
        "part-time jobs said exams in chemistry and physics are the hardest to prepare for.\n"
    )
    (folder / "guide.md").write_text(
        "---\ntitle: School holidays in 2025\nurl: https://holidays.example/2025\npublished: 2025-01-05\n"
        "---\nFictional guide. School holidays start in July; families book trips early for the summer.\n"
    )
    # when an idea no source is about is researched
    report = research(folder, "An AI tutor for high-school chemistry students.", "essential")
    # then it ends without a score, and nothing from the survey is presented as a finding of this idea
    assert (report.outcome, report.pmf_score) == ("insufficient_evidence", None)
    assert report.methodology.grounding.claims == 0 and report.citations == []
    assert report.customer_insights.pain_points == [] and report.customer_insights.willingness_to_pay == []
    assert report.sources and not any(source.cited for source in report.sources)


def test_sources_about_another_customer_of_the_same_product_give_no_score(corpus: Path) -> None:
    # given sources about bike repair vans for commuters in Nairobi; when the same product is researched
    # for another customer in another place, sharing only the product and "commuters"
    idea = "Mobile bike repair vans for student commuters in Lisbon, booked by their university."
    report = research(corpus, idea, "essential")
    # then the research ends without a score and says the sources are about another customer
    assert (report.outcome, report.pmf_score) == ("insufficient_evidence", None)
    assert "another customer" in report.outcome_reason and "Lisbon" in report.outcome_reason
    assert not any(source.relevant or source.cited for source in report.sources)
    # while the idea the sources are about still gets its report
    assert research(corpus, IDEA, "essential").outcome == "report"


def test_the_same_product_set_in_another_city_gives_no_score(corpus: Path) -> None:
    # given sources about bike repair vans for commuters in Nairobi (Kenya); when the same service for the
    # same customer is researched in a city none of them mentions, in another country
    idea = "Mobile bike repair vans for daily bike commuters in Porto, booked by the rider's employer."
    report = research(corpus, idea, "essential")
    # then the research ends without a score and says the sources are about another place
    assert (report.outcome, report.pmf_score) == ("insufficient_evidence", None)
    assert "another place" in report.outcome_reason and "Kenya" in report.outcome_reason
    assert "Porto" in report.outcome_reason
    assert not any(source.relevant or source.cited for source in report.sources)


def test_an_idea_no_source_is_about_is_not_said_to_be_about_another_customer(corpus: Path) -> None:
    # given sources about bike repair for commuters in Nairobi; when an idea none of them is about is
    # researched (no source relevant at all)
    idea = (
        "Pay-per-ride theft insurance for daily bike commuters in Nairobi, bought in an app before each ride."
    )
    report = research(corpus, idea, "essential")
    # then it ends without a score, and the reason does not claim the sources are about another customer
    assert (report.outcome, report.pmf_score) == ("insufficient_evidence", None)
    assert not any(source.relevant for source in report.sources)
    assert "none of which is about this idea" in report.outcome_reason
    assert "another customer" not in report.outcome_reason


def test_sources_in_a_language_the_offline_analyst_cannot_read_are_named_not_hidden(
    tmp_path: Path,
) -> None:
    # given the bike corpus and a page in Spanish about bike repair for commuters in Nairobi
    folder = write_corpus(tmp_path)
    (folder / "reparacion-bicicletas.md").write_text(
        "---\ntitle: Reparación de bicicletas para los ciclistas de Nairobi\n"
        "url: https://ciclismo.example/nairobi\npublished: 2025-05-01\n---\n"
        "Los ciclistas que van al trabajo en Nairobi esperan días para reparar su bicicleta. "
        "Las furgonetas de reparación móvil cobran por visita y los empleadores pagan el servicio "
        "para que su personal llegue a tiempo. La reparación de bicicletas en Nairobi crece cada año.\n"
    )
    report = research(folder, IDEA, "deep")
    spanish = [source for source in report.sources if source.url == "https://ciclismo.example/nairobi"]
    # then the page is listed with its language, and the report says it was not read, in the methodology
    # and in the summary, instead of quietly treating it as "not about the idea"
    assert spanish, "the Spanish page shares the idea's words (Nairobi) and is retrieved at deep depth"
    assert spanish[0].language == "es"
    assert report.methodology.unread_sources == 1 and report.methodology.unread_languages == ["Spanish"]
    assert "1 retrieved source is in Spanish" in report.executive_summary
    assert {source.language for source in report.sources if source.url != spanish[0].url} == {"en"}


def test_markup_pasted_into_an_idea_is_not_read_as_its_words(corpus: Path) -> None:
    # given the covered idea with a script element and a tag pasted into its customer phrase
    idea = IDEA.replace("commuters", "commuters <script>window.tracker = navigator.userAgent</script>", 1)
    report = research(corpus, idea, "essential")
    # then the research reads the same idea (a report, searched without the markup's words)
    assert report.outcome == "report"
    searched = report.methodology.queries.market
    assert "script" not in searched and "window" not in searched
    # and the summary restates the idea as it was written, markup included as text
    assert "<script>window.tracker = navigator.userAgent</script>" in report.executive_summary
