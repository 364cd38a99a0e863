"""Graph state and the typed schemas every research produces (one schema; no str-or-object unions).

Agents give their sources agent-scoped ids (``M1``, ``C1``, ``U1``); the report node deduplicates
sources by URL and renumbers them ``S1``…``Sn`` in the final :class:`Report`.

The findings models double as the language model's structured output, so their JSON schema keeps to
what strict structured outputs accept: every property required, no ``default`` keywords (the pydantic
defaults stay, so reports stored before a field existed still load), no open-ended objects.
"""

from __future__ import annotations

import operator
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypedDict

from pydantic import BaseModel, ConfigDict, Field

AgentName = Literal["market", "competitor", "customer"]
AGENTS: tuple[AgentName, ...] = ("market", "competitor", "customer")
Level = Literal["low", "medium", "high"]
SourceType = Literal[
    "analyst_report", "vendor", "news", "survey", "interviews", "review_forum", "government", "unknown"
]
FigureKind = Literal[
    "market_size", "growth_rate", "share", "price", "company_revenue", "funding", "customer_spend",
    "population", "cost", "other",
]  # fmt: skip
Timeframe = Literal["current", "historical", "forecast"]
Outcome = Literal["report", "insufficient_evidence"]
DATED_AFTER_YEARS = 5  # a figure about a year more than this many years ago is marked dated


def _strict_schema(schema: dict[str, Any]) -> None:
    """JSON schema as strict structured outputs want it: all properties required, no defaults."""
    properties = schema.get("properties", {})
    for prop in properties.values():
        prop.pop("default", None)
    if properties:
        schema["required"] = list(properties)


class Schema(BaseModel):
    """Base of every schema here: pydantic defaults, but a strict-output-friendly JSON schema."""

    model_config = ConfigDict(json_schema_extra=_strict_schema)


class AgentQueries(Schema):
    """One search query per research agent."""

    market: str
    competitor: str
    customer: str


class ProductContext(Schema):
    """What the supervisor understood from the idea, and the query each agent will run."""

    product_idea: str
    sector: str
    target_customer: str
    product_context: str
    queries: AgentQueries


class Source(Schema):
    """A document retrieved (searched and extracted) during this research."""

    id: str
    url: str
    title: str
    content: str  # the stored text the verifier checks quotes against
    agent: AgentName
    retrieved_at: datetime
    sample: bool = False  # True for the shipped sample corpus
    published: date | None = None  # publication date when the provider or the page states one


class SourceAssessment(Schema):
    """An analyst's reading of one source: what kind of document it is, when, and whether it is on topic."""

    source_id: str
    source_type: SourceType = "unknown"
    published: str = ""  # the publication date or year as stated ("2024-03-01", "2023"), else ""
    relevance: float = Field(default=0.0, ge=0.0, le=1.0)  # 0 unrelated … 1 squarely about the idea
    relevant: bool = False  # about the idea itself (not only sharing generic words): findings may use it


class Claim(Schema):
    """One finding: a statement, the sources that support it and the exact supporting quote.

    Two checks are made by code (never by an analyst): ``quote_found`` (the quote occurs in a cited
    source) and ``values_match`` (every number and year the claim states occurs in its quote);
    ``verified`` is their conjunction, kept for older readers.
    """

    text: str
    source_ids: list[str] = Field(default_factory=list)
    quote: str = ""
    quote_found: bool | None = None
    values_match: bool | None = None
    verified: bool | None = None


class Figure(Claim):
    """A quantitative finding, typed: what it measures, when, where and under which definition."""

    value: str = ""  # the figure as written, e.g. "$4.2 billion", "12.5% CAGR", "$29 per user per month"
    year: str = ""  # the year or period it refers to, when stated
    kind: FigureKind = "other"
    timeframe: Timeframe = "current"
    geography: str = ""  # e.g. "global", "United States", "East Africa"; "" when not stated
    scope: str = ""  # the definition measured, e.g. "cold-room rental services"; "" when not stated
    vendor_claim: bool = False  # stated by a vendor about itself or its market: never a headline or input
    dated: bool = False  # refers to a year more than DATED_AFTER_YEARS before the research


class ConflictSide(Schema):
    """One side of a disagreement: the value a source gives, for which year and definition."""

    value: str
    year: str = ""
    scope: str = ""
    source_ids: list[str] = Field(default_factory=list)


class Conflict(Schema):
    """Sources disagreeing on one quantity (or measuring it under different definitions)."""

    quantity: str  # what is measured, e.g. "market size"
    sides: list[ConflictSide] = Field(default_factory=list)
    statement: str = ""  # a plain sentence naming both values, years and sources
    definitions_differ: bool = False  # the sides measure different scopes, not the same thing


class MarketFindings(Schema):
    """Market agent output: size, growth, trends and opportunities."""

    summary: str = ""
    market_size: list[Figure] = Field(default_factory=list)
    growth: list[Figure] = Field(default_factory=list)
    other_figures: list[Figure] = Field(default_factory=list)  # revenue, funding, population, cost…
    headline: Figure | None = None  # most recent current whole-market size from a non-vendor source
    trends: list[Claim] = Field(default_factory=list)
    opportunities: list[Claim] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    not_found: list[str] = Field(default_factory=list)  # what the sources did not answer
    sources: list[SourceAssessment] = Field(default_factory=list)


class Competitor(Schema):
    """One competitor with its pricing, positioning and evidence."""

    name: str
    pricing: str = ""
    positioning: str = ""
    strengths: list[str] = Field(default_factory=list)
    weaknesses: list[str] = Field(default_factory=list)
    evidence: list[Claim] = Field(default_factory=list)


class CompetitorFindings(Schema):
    """Competitor agent output: key competitors, gaps and saturation."""

    summary: str = ""
    competitors: list[Competitor] = Field(default_factory=list)
    gaps: list[Claim] = Field(default_factory=list)
    saturation: Level = "medium"
    saturation_rationale: str = ""
    conflicts: list[Conflict] = Field(default_factory=list)
    not_found: list[str] = Field(default_factory=list)
    sources: list[SourceAssessment] = Field(default_factory=list)


class PainPoint(Claim):
    """A customer pain point with how often it occurs and how much it hurts."""

    frequency: Level = "medium"
    impact: Level = "medium"


class Segment(Schema):
    """A customer segment (a group of customers) or, in ``personas``, an illustrative person."""

    name: str
    description: str = ""
    evidence: list[Claim] = Field(default_factory=list)


class CustomerFindings(Schema):
    """Customer agent output: pains, segments, personas, satisfaction drivers, willingness to pay, advice."""

    summary: str = ""
    pain_points: list[PainPoint] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    personas: list[Segment] = Field(default_factory=list)
    satisfaction_drivers: list[Claim] = Field(default_factory=list)
    willingness_to_pay: list[Claim] = Field(default_factory=list)  # what customers say they would pay
    recommendations: list[Claim] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)  # survey shares, spend, population…
    conflicts: list[Conflict] = Field(default_factory=list)
    not_found: list[str] = Field(default_factory=list)
    sources: list[SourceAssessment] = Field(default_factory=list)


class SubScore(Schema):
    """One rubric criterion: weight (points available), score awarded, its evidence and confidence."""

    name: str
    weight: int
    score: float
    rationale: str
    evidence: list[Claim] = Field(default_factory=list)
    source_ids: list[str] = Field(default_factory=list)
    confidence: Level = "medium"  # how far the best evidence behind it can be trusted


class PMFScore(Schema):
    """Product-market fit score 0-100 from the rubric in agents/RUBRIC.md."""

    total: int = Field(ge=0, le=100)
    verdict: str  # e.g. "Strong", "Promising", "Weak"
    sub_scores: list[SubScore]


class Recommendation(Schema):
    """A strategic recommendation and the sources behind it."""

    title: str
    detail: str
    priority: Level = "medium"
    source_ids: list[str] = Field(default_factory=list)


class ReportDraft(Schema):
    """The report writer's narrative: executive summary and strategic recommendations."""

    executive_summary: str
    strategic_recommendations: list[Recommendation]


class Citation(Schema):
    """A deduplicated source cited by the report; ``verified`` counts its verified claims."""

    id: str
    url: str
    title: str
    claims: int = 0
    verified: int = 0
    sample: bool = False


class ReportSource(Schema):
    """Every retrieved source, cited or not, so anyone can check what the report rests on."""

    id: str  # S-number (the same as in citations when cited)
    url: str
    title: str
    source_type: SourceType = "unknown"
    published: date | None = None
    relevance: float = 0.0  # 0 unrelated … 1 squarely about the idea
    relevant: bool = False  # used for findings
    cited: bool = False
    sample: bool = False
    agents: list[AgentName] = Field(default_factory=list)  # which research agents retrieved it
    language: str = ""  # ISO 639-1 code of the language it is written in ("en", "fr"); "" when unknown


class ModelChecks(Schema):
    """What the code checks (``agents.analysts.llm_checks``) did to one node's model answers (LLM analyst).

    Computed by code after the answer, never asked of a model.
    """

    node: str  # market_agent, competitor_agent, customer_agent or report_writer
    claims: int = 0  # claims the model made, before the checks
    kept: int = 0  # of those, the claims that passed (quote in the cited source, numbers in the quote)
    other_removed: int = 0  # other items removed: unbacked sentences, competitors or segments without
    # checked evidence, conflicts whose values are not in their sources


class Grounding(Schema):
    """How well the report is grounded: claims made, cited, verified, and citations dropped."""

    claims: int = 0
    cited: int = 0
    verified: int = 0
    dropped: int = 0
    quote_not_found: int = 0  # claims whose quote is not in any cited source
    values_mismatch: int = 0  # claims stating a number or year their quote does not contain
    model_dropped: int = 0  # model claims and sentences removed by the checks before the report (LLM)
    # per node, what the checks kept and removed (LLM analyst; empty offline): model_dropped is the sum of
    # their claims - kept + other_removed
    model_checks: list[ModelChecks] = Field(default_factory=list)


class Cost(Schema):
    """What a research consumed: Tavily credits, tokens per agent, seconds per node."""

    tavily_credits: float = 0.0
    tokens: dict[str, int] = Field(default_factory=dict)
    seconds: dict[str, float] = Field(default_factory=dict)


class ProvidersUsed(Schema):
    """The providers that produced this report."""

    search: str
    llm: str


class Methodology(Schema):
    """How the research was done."""

    depth: str
    providers: ProvidersUsed
    queries: AgentQueries
    sources_count: int
    grounding: Grounding
    cost: Cost
    relevant_sources: int = 0
    structured_output: str = ""  # how the model's answers were constrained: json_schema, function_calling…
    # the supervisor model's queries replaced by the idea-derived ones (no distinctive term of the idea,
    # too long, or not words; agents.analysts.llm_checks.checked_queries)
    queries_replaced: int = 0
    sample_corpus: bool = False  # built from the shipped fictional sample corpus
    # languages of retrieved sources the analyst cannot read (the offline analyst reads English only):
    # listed, never silently treated as "not about the idea"
    unread_languages: list[str] = Field(default_factory=list)
    unread_sources: int = 0


class Report(Schema):
    """The final report: the spec's sections as structured data.

    ``outcome`` is ``insufficient_evidence`` when no retrieved source was about the idea: then
    ``pmf_score`` is None and ``outcome_reason`` says in plain words what was searched.
    """

    title: str
    product_idea: str
    generated_at: datetime
    executive_summary: str
    market_analysis: MarketFindings
    competitive_landscape: CompetitorFindings
    customer_insights: CustomerFindings
    pmf_score: PMFScore | None = None
    strategic_recommendations: list[Recommendation]
    citations: list[Citation]
    methodology: Methodology
    outcome: Outcome = "report"
    outcome_reason: str = ""
    sources: list[ReportSource] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)  # every conflict of the findings, in one list


class NodeUsage(Schema):
    """Cost of one node execution (appended by each node; summed into Methodology.cost)."""

    node: str
    seconds: float = 0.0
    tavily_credits: float = 0.0
    tokens: int = 0
    dropped_citations: int = 0
    dropped_claims: int = 0  # model output that failed the code checks and was removed (LLM analyst)
    model_claims: int = 0  # claims the model made, before the checks (LLM analyst)
    model_claims_dropped: int = 0  # of those, the claims the checks removed (in dropped_claims too)
    queries_replaced: int = 0  # supervisor: model-written queries replaced by the idea-derived ones


class ResearchState(TypedDict, total=False):
    """LangGraph state; list fields written by the parallel agents have additive reducers."""

    product_idea: str
    depth: str
    context: ProductContext
    sources: Annotated[list[Source], operator.add]
    market: MarketFindings
    competitor: CompetitorFindings
    customer: CustomerFindings
    usage: Annotated[list[NodeUsage], operator.add]
    report: Report


def persisted_types() -> list[tuple[str, str]]:
    """(module, class) of every schema stored in checkpoints, for the checkpointer's msgpack allowlist."""
    return [
        (__name__, name)
        for name, value in globals().items()
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == __name__
    ]
