"""Credits refusals become the documented API errors through the one exception handler."""

from __future__ import annotations

from credits.exceptions import InsufficientCredits, InvalidDepth, InvalidGrant, NotCharged
from infra.api_errors import api_exception_handler


def test_insufficient_credits_is_a_402_with_balance_cost_and_depth() -> None:
    # when
    response = api_exception_handler(InsufficientCredits(balance=4, cost=6, depth="essential"), {})
    # then
    assert response is not None
    assert response.status_code == 402
    assert response.data == {
        "error": {
            "code": "insufficient_credits",
            "message": "This essential research costs 6 credits; your balance is 4.",
            "balance": 4,
            "cost": 6,
            "depth": "essential",
        }
    }


def test_not_charged_is_a_409() -> None:
    # when
    response = api_exception_handler(NotCharged(request_id="req-x"), {})
    # then
    assert response is not None
    assert (response.status_code, response.data["error"]["code"]) == (409, "not_charged")
    assert response.data["error"]["request_id"] == "req-x"


def test_invalid_depth_and_grant_are_400s() -> None:
    # when
    depth = api_exception_handler(InvalidDepth("Unknown research depth 'x'.", depth="x"), {})
    grant = api_exception_handler(InvalidGrant("A reason is required."), {})
    # then
    assert depth is not None and grant is not None
    assert (depth.status_code, depth.data["error"]["code"]) == (400, "invalid_depth")
    assert (grant.status_code, grant.data["error"]["code"]) == (400, "invalid_grant")
