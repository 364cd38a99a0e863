"""The printed summary of a benchmark run, with issue 8's targets beside each figure."""

from __future__ import annotations

from typing import Any

TARGETS = {
    "ratio": 1.15, "concurrent_ratio": 1.5, "offline_seconds": 5.0, "poll_p99_ms": 50.0,
    "search_ms": 100.0, "suggest_ms": 50.0,
}  # fmt: skip


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _research_rows(results: dict[str, Any]) -> list[str]:
    rows = []
    for depth, run in results.get("depths", {}).items():
        ratio = run["ratio"]
        rows.append(
            f"{depth:<10} wall {run['wall_seconds']:6.2f} s  "
            f"critical path {run['critical_path_seconds']:6.2f} s"
            f"  ratio {ratio:.3f}  (target <= {TARGETS['ratio']}: {_mark(ratio <= TARGETS['ratio'])})"
        )
    concurrent = results.get("concurrent")
    if concurrent:
        ratio = concurrent["ratio"]
        rows.append(
            f"{concurrent['researches']} concurrent essentials: {concurrent['total_seconds']:.2f} s vs one "
            f"{concurrent['single_seconds']:.2f} s = {ratio:.2f}x, failures {concurrent['failures']}"
            f"  (target <= {TARGETS['concurrent_ratio']}x, 0: "
            f"{_mark(ratio <= TARGETS['concurrent_ratio'] and not concurrent['failures'])})"
        )
    offline = results.get("offline")
    if offline:
        seconds = offline["wall_seconds"]
        rows.append(
            f"offline essential (sample corpus): {seconds:.2f} s  "
            f"(target <= {TARGETS['offline_seconds']} s: {_mark(seconds <= TARGETS['offline_seconds'])})"
        )
    return rows


def _api_rows(api: dict[str, Any]) -> list[str]:
    poll = api["status_poll"]
    ok = poll["p99_ms"] <= TARGETS["poll_p99_ms"] and not poll["errors"]
    return [
        f"status poll @ {poll['target_rps']} req/s: {poll['rps']} req/s, p50 {poll['p50_ms']} ms, "
        f"p99 {poll['p99_ms']} ms, errors {poll['errors']}  "
        f"(target p99 <= {TARGETS['poll_p99_ms']} ms: {_mark(ok)})",
        f"  one at a time: {poll['sequential_p50_ms']} ms, of which the store {poll['store_ms']} ms "
        f"(Redis snapshot; MongoDB alone {poll.get('mongodb_ms')} ms); "
        f"flat out (8 clients): {poll.get('capacity_rps')} req/s, p99 {poll.get('capacity_p99_ms')} ms",
        f"  at 100 req/s: p50 {poll['at_100_rps']['p50_ms']} ms, p99 {poll['at_100_rps']['p99_ms']} ms, "
        f"errors {poll['at_100_rps']['errors']}",
        *(_search_rows(api) if "task_list_search" in api else []),
    ]


def _search_rows(api: dict[str, Any]) -> list[str]:
    listing, suggest = api["task_list_search"], api.get("suggest")
    search_ok = listing["sequential_p50_ms"] <= TARGETS["search_ms"]
    rows = [
        f"search ?q= over {api['tasks_in_store']} tasks ({api['search_matches']} match): one at a time "
        f"{listing['sequential_p50_ms']} ms, of which MongoDB (expand, search entries, the page's tasks) "
        f"{listing['store_ms']} ms  (target <= {TARGETS['search_ms']} ms: {_mark(search_ok)})",
        f"  {listing['connections']} clients flat out: {listing['rps']} req/s, p50 {listing['p50_ms']} ms, "
        f"p99 {listing['p99_ms']} ms, errors {listing['errors']}",
    ]
    if suggest:
        ok = suggest["sequential_p50_ms"] <= TARGETS["suggest_ms"]
        rows += [
            f"suggest ?q={suggest['text']}: one at a time {suggest['sequential_p50_ms']} ms, "
            f"of which MongoDB {suggest['store_ms']} ms "
            f"(target <= {TARGETS['suggest_ms']} ms: {_mark(ok)}); "
            f"{suggest['connections']} clients: {suggest['rps']} req/s, p99 {suggest['p99_ms']} ms",
        ]
    backfill = api.get("search_backfill")
    if backfill:
        rows.append(f"search_backfill: {backfill['tasks']} stored tasks indexed in {backfill['seconds']} s")
    return rows


def render(results: dict[str, Any]) -> str:
    """The table as text."""
    rows = ["", "PMF benchmark (fake providers, fixed latencies)", "-" * 100, *_research_rows(results)]
    if "api" in results:
        rows += _api_rows(results["api"])
    credits = results.get("credits", {}).get("scenarios", {})
    if credits:
        rows.append(
            "credit reservations/s (16 processes): distinct users "
            f"{credits['distinct_users']['per_second']}, one balance {credits['one_balance']['per_second']}"
        )
    rss = results.get("peak_rss_mb", {})
    rows.append("peak RSS: " + ", ".join(f"{role} {mb:.0f} MB" for role, mb in sorted(rss.items())))
    machine = results.get("machine", {})
    if machine:
        rows.append(
            f"machine: {machine['cpus']} CPUs, load average before {machine['load_average_before']} "
            f"after {machine['load_average_after']}, web processes {machine.get('web_processes', 1)}, "
            f"worker threads {machine['worker_concurrency']}, "
            f"bench took {machine['bench_seconds']} s"
        )
    rows.append("-" * 100)
    return "\n".join(rows)
