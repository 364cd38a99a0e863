"""A fake OpenAI-compatible server: ``POST /v1/chat/completions`` answering as providers.md describes.

    with FakeOpenAI(api_key="sk-test") as llm:
        chat = ChatOpenAI(model="gpt-4o-mini", base_url=llm.url + "/v1", api_key="sk-test", timeout=5)
        llm.script(COMPLETIONS, llm.invalid_json(), llm.length())  # then normal answers
        llm.set_latency(COMPLETIONS, FakeOpenAI.token_latency(first_token=0.6, tokens_per_second=60))

Structured-output requests (``response_format.type == "json_schema"``) and tool calls get arguments
that are valid against the schema and built from the prompt (see ``fakes.schema``); ``json_object``
requests get an instance of the JSON schema the prompt spells out (as a model told the schema would).
Token counts are estimated at four characters per token.

Strict schemas are checked as OpenAI checks them (every object closed and fully required, the root an
object, no keyword outside the strict subset). ``FakeOpenAI(refuse=("json_schema",))`` plays a server
without json_schema support the way llama-cpp-python's server answers it (HTTP 500 "Input should be
'text' or 'json_object'"); ``refuse=("tools",)`` a server without tool calling.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Callable
from typing import Any

from fakes.schema import build_instance
from fakes.server import FakeServer, Handler, Reply, Request, timeout_reply

COMPLETIONS = "/v1/chat/completions"
_MISSING_REQUIRED = (
    "'required' is required to be supplied and to be an array including every key in properties. "
    "Missing '{key}'."
)
REFUSAL = "I'm sorry, but I can't help with that request."
# Keywords OpenAI rejects in strict mode ("'<keyword>' is not permitted."): the strict subset has no
# length constraints on strings, no composition but anyOf, no conditional or object-count keywords.
STRICT_UNSUPPORTED = (
    "allOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas", "patternProperties",
    "unevaluatedProperties", "propertyNames", "minProperties", "maxProperties", "unevaluatedItems",
    "contains", "minContains", "maxContains", "uniqueItems", "minLength", "maxLength",
)  # fmt: skip
LLAMA_CPP_PYTHON_500 = (
    "1 validation error for CreateChatCompletionRequest\nresponse_format.type\n  Input should be 'text' or "
    "'json_object' [type=literal_error, input_value='json_schema', input_type=str]"
)


def error_reply(
    status: int, message: str, kind: str, code: str | None, headers: dict[str, str] | None = None
) -> Reply:
    """OpenAI's error body: ``{"error": {"message", "type", "param", "code"}}``."""
    body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return Reply(status, body, headers or {})


def estimate_tokens(text: str) -> int:
    """A rough token count (four characters per token, at least one)."""
    return max(1, round(len(text) / 4))


def message_text(message: dict[str, Any]) -> str:
    """The text of a chat message whose content is a string or a list of parts."""
    content = message.get("content")
    if isinstance(content, list):
        return "\n".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else ""


class FakeOpenAI(FakeServer):
    """The fake OpenAI server; accepts ``Authorization: Bearer <api_key>`` only."""

    def __init__(self, api_key: str = "sk-test-key", refuse: tuple[str, ...] = ()) -> None:
        super().__init__({("POST", COMPLETIONS): self.complete})
        self.api_key = api_key
        self.refuse = set(refuse)  # "json_schema" and/or "tools": features this server does not have

    @staticmethod
    def token_latency(first_token: float, tokens_per_second: float) -> Callable[[Request], float]:
        """Latency of a completion: time to first token plus its output tokens at a steady rate."""

        def latency(request: Request) -> float:
            return first_token + float(request.notes.get("completion_tokens", 0)) / tokens_per_second

        return latency

    # Scripted faults -------------------------------------------------------------------------------
    def invalid_json(self) -> Handler:
        """A completion whose content is not valid JSON."""
        return self._mutated(lambda body: _set_content(body, '{"summary": "unterminated'))

    def length(self) -> Handler:
        """A completion cut off by the token limit (``finish_reason: "length"``)."""

        def cut(body: dict[str, Any]) -> None:
            message = body["choices"][0]["message"]
            text = message.get("content") or json.dumps(_first_arguments(message))
            _set_content(body, text[: max(1, len(text) // 2)])
            body["choices"][0]["finish_reason"] = "length"

        return self._mutated(cut)

    def refusal(self, text: str = REFUSAL) -> Handler:
        """A refusal: ``content`` null and ``refusal`` set."""

        def refuse(body: dict[str, Any]) -> None:
            body["choices"][0]["message"].update(content=None, refusal=text)

        return self._mutated(refuse)

    @staticmethod
    def rate_limited(retry_after: float = 1) -> Reply:
        """A 429 with ``retry-after`` (seconds)."""
        message = "Rate limit reached for requests. Please try again later."
        return error_reply(
            429, message, "requests", "rate_limit_exceeded", {"retry-after": f"{retry_after:g}"}
        )

    @staticmethod
    def server_error(status: int = 500) -> Reply:
        """A 5xx answer."""
        return error_reply(
            status, "The server had an error while processing your request.", "server_error", None
        )

    @staticmethod
    def timeout(seconds: float) -> Reply:
        """An answer that comes only after ``seconds``."""
        return timeout_reply(seconds)

    # Normal answers --------------------------------------------------------------------------------
    def answer(self, request: Request) -> Reply:
        """Any answer, as server-sent events when the request asked to stream."""
        reply = super().answer(request)
        body = request.body if isinstance(request.body, dict) else {}
        if body.get("stream") and reply.status == 200 and isinstance(reply.body, dict):
            include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
            return Reply(200, stream_events(reply.body, include_usage), content_type="text/event-stream")
        return reply

    def _mutated(self, change: Callable[[dict[str, Any]], None]) -> Handler:
        def handler(request: Request) -> Reply:
            reply = self.complete(request)
            if reply.status == 200:
                change(reply.body)
            return reply

        return handler

    def complete(self, request: Request) -> Reply:
        """The normal answer to a chat completion request (scripted faults build on it)."""
        if request.header("authorization") != f"Bearer {self.api_key}":
            return error_reply(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key")
        body = request.body if isinstance(request.body, dict) else {}
        refused = self._refused(body)
        if refused is not None:
            return refused
        problem = _validate(body)
        if problem:
            return error_reply(400, problem, "invalid_request_error", None)
        messages = body["messages"]
        prompt = "\n".join(message_text(m) for m in messages if m.get("role") == "user")
        prompt = prompt or "\n".join(message_text(m) for m in messages)
        seed = int(hashlib.sha256(prompt.encode()).hexdigest()[:8], 16)
        message, finish_reason = _answer(body, prompt, seed)
        prompt_tokens = sum(estimate_tokens(message_text(m)) + 4 for m in messages)
        completion_tokens = estimate_tokens(message["content"] or json.dumps(message.get("tool_calls", "")))
        request.notes["completion_tokens"] = completion_tokens
        return Reply(
            200, _completion(body.get("model", ""), message, finish_reason, prompt_tokens, completion_tokens)
        )

    def _refused(self, body: dict[str, Any]) -> Reply | None:
        """The answer of a server that lacks a feature the request uses (None when it has them all)."""
        if "json_schema" in self.refuse and (body.get("response_format") or {}).get("type") == "json_schema":
            return error_reply(500, LLAMA_CPP_PYTHON_500, "internal_server_error", None)
        if "tools" in self.refuse and body.get("tools"):
            return error_reply(400, "'tools' is not supported by this server.", "invalid_request_error", None)
        return None


def _validate(body: dict[str, Any]) -> str:
    if not body.get("model"):
        return "you must provide a model parameter"
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "'messages' must be a non-empty array."
    response_format = body.get("response_format") or {}
    if response_format.get("type") == "json_schema":
        spec = response_format.get("json_schema") or {}
        if not spec.get("name") or not isinstance(spec.get("schema"), dict):
            return "Missing required parameter: 'response_format.json_schema.name' or 'schema'."
        if spec.get("strict"):
            return strict_schema_problem(spec["name"], spec["schema"])
    return ""


def strict_schema_problem(name: str, schema: dict[str, Any], path: tuple[str, ...] = ()) -> str:
    """Why OpenAI would reject ``schema`` in strict mode ("" when it is fine)."""
    context = f"Invalid schema for response_format '{name}': In context={path}, "
    if not path and schema.get("type") != "object":
        return context + "schema must be a JSON Schema of 'type: \"object\"', got 'type: \"None\"'."
    for keyword in STRICT_UNSUPPORTED:
        if keyword in schema:
            return context + f"'{keyword}' is not permitted."
    if schema.get("type") == "object" or "properties" in schema:
        if schema.get("additionalProperties", True) is not False:
            return context + "'additionalProperties' is required to be supplied and to be false."
        missing = [key for key in schema.get("properties", {}) if key not in schema.get("required", [])]
        if missing:
            return context + _MISSING_REQUIRED.format(key=missing[0])
    children = [("properties", key, sub) for key, sub in schema.get("properties", {}).items()]
    children += [("$defs", key, sub) for key, sub in schema.get("$defs", {}).items()]
    children += [("anyOf", str(i), sub) for i, sub in enumerate(schema.get("anyOf", []))]
    if isinstance(schema.get("items"), dict):
        children.append(("items", "", schema["items"]))
    for kind, key, sub in children:
        if isinstance(sub, dict) and (problem := strict_schema_problem(name, sub, (*path, kind, key))):
            return problem
    return ""


def _answer(body: dict[str, Any], prompt: str, seed: int) -> tuple[dict[str, Any], str]:
    message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None, "annotations": []}
    tool = _chosen_tool(body)
    if tool is not None:
        arguments = build_instance(tool.get("parameters") or {"type": "object"}, prompt, seed)
        message["tool_calls"] = [
            {
                "id": f"call_{uuid.uuid4().hex[:24]}",
                "type": "function",
                "function": {"name": tool["name"], "arguments": json.dumps(arguments)},
            }
        ]
        return message, "tool_calls"
    response_format = body.get("response_format") or {}
    if response_format.get("type") == "json_schema":
        message["content"] = json.dumps(
            build_instance(response_format["json_schema"]["schema"], prompt, seed)
        )
    elif response_format.get("type") == "json_object":
        schema = _schema_in(body["messages"]) or {
            "type": "object",
            "properties": {"answer": {"type": "string"}},
        }
        message["content"] = json.dumps(build_instance(schema, prompt, seed))
    else:
        message["content"] = " ".join(
            build_instance({"type": "array", "items": {"type": "string"}}, prompt, seed)
        )
    return message, "stop"


def _schema_in(messages: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A JSON schema spelled out in the messages (the first ``{...}`` with properties that parses)."""
    decoder = json.JSONDecoder()
    for message in messages:
        text = message_text(message)
        for start in (index for index, char in enumerate(text) if char == "{"):
            try:
                value, _ = decoder.raw_decode(text, start)
            except ValueError:
                continue
            if isinstance(value, dict) and "properties" in value:
                return value
    return None


def _chosen_tool(body: dict[str, Any]) -> dict[str, Any] | None:
    functions = [tool["function"] for tool in body.get("tools") or [] if tool.get("type") == "function"]
    choice = body.get("tool_choice", "auto")
    if not functions or choice == "none":
        return None
    if isinstance(choice, dict):
        wanted = (choice.get("function") or {}).get("name")
        return next((function for function in functions if function.get("name") == wanted), functions[0])
    # with "auto" a real model may answer in text; the fake always calls when a response_format is absent
    if choice == "auto" and body.get("response_format"):
        return None
    return functions[0]


def _completion(
    model: str, message: dict[str, Any], finish_reason: str, prompt: int, output: int
) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:29]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish_reason}],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": output,
            "total_tokens": prompt + output,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0},
        },
        "service_tier": "default",
        "system_fingerprint": "fp_fake",
    }


def _set_content(body: dict[str, Any], content: str) -> None:
    message = body["choices"][0]["message"]
    if message.get("tool_calls"):
        message["tool_calls"][0]["function"]["arguments"] = content
    else:
        message["content"] = content


def _first_arguments(message: dict[str, Any]) -> Any:
    return json.loads(message["tool_calls"][0]["function"]["arguments"]) if message.get("tool_calls") else ""


def stream_events(completion: dict[str, Any], include_usage: bool) -> str:
    """A completion as ``data: {chunk}`` lines and a final ``data: [DONE]``."""
    choice, base = completion["choices"][0], {key: completion[key] for key in ("id", "created", "model")}
    message = choice["message"]
    deltas: list[dict[str, Any]] = [{"role": "assistant", "content": ""}]
    content = message.get("content") or ""
    deltas += [{"content": content[start : start + 40]} for start in range(0, len(content), 40)]
    if message.get("refusal"):
        deltas.append({"refusal": message["refusal"]})
    for index, call in enumerate(message.get("tool_calls") or []):
        deltas.append({"tool_calls": [{"index": index, **call}]})
    chunks = [_chunk(base, [{"index": 0, "delta": delta, "finish_reason": None}]) for delta in deltas]
    chunks.append(_chunk(base, [{"index": 0, "delta": {}, "finish_reason": choice["finish_reason"]}]))
    if include_usage:
        chunks.append({**_chunk(base, []), "usage": completion["usage"]})
    return "".join(f"data: {json.dumps(chunk)}\n\n" for chunk in chunks) + "data: [DONE]\n\n"


def _chunk(base: dict[str, Any], choices: list[dict[str, Any]]) -> dict[str, Any]:
    return {**base, "object": "chat.completion.chunk", "choices": choices}
