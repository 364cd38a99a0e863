"""Every /api/ error is JSON in the one error shape, including the ones Django answers itself, and the
OpenAPI schema documents each operation's error statuses."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory
from rest_framework.test import APIClient

from credits.tests.factories import UserFactory
from infra.api_docs import server_error

ERROR = {"$ref": "#/components/schemas/Error"}


@pytest.fixture
def api(db: None) -> APIClient:
    """alice, signed in."""
    client = APIClient()
    client.force_login(UserFactory(username="alice"))
    return client


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json", response["Content-Type"]
    body: dict[str, Any] = response.json()
    assert body["error"]["code"] == code and body["error"]["message"]
    return body


@pytest.mark.django_db
def test_unrouted_api_paths_are_json_404s(api: APIClient) -> None:
    # when alice names a key by something that is not a UUID, or a path that does not exist
    assert_error(api.delete("/api/v1/keys/not-a-uuid"), 404, "not_found")
    assert_error(api.get("/api/v1/no-such-thing"), 404, "not_found")
    assert_error(APIClient().get("/api/nope"), 404, "not_found")


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "-1", "abc", ""])
def test_a_bad_page_number_is_a_400_on_the_field(api: APIClient, page: str) -> None:
    body = assert_error(api.get("/api/v1/credits/transactions", {"page": page}), 400, "invalid")
    assert body["error"]["fields"] == {"page": ["Pages are numbered from 1."]}


@pytest.mark.django_db
def test_the_first_page_and_a_page_past_the_end(api: APIClient) -> None:
    assert api.get("/api/v1/credits/transactions", {"page": "1"}).status_code == 200
    assert_error(api.get("/api/v1/credits/transactions", {"page": "999"}), 404, "not_found")


@pytest.mark.django_db
def test_method_media_type_and_accept_errors_are_json(api: APIClient) -> None:
    assert_error(api.put("/api/v1/credits/balance", {}, format="json"), 405, "method_not_allowed")
    unsupported = api.generic("POST", "/api/v1/keys", "name=x", content_type="text/plain")
    assert_error(unsupported, 415, "unsupported_media_type")
    assert_error(api.get("/api/v1/credits/balance", HTTP_ACCEPT="image/png"), 406, "not_acceptable")


def test_an_unexpected_error_under_the_api_is_a_json_500() -> None:
    response = server_error(RequestFactory().get("/api/v1/research/tasks"))
    assert (response.status_code, response["Content-Type"]) == (500, "application/json")
    assert b'"code": "server_error"' in response.content


@pytest.mark.django_db
def test_the_schema_documents_every_operations_errors_in_the_error_shape() -> None:
    schema = APIClient().get("/api/schema/", {"format": "json"}).json()
    assert schema["components"]["schemas"]["Error"]["required"] == ["error"]
    operations = {
        (path, method): operation
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    }
    assert len(operations) >= 15
    for (path, method), operation in operations.items():
        responses = operation["responses"]
        for status in ("400", "401", "403", "404", "405", "406", "429", "500", "503"):
            assert responses[status]["content"]["application/json"]["schema"] == ERROR, (path, method, status)
        if method == "post":
            assert {"409", "413", "415"} <= set(responses), (path, method)
    submit = operations[("/api/v1/research/submit", "post")]["responses"]
    assert submit["402"]["content"]["application/json"]["schema"] == ERROR


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["md", "pdf", "docx", "json"])
def test_export_errors_are_json_whatever_the_format(
    api: APIClient, mongo_db: Any, export_format: str
) -> None:
    # when alice asks for the export of a task that does not exist, in any format
    response = api.get(f"/api/v1/research/tasks/{'0' * 32}/export", {"format": export_format})
    # then the error is JSON, not JSON text labelled as the file type
    assert_error(response, 404, "not_found")
