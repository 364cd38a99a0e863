"""Script-injection payloads in an idea are stored verbatim and never execute in the web app."""

from __future__ import annotations

import re
from typing import Any

import pytest

from research import documents
from research.tests.browser.conftest import sign_in

pytestmark = [pytest.mark.integration, pytest.mark.slow]

PAYLOAD = (
    'AI meal planning app for busy families <script>window.__pwned = 1; alert("xss-script")</script>'
    "<img src=x onerror=\"window.__pwned = 2; alert('xss-img')\"> that builds the grocery list"
)
SCRIPT = '<script>window.__pwned = 1; alert("xss-script")</script>'


def test_payloads_in_an_idea_are_text_everywhere(browser: Any, server_url: str, founder: Any) -> None:
    # given a founder who submits an idea carrying script and onerror payloads
    page = sign_in(browser, server_url, founder.username)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.get_by_label("Your product idea").fill(PAYLOAD)
    page.get_by_role("button", name="Start research").click()
    page.wait_for_url(re.compile(r"/tasks/[^/]+$"))
    task_id = page.url.rsplit("/", 1)[-1]
    page.get_by_role("tab", name="Summary").wait_for(timeout=120_000)
    # then it is stored verbatim
    task = documents.task_get(task_id)
    assert task is not None and task.product_idea == PAYLOAD and task.status == "completed"
    # when the report's tabs and the task list (with a search) are opened
    for tab in page.get_by_role("tab").all():
        tab.click()
        assert_nothing_injected(page)
    # the summary restates the whole idea, payload included, as text
    page.get_by_role("tab", name="Summary").click()
    assert SCRIPT in page.get_by_role("tabpanel", name="Summary").inner_text()
    page.goto("/tasks")
    page.get_by_role("combobox", name="Search research").fill("grocery list")
    page.get_by_text("AI meal planning app for busy families", exact=False).first.wait_for()
    assert_nothing_injected(page)
    # then no dialog ever fired, and the payload shows as text
    assert dialogs == []
    assert page.evaluate("window.__pwned") is None
    # the list shows the title (the idea cut at a word boundary), payload text and all
    assert "busy families <script>window.__pwned = 1;" in page.locator("body").inner_text()


def assert_nothing_injected(page: Any) -> None:
    """No element from the payload made it into the DOM."""
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("img[onerror]").count() == 0
    inline_scripts = page.evaluate("[...document.scripts].filter(s => !s.src).map(s => s.textContent)")
    assert not any("__pwned" in script for script in inline_scripts)
    assert page.evaluate("window.__pwned") is None
