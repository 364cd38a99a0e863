"""`make eval` harness: corpora are well formed and never leak their answers; the grader works and can fail.

This checks the harness, not the analyst: the thresholds are the eval's job (``make eval --strict``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from agents.providers.documents import load_corpus
from agents.providers.local import LocalCorpusSearchProvider
from eval import run
from eval.expectations import Expected, corpus_dirs, load
from eval.grade import grade_report
from eval.matching import matches, normalise
from eval.sections import SECTIONS
from fakes.openai import COMPLETIONS, FakeOpenAI

CORPORA = corpus_dirs()
SMALL = "law-firm-intake"
DOCUMENT_SUFFIXES = {".md", ".txt", ".html"}


def test_there_are_at_least_four_corpora_in_different_domains() -> None:
    expected = [load(path) for path in CORPORA]
    assert len(expected) >= 4
    assert len({item.domain for item in expected}) == len(expected)
    assert [item.name for item in expected] == [path.name for path in CORPORA]


@pytest.mark.parametrize("corpus", CORPORA, ids=[path.name for path in CORPORA])
def test_each_expected_file_meets_the_issue_minimums(corpus: Path) -> None:
    expected = load(corpus)
    assert expected.problems() == []
    documents = [path for path in corpus.iterdir() if path.suffix in DOCUMENT_SUFFIXES]
    assert 8 <= len(documents) <= 12
    assert {path.suffix for path in documents} == DOCUMENT_SUFFIXES
    # every document says it is fictional before anything else it says
    for document in load_corpus(corpus):
        assert document.url.split("/")[2].endswith(".example")
    for path in documents:
        raw = path.read_text()
        assert "fictional document" in raw[:1200].lower(), path.name
        assert "\nkind:" not in raw.lower() and "\nidea:" not in raw.lower(), path.name


@pytest.mark.parametrize("corpus", CORPORA, ids=[path.name for path in CORPORA])
def test_expected_yaml_is_never_indexed_as_a_source(corpus: Path, tmp_path: Path) -> None:
    # given a corpus folder whose expected.yaml holds a word no document contains
    copy = tmp_path / corpus.name
    shutil.copytree(corpus, copy)
    marker = "zqxjexpectedmarker"
    with (copy / "expected.yaml").open("a") as handle:
        handle.write(f"# {marker}\n")
    # when the corpus loader and the search provider read the folder
    documents = load_corpus(copy)
    hits = LocalCorpusSearchProvider(copy, cache_dir=None).search(
        marker, search_depth="basic", max_results=20
    )
    # then only the documents were indexed, and nothing of expected.yaml can be found
    assert len(documents) == len([p for p in corpus.iterdir() if p.suffix in DOCUMENT_SUFFIXES])
    assert hits.hits == []
    assert not any("pmf_band" in document.text or marker in document.text for document in documents)


@pytest.mark.parametrize("corpus", CORPORA, ids=[path.name for path in CORPORA])
def test_every_fact_trap_and_contradiction_can_be_found_in_the_corpus(corpus: Path) -> None:
    # a fact no document states could never be found; a trap no document holds could never be hit
    expected = load(corpus)
    texts = [normalise(document.text) for document in load_corpus(corpus)]

    def present(tokens: list[str]) -> bool:
        return any(matches(text, tokens, normalised=True) for text in texts)

    missing = [
        fact.id
        for fact in expected.facts
        if "executive_summary" not in fact.sections and not present(fact.tokens)
    ]
    missing += [trap.id for trap in expected.traps if not present(trap.tokens)]
    missing += [
        f"{c.id}/{i}" for c in expected.contradictions for i, side in enumerate(c.sides) if not present(side)
    ]
    assert missing == []
    # and the summary restates the idea itself; any other summary fact (the market size it leads with)
    # is stated by a document
    summary = [fact for fact in expected.facts if fact.sections == ["executive_summary"]]
    assert summary and any(matches(expected.idea, fact.tokens) for fact in summary)
    assert [f.id for f in summary if not matches(expected.idea, f.tokens) and not present(f.tokens)] == []


def _wrong_report(expected: Expected) -> dict[str, Any]:
    """A report that falls for every trap and states none of the facts."""
    claims = [
        {"text": " ".join(t.split("|")[0].rstrip("*") for t in trap.tokens), "source_ids": ["S1"]}
        for trap in expected.traps
    ]
    return {
        "executive_summary": "This report assesses an app.",
        "market_analysis": {"market_size": claims, "growth": claims, "trends": [], "opportunities": claims},
        "competitive_landscape": {
            "competitors": [{"name": claim["text"], "pricing": ""} for claim in claims],
            "gaps": claims,
        },
        "customer_insights": {
            "pain_points": claims,
            "segments": [{"name": claim["text"]} for claim in claims],
            "willingness_to_pay": claims,
            "satisfaction_drivers": claims,
            "recommendations": [],
        },
        "pmf_score": {"total": 99, "verdict": "Strong", "sub_scores": []},
        "strategic_recommendations": [],
    }


def _right_report(expected: Expected) -> dict[str, Any]:
    """A report stating every fact in its section, typing its figures, and surfacing the conflicts."""
    by_section: dict[str, list[dict[str, Any]]] = {name: [] for name in SECTIONS}
    for fact in expected.facts:
        text = " ".join(group.split("|")[0].rstrip("*") for group in fact.tokens)
        by_section[fact.sections[0]].append(
            {"text": text, "timeframe": "forecast", "dated": True, "vendor_claim": True}
        )
    low, high = expected.pmf_band
    return {
        "outcome": "report",
        "executive_summary": " ".join(item["text"] for item in by_section["executive_summary"]),
        "market_analysis": {
            "market_size": by_section["market_size"],
            "growth": by_section["growth"],
            "trends": by_section["trends"],
            "opportunities": by_section["opportunities"],
        },
        "competitive_landscape": {
            "competitors": [{"name": item["text"]} for item in by_section["competitors"]],
            "gaps": by_section["gaps"],
        },
        "customer_insights": {
            "pain_points": by_section["pain_points"],
            "segments": [{"name": item["text"]} for item in by_section["segments"]],
            "willingness_to_pay": by_section["willingness_to_pay"],
            "satisfaction_drivers": by_section["satisfaction_drivers"],
            "recommendations": by_section["recommendations"],
        },
        "conflicts": [
            {"quantity": c.quantity, "sides": [{"value": side[0].split("|")[0]} for side in c.sides]}
            for c in expected.contradictions
        ],
        "pmf_score": {"total": (low + high) // 2, "verdict": "Promising", "sub_scores": []},
        "strategic_recommendations": [],
    }


def test_the_grader_fails_a_wrong_report_and_passes_a_right_one() -> None:
    expected = load(CORPORA[[p.name for p in CORPORA].index(SMALL)])
    # when a report that falls for the traps is graded
    wrong = grade_report(_wrong_report(expected), expected)
    # then it misses facts, hits the traps (listed by id), surfaces no contradiction and scores out of band
    assert wrong["recall"] < 0.5
    assert {hit["id"] for hit in wrong["trap_hits"]} >= {"vendor-claim-as-market-size", "persona-as-segment"}
    assert wrong["contradictions_surfaced"] == [] and wrong["in_band"] is False
    # and a report stating the facts, typed so no trap applies, with the conflicts, gets full marks
    right = grade_report(_right_report(expected), expected)
    assert right["recall"] == 1.0 and right["missed_facts"] == []
    assert right["contradictions_surfaced"] == [c.id for c in expected.contradictions]
    assert right["in_band"] is True
    # but typing does not excuse everything: an untyped vendor claim in the market sizes is a hit
    report = _right_report(expected)
    report["market_analysis"]["market_size"].append(
        {"text": "Legal client intake is a $5 billion opportunity."}
    )
    hits = grade_report(report, expected)["trap_hits"]
    assert [hit["id"] for hit in hits] == ["vendor-claim-as-market-size"]


def test_make_eval_on_one_small_corpus_writes_every_graded_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # given no LLM endpoint (the extractive analyst only)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    output = tmp_path / "latest.json"
    # when the eval runs on one corpus at essential
    code = run.main(["--corpus", SMALL, "--depth", "essential", "--output", str(output)])
    # then it exits 0 (a measurement), prints the table and writes the results
    assert code == 0
    printed = capsys.readouterr().out
    assert SMALL in printed and "Acceptance (issue 11)" in printed
    results = json.loads(output.read_text())
    expected = load(CORPORA[[p.name for p in CORPORA].index(SMALL)])
    [entry] = results["corpora"]
    assert (entry["corpus"], entry["analyst"], list(entry["depths"])) == (SMALL, "extractive", ["essential"])
    graded = entry["depths"]["essential"]
    # every section the expectations name is graded, and the counts add up to every fact
    assert set(graded["sections"]) == {fact.sections[0] for fact in expected.facts}
    assert sum(section["total"] for section in graded["sections"].values()) == len(expected.facts)
    assert graded["facts_found"] + len(graded["missed_facts"]) == len(expected.facts)
    assert graded["contradictions_total"] == len(expected.contradictions)
    assert isinstance(graded["trap_hits"], list) and 0 <= graded["recall"] <= 1
    # every uncovered idea was researched and its outcome recorded; the sample corpus was checked
    assert [u["idea"] for u in entry["uncovered"]] == expected.uncovered
    assert all(u["outcome"] in ("report", "insufficient_evidence") for u in entry["uncovered"])
    assert {row["slug"] for row in results["sample"]} == {
        "ai-meal-planning-families",
        "restaurant-inventory-waste",
        "async-video-standup",
    }
    assert results["acceptance"] and all(isinstance(check["ok"], bool) for check in results["acceptance"])


def test_acceptance_and_strict_exit_follow_the_thresholds() -> None:
    # given graded runs of a wrong and a right report at essential and deep
    expected = load(CORPORA[[p.name for p in CORPORA].index(SMALL)])

    def results(report: dict[str, Any], uncovered_outcome: str) -> dict[str, Any]:
        graded = grade_report(report, expected)
        return {
            "corpora": [
                {
                    "corpus": SMALL,
                    "analyst": "extractive",
                    "depths": {"essential": graded, "deep": graded},
                    "essential_deep_gap": 0,
                    "uncovered": [
                        {"idea": idea, "outcome": uncovered_outcome} for idea in expected.uncovered
                    ],
                }
            ],
            "sample": [],
        }

    wrong = results(_wrong_report(expected), "report")
    right = results(_right_report(expected), "insufficient_evidence")
    wrong["acceptance"], right["acceptance"] = run.acceptance(wrong), run.acceptance(right)
    # then the wrong one misses recall, traps, contradictions, band and uncovered; the right one meets all
    missed = {check["check"].split(": ", 1)[1] for check in wrong["acceptance"] if not check["ok"]}
    assert missed == {
        "recall at deep >= 85%",
        "trap hits at deep == 0",
        "contradictions at deep >= 2/3",
        "score in band at essential",
        "score in band at deep",
        "uncovered ideas end insufficient_evidence",
    }
    assert all(check["ok"] for check in right["acceptance"])
    # and only --strict turns a miss into a failing exit code
    assert (run.exit_code(wrong, strict=True), run.exit_code(wrong, strict=False)) == (1, 0)
    assert run.exit_code(right, strict=True) == 0


def test_the_llm_analyst_is_graded_too_when_an_endpoint_is_configured() -> None:
    # given an OpenAI-compatible endpoint (the local fake) in the environment
    corpus = CORPORA[[p.name for p in CORPORA].index(SMALL)]
    with FakeOpenAI(api_key="sk-eval-key") as llm:
        environ = {
            "OPENAI_API_KEY": "sk-eval-key",
            "OPENAI_BASE_URL": f"{llm.url}/v1",
            "PROVIDER_MAX_RETRIES": "0",
        }
        results = run.evaluate([corpus], ["essential"], environ, sample=False)
        asked = len(llm.requests(COMPLETIONS))
        # and an endpoint failing for good
        llm.script(COMPLETIONS, FakeOpenAI.server_error(500), repeat=10_000)
        failing = run.evaluate([corpus], ["essential"], environ, sample=False)
    # then both analysts ran on local search only, the LLM one through the endpoint
    assert results["analysts"] == ["extractive", "llm"] and asked > 0
    providers = [entry["depths"]["essential"]["providers"] for entry in results["corpora"]]
    assert providers == [{"search": "local", "llm": "extractive"}, {"search": "local", "llm": "openai"}]
    # and a failing endpoint is recorded as an error graded as nothing found, not a crash of the eval
    extractive, broken = (entry["depths"]["essential"] for entry in failing["corpora"])
    assert "error" not in extractive and broken["error"]
    assert (broken["recall"], broken["pmf_score"]) == (0.0, None)
