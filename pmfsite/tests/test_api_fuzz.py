"""Property-based API fuzzing (schemathesis) against our own OpenAPI schema: no 5xx, no schema violations,
no status code the schema does not document.

Every operation in the schema is driven with generated inputs, through the real Django app, as alice
(an API key). Bounded: a few examples per operation, so it fits in ``make test``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance

from credits.keys import api_key_create
from credits.tests.factories import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.django_db]
EXAMPLES_PER_OPERATION = 12


@pytest.fixture
def keep_test_connection() -> Iterator[None]:
    """Like Django's test client: requests must not close the test's transaction-bound connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_operation_answers_without_5xx_and_within_its_schema(
    keep_test_connection: None, mongo_db: Any
) -> None:
    from pmfsite.wsgi import application

    # given alice's key and our schema, loaded through the app itself (never the network)
    key = api_key_create(user=UserFactory(username="alice")).raw
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    checked = []
    for operation in operations:
        # when each operation is called with generated data, then no check fails
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck))
        def call(case: Any) -> None:
            case.call_and_validate(
                headers={"Authorization": f"Api-Key {key}"},
                checks=[not_a_server_error, status_code_conformance, response_schema_conformance],
            )

        call()
        checked.append(operation.label)
    assert len(checked) == len(operations)
