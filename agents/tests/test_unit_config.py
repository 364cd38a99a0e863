"""Provider selection from configuration, and the cache online runs leave for offline ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.analysts.extractive import ExtractiveAnalyst
from agents.analysts.llm import LLMAnalyst
from agents.config import AgentConfig
from agents.providers.local import LocalCorpusSearchProvider
from agents.run import run_in_memory
from agents.runner import agent_config
from agents.tests.helpers import MEAL_IDEA, CountingSearch, budget, local_search


def test_no_keys_means_local_search_and_extractive_analysis(tmp_path: Path) -> None:
    config = AgentConfig.from_mapping({"CORPUS_DIR": str(tmp_path), "SOURCE_CACHE_DIR": str(tmp_path / "c")})
    search = config.build_search()
    assert isinstance(search, LocalCorpusSearchProvider)
    assert (search.corpus_dir, search.cache_dir) == (tmp_path, tmp_path / "c")
    assert isinstance(config.build_analyst(), ExtractiveAnalyst)
    assert config.llm_name() == "extractive"
    assert config.source_cache(search) is None


def test_keys_select_the_online_providers_by_module_path() -> None:
    # given keys, base URLs and a per-role model
    config = AgentConfig.from_mapping({
        "TAVILY_API_KEY": "tvly-alice", "TAVILY_API_BASE_URL": "http://127.0.0.1:9",
        "OPENAI_API_KEY": "sk-alice", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
        "OPENAI_MODEL": "gpt-4o-mini", "OPENAI_MODEL_REPORT": "gpt-4o", "PROVIDER_MAX_RETRIES": "5",
    })  # fmt: skip
    # when the providers are built (nothing is called)
    search, analyst = config.build_search(), config.build_analyst()
    # then they are the online implementations, configured from the mapping
    assert type(search).__module__ == "agents.providers.tavily"
    assert (search.base_url, search.max_retries) == ("http://127.0.0.1:9", 5)  # type: ignore[attr-defined]
    assert isinstance(analyst, LLMAnalyst)
    llm = analyst.llm
    assert type(llm).__module__ == "agents.providers.openai_llm"
    assert (llm.model_for("report"), llm.model_for("market")) == ("gpt-4o", "gpt-4o-mini")  # type: ignore[attr-defined]
    assert config.llm_name() == "openai"


@pytest.mark.parametrize(
    ("forced", "module"), [("local", "agents.providers.local"), ("tavily", "agents.providers.tavily")]
)
def test_search_provider_setting_overrides_the_key(forced: str, module: str) -> None:
    key = {"TAVILY_API_KEY": "tvly-alice"} if forced == "local" else {"TAVILY_API_KEY": "tvly-bob"}
    config = AgentConfig.from_mapping({"SEARCH_PROVIDER": forced, **key})
    assert type(config.build_search()).__module__ == module


def test_django_settings_in_tests_select_offline_providers() -> None:
    config = agent_config()
    assert (config.tavily_api_key, config.openai_api_key) == ("", "")
    assert config.build_search().name == "local"


def test_online_sources_are_cached_for_offline_runs(tmp_path: Path) -> None:
    # given an "online" provider (a counting wrapper named tavily) and a cache folder
    online = CountingSearch(local_search(), name="tavily")
    run_in_memory(product_idea=MEAL_IDEA, budget=budget("essential"),
                  config=AgentConfig(search=online, cache_dir=tmp_path / "cache"))  # fmt: skip
    # when an offline provider searches an empty corpus plus that cache
    offline = LocalCorpusSearchProvider(tmp_path / "empty", tmp_path / "cache")
    # then it finds exactly the sources the online run extracted
    assert {document.url for document in offline.documents()} == set(online.extracted_urls)
    assert len(list((tmp_path / "cache").glob("*.json"))) == len(set(online.extracted_urls))
