"""The LLM analyst through the LLMProvider interface (a test double), and citations it must not invent."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from agents.config import AgentConfig
from agents.providers.base import Structured, TokenUsage
from agents.run import run_in_memory
from agents.state import (
    AgentQueries,
    Claim,
    Competitor,
    CompetitorFindings,
    CustomerFindings,
    Figure,
    MarketFindings,
    PainPoint,
    ProductContext,
    Recommendation,
    ReportDraft,
)
from agents.tests.helpers import MEAL_IDEA, Recorder, budget, local_search

NEVER_RETRIEVED = "https://never-retrieved.example/made-up-study"
SOURCE = re.compile(
    r"^\[(?P<id>\w+)\] [^\n]*\nURL: (?P<url>\S+)\nPublished: [^\n]*\n(?P<content>.*?)(?=^\[\w+\] |\Z)",
    re.M | re.S,
)


def first_sentence(content: str) -> str:
    """The first prose sentence of a source as the prompt shows it (a verbatim quote)."""
    for line in content.splitlines():
        if line and not line.startswith(("#", ">", "|", "-")) and len(line) > 40:
            return re.split(r"(?<=\.)\s", line)[0]
    raise AssertionError("no prose in source")


class ScriptedLLM:
    """An LLMProvider double: answers each role with a schema instance built from the prompt's sources."""

    name = "scripted-llm"

    def __init__(self) -> None:
        self.roles: list[str] = []

    def structured(self, schema: type[Any], *, system: str, user: str, role: str) -> Structured[Any]:
        self.roles.append(role)
        sources = [match.groupdict() for match in SOURCE.finditer(user)]
        full: BaseModel = getattr(self, role)(sources)
        assert schema.__name__.startswith(type(full).__name__)  # the answer, or one part of it
        value = schema.model_validate(full.model_dump(include=set(schema.model_fields)))
        return Structured(value=value, usage=TokenUsage(input_tokens=90, output_tokens=10), model="scripted")

    def supervisor(self, sources: list[dict[str, str]]) -> ProductContext:
        queries = AgentQueries(
            market="meal planning app market size growth",
            competitor="meal planning app competitors pricing",
            customer="busy families meal planning pain points survey",
        )
        return ProductContext(
            product_idea="ignored",
            sector="Consumer food software",
            target_customer="busy families",
            product_context="AI meal planner.",
            queries=queries,
        )

    def _claim(self, source: dict[str, str], cite: str) -> Claim:
        quote = first_sentence(source["content"])
        return Claim(text=quote, source_ids=[cite], quote=quote)

    def market(self, sources: list[dict[str, str]]) -> MarketFindings:
        first, second = sources[0], sources[1]
        quote = first_sentence(first["content"])
        amount = re.search(r"\$\d[\d.,]*(?: [mb]illion)?", quote)  # the figure's value as its quote states it
        value = amount.group(0) if amount else ""
        return MarketFindings(
            summary="Scripted.",
            market_size=[Figure(text=quote, source_ids=[first["id"]], quote=quote, value=value)],
            trends=[self._claim(second, second["url"])],  # cited by URL: resolved to its id
            opportunities=[
                Claim(text="A made-up opportunity.", source_ids=[NEVER_RETRIEVED], quote="Made up.")
            ],
        )

    def competitor(self, sources: list[dict[str, str]]) -> CompetitorFindings:
        evidence = [self._claim(sources[0], sources[0]["id"])]
        return CompetitorFindings(
            summary="Scripted.",
            competitors=[Competitor(name="MenuMuse", evidence=evidence)],
            gaps=[self._claim(sources[1], sources[1]["id"])],
            saturation="high",
        )

    def customer(self, sources: list[dict[str, str]]) -> CustomerFindings:
        quote = first_sentence(sources[0]["content"])
        pain = PainPoint(
            text=quote, source_ids=[sources[0]["id"]], quote=quote, frequency="high", impact="high"
        )
        return CustomerFindings(summary="Scripted.", pain_points=[pain])

    def report(self, sources: list[dict[str, str]]) -> ReportDraft:
        return ReportDraft(
            executive_summary="Scripted summary.",
            strategic_recommendations=[
                Recommendation(
                    title="Lead with family profiles", detail="Because.", source_ids=["S1", "S404"]
                )
            ],
        )


def test_llm_analyst_findings_are_verified_and_invented_citations_dropped() -> None:
    # given a model that cites one URL never retrieved (market) and one unknown source id (report)
    llm = ScriptedLLM()
    recorder = Recorder()

    # when a research runs with that model
    outcome = run_in_memory(product_idea=MEAL_IDEA, budget=budget("essential"), on_checkpoint=recorder,
                            config=AgentConfig(search=local_search(), llm=llm, cache_dir=None))  # fmt: skip
    report = outcome.report

    # then the supervisor was asked once, the analysts and the writer in parallel parts
    parts = {"supervisor": 1, "market": 3, "competitor": 2, "customer": 4, "report": 2}
    assert sorted(llm.roles) == sorted(role for role, count in parts.items() for _ in range(count))
    # and the invented citations were dropped and counted, the claim resting on one removed by the checks
    grounding = report.methodology.grounding
    assert grounding.dropped == 2
    assert (grounding.claims, grounding.cited, grounding.verified) == (6, 6, 6)
    assert report.market_analysis.opportunities == [] and grounding.model_dropped >= 1
    assert NEVER_RETRIEVED not in {citation.url for citation in report.citations}
    assert report.strategic_recommendations[0].source_ids == ["S1"]
    # and the claim cited by URL now cites the retrieved source's id
    trend = report.market_analysis.trends[0]
    cited = {citation.id: citation.url for citation in report.citations}
    assert trend.verified is True and len(trend.source_ids) == 1 and trend.source_ids[0] in cited
    # and tokens were recorded per node, the provider named in the methodology
    assert report.methodology.cost.tokens == {"supervisor": 100, "market_agent": 300, "competitor_agent": 200,
                                              "customer_agent": 400, "report_writer": 200}  # fmt: skip
    assert report.methodology.providers.llm == "scripted-llm"
    assert len(recorder.keys) == 17
