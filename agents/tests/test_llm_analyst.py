"""The LLM analyst through the LLMProvider interface (a test double), and citations it must not invent."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from agents.analysts.llm import PARTS, LLMAnalyst, answer_model, part_schemas
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
from catalogue.depths import resolve_depth

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
    # and the methodology says, per node, how many of the model's claims the checks kept
    checks = {item.node: (item.claims, item.kept) for item in grounding.model_checks}
    assert checks == {"market_agent": (3, 2), "competitor_agent": (2, 2), "customer_agent": (1, 1),
                      "report_writer": (0, 0)}  # fmt: skip
    removed = sum(item.claims - item.kept + item.other_removed for item in grounding.model_checks)
    assert grounding.model_dropped == removed
    assert report.methodology.queries_replaced == 0  # the model's queries carry the idea's terms
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


def schema_nodes(schema: Any) -> Iterator[dict[str, Any]]:
    """Every sub-schema of a JSON schema (properties, items, $defs, anyOf)."""
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from schema_nodes(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from schema_nodes(value)


def asked_schemas(analyst: LLMAnalyst) -> list[dict[str, Any]]:
    """The JSON schemas of every answer (and part) the analyst asks a model for."""
    roles = {"supervisor": ProductContext, "market": MarketFindings, "competitor": CompetitorFindings,
             "customer": CustomerFindings, "report": ReportDraft}  # fmt: skip
    items, chars = analyst._items(), analyst.max_string_chars
    return [
        part.model_json_schema()
        for role, schema in roles.items()
        for part in (
            part_schemas(schema, PARTS[role], items, chars)
            if role in PARTS
            else (answer_model(schema, items, chars),)
        )
    ]


def test_small_model_settings_bound_every_string_and_list_at_every_depth() -> None:
    # given the settings a small local model runs with, and a deep research's passage budget
    config = AgentConfig.from_mapping(
        {"OPENAI_API_KEY": "sk-local", "OPENAI_MAX_STRING_CHARS": "80", "OPENAI_MAX_LIST_ITEMS": "1"}
    )
    analyst = config.build_analyst()
    assert isinstance(analyst, LLMAnalyst)
    deep = analyst.with_passage_tokens(resolve_depth("deep").passage_tokens)
    # then every free string asked for is bounded, and every list holds at most one item
    nodes = [node for schema in asked_schemas(deep) for node in schema_nodes(schema)]
    strings = [node for node in nodes if node.get("type") == "string" and "enum" not in node]
    arrays = [node for node in nodes if node.get("type") == "array"]
    assert strings and arrays
    assert all(node.get("maxLength") == 80 for node in strings)
    assert all(node.get("maxItems") == 1 for node in arrays)
    # and without them (OpenAI's strict mode refuses maxLength) no string is bounded, lists follow the depth
    default = AgentConfig.from_mapping({"OPENAI_API_KEY": "sk-alice"}).build_analyst()
    assert isinstance(default, LLMAnalyst)
    nodes = [n for s in asked_schemas(default.with_passage_tokens(8000)) for n in schema_nodes(s)]
    assert not any("maxLength" in node for node in nodes)
    assert max(node["maxItems"] for node in nodes if node.get("type") == "array") == 5


def test_a_relevance_outside_its_bounds_is_clamped_not_a_failed_answer() -> None:
    # given the competitor answer as asked (the schema still states the bounds for strict servers)
    asked = answer_model(CompetitorFindings)
    relevance = asked.model_json_schema()["$defs"]["SourceAssessment"]["properties"]["relevance"]
    assert (relevance["minimum"], relevance["maximum"]) == (0.0, 1.0)
    # when a server whose grammar cannot bound floats (llama.cpp) lets the model answer 3.5 and -2
    answer = asked.model_validate(
        {"sources": [{"source_id": "S1", "relevance": 3.5}, {"source_id": "S2", "relevance": -2}]}
    )
    # then they are brought within the bounds, and the findings validate
    assert [source.relevance for source in answer.sources] == [1.0, 0.0]
    findings = CompetitorFindings.model_validate(answer.model_dump())
    assert [source.relevance for source in findings.sources] == [1.0, 0.0]


def test_whole_answers_ask_each_analysis_once_and_check_it_alike() -> None:
    # given the setting a CPU-bound local server runs with: each analysis in one answer
    llm = ScriptedLLM()
    config = AgentConfig.from_mapping({"OPENAI_API_KEY": "sk-local", "OPENAI_WHOLE_ANSWERS": "1"})
    assert config.whole_answers and not AgentConfig.from_mapping({"OPENAI_API_KEY": "sk"}).whole_answers
    config.search, config.llm, config.cache_dir = local_search(), llm, None

    # when a research runs
    outcome = run_in_memory(product_idea=MEAL_IDEA, budget=budget("essential"), config=config)

    # then each role was asked once, and the same checks kept the same claims as with parts
    assert sorted(llm.roles) == ["competitor", "customer", "market", "report", "supervisor"]
    grounding = outcome.report.methodology.grounding
    assert (grounding.claims, grounding.verified, grounding.dropped) == (6, 6, 2)
    assert [(item.claims, item.kept) for item in grounding.model_checks] == [(3, 2), (2, 2), (1, 1), (0, 0)]
