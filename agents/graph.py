"""The research graph: supervisor -> market, competitor, customer (in parallel) -> report writer."""

from __future__ import annotations

from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph

from agents.context import RunContext
from agents.nodes.report_writer import report_writer
from agents.nodes.research_agent import research_agent
from agents.nodes.supervisor import supervisor
from agents.state import AGENTS, ResearchState

AGENT_NODES = tuple(f"{agent}_agent" for agent in AGENTS)


def build_graph(checkpointer: BaseCheckpointSaver[Any] | None = None) -> Any:
    """The compiled research graph, persisting its state through ``checkpointer``."""
    builder = StateGraph(ResearchState, context_schema=RunContext)
    builder.add_node("supervisor", supervisor)
    for agent, node in zip(AGENTS, AGENT_NODES, strict=True):
        builder.add_node(node, research_agent(agent))
    builder.add_node("report_writer", report_writer)
    builder.add_edge(START, "supervisor")
    for node in AGENT_NODES:
        builder.add_edge("supervisor", node)
    builder.add_edge(list(AGENT_NODES), "report_writer")
    builder.add_edge("report_writer", END)
    return builder.compile(checkpointer=checkpointer)
