"""Every main page at desktop and phone width: no serious or critical axe-core violations; screenshots."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from agents.checkpoints import CHECKPOINTS
from research import documents
from research.tests.browser.conftest import DESKTOP, PHONE, screenshot, sign_in
from research.tests.factories import insert_tasks, make_task, now

pytestmark = [pytest.mark.integration, pytest.mark.slow]

IDEA = (
    "Restaurant inventory and food-waste tracking SaaS for independent restaurants. Kitchen staff count "
    "stock and log food waste from a phone in seconds."
)
BLOCKING = {"serious", "critical"}
NARROWEST = {"width": 360, "height": 740}


def axe_violations(page: Any) -> list[str]:
    """Serious and critical axe-core violations on the page, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(str(node.get("target")) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation.get("impact") in BLOCKING
    ]


def checkpoint_records(count: int, start: Any) -> list[documents.CheckpointRecord]:
    """The first ``count`` checkpoints, one second apart (market, competitor, customer interleaved)."""
    order = [1, 2, 3, 7, 11, 4, 8, 12, 5, 9, 13, 6, 10, 14, 15, 16, 17][:count]
    return [
        documents.CheckpointRecord(
            spec.number, spec.key, spec.category, spec.label, start + timedelta(seconds=index)
        )
        for index, spec in enumerate(CHECKPOINTS[number - 1] for number in order)
    ]


@pytest.mark.parametrize("live_stack", [{"RESEARCH_REAPER_INTERVAL_SECONDS": "3600"}], indirect=True)
def test_main_pages_are_accessible_at_desktop_and_phone_width(
    browser: Any, server_url: str, founder: Any, live_stack: dict[str, Any]
) -> None:
    # given a completed research (run for real), one in progress and one that failed
    page = sign_in(browser, server_url, founder.username)
    page.get_by_label("Your product idea").fill(IDEA)
    page.get_by_role("button", name="Start research").click()
    page.wait_for_url(re.compile(r"/tasks/[^/]+$"))
    completed_url = page.url
    page.get_by_role("tab", name="Summary").wait_for(timeout=120_000)
    started = now() - timedelta(seconds=40)
    running = make_task(
        founder.pk, title="Async video stand-ups for remote teams", status="processing",
        started_at=started, checkpoints=checkpoint_records(8, started), credits_charged=12, depth="standard",
    )  # fmt: skip
    failed = make_task(
        founder.pk, title="Dog-walking marketplace", status="failed", refunded=True,
        error="The search provider did not answer in time.", checkpoints=checkpoint_records(3, started),
    )  # fmt: skip
    insert_tasks([running, failed])
    page.context.close()

    pages = {
        "new-research": ("/", "heading", "New research"),
        "progress": (f"/tasks/{running.id}", "progressbar", None),
        "report": (completed_url.replace(server_url, ""), "tab", "Summary"),
        "failed": (f"/tasks/{failed.id}", "heading", "This research failed"),
        "history": ("/tasks", "heading", "Research history"),
        "credits": ("/credits", "heading", "Transaction history"),
        "api-keys": ("/keys", "heading", "Your keys"),
    }
    problems: list[str] = []
    for size_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = sign_in(browser, server_url, founder.username, viewport=viewport)
        for name, (path, role, label) in pages.items():
            page.goto(path)
            target = page.get_by_role(role, name=label) if label else page.get_by_role(role)
            target.first.wait_for()
            page.wait_for_load_state("networkidle")
            problems += [f"{name} at {size_name}: {line}" for line in axe_violations(page)]
            screenshot(page, f"{name}-{size_name}")
            if name == "report":
                page.get_by_role("tab", name="PMF score").click()
                problems += [f"report score tab at {size_name}: {line}" for line in axe_violations(page)]
                screenshot(page, f"report-score-{size_name}")
                page.get_by_role("tab", name="Competitors").click()
                screenshot(page, f"report-competitors-{size_name}")
        page.context.close()

    # and nothing scrolls sideways at the narrowest supported width
    page = sign_in(browser, server_url, founder.username, viewport=NARROWEST)
    for name, (path, role, label) in pages.items():
        page.goto(path)
        target = page.get_by_role(role, name=label) if label else page.get_by_role(role)
        target.first.wait_for()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{name} at 360 px scrolls sideways by {overflow} px")
    # and the dialogs and the account menu are usable on a phone
    page.set_viewport_size(PHONE)
    page.goto(f"/tasks/{running.id}")
    page.get_by_role("button", name="Abort research").click()
    page.get_by_role("alertdialog").wait_for()
    problems += [f"abort dialog: {line}" for line in axe_violations(page)]
    screenshot(page, "abort-dialog-phone")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Account menu").click()
    page.get_by_role("menuitem", name="Sign out").wait_for()
    screenshot(page, "account-menu-phone")
    page.keyboard.press("Escape")
    page.context.close()

    assert problems == []
