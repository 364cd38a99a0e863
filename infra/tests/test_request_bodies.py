"""Request bodies at the API edge: deep nesting is a 400 and an oversized body a JSON 413, on every POST
endpoint, for anonymous callers too (the ``auth_key`` authenticator reads the body first)."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from credits.keys import api_key_create
from credits.models import CreditTransaction
from credits.tests.factories import UserFactory
from infra.parsers import JSONParser, RequestTooLarge, nesting_depth
from research.mongo import research_tasks

NESTED = "[" * 1000 + "]" * 1000
TEN_MEGABYTES = json.dumps({"product_idea": "x" * 10 * 1024 * 1024})


def post_paths() -> dict[str, bool]:
    """Every POST operation of the OpenAPI schema (a made-up id in its path): whether it takes a body."""
    schema = APIClient().get("/api/schema/", {"format": "json"}).json()
    return {
        path.replace("{task_id}", "0" * 32): "requestBody" in operations["post"]
        for path, operations in schema["paths"].items()
        if "post" in operations
    }


@pytest.fixture
def callers(db: None) -> dict[str, APIClient]:
    """Anonymous, alice by key, and a key sent as the seed's ``auth_key`` body field (cannot be parsed)."""
    keyed = APIClient()
    keyed.credentials(HTTP_AUTHORIZATION=f"Api-Key {api_key_create(user=UserFactory(username='alice')).raw}")
    return {"anonymous": APIClient(), "alice": keyed}


@pytest.mark.django_db
def test_deeply_nested_json_is_a_400_on_every_post_endpoint(
    callers: dict[str, APIClient], mongo_db: Any
) -> None:
    paths = post_paths()
    assert "/api/v1/research/submit" in paths and "/api/v1/keys" in paths and len(paths) >= 6
    for name, client in callers.items():
        for path, takes_body in paths.items():
            # when a caller posts 1,000 nested lists
            response = client.generic("POST", path, NESTED, content_type="application/json")
            # then it is refused as malformed, in the API's error shape, wherever the body is read (by the
            # auth_key authenticator for anonymous callers); alice's body-less actions ignore it
            if name == "alice" and not takes_body:
                assert response.status_code < 500, (name, path, response.content[:200])
                continue
            assert response.status_code == 400, (name, path, response.content[:200])
            assert response.json()["error"]["code"] == "malformed_request", (name, path)
    # and nothing was charged or stored
    assert CreditTransaction.objects.filter(kind="research_charge").count() == 0
    assert research_tasks().count_documents({}) == 0


@pytest.mark.django_db
def test_nesting_beyond_the_limit_is_refused_with_a_message(callers: dict[str, APIClient]) -> None:
    deep = {"product_idea": json.loads("[" * settings.JSON_MAX_DEPTH + "]" * settings.JSON_MAX_DEPTH)}
    response = callers["alice"].post("/api/v1/research/submit", deep, format="json")
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "malformed_request",
        "message": f"The JSON nests deeper than {settings.JSON_MAX_DEPTH} levels.",
    }


@pytest.mark.django_db
def test_a_ten_megabyte_body_is_a_json_413(callers: dict[str, APIClient], mongo_db: Any) -> None:
    for name, client in callers.items():
        for path in ("/api/v1/research/submit", "/api/v1/keys"):
            response = client.generic("POST", path, TEN_MEGABYTES, content_type="application/json")
            assert response.status_code == 413, (name, path, response.content[:200])
            assert response["Content-Type"] == "application/json"
            assert response.json()["error"]["code"] == "request_too_large"
    assert research_tasks().count_documents({}) == 0


def test_the_parser_caps_bodies_whose_length_was_not_declared() -> None:
    # given a stream longer than the cap (a chunked upload declares no length for the middleware to check)
    stream = io.BytesIO(b'"' + b"x" * settings.API_MAX_BODY_BYTES + b'"')
    # then the parser stops reading at the cap and refuses it
    with pytest.raises(RequestTooLarge):
        JSONParser().parse(stream)


def test_nesting_depth_counts_lists_and_objects_without_recursion() -> None:
    assert [nesting_depth(value) for value in (1, [], {"a": [1, {"b": []}]})] == [0, 1, 4]
    assert nesting_depth(json.loads("[" * 500 + "]" * 500)) == 500
