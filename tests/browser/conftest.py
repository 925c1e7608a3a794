"""Playwright on Debian's Chromium (no browser download), one fresh context per test."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.harness import PageGuard, mark_without_javascript
from tests.conftest import CHROMIUM, CHROMIUM_MISSING

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Package scope: Playwright's sync API keeps an event loop marked as running in this thread
# while it lives, which would break asyncio.run() in the tests that come after these.
@pytest.fixture(scope="package")
def browser(django_db_setup):
    if not CHROMIUM.exists():
        # Only reached with SAMENSPEL_REQUIRE_BROWSER=1; otherwise the tests were skipped.
        pytest.fail(CHROMIUM_MISSING.replace("skipped", "required"), pytrace=False)
    # That running loop also makes Django refuse ORM calls in tests and fixtures
    # (SynchronousOnlyOperation), and gives this thread fresh connection objects (asgiref
    # keeps them per context), which lack the serialized database that transactional tests
    # restore after each flush. So: allow the calls, and carry the serialized data over.
    serialized = _serialized_databases()
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            _restore_serialized_databases(serialized)
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            yield chromium
            chromium.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def _serialized_databases():
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def _restore_serialized_databases(serialized):
    from django.db import connections

    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture
def page_guard(app_server):
    return PageGuard(app_server.url)


@pytest.fixture
def page(browser, app_server, page_guard):
    """A page in a fresh browser context, guarded; relative URLs go to the test server."""
    context = browser.new_context(base_url=app_server.url, locale="nl-NL", service_workers="block")
    context.set_default_timeout(5000)
    page = context.new_page()
    page_guard.attach(context, page)
    yield page
    context.close()


@pytest.fixture
def page_without_javascript(browser, app_server, page_guard):
    """Like `page`, with JavaScript off: what a visitor without scripts sees."""
    context = browser.new_context(
        base_url=app_server.url, locale="nl-NL", java_script_enabled=False
    )
    context.set_default_timeout(5000)
    page = context.new_page()
    page_guard.attach(context, page)
    mark_without_javascript(page)
    yield page
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    # After the test body: fail the test itself (not its teardown) if the guard saw anything.
    result = yield
    guard = item.funcargs.get("page_guard")
    if guard is not None:
        guard.verify()
    return result
