"""Agent configuration from a plain mapping (settings or environment); picks providers without Django.

Search: Tavily when ``TAVILY_API_KEY`` is set (or ``SEARCH_PROVIDER=tavily``), else the local corpus.
Analysis: the LLM analyst when ``OPENAI_API_KEY`` is set, else the extractive analyst. Tests may pass
provider instances directly (``search=``, ``llm=``), e.g. real clients pointed at local fakes.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agents.analysts.base import Analyst
from agents.providers.base import LLMProvider, SearchProvider
from agents.providers.documents import SourceCache, SourceStore

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "agents" / "corpus"
DEFAULT_CACHE = ROOT / "var" / "source-cache"
ROLES = ("supervisor", "market", "competitor", "customer", "report")
DEFAULT_MODEL = "gpt-4o-mini"
TAVILY_CLASS = "agents.providers.tavily.TavilySearchProvider"
OPENAI_CLASS = "agents.providers.openai_llm.OpenAILLMProvider"


def _int(values: Mapping[str, Any], key: str, default: int) -> int:
    """``values[key]`` as an int; ``default`` only when it is unset or blank (0 stays 0)."""
    value = values.get(key)
    return default if value is None or str(value).strip() == "" else int(value)


def _load(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


@dataclass
class AgentConfig:
    """Which providers a research uses and how to reach them."""

    search_provider: str = ""  # "", "tavily" or "local"; "" = tavily when a key is set
    tavily_api_key: str = ""
    tavily_base_url: str = ""
    openai_api_key: str = ""
    openai_base_url: str = ""
    models: dict[str, str] = field(default_factory=lambda: dict.fromkeys(ROLES, DEFAULT_MODEL))
    timeout_seconds: float = 60.0
    max_retries: int = 3
    structured_output: str = "auto"  # json_schema / function_calling / json_object, or detected
    max_tokens: int = 0  # completion tokens per model call (0: the server's default)
    passage_tokens: int = 0  # cap on the depth's passage budget (small context windows); 0 = none
    max_string_chars: int = 0  # maxLength on every string asked of the model (local servers only); 0 = none
    max_list_items: int = 0  # cap on every list asked of the model (small models); 0 = by depth (2 to 5)
    whole_answers: bool = False  # each analysis in one answer, not parallel parts (CPU-bound local servers)
    corpus_dir: Path = DEFAULT_CORPUS
    cache_dir: Path | None = DEFAULT_CACHE
    source_store: SourceStore | None = None  # a shared store (the runner's MongoDB one) wins over cache_dir
    search: SearchProvider | None = None  # a ready provider instance wins over the settings above
    llm: LLMProvider | None = None
    analyst: Analyst | None = None

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> AgentConfig:
        """Build from settings-like keys (TAVILY_API_KEY, OPENAI_MODEL_MARKET, CORPUS_DIR, ...)."""
        default_model = str(values.get("OPENAI_MODEL") or DEFAULT_MODEL)
        cache = values.get("SOURCE_CACHE_DIR", DEFAULT_CACHE)
        return cls(
            search_provider=str(values.get("SEARCH_PROVIDER") or "").lower(),
            tavily_api_key=str(values.get("TAVILY_API_KEY") or ""),
            tavily_base_url=str(values.get("TAVILY_API_BASE_URL") or ""),
            openai_api_key=str(values.get("OPENAI_API_KEY") or ""),
            openai_base_url=str(values.get("OPENAI_BASE_URL") or ""),
            models={role: str(values.get(f"OPENAI_MODEL_{role.upper()}") or default_model) for role in ROLES},
            timeout_seconds=float(values.get("PROVIDER_TIMEOUT_SECONDS") or 60.0),
            max_retries=_int(values, "PROVIDER_MAX_RETRIES", 3),
            structured_output=str(values.get("OPENAI_STRUCTURED_OUTPUT") or "auto"),
            max_tokens=int(values.get("OPENAI_MAX_TOKENS") or 0),
            passage_tokens=int(values.get("OPENAI_PASSAGE_TOKENS") or 0),
            max_string_chars=_int(values, "OPENAI_MAX_STRING_CHARS", 0),
            max_list_items=_int(values, "OPENAI_MAX_LIST_ITEMS", 0),
            whole_answers=str(values.get("OPENAI_WHOLE_ANSWERS") or "").lower() in ("1", "true", "yes", "on"),
            corpus_dir=Path(values.get("CORPUS_DIR") or DEFAULT_CORPUS),
            cache_dir=Path(cache) if cache else None,
        )

    @property
    def uses_tavily(self) -> bool:
        """Whether search goes to Tavily rather than the local corpus."""
        if self.search_provider:
            return self.search_provider == "tavily"
        return bool(self.tavily_api_key)

    def build_search(self) -> SearchProvider:
        """The configured search provider."""
        if self.search is not None:
            return self.search
        if self.uses_tavily:
            provider = _load(TAVILY_CLASS)
            return provider(  # type: ignore[no-any-return]
                api_key=self.tavily_api_key,
                base_url=self.tavily_base_url,
                timeout=self.timeout_seconds,
                max_retries=self.max_retries,
            )
        from agents.providers.local import LocalCorpusSearchProvider

        return LocalCorpusSearchProvider(self.corpus_dir, self.cache_dir, self.source_store)

    def build_llm(self) -> LLMProvider | None:
        """The configured language model, or None to analyse offline."""
        if self.llm is not None or not self.openai_api_key:
            return self.llm
        provider = _load(OPENAI_CLASS)
        return provider(  # type: ignore[no-any-return]
            api_key=self.openai_api_key,
            base_url=self.openai_base_url,
            models=dict(self.models),
            timeout=self.timeout_seconds,
            max_retries=self.max_retries,
            structured_output=self.structured_output,
            max_tokens=self.max_tokens or None,
        )

    def build_analyst(self) -> Analyst:
        """The LLM analyst when a model is configured, else the extractive analyst."""
        if self.analyst is not None:
            return self.analyst
        llm = self.build_llm()
        if llm is None:
            from agents.analysts.extractive import ExtractiveAnalyst

            return ExtractiveAnalyst()
        from agents.analysts.llm import LLMAnalyst

        return LLMAnalyst(
            llm,
            max_string_chars=self.max_string_chars,
            max_list_items=self.max_list_items,
            whole_answers=self.whole_answers,
        )

    def llm_name(self) -> str:
        """How the report names its analyst: the model provider, or "extractive" offline."""
        if self.analyst is not None:
            return self.analyst.name
        if self.llm is not None:
            return self.llm.name
        return "openai" if self.openai_api_key else "extractive"

    def source_cache(self, search: SearchProvider) -> SourceStore | None:
        """Where online sources are kept for offline reuse (None for local search)."""
        if search.name == "local":
            return None
        if self.source_store is not None:
            return self.source_store
        return SourceCache(self.cache_dir) if self.cache_dir is not None else None
