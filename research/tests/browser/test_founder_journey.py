"""A founder's whole journey in a real browser: sign in, research, report, export, search, abort, delete."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from research.tests.browser.conftest import sign_in

pytestmark = [pytest.mark.integration, pytest.mark.slow]

IDEA = (
    "An AI meal-planning and grocery app for busy families. It plans a week of dinners around every "
    "family member's diet and allergies and builds one shared grocery list."
)
SECOND_IDEA = "Restaurant inventory and food-waste tracking SaaS for independent restaurants."


def submit(page: Any, idea: str, depth: str) -> str:
    """Fill the research form, start it, and return the new task's id from the URL."""
    page.goto("/")
    page.get_by_label("Your product idea").fill(idea)
    page.locator("label", has=page.get_by_role("radio", name=re.compile(depth))).click()
    page.get_by_role("button", name="Start research").click()
    page.wait_for_url(re.compile(r"/tasks/[^/]+$"))
    return str(page.url.rstrip("/").rsplit("/", 1)[-1])


def test_a_founder_researches_an_idea_end_to_end(
    browser: Any, server_url: str, founder: Any, live_stack: dict[str, Any], tmp_path: Path
) -> None:
    # given fiona signs in through the sign-in page
    page = sign_in(browser, server_url, founder.username)
    balance = page.get_by_test_id("header-balance")
    balance.filter(has_text="credits").wait_for()
    assert balance.inner_text() == "1000 credits"

    # when she submits an idea at essential depth
    task_id = submit(page, IDEA, "Essential")

    # then the progress page follows the research to its report
    page.get_by_role("tab", name="Summary").wait_for(timeout=120_000)
    assert page.get_by_text("Completed", exact=True).first.is_visible()
    assert re.fullmatch(r"\d+ / 100", page.get_by_text(re.compile(r"^\d+ / 100$")).first.inner_text())
    assert page.get_by_test_id("header-balance").inner_text() == "994 credits"

    # and every report tab opens
    for tab in (
        "Market",
        "Competitors",
        "Customers",
        "PMF score",
        "Recommendations",
        "Methodology",
        "Citations",
    ):
        page.get_by_role("tab", name=tab).click()
        assert page.get_by_role("tabpanel", name=tab).is_visible()
    page.get_by_role("tab", name="Citations").click()
    # (the sample corpus's addresses are fictional: its sources are labelled, not linked)
    citations = page.get_by_role("tabpanel", name="Citations")
    assert citations.get_by_text("Fictional sample").count() > 0
    assert citations.get_by_role("link").count() == 0

    # when she exports the report as Markdown
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export Markdown").click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    # then a Markdown file named after the research is saved
    assert saved.suffix == ".md"
    assert saved.read_text().lstrip().startswith("#")

    # when she types part of the title into the history search
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Research history").click()
    search = page.get_by_role("combobox", name="Search research")
    words = page.locator(f'a[href="/tasks/{task_id}"]').first.inner_text().split()
    fragment = max(words, key=len)[:5]
    search.fill(fragment)
    # then a suggestion and the filtered list both find it
    page.get_by_role("option").first.wait_for()
    page.wait_for_url(re.compile(r"\?q="))
    assert page.locator(f'a[href="/tasks/{task_id}"]').count() == 1

    # when a second research is started while no worker is free, and she aborts it
    live_stack["worker"].stop()
    second_id = submit(page, SECOND_IDEA, "Standard")
    page.get_by_role("button", name="Abort research").click()
    dialog = page.get_by_role("alertdialog")
    assert "refunded" in dialog.inner_text()
    dialog.get_by_role("button", name="Abort research").click()
    # then it shows as aborted with its credits refunded
    page.get_by_text("This research was aborted").wait_for()
    assert page.get_by_test_id("refund-note").inner_text() == "12 credits refunded."
    page.get_by_test_id("header-balance").filter(has_text="994 credits").wait_for()

    # when she selects both researches in the history and deletes them
    page.goto("/tasks")
    page.get_by_role("checkbox", name="Select all on this page").check()
    page.get_by_role("button", name="Delete selected").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete").click()
    # then the history is empty
    page.get_by_text("No research yet — start one.").wait_for()
    assert second_id != task_id
    page.context.close()
