"""Issue 15 in a real browser: a report founders trust and share, at desktop and phone width.

One real research (real worker, sample corpus) is followed from the form to its report; other states
(insufficient evidence, running) are stored tasks. Screenshots go to var/screenshots/trust-*.png.
"""

from __future__ import annotations

import copy
import re
from datetime import timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from agents.report import SECTIONS
from research import documents
from research.tests.browser.conftest import DESKTOP, PASSWORD, PHONE, screenshot, sign_in
from research.tests.browser.test_pages import axe_violations, checkpoint_records
from research.tests.factories import insert_tasks, make_task, now

pytestmark = [pytest.mark.integration, pytest.mark.slow]

IDEA = (
    "An AI meal-planning and grocery app for busy families. It plans a week of dinners around every "
    "family member's diet and allergies and builds one shared grocery list."
)


def download(page: Any, link_name: str, folder: Path) -> bytes:
    """Click an export link and return the saved file's bytes."""
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target.read_bytes()


def check_report_page(page: Any, problems: list[str], size: str, folder: Path) -> None:
    """Demo banner, legend, tab in the URL, a source's passage, exports — at one width."""
    assert page.get_by_test_id("demo-banner").is_visible()
    assert page.get_by_text("How to read the checks on each finding").is_visible()
    problems += [f"report at {size}: {line}" for line in axe_violations(page)]
    screenshot(page, f"trust-report-{size}")
    # the open tab is in the URL and survives a reload
    page.get_by_role("tab", name="Market").click()
    page.wait_for_url(re.compile(r"\?tab=market"))
    page.reload()
    page.get_by_role("tab", name="Market", selected=True).wait_for()
    # a finding's source opens its passage, the quote highlighted, marked as a fictional sample
    market = page.get_by_role("tabpanel", name="Market")
    market.get_by_role("button", name=re.compile(r"^S\d+")).first.click()
    dialog = page.get_by_role("dialog")
    dialog.locator("mark").first.wait_for()
    assert "Fictional sample document" in dialog.inner_text()
    assert dialog.get_by_test_id("passage-status").inner_text().startswith("The quote, highlighted")
    problems += [f"source dialog at {size}: {line}" for line in axe_violations(page)]
    screenshot(page, f"trust-source-passage-{size}")
    page.keyboard.press("Escape")
    page.get_by_role("tab", name="PMF score").click()
    score = page.get_by_role("tabpanel", name="PMF score")
    score.get_by_text(re.compile(r"^(High|Medium|Low) confidence$")).first.wait_for()
    screenshot(page, f"trust-report-score-{size}")
    page.get_by_role("tab", name="Citations").click()
    screenshot(page, f"trust-report-citations-{size}")
    if size == "desktop":
        word = Document(BytesIO(download(page, "Export Word", folder)))
        styled = [(p.text, p.style.name if p.style is not None else "") for p in word.paragraphs]
        headings = [text for text, style in styled if str(style).startswith("Heading")]
        assert [h for h in headings if h in SECTIONS] == list(SECTIONS)
        reader = PdfReader(BytesIO(download(page, "Export PDF", folder)))
        pdf = " ".join(p.extract_text() for p in reader.pages)
        flat = " ".join(pdf.split())
        assert all(title in flat for title in SECTIONS) and "Demo report" in flat
        assert re.search(r"\[S1\] .* https://[^ ]+\.example/", flat)


def test_a_founder_reads_a_report_she_can_check_and_share(
    browser: Any, server_url: str, founder: Any, live_stack: dict[str, Any], tmp_path: Path
) -> None:
    problems: list[str] = []
    # given fiona's research on the sample corpus, run for real from the form (Ctrl+Enter submits)
    page = sign_in(browser, server_url, founder.username)
    page.get_by_test_id("demo-mode").wait_for()  # no web search configured: the form says so first
    idea_box = page.get_by_label("Your product idea")
    assert idea_box.evaluate("element => element === document.activeElement")
    idea_box.fill(IDEA)
    page.keyboard.press("Control+Enter")
    page.wait_for_url(re.compile(r"/tasks/[^/?]+$"))
    report_path = page.url.replace(server_url, "")
    page.get_by_role("tab", name="Summary").wait_for(timeout=120_000)
    assert page.title().startswith("Completed · ")
    # then the report can be checked and shared at desktop width
    check_report_page(page, problems, "desktop", tmp_path)
    task_id = report_path.rsplit("/", 1)[-1]
    stored = documents.task_get(task_id)
    assert stored is not None and stored.report is not None

    # given the same research as it would end without evidence, and one still running
    ended = copy.deepcopy(stored.report)
    ended.update(outcome="insufficient_evidence", pmf_score=None, strategic_recommendations=[])
    ended["outcome_reason"] = "Searched for the chemistry tutoring market, its rivals and students' needs."
    ended["executive_summary"] = "None of the retrieved sources was about an AI chemistry tutor."
    ended["market_analysis"].update(market_size=[], growth=[], headline=None, other_figures=[], conflicts=[])
    ended["competitive_landscape"].update(competitors=[], gaps=[], conflicts=[])
    ended["conflicts"] = []
    started = now() - timedelta(seconds=40)
    insufficient = make_task(
        founder.pk, title="AI tutor for high-school chemistry", status="insufficient_evidence", report=ended,
        product_idea="AI tutor for high-school chemistry that explains each exam question step by step.",
        refunded=True, credits_charged=6, completed_at=now(), checkpoints=checkpoint_records(17, started),
    )  # fmt: skip
    running = make_task(
        founder.pk, title="Async video stand-ups for remote teams", status="processing", depth="standard",
        product_idea="Async video stand-ups for remote teams.",
        started_at=started, checkpoints=checkpoint_records(10, started), credits_charged=12,
    )  # fmt: skip
    insert_tasks([insufficient, running])
    # then the insufficient-evidence research is its own state, with the refund and no score
    page.goto(f"/tasks/{insufficient.id}")
    page.get_by_role("heading", name="Not enough evidence to score this idea").wait_for()
    assert page.get_by_test_id("refund-note").inner_text() == "6 credits refunded."
    page.get_by_text("No score", exact=True).wait_for()
    problems += [f"insufficient page: {line}" for line in axe_violations(page)]
    screenshot(page, "trust-insufficient-desktop")
    # and the history shows it apart, scores coloured, sortable by score
    page.goto("/tasks?sort=-pmf_score")
    page.get_by_role("heading", name="Research history").wait_for()
    page.locator(f'a[href="/tasks/{insufficient.id}"]').wait_for()
    card = page.locator("li", has=page.locator(f'a[href="/tasks/{insufficient.id}"]'))
    assert "Not enough evidence" in card.inner_text() and "6 credits refunded" in card.inner_text()
    assert page.locator("li").filter(has_text=re.compile(r"PMF \d+/100")).count() == 1
    screenshot(page, "trust-history-desktop")
    # and a running research shows its progress in the tab title, the bar as wide as its percentage
    page.goto(f"/tasks/{running.id}")
    bar = page.get_by_role("progressbar")
    bar.wait_for()
    page.wait_for_function("document.title.startsWith('59% · ')")
    ratio = page.evaluate(
        "() => { const bar = document.querySelector('[role=progressbar]');"
        " return bar.firstElementChild.getBoundingClientRect().width / bar.getBoundingClientRect().width; }"
    )
    assert round(ratio, 2) == 0.59, ratio
    screenshot(page, "trust-progress-desktop")
    # and a credit row links to the research it paid for
    page.goto("/credits")
    page.get_by_role("link", name="Open the research").first.click()
    page.wait_for_url(re.compile(r"/tasks/[^/?]+$"))
    page.get_by_role("tab", name="Summary").wait_for()
    page.context.close()

    # at phone width: compact summary, every tab reachable without sideways scrolling
    page = sign_in(browser, server_url, founder.username, viewport=PHONE)
    page.goto(report_path)
    page.get_by_role("tab", name="Summary").wait_for()
    tabs = page.get_by_role("tablist", name="Report sections")
    assert tabs.evaluate("element => element.scrollWidth <= element.clientWidth")
    for tab in page.get_by_role("tab").all():
        box = tab.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    cards = page.locator("dl").filter(has_text="PMF score").first.bounding_box()
    assert cards is not None and cards["height"] < 220, cards
    check_report_page(page, problems, "phone", tmp_path)
    page.goto(f"/tasks/{insufficient.id}")
    page.get_by_role("heading", name="Not enough evidence to score this idea").wait_for()
    screenshot(page, "trust-insufficient-phone")
    page.goto("/tasks")
    page.locator(f'a[href="/tasks/{insufficient.id}"]').wait_for()
    screenshot(page, "trust-history-phone")
    page.context.close()

    # with no worker running, the form says so before anything is charged
    live_stack["worker"].stop()
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = sign_in(browser, server_url, founder.username, viewport=viewport)
        page.get_by_test_id("no-worker-warning").wait_for(timeout=20_000)
        assert page.get_by_role("button", name="Start anyway").is_visible()
        problems += [f"form without worker at {size}: {line}" for line in axe_violations(page)]
        screenshot(page, f"trust-new-research-no-worker-{size}")
        page.context.close()

    assert problems == []


def test_sign_in_keeps_the_username_and_confirms_sign_out(
    browser: Any, server_url: str, founder: Any
) -> None:
    problems: list[str] = []
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, base_url=server_url)
        page = context.new_page()
        # when a wrong password is given
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(founder.username)
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Sign in").click()
        # then the username is kept and the password box has focus
        page.get_by_role("alert").wait_for()
        assert page.get_by_label("Username").input_value() == founder.username
        assert page.get_by_label("Password").evaluate("element => element === document.activeElement")
        problems += [f"sign-in at {size}: {line}" for line in axe_violations(page)]
        screenshot(page, f"trust-sign-in-failed-{size}")
        # when she signs in and then out
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("heading", name="New research").wait_for()
        page.get_by_role("button", name="Account menu").click()
        page.get_by_role("menuitem", name="Sign out").click()
        # then the sign-in page confirms it
        page.get_by_text("You have been signed out.").wait_for()
        screenshot(page, f"trust-signed-out-{size}")
        context.close()
    assert problems == []
