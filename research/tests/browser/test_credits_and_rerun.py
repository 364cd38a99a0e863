"""Issue 15 in a real browser: running a research again with edits, and the form at zero credits.

The original research is a stored failed task; the reruns run for real (real worker, sample corpus) and
are charged by the real ledger. Screenshots go to var/screenshots/rerun-*.png and zero-credits-*.png.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from credits.models import CreditTransaction, TransactionKind
from credits.services import current_month
from credits.tests.factories import CreditBalanceFactory
from research import documents
from research.tests.browser.conftest import DESKTOP, PHONE, screenshot, sign_in
from research.tests.browser.test_pages import axe_violations
from research.tests.factories import insert_tasks, make_task, now

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ORIGINAL_IDEA = "An AI meal planner for busy families that plans dinners around allergies."
EDITED_IDEA = (
    "An AI meal-planning and grocery app for busy families: a week of dinners around every family "
    "member's diet and allergies, and one shared grocery list."
)


def test_a_founder_reruns_a_research_with_edits_then_meets_the_zero_credit_form(
    browser: Any, server_url: str, founder: Any, live_stack: dict[str, Any]
) -> None:
    problems: list[str] = []
    # given fiona has 18 credits this month and an essential research that failed
    CreditBalanceFactory.create(user=founder, current_balance=18)
    original = make_task(
        founder.pk, title="AI meal planner", product_idea=ORIGINAL_IDEA, status="failed",
        error="The research could not finish.", completed_at=now(), refunded=True,
    )  # fmt: skip
    insert_tasks([original])
    page = sign_in(browser, server_url, founder.username)
    page.get_by_test_id("header-balance").filter(has_text="18 credits").wait_for()

    # when she runs it again from its page, the form comes prefilled, linked to the original
    page.goto(f"/tasks/{original.id}")
    page.get_by_role("link", name="Run again…").click()
    page.get_by_role("heading", name="Run a research again").wait_for()
    idea_box = page.get_by_label("Your product idea")
    assert idea_box.input_value() == ORIGINAL_IDEA
    assert page.get_by_role("radio", name=re.compile("Essential")).is_checked()
    assert page.get_by_role("link", name="AI meal planner").get_attribute("href") == f"/tasks/{original.id}"
    problems += [f"rerun form: {line}" for line in axe_violations(page)]
    screenshot(page, "rerun-form-desktop")
    # and edits the idea and picks a deeper research before starting it
    idea_box.fill(EDITED_IDEA)
    page.locator("label", has=page.get_by_role("radio", name=re.compile("Standard"))).click()
    page.get_by_role("button", name="Start research").click()
    page.wait_for_url(re.compile(r"/tasks/[^/?]+$"))
    rerun_id = page.url.rstrip("/").rsplit("/", 1)[-1]

    # then the new research is her edit at the new depth, charged for that depth, linked to the original
    rerun = documents.task_get(rerun_id)
    assert rerun is not None and rerun.id != original.id
    assert (rerun.product_idea, rerun.depth, rerun.rerun_of, rerun.credits_charged) == (
        EDITED_IDEA,
        "standard",
        original.id,
        12,
    )
    page.get_by_role("tab", name="Summary").wait_for(timeout=120_000)
    page.get_by_role("link", name="Rerun of an earlier research").click()
    page.wait_for_url(re.compile(rf"/tasks/{original.id}$"))
    assert page.get_by_test_id("header-balance").inner_text() == "6 credits"

    # when she spends the last 6 credits on an essential research
    page.goto("/")
    page.get_by_label("Your product idea").fill(EDITED_IDEA)
    page.locator("label", has=page.get_by_role("radio", name=re.compile("Essential"))).click()
    page.get_by_role("button", name="Start research").click()
    page.wait_for_url(re.compile(r"/tasks/[^/?]+$"))
    page.get_by_test_id("header-balance").filter(has_text="0 credits").wait_for()
    charges = CreditTransaction.objects.filter(balance__user=founder, kind=TransactionKind.RESEARCH_CHARGE)
    assert sorted(row.amount for row in charges) == [-12, -6]

    # then the form says once, in plain words, that nothing is affordable and when credits renew
    year, month = (int(part) for part in current_month().split("-"))
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        if size == "phone":
            page.context.close()
            page = sign_in(browser, server_url, founder.username, viewport=viewport)
        page.goto("/")
        page.get_by_role("heading", name="New research").wait_for()
        blocked = page.locator("#submit-blocked")
        blocked.wait_for()
        text = blocked.inner_text()
        assert text.startswith("Out of credits. You have 0 credits, not enough for any research. "), text
        assert "Your credits renew on " in text
        # before the form, in sight without scrolling, even on a phone
        box = blocked.bounding_box()
        assert box is not None and box["y"] + box["height"] <= viewport["height"], box
        assert page.get_by_test_id("cost-preview").get_by_text("Short by 6 credits").is_visible()
        assert str(year + (month == 12)) in text and "smaller depth" not in text
        assert page.get_by_text("not enough for any research").count() == 1  # one message, not two
        assert page.get_by_role("button", name="Start research").is_disabled()
        # and the depth she chose last survives a reload
        page.reload()
        page.get_by_role("radio", name=re.compile("Essential")).wait_for()
        assert page.get_by_role("radio", name=re.compile("Essential")).is_checked()
        problems += [f"zero-credit form at {size}: {line}" for line in axe_violations(page)]
        screenshot(page, f"zero-credits-{size}")
    page.context.close()

    assert problems == []
