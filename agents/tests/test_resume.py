"""Acceptance 4: a thread that failed inside one agent resumes from PostgreSQL without redoing the others."""

from __future__ import annotations

import time

import pytest
from langgraph.checkpoint.postgres import PostgresSaver
from psycopg import Connection
from psycopg.rows import dict_row

from agents.config import AgentConfig
from agents.runner import ensure_checkpoint_tables, run_research
from agents.state import Report
from agents.tests.helpers import KEYS, MEAL_IDEA, CountingSearch, Recorder, budget, local_search
from infra.db import postgres_conninfo

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.integration]


def finished_agents(thread_id: str) -> set[str]:
    """Agents whose findings are already saved as pending writes of the thread's latest checkpoint."""
    with Connection.connect(
        postgres_conninfo(), autocommit=True, prepare_threshold=0, row_factory=dict_row
    ) as conn:
        saved = PostgresSaver(conn).get_tuple({"configurable": {"thread_id": thread_id}})
    return (
        {channel for _, channel, _ in (saved.pending_writes or [])} & {"market", "customer"}
        if saved
        else set()
    )


def wait_for_others(thread_id: str) -> None:
    """Block the failing agent until the two other agents' results are durable (so the test is exact)."""
    deadline = time.monotonic() + 60
    while finished_agents(thread_id) != {"market", "customer"}:
        assert time.monotonic() < deadline, "market and customer agents never finished"
        time.sleep(0.05)


def run(thread_id: str, search: CountingSearch, recorder: Recorder, delivered: list[Report]) -> None:
    run_research(
        thread_id=thread_id,
        product_idea=MEAL_IDEA,
        budget=budget("standard"),
        on_checkpoint=recorder,
        should_cancel=lambda: False,
        deliver=delivered.append,
        config=AgentConfig(search=search, cache_dir=None),
    )


def test_resume_skips_finished_agents_and_their_provider_calls() -> None:
    # given a competitor agent that crashes on the first attempt, after the other agents have finished
    thread_id = "resume-competitor-crash"
    ensure_checkpoint_tables(postgres_conninfo())
    crashes = []

    def crash_competitor_once(operation: str, query: str) -> bool:
        if operation == "search" and "competitors" in query and not crashes:
            wait_for_others(thread_id)
            crashes.append(query)
            return True
        return False

    first_search = CountingSearch(local_search(), fail_when=crash_competitor_once)
    first, delivered = Recorder(), []
    with pytest.raises(RuntimeError, match="injected failure in search"):
        run(thread_id, first_search, first, delivered)
    assert delivered == []
    assert "report_generation_started" not in first.keys

    # when the same thread is invoked again
    second_search, second = CountingSearch(local_search()), Recorder()
    run(thread_id, second_search, second, delivered)

    # then only the competitor agent ran again: one search and one extract, none for market or customer
    assert [operation for operation, _ in second_search.calls] == ["search", "extract"]
    assert "competitors" in second_search.calls[0][1]
    assert second.keys[:4] == [
        "competitor_search_started",
        "competitor_search_completed",
        "competitor_extraction_completed",
        "competitor_analysis_completed",
    ]
    assert second.keys[4:] == [
        "report_generation_started",
        "report_generation_completed",
        "final_report_delivered",
    ]
    # and across both attempts each checkpoint was reached, the report delivered once and complete
    assert set(first.keys) | set(second.keys) == set(KEYS)
    assert len(delivered) == 1
    report = delivered[0]
    assert report.competitive_landscape.competitors and report.market_analysis.market_size
    assert report.methodology.grounding.verified == report.methodology.grounding.cited


def test_finished_thread_returns_stored_report_without_rerunning() -> None:
    # given a research that completed
    thread_id = "resume-finished"
    delivered: list[Report] = []
    run(thread_id, CountingSearch(local_search()), Recorder(), delivered)

    # when the thread is invoked again
    again_search, again = CountingSearch(local_search()), Recorder()
    run(thread_id, again_search, again, delivered)

    # then no provider was called, the stored report was delivered again and only delivery was reported
    assert again_search.calls == []
    assert again.keys == ["final_report_delivered"]
    assert delivered[1].model_dump() == delivered[0].model_dump()
