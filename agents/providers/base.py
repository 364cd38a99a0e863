"""The small interfaces behind which search and language-model providers sit.

Online implementations wrap tavily-python and langchain-openai; offline ones search a local corpus
and analyse without a model. The graph only sees these protocols.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from pydantic import BaseModel


class ProviderError(Exception):
    """A provider call failed for good (after its retries); the message is safe to show users."""

    def __init__(self, message: str, *, provider: str, retryable: bool = False) -> None:
        super().__init__(message)
        self.provider = provider
        self.retryable = retryable


@dataclass(frozen=True)
class SearchHit:
    """One search result."""

    url: str
    title: str
    content: str  # the snippet
    score: float


@dataclass(frozen=True)
class SearchResponse:
    """A search call's results and what it cost (Tavily credits; 0 offline)."""

    query: str
    hits: list[SearchHit]
    credits: float = 0.0
    response_time: float = 0.0


@dataclass(frozen=True)
class ExtractedPage:
    """The full text of one extracted URL."""

    url: str
    raw_content: str
    title: str = ""
    published: str = ""  # ISO date when the provider knows it


@dataclass(frozen=True)
class ExtractResponse:
    """An extract call's pages, the URLs that failed (url, error), and its cost."""

    pages: list[ExtractedPage]
    failed: list[tuple[str, str]] = field(default_factory=list)
    credits: float = 0.0
    response_time: float = 0.0


class SearchProvider(Protocol):
    """Web (or local-corpus) search plus page extraction."""

    name: str

    def search(self, query: str, *, search_depth: str, max_results: int) -> SearchResponse:
        """Search; ``search_depth`` is basic|advanced, ``max_results`` at most 20."""
        ...

    def extract(self, urls: list[str], *, extract_depth: str) -> ExtractResponse:
        """Full text of ``urls`` (at most 20); ``extract_depth`` is basic|advanced."""
        ...


@dataclass(frozen=True)
class TokenUsage:
    """Tokens one model call used."""

    input_tokens: int = 0
    output_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        """Input plus output tokens."""
        return self.input_tokens + self.output_tokens


SchemaT = TypeVar("SchemaT", bound=BaseModel)


@dataclass(frozen=True)
class Structured(Generic[SchemaT]):
    """A validated structured answer and the tokens it took."""

    value: SchemaT
    usage: TokenUsage
    model: str = ""
    mode: str = ""  # the structured-output mode that produced it (json_schema, function_calling, json_object)


class LLMProvider(Protocol):
    """A chat model that answers with a validated instance of a Pydantic schema."""

    name: str

    def structured(self, schema: type[SchemaT], *, system: str, user: str, role: str) -> Structured[SchemaT]:
        """Ask for ``schema``; ``role`` (supervisor, market, competitor, customer, report) picks the model."""
        ...
