"""Helpers for browser tests: visit a page (and check it with axe-core and for NL Design
System classes that css/site.css left out), save a screenshot, and the guard that fails a
test on third-party requests or console errors."""

from __future__ import annotations

import functools
import re
import weakref
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from samenspel.core import stylesheets

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-results" / "screenshots"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_checked_urls: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_without_javascript: weakref.WeakSet = weakref.WeakSet()

_RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    helpUrl: violation.helpUrl,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}"""


def visit(page, url, *, status=200):
    """Open `url` (absolute, or relative to the test server), then check it with axe."""
    response = page.goto(url)
    assert response is not None, f"no response for {url}"
    assert response.status == status, f"{url} answered {response.status}, expected {status}"
    axe_check(page)
    return response


def axe_check(page):
    """Fail with a readable list if axe-core finds WCAG 2.2 A/AA violations on the page.

    Runs through the DevTools protocol, so the page's strict CSP stays as it is.
    """
    if not AXE_SOURCE.exists():
        pytest.fail(f"{AXE_SOURCE} is missing: run `npm ci` first", pytrace=False)
    violations = _run_axe_on_twin(page) if page in _without_javascript else _run_axe(page)
    _checked_urls.setdefault(page, set()).add(_without_fragment(page.url))
    if violations:
        pytest.fail(format_violations(page.url, violations), pytrace=False)


def mark_without_javascript(page):
    """For a page in a context with java_script_enabled=False (see the fixture)."""
    _without_javascript.add(page)


def _run_axe(page, attempts=3):
    # Check the page as shown: a click may just have started loading the next document,
    # whose style sheets must be in before sizes and colours mean anything.
    page.wait_for_load_state("load")
    try:
        if not page.evaluate("() => typeof window.axe === 'object'"):
            # A script, not a function: the trailing void keeps its completion value at home.
            page.evaluate(_axe_source() + "\n;void 0")
        violations = page.evaluate(_RUN_AXE, AXE_TAGS)
        _check_utrecht_classes(page)
        return violations
    except PlaywrightError as error:
        if "context was destroyed" not in str(error) or attempts <= 1:
            raise
        return _run_axe(page, attempts - 1)  # a navigation replaced the page meanwhile


_UTRECHT_CLASSES = """() => [...new Set([...document.querySelectorAll("[class]")]
  .flatMap((element) => [...element.classList])
  .filter((name) => name.startsWith("utrecht-")))]"""


def _check_utrecht_classes(page):
    """Every Utrecht class on the page, also one built from data or by a script, belongs to a
    component that css/site.css kept (see samenspel/core/stylesheets.py)."""
    styled, kept = _utrecht_components()
    missing = sorted(
        name for name in page.evaluate(_UTRECHT_CLASSES)
        if stylesheets.component(name) in styled and stylesheets.component(name) not in kept
    )
    if missing:
        pytest.fail(
            f"{page.url} uses Utrecht classes whose CSS css/site.css left out: {missing}; "
            "name the class in a template, a Python or a script file so the finder keeps it",
            pytrace=False,
        )


@functools.cache
def _utrecht_components():
    styled = stylesheets.SELECTOR_CLASS.findall(stylesheets.UTRECHT_CSS.read_text("utf-8"))
    kept = stylesheets.used_components(
        path.read_text(encoding="utf-8") for path in stylesheets.source_files()
    )
    return {stylesheets.component(name) for name in styled}, kept


def _run_axe_on_twin(page):
    # axe cannot run where scripts are off (timers never fire), so it checks a twin: the
    # same URL in a scripting browser, answered with the DOM as the script-less browser
    # built it (noscript content shown, no scripts), styled by the real server.
    # As in _run_axe: a click may just have started loading the next document.
    page.wait_for_load_state("load")
    cdp = page.context.new_cdp_session(page)
    try:
        evaluated = cdp.send(
            "Runtime.evaluate",
            {"expression": "document.documentElement.outerHTML", "returnByValue": True},
        )
    finally:
        cdp.detach()
    html = re.sub(r"<script\b[^>]*>.*?</script>", "", evaluated["result"]["value"], flags=re.S)
    html = html.replace("<noscript>", "<div>").replace("</noscript>", "</div>")
    context = page.context.browser.new_context()
    try:
        twin = context.new_page()
        twin.route(
            page.url,
            lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8", body="<!doctype html>" + html
            ),
        )
        twin.goto(page.url)
        return _run_axe(twin)
    finally:
        context.close()


def format_violations(url, violations):
    lines = [f"axe-core found {len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"  - {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"      at {target}" for target in violation["targets"])
        lines.append(f"      see {violation['helpUrl']}")
    return "\n".join(lines)


def save_screenshot(page, name, *, full_page=True):
    """Save the page (the whole page, or what the screen shows) as
    test-results/screenshots/<name>.png and return the path."""
    path = SCREENSHOTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path, full_page=full_page)
    return path


_axe_cache: list[str] = []


def _axe_source():
    if not _axe_cache:
        _axe_cache.append(AXE_SOURCE.read_text(encoding="utf-8"))
    return _axe_cache[0]


def _without_fragment(url):
    return url.split("#", 1)[0]


class PageGuard:
    """Collects what must not happen on a page: requests to any host but the test server
    (privacy), console errors (CSP violations among them) and uncaught script errors, and
    pages that were loaded but never checked with axe."""

    def __init__(self, server_url):
        self.server_host = urlsplit(server_url).netloc
        self.problems = []
        self.loaded = []  # (page, url) for every document loaded
        self._allowed_console_errors = []

    def allow_console_error(self, pattern):
        """Let a test that provokes an error on purpose say so (a regular expression)."""
        self._allowed_console_errors.append(re.compile(pattern))

    def attach(self, context, page):
        context.route(self.is_third_party, self._refuse)
        page.on("websocket", self._on_websocket)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught error: {error}"))
        page.on("domcontentloaded", lambda loaded: self.loaded.append((loaded, loaded.url)))

    def is_third_party(self, url):
        parts = urlsplit(url)
        return parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != self.server_host

    def verify(self):
        problems = list(self.problems)
        for page, url in self.loaded:
            url = _without_fragment(url)
            if url != "about:blank" and url not in _checked_urls.get(page, set()):
                problems.append(f"page never checked with axe_check(): {url}")
        if problems:
            pytest.fail("\n".join(["The page did what it must not:", *problems]), pytrace=False)

    def _refuse(self, route):
        self.problems.append(f"third-party request: {route.request.method} {route.request.url}")
        route.abort()

    def _on_websocket(self, websocket):
        if self.is_third_party(websocket.url):
            self.problems.append(f"third-party WebSocket: {websocket.url}")

    def _on_console(self, message):
        if message.type != "error":
            return
        if any(pattern.search(message.text) for pattern in self._allowed_console_errors):
            return
        where = message.location.get("url", "")
        self.problems.append(f"console error: {message.text}" + (f" ({where})" if where else ""))
