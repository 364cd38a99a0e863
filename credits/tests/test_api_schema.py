"""The credits endpoints are documented in the OpenAPI schema."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator


@pytest.mark.django_db
def test_schema_documents_credits_and_keys() -> None:
    # when
    schema = SchemaGenerator().get_schema(request=None, public=True)
    # then
    paths = schema["paths"]
    balance = paths["/api/v1/credits/balance"]["get"]["responses"]["200"]["content"]["application/json"]
    assert balance["schema"] == {"$ref": "#/components/schemas/Balance"}
    assert "/api/v1/credits/transactions" in paths
    assert set(paths["/api/v1/keys"]) == {"get", "post"}
    assert "201" in paths["/api/v1/keys"]["post"]["responses"]
    assert set(paths["/api/v1/keys/{key_id}"]) == {"delete"}
