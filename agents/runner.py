"""The bridge from Django to the research graph: settings -> AgentConfig, PostgreSQL checkpoints.

The only module of ``agents`` that imports Django. The research lifecycle calls :func:`run_research`
from its Celery task; calling it again with the same ``thread_id`` after a crash resumes the thread
from its last PostgreSQL checkpoint, and calling it for a finished thread returns the stored report.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.conf import settings
from langgraph.checkpoint.postgres import PostgresSaver
from psycopg import Connection
from psycopg.rows import dict_row

from agents.budget import SearchBudget
from agents.checkpoints import CheckpointEvent
from agents.config import AgentConfig
from agents.run import ResearchOutcome, checkpoint_serializer, run_graph, stored_sources
from agents.state import Report, Source
from infra.db import postgres_conninfo
from infra.health import STRUCTURED_OUTPUT_KEY

logger = logging.getLogger(__name__)

SETTING_NAMES = (
    "SEARCH_PROVIDER", "TAVILY_API_KEY", "TAVILY_API_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL",
    "OPENAI_MODEL", "OPENAI_MODEL_SUPERVISOR", "OPENAI_MODEL_MARKET", "OPENAI_MODEL_COMPETITOR",
    "OPENAI_MODEL_CUSTOMER", "OPENAI_MODEL_REPORT", "OPENAI_STRUCTURED_OUTPUT", "OPENAI_MAX_TOKENS",
    "OPENAI_PASSAGE_TOKENS", "OPENAI_MAX_STRING_CHARS", "OPENAI_MAX_LIST_ITEMS",
    "OPENAI_WHOLE_ANSWERS",
    "PROVIDER_TIMEOUT_SECONDS", "PROVIDER_MAX_RETRIES", "CORPUS_DIR",
)  # fmt: skip
_setup_lock = threading.Lock()
_set_up: set[str] = set()


def agent_config() -> AgentConfig:
    """The agent configuration from Django settings; sources are kept in MongoDB, shared by every worker."""
    config = AgentConfig.from_mapping(
        {name: getattr(settings, name) for name in SETTING_NAMES if hasattr(settings, name)}
    )
    config.cache_dir = None  # nothing a worker needs lives on its own disk
    if settings.SOURCE_CACHE_ENABLED:
        from research.source_cache import MongoSourceCache

        config.source_store = MongoSourceCache()
    return config


def ensure_checkpoint_tables(conninfo: str) -> None:
    """Create or migrate LangGraph's checkpoint tables once per process and database."""
    with _setup_lock:
        if conninfo in _set_up:
            return
        with Connection.connect(conninfo, autocommit=True, prepare_threshold=0, row_factory=dict_row) as conn:
            PostgresSaver(conn).setup()
        _set_up.add(conninfo)


def run_research(
    *,
    thread_id: str,
    product_idea: str,
    budget: SearchBudget,
    on_checkpoint: Callable[[CheckpointEvent], None],
    should_cancel: Callable[[], bool],
    deliver: Callable[[Report], None],
    config: AgentConfig | None = None,
) -> ResearchOutcome:
    """Run, resume or reuse the research of ``thread_id``; checkpoints persist in PostgreSQL.

    Raises ResearchCancelled when ``should_cancel`` turns True at a checkpoint, ResearchFailed when a
    provider fails for good; any other exception leaves the thread resumable.
    """
    conninfo = postgres_conninfo()
    ensure_checkpoint_tables(conninfo)
    with Connection.connect(conninfo, autocommit=True, prepare_threshold=0, row_factory=dict_row) as conn:
        outcome = run_graph(
            thread_id=thread_id,
            product_idea=product_idea,
            budget=budget,
            checkpointer=PostgresSaver(conn, serde=checkpoint_serializer()),
            on_checkpoint=on_checkpoint,
            should_cancel=should_cancel,
            deliver=deliver,
            config=config or agent_config(),
        )
    remember_structured_output(outcome.report.methodology.structured_output)
    return outcome


def remember_structured_output(mode: str) -> None:
    """Share the structured-output mode the worker detected with the web process's /health."""
    if not mode:
        return
    from django.core.cache import cache

    try:
        cache.set(STRUCTURED_OUTPUT_KEY, mode, timeout=7 * 24 * 3600)
    except Exception:  # a health detail must never fail a research
        logger.warning("could not record the structured output mode", exc_info=True)


def research_sources(thread_id: str) -> list[Source]:
    """The retrieved sources (with their text) of a research, read from its PostgreSQL checkpoint."""
    conninfo = postgres_conninfo()
    ensure_checkpoint_tables(conninfo)
    with Connection.connect(conninfo, autocommit=True, prepare_threshold=0, row_factory=dict_row) as conn:
        return stored_sources(thread_id, PostgresSaver(conn, serde=checkpoint_serializer()))
