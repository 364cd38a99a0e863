"""``make eval``: research each labelled corpus offline, grade the reports, print a table, write JSON.

    .venv/bin/python -m eval.run [--depth essential,deep] [--corpus NAME ...] [--strict] [--output PATH]

Runs the extractive analyst always and the LLM analyst too when ``OPENAI_API_KEY`` is set (any
OpenAI-compatible server through ``OPENAI_BASE_URL``; models from the usual ``OPENAI_MODEL*`` keys).
Search is always the local corpus of the graded folder, with no source cache and no network. Exit code
0 unless the harness breaks; ``--strict`` exits 1 when an acceptance threshold of issue 11 is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from agents.budget import SearchBudget  # noqa: E402
from agents.config import DEFAULT_CORPUS, AgentConfig  # noqa: E402
from agents.errors import ResearchFailed  # noqa: E402
from agents.run import run_in_memory  # noqa: E402
from catalogue.depths import resolve_depth  # noqa: E402
from eval.expectations import Expected, corpus_dirs, load  # noqa: E402
from eval.grade import grade_report  # noqa: E402
from eval.matching import matches  # noqa: E402
from eval.sections import section_items  # noqa: E402
from eval.table import render  # noqa: E402

RESULTS = ROOT / "eval" / "results"
SAMPLE_BASELINE = ROOT / "eval" / "sample_baseline.json"
DEPTHS = ("essential", "standard", "deep")
THRESHOLDS = {"recall": 0.85, "trap_hits": 0, "contradictions": 2 / 3, "gap": 10}
FIGURE_TOKEN = re.compile(r"[$€£]?\d[\d.,]*(?:\s?(?:%|billion|million))?")


def analysts(environ: Mapping[str, str]) -> list[str]:
    """The analysts to grade: extractive always, the LLM one when an endpoint is configured."""
    return ["extractive", "llm"] if environ.get("OPENAI_API_KEY") else ["extractive"]


def agent_config(corpus: Path, analyst: str, environ: Mapping[str, str]) -> AgentConfig:
    """Local search over ``corpus`` only (no cache, never Tavily); the LLM from the environment if asked."""
    if analyst == "extractive":
        return AgentConfig(search_provider="local", corpus_dir=corpus, cache_dir=None)
    values = {**environ, "SEARCH_PROVIDER": "local", "CORPUS_DIR": str(corpus), "SOURCE_CACHE_DIR": ""}
    return AgentConfig.from_mapping(values)


def research(idea: str, depth: str, config: AgentConfig) -> tuple[dict[str, Any], float]:
    """One in-memory research; the report as JSON and its wall time.

    A research that fails (e.g. the LLM endpoint is down) is recorded as an empty report with its
    ``error``: it grades as nothing found, and the rest of the eval still runs.
    """
    started = time.monotonic()
    try:
        outcome = run_in_memory(
            product_idea=idea,
            budget=SearchBudget.of(resolve_depth(depth)),
            thread_id=uuid.uuid4().hex,
            config=config,
        )
        report = outcome.report.model_dump(mode="json")
    except ResearchFailed as error:
        report = {"error": str(error) or type(error).__name__}
    return report, round(time.monotonic() - started, 2)


def _run_facts(report: dict[str, Any]) -> dict[str, Any]:
    """What a graded run records besides its grade: providers used, or the error that stopped it."""
    if "error" in report:
        return {"error": report["error"]}
    methodology = report.get("methodology") or {}
    return {
        "providers": methodology.get("providers"),
        "claims": (methodology.get("grounding") or {}).get("claims"),
    }


def grade_corpus(
    corpus: Path, expected: Expected, analyst: str, depths: list[str], environ: Mapping[str, str]
) -> dict[str, Any]:
    """Every depth of one corpus and analyst, plus the corpus's uncovered ideas at each depth."""
    config = agent_config(corpus, analyst, environ)
    runs: dict[str, Any] = {}
    for depth in depths:
        report, seconds = research(expected.idea, depth, config)
        runs[depth] = {"seconds": seconds, **_run_facts(report), **grade_report(report, expected)}
    uncovered = []
    for idea in expected.uncovered:
        for depth in depths:
            report, seconds = research(idea, depth, config)
            uncovered.append(
                {
                    "idea": idea,
                    "depth": depth,
                    "outcome": report.get("outcome") or "report",
                    "pmf_score": (report.get("pmf_score") or {}).get("total"),
                    "seconds": seconds,
                    **_run_facts(report),
                }
            )
    scores = {depth: run["pmf_score"] for depth, run in runs.items()}
    gap = None
    if scores.get("essential") is not None and scores.get("deep") is not None:
        gap = abs(scores["deep"] - scores["essential"])
    return {
        "corpus": expected.name,
        "domain": expected.domain,
        "analyst": analyst,
        "depths": runs,
        "essential_deep_gap": gap,
        "uncovered": uncovered,
    }


def figure_groups(literal: str) -> list[str]:
    """``"$2.8 billion in 2024"`` → ``["$2.8 billion", "2024"]``: the numbers a figure must show."""
    return [token.strip() for token in FIGURE_TOKEN.findall(literal)] or [literal]


def sample_check(analyst: str, depths: list[str], environ: Mapping[str, str]) -> list[dict[str, Any]]:
    """The sample corpus's ideas.json expectations: competitors and market figures found per depth."""
    ideas = json.loads((DEFAULT_CORPUS / "ideas.json").read_text())
    config = agent_config(DEFAULT_CORPUS, analyst, environ)
    rows = []
    for idea in ideas:
        for depth in depths:
            report, seconds = research(idea["product_idea"], depth, config)
            items = section_items(report)
            names = [item.text for item in items["competitor_names"]]
            figures = [item.text for item in (*items["market_size"], *items["growth"])]
            competitors = [
                n
                for n in idea["expected_competitors"]
                if any(matches(t, [n], normalised=True) for t in names)
            ]
            found = [
                f
                for f in idea["market_figures"]
                if any(matches(t, figure_groups(f), normalised=True) for t in figures)
            ]
            rows.append(
                {
                    "slug": idea["slug"],
                    "analyst": analyst,
                    "depth": depth,
                    "competitors_found": competitors,
                    "competitors_expected": len(idea["expected_competitors"]),
                    "figures_found": found,
                    "figures_expected": len(idea["market_figures"]),
                    "pmf_score": (report.get("pmf_score") or {}).get("total"),
                    "seconds": seconds,
                }
            )
    return rows


def acceptance(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Issue 11's thresholds, one line per corpus and analyst (the deep run unless stated)."""
    baseline = json.loads(SAMPLE_BASELINE.read_text()) if SAMPLE_BASELINE.exists() else {}
    checks = []
    for entry in results["corpora"]:
        label = f"{entry['corpus']} / {entry['analyst']}"
        deep = entry["depths"].get("deep")
        if deep:
            ratio = len(deep["contradictions_surfaced"]) / max(deep["contradictions_total"], 1)
            checks += [
                {
                    "check": f"{label}: recall at deep >= 85%",
                    "ok": deep["recall"] >= THRESHOLDS["recall"],
                    "value": deep["recall"],
                },
                {
                    "check": f"{label}: trap hits at deep == 0",
                    "ok": not deep["trap_hits"],
                    "value": len(deep["trap_hits"]),
                },
                {
                    "check": f"{label}: contradictions at deep >= 2/3",
                    "ok": ratio >= THRESHOLDS["contradictions"] - 1e-9,
                    "value": f"{len(deep['contradictions_surfaced'])}/{deep['contradictions_total']}",
                },
            ]
        for depth, run in entry["depths"].items():
            checks.append(
                {
                    "check": f"{label}: score in band at {depth}",
                    "ok": run["in_band"],
                    "value": f"{run['pmf_score']} in {run['pmf_band']}",
                }
            )
        if entry["essential_deep_gap"] is not None:
            checks.append(
                {
                    "check": f"{label}: essential vs deep within 10",
                    "ok": entry["essential_deep_gap"] <= THRESHOLDS["gap"],
                    "value": entry["essential_deep_gap"],
                }
            )
        bad = [u for u in entry["uncovered"] if u["outcome"] != "insufficient_evidence"]
        checks.append(
            {
                "check": f"{label}: uncovered ideas end insufficient_evidence",
                "ok": not bad,
                "value": f"{len(entry['uncovered']) - len(bad)}/{len(entry['uncovered'])}",
            }
        )
    for row in results.get("sample", []):
        before = baseline.get(f"{row['slug']}/{row['depth']}")
        if before is None:
            continue
        now = (len(row["competitors_found"]), len(row["figures_found"]))
        ok = now[0] >= before["competitors"] and now[1] >= before["figures"]
        checks.append(
            {
                "check": f"sample {row['slug']} / {row['analyst']} / {row['depth']}: as complete as before",
                "ok": ok,
                "value": f"competitors {now[0]} (was {before['competitors']}), "
                f"figures {now[1]} (was {before['figures']})",
            }
        )
    return checks


def write_sample_baseline(results: dict[str, Any]) -> None:
    """Record the extractive analyst's sample-corpus counts: later runs must find at least as much."""
    rows = [row for row in results["sample"] if row["analyst"] == "extractive"]
    baseline = {
        "commit": results["commit"],
        "recorded_at": results["generated_at"],
        **{
            f"{row['slug']}/{row['depth']}": {
                "competitors": len(row["competitors_found"]),
                "figures": len(row["figures_found"]),
            }
            for row in rows
        },
    }
    SAMPLE_BASELINE.write_text(json.dumps(baseline, indent=2) + "\n")


def git_commit() -> str:
    """The commit graded (empty outside a git checkout)."""
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def evaluate(
    corpora: list[Path], depths: list[str], environ: Mapping[str, str], *, sample: bool = True
) -> dict[str, Any]:
    """Grade every corpus with every configured analyst; the whole result document."""
    started = time.monotonic()
    results: dict[str, Any] = {
        "generated_at": datetime.now(UTC).isoformat(),
        "commit": git_commit(),
        "python": platform.python_version(),
        "analysts": analysts(environ),
        "depths": depths,
        "thresholds": THRESHOLDS,
        "corpora": [],
        "sample": [],
    }
    for analyst in results["analysts"]:
        for corpus in corpora:
            results["corpora"].append(grade_corpus(corpus, load(corpus), analyst, depths, environ))
        if sample:
            results["sample"] += sample_check(
                analyst, [d for d in depths if d in ("essential", "deep")], environ
            )
    results["acceptance"] = acceptance(results)
    results["seconds"] = round(time.monotonic() - started, 1)
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the eval; exit 0 (a measurement) unless ``--strict`` and a threshold is missed."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--depth", default=",".join(DEPTHS), help="comma-separated depths (default: all three)"
    )
    parser.add_argument(
        "--corpus", action="append", default=[], help="corpus name (repeatable; default: all)"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when an acceptance threshold is missed")
    parser.add_argument("--no-sample", action="store_true", help="skip the sample-corpus check")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    parser.add_argument(
        "--write-sample-baseline",
        action="store_true",
        help=f"record this run's sample-corpus counts as the baseline ({SAMPLE_BASELINE.name})",
    )
    args = parser.parse_args(argv)
    depths = [depth.strip() for depth in args.depth.split(",") if depth.strip()]
    unknown = [depth for depth in depths if depth not in DEPTHS]
    if unknown:
        parser.error(f"unknown depth(s) {unknown}; choose from {', '.join(DEPTHS)}")
    corpora = corpus_dirs()
    if args.corpus:
        missing = sorted(set(args.corpus) - {path.name for path in corpora})
        if missing:
            parser.error(f"unknown corpus {missing}; known: {', '.join(path.name for path in corpora)}")
        corpora = [path for path in corpora if path.name in args.corpus]
    results = evaluate(corpora, depths, os.environ, sample=not args.no_sample)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(render(results))
    print(f"\nwritten: {args.output}")
    if args.write_sample_baseline:
        write_sample_baseline(results)
        print(f"written: {SAMPLE_BASELINE}")
    return exit_code(results, strict=args.strict)


def exit_code(results: dict[str, Any], *, strict: bool) -> int:
    """0 for a measurement; 1 only under ``--strict`` when an acceptance check was missed."""
    return 1 if strict and any(not check["ok"] for check in results["acceptance"]) else 0


if __name__ == "__main__":
    sys.exit(main())
