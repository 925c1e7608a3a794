"""Fixtures for cross-app and browser tests: the real ASGI app served by uvicorn in a
background thread, against pytest-django's test database. (Playwright: browser/conftest.py.)"""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import pytest
import uvicorn
from asgiref.sync import sync_to_async


class AppServer:
    """uvicorn serving samenspel.asgi.application on 127.0.0.1 in a background thread."""

    def __init__(self):
        from samenspel.asgi import application

        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.host = f"127.0.0.1:{self._socket.getsockname()[1]}"
        self.url = f"http://{self.host}"
        config = uvicorn.Config(application, lifespan="on", log_level="warning", access_log=False,
                                ws_per_message_deflate=False)  # as `make run` serves
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._serve, name="uvicorn", daemon=True)
        self._loop = None

    def _serve(self):
        # The loop `uvicorn` itself would use (uvloop when installed), as in production.
        new_loop = self._server.config.get_loop_factory() or asyncio.new_event_loop
        self._loop = new_loop()
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._server.serve(sockets=[self._socket]))

    def start(self):
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start; see the log above")
            time.sleep(0.01)

    def stop(self):
        self._server.should_exit = True
        self._thread.join(10)
        self._socket.close()

    def run_in_loop(self, function):
        """Run a plain function on the server's event loop (e.g. to poke the live hub)."""

        async def call():
            return function()

        return asyncio.run_coroutine_threadsafe(call(), self._loop).result(10)

    def run_in_server(self, function):
        """Run a sync function the way the server runs a sync view, and return its result."""
        future = asyncio.run_coroutine_threadsafe(sync_to_async(function)(), self._loop)
        return future.result(10)


@pytest.fixture(scope="session")
def _app_server(django_db_setup, django_db_blocker):
    # Started after the test database exists (django_db_setup), and stopped before it is
    # dropped, so no server connection keeps it open.
    server = AppServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def app_server(_app_server, django_db_serialized_rollback, transactional_db):
    """The real app on a free local port. The test database is shared with the test, so
    rows the test writes are visible to the server (transactional_db: no open transaction).
    Serialized rollback puts back what migrations stored (the default template) after each
    test's flush."""
    database, seen = _database_name(), _app_server.run_in_server(_database_name)
    assert seen == database, f"the server uses database {seen!r}, the test {database!r}"
    return _app_server


def _database_name():
    from django.db import connection

    return connection.settings_dict["NAME"]
