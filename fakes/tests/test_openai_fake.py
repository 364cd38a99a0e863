"""The fake OpenAI server answers langchain-openai/openai as providers.md describes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import openai
import pytest
import requests
from langchain_openai import ChatOpenAI
from openai.lib._pydantic import to_strict_json_schema
from pydantic import BaseModel, SecretStr, ValidationError

from agents import state
from fakes.openai import COMPLETIONS, FakeOpenAI
from fakes.schema import PromptText, build_instance
from fakes.server import Request

KEY = "sk-alice"
PROMPT = """Idea: an AI meal planner for families.

[M1] Meal Planning App Market — https://research.example/market
The meal planning app market was worth $2.8 billion in 2024. It is forecast to grow at a CAGR of 13.4%.

[M2] Parent forum — https://forum.example/threads/1
Parents say every app assumes the whole family eats the same food. I waste about $30 a week on duplicates.
"""
SENTENCES = {
    "M1": [
        "The meal planning app market was worth $2.8 billion in 2024.",
        "It is forecast to grow at a CAGR of 13.4%.",
    ],
    "M2": [
        "Parents say every app assumes the whole family eats the same food.",
        "I waste about $30 a week on duplicates.",
    ],
}
URLS = {"M1": "https://research.example/market", "M2": "https://forum.example/threads/1"}


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=KEY) as server:
        yield server


def chat(fake: FakeOpenAI, max_retries: int = 0) -> ChatOpenAI:
    return ChatOpenAI(
        model="gpt-4o-mini",
        base_url=fake.url + "/v1",
        api_key=SecretStr(KEY),
        timeout=5,
        max_retries=max_retries,
    )


def claims_of(value: object) -> list[dict[str, object]]:
    """Every nested dict that has both ``text`` and ``quote``."""
    if isinstance(value, list):
        return [claim for item in value for claim in claims_of(item)]
    if not isinstance(value, dict):
        return []
    own = [value] if {"text", "quote", "source_ids"} <= set(value) else []
    return own + [claim for item in value.values() for claim in claims_of(item)]


def test_prompt_sources_are_split_by_id() -> None:
    prompt = PromptText(PROMPT)

    assert prompt.ids == ["M1", "M2"]
    assert [source.url for source in prompt.sources] == [URLS["M1"], URLS["M2"]]
    assert [source.sentences for source in prompt.sources] == [SENTENCES["M1"], SENTENCES["M2"]]


@pytest.mark.parametrize(
    "schema",
    [
        state.ProductContext,
        state.MarketFindings,
        state.CompetitorFindings,
        state.CustomerFindings,
        state.PMFScore,
    ],
)
def test_instances_validate_against_the_strict_schemas_of_the_real_models(schema: type[BaseModel]) -> None:
    # given the strict JSON schema openai sends for a pydantic model
    strict = to_strict_json_schema(schema)

    # when an instance is built from the prompt
    instance = build_instance(strict, PROMPT, seed=7)

    # then it validates as JSON schema and as the pydantic model
    jsonschema.validate(instance, strict)
    schema.model_validate(instance)
    # and every claim quotes a sentence of the source it cites
    for claim in claims_of(instance):
        source_ids = claim["source_ids"]
        assert isinstance(source_ids, list) and len(source_ids) == 1
        assert claim["quote"] in SENTENCES[source_ids[0]]


def test_hand_written_schema_features_validate() -> None:
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["kind", "size", "ratio", "flag", "maybe", "link", "cites", "items", "fixed", "when"],
        "properties": {
            "kind": {"enum": ["a", "b"]},
            "size": {"type": "integer", "minimum": 3, "maximum": 9, "multipleOf": 3},
            "ratio": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
            "flag": {"type": "boolean"},
            "maybe": {"anyOf": [{"$ref": "#/$defs/Thing"}, {"type": "null"}]},
            "link": {"type": "string", "format": "uri"},
            "cites": {"type": "array", "items": {"type": "string", "pattern": "^M[0-9]+$"}, "minItems": 1},
            "items": {"type": "array", "items": {"$ref": "#/$defs/Thing"}, "minItems": 4, "maxItems": 4},
            "fixed": {"const": 42},
            "when": {"type": "string", "format": "date-time"},
        },
        "$defs": {
            "Thing": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "short"],
                "properties": {"name": {"type": "string"}, "short": {"type": "string", "maxLength": 10}},
            }
        },
    }

    instance = build_instance(schema, PROMPT, seed=1)

    jsonschema.validate(instance, schema)
    assert instance["link"] in URLS.values()
    assert instance["cites"][0] in URLS


def test_completion_has_the_documented_shape_and_usage(fake: FakeOpenAI) -> None:
    message = chat(fake).invoke([("system", "You are terse."), ("user", PROMPT)])

    (request,) = fake.requests(COMPLETIONS)
    assert request.header("authorization") == f"Bearer {KEY}"
    assert request.body["model"] == "gpt-4o-mini"
    assert message.usage_metadata is not None
    assert message.usage_metadata["input_tokens"] > 0
    assert message.usage_metadata["output_tokens"] > 0
    assert message.response_metadata["finish_reason"] == "stop"
    assert SENTENCES["M1"][0] in message.content


def test_structured_output_request_and_answer(fake: FakeOpenAI) -> None:
    # when langchain asks for MarketFindings with json_schema
    result = (
        chat(fake)
        .with_structured_output(state.MarketFindings, method="json_schema", include_raw=True)
        .invoke(PROMPT)
    )

    # then the request carried a strict json_schema response_format
    response_format = fake.requests(COMPLETIONS)[0].body["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["name"] == "MarketFindings"
    assert response_format["json_schema"]["strict"] is True
    # and the answer parsed into the model, figures taken from the cited source
    assert result["parsing_error"] is None
    findings = result["parsed"]
    assert isinstance(findings, state.MarketFindings)
    assert findings.market_size[0].value in {"$2.8 billion", "13.4%", "$30"}
    assert result["raw"].usage_metadata["total_tokens"] > 0


def test_function_calling_answers_with_tool_calls(fake: FakeOpenAI) -> None:
    result = (
        chat(fake)
        .with_structured_output(state.AgentQueries, method="function_calling", include_raw=True)
        .invoke(PROMPT)
    )

    body = fake.requests(COMPLETIONS)[0].body
    assert body["tool_choice"]["function"]["name"] == "AgentQueries"
    assert result["raw"].response_metadata["finish_reason"] == "tool_calls"
    assert isinstance(result["parsed"], state.AgentQueries)


def test_invalid_json_and_length_faults(fake: FakeOpenAI) -> None:
    fake.script(COMPLETIONS, fake.invalid_json(), fake.length())
    structured = chat(fake).with_structured_output(
        state.MarketFindings, method="json_schema", include_raw=True
    )

    with pytest.raises(ValidationError):
        structured.invoke(PROMPT)
    with pytest.raises(openai.LengthFinishReasonError):
        structured.invoke(PROMPT)
    assert structured.invoke(PROMPT)["parsed"] is not None


def test_refusal_fault(fake: FakeOpenAI) -> None:
    fake.script(COMPLETIONS, fake.refusal())

    result = (
        chat(fake)
        .with_structured_output(state.MarketFindings, method="json_schema", include_raw=True)
        .invoke(PROMPT)
    )

    assert result["parsed"] is None
    assert "can't help" in str(result["parsing_error"])
    assert result["raw"].additional_kwargs["refusal"] == "I'm sorry, but I can't help with that request."


def test_429_with_retry_after_then_5xx_are_retried_by_the_client(fake: FakeOpenAI) -> None:
    fake.script(COMPLETIONS, FakeOpenAI.rate_limited(retry_after=0.1), FakeOpenAI.server_error(502))

    message = chat(fake, max_retries=2).invoke(PROMPT)

    assert [request.status for request in fake.requests()] == [429, 502, 200]
    assert [request.header("x-stainless-retry-count") for request in fake.requests()] == ["0", "1", "2"]
    assert message.content


def test_wrong_key_is_401_with_openai_error_body(fake: FakeOpenAI) -> None:
    answer = requests.post(fake.url + COMPLETIONS, json={"model": "m", "messages": []}, timeout=5)

    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "invalid_api_key"


def test_non_strict_schema_is_rejected_like_the_real_api(fake: FakeOpenAI) -> None:
    body: dict[str, Any] = {
        "model": "gpt-4o-mini",
        "messages": [{"role": "user", "content": "hi"}],
        "response_format": {
            "type": "json_schema",
            "json_schema": {
                "name": "Loose",
                "strict": True,
                "schema": {"type": "object", "properties": {"a": {}}},
            },
        },
    }

    answer = requests.post(
        fake.url + COMPLETIONS, json=body, headers={"authorization": f"Bearer {KEY}"}, timeout=5
    )

    assert answer.status_code == 400
    assert "additionalProperties" in answer.json()["error"]["message"]


def test_token_latency_grows_with_output_tokens() -> None:
    latency = FakeOpenAI.token_latency(first_token=0.5, tokens_per_second=60)

    request = Request("POST", COMPLETIONS, {}, {}, 0.0, "t", notes={"completion_tokens": 120})

    assert latency(request) == pytest.approx(2.5)


def test_streaming_sends_chunks_usage_and_done(fake: FakeOpenAI) -> None:
    # when the client streams with usage
    streaming = ChatOpenAI(
        model="gpt-4o-mini", base_url=fake.url + "/v1", api_key=SecretStr(KEY), timeout=5, stream_usage=True
    )
    chunks = list(streaming.stream(PROMPT))

    # then the text arrives in pieces, usage at the end, and the wire format ends with [DONE]
    (request,) = fake.requests(COMPLETIONS)
    assert request.body["stream"] is True
    text = "".join(str(chunk.content) for chunk in chunks)
    assert SENTENCES["M1"][0] in text
    assert sum(chunk.usage_metadata["output_tokens"] for chunk in chunks if chunk.usage_metadata) > 0
    raw = requests.post(
        fake.url + COMPLETIONS,
        json={"model": "m", "stream": True, "messages": [{"role": "user", "content": PROMPT}]},
        headers={"authorization": f"Bearer {KEY}"},
        timeout=5,
    )
    assert raw.headers["content-type"] == "text/event-stream"
    assert raw.text.endswith("data: [DONE]\n\n")


@pytest.mark.parametrize(
    ("schema", "problem"),
    [
        ({"type": "array", "items": {"type": "string"}}, "schema must be a JSON Schema of 'type: \"object\"'"),  # noqa: E501
        (
            {"type": "object", "properties": {"a": {"type": "string", "minLength": 2}}, "required": ["a"],
             "additionalProperties": False},
            "In context=('properties', 'a'), 'minLength' is not permitted.",
        ),
        (
            {"type": "object", "properties": {"a": {"type": "array", "items": {"type": "string"},
             "uniqueItems": True}}, "required": ["a"], "additionalProperties": False},
            "'uniqueItems' is not permitted.",
        ),
    ],
)  # fmt: skip
def test_strict_schemas_outside_the_strict_subset_are_refused(
    fake: FakeOpenAI, schema: dict[str, Any], problem: str
) -> None:
    body = {
        "model": "gpt-4o-mini",
        "messages": [{"role": "user", "content": PROMPT}],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "x", "strict": True, "schema": schema},
        },
    }
    answer = requests.post(
        fake.url + COMPLETIONS, json=body, headers={"Authorization": f"Bearer {KEY}"}, timeout=5
    )

    assert answer.status_code == 400
    assert problem in answer.json()["error"]["message"]


def test_a_server_without_json_schema_answers_500_like_llama_cpp_python() -> None:
    with FakeOpenAI(api_key=KEY, refuse=("json_schema",)) as server:
        with pytest.raises(openai.InternalServerError) as failure:
            chat(server).with_structured_output(state.MarketFindings, method="json_schema").invoke(PROMPT)
        answer = (
            chat(server)
            .bind(response_format={"type": "json_object"})
            .invoke(
                "Answer as JSON for this schema: "
                + json.dumps(state.Claim.model_json_schema())
                + "\n"
                + PROMPT
            )
        )

    assert "Input should be 'text' or 'json_object'" in str(failure.value)
    assert set(json.loads(str(answer.content))) == set(state.Claim.model_fields)
