"""Research depths: the one table every part of the product reads (costs, Tavily parameters, limits).

Django-free and graph-free: the credits ledger prices researches from it, the API and admin list it,
and ``agents.budget.SearchBudget.of`` turns a depth into the budget the graph receives.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Depth:
    """One research depth, exactly as the product specification defines it."""

    name: str
    label: str
    credits: int
    target_seconds: int
    search_depth: str  # Tavily search_depth: basic | advanced
    extract_depth: str  # Tavily extract_depth: basic | advanced
    urls_per_agent: int  # URLs extracted per agent (one extract call per agent)
    max_results: int  # max results per search call
    passage_tokens: int  # tokens of page passages one agent may hand its analyst (summed over its pages)
    search_calls: int = 3  # one per agent: market, competitor, customer
    extract_calls: int = 3

    @property
    def urls_total(self) -> int:
        """URLs extracted across the three agents."""
        return self.urls_per_agent * 3


DEPTHS: dict[str, Depth] = {
    "essential": Depth("essential", "Essential", 6, 60, "basic", "basic", 5, 20, 3000),
    "standard": Depth("standard", "Standard", 12, 120, "advanced", "advanced", 5, 20, 4500),
    "deep": Depth("deep", "Deep", 18, 180, "advanced", "advanced", 10, 20, 8000),
}

# The seed's request schema named depths basic / standard / comprehensive.
ALIASES: dict[str, str] = {"basic": "essential", "comprehensive": "deep"}


class UnknownDepth(ValueError):
    """A depth name that is neither a depth nor an alias."""


def resolve_depth(name: str) -> Depth:
    """The depth for a name or alias (case-insensitive); raises UnknownDepth."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    try:
        return DEPTHS[key]
    except KeyError:
        choices = ", ".join([*DEPTHS, *ALIASES])
        raise UnknownDepth(f"Unknown research depth {name!r}; choose one of: {choices}.") from None
