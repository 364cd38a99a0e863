"""Benchmark (not a test): credit reservations per second with 16 concurrent worker processes.

Each worker calls ``credits.services.research_charge`` with distinct request ids against a fresh
database created on the server (``test_<name>``, migrated, dropped at the end). Two scenarios:
``distinct_users`` (each worker charges its own user: the common case) and ``one_balance`` (all
workers charge one user: the worst case, every reservation serialised on one row lock).

    PMF_TEST_DIR=var/test-credits .venv/bin/python -m infra.embedded run --dir var/bench-credits \
        --fresh -- .venv/bin/python bench/credits_bench.py [--per-worker 250]

Prints the numbers and writes bench/results/credits.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import sys
import time
from datetime import UTC, datetime
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "credits.json"
WORKERS = 16
DEPTH = "essential"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pmfsite.settings.test")
os.environ.setdefault("PMF_SERVICES_FILE", "/nonexistent")  # never the dev engines by accident
os.environ.setdefault("LOG_LEVEL", "WARNING")


def worker(usernames: list[str], index: int, count: int, start: Barrier, scenario: str) -> None:
    """Reserve ``count`` researches for this worker's user once every worker is ready."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from credits.services import research_charge

    connection.close()  # never share the parent's socket across fork
    user = get_user_model().objects.get(username=usernames[index % len(usernames)])
    start.wait()
    for number in range(count):
        research_charge(user=user, request_id=f"{scenario}-{index}-{number}", depth=DEPTH)
    connection.close()


def prepare(usernames: list[str], count: int) -> None:
    """Users with enough credits for every reservation of the scenario."""
    from django.contrib.auth import get_user_model

    from catalogue.depths import resolve_depth
    from credits.services import staff_grant

    needed = resolve_depth(DEPTH).credits * count * WORKERS // len(usernames)
    for username in usernames:
        user = get_user_model().objects.create(username=username)
        staff_grant(user=user, amount=needed, reason="benchmark", actor=None)


def run_scenario(scenario: str, usernames: list[str], per_worker: int) -> dict[str, Any]:
    """Time ``WORKERS`` processes reserving ``per_worker`` each, from a common start line."""
    from django.db import connection

    prepare(usernames, per_worker)
    connection.close()
    context = multiprocessing.get_context("fork")
    start = context.Barrier(WORKERS + 1, timeout=120)
    processes = [
        context.Process(target=worker, args=(usernames, index, per_worker, start, scenario))
        for index in range(WORKERS)
    ]
    for process in processes:
        process.start()
    start.wait()
    began = time.perf_counter()
    for process in processes:
        process.join()
    seconds = time.perf_counter() - began
    failed = [process.exitcode for process in processes if process.exitcode != 0]
    if failed:
        raise SystemExit(f"{scenario}: {len(failed)} worker(s) failed")
    total = WORKERS * per_worker
    return {"reservations": total, "seconds": round(seconds, 3), "per_second": round(total / seconds, 1)}


def verify(expected_charges: int) -> None:
    """The ledger must show every reservation once and every balance must match it."""
    from credits.models import CreditTransaction, TransactionKind
    from credits.selectors import audit_mismatches

    charges = CreditTransaction.objects.filter(kind=TransactionKind.RESEARCH_CHARGE).count()
    if charges != expected_charges or audit_mismatches():
        raise SystemExit(f"ledger check failed: {charges} charges, expected {expected_charges}")


def main() -> None:
    """Create a fresh database, run both scenarios, verify the ledger, report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-worker", type=int, default=250, help="reservations per worker and scenario")
    per_worker = parser.parse_args().per_worker

    import django

    django.setup()
    from django.db import connection

    test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        results = {
            "distinct_users": run_scenario("distinct", [f"bench{i:02d}" for i in range(WORKERS)], per_worker),
            "one_balance": run_scenario("hot", ["bench-hot"], per_worker),
        }
        verify(2 * WORKERS * per_worker)
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server = cursor.fetchone()[0]
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)
    report = {
        "benchmark": "credits.research_charge reservations per second",
        "workers": WORKERS,
        "worker_kind": "processes",
        "depth": DEPTH,
        "scenarios": results,
        "postgres": server,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    for name, result in results.items():
        rate, total, seconds = result["per_second"], result["reservations"], result["seconds"]
        print(f"{name}: {rate} reservations/s ({total} in {seconds} s, {WORKERS} workers)")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
