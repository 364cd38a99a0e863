"""Structured answers from an OpenAI-compatible chat model through langchain-openai.

Structured output has three modes, tried in this order the first time an endpoint (base URL and model)
is used, and remembered per process once one is accepted:

- ``json_schema``: ``response_format`` with a strict JSON schema (OpenAI, llama.cpp's ``llama-server``,
  vLLM); the server constrains decoding to the schema.
- ``function_calling``: one forced tool whose parameters are the schema (servers without json_schema).
- ``json_object``: ``response_format: json_object`` with the schema in the system prompt; the answer is
  validated by pydantic and retried when invalid (e.g. llama-cpp-python's server, which answers HTTP 500
  "Input should be 'text' or 'json_object'" to json_schema).

A server "refuses" a mode when it answers 4xx/5xx naming the feature (``response_format``, ``json_schema``,
``tools``); any other failure is a transport error and is not taken as a refusal. ``structured_output``
may pin one mode (setting ``OPENAI_STRUCTURED_OUTPUT``) to skip detection.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any, Literal, get_args

import openai
from langchain_core.exceptions import ModelRefusalError
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from pydantic import SecretStr, ValidationError

from agents.providers.base import ProviderError, SchemaT, Structured, TokenUsage

logger = logging.getLogger(__name__)

Mode = Literal["json_schema", "function_calling", "json_object"]
MODES: tuple[Mode, ...] = get_args(Mode)
_METHOD: dict[Mode, str] = {
    "json_schema": "json_schema",
    "function_calling": "function_calling",
    "json_object": "json_mode",
}
# words a server's error names when it does not support a structured-output mode
_REFUSAL_MARKERS = ("response_format", "json_schema", "json_object", "tool", "function")
JSON_OBJECT_INSTRUCTION = """

Answer with one JSON object, and nothing else, that is valid against this JSON schema:
{schema}"""


class _ModeRefused(Exception):
    """The server does not accept this structured-output mode."""


class EndpointModes:
    """The structured-output mode each endpoint accepted (a per-process cache: detection is cheap)."""

    def __init__(self) -> None:
        self._modes: dict[tuple[str, str], Mode] = {}
        self._lock = threading.Lock()

    def get(self, base_url: str, model: str) -> Mode | None:
        """The mode detected for this endpoint, or None before its first answer."""
        with self._lock:
            return self._modes.get((base_url, model))

    def set(self, base_url: str, model: str, mode: Mode) -> None:
        """Remember the mode the endpoint accepted."""
        with self._lock:
            self._modes[(base_url, model)] = mode

    def snapshot(self) -> dict[str, str]:
        """``base_url model -> mode`` of every detected endpoint (for health detail)."""
        with self._lock:
            return {f"{url or 'api.openai.com'} {model}": mode for (url, model), mode in self._modes.items()}


DETECTED = EndpointModes()


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
        structured_output: str = "auto",
        max_tokens: int | None = None,
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
        if structured_output not in ("auto", *MODES):
            choices = ", ".join(("auto", *MODES))
            raise ProviderError(
                f"Unknown structured output mode {structured_output!r}; choose one of: {choices}.",
                provider=self.name,
            )
        self.structured_output = structured_output
        self.max_tokens = max_tokens  # completion limit per call (None: the server's default)
        self._chats: dict[str, ChatOpenAI] = {}
        self._lock = threading.Lock()

    def model_for(self, role: str) -> str:
        """The model configured for ``role`` (supervisor, market, competitor, customer, report)."""
        return self.models.get(role) or self.default_model

    def mode_for(self, model: str) -> Mode | None:
        """The structured-output mode used for ``model``: pinned, detected, or None (not yet known)."""
        if self.structured_output != "auto":
            return self.structured_output  # type: ignore[return-value]
        return DETECTED.get(self.base_url, model)

    def structured(self, schema: type[SchemaT], *, system: str, user: str, role: str) -> Structured[SchemaT]:
        """Ask for ``schema``; retries invalid, cut-off or refused answers, then raises ProviderError."""
        model = self.model_for(role)
        known = self.mode_for(model)
        candidates: tuple[Mode, ...] = (known,) if known else MODES
        for mode in candidates:
            try:
                answer = self._structured(schema, system, user, role, model, mode)
            except _ModeRefused as refused:
                logger.warning(
                    "%s at %s refused structured output %s: %s", model, self.base_url, mode, refused
                )
                continue
            if known is None:
                DETECTED.set(self.base_url, model, mode)
            return answer
        message = (
            f"The language model provider ({model}) accepts none of the structured output modes "
            f"({', '.join(candidates)})."
        )
        raise ProviderError(message, provider=self.name)

    def _structured(
        self, schema: type[SchemaT], system: str, user: str, role: str, model: str, mode: Mode
    ) -> Structured[SchemaT]:
        chat = self._chat(model)
        runnable: Any
        if mode == "json_object":  # parsed here, strictly: langchain's JSON parser accepts cut-off JSON
            runnable = chat.bind(response_format={"type": "json_object"})
            system += JSON_OBJECT_INSTRUCTION.format(schema=json.dumps(schema.model_json_schema()))
        else:
            runnable = chat.with_structured_output(schema, method=_METHOD[mode], include_raw=True)  # type: ignore[arg-type]
        messages: list[BaseMessage] = [SystemMessage(system), HumanMessage(user)]
        spent = TokenUsage()
        failure: _BadAnswer | None = None
        for attempt in range(1, self.answer_attempts + 1):
            try:
                value, usage = self._attempt(runnable, messages, schema)
                return Structured(value=value, usage=_add(spent, usage), model=model, mode=mode)
            except _BadAnswer as bad:
                failure = bad
                spent = _add(spent, bad.usage)
                logger.warning("%s (%s) attempt %d/%d: %s", role, model, attempt, self.answer_attempts, bad)
        message = (
            f"The language model ({model}) gave no usable {getattr(schema, 'answer_name', schema.__name__)} "
            f"for the {role} step after "
            f"{self.answer_attempts} attempts: {failure}."
        )
        raise ProviderError(message, provider=self.name, retryable=True)

    def _chat(self, model: str) -> ChatOpenAI:
        with self._lock:
            if model not in self._chats:
                options: dict[str, Any] = {"base_url": self.base_url} if self.base_url else {}
                if self.max_tokens:
                    options["max_tokens"] = self.max_tokens
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
            logger.warning("%s: %s", reason, _first_error(error))
            raise _BadAnswer(reason, _response_usage(error)) from error
        except openai.APIError as error:
            if refused_mode(error):
                raise _ModeRefused(str(getattr(error, "message", error))[:300]) from error
            raise self._transport_error(error) from error
        if isinstance(result, BaseMessage):  # json_object: the message itself
            result = {"raw": result, "parsed": None, "parsing_error": None}
        raw = result.get("raw")
        usage = _usage(raw)
        if (getattr(raw, "response_metadata", None) or {}).get("finish_reason") == "length":
            raise _BadAnswer("the answer was cut off at the token limit (finish_reason=length)", usage)
        if result.get("parsed") is None and result.get("parsing_error") is None:
            try:
                result["parsed"] = schema.model_validate_json(_text(raw))
            except ValidationError as error:
                reason = f"the answer was not valid JSON for the schema ({error.error_count()} errors)"
                logger.warning("%s: %s", reason, _first_error(error))
                raise _BadAnswer(reason, usage) from error
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


def refused_mode(error: openai.APIError) -> bool:
    """Whether ``error`` is a server saying it does not support the structured-output feature asked for.

    A strict-schema rejection ("Invalid schema for response_format ...") is our bug, not a refusal."""
    status = getattr(error, "status_code", None)
    if status is None or status in (401, 403, 408, 409, 429):
        return False
    text = str(getattr(error, "message", "")) + " " + json.dumps(getattr(error, "body", None), default=str)
    if "invalid schema" in text.lower():
        return False
    return any(marker in text.lower() for marker in _REFUSAL_MARKERS)


def _first_error(error: ValidationError) -> str:
    """Where and why an answer failed validation (for the log: the values may be long)."""
    first = error.errors()[0] if error.error_count() else {"loc": (), "msg": str(error)}
    return f"{'.'.join(str(part) for part in first['loc'])}: {first['msg']}"[:300]


def _text(message: Any) -> str:
    """A message's text content (a model may wrap JSON in a Markdown code fence)."""
    content = getattr(message, "content", "")
    text = content if isinstance(content, str) else "".join(str(part) for part in content)
    return text.strip().removeprefix("```json").removeprefix("```").removesuffix("```").strip()


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
