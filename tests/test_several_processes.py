"""Scaled out: two uvicorn processes share one Redis. A page's socket on one process hears
an event that a request on the other process published. Runs when REDIS_URL is set."""

import http.cookiejar
import json
import os
import re
import urllib.parse
import urllib.request
from urllib.parse import quote

import pytest
from websockets.sync.client import connect

from tests.processes import Process, server_environment

REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set")


@pytest.fixture
def two_processes(transactional_db):
    environment = server_environment(REDIS_URL=REDIS_URL)
    processes = [Process(environment), Process(environment)]
    try:
        for process in processes:
            process.wait_until_serving()
        yield processes
    finally:
        for process in processes:
            process.stop()


def test_event_published_on_one_process_reaches_a_socket_on_the_other(two_processes):
    first, second = two_processes
    cookies = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(cookies)
    )
    with browser.open(f"http://{first.host}/verbinding/", timeout=5) as response:
        page = response.read().decode()
    token = re.search(r'data-live-token="([^"]+)"', page).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    url = f"ws://{first.host}/ws/live?token={quote(token)}"
    with connect(url, origin=f"http://{first.host}", proxy=None, open_timeout=5) as live:
        form = {"token": token, "sent": "42", "csrfmiddlewaretoken": csrf}
        with browser.open(
            f"http://{second.host}/verbinding/ping/",
            data=urllib.parse.urlencode(form).encode(),
            timeout=5,
        ) as ping:
            assert ping.status == 204

        frame = json.loads(live.recv(timeout=5))

    assert frame["events"] == [{"type": "check.pong", "sent": 42.0}]
