"""OpenAILLMProvider against the fake OpenAI server through the real langchain-openai client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agents.config import AgentConfig
from agents.providers.base import ProviderError, TokenUsage
from agents.providers.openai_llm import OpenAILLMProvider
from agents.state import Claim, MarketFindings, ProductContext
from fakes.openai import COMPLETIONS, FakeOpenAI

KEY = "sk-alice"
SYSTEM = "You are a market analyst. Cite sources by id and quote them exactly."
USER = """Sources:
[M1] Meal planning market — https://research.example/market
The meal planning app market was worth $2.8 billion in 2024. It is forecast to grow at a CAGR of 13.4%.
"""


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=KEY) as server:
        yield server


@pytest.fixture
def provider(fake: FakeOpenAI) -> OpenAILLMProvider:
    return OpenAILLMProvider(KEY, base_url=fake.url + "/v1", models={"report": "gpt-4o"}, timeout=5)


def usage_of(answer: dict[str, object]) -> TokenUsage:
    """The token usage a fake completion reported."""
    usage = answer["usage"]
    assert isinstance(usage, dict)
    return TokenUsage(usage["prompt_tokens"], usage["completion_tokens"])


def test_structured_answer_request_shape_and_usage(provider: OpenAILLMProvider, fake: FakeOpenAI) -> None:
    # when the market role asks for MarketFindings
    result = provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    # then one strict json_schema request went out with the messages, model and timeout
    (request,) = fake.requests(COMPLETIONS)
    assert request.body["model"] == "gpt-4o-mini"
    assert request.body["messages"] == [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": USER},
    ]
    assert request.body["response_format"]["type"] == "json_schema"
    assert request.body["response_format"]["json_schema"]["name"] == "MarketFindings"
    assert request.body["response_format"]["json_schema"]["strict"] is True
    assert request.header("authorization") == f"Bearer {KEY}"
    assert request.header("x-stainless-read-timeout") == "5.0"
    # and the validated value comes back with the usage the server reported
    assert isinstance(result.value, MarketFindings)
    assert result.value.market_size[0].source_ids == ["M1"]
    assert result.usage == usage_of(request.answer)
    assert result.usage.total_tokens > 0
    assert result.model == "gpt-4o-mini"


def test_model_is_chosen_per_role(provider: OpenAILLMProvider, fake: FakeOpenAI) -> None:
    provider.structured(ProductContext, system=SYSTEM, user=USER, role="supervisor")
    provider.structured(Claim, system=SYSTEM, user=USER, role="report")

    assert [request.body["model"] for request in fake.requests()] == ["gpt-4o-mini", "gpt-4o"]


def test_invalid_json_is_retried_and_both_calls_count(provider: OpenAILLMProvider, fake: FakeOpenAI) -> None:
    fake.script(COMPLETIONS, fake.invalid_json())

    result = provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    first, second = fake.requests(COMPLETIONS)
    assert (first.scripted, second.scripted) == (True, False)
    assert isinstance(result.value, MarketFindings)
    bad, good = usage_of(first.answer), usage_of(second.answer)
    assert result.usage == TokenUsage(
        bad.input_tokens + good.input_tokens, bad.output_tokens + good.output_tokens
    )


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("invalid_json", "the answer was not valid JSON for the schema (1 errors)"),
        ("length", "the answer was cut off at the token limit (finish_reason=length)"),
        ("refusal", "the model refused: I'm sorry, but I can't help with that request."),
    ],
)
def test_bad_answers_give_up_after_two_attempts(
    provider: OpenAILLMProvider, fake: FakeOpenAI, fault: str, reason: str
) -> None:
    # given a model that keeps answering badly
    fake.script(COMPLETIONS, getattr(fake, fault)(), repeat=5)

    # when the provider asks
    with pytest.raises(ProviderError) as failure:
        provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    # then it tried exactly twice and says why it failed
    assert len(fake.requests(COMPLETIONS)) == 2
    prefix = (
        "The language model (gpt-4o-mini) gave no usable MarketFindings for the market step after 2 attempts"
    )
    assert str(failure.value) == f"{prefix}: {reason}."
    assert failure.value.provider == "openai"


def test_refusal_then_success(provider: OpenAILLMProvider, fake: FakeOpenAI) -> None:
    fake.script(COMPLETIONS, fake.refusal())

    result = provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    assert isinstance(result.value, MarketFindings)
    assert len(fake.requests()) == 2


def test_429_with_retry_after_is_retried_by_the_client(provider: OpenAILLMProvider, fake: FakeOpenAI) -> None:
    fake.script(COMPLETIONS, FakeOpenAI.rate_limited(retry_after=0.1))

    result = provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    assert [request.status for request in fake.requests()] == [429, 200]
    assert isinstance(result.value, MarketFindings)


def test_persistent_5xx_fails_after_the_transport_retries(fake: FakeOpenAI) -> None:
    provider = OpenAILLMProvider(KEY, base_url=fake.url + "/v1", timeout=5, max_retries=1)
    fake.script(COMPLETIONS, FakeOpenAI.server_error(503), repeat=5)

    with pytest.raises(ProviderError) as failure:
        provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    assert str(failure.value) == "The language model provider failed after 2 attempts: HTTP 503."
    assert failure.value.retryable is True
    assert len(fake.requests()) == 2


def test_timeout_fails_with_a_clear_message(fake: FakeOpenAI) -> None:
    provider = OpenAILLMProvider(KEY, base_url=fake.url + "/v1", timeout=0.3, max_retries=0)
    fake.script(COMPLETIONS, FakeOpenAI.timeout(3))

    with pytest.raises(ProviderError) as failure:
        provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    assert str(failure.value) == "The language model provider failed after 1 attempts: no answer within 0.3s."


def test_wrong_key_fails_fast(fake: FakeOpenAI) -> None:
    provider = OpenAILLMProvider("sk-revoked", base_url=fake.url + "/v1", timeout=5)

    with pytest.raises(ProviderError) as failure:
        provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    assert (
        str(failure.value) == "The language model provider rejected the API key (401). Check OPENAI_API_KEY."
    )
    assert failure.value.retryable is False
    assert len(fake.requests()) == 1


def test_a_key_is_required() -> None:
    with pytest.raises(ProviderError, match="OPENAI_API_KEY"):
        OpenAILLMProvider("")


def test_a_server_refusing_json_schema_gets_function_calling_detected_once(fake: FakeOpenAI) -> None:
    # given a server that answers json_schema as llama-cpp-python's does (HTTP 500)
    fake.refuse = {"json_schema"}
    provider = OpenAILLMProvider(KEY, base_url=fake.url + "/v1", timeout=5, max_retries=0)

    # when two answers are asked for
    first = provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")
    second = provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    # then the refusal was seen once, and both answers came by tool calling
    kinds = [
        ("tools" if "tools" in r.body else r.body["response_format"]["type"], r.status)
        for r in fake.requests()
    ]
    assert kinds == [("json_schema", 500), ("tools", 200), ("tools", 200)]
    assert "Input should be 'text' or 'json_object'" in fake.requests()[0].answer["error"]["message"]
    assert (first.mode, second.mode) == ("function_calling", "function_calling")
    assert provider.mode_for("gpt-4o-mini") == "function_calling"
    assert first.value.market_size[0].source_ids == ["M1"]


def test_a_server_with_neither_json_schema_nor_tools_gets_json_object(fake: FakeOpenAI) -> None:
    # given a server with only json_object, whose first JSON answer is invalid
    fake.refuse = {"json_schema", "tools"}
    provider = OpenAILLMProvider(KEY, base_url=fake.url + "/v1", timeout=5, max_retries=0)
    json_object = {"type": "json_object"}
    fake.script(COMPLETIONS, fake.invalid_json(), when=lambda r: r.body.get("response_format") == json_object)

    # when an answer is asked for
    result = provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    # then json_object was used with the schema in the system prompt, the invalid answer retried
    requests = fake.requests()
    assert [r.status for r in requests] == [500, 400, 200, 200]
    assert [r.scripted for r in requests[2:]] == [True, False]
    assert requests[-1].body["response_format"] == {"type": "json_object"}
    system = requests[-1].body["messages"][0]["content"]
    assert system.startswith(SYSTEM) and '"market_size"' in system
    assert result.mode == "json_object"
    assert isinstance(result.value, MarketFindings)


def test_a_pinned_mode_is_used_without_detection(fake: FakeOpenAI) -> None:
    provider = OpenAILLMProvider(KEY, base_url=fake.url + "/v1", timeout=5, structured_output="json_object")

    result = provider.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    (request,) = fake.requests()
    assert request.body["response_format"] == {"type": "json_object"}
    assert result.mode == "json_object"


def test_an_unknown_mode_is_rejected() -> None:
    with pytest.raises(ProviderError, match="choose one of: auto, json_schema"):
        OpenAILLMProvider(KEY, structured_output="grammar")


@pytest.mark.parametrize(("setting", "attempts"), [("0", 1), (0, 1), (None, 4)])
def test_provider_max_retries_zero_means_one_attempt(
    fake: FakeOpenAI, setting: object, attempts: int
) -> None:
    # given PROVIDER_MAX_RETRIES as Django settings (int) or the environment (str) give it; unset: 3
    values: dict[str, object] = {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": fake.url + "/v1"}
    if setting is not None:
        values["PROVIDER_MAX_RETRIES"] = setting
    llm = AgentConfig.from_mapping(values).build_llm()
    assert llm is not None
    # and a server that keeps failing
    fake.script(COMPLETIONS, FakeOpenAI.server_error(503), repeat=10)

    # when the configured provider asks
    with pytest.raises(ProviderError) as failure:
        llm.structured(MarketFindings, system=SYSTEM, user=USER, role="market")

    # then the server saw the configured number of attempts, and the message says so
    assert len(fake.requests(COMPLETIONS)) == attempts
    assert str(failure.value) == f"The language model provider failed after {attempts} attempts: HTTP 503."
