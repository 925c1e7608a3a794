"""Scaled out: two uvicorn processes share one Redis. A page's socket on one process hears
an event that a request on the other process published. Runs when REDIS_URL is set."""

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from websockets.sync.client import connect

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set")


def database_url(database):
    """The test database, as a URL the other processes can open."""
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    user = quote(database["USER"] or "")
    password = quote(database["PASSWORD"] or "")
    credentials = f"{user}:{password}@" if user else ""
    return (
        f"postgres://{credentials}{database['HOST']}:{database['PORT'] or 5432}/{database['NAME']}"
    )


class Process:
    """`uvicorn samenspel.asgi:application` on a socket we bound, so we know its port."""

    def __init__(self, environment):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.host = f"127.0.0.1:{self.listener.getsockname()[1]}"
        fd = self.listener.fileno()
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "uvicorn", "samenspel.asgi:application"),
                *("--fd", str(fd), "--log-level", "warning", "--no-access-log"),
            ],
            cwd=ROOT,
            env=environment,
            pass_fds=[fd],
        )

    def wait_until_serving(self):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "uvicorn stopped; see its log above"
            try:
                urllib.request.urlopen(f"http://{self.host}/verbinding/", timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"uvicorn on {self.host} did not answer")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
        self.listener.close()


@pytest.fixture
def two_processes(transactional_db):
    from django.db import connection

    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samenspel.settings_test",
        "DATABASE_URL": database_url(connection.settings_dict),
        "REDIS_URL": REDIS_URL,
    }
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
