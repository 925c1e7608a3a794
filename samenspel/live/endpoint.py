"""The one ASGI application: WebSockets under /ws/ go to the live hub, lifespan starts and
stops it, everything else goes to Django.

Close codes a page may see (live.js acts on them):
    4403  the token is forged, altered or expired: reload the page, do not retry
    4008  the client fell behind or events may be lost: reconnect and re-fetch
    1011  the hub could not subscribe (e.g. Redis is down): retry later
    1001  the server is shutting down: retry later
A socket from another site (Origin check) or on another path is refused before the
handshake (HTTP 403).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.http.request import split_domain_port, validate_host

from samenspel.live.bus import get_bus
from samenspel.live.hub import Client, Hub
from samenspel.live.subscriptions import read_subscription

logger = logging.getLogger(__name__)

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[Mapping[str, Any]]]
Send = Callable[[Mapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LIVE_PATH_PREFIX = "/ws/"
CLOSE_REFUSED = 4403
CLOSE_INTERNAL_ERROR = 1011
CLOSE_TIMEOUT = 2.0  # a client too slow to take even the close frame is cut off
MAX_TOKEN_LENGTH = 4096


def live_application(django_app: ASGIApp) -> LiveApplication:
    """Wrap Django's ASGI app with the live WebSocket endpoint and lifespan handling."""
    return LiveApplication(django_app)


class LiveApplication:
    def __init__(self, django_app: ASGIApp) -> None:
        self.django_app = django_app
        self.live = LiveEndpoint()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            if scope["path"].startswith(LIVE_PATH_PREFIX):
                await self.live.serve(scope, receive, send)
            else:
                await send({"type": "websocket.close", "code": CLOSE_REFUSED})
        elif scope["type"] == "lifespan":
            await self.live.lifespan(receive, send)
        else:
            await self.django_app(scope, receive, send)


class LiveEndpoint:
    """Serves live sockets from one hub per event loop, started on first use or at startup."""

    def __init__(self) -> None:
        self._hub: Hub | None = None

    def hub(self) -> Hub:
        loop = asyncio.get_running_loop()
        if self._hub is None or self._hub.loop is not loop:
            self._hub = Hub(get_bus(), tick_seconds=settings.LIVE_TICK_MS / 1000)
        return self._hub

    async def lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self.hub().start()
                except Exception as error:
                    logger.exception("Live: could not start")
                    await send({"type": "lifespan.startup.failed", "message": str(error)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._hub is not None:
                    await self._hub.stop()
                    self._hub = None
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = await receive()
        if message["type"] != "websocket.connect":
            return
        if not origin_allowed(scope):
            logger.warning("Live: refused a socket from origin %r", _header(scope, b"origin"))
            await send({"type": "websocket.close", "code": CLOSE_REFUSED})
            return
        subscription = read_subscription(_token(scope))
        if subscription is None:
            # Accept first, so the page sees 4403 and asks for a reload instead of retrying.
            await send({"type": "websocket.accept"})
            await send({"type": "websocket.close", "code": CLOSE_REFUSED})
            return
        hub = self.hub()
        try:
            client = await hub.join(subscription.stream, subscription.audiences)
        except Exception:
            logger.exception("Live: could not subscribe to %s", subscription.stream)
            await send({"type": "websocket.accept"})
            await send({"type": "websocket.close", "code": CLOSE_INTERNAL_ERROR})
            return
        try:
            await send({"type": "websocket.accept"})
            await _pump(client, receive, send)
        finally:
            hub.leave(subscription.stream, client)


async def _pump(client: Client, receive: Receive, send: Send) -> None:
    """Send the client's frames until it disconnects, sending fails, or the hub closes it."""
    writer = asyncio.ensure_future(_write(client, send))
    reader = asyncio.ensure_future(_read_until_disconnect(receive))
    endings: list[asyncio.Future[Any]] = [writer, reader, client.closing]
    try:
        await asyncio.wait(endings, return_when=asyncio.FIRST_COMPLETED)
        disconnected = reader.done()
    finally:
        writer.cancel()
        reader.cancel()
        failure, _ = await asyncio.gather(writer, reader, return_exceptions=True)
    if isinstance(failure, Exception) and not isinstance(failure, OSError):
        logger.error("Live: sending failed", exc_info=failure)  # OSError: the client left
    if not disconnected:
        code = client.closing.result() if client.closing.done() else CLOSE_INTERNAL_ERROR
        with contextlib.suppress(Exception):
            async with asyncio.timeout(CLOSE_TIMEOUT):
                await send({"type": "websocket.close", "code": code})


async def _write(client: Client, send: Send) -> None:
    while True:
        frame = await client.next_frame()
        await send({"type": "websocket.send", "text": frame})


async def _read_until_disconnect(receive: Receive) -> None:
    # Clients have nothing to say on this socket; we only watch for the goodbye.
    while (await receive())["type"] != "websocket.disconnect":
        pass


def origin_allowed(scope: Scope) -> bool:
    """Refuse cross-site WebSocket hijacking: a browser's Origin must be this very host (and
    that host allowed), or listed in CSRF_TRUSTED_ORIGINS. No Origin: not a browser."""
    origin = _header(scope, b"origin")
    if origin is None:
        return True
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    parts = urlsplit(origin)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return False
    host = _header(scope, b"x-forwarded-host") if settings.USE_X_FORWARDED_HOST else None
    host = (host or _header(scope, b"host") or "").split(",")[0].strip().lower()
    if parts.netloc.lower() != host:
        return False
    domain, _port = split_domain_port(host)
    allowed_hosts = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed_hosts:
        allowed_hosts = [".localhost", "127.0.0.1", "[::1]"]
    return bool(domain) and validate_host(domain, allowed_hosts)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _token(scope: Scope) -> str:
    query = bytes(scope.get("query_string", b"")).decode("latin-1")
    token = parse_qs(query).get("token", [""])[0]
    return token if len(token) <= MAX_TOKEN_LENGTH else ""
