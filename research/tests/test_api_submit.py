"""POST /api/v1/research/submit: validation, payment, idempotency, and never a 500 on user input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from credits.models import CreditTransaction
from credits.services import balance_current
from research import documents
from research.mongo import research_tasks

URL = "/api/v1/research/submit"
IDEA = "An AI meal planner that turns a family's week into a grocery list."


def charges() -> int:
    return CreditTransaction.objects.filter(kind="research_charge").count()


@pytest.mark.django_db
def test_submit_charges_the_depth_and_queues_one_task(
    alice: Any, alice_api: APIClient, mongo_db: Any
) -> None:
    # when alice submits a standard research
    response = alice_api.post(URL, {"product_idea": IDEA, "research_depth": "standard"}, format="json")
    # then it is accepted, charged 12 credits once and stored queued
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["status"] == "queued" and body["credits_charged"] == 12 and body["balance"] == 988
    task = documents.task_get(body["task_id"], owner_id=alice.pk)
    assert task is not None
    assert (task.depth, task.status, task.product_idea, task.request_id) == (
        "standard",
        "queued",
        IDEA,
        body["request_id"],
    )
    assert task.title == "An AI meal planner that turns a family's week into a grocery list"
    assert (
        CreditTransaction.objects.filter(kind="research_charge", research_request_id=task.request_id).count()
        == 1
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("alias", "depth"), [("basic", "essential"), ("comprehensive", "deep"), ("Deep", "deep")]
)
def test_seed_depth_aliases_are_accepted(alice_api: APIClient, mongo_db: Any, alias: str, depth: str) -> None:
    response = alice_api.post(URL, {"product_idea": IDEA, "research_depth": alias}, format="json")
    assert response.status_code == 202
    assert documents.task_get(response.json()["task_id"]).depth == depth


@pytest.mark.django_db
def test_same_idempotency_key_twice_gives_one_task_one_charge_same_response(
    alice_api: APIClient, mongo_db: Any
) -> None:
    # when the same request is sent twice with one Idempotency-Key
    first = alice_api.post(URL, {"product_idea": IDEA}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    second = alice_api.post(URL, {"product_idea": IDEA}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    # then one task and one charge, and the same identifiers come back
    assert first.status_code == second.status_code == 202
    keys = ("request_id", "task_id", "status", "credits_charged", "balance")
    assert [first.json()[key] for key in keys] == [second.json()[key] for key in keys]
    assert research_tasks().count_documents({}) == 1
    assert charges() == 1


@pytest.mark.django_db
def test_insufficient_credits_is_402_with_balance_and_cost_and_nothing_written(
    alice: Any, alice_api: APIClient, mongo_db: Any, settings: Any
) -> None:
    # given alice has 10 credits this month
    settings.CREDITS_MONTHLY_LIMIT = 10
    balance_current(user=alice)
    # when she asks for a deep research (18 credits)
    response = alice_api.post(URL, {"product_idea": IDEA, "research_depth": "deep"}, format="json")
    # then 402 names her balance and the cost, and nothing was stored or charged
    assert response.status_code == 402
    error = response.json()["error"]
    assert (error["code"], error["balance"], error["cost"]) == ("insufficient_credits", 10, 18)
    assert research_tasks().count_documents({}) == 0
    assert charges() == 0
    assert balance_current(user=alice).current_balance == 10


@pytest.mark.django_db
def test_anonymous_and_wrong_key_are_401(mongo_db: Any) -> None:
    assert APIClient().post(URL, {"product_idea": IDEA}, format="json").status_code in (401, 403)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Api-Key pmf_deadbeef_nope")
    response = client.post(URL, {"product_idea": IDEA}, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"
    assert research_tasks().count_documents({}) == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "product_idea", "Describe your product idea."),
        ({"product_idea": ""}, "product_idea", "Describe your product idea."),
        ({"product_idea": "too short"}, "product_idea", "Describe your idea in at least 10 characters."),
        ({"product_idea": "x" * 2001}, "product_idea", "Keep your idea under 2000 characters."),
        ({"product_idea": IDEA, "research_depth": "ultra"}, "research_depth",
         "Choose a research depth: essential, standard or deep."),
        ({"product_idea": ["a", "list"]}, "product_idea", "Not a valid string."),
        ({"product_idea": {"an": "object"}}, "product_idea", "Not a valid string."),
        ({"product_idea": None}, "product_idea", "This field may not be null."),
        ({"product_idea": IDEA, "research_depth": 7}, "research_depth",
         "Choose a research depth: essential, standard or deep."),
    ],
)  # fmt: skip
def test_bad_input_is_400_with_a_field_message_and_nothing_charged(
    alice_api: APIClient, mongo_db: Any, payload: dict[str, Any], field: str, message: str
) -> None:
    response = alice_api.post(URL, payload, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["fields"][field] == [message]
    assert research_tasks().count_documents({}) == 0
    assert charges() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"product_idea": "unterminated', "application/json"),
        ("[1, 2, 3]", "application/json"),
        ("\x00\x01\x02", "application/json"),
        ("product_idea=" + "y" * 50, "text/plain"),
        ('"just a string"', "application/json"),
    ],
)
def test_malformed_bodies_are_4xx_never_500(
    alice_api: APIClient, mongo_db: Any, body: str, content_type: str
) -> None:
    response = alice_api.generic("POST", URL, body, content_type=content_type)
    assert 400 <= response.status_code < 500
    assert "error" in response.json()
    assert charges() == 0


@pytest.mark.django_db
def test_huge_and_unicode_ideas(alice_api: APIClient, mongo_db: Any) -> None:
    huge = alice_api.post(URL, {"product_idea": "z" * 1_000_000}, format="json")
    assert huge.status_code == 400
    unicode_idea = "Приложение для 家庭 meal planning 🍲 with <script>alert(1)</script> & émojis"
    accepted = alice_api.post(URL, {"product_idea": unicode_idea}, format="json")
    assert accepted.status_code == 202
    assert documents.task_get(accepted.json()["task_id"]).product_idea == unicode_idea


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.dictionaries(st.sampled_from(["product_idea", "research_depth", "hcaptcha_token", "x"]),
                               st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=50),
                                         st.lists(st.integers(), max_size=3))))  # fmt: skip
def test_arbitrary_json_never_yields_a_500(alice_api: APIClient, payload: dict[str, Any]) -> None:
    response = alice_api.post(URL, json.dumps(payload), content_type="application/json")
    assert response.status_code in (202, 400), response.content
