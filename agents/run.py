"""Run one research on the graph with any checkpointer (Django-free: unit tests and the CLI use it)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer

from agents.budget import SearchBudget
from agents.checkpoints import CheckpointEvent
from agents.citations import merge_sources
from agents.config import AgentConfig
from agents.context import CheckpointEmitter, RunContext
from agents.errors import ResearchFailed
from agents.graph import build_graph
from agents.nodes.report_writer import ordered_sources
from agents.providers.base import ProviderError
from agents.state import Cost, Report, Source, persisted_types


@dataclass(frozen=True)
class ResearchOutcome:
    """A finished research: the report, what it cost, and how this call got it."""

    report: Report
    cost: Cost
    seconds: float  # wall time of this call
    resumed: bool = False  # continued a thread that had stopped part-way
    reused: bool = False  # the thread had already finished; nothing was re-run
    sources: list[Source] = field(default_factory=list)  # every retrieved source, numbered as in the report


def _ignore(_: CheckpointEvent) -> None:
    return None


def run_graph(
    *,
    thread_id: str,
    product_idea: str,
    budget: SearchBudget,
    checkpointer: BaseCheckpointSaver[Any],
    on_checkpoint: Callable[[CheckpointEvent], None] = _ignore,
    should_cancel: Callable[[], bool] = lambda: False,
    deliver: Callable[[Report], None] = lambda report: None,
    config: AgentConfig | None = None,
) -> ResearchOutcome:
    """Run (or resume, or reuse) the research of ``thread_id``; deliver the report, then checkpoint 17."""
    started = time.monotonic()
    graph = build_graph(checkpointer)
    thread = {"configurable": {"thread_id": thread_id}}
    snapshot = graph.get_state(thread)
    finished = bool(snapshot.values.get("report")) and not snapshot.next
    resumed = bool(snapshot.next)
    emitter = CheckpointEmitter(on_checkpoint, should_cancel)
    if finished:
        values = snapshot.values
    else:
        context = run_context(config or AgentConfig(), budget, emitter)
        graph_input = None if resumed else {"product_idea": product_idea, "depth": budget.depth}
        try:
            values = graph.invoke(graph_input, thread, context=context, durability="sync")
        except ProviderError as error:
            raise ResearchFailed(str(error)) from error
    report: Report = values["report"]
    deliver(report)
    emitter.emit_final("final_report_delivered")
    sources, _ = merge_sources(ordered_sources(values.get("sources", [])))
    seconds = round(time.monotonic() - started, 3)
    return ResearchOutcome(report, report.methodology.cost, seconds, resumed, finished, sources)


def stored_sources(thread_id: str, checkpointer: BaseCheckpointSaver[Any]) -> list[Source]:
    """The sources a finished thread retrieved, with their stored text, numbered as in its report."""
    values = build_graph(checkpointer).get_state({"configurable": {"thread_id": thread_id}}).values
    return merge_sources(ordered_sources(values.get("sources", [])))[0]


def run_context(config: AgentConfig, budget: SearchBudget, emitter: CheckpointEmitter) -> RunContext:
    """The providers and callbacks the nodes use for one run."""
    search = config.build_search()
    analyst = config.build_analyst()
    if hasattr(analyst, "with_passage_tokens"):  # the LLM analyst reads passages within the depth's budget
        cap = config.passage_tokens or budget.passage_tokens
        analyst = analyst.with_passage_tokens(min(budget.passage_tokens, cap))
    return RunContext(
        search=search,
        analyst=analyst,
        budget=budget,
        checkpoints=emitter,
        llm_name=config.llm_name(),
        source_cache=config.source_cache(search),
    )


def checkpoint_serializer() -> JsonPlusSerializer:
    """The checkpoint serializer, allowed to revive exactly this package's state schemas."""
    return JsonPlusSerializer(allowed_msgpack_modules=persisted_types())


def run_in_memory(
    *, product_idea: str, budget: SearchBudget, thread_id: str = "local", **callbacks: Any
) -> ResearchOutcome:
    """One research with an in-memory checkpointer (tests, the CLI)."""
    return run_graph(
        thread_id=thread_id,
        product_idea=product_idea,
        budget=budget,
        checkpointer=InMemorySaver(serde=checkpoint_serializer()),
        **callbacks,
    )
