"""Domain errors carry a code and no HTTP status; the one table at the API edge gives every code a status."""

from __future__ import annotations

import ast
from pathlib import Path

import credits.exceptions
import research.captcha
import research.exceptions
from conftest import ROOT
from infra.api_errors import STATUS_BY_CODE, api_exception_handler
from infra.errors import DomainError, Unavailable

DOMAIN_MODULES = [credits.exceptions, research.exceptions, research.captcha]


def every_subclass(kind: type) -> list[type]:
    found = []
    for child in kind.__subclasses__():
        found += [child, *every_subclass(child)]
    return found


def test_every_domain_error_code_has_an_http_status_in_the_one_table() -> None:
    # given every domain error the apps define (imported above)
    kinds = [kind for kind in every_subclass(DomainError) if not kind.__module__.endswith("tests")]
    # then each code is in the table and none of them sets an HTTP status itself
    assert {kind.code for kind in kinds} <= set(STATUS_BY_CODE)
    assert not [kind for kind in kinds if "status_code" in vars(kind)]


def test_domain_exception_modules_do_not_import_drf() -> None:
    for module in DOMAIN_MODULES:
        tree = ast.parse(Path(module.__file__ or "").read_text())
        imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        imported += [
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        ]
        assert not [name for name in imported if name.startswith("rest_framework")], module.__name__
    assert (ROOT / "infra" / "errors.py").read_text().count("rest_framework") == 0


def test_unavailable_answers_503_with_retry_after() -> None:
    # when a store outage reaches the API edge
    response = api_exception_handler(research.exceptions.StoreUnavailable("MongoDB is down."), {})
    # then it is a JSON 503 that tells the client when to retry
    assert response is not None
    assert (response.status_code, response.data["error"]["code"]) == (503, "store_unavailable")
    assert int(response["Retry-After"]) == Unavailable.retry_after_seconds


def test_distinct_refusals_have_distinct_codes() -> None:
    conflicts = [research.exceptions.TaskNotRunning, research.exceptions.TaskStillRunning,
                 research.exceptions.ReportNotReady, research.exceptions.IdempotencyKeyReused]  # fmt: skip
    assert len({kind.code for kind in conflicts}) == len(conflicts)
    assert {STATUS_BY_CODE[kind.code] for kind in conflicts} == {409}
