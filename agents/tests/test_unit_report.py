"""Markdown rendering: every section present and untrusted text escaped."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from agents.report import SECTIONS, escape, link, render_markdown
from agents.scoring import score_pmf
from agents.state import (
    AgentQueries,
    Citation,
    Claim,
    CompetitorFindings,
    Cost,
    CustomerFindings,
    Grounding,
    MarketFindings,
    Methodology,
    ProvidersUsed,
    Recommendation,
    Report,
)

SCRIPT = "<script>alert('x')</script>"


def hostile_report() -> Report:
    market = MarketFindings(
        summary=SCRIPT,
        trends=[
            Claim(text=f"Trend {SCRIPT} [link](javascript:x)", source_ids=["S1"], quote="q", verified=True)
        ],
    )
    return Report(
        title=f"Idea {SCRIPT}",
        product_idea=f"# Heading {SCRIPT}",
        generated_at=datetime.now(UTC),
        executive_summary="**bold** <img src=x onerror=alert(1)>",
        market_analysis=market,
        competitive_landscape=CompetitorFindings(),
        customer_insights=CustomerFindings(),
        pmf_score=score_pmf(market, CompetitorFindings(), CustomerFindings()),
        strategic_recommendations=[Recommendation(title=SCRIPT, detail="d", source_ids=["S1"])],
        citations=[Citation(id="S1", url="javascript:alert(1)", title=SCRIPT, claims=1, verified=1)],
        methodology=Methodology(
            depth="essential",
            providers=ProvidersUsed(search="local", llm="extractive"),
            queries=AgentQueries(market=SCRIPT, competitor="c", customer="u"),
            sources_count=1,
            grounding=Grounding(claims=1, cited=1, verified=1),
            cost=Cost(),
        ),
    )


def test_markdown_has_every_section_in_order() -> None:
    markdown = render_markdown(hostile_report())
    assert [line[3:] for line in markdown.splitlines() if line.startswith("## ")] == list(SECTIONS)


def test_untrusted_text_cannot_inject_html_or_markdown() -> None:
    # given a report whose idea, sources and findings carry HTML and Markdown
    markdown = render_markdown(hostile_report())
    # then no raw tag, no javascript link and no injected heading survive
    assert not re.search(r"(?<!\\)<", markdown)  # every "<" is backslash-escaped: shown, never a tag
    assert "\\<script\\>" in markdown and "\\<img src=x" in markdown
    assert "](javascript:" not in markdown
    assert "\n# Heading" not in markdown
    assert "\\*\\*bold\\*\\*" in markdown
    # and no HTML entity is shown to the reader
    assert "&lt;" not in markdown and "&amp;" not in markdown


def test_escape_and_link() -> None:
    # only what Markdown or HTML would read is escaped: no entities, no needless backslashes
    assert escape("a_b *c* [d](e) <f> R&amp;D (x) 5+3 #1") == "a_b \\*c\\* \\[d\\](e) \\<f\\> R&D (x) 5+3 #1"
    assert escape("_x_ and # heading") == "\\_x\\_ and # heading"
    assert escape("# Heading") == "\\# Heading"
    assert link("https://a.example/x", "Title [1]") == "[Title \\[1\\]](https://a.example/x)"
    assert link("javascript:alert(1)", "T") == "T (javascript:alert(1))"


def test_a_report_reloaded_from_json_renders_identically() -> None:
    # given a complete offline report stored as JSON (as the task document keeps it)
    from agents.run import run_in_memory
    from agents.tests.helpers import MEAL_IDEA, budget

    report = run_in_memory(product_idea=MEAL_IDEA, budget=budget("essential")).report
    stored = report.model_dump(mode="json")
    # when it is validated back and rendered
    reloaded = Report.model_validate(stored)
    # then nothing was lost
    assert reloaded.model_dump(mode="json") == stored
    assert render_markdown(reloaded) == render_markdown(report)


def test_findings_words_lose_the_source_markdown_and_quotes_keep_it() -> None:
    from agents.nodes.report_writer import plain_texts
    from agents.state import Claim, Competitor, CompetitorFindings, Segment

    quote = "There are **4,200 bike shops** in [Ireland](https://x.example) &amp; most are small."
    found = CompetitorFindings(
        competitors=[
            Competitor(
                name="**Spokely**", pricing="__€9__ per month", strengths=["*fast* repairs"],
                evidence=[Claim(text=quote, source_ids=["S1"], quote=quote)],
            )
        ],
        gaps=[Claim(text=quote, source_ids=["S1"], quote=quote)],
    )  # fmt: skip
    plain_texts(found)
    competitor = found.competitors[0]
    assert competitor.name == "Spokely" and competitor.pricing == "€9 per month"
    assert competitor.strengths == ["fast repairs"]
    assert found.gaps[0].text == "There are 4,200 bike shops in Ireland & most are small."
    assert competitor.evidence[0].text == found.gaps[0].text
    # the quote stays as the source wrote it: it is what the source passage is checked against
    assert found.gaps[0].quote == quote
    segment = Segment(name="**Rural shops**", description="Shops *outside* towns")
    plain_texts(segment)
    assert (segment.name, segment.description) == ("Rural shops", "Shops outside towns")
