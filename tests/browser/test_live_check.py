"""The connection check: a real signed subscription and a published event reach the browser."""

import re

from playwright.sync_api import expect

from tests.browser.harness import axe_check, save_screenshot, visit


def test_connection_check_shows_the_round_trip(page):
    visit(page, "/verbinding/")

    check = page.locator("#connection-check")
    expect(check).to_have_attribute("data-live-state", "online")
    expect(check).to_have_attribute("data-check-state", "ok")
    result = page.locator("#connection-check-result")
    expect(result).to_have_text(re.compile(r"\d+ ms"))
    expect(result).to_have_attribute("aria-live", "polite")
    axe_check(page)
    save_screenshot(page, "connection-check-ok")


def test_check_again_measures_another_round_trip(page):
    visit(page, "/verbinding/")
    check = page.locator("#connection-check")
    expect(check).to_have_attribute("data-check-state", "ok")

    with page.expect_response("**/verbinding/ping/") as ping:
        page.get_by_role("button").filter(has_text=re.compile("again|opnieuw", re.I)).click()

    assert ping.value.status == 204
    expect(check).to_have_attribute("data-check-state", "ok")
    axe_check(page)


def test_without_javascript_the_page_says_the_check_needs_it(page_without_javascript):
    page = page_without_javascript
    visit(page, "/verbinding/")

    expect(page.get_by_text(re.compile("JavaScript"))).to_be_visible()
    expect(page.locator("#connection-check")).to_be_hidden()
    save_screenshot(page, "connection-check-no-javascript")
