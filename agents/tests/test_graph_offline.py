"""Acceptance 1 and 5: offline research on the sample corpus at every depth."""

from __future__ import annotations

import pytest

from agents.config import AgentConfig
from agents.report import SECTIONS, render_markdown
from agents.run import run_in_memory
from agents.state import Report
from agents.tests.helpers import (
    IDEAS,
    KEYS,
    MEAL_IDEA,
    CountingSearch,
    Recorder,
    assert_valid_order,
    budget,
    local_search,
)
from catalogue.depths import DEPTHS


def research(idea: str, depth: str, recorder: Recorder | None = None) -> tuple[Report, CountingSearch]:
    search = CountingSearch(local_search())
    delivered: list[Report] = []
    outcome = run_in_memory(
        product_idea=idea,
        budget=budget(depth),
        on_checkpoint=recorder or Recorder(),
        deliver=delivered.append,
        config=AgentConfig(search=search, cache_dir=None),
    )
    assert delivered == [outcome.report]
    return outcome.report, search


@pytest.mark.parametrize("depth", list(DEPTHS))
@pytest.mark.parametrize("idea", [idea["product_idea"] for idea in IDEAS], ids=[i["slug"] for i in IDEAS])
def test_each_depth_produces_a_complete_grounded_report(idea: str, depth: str) -> None:
    # given the sample corpus and no provider keys
    # when a research runs at this depth
    report, search = research(idea, depth)

    # then it made one search and one extract per agent, each extract of the depth's URL count at most
    assert [operation for operation, _ in search.calls].count("search") == 3
    assert [operation for operation, _ in search.calls].count("extract") == 3
    assert report.methodology.sources_count <= DEPTHS[depth].urls_total
    # and every citation is a source retrieved in this research, every claim cites a listed citation
    assert {citation.url for citation in report.citations} <= set(search.extracted_urls)
    citation_ids = {citation.id for citation in report.citations}
    assert all(set(claim_ids) <= citation_ids for claim_ids in _claim_ids(report))
    # and at least 90% of cited claims are verified
    grounding = report.methodology.grounding
    assert grounding.cited > 0
    assert grounding.verified / grounding.cited >= 0.9
    assert grounding.dropped == 0
    # and every section has content
    assert report.market_analysis.market_size and report.market_analysis.growth
    assert report.competitive_landscape.competitors and report.customer_insights.pain_points
    assert 0 <= report.pmf_score.total <= 100 and len(report.pmf_score.sub_scores) == 5
    assert report.strategic_recommendations
    assert report.methodology.depth == depth
    assert report.methodology.providers.search == "local"
    assert report.methodology.providers.llm == "extractive"
    markdown = render_markdown(report)
    assert [line[3:] for line in markdown.splitlines() if line.startswith("## ")] == list(SECTIONS)


def _claim_ids(report: Report) -> list[list[str]]:
    from agents.citations import iter_claims

    models = [
        report.market_analysis,
        report.competitive_landscape,
        report.customer_insights,
        report.pmf_score,
    ]
    return [claim.source_ids for model in models for claim in iter_claims(model)]


def test_citation_urls_are_all_retrieved_sources() -> None:
    # given a standard research
    report, search = research(IDEAS[0]["product_idea"], "standard")
    # then every cited URL was extracted in this research, and every extracted URL is a numbered source
    cited = {citation.url for citation in report.citations}
    assert cited
    assert cited <= set(search.extracted_urls)
    assert report.methodology.sources_count == len(set(search.extracted_urls))


def test_seventeen_checkpoints_once_each_in_valid_order() -> None:
    # given a recorder for checkpoints
    recorder = Recorder()
    # when a research completes
    research(IDEAS[0]["product_idea"], "essential", recorder)
    # then each of the 17 keys was emitted exactly once, in a valid order, with aware timestamps
    assert sorted(recorder.keys) == sorted(KEYS)
    assert len(recorder.keys) == 17
    assert_valid_order(recorder.keys)
    assert all(event.at.tzinfo is not None for event in recorder.events)


@pytest.mark.parametrize(
    "idea",
    ["A scheduling assistant for dental clinics", "An AI tutor for high-school chemistry students."],
)
def test_an_idea_the_corpus_does_not_cover_ends_with_insufficient_evidence(idea: str) -> None:
    # given an idea no sample document is about
    report, search = research(idea, "essential")
    # then the search still ran, but no off-topic sentence became a finding and no score was given
    assert [operation for operation, _ in search.calls].count("search") == 3
    assert report.methodology.grounding.claims == 0
    assert report.citations == []
    assert report.outcome == "insufficient_evidence"
    assert report.pmf_score is None
    # and the report says plainly what was searched, and lists what was retrieved as not relevant
    assert "no retrieved source was relevant" in report.outcome_reason
    assert report.methodology.queries.market in report.outcome_reason
    assert report.sources and not any(source.relevant or source.cited for source in report.sources)
    assert "No score" in render_markdown(report)


def test_outcome_lists_every_retrieved_source_numbered_as_in_the_report() -> None:
    # given a deep research
    search = CountingSearch(local_search())
    outcome = run_in_memory(
        product_idea=MEAL_IDEA, budget=budget("deep"), config=AgentConfig(search=search, cache_dir=None)
    )
    # then the outcome's sources are the extracted pages, numbered S1..Sn, matching the report's citations
    assert [source.id for source in outcome.sources] == [f"S{n}" for n in range(1, len(outcome.sources) + 1)]
    assert {source.url for source in outcome.sources} == set(search.extracted_urls)
    by_id = {source.id: source.url for source in outcome.sources}
    assert all(by_id[citation.id] == citation.url for citation in outcome.report.citations)
    assert outcome.report.methodology.sources_count == len(outcome.sources)
    assert (outcome.resumed, outcome.reused) == (False, False)
