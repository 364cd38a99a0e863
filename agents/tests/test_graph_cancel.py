"""Cancellation: checked at every checkpoint; once it answers True nothing further is emitted or delivered."""

from __future__ import annotations

import pytest

from agents.config import AgentConfig
from agents.errors import ResearchCancelled
from agents.run import run_in_memory
from agents.state import Report
from agents.tests.helpers import MEAL_IDEA, CountingSearch, Recorder, budget, local_search


@pytest.mark.parametrize(
    ("last_key", "searches"),
    [("research_plan_created", 0), ("queries_generated", 0), ("report_generation_started", 3)],
)
def test_cancel_raises_at_the_next_checkpoint_and_emits_nothing_after(last_key: str, searches: int) -> None:
    # given a caller that asks to stop once ``last_key`` was reported
    recorder, delivered, search = Recorder(), list[Report](), CountingSearch(local_search())

    # when the research runs
    with pytest.raises(ResearchCancelled) as cancelled:
        run_in_memory(
            product_idea=MEAL_IDEA,
            budget=budget("essential"),
            on_checkpoint=recorder,
            should_cancel=lambda: last_key in recorder.keys,
            deliver=delivered.append,
            config=AgentConfig(search=search, cache_dir=None),
        )

    # then ``last_key`` was the last checkpoint, nothing was delivered, no later provider call was made
    assert recorder.keys[-1] == last_key
    assert recorder.keys.count(last_key) == 1
    assert delivered == []
    assert [operation for operation, _ in search.calls].count("search") == searches
    assert cancelled.value.checkpoint != ""
