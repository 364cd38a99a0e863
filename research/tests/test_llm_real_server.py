"""The LLM analyst against a real OpenAI-compatible server: llama.cpp's ``llama-server`` running
SmolLM2-135M-Instruct (``make llama``), through the API and a real worker, searching the local corpus.

A 135M model is weak on purpose: whatever it writes, the report may only contain claims that pass the
code checks (quote found in the cited source, the claim's numbers and years in its quote); the rest is
dropped and counted in the methodology. What is held, at each depth: the structured-output mode was
detected (json_schema, the server's grammar), every answer parsed (the research reached its end), the
checks ran on each agent's answer and the methodology counts, per node, what they kept and removed,
the ledger is right, and /health names the mode. Not held: that the report is any good.

The three depths run at once on one worker (four threads) against one server whose slots decode them
together, each answer whole (scripts/llama.py's LOCAL_SETTINGS): 5-7 minutes on two idle cores, as the
model's sampled answers run from ~6,000 to ~9,000 tokens in all. ``make test`` runs this module alone,
after the rest: beside Chromium and another pytest worker it took over 20 minutes. Faults a real
server cannot produce on demand live in test_llm_faults.py. Skipped without ``.venv-llama`` unless
PMF_REQUIRE_LLAMA=1 (``make test`` and ``make test-llm`` build the server and set it: then a missing
server fails).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from agents.citations import iter_claims, numbers, quote_found
from agents.config import DEFAULT_CORPUS
from agents.providers.local import LocalCorpusSearchProvider
from agents.state import Methodology, Report
from catalogue.depths import DEPTHS
from conftest import WorkerProcess, private_queue
from credits.selectors import audit_mismatches
from infra.health import STRUCTURED_OUTPUT_KEY
from research import documents
from research.tests.conftest import key_client
from research.tests.test_fault_tolerance import finished, ledger
from scripts.llama import LOCAL_SETTINGS, LlamaNotInstalled, LlamaServer

pytestmark = [pytest.mark.integration, pytest.mark.slow]
# The local model's context is small and it writes slowly: passages capped, strings and lists bounded,
# answers whole and bounded, time generous (scripts/llama.py's LOCAL_SETTINGS, as make eval uses).
# the essential research's limit, 30 x 60 s, leaves room for the longest answers the model samples
LOCAL_MODEL_ENV = {**LOCAL_SETTINGS, "RESEARCH_HARD_LIMIT_FACTOR": "30"}
AGENT_NODES = ("market_agent", "competitor_agent", "customer_agent")


@pytest.fixture(scope="session")
def llama() -> Iterator[LlamaServer]:
    """``llama-server`` with SmolLM2 on a free port, once per session (``make llama`` installs it)."""
    try:
        server = LlamaServer()
    except LlamaNotInstalled as missing:
        if os.environ.get("PMF_REQUIRE_LLAMA") == "1":
            raise
        pytest.skip(str(missing))
    with server:
        yield server


def submit_depth(client: Any, depth: str) -> str:
    """Submit the sample idea at ``depth``; the task id."""
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


def assert_the_checks_are_counted(task: documents.ResearchTask, method: Methodology) -> tuple[int, int]:
    """The methodology says, per node, what the checks kept and removed, and the totals agree; returns
    (claims the agents' model made, claims the checks kept)."""
    checks = {item.node: item for item in method.grounding.model_checks}
    assert list(checks) == [*AGENT_NODES, "report_writer"], method.grounding
    for item in checks.values():
        assert 0 <= item.kept <= item.claims and item.other_removed >= 0, item
    removed = sum(item.claims - item.kept + item.other_removed for item in checks.values())
    assert method.grounding.model_dropped == removed
    made = sum(checks[node].claims for node in AGENT_NODES)
    kept = sum(checks[node].kept for node in AGENT_NODES)
    assert made + method.grounding.model_dropped > 0  # the model said something, checked or not
    if task.status == "insufficient_evidence":  # no report writer ran
        assert (checks["report_writer"].claims, checks["report_writer"].other_removed) == (0, 0)
    else:  # the report holds at most the claims the checks kept
        assert method.grounding.claims <= kept
    return made, kept


@pytest.mark.timeout(2100)
def test_a_research_at_each_depth_against_the_local_model_completes_and_the_report_cannot_lie(
    transactional_db: None, request: pytest.FixtureRequest, llama: LlamaServer, alice: Any, mongo_db: Any,
    client: Client, settings: Any,
) -> None:  # fmt: skip
    # given a worker whose LLM analyst talks to llama-server (search: the local corpus), no mode detected yet
    cache.delete(STRUCTURED_OUTPUT_KEY)
    worker = WorkerProcess(private_queue(request), **llama.env(), **LOCAL_MODEL_ENV)
    try:
        # when an essential, a standard and a deep research are submitted at once through the API
        api = key_client(alice)
        submitted = {depth: submit_depth(api, depth) for depth in DEPTHS}
        tasks = {depth: finished(task_id, timeout=2000) for depth, task_id in submitted.items()}
    finally:
        worker.stop()
    log = worker.log()
    measured = []
    for depth, task in tasks.items():
        # then each reached a report, charged its depth once (the weak model may leave nothing
        # relevant: refunded)
        assert task.status in ("completed", "insufficient_evidence"), (depth, task.error, log[-3000:])
        credits = DEPTHS[depth].credits
        charge = [("research_charge", -credits)]
        assert ledger(task) == (charge if task.status == "completed" else [*charge, ("refund", credits)])
        report = Report.model_validate(task.report)
        method = report.methodology
        # with its own depth's budget of searched sources
        assert method.depth == depth and 0 < method.sources_count <= DEPTHS[depth].urls_total
        # and the mode was detected on the real server: its json_schema grammar constrained every answer
        assert method.providers.llm == "openai" and method.structured_output == "json_schema"
        # and every answer parsed: the supervisor and the three agents spent the real server's tokens
        for node in ("supervisor", *AGENT_NODES):
            assert method.cost.tokens[node] > 0, (depth, method.cost.tokens)
        # and the checks ran on each agent's answer; the methodology counts what they kept and removed
        made, kept = assert_the_checks_are_counted(task, method)
        # and every claim left in the report passes the checks
        assert_every_claim_passes_the_checks(report)
        assert method.grounding.quote_not_found == method.grounding.values_mismatch == 0
        assert task.started_at and task.completed_at
        seconds = (task.completed_at - task.started_at).total_seconds()
        measured.append(
            f"{depth} {task.status} in {seconds:.0f}s: {made} model claims, {made - kept} dropped; "
            f"queries replaced {method.queries_replaced}; {method.grounding}; seconds {method.cost.seconds}"
        )
    assert audit_mismatches() == []
    # and /health names the mode the worker detected
    settings.OPENAI_API_KEY, settings.OPENAI_BASE_URL = llama.api_key, llama.base_url
    settings.OPENAI_STRUCTURED_OUTPUT, settings.HEALTH_REQUIRED = "auto", ["postgres"]
    health = client.get("/health").json()["checks"]["llm_provider"]["message"]
    assert health.endswith("structured output: auto, last run json_schema"), health
    cache.delete(STRUCTURED_OUTPUT_KEY)
    print("\n".join(measured))
