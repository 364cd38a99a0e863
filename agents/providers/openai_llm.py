"""Structured answers from an OpenAI-compatible chat model through langchain-openai."""

from __future__ import annotations

import logging
import threading
from typing import Any

import openai
from langchain_core.exceptions import ModelRefusalError
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from pydantic import SecretStr, ValidationError

from agents.providers.base import ProviderError, SchemaT, Structured, TokenUsage

logger = logging.getLogger(__name__)


class _BadAnswer(Exception):
    """An answer that did not yield a valid instance; another attempt may do better."""

    def __init__(self, reason: str, usage: TokenUsage | None = None) -> None:
        super().__init__(reason)
        self.usage = usage or TokenUsage()  # tokens a failed answer still cost


class OpenAILLMProvider:
    """LLMProvider backed by ``ChatOpenAI`` with ``json_schema`` structured output."""

    name = "openai"

    def __init__(
        self,
        api_key: str,
        base_url: str = "",
        models: dict[str, str] | None = None,
        default_model: str = "gpt-4o-mini",
        timeout: float = 60.0,
        max_retries: int = 2,
        answer_attempts: int = 2,
    ) -> None:
        if not api_key:
            raise ProviderError("The language model needs an API key (OPENAI_API_KEY).", provider=self.name)
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.models = dict(models or {})
        self.default_model = default_model
        self.timeout = timeout
        self.max_retries = max_retries  # transport retries (429, 5xx, timeouts): the openai client's own
        self.answer_attempts = max(1, answer_attempts)  # attempts at a valid answer (JSON, length, refusal)
        self._chats: dict[str, ChatOpenAI] = {}
        self._lock = threading.Lock()

    def model_for(self, role: str) -> str:
        """The model configured for ``role`` (supervisor, market, competitor, customer, report)."""
        return self.models.get(role) or self.default_model

    def structured(self, schema: type[SchemaT], *, system: str, user: str, role: str) -> Structured[SchemaT]:
        """Ask for ``schema``; retries invalid, cut-off or refused answers, then raises ProviderError."""
        model = self.model_for(role)
        runnable = self._chat(model).with_structured_output(schema, method="json_schema", include_raw=True)
        messages: list[BaseMessage] = [SystemMessage(system), HumanMessage(user)]
        spent = TokenUsage()
        failure: _BadAnswer | None = None
        for attempt in range(1, self.answer_attempts + 1):
            try:
                value, usage = self._attempt(runnable, messages, schema)
                return Structured(value=value, usage=_add(spent, usage), model=model)
            except _BadAnswer as bad:
                failure = bad
                spent = _add(spent, bad.usage)
                logger.warning("%s (%s) attempt %d/%d: %s", role, model, attempt, self.answer_attempts, bad)
        message = (
            f"The language model ({model}) gave no usable {schema.__name__} for the {role} step after "
            f"{self.answer_attempts} attempts: {failure}."
        )
        raise ProviderError(message, provider=self.name, retryable=True)

    def _chat(self, model: str) -> ChatOpenAI:
        with self._lock:
            if model not in self._chats:
                options: dict[str, Any] = {"base_url": self.base_url} if self.base_url else {}
                self._chats[model] = ChatOpenAI(
                    model=model,
                    api_key=SecretStr(self.api_key),
                    timeout=self.timeout,
                    max_retries=self.max_retries,
                    use_responses_api=False,  # the fakes and compatible servers speak chat completions
                    **options,
                )
            return self._chats[model]

    def _attempt(
        self, runnable: Any, messages: list[BaseMessage], schema: type[SchemaT]
    ) -> tuple[SchemaT, TokenUsage]:
        """One call: the validated value and its usage, _BadAnswer to retry, or a final ProviderError."""
        try:
            result = runnable.invoke(messages)
        except openai.LengthFinishReasonError as error:
            spent = error.completion.usage
            tokens = TokenUsage(spent.prompt_tokens, spent.completion_tokens) if spent else TokenUsage()
            raise _BadAnswer(
                "the answer was cut off at the token limit (finish_reason=length)", tokens
            ) from error
        except openai.ContentFilterFinishReasonError as error:
            raise _BadAnswer("the answer was stopped by the content filter") from error
        except ValidationError as error:
            reason = f"the answer was not valid JSON for the schema ({error.error_count()} errors)"
            raise _BadAnswer(reason, _response_usage(error)) from error
        except openai.APIError as error:
            raise self._transport_error(error) from error
        raw = result.get("raw")
        usage = _usage(raw)
        parsed = result.get("parsed")
        if isinstance(parsed, schema):
            return parsed, usage
        problem = result.get("parsing_error")
        if isinstance(problem, ModelRefusalError):
            raise _BadAnswer(f"the model refused: {_refusal_text(raw, problem)}", usage)
        raise _BadAnswer(f"the answer could not be parsed ({type(problem).__name__}: {problem})", usage)

    def _transport_error(self, error: openai.APIError) -> ProviderError:
        status = getattr(error, "status_code", None)
        if isinstance(error, openai.AuthenticationError | openai.PermissionDeniedError):
            message = f"The language model provider rejected the API key ({status}). Check OPENAI_API_KEY."
            return ProviderError(message, provider=self.name)
        if isinstance(error, openai.BadRequestError | openai.NotFoundError):
            return ProviderError(
                f"The language model provider rejected the request ({status}): {error.message}",
                provider=self.name,
            )
        if isinstance(error, openai.APITimeoutError):
            reason = f"no answer within {self.timeout:g}s"
        elif isinstance(error, openai.APIConnectionError):
            reason = "the provider could not be reached"
        else:
            reason = f"HTTP {status}"
        attempts = self.max_retries + 1
        message = f"The language model provider failed after {attempts} attempts: {reason}."
        return ProviderError(message, provider=self.name, retryable=True)


def _usage(message: Any) -> TokenUsage:
    metadata = getattr(message, "usage_metadata", None) or {}
    return TokenUsage(int(metadata.get("input_tokens", 0)), int(metadata.get("output_tokens", 0)))


def _response_usage(error: Exception) -> TokenUsage:
    """Usage of the HTTP answer langchain attaches to a parse failure (tokens were spent anyway)."""
    try:
        usage = error.response.json()["usage"]  # type: ignore[attr-defined]
        return TokenUsage(int(usage["prompt_tokens"]), int(usage["completion_tokens"]))
    except Exception:  # no response attached, or not the expected shape
        return TokenUsage()


def _add(left: TokenUsage, right: TokenUsage) -> TokenUsage:
    return TokenUsage(left.input_tokens + right.input_tokens, left.output_tokens + right.output_tokens)


def _refusal_text(message: Any, error: Exception) -> str:
    refusal = getattr(message, "additional_kwargs", {}).get("refusal") if message is not None else None
    return str(refusal or error)
