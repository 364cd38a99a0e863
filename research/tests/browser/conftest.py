"""Browser tests: Debian's Chromium driven by Playwright against the real server, worker and engines."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "var" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery staple"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip, with the reason, when the browser or the built SPA is missing."""
    reason = ""
    if not Path(CHROMIUM).exists():
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    elif not (ROOT / "frontend" / "dist" / ".vite" / "manifest.json").exists():
        reason = "the SPA is not built (make frontend)"
    if reason and os.environ.get("PMF_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"browser tests cannot run: {reason}")
    if reason:
        for item in items:
            if "research/tests/browser" in str(item.path):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, which Django's async-safety
    # check mistakes for async code; the tests' ORM calls are plain synchronous ones.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield instance
            instance.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def founder(transactional_db: None) -> Any:
    """A signed-up founder with this month's credits."""
    from credits.tests.factories import UserFactory

    return UserFactory(username="fiona", password=PASSWORD)


@pytest.fixture
def server_url(live_stack: dict[str, Any], mongo_db: Any) -> str:
    """The base URL of the real ASGI server (a real worker consumes its queue)."""
    return str(live_stack["server"].url)


def sign_in(browser: Any, server_url: str, username: str, viewport: dict[str, int] = DESKTOP) -> Any:
    """A new browser context signed in through the sign-in page; returns its first page."""
    context = browser.new_context(viewport=viewport, accept_downloads=True, base_url=server_url)
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto("/")
    page.wait_for_url("**/accounts/login/**")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="New research").wait_for()
    return page


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot under var/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
