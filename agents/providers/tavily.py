"""Web search and extraction through tavily-python, with the retries 0.8.5 does not do itself."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import requests
from tavily import TavilyClient
from tavily.errors import (
    BadRequestError,
    ForbiddenError,
    InvalidAPIKeyError,
    UsageLimitExceededError,
)
from tavily.errors import TimeoutError as TavilyTimeoutError

from agents.providers.base import ExtractedPage, ExtractResponse, ProviderError, SearchHit, SearchResponse
from agents.providers.retry import Backoff, parse_retry_after

logger = logging.getLogger(__name__)

SEARCH_CREDITS = {"basic": 1, "advanced": 2}  # providers.md price table
EXTRACT_CREDITS_PER_5_URLS = {"basic": 1, "advanced": 2}
MAX_URLS = 20


class _Retryable(Exception):
    """A failure worth another attempt; ``retry_after`` is the server's wish in seconds."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def search_credits(search_depth: str) -> float:
    """Credits a search costs by the price table."""
    return float(SEARCH_CREDITS.get(search_depth, 1))


def extract_credits(extract_depth: str, successful_urls: int) -> float:
    """Credits an extract costs by the price table: per started block of 5 successful URLs."""
    blocks = -(-successful_urls // 5)
    return float(EXTRACT_CREDITS_PER_5_URLS.get(extract_depth, 1) * blocks)


class TavilySearchProvider:
    """SearchProvider backed by the Tavily API (or anything answering like it, such as fakes.tavily)."""

    name = "tavily"

    def __init__(
        self,
        api_key: str,
        base_url: str = "",
        timeout: float = 30.0,
        max_retries: int = 3,
        backoff: Backoff | None = None,
    ) -> None:
        if not api_key:
            # without a key tavily-python 0.8.5 silently switches to a keyless mode
            raise ProviderError("Tavily needs an API key (TAVILY_API_KEY).", provider=self.name)
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff or Backoff()

    def search(self, query: str, *, search_depth: str, max_results: int) -> SearchResponse:
        """Search the web; the request carries exactly query, search_depth, max_results, include_usage."""
        started = time.monotonic()
        body = self._call(
            "search",
            lambda client: client.search(
                query,
                search_depth=search_depth,
                max_results=max_results,
                include_usage=True,
                timeout=self.timeout,
            ),
        )
        hits = [
            SearchHit(
                url=str(result["url"]),
                title=str(result.get("title") or ""),
                content=str(result.get("content") or ""),
                score=float(result.get("score") or 0.0),
            )
            for result in body.get("results") or []
        ]
        credits = _reported_credits(body)
        return SearchResponse(
            query=query,
            hits=hits,
            credits=search_credits(search_depth) if credits is None else credits,
            response_time=time.monotonic() - started,
        )

    def extract(self, urls: list[str], *, extract_depth: str) -> ExtractResponse:
        """Full text of ``urls``; the request carries urls, extract_depth, include_usage (and timeout)."""
        if not urls:
            return ExtractResponse(pages=[])
        if len(urls) > MAX_URLS:
            raise ProviderError(f"Tavily extracts at most {MAX_URLS} URLs per call.", provider=self.name)
        started = time.monotonic()
        body = self._call(
            "extract",
            lambda client: client.extract(
                urls, extract_depth=extract_depth, include_usage=True, timeout=self.timeout
            ),
        )
        pages = [
            ExtractedPage(url=str(result["url"]), raw_content=str(result.get("raw_content") or ""))
            for result in body.get("results") or []
        ]
        failed = [
            (str(item.get("url")), str(item.get("error") or "")) for item in body.get("failed_results") or []
        ]
        credits = _reported_credits(body)
        return ExtractResponse(
            pages=pages,
            failed=failed,
            credits=extract_credits(extract_depth, len(pages)) if credits is None else credits,
            response_time=time.monotonic() - started,
        )

    def _call(self, operation: str, send: Callable[[TavilyClient], dict[str, Any]]) -> dict[str, Any]:
        """``send`` with bounded retries on 429, 5xx, timeouts and broken connections."""
        attempts = self.max_retries + 1
        for attempt in range(attempts):
            try:
                return self._attempt(operation, send)
            except _Retryable as failure:
                if attempt + 1 >= attempts:
                    message = f"Tavily {operation} failed after {attempts} attempts: {failure}."
                    raise ProviderError(message, provider=self.name, retryable=True) from failure
                waited = self.backoff.wait(attempt, failure.retry_after)
                logger.warning("Tavily %s: %s; retry %d in %.2fs", operation, failure, attempt + 1, waited)
        raise AssertionError("unreachable")

    def _attempt(self, operation: str, send: Callable[[TavilyClient], dict[str, Any]]) -> dict[str, Any]:
        """One request, its failure translated into _Retryable or a final ProviderError."""
        last: dict[str, requests.Response] = {}
        session = requests.Session()
        session.hooks["response"].append(lambda response, *args, **kwargs: last.update(response=response))
        client = TavilyClient(api_key=self.api_key, session=session, **self._base_url_argument())
        try:
            return send(client)
        except InvalidAPIKeyError as error:
            raise self._final(
                f"Tavily rejected the API key (401){_detail(error)}. Check TAVILY_API_KEY."
            ) from error
        except ForbiddenError as error:
            raise self._final(f"Tavily refused the {operation} (403 forbidden){_detail(error)}.") from error
        except BadRequestError as error:
            raise self._final(
                f"Tavily rejected the {operation} request as invalid (400){_detail(error)}."
            ) from error
        except UsageLimitExceededError as error:
            response = last.get("response")
            retry_after = parse_retry_after(
                response.headers.get("retry-after") if response is not None else None
            )
            raise _Retryable(f"rate limited (429){_detail(error)}", retry_after) from error
        except requests.HTTPError as error:
            status = error.response.status_code if error.response is not None else 0
            if status >= 500 or status == 408:
                raise _Retryable(f"server error ({status})") from error
            raise self._final(f"Tavily {operation} failed with HTTP {status}.") from error
        except (TavilyTimeoutError, requests.Timeout):
            raise _Retryable(f"no answer within {self.timeout:g}s") from None
        except requests.ConnectionError as error:
            raise _Retryable(f"connection failed ({type(error).__name__})") from error
        except ValueError as error:  # a 200 whose body is not JSON
            raise _Retryable(f"unreadable answer ({error})") from error
        finally:
            client.close()

    def _base_url_argument(self) -> dict[str, str]:
        return {"api_base_url": self.base_url} if self.base_url else {}

    def _final(self, message: str) -> ProviderError:
        return ProviderError(message, provider=self.name, retryable=False)


def _detail(error: Exception) -> str:
    text = str(error).strip().rstrip(".")
    return f": {text}" if text else ""


def _reported_credits(body: dict[str, Any]) -> float | None:
    usage = body.get("usage")
    if isinstance(usage, dict) and isinstance(usage.get("credits"), int | float):
        return float(usage["credits"])
    return None
