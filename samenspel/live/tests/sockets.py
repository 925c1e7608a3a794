"""Test clients for the live endpoint: a fake WebSocket that drives the ASGI app directly,
and a real uvicorn server in a thread."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
import uuid
from urllib.parse import quote

import uvicorn

HOST = "localhost:8000"


def unique_stream(kind="workshop"):
    # Unique per test: Redis pub/sub channels are shared by every database number.
    return f"{kind}:{uuid.uuid4().hex}"


async def http_app(scope, receive, send):
    """Stands in for Django: answers every HTTP request with 200 "django"."""
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"django"})


class FakeSocket:
    def __init__(self, app, token="", *, path="/ws/live", origin=f"http://{HOST}", slow=False):
        headers = [(b"host", HOST.encode())]
        if origin is not None:
            headers.append((b"origin", origin.encode()))
        self.scope = {
            "type": "websocket",
            "asgi": {"version": "3.0"},
            "path": path,
            "query_string": f"token={quote(token)}".encode(),
            "headers": headers,
        }
        self.app = app
        self.slow = slow  # never finishes sending a frame, like a phone on a dead network
        self.to_app: asyncio.Queue = asyncio.Queue()
        self.from_app: asyncio.Queue = asyncio.Queue()
        self.task = None

    async def connect(self):
        """The app's first answer: websocket.accept or websocket.close."""
        self.task = asyncio.create_task(self.app(self.scope, self.to_app.get, self._send))
        await self.to_app.put({"type": "websocket.connect"})
        return await self.next_message()

    async def _send(self, message):
        if self.slow and message["type"] == "websocket.send":
            await asyncio.Event().wait()
        await self.from_app.put(message)

    async def next_message(self, timeout=2.0):
        return await asyncio.wait_for(self.from_app.get(), timeout)

    async def frame(self, timeout=2.0):
        message = await self.next_message(timeout)
        assert message["type"] == "websocket.send", message
        return json.loads(message["text"])

    async def closed_with(self, timeout=2.0):
        message = await self.next_message(timeout)
        assert message["type"] == "websocket.close", message
        return message.get("code", 1000)

    async def disconnect(self):
        await self.to_app.put({"type": "websocket.disconnect", "code": 1000})
        await asyncio.wait_for(self.task, 2.0)


async def connected(app, token, **kwargs):
    socket = FakeSocket(app, token, **kwargs)
    message = await socket.connect()
    assert message["type"] == "websocket.accept", message
    return socket


@contextlib.contextmanager
def served(app):
    """Serve `app` with uvicorn on a free local port in a background thread; yields the host."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.01)
        yield f"127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        listener.close()
