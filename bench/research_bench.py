"""Research scenarios: one research per depth against the critical path, N at once, offline."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from agents.state import AGENTS
from catalogue.depths import DEPTHS
from fakes.latency import Latencies
from fakes.openai import COMPLETIONS, FakeOpenAI, message_text
from fakes.tavily import FakeTavily

CORPUS = Path(__file__).resolve().parent.parent / "agents" / "corpus"
IDEAS = [idea["product_idea"] for idea in json.loads((CORPUS / "ideas.json").read_text())]
# How each role's system prompt starts (agents/prompts), to attribute the fake's LLM calls.
PART_MARKER = "This answer covers only:"  # agents.analysts.llm.PART_NOTE
ROLE_MARKERS = {
    "supervisor": "lead analyst",
    "market": "a market analyst",
    "competitor": "competitive intelligence analyst",
    "customer": "customer research analyst",
    "report": "senior product strategist",
}


@dataclass(frozen=True)
class Finished:
    """A research as the benchmark saw it end."""

    task_id: str
    status: str
    wall_seconds: float  # submit request sent -> completed_at written by the worker
    queued_seconds: float  # created -> a worker started it
    error: str | None


def submit(client: httpx.Client, idea: str, depth: str) -> tuple[str, float]:
    """Submit through the API; returns the task id and the wall-clock time the request was sent."""
    sent = time.time()
    response = client.post("/api/v1/research/submit", json={"product_idea": idea, "research_depth": depth})
    response.raise_for_status()
    return str(response.json()["task_id"]), sent


def wait_finished(submitted: dict[str, float], timeout: float) -> dict[str, Finished]:
    """Poll MongoDB (not the API, to keep the server idle) until every task is terminal."""
    from research.mongo import research_tasks

    deadline = time.monotonic() + timeout
    done: dict[str, Finished] = {}
    while len(done) < len(submitted) and time.monotonic() < deadline:
        pending = [task_id for task_id in submitted if task_id not in done]
        for document in research_tasks().find({"_id": {"$in": pending}, "completed_at": {"$ne": None}}):
            done[document["_id"]] = _finished(document, submitted[document["_id"]])
        time.sleep(0.05)
    for task_id in submitted:
        done.setdefault(task_id, Finished(task_id, "stuck", timeout, 0.0, "did not finish in time"))
    return done


def _finished(document: dict[str, Any], sent: float) -> Finished:
    started = document.get("started_at") or document["created_at"]
    return Finished(
        task_id=document["_id"],
        status=document["status"],
        wall_seconds=round(document["completed_at"].timestamp() - sent, 3),
        queued_seconds=round((started - document["created_at"]).total_seconds(), 3),
        error=document.get("error"),
    )


def llm_seconds_by_role(llm: FakeOpenAI, latencies: Latencies) -> dict[str, float]:
    """Simulated seconds of each role's completions on its critical path (first token + tokens / rate).

    A role asked in parts (agents/analysts/llm.py PARTS) runs them in parallel: its time is its slowest
    part's; calls of one part (retries) add up."""
    parts: dict[tuple[str, str], float] = {}
    for request in llm.requests(COMPLETIONS):
        system = message_text(request.body["messages"][0]) if isinstance(request.body, dict) else ""
        role = next((name for name, marker in ROLE_MARKERS.items() if marker in system), "")
        if role:
            part = (role, system.partition(PART_MARKER)[2])
            seconds = latencies.llm_seconds(int(request.notes.get("completion_tokens", 0)))
            parts[part] = parts.get(part, 0.0) + seconds
    by_role: dict[str, float] = dict.fromkeys(ROLE_MARKERS, 0.0)
    for (role, _), seconds in parts.items():
        by_role[role] = max(by_role[role], seconds)
    return by_role


def critical_path(depth: str, llm_seconds: dict[str, float], latencies: Latencies) -> float:
    """Supervisor LLM + the slowest agent's search, extract and analysis + report LLM."""
    chosen = DEPTHS[depth]
    tavily = latencies.tavily_seconds(chosen.search_depth, chosen.extract_depth)
    slowest_analysis = max(llm_seconds[agent] for agent in AGENTS)
    return llm_seconds["supervisor"] + tavily + slowest_analysis + llm_seconds["report"]


def run_depth(client: httpx.Client, tavily: FakeTavily, llm: FakeOpenAI, latencies: Latencies,
              depth: str) -> dict[str, Any]:  # fmt: skip
    """One research of ``depth`` alone: wall time vs its critical path."""
    tavily.clear()
    llm.clear()
    task_id, sent = submit(client, IDEAS[0], depth)
    finished = wait_finished({task_id: sent}, timeout=DEPTHS[depth].target_seconds * 3)[task_id]
    path = critical_path(depth, llm_seconds_by_role(llm, latencies), latencies)
    return {
        "task_id": task_id,
        "status": finished.status,
        "wall_seconds": finished.wall_seconds,
        "queued_seconds": finished.queued_seconds,
        "critical_path_seconds": round(path, 3),
        "ratio": round(finished.wall_seconds / path, 3) if path else None,
        "provider_calls": {
            "search": len(tavily.requests("/search")),
            "extract": len(tavily.requests("/extract")),
            "llm": len(llm.requests(COMPLETIONS)),
        },
    }


def run_concurrent(client: httpx.Client, count: int, single_seconds: float) -> dict[str, Any]:
    """``count`` essential researches submitted at once: total time vs one research alone."""
    submitted: dict[str, float] = {}
    lock = threading.Lock()

    def one(number: int) -> None:
        task_id, sent = submit(client, IDEAS[number % len(IDEAS)], "essential")
        with lock:
            submitted[task_id] = sent

    threads = [threading.Thread(target=one, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first = min(submitted.values())
    finished = wait_finished(submitted, timeout=single_seconds * 6 + 60)
    total = max(item.completed_wall(first) for item in _walls(finished, submitted))
    failures = [item for item in finished.values() if item.status != "completed"]
    return {
        "researches": count,
        "total_seconds": round(total, 3),
        "single_seconds": single_seconds,
        "ratio": round(total / single_seconds, 3),
        "slowest_wall_seconds": max(item.wall_seconds for item in finished.values()),
        "max_queued_seconds": max(item.queued_seconds for item in finished.values()),
        "failures": len(failures),
        "failure_reasons": sorted({str(item.error) for item in failures}),
    }


@dataclass(frozen=True)
class _Wall:
    sent: float
    wall: float

    def completed_wall(self, first: float) -> float:
        return self.sent + self.wall - first


def _walls(finished: dict[str, Finished], submitted: dict[str, float]) -> list[_Wall]:
    return [_Wall(submitted[task_id], item.wall_seconds) for task_id, item in finished.items()]


def run_offline(client: httpx.Client) -> dict[str, Any]:
    """An essential research on the sample corpus with the extractive analyst (no provider keys)."""
    task_id, sent = submit(client, IDEAS[0], "essential")
    finished = wait_finished({task_id: sent}, timeout=120)[task_id]
    return {"task_id": task_id, "status": finished.status, "wall_seconds": finished.wall_seconds,
            "queued_seconds": finished.queued_seconds}  # fmt: skip
