"""Light pages for phones: what the participant page costs a phone, cold and warm.

    .venv/bin/python bench/pages.py [--runs 7] [--cpu-slowdown 4] [--slow-network]
                                                                  (or: make bench-pages)

Starts the real app the way `make run` does (production settings, uvicorn, its own fresh
SQLite and collected static files in a temporary folder), with one workshop in round 1 and
one joined participant, and opens that participant's page /w/<code>/ in headless Chromium
(Debian's, as the browser tests use it) on a 390 x 844 phone viewport with the CPU slowed
down through the DevTools protocol. Per load it records, from the protocol's network events:

- bytes: everything received for the page's HTTP requests, as sent (compressed, headers
  included: the sum of Network.loadingFinished encodedDataLength);
- requests: HTTP requests that went to the server (answers from the browser cache are not
  counted; the live WebSocket is shown apart);
- ready to type: from the start of navigation until the load event has fired *and* the first
  note textarea is visible and enabled (checked every frame from an init script), whichever
  comes last.

"cold" is a new browser context with the cache disabled (a phone that never saw the app);
"warm" is the same page opened again in a context that loaded it once. The network is
loopback; --slow-network adds the DevTools protocol's emulation of a poor mobile connection
(Lighthouse's: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), where bytes and requests
turn into time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# Also the browser tests' flags (tests/browser/conftest.py).
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
BUDGET_BYTES = 60 * 1024
BUDGET_REQUESTS = 10
READY_BUDGET_MS = 1000
SLOW_NETWORK: dict[str, object] = {
    "offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
Event = dict[str, Any]

READY_PROBE = """(() => {
  const probe = () => {
    const box = document.querySelector("textarea");
    if (box && !box.disabled && box.checkVisibility() && box.getBoundingClientRect().height > 0) {
      window.__samenspelReadyToType = performance.now();
      return;
    }
    requestAnimationFrame(probe);
  };
  requestAnimationFrame(probe);
})();"""

TIMINGS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    typeable: window.__samenspelReadyToType ?? null,
    load: nav.loadEventEnd,
    fcp: paint ? paint.startTime : null,
  };
}"""


@dataclass
class Load:
    bytes: int = 0
    requests: int = 0
    websockets: int = 0
    ready_ms: float = 0.0
    fcp_ms: float = 0.0
    by_url: dict[str, int] = field(default_factory=dict)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="measured loads per mode")
    parser.add_argument("--cpu-slowdown", type=float, default=4)
    parser.add_argument("--slow-network", action="store_true",
                        help="150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up")
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup:
        print(json.dumps(make_workshop()))
        return
    with tempfile.TemporaryDirectory(prefix="samenspel-bench-pages-") as var_dir:
        env = app_environment(Path(var_dir))
        for command in ("migrate", "collectstatic"):
            subprocess.run(  # noqa: S603 (our own commands)
                [sys.executable, "manage.py", command, "--noinput", "-v", "0"],
                cwd=ROOT, env=env, check=True,
            )
        made = subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--setup"], cwd=ROOT, env=env, check=True,
            capture_output=True, text=True,
        )
        workshop = json.loads(made.stdout.strip().splitlines()[-1])
        port = free_port()
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "uvicorn", "samenspel.asgi:application", "--host", "127.0.0.1",
             "--port", str(port), "--no-access-log", "--log-level", "warning",
             "--ws-per-message-deflate", "false"],  # as `make run` serves
            cwd=ROOT, env=env,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/")
            conditions = Conditions(args.cpu_slowdown, SLOW_NETWORK if args.slow_network else None)
            report(measure(base, workshop, args.runs, conditions), args)
        finally:
            server.terminate()
            server.wait(10)


def app_environment(var_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samenspel.settings",
        "PYTHONPATH": str(ROOT),
        "SAMENSPEL_VAR_DIR": str(var_dir),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_COOKIES": "0",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
    }


def make_workshop() -> dict[str, str]:
    """In the set-up subprocess: Django set up, then a participant in round one."""
    import django

    django.setup()
    return participant_in_round_one()


def participant_in_round_one() -> dict[str, str]:
    """Round 1 open, three people in one group with six notes; returns the join code and
    the participant cookie of one of them (also for tests/browser/test_page_weight.py)."""
    from django.http import HttpResponse

    from samenspel.method.services import default_template
    from samenspel.workshops import services
    from samenspel.workshops.views import cookie_name, remember_participant

    template = default_template()
    if template is None:
        raise SystemExit("no default workshop template: did the migrations run?")
    workshop = services.create_workshop(
        created_by=None, template=template, title="Samen in Panningen",
        case_description="Hoe houden we samen het dorpshuis open?",
    )
    people = [services.join_workshop(workshop, "community", name) for name in ("Ans", "Bram", "")]
    round_1 = workshop.template.rounds.get(number=1)
    services.open_round(workshop, round_1)
    prompts = list(round_1.prompts.all())
    for number, person in enumerate(people[1:] * 3):
        text = f"We koken samen op vrijdag en nodigen de buren uit (notitie {number + 1})"
        services.add_contribution(person, prompts[number % len(prompts)], text)
    response = HttpResponse()
    remember_participant(response, people[0])
    name = cookie_name(workshop)
    return {"code": workshop.join_code, "cookie": name, "value": response.cookies[name].value}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our loopback server)
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@dataclass(frozen=True)
class Conditions:
    cpu_slowdown: float
    network: dict[str, object] | None


@dataclass
class Results:
    cold: list[Load]
    warm: list[Load]
    chromium: str


def measure(base: str, workshop: dict[str, str], runs: int, conditions: Conditions) -> Results:
    from playwright.sync_api import sync_playwright

    url = f"{base}/w/{workshop['code']}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def new_context() -> BrowserContext:
            # A phone of today: 390 CSS pixels wide, three device pixels to one.
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True,
                has_touch=True, locale="nl-NL",
            )
            context.add_cookies(
                [{"name": workshop["cookie"], "value": workshop["value"], "url": url}]
            )
            context.add_init_script(READY_PROBE)
            return context

        # One unmeasured load first, so the server has compiled its templates.
        warm_up = new_context()
        load_once(warm_up.new_page(), url, conditions, cold=True)
        warm_up.close()

        cold = []
        for _ in range(runs):
            context = new_context()
            cold.append(load_once(context.new_page(), url, conditions, cold=True))
            context.close()

        context = new_context()
        page = context.new_page()
        load_once(page, url, conditions, cold=False)
        warm = [load_once(page, url, conditions, cold=False) for _ in range(runs)]
        context.close()
        version = browser.version
        browser.close()
    return Results(cold, warm, version)


def load_once(page: Page, url: str, conditions: Conditions, *, cold: bool) -> Load:
    cdp = page.context.new_cdp_session(page)
    load = Load()
    urls: dict[str, str] = {}
    cached: set[str] = set()

    def sent(event: Event) -> None:
        urls[event["requestId"]] = event["request"]["url"]

    def finished(event: Event) -> None:
        request_id = event["requestId"]
        if request_id in cached or request_id not in urls:
            return
        load.requests += 1
        load.bytes += int(event["encodedDataLength"])
        path = urls[request_id].split("/", 3)[-1]
        load.by_url[path] = load.by_url.get(path, 0) + int(event["encodedDataLength"])

    def from_cache(event: Event) -> None:
        cached.add(event["requestId"])

    def received(event: Event) -> None:
        if event["response"].get("fromDiskCache") or event["response"].get("fromPrefetchCache"):
            cached.add(event["requestId"])

    def websocket(_event: Event) -> None:
        load.websockets += 1

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.requestServedFromCache", from_cache)
    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.webSocketCreated", websocket)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": cold})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": conditions.cpu_slowdown})
    if conditions.network:
        cdp.send("Network.emulateNetworkConditions", conditions.network)
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.__samenspelReadyToType !== undefined")
    # Whatever the page asks for after the load event (the live socket, an icon) counts too.
    page.wait_for_timeout(1000)
    timings = page.evaluate(TIMINGS)
    load.ready_ms = max(timings["typeable"], timings["load"])
    load.fcp_ms = timings["fcp"] or 0.0
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    cdp.detach()
    return load


def report(results: Results, args: argparse.Namespace) -> None:
    print(f"Participant page /w/<code>/, {args.runs} loads each, "
          f"CPU slowdown {args.cpu_slowdown}x, 390 x 844 viewport"
          + (", slow network (150 ms, 1.6 Mbit/s)" if args.slow_network else ""))
    print(machine(results.chromium))
    print("Load average (1, 5, 15 min) at the end: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    print()
    print("| load | bytes (median / worst) | requests | ready to type, ms (median / worst) "
          "| first paint, ms (median) |")
    print("|---|---|---|---|---|")
    for mode, loads in (("cold", results.cold), ("warm", results.warm)):
        sizes = [load.bytes for load in loads]
        ready = [load.ready_ms for load in loads]
        requests = sorted({load.requests for load in loads})
        print(f"| {mode} | {statistics.median(sizes) / 1024:.1f} KB / {max(sizes) / 1024:.1f} KB "
              f"| {'-'.join(map(str, requests))} (+{loads[0].websockets} WebSocket) "
              f"| {statistics.median(ready):.0f} / {max(ready):.0f} "
              f"| {statistics.median(load.fcp_ms for load in loads):.0f} |")
    cold = results.cold
    print()
    print("Cold, per request (bytes as sent):")
    for path, size in sorted(cold[0].by_url.items(), key=lambda item: -item[1]):
        print(f"  {size:>8}  /{path}")
    worst_bytes = max(load.bytes for load in cold)
    worst_requests = max(load.requests for load in cold)
    worst_ready = max(load.ready_ms for load in cold)
    print()
    # The 1 s target is for the loopback network with the CPU slowdown only.
    timed = not args.slow_network
    print(f"Budget, cold: {worst_bytes / 1024:.1f} of {BUDGET_BYTES // 1024} KB, "
          f"{worst_requests} of {BUDGET_REQUESTS} requests"
          + (f", ready in {worst_ready:.0f} of {READY_BUDGET_MS} ms" if timed else "")
          + f": {'within' if within_budget(cold, timed=timed) else 'OVER'}")


def within_budget(loads: list[Load], *, timed: bool) -> bool:
    return all(
        load.bytes <= BUDGET_BYTES and load.requests <= BUDGET_REQUESTS
        and (not timed or load.ready_ms <= READY_BUDGET_MS)
        for load in loads
    )


def machine(chromium: str) -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    from importlib.metadata import version

    return (f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, Django {version('django')}, "
            f"uvicorn {version('uvicorn')}, ServeStatic {version('servestatic')}, "
            f"Playwright {version('playwright')}, Chromium {chromium}")


if __name__ == "__main__":
    main()
