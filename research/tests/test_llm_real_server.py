"""The LLM analyst against a real OpenAI-compatible server: llama.cpp's ``llama-server`` running
SmolLM2-135M-Instruct (``make llama``), through the API and a real worker, searching the local corpus.

A 135M model is weak on purpose: whatever it writes, the report may only contain claims that pass the
code checks (quote found in the cited source, the claim's numbers and years in its quote); the rest is
dropped and counted in the methodology. Faults a real server cannot produce on demand live in
test_llm_faults.py. Skipped without ``.venv-llama``; ``make test-llm`` installs the server and requires it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from agents.citations import iter_claims, numbers, quote_found
from agents.config import DEFAULT_CORPUS
from agents.providers.local import LocalCorpusSearchProvider
from agents.state import Report
from conftest import WorkerProcess, private_queue
from credits.selectors import audit_mismatches
from research.tests.conftest import key_client
from research.tests.test_fault_tolerance import finished, ledger
from scripts.llama import LlamaNotInstalled, LlamaServer

pytestmark = [pytest.mark.integration, pytest.mark.slow]
DEPTH_CREDITS = {"essential": 6, "standard": 12, "deep": 18}
# The local model's context is 8,192 tokens per slot: passages capped, answers bounded, time generous.
LOCAL_MODEL_ENV = {
    "OPENAI_PASSAGE_TOKENS": "1200", "OPENAI_MAX_TOKENS": "700", "PROVIDER_TIMEOUT_SECONDS": "300",
    "RESEARCH_HARD_LIMIT_FACTOR": "20",
}  # fmt: skip


@pytest.fixture(scope="module")
def llama() -> Iterator[LlamaServer]:
    """``llama-server`` with SmolLM2 on a free port for this module (``make llama`` installs it)."""
    try:
        server = LlamaServer()
    except LlamaNotInstalled as missing:
        if os.environ.get("PMF_REQUIRE_LLAMA") == "1":
            raise
        pytest.skip(str(missing))
    with server:
        yield server


def submit_depth(client: Any, depth: str) -> str:
    response = client.post(
        "/api/v1/research/submit",
        {"product_idea": "An AI meal planning app for busy families that turns the week's dinners into a "
         "grocery list.", "research_depth": depth},
        format="json",
    )  # fmt: skip
    assert response.status_code == 202, response.content
    return str(response.json()["task_id"])


def assert_every_claim_passes_the_checks(report: Report) -> None:
    """Each claim cites a retrieved source, its quote is in that source, its numbers are in its quote."""
    corpus = LocalCorpusSearchProvider(DEFAULT_CORPUS, cache_dir=None)
    cited = {source.id: source.url for source in report.citations}
    extracted = corpus.extract(list(cited.values()), extract_depth="basic")
    pages = {page.url: page.raw_content for page in extracted.pages}
    for part in (report.market_analysis, report.competitive_landscape, report.customer_insights):
        for claim in iter_claims(part):
            assert claim.source_ids and set(claim.source_ids) <= set(cited), claim
            assert any(quote_found(claim.quote, pages[cited[i]]) for i in claim.source_ids), claim
            stated = (
                numbers(claim.text)
                | numbers(str(getattr(claim, "value", "")))
                | numbers(str(getattr(claim, "year", "")))
            )
            assert stated <= numbers(claim.quote), claim
            assert (claim.quote_found, claim.values_match, claim.verified) == (True, True, True)


@pytest.mark.timeout(1800)
@pytest.mark.parametrize("depth", ["essential", "standard", "deep"])
def test_a_research_at_each_depth_completes_against_the_local_model_and_the_report_cannot_lie(
    transactional_db: None, request: pytest.FixtureRequest, llama: LlamaServer, alice: Any, mongo_db: Any,
    depth: str,
) -> None:  # fmt: skip
    # given a worker whose LLM analyst talks to llama-server (search: the local corpus)
    worker = WorkerProcess(private_queue(request), **llama.env(), **LOCAL_MODEL_ENV)
    try:
        # when a research of this depth runs through the API
        task = finished(submit_depth(key_client(alice), depth), timeout=1500)
    finally:
        worker.stop()
    # then it reached a report, charged once (the weak model may leave nothing relevant: refunded)
    assert task.status in ("completed", "insufficient_evidence"), (task.status, task.error)
    charge = [("research_charge", -DEPTH_CREDITS[depth])]
    assert ledger(task) == (
        charge if task.status == "completed" else [*charge, ("refund", DEPTH_CREDITS[depth])]
    )
    assert audit_mismatches() == []
    report = Report.model_validate(task.report)
    method = report.methodology
    # and the model's answers were constrained by json_schema and came from the local model
    assert method.providers.llm == "openai" and method.structured_output == "json_schema"
    assert all(tokens > 0 for node, tokens in method.cost.tokens.items() if node != "report_writer")
    # and the model said something, and every claim left in the report passes the checks
    assert method.grounding.claims + method.grounding.model_dropped > 0
    assert_every_claim_passes_the_checks(report)
    assert method.grounding.quote_not_found == method.grounding.values_mismatch == 0
    print(f"{depth}: {method.grounding.claims} claims kept, {method.grounding.model_dropped} dropped")
