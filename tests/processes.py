"""Real server processes for cross-process and fault tests: uvicorn serving the app on a
socket the test bound (so it can be killed and started again on the same port), against the
test database; and a private Redis server the test may stop and start."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent


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


def server_environment(**extra):
    from django.db import connection

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samenspel.settings_test",
        "DATABASE_URL": database_url(connection.settings_dict),
        "REDIS_URL": "",
        "LIVE_RENDER_INTERVAL_MS": "100",  # as in production
        **extra,
    }


class Process:
    """`uvicorn samenspel.asgi:application` on a socket we bound, so we know its port and
    keep it across a kill and a restart."""

    def __init__(self, environment):
        self.environment = environment
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.host = f"127.0.0.1:{self.listener.getsockname()[1]}"
        self.url = f"http://{self.host}"
        self.process = None
        self.start()

    def start(self):
        fd = self.listener.fileno()
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "uvicorn", "samenspel.asgi:application"),
                *("--fd", str(fd), "--log-level", "warning", "--no-access-log"),
                *("--ws-per-message-deflate", "false"),  # as `make run` serves
            ],
            cwd=ROOT,
            env=self.environment,
            pass_fds=[fd],
        )

    def wait_until_serving(self):
        # Bounded, but roomy: a cold start on a busy 2-core machine has taken over 20 s.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "uvicorn stopped; see its log above"
            try:
                urllib.request.urlopen(f"{self.url}/verbinding/", timeout=1).close()  # noqa: S310
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"uvicorn on {self.host} did not answer")

    def kill(self):
        """kill -9: no shutdown, no goodbye to the sockets, no flushing."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.listener.close()


class PrivateRedis:
    """A Redis server of the test's own, on a free port, that keeps nothing on disk."""

    def __init__(self):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--logfile", ""],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as probe:
                    probe.sendall(b"PING\r\n")
                    if probe.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("the private Redis did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
