"""A fake Tavily API (``POST /search``, ``POST /extract``) that answers as providers.md describes.

    with FakeTavily(api_key="tvly-test") as tavily:
        client = TavilyClient(api_key="tvly-test", api_base_url=tavily.url)
        tavily.script("/search", tavily.rate_limited(retry_after=1))
        tavily.set_latency("/search", FakeTavily.depth_latency(basic=1.5, advanced=3.0))

Documents come from a corpus folder (default ``agents/corpus/``); search ranks them by term overlap,
extract returns a known URL's body and lists unknown URLs in ``failed_results``.
"""

from __future__ import annotations

import math
import re
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fakes.corpus import DEFAULT_CORPUS, Document, Index, load_corpus
from fakes.server import FakeServer, Reply, Request, timeout_reply

SEARCH_DEPTHS = {"basic": 1, "advanced": 2, "fast": 1, "ultra-fast": 1}  # credits per search
EXTRACT_DEPTHS = {"basic": 1, "advanced": 2}  # credits per 5 successful URLs
TOPICS = {"general", "news", "finance"}
TIME_RANGES = {"day", "week", "month", "year", "d", "w", "m", "y"}
FORMATS = {"markdown", "text"}
MAX_RESULTS = 20
MAX_URLS = 20


class BadRequest(Exception):
    """A parameter the real API rejects with 400."""


def error_reply(status: int, message: str, headers: dict[str, str] | None = None) -> Reply:
    """Tavily's error body: ``{"detail": {"error": message}}``."""
    return Reply(status, {"detail": {"error": message}}, headers or {})


def search_credits(search_depth: str) -> int:
    """Credits one search costs."""
    return SEARCH_DEPTHS.get(search_depth, 1)


def extract_credits(extract_depth: str, successful_urls: int) -> int:
    """Credits one extract costs: per started block of 5 successful URLs."""
    return EXTRACT_DEPTHS.get(extract_depth, 1) * math.ceil(successful_urls / 5)


class FakeTavily(FakeServer):
    """The fake Tavily server; accepts ``Authorization: Bearer <api_key>`` only."""

    def __init__(
        self, api_key: str = "tvly-test-key", corpus: Path | list[Document] = DEFAULT_CORPUS
    ) -> None:
        super().__init__({("POST", "/search"): self._search, ("POST", "/extract"): self._extract})
        self.api_key = api_key
        self.index = Index(corpus if isinstance(corpus, list) else load_corpus(corpus))

    @staticmethod
    def depth_latency(basic: float, advanced: float, key: str = "") -> Callable[[Request], float]:
        """A latency that depends on the request's search/extract depth (for benchmarks)."""

        def latency(request: Request) -> float:
            body = request.body if isinstance(request.body, dict) else {}
            depth = body.get(key) or body.get("search_depth") or body.get("extract_depth") or "basic"
            return advanced if depth == "advanced" else basic

        return latency

    @staticmethod
    def rate_limited(retry_after: float = 1) -> Reply:
        """A 429 with ``retry-after`` (seconds)."""
        return error_reply(
            429, "Rate limit exceeded. Please retry later.", {"retry-after": f"{retry_after:g}"}
        )

    @staticmethod
    def server_error(status: int = 500) -> Reply:
        """A 5xx answer."""
        return error_reply(status, "Internal server error.")

    @staticmethod
    def unauthorized() -> Reply:
        """A 401, as for a revoked key."""
        return error_reply(401, "Unauthorized: missing or invalid API key.")

    @staticmethod
    def invalid_json() -> Reply:
        """A 200 whose body is not JSON (a proxy's error page, a truncated answer)."""
        return Reply(200, '{"results": [', content_type="application/json")

    @staticmethod
    def timeout(seconds: float) -> Reply:
        """An answer that comes only after ``seconds``."""
        return timeout_reply(seconds)

    def _authorised(self, request: Request) -> bool:
        return request.header("authorization") == f"Bearer {self.api_key}"

    def _search(self, request: Request) -> Reply:
        started = time.monotonic()
        if not self._authorised(request):
            return self.unauthorized()
        try:
            params = validate_search(request.body)
        except BadRequest as error:
            return error_reply(400, str(error))
        query = params["query"]
        ranked = self.index.rank(query)[: params["max_results"]]
        raw = params["include_raw_content"]
        results: list[dict[str, Any]] = [
            {
                "title": document.title,
                "url": document.url,
                "content": Index.snippet(document, query),
                "score": score,
                "raw_content": _render(document.body, raw) if raw else None,
            }
            for document, score in ranked
        ]
        answer = " ".join(result["content"] for result in results[:2]) if params["include_answer"] else None
        body = {
            "query": query,
            "follow_up_questions": None,
            "answer": answer,
            "images": [],
            "results": results,
            "response_time": round(time.monotonic() - started, 2),
            "request_id": str(uuid.uuid4()),
        }
        if params["include_usage"]:
            body["usage"] = {"credits": search_credits(params["search_depth"])}
        return Reply(200, body)

    def _extract(self, request: Request) -> Reply:
        started = time.monotonic()
        if not self._authorised(request):
            return self.unauthorized()
        try:
            params = validate_extract(request.body)
        except BadRequest as error:
            return error_reply(400, str(error))
        results, failed = [], []
        for url in params["urls"]:
            document = self.index.find(url)
            if document is None:
                failed.append({"url": url, "error": "Failed to fetch url"})
            else:
                results.append(
                    {"url": url, "raw_content": _render(document.body, params["format"]), "images": []}
                )
        body: dict[str, Any] = {
            "results": results,
            "failed_results": failed,
            "response_time": round(time.monotonic() - started, 2),
            "request_id": str(uuid.uuid4()),
        }
        if params["include_usage"]:
            body["usage"] = {"credits": extract_credits(params["extract_depth"], len(results))}
        return Reply(200, body)


def validate_search(body: Any) -> dict[str, Any]:
    """The search parameters with defaults, or BadRequest."""
    if not isinstance(body, dict):
        raise BadRequest("Request body must be a JSON object.")
    query = body.get("query")
    if not isinstance(query, str) or not query.strip():
        raise BadRequest("Query is missing or empty.")
    depth = _choice(body, "search_depth", set(SEARCH_DEPTHS), "basic")
    max_results = body.get("max_results", 5)
    if (
        isinstance(max_results, bool)
        or not isinstance(max_results, int)
        or not 0 <= max_results <= MAX_RESULTS
    ):
        raise BadRequest(f"max_results must be an integer between 0 and {MAX_RESULTS}.")
    _choice(body, "topic", TOPICS, "general")
    _choice(body, "time_range", TIME_RANGES, None)
    raw = body.get("include_raw_content", False)
    if raw not in (True, False, "markdown", "text"):
        raise BadRequest("include_raw_content must be a boolean, 'markdown' or 'text'.")
    return {
        "query": query,
        "search_depth": depth,
        "max_results": max_results,
        "include_raw_content": "markdown" if raw is True else raw,
        "include_answer": bool(body.get("include_answer")),
        "include_usage": body.get("include_usage") is True,
    }


def validate_extract(body: Any) -> dict[str, Any]:
    """The extract parameters with defaults, or BadRequest."""
    if not isinstance(body, dict):
        raise BadRequest("Request body must be a JSON object.")
    urls = body.get("urls")
    if isinstance(urls, str):
        urls = [urls]
    if not isinstance(urls, list) or not urls or not all(isinstance(url, str) and url for url in urls):
        raise BadRequest("urls must be a non-empty string or list of strings.")
    if len(urls) > MAX_URLS:
        raise BadRequest(f"Too many URLs: at most {MAX_URLS} per request.")
    return {
        "urls": urls,
        "extract_depth": _choice(body, "extract_depth", set(EXTRACT_DEPTHS), "basic"),
        "format": _choice(body, "format", FORMATS, "markdown"),
        "include_usage": body.get("include_usage") is True,
    }


def _choice(body: dict[str, Any], key: str, allowed: set[str], default: str | None) -> str | None:
    value = body.get(key, default)
    if value is not None and value not in allowed:
        raise BadRequest(f"Invalid {key} {value!r}; expected one of: {', '.join(sorted(allowed))}.")
    return value


def _render(body: str, output_format: str) -> str:
    if output_format != "text":
        return body
    text = re.sub(r"^\s*(#+|>)\s*", "", body, flags=re.MULTILINE)
    return re.sub(r"(\*\*|__|`)", "", text)
