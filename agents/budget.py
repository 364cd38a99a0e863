"""The search budget the graph receives for one research (the depth catalogue lives outside ``agents``).

The caller (``agents.runner`` for the product, tests and the CLI directly) builds it from the depth
catalogue with :meth:`SearchBudget.of`, so the graph never imports prices and money code never imports
the graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class BudgetSource(Protocol):
    """Anything that names a depth and its Tavily parameters (``catalogue.depths.Depth`` does)."""

    @property
    def name(self) -> str: ...
    @property
    def search_depth(self) -> str: ...
    @property
    def extract_depth(self) -> str: ...
    @property
    def urls_per_agent(self) -> int: ...
    @property
    def max_results(self) -> int: ...
    @property
    def passage_tokens(self) -> int: ...


@dataclass(frozen=True)
class SearchBudget:
    """What one research may spend on search: one search and one extract call per agent."""

    depth: str  # the depth's name, recorded in the report's methodology
    search_depth: str  # Tavily search_depth: basic | advanced
    extract_depth: str  # Tavily extract_depth: basic | advanced
    urls_per_agent: int  # URLs extracted per agent (one extract call per agent)
    max_results: int  # max results per search call
    passage_tokens: int  # tokens of page passages one agent may hand its analyst (summed over pages)

    @property
    def urls_total(self) -> int:
        """URLs extracted across the three agents."""
        return self.urls_per_agent * 3

    @classmethod
    def of(cls, depth: BudgetSource) -> SearchBudget:
        """The budget of a catalogue depth."""
        return cls(
            depth=depth.name,
            search_depth=depth.search_depth,
            extract_depth=depth.extract_depth,
            urls_per_agent=depth.urls_per_agent,
            max_results=depth.max_results,
            passage_tokens=depth.passage_tokens,
        )
