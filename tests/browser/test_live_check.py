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


def test_dropped_socket_reconnects_and_the_check_runs_again(page, app_server):
    from samenspel.asgi import application

    visit(page, "/verbinding/")
    check = page.locator("#connection-check")
    expect(check).to_have_attribute("data-check-state", "ok")
    page.evaluate(
        """() => {
          window.liveStates = [];
          document.getElementById("connection-check").addEventListener(
            "samenspel:live-status",
            (changed) => window.liveStates.push(changed.detail),
          );
        }"""
    )

    # As when the hub drops a slow client or Redis hiccups: every socket is told to resync.
    app_server.run_in_loop(lambda: application.live.hub().resync())

    page.wait_for_function("() => window.liveStates.some((s) => s.reconnected)")
    assert page.evaluate("() => window.liveStates") == [
        {"state": "offline", "reconnected": False},
        {"state": "online", "reconnected": True},
    ]
    expect(check).to_have_attribute("data-check-state", "ok")
    axe_check(page)


def test_refused_token_asks_for_a_reload_instead_of_retrying(page):
    # Spoil the page's token as the parser inserts it, before live.js reads it.
    page.add_init_script(
        """new MutationObserver((records, observer) => {
          const check = document.getElementById("connection-check");
          if (check) {
            check.dataset.liveToken += "x";
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });"""
    )
    visit(page, "/verbinding/")

    check = page.locator("#connection-check")
    expect(check).to_have_attribute("data-live-state", "expired")
    expect(check).to_have_attribute("data-check-state", "expired")
    axe_check(page)


def test_without_javascript_the_page_says_the_check_needs_it(page_without_javascript):
    page = page_without_javascript
    visit(page, "/verbinding/")

    expect(page.get_by_text(re.compile("JavaScript"))).to_be_visible()
    expect(page.locator("#connection-check")).to_be_hidden()
    save_screenshot(page, "connection-check-no-javascript")
