"""LLM faults through the API and a real worker, from the fake OpenAI server (deterministic): a cut-off
answer, invalid JSON and a timeout are retried once, or fail the research clearly with a refund; a
server refusing json_schema gets the structured-output fallback, named in the report's methodology.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from agents.state import Report
from conftest import WorkerProcess, private_queue
from credits.selectors import audit_mismatches
from fakes.openai import COMPLETIONS, FakeOpenAI
from research.tests.conftest import key_client
from research.tests.test_fault_tolerance import CHARGED, REFUNDED, finished, ledger, submit
from research.tests.test_llm_real_server import assert_every_claim_passes_the_checks

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture
def fake_llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def fake_env(llm: FakeOpenAI, **extra: str) -> dict[str, str]:
    return {"OPENAI_API_KEY": llm.api_key, "OPENAI_BASE_URL": llm.url + "/v1", "PROVIDER_MAX_RETRIES": "0",
            "PROVIDER_TIMEOUT_SECONDS": "2", **extra}  # fmt: skip


def market(request: Any) -> bool:
    return "a market analyst" in request.body["messages"][0]["content"]


@pytest.mark.parametrize("fault", ["length", "invalid_json", "timeout"])
def test_a_bad_answer_once_is_retried_and_the_research_completes(
    transactional_db: None, request: pytest.FixtureRequest, fake_llm: FakeOpenAI, alice: Any, mongo_db: Any,
    fault: str,
) -> None:  # fmt: skip
    # given the market model answers once cut off, invalid, or past the client's timeout
    bad = FakeOpenAI.timeout(5) if fault == "timeout" else getattr(fake_llm, fault)()
    fake_llm.script(COMPLETIONS, bad, when=market)
    retries = "1" if fault == "timeout" else "0"  # a timeout is the client's to retry
    worker = WorkerProcess(private_queue(request), **fake_env(fake_llm, PROVIDER_MAX_RETRIES=retries))
    try:
        task = finished(submit(key_client(alice)))
    finally:
        worker.stop()
    # then the market call was asked again and the research completed, charged once
    assert (task.status, task.refunded) == ("completed", False), task.error
    market_calls = [r for r in fake_llm.requests(COMPLETIONS) if market(r)]
    assert [r.scripted for r in market_calls].count(True) == 1 and len(market_calls) == 4  # 3 parts + retry
    assert ledger(task) == CHARGED


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("length", "the answer was cut off at the token limit (finish_reason=length)"),
        ("invalid_json", "the answer was not valid JSON for the schema"),
        ("timeout", "no answer within 2s"),
    ],
)
def test_a_model_that_keeps_answering_badly_fails_the_research_clearly_and_refunds_it(
    transactional_db: None, request: pytest.FixtureRequest, fake_llm: FakeOpenAI, alice: Any, mongo_db: Any,
    fault: str, reason: str,
) -> None:  # fmt: skip
    bad = FakeOpenAI.timeout(5) if fault == "timeout" else getattr(fake_llm, fault)()
    fake_llm.script(COMPLETIONS, bad, repeat=100, when=market)
    worker = WorkerProcess(private_queue(request), **fake_env(fake_llm))
    try:
        task = finished(submit(key_client(alice)))
    finally:
        worker.stop()
    assert (task.status, task.refunded) == ("failed", True)
    assert reason in (task.error or ""), task.error
    assert ledger(task) == REFUNDED
    assert audit_mismatches() == []


def test_a_server_refusing_json_schema_gets_the_fallback_and_the_report_says_so(
    transactional_db: None, request: pytest.FixtureRequest, alice: Any, mongo_db: Any
) -> None:
    # given a server without json_schema (as llama-cpp-python's: HTTP 500) nor tool calling
    with FakeOpenAI(refuse=("json_schema", "tools")) as llm:
        worker = WorkerProcess(private_queue(request), **fake_env(llm))
        try:
            task = finished(submit(key_client(alice)))
        finally:
            worker.stop()
        # then json_object was detected once (the refusals, retried by the client, come before it only)
        calls = [
            ((r.body.get("response_format") or {}).get("type", "tools"), r.status) for r in llm.requests()
        ]
    assert (task.status, task.refunded) == ("completed", False), task.error
    first = [kind for kind, _ in calls].index("json_object")
    assert set(calls[:first]) == {("json_schema", 500), ("tools", 400)}
    assert {kind for kind, _ in calls[first:]} == {"json_object"}
    report = Report.model_validate(task.report)
    assert report.methodology.structured_output == "json_object"
    assert_every_claim_passes_the_checks(report)
