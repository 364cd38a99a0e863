"""The printed summary of an eval run (the same numbers as eval/results/latest.json)."""

from __future__ import annotations

from typing import Any

SECTION_COLUMNS = (
    ("market_size", "size"),
    ("growth", "grow"),
    ("trends", "trnd"),
    ("opportunities", "opp"),
    ("competitors", "comp"),
    ("gaps", "gaps"),
    ("pain_points", "pain"),
    ("segments", "seg"),
    ("willingness_to_pay", "wtp"),
    ("satisfaction_drivers", "sat"),
    ("executive_summary", "summ"),
)


def _pct(value: float) -> str:
    return f"{round(value * 100):d}%"


def _width(results: dict[str, Any]) -> int:
    return max([22, *(len(entry["corpus"]) for entry in results["corpora"])])


def _main_rows(results: dict[str, Any]) -> list[str]:
    width = _width(results)
    header = (
        f"{'corpus':<{width}} {'analyst':<10} {'depth':<9} {'recall':>6} {'traps':>5} {'confl':>5} "
        f"{'score':>5} {'band':>8} {'in':>3}  {'gap':>3}  uncovered→insufficient"
    )
    rows = [header, "-" * len(header)]
    for entry in results["corpora"]:
        uncovered = entry["uncovered"]
        for depth, run in entry["depths"].items():
            mine = [u for u in uncovered if u["depth"] == depth]
            good = sum(u["outcome"] == "insufficient_evidence" for u in mine)
            gap = (
                entry["essential_deep_gap"]
                if depth == "deep" and entry["essential_deep_gap"] is not None
                else ""
            )
            score = "-" if run["pmf_score"] is None else run["pmf_score"]
            band = f"{run['pmf_band'][0]}-{run['pmf_band'][1]}"
            contradictions = f"{len(run['contradictions_surfaced'])}/{run['contradictions_total']}"
            rows.append(
                f"{entry['corpus']:<{width}} {entry['analyst']:<10} {depth:<9} {_pct(run['recall']):>6} "
                f"{len(run['trap_hits']):>5} {contradictions:>5} {score!s:>5} {band:>8} "
                f"{'yes' if run['in_band'] else 'no':>3}  {gap!s:>3}  {good}/{len(mine)}"
                + (f"  ERROR: {run['error'][:60]}" if run.get("error") else "")
            )
    return rows


def _section_rows(results: dict[str, Any]) -> list[str]:
    width = _width(results)
    header = f"{'corpus':<{width}} {'analyst':<10} {'depth':<9} " + " ".join(
        f"{short:>5}" for _, short in SECTION_COLUMNS
    )
    rows = ["", "Recall per section (found/total)", header, "-" * len(header)]
    for entry in results["corpora"]:
        for depth, run in entry["depths"].items():
            cells = []
            for section, _ in SECTION_COLUMNS:
                data = run["sections"].get(section)
                cells.append(f"{data['found']}/{data['total']}" if data else "")
            rows.append(
                f"{entry['corpus']:<{width}} {entry['analyst']:<10} {depth:<9} "
                + " ".join(f"{c:>5}" for c in cells)
            )
    return rows


def _trap_rows(results: dict[str, Any]) -> list[str]:
    rows = ["", "Trap hits (deep; see latest.json for every depth)"]
    any_hit = False
    for entry in results["corpora"]:
        deep = entry["depths"].get("deep") or next(iter(entry["depths"].values()), None)
        if not deep:
            continue
        names = sorted({hit["id"] for hit in deep["trap_hits"]})
        if names:
            any_hit = True
            rows.append(f"  {entry['corpus']} / {entry['analyst']}: {', '.join(names)}")
    if not any_hit:
        rows.append("  none")
    return rows


def _sample_rows(results: dict[str, Any]) -> list[str]:
    if not results.get("sample"):
        return []
    rows = ["", "Sample corpus (agents/corpus/ideas.json): competitors and market figures found"]
    for row in results["sample"]:
        rows.append(
            f"  {row['slug']:<28} {row['analyst']:<10} {row['depth']:<9} competitors "
            f"{len(row['competitors_found'])}/{row['competitors_expected']}  figures "
            f"{len(row['figures_found'])}/{row['figures_expected']}  score {row['pmf_score']}"
        )
    return rows


def render(results: dict[str, Any]) -> str:
    """The whole table: one line per corpus, analyst and depth, then sections, traps, sample, acceptance."""
    lines = [
        f"make eval — commit {results.get('commit') or '?'}, analysts {', '.join(results['analysts'])}, "
        f"{results.get('seconds', 0)} s",
        "",
    ]
    lines += _main_rows(results) + _section_rows(results) + _trap_rows(results) + _sample_rows(results)
    domains = {entry["corpus"]: entry.get("domain", "") for entry in results["corpora"]}
    lines += ["", "Corpora"] + [f"  {name:<28} {domain}" for name, domain in domains.items()]
    missed = [check for check in results.get("acceptance", []) if not check["ok"]]
    total = len(results.get("acceptance", []))
    lines += ["", f"Acceptance (issue 11): {total - len(missed)}/{total} checks met"]
    lines += [f"  MISSED {check['check']}: {check['value']}" for check in missed]
    return "\n".join(lines)
