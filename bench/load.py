"""HTTP load generator (run as its own process so it does not share the server's interpreter).

    .venv/bin/python bench/load.py --url http://127.0.0.1:PORT/api/v1/research/tasks/ID \
        --header "Authorization: Api-Key pmf_…" --rate 200 --seconds 20

``--rate R``: open loop, R requests/s on a fixed schedule; a request's latency counts from the moment
it was due, so a stalled server cannot hide its queueing (no coordinated omission).
``--rate 0``: closed loop, ``--connections`` clients each sending the next request when the last
answers (the server's throughput). Prints one JSON object: requests, rps, p50/p90/p99 ms, errors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Target:
    """Where to send GET requests, over one keep-alive connection per client thread."""

    host: str
    port: int
    path: str
    headers: dict[str, str]

    def connect(self) -> http.client.HTTPConnection:
        """A new keep-alive connection."""
        return http.client.HTTPConnection(self.host, self.port, timeout=30)

    def get(self, connection: http.client.HTTPConnection) -> int:
        """One request; returns the status (0 on a broken connection, after reconnecting)."""
        try:
            connection.request("GET", self.path, headers=self.headers)
            response = connection.getresponse()
            response.read()
            return response.status
        except (OSError, http.client.HTTPException):
            connection.close()
            return 0


@dataclass
class Results:
    """Latencies and statuses, shared by the client threads."""

    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, status: int) -> None:
        """Record one answered request."""
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of ``values`` (0 when empty)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def open_loop(target: Target, rate: float, seconds: float, connections: int, results: Results) -> None:
    """Send ``rate`` requests/s for ``seconds``; latency counts from each request's due time."""
    due: queue.Queue[float | None] = queue.Queue()

    def client() -> None:
        connection = target.connect()
        while (scheduled := due.get()) is not None:
            status = target.get(connection)
            results.add(time.monotonic() - scheduled, status)
        connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    start = time.monotonic()
    for number in range(int(rate * seconds)):
        scheduled = start + number / rate
        time.sleep(max(0.0, scheduled - time.monotonic()))
        due.put(scheduled)
    for _ in threads:
        due.put(None)
    for thread in threads:
        thread.join()


def closed_loop(target: Target, seconds: float, connections: int, results: Results) -> None:
    """``connections`` clients, each sending its next request as soon as the last one answered."""
    deadline = time.monotonic() + seconds

    def client() -> None:
        connection = target.connect()
        while time.monotonic() < deadline:
            sent = time.monotonic()
            status = target.get(connection)
            results.add(time.monotonic() - sent, status)
        connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def summary(results: Results, seconds: float) -> dict[str, Any]:
    """What the run measured."""
    latencies = results.latencies
    errors = sum(count for status, count in results.statuses.items() if status != 200)
    return {
        "requests": len(latencies),
        "seconds": round(seconds, 2),
        "rps": round(len(latencies) / seconds, 1) if seconds else 0.0,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p90_ms": round(percentile(latencies, 0.90) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "max_ms": round(max(latencies, default=0.0) * 1000, 1),
        "errors": errors,
        "statuses": {str(status): count for status, count in sorted(results.statuses.items())},
    }


def main() -> None:
    """Parse the arguments, run the load, print the summary as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--header", action="append", default=[], help="'Name: value', repeatable")
    parser.add_argument("--rate", type=float, default=0.0, help="requests/s (0: closed loop)")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=16)
    arguments = parser.parse_args()
    url = urlsplit(arguments.url)
    path = url.path + (f"?{url.query}" if url.query else "")
    headers = dict(line.split(": ", 1) for line in arguments.header)
    target = Target(url.hostname or "127.0.0.1", url.port or 80, path, headers)
    results = Results()
    started = time.monotonic()
    if arguments.rate > 0:
        open_loop(target, arguments.rate, arguments.seconds, arguments.connections, results)
    else:
        closed_loop(target, arguments.seconds, arguments.connections, results)
    print(json.dumps(summary(results, time.monotonic() - started)))


if __name__ == "__main__":
    main()
