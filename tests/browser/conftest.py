"""Playwright on Debian's Chromium (no browser download), one fresh context per test.

Without /usr/bin/chromium the browser tests are skipped with one line of explanation, unless
SAMENSPEL_REQUIRE_BROWSER=1 (CI), which makes them fail instead."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from bench.pages import CHROMIUM_ARGS
from tests.browser.harness import PageGuard, mark_without_javascript

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_MISSING = (
    f"Chromium not found at {CHROMIUM}: browser tests skipped; install Debian's chromium package"
)
BROWSER_TESTS = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    browser_items = []
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("browser"):
            browser_items.append(item)
    required = os.environ.get("SAMENSPEL_REQUIRE_BROWSER") == "1"
    # When Chromium is required, the browser fixture fails these tests instead.
    if browser_items and not CHROMIUM.exists() and not required:
        config.stash[_skipped_browser_tests] = True
        for item in browser_items:
            item.add_marker(pytest.mark.skip(reason=CHROMIUM_MISSING))


_skipped_browser_tests = pytest.StashKey[bool]()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if config.stash.get(_skipped_browser_tests, False):
        terminalreporter.write_line(CHROMIUM_MISSING, yellow=True, bold=True)


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
    allow_async_unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
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
        if allow_async_unsafe is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = allow_async_unsafe


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


@pytest.fixture(autouse=True)
def render_as_in_production(settings):
    """The served pages hear their updates through the throttle, as in production."""
    settings.LIVE_RENDER_INTERVAL_MS = 100


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
