"""API key authentication: the header, the seed's body ``auth_key``, and every way a key is refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from credits.keys import api_key_create, api_key_revoke
from credits.models import APIKey

pytestmark = pytest.mark.django_db

IDEA = "A meal planner that cuts food waste"


class EchoView(APIView):
    """Answers who is calling and the body the view itself parsed."""

    def post(self, request: Request) -> Response:
        data: Any = request.data
        return Response({"user": request.user.get_username(), "data": dict(data.items())})


def call(body: Any = None, body_format: str = "json", **headers: str) -> Response:
    factory = APIRequestFactory()
    request = factory.post("/api/v1/echo", body or {}, format=body_format, **headers)
    response = EchoView.as_view()(request)
    response.render()
    return response


@pytest.fixture
def alice() -> User:
    return User.objects.create_user("alice")


@pytest.fixture
def alice_key(alice: User) -> str:
    return api_key_create(user=alice, name="laptop").raw


def last_used(raw: str) -> Any:
    return APIKey.objects.get(prefix=raw.split("_")[1]).last_used_at


def test_the_header_authenticates(alice_key: str) -> None:
    response = call({"idea": IDEA}, HTTP_AUTHORIZATION=f"Api-Key {alice_key}")
    assert (response.status_code, response.data) == (200, {"user": "alice", "data": {"idea": IDEA}})
    assert last_used(alice_key) is not None


def test_the_json_body_auth_key_authenticates_and_the_view_still_reads_the_body(alice_key: str) -> None:
    response = call({"auth_key": alice_key, "idea": IDEA})
    assert response.status_code == 200
    assert response.data == {"user": "alice", "data": {"auth_key": alice_key, "idea": IDEA}}


def test_the_form_body_auth_key_authenticates(alice_key: str) -> None:
    response = call({"auth_key": alice_key, "idea": IDEA}, body_format="multipart")
    assert (response.status_code, response.data["user"]) == (200, "alice")
    assert response.data["data"]["idea"] == IDEA


def test_the_urlencoded_body_auth_key_authenticates(alice_key: str) -> None:
    factory = APIRequestFactory()
    body = f"auth_key={alice_key}&idea=meal+planner"
    request = factory.post("/api/v1/echo", body, content_type="application/x-www-form-urlencoded")
    response = EchoView.as_view()(request)
    assert (response.status_code, response.data["data"]["idea"]) == (200, "meal planner")


@pytest.mark.parametrize("where", ["header", "body"])
def test_a_wrong_key_is_a_401_in_the_standard_shape(alice_key: str, where: str) -> None:
    # given a key with alice's prefix but a wrong secret
    wrong = alice_key[:-4] + ("AAAA" if not alice_key.endswith("AAAA") else "BBBB")
    # when it is presented
    if where == "header":
        response = call({"idea": IDEA}, HTTP_AUTHORIZATION=f"Api-Key {wrong}")
    else:
        response = call({"auth_key": wrong, "idea": IDEA})
    # then the request is refused and alice's key is untouched
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Api-Key"
    assert json.loads(response.content) == {
        "error": {"code": "authentication_failed", "message": "Invalid or revoked API key."}
    }
    assert last_used(alice_key) is None


def test_a_revoked_key_is_a_401(alice_key: str) -> None:
    # given alice revoked her key
    api_key_revoke(key=APIKey.objects.get(prefix=alice_key.split("_")[1]))
    # when it is used in the header and in the body
    from_header = call(HTTP_AUTHORIZATION=f"Api-Key {alice_key}")
    from_body = call({"auth_key": alice_key})
    # then both are refused and the key never counts as used
    assert from_header.status_code == from_body.status_code == 401
    assert from_body.data["error"]["message"] == "Invalid or revoked API key."
    assert last_used(alice_key) is None


def test_a_non_string_body_key_is_a_401() -> None:
    response = call({"auth_key": ["pmf_x_y"]})
    assert response.status_code == 401
    assert response.data["error"] == {
        "code": "authentication_failed",
        "message": "The auth_key field must be a string.",
    }


def test_the_header_wins_over_the_body(alice_key: str) -> None:
    response = call({"auth_key": "pmf_nope_nope"}, HTTP_AUTHORIZATION=f"Api-Key {alice_key}")
    assert (response.status_code, response.data["user"]) == (200, "alice")


def test_another_authorization_scheme_does_not_fall_back_to_the_body(alice_key: str) -> None:
    response = call({"auth_key": alice_key}, HTTP_AUTHORIZATION="Bearer something")
    assert response.status_code == 401
    assert response.data["error"]["code"] == "not_authenticated"


def test_no_key_at_all_is_not_authenticated() -> None:
    response = call({"idea": IDEA})
    assert response.status_code == 401
    assert response.data["error"]["code"] == "not_authenticated"


def test_a_malformed_json_body_is_a_400_not_a_500() -> None:
    factory = APIRequestFactory()
    request = factory.post("/api/v1/echo", '{"auth_key": ', content_type="application/json")
    response = EchoView.as_view()(request)
    assert response.status_code == 400
    assert response.data["error"]["code"] == "malformed_request"


def test_the_openapi_schema_documents_the_api_key(client: Any) -> None:
    schema = client.get("/api/schema/", {"format": "json"}).json()
    assert schema["components"]["securitySchemes"]["ApiKeyAuth"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "`Api-Key <key>` (or the body field `auth_key`).",
    }
