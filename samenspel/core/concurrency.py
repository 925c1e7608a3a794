"""At most so many HTTP requests inside Django at once; the others wait their turn in order.

Django runs each request's view in a thread of its own under ASGI. Without a bound, a burst
of taps (a plenary of 1,000 reacting within seconds) starts a thread and a database
connection per waiting request: they fight over the GIL and over SQLite's one write lock,
every answer gets slow at once, and "database is locked" follows. Waiting in an asyncio
queue costs a few hundred bytes per request and keeps the answers coming at the rate the
server can work (docs/benchmarks.md has the measurement).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[Mapping[str, Any]]]
Send = Callable[[Mapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BoundedRequests:
    """Wraps an ASGI app: HTTP requests pass through at most `limit` at a time; WebSockets
    and lifespan pass straight through."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        if limit < 1:
            raise ValueError("At least one request must be let through.")
        self.app = app
        self.limit = limit
        self._turns: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def turns(self) -> asyncio.Semaphore:
        # One semaphore per event loop: a semaphore is bound to the loop it first waits in,
        # and the test servers start a loop of their own each.
        loop = asyncio.get_running_loop()
        if self._turns is None or self._loop is not loop:
            self._turns, self._loop = asyncio.Semaphore(self.limit), loop
        return self._turns

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async with self.turns():
            await self.app(scope, receive, send)
