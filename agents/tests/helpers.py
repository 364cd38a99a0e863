"""Test helpers: the sample ideas, a counting wrapper around the real local provider, event recorders."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from agents.analysts.competitors import analyse_competitors
from agents.analysts.conflicts import count_conflicts
from agents.analysts.extractive_customer import analyse_customers
from agents.analysts.sentences import Sentence
from agents.analysts.vetting import Evidence
from agents.budget import SearchBudget
from agents.checkpoints import CHECKPOINTS, CheckpointEvent
from agents.config import DEFAULT_CORPUS
from agents.providers.base import ExtractResponse, SearchResponse
from agents.providers.local import LocalCorpusSearchProvider
from agents.state import Conflict, CustomerFindings, Source, SourceAssessment, SourceType
from catalogue.depths import resolve_depth

IDEAS = json.loads((DEFAULT_CORPUS / "ideas.json").read_text())
MEAL_IDEA: str = IDEAS[0]["product_idea"]
KEYS = [spec.key for spec in CHECKPOINTS]


def budget(depth: str) -> SearchBudget:
    """The search budget of a catalogue depth, as the product's runner builds it."""
    return SearchBudget.of(resolve_depth(depth))


@dataclass
class CountingSearch:
    """The real local-corpus provider, counting calls per query and failing on demand."""

    inner: LocalCorpusSearchProvider
    fail_when: Callable[[str, str], bool] = lambda operation, query: False
    calls: list[tuple[str, str]] = field(default_factory=list)
    extracted_urls: list[str] = field(default_factory=list)
    name: str = "local"

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def _record(self, operation: str, argument: str) -> None:
        with self._lock:
            self.calls.append((operation, argument))
        if self.fail_when(operation, argument):
            raise RuntimeError(f"injected failure in {operation}")

    def search(self, query: str, *, search_depth: str, max_results: int) -> SearchResponse:
        """Count, maybe fail, then search the real corpus."""
        self._record("search", query)
        return self.inner.search(query, search_depth=search_depth, max_results=max_results)

    def extract(self, urls: list[str], *, extract_depth: str) -> ExtractResponse:
        """Count, maybe fail, then extract from the real corpus."""
        self._record("extract", urls[0] if urls else "")
        response = self.inner.extract(urls, extract_depth=extract_depth)
        with self._lock:
            self.extracted_urls += [page.url for page in response.pages]
        return response

    def is_sample(self, url: str) -> bool:
        """Delegate sample labelling."""
        return self.inner.is_sample(url)


def local_search(corpus: Path = DEFAULT_CORPUS) -> LocalCorpusSearchProvider:
    """The real offline provider over the sample corpus (no source cache)."""
    return LocalCorpusSearchProvider(corpus, cache_dir=None)


@dataclass
class Recorder:
    """Collects checkpoint events (thread-safe: agents emit in parallel)."""

    events: list[CheckpointEvent] = field(default_factory=list)

    def __call__(self, event: CheckpointEvent) -> None:
        self.events.append(event)

    @property
    def keys(self) -> list[str]:
        """The keys in emission order."""
        return [event.key for event in self.events]


def assert_valid_order(keys: list[str]) -> None:
    """Checkpoint order rules: plan, queries, each agent's four steps in order, report, delivery."""
    assert keys[:2] == ["research_plan_created", "queries_generated"]
    assert keys[-3:] == ["report_generation_started", "report_generation_completed", "final_report_delivered"]
    for agent in ("market", "competitor", "customer"):
        steps = [
            f"{agent}_search_started",
            f"{agent}_search_completed",
            f"{agent}_extraction_completed",
            f"{agent}_analysis_completed",
        ]
        assert [key for key in keys if key.startswith(f"{agent}_")] == steps


def markdown_source(source_id: str, content: str) -> Source:
    """A customer agent's source whose title is its Markdown text's first line."""
    return Source(
        id=source_id,
        url=f"https://{source_id.lower()}.example/page",
        title=content.splitlines()[0].lstrip("# "),
        content=content,
        agent="customer",
        retrieved_at=datetime(2026, 5, 1, tzinfo=UTC),
    )


def customer_findings(
    *documents: tuple[str, str, SourceType], focus: set[str], customers: set[str]
) -> CustomerFindings:
    """The extractive customer findings of relevant (source id, Markdown text, source type) documents."""
    sources = [markdown_source(source_id, content) for source_id, content, _ in documents]
    notes = [
        SourceAssessment(source_id=source_id, source_type=kind, relevant=True, relevance=0.8)
        for source_id, _, kind in documents
    ]
    return analyse_customers(
        Evidence(sources=sources, assessments=notes, research_year=2026), focus, customers
    )


def competitor_source(content: str, source_id: str = "C1", *, url: str = "", title: str = "T") -> Source:
    """A competitor agent's source (a review page unless ``url`` says otherwise)."""
    return Source(
        id=source_id,
        url=url or f"https://review-{source_id.lower()}.example/a",
        title=title,
        content=content,
        agent="competitor",
        retrieved_at=datetime.now(UTC),
    )


def analyse_rivals(*sources: Source, types: dict[str, SourceType] | None = None):  # type: ignore[no-untyped-def]
    """The extractive competitor findings of relevant sources (typed "unknown" unless ``types`` says)."""
    types = types or {}
    assessments = [
        SourceAssessment(source_id=s.id, source_type=types.get(s.id, "unknown"), relevance=1, relevant=True)
        for s in sources
    ]
    vendor = {s.id for s in sources if types.get(s.id) == "vendor"}
    return analyse_competitors(Evidence(list(sources), assessments, 2026, vendor=vendor), set())


def sentence_pool(*texts: str) -> list[Sentence]:
    """One sentence per source, S1, S2, … in order: the shortest way to set sources against each other."""
    return [Sentence(text, f"S{index + 1}", 0) for index, text in enumerate(texts)]


def counted_conflicts(
    sentences: list[Sentence],
    vendor: frozenset[str] = frozenset(),
    owners: dict[str, str] | None = None,
    idea: frozenset[str] = frozenset(),
) -> list[Conflict]:
    """The count conflicts between ``sentences``, every one of their sources relevant."""
    usable = frozenset(s.source_id for s in sentences)
    return count_conflicts(sentences, owners or {}, usable, idea, vendor)


def conflict_values(conflict: Conflict) -> set[str]:
    """The values a conflict sets side by side."""
    return {side.value for side in conflict.sides}
