"""Ideas must be text with letters; invisible and control characters are removed before measuring,
storing and titling, and a refused idea is never charged."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from credits.models import CreditTransaction
from infra.text import clean_text
from research import documents
from research.mongo import research_tasks

URL = "/api/v1/research/submit"
ZERO_WIDTH_SPACE, RIGHT_TO_LEFT_OVERRIDE, BYTE_ORDER_MARK = "\u200b", "\u202e", "\ufeff"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("idea", "message"),
    [
        (12345678901, "Not a valid string."),
        (12.5, "Not a valid string."),
        (True, "Not a valid string."),
        (ZERO_WIDTH_SPACE * 30, "Describe your product idea."),
        (BYTE_ORDER_MARK * 12 + RIGHT_TO_LEFT_OVERRIDE * 12, "Describe your product idea."),
        ("\x1b[31m\x1b[1m\x1b[0m" * 5, "Describe your product idea."),
        ("1234567890 !!! 42", "Describe your product idea in words."),
        ("Meal plan" + ZERO_WIDTH_SPACE * 20, "Describe your idea in at least 10 characters."),
    ],
)
def test_ideas_without_visible_words_are_400_and_not_charged(
    alice_api: APIClient, mongo_db: Any, idea: Any, message: str
) -> None:
    # when alice submits an idea that is not text, or nothing but invisible or escape characters
    response = alice_api.post(URL, {"product_idea": idea}, format="json")
    # then it is refused on the field, and nothing is charged or stored
    assert response.status_code == 400, response.content
    assert response.json()["error"]["fields"]["product_idea"] == [message]
    assert CreditTransaction.objects.filter(kind="research_charge").count() == 0
    assert research_tasks().count_documents({}) == 0


@pytest.mark.django_db
def test_control_format_and_escape_characters_never_reach_the_stored_idea_or_title(
    alice_api: APIClient, mongo_db: Any
) -> None:
    # given an idea with fullwidth letters, ANSI colours, a bidi override, zero-width spaces and a BEL
    idea = (
        f"\x1b[31m\uff21\uff29 meal{ZERO_WIDTH_SPACE} planner{RIGHT_TO_LEFT_OVERRIDE}"
        " for busy families\x1b[0m\x07"
        "\r\nIt turns the week's dinners into a grocery list."
    )
    # when alice submits it
    response = alice_api.post(URL, {"product_idea": idea}, format="json")
    # then the stored idea and its title are the visible text alone
    assert response.status_code == 202, response.content
    task = documents.task_get(response.json()["task_id"])
    assert task is not None
    assert (
        task.product_idea
        == "AI meal planner for busy families\nIt turns the week's dinners into a grocery list."
    )
    assert task.title == "AI meal planner for busy families"


def test_clean_text_keeps_words_of_every_script_and_line_breaks() -> None:
    text = "Приложение\tдля 家庭\u2028meal 🍲 planning\x00 café"
    assert clean_text(text) == "Приложение\tдля 家庭\nmeal 🍲 planning café"
