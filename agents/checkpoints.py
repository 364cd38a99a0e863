"""The 17 progress checkpoints and their 7 categories (names kept from the original system)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class CheckpointSpec:
    """A checkpoint's place in the research: its number (1-17), key, category and label."""

    number: int
    key: str
    category: str
    label: str


CATEGORIES: tuple[str, ...] = (
    "initialization",
    "query_generation",
    "market_analysis",
    "competitor_analysis",
    "customer_insights",
    "report_generation",
    "completion",
)

_SPECS = [
    ("research_plan_created", "initialization", "Research plan created"),
    ("queries_generated", "query_generation", "Search queries generated"),
    ("market_search_started", "market_analysis", "Market search started"),
    ("market_search_completed", "market_analysis", "Market search completed"),
    ("market_extraction_completed", "market_analysis", "Market sources extracted"),
    ("market_analysis_completed", "market_analysis", "Market analysis completed"),
    ("competitor_search_started", "competitor_analysis", "Competitor search started"),
    ("competitor_search_completed", "competitor_analysis", "Competitor search completed"),
    ("competitor_extraction_completed", "competitor_analysis", "Competitor sources extracted"),
    ("competitor_analysis_completed", "competitor_analysis", "Competitor analysis completed"),
    ("customer_search_started", "customer_insights", "Customer search started"),
    ("customer_search_completed", "customer_insights", "Customer search completed"),
    ("customer_extraction_completed", "customer_insights", "Customer sources extracted"),
    ("customer_analysis_completed", "customer_insights", "Customer analysis completed"),
    ("report_generation_started", "report_generation", "Report generation started"),
    ("report_generation_completed", "report_generation", "Report generation completed"),
    ("final_report_delivered", "completion", "Final report delivered"),
]

CHECKPOINTS: tuple[CheckpointSpec, ...] = tuple(
    CheckpointSpec(number, key, category, label)
    for number, (key, category, label) in enumerate(_SPECS, start=1)
)
BY_KEY: dict[str, CheckpointSpec] = {spec.key: spec for spec in CHECKPOINTS}
TOTAL = len(CHECKPOINTS)
assert TOTAL == 17


@dataclass(frozen=True)
class CheckpointEvent:
    """A checkpoint reached by a running research."""

    key: str
    at: datetime  # timezone-aware
    detail: str = ""

    @property
    def spec(self) -> CheckpointSpec:
        """The checkpoint's definition."""
        return BY_KEY[self.key]


def progress(completed_keys: list[str] | set[str]) -> float:
    """Completed checkpoints / 17, between 0 and 1."""
    return len(set(completed_keys) & BY_KEY.keys()) / TOTAL
