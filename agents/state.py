"""Graph state and the typed schemas every research produces (one schema; no str-or-object unions).

Agents give their sources agent-scoped ids (``M1``, ``C1``, ``U1``); the report node deduplicates
sources by URL and renumbers them ``S1``…``Sn`` in the final :class:`Report`.
"""

from __future__ import annotations

import operator
from datetime import datetime
from typing import Annotated, Literal, TypedDict

from pydantic import BaseModel, Field

AgentName = Literal["market", "competitor", "customer"]
AGENTS: tuple[AgentName, ...] = ("market", "competitor", "customer")
Level = Literal["low", "medium", "high"]


class AgentQueries(BaseModel):
    """One search query per research agent."""

    market: str
    competitor: str
    customer: str


class ProductContext(BaseModel):
    """What the supervisor understood from the idea, and the query each agent will run."""

    product_idea: str
    sector: str
    target_customer: str
    product_context: str
    queries: AgentQueries


class Source(BaseModel):
    """A document retrieved (searched and extracted) during this research."""

    id: str
    url: str
    title: str
    content: str  # the stored text the verifier checks quotes against
    agent: AgentName
    retrieved_at: datetime
    sample: bool = False  # True for the shipped sample corpus


class Claim(BaseModel):
    """One finding: a statement, the sources that support it and the exact supporting quote."""

    text: str
    source_ids: list[str] = Field(default_factory=list)
    quote: str = ""
    verified: bool | None = None  # set by the citation verifier, never by an analyst


class Figure(Claim):
    """A quantitative finding, e.g. a market size or a growth rate."""

    value: str = ""  # the figure as written, e.g. "$4.2 billion" or "12.5% CAGR"
    year: str = ""  # the year or period it refers to, when stated


class MarketFindings(BaseModel):
    """Market agent output: size, growth, trends and opportunities."""

    summary: str = ""
    market_size: list[Figure] = Field(default_factory=list)
    growth: list[Figure] = Field(default_factory=list)
    trends: list[Claim] = Field(default_factory=list)
    opportunities: list[Claim] = Field(default_factory=list)


class Competitor(BaseModel):
    """One competitor with its pricing, positioning and evidence."""

    name: str
    pricing: str = ""
    positioning: str = ""
    strengths: list[str] = Field(default_factory=list)
    weaknesses: list[str] = Field(default_factory=list)
    evidence: list[Claim] = Field(default_factory=list)


class CompetitorFindings(BaseModel):
    """Competitor agent output: key competitors, gaps and saturation."""

    summary: str = ""
    competitors: list[Competitor] = Field(default_factory=list)
    gaps: list[Claim] = Field(default_factory=list)
    saturation: Level = "medium"
    saturation_rationale: str = ""


class PainPoint(Claim):
    """A customer pain point with how often it occurs and how much it hurts."""

    frequency: Level = "medium"
    impact: Level = "medium"


class Segment(BaseModel):
    """A customer segment or persona."""

    name: str
    description: str = ""
    evidence: list[Claim] = Field(default_factory=list)


class CustomerFindings(BaseModel):
    """Customer agent output: pains, segments, satisfaction drivers, willingness to pay, advice."""

    summary: str = ""
    pain_points: list[PainPoint] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    satisfaction_drivers: list[Claim] = Field(default_factory=list)
    willingness_to_pay: list[Claim] = Field(default_factory=list)
    recommendations: list[Claim] = Field(default_factory=list)


class SubScore(BaseModel):
    """One rubric criterion: weight (points available), score awarded, and its evidence."""

    name: str
    weight: int
    score: float
    rationale: str
    evidence: list[Claim] = Field(default_factory=list)
    source_ids: list[str] = Field(default_factory=list)


class PMFScore(BaseModel):
    """Product-market fit score 0-100 from the rubric in agents/RUBRIC.md."""

    total: int = Field(ge=0, le=100)
    verdict: str  # e.g. "Strong", "Promising", "Weak"
    sub_scores: list[SubScore]


class Recommendation(BaseModel):
    """A strategic recommendation and the sources behind it."""

    title: str
    detail: str
    priority: Level = "medium"
    source_ids: list[str] = Field(default_factory=list)


class ReportDraft(BaseModel):
    """The report writer's narrative: executive summary and strategic recommendations."""

    executive_summary: str
    strategic_recommendations: list[Recommendation]


class Citation(BaseModel):
    """A deduplicated source cited by the report; ``verified`` counts its verified claims."""

    id: str
    url: str
    title: str
    claims: int = 0
    verified: int = 0
    sample: bool = False


class Grounding(BaseModel):
    """How well the report is grounded: claims made, cited, verified, and citations dropped."""

    claims: int = 0
    cited: int = 0
    verified: int = 0
    dropped: int = 0


class Cost(BaseModel):
    """What a research consumed: Tavily credits, tokens per agent, seconds per node."""

    tavily_credits: float = 0.0
    tokens: dict[str, int] = Field(default_factory=dict)
    seconds: dict[str, float] = Field(default_factory=dict)


class ProvidersUsed(BaseModel):
    """The providers that produced this report."""

    search: str
    llm: str


class Methodology(BaseModel):
    """How the research was done."""

    depth: str
    providers: ProvidersUsed
    queries: AgentQueries
    sources_count: int
    grounding: Grounding
    cost: Cost


class Report(BaseModel):
    """The final report: the spec's sections as structured data."""

    title: str
    product_idea: str
    generated_at: datetime
    executive_summary: str
    market_analysis: MarketFindings
    competitive_landscape: CompetitorFindings
    customer_insights: CustomerFindings
    pmf_score: PMFScore
    strategic_recommendations: list[Recommendation]
    citations: list[Citation]
    methodology: Methodology


class NodeUsage(BaseModel):
    """Cost of one node execution (appended by each node; summed into Methodology.cost)."""

    node: str
    seconds: float = 0.0
    tavily_credits: float = 0.0
    tokens: int = 0
    dropped_citations: int = 0


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
