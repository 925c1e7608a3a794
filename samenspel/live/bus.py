"""Buses carry published events to every process whose hub has sockets for that stream.

The in-process bus serves one process (the default). The Redis bus serves several: one
pub/sub channel per stream, and each process subscribes only to the streams it has sockets
for. Publishing is a plain sync call from any thread; subscribing happens on the hub's loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import redis
import redis.asyncio
from django.conf import settings
from redis.asyncio.retry import Retry as AsyncRetry
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LiveEvent:
    """One published event: who may hear it, its JSON text, and the stream's version.

    Events with a `key` replace what they say: a later event with the same audience and key
    in the same tick supersedes the earlier one (the current totals of a counter, the new
    content of a region), so a burst of taps costs one event per tick, not one per tap.
    """

    audience: str
    data: str
    version: int | None = None
    key: str | None = None


# Both run on the subscriber's event loop.
Deliver = Callable[[str, LiveEvent], None]
Resync = Callable[[], None]


class Subscriber(Protocol):
    """One hub's subscriptions on a bus."""

    async def start(self) -> None: ...
    async def subscribe(self, stream: str) -> None: ...
    async def unsubscribe(self, stream: str) -> None: ...
    async def close(self) -> None: ...
    async def latest_version(self, stream: str) -> int | None:
        """The highest version published on `stream` by any process, if the bus knows it:
        a page that joins can tell whether it missed something since it was rendered."""


class Bus(Protocol):
    def publish(self, stream: str, event: LiveEvent) -> None:
        """Hand `event` to every hub subscribed to `stream`. Sync, thread-safe, never raises
        for an unreachable bus: the database is the truth, the socket only a fast path."""

    def subscriber(self, deliver: Deliver, resync: Resync) -> Subscriber:
        """A subscriber that calls `deliver` for each event on a subscribed stream, and
        `resync` when events may have been lost."""


class InProcessBus:
    """Delivers to hubs in this process, each on its own event loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._routes: dict[str, frozenset[InProcessSubscriber]] = {}
        self._versions: dict[str, int] = {}

    def publish(self, stream: str, event: LiveEvent) -> None:
        with self._lock:
            if event.version is not None and event.version > self._versions.get(stream, -1):
                self._versions[stream] = event.version
            subscribers = self._routes.get(stream, frozenset())
        for subscriber in subscribers:
            subscriber.post(stream, event)

    def subscriber(self, deliver: Deliver, resync: Resync) -> InProcessSubscriber:
        return InProcessSubscriber(self, deliver)

    def attach(self, stream: str, subscriber: InProcessSubscriber) -> None:
        with self._lock:
            self._routes[stream] = self._routes.get(stream, frozenset()) | {subscriber}

    def detach(self, stream: str, subscriber: InProcessSubscriber) -> None:
        with self._lock:
            remaining = self._routes.get(stream, frozenset()) - {subscriber}
            if remaining:
                self._routes[stream] = remaining
            else:
                self._routes.pop(stream, None)

    def subscribed_streams(self) -> set[str]:
        with self._lock:
            return set(self._routes)

    def latest_version(self, stream: str) -> int | None:
        with self._lock:
            return self._versions.get(stream)


class InProcessSubscriber:
    def __init__(self, bus: InProcessBus, deliver: Deliver) -> None:
        self._bus = bus
        self._deliver = deliver
        self._loop: asyncio.AbstractEventLoop | None = None
        self._streams: set[str] = set()

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()

    async def subscribe(self, stream: str) -> None:
        self._loop = asyncio.get_running_loop()
        self._streams.add(stream)
        self._bus.attach(stream, self)

    async def unsubscribe(self, stream: str) -> None:
        self._streams.discard(stream)
        self._bus.detach(stream, self)

    async def close(self) -> None:
        for stream in list(self._streams):
            await self.unsubscribe(stream)

    async def latest_version(self, stream: str) -> int | None:
        return self._bus.latest_version(stream)

    def post(self, stream: str, event: LiveEvent) -> None:
        """Any thread: hand the event over to the hub's loop."""
        if self._loop is None:
            return
        # RuntimeError: the loop closed meanwhile, so nobody is left to hear it.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._deliver, stream, event)


SUBSCRIBE_TIMEOUT = 5.0
READ_TIMEOUT = 10.0
RETRY_DELAYS = (0.1, 5.0)


VERSION_SECONDS = 2 * 24 * 3600  # longer than any page stays open (12 h) and any workshop
# Keep the highest version per stream and publish, in one round trip and atomically, so
# two processes publishing out of order cannot move the version back.
PUBLISH_WITH_VERSION = """
local known = tonumber(redis.call('GET', KEYS[2]) or '-1')
if tonumber(ARGV[2]) > known then redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3]) end
return redis.call('PUBLISH', KEYS[1], ARGV[1])
"""


def channel_prefix(url: str, name: str) -> str:
    """What our channels start with on this Redis. Pub/sub channels are shared by all
    databases of one Redis server, so the database number is part of the name, and `name`
    (LIVE_REDIS_PREFIX) tells apart installations that share even the database."""
    database = redis.connection.parse_url(url).get("db", 0)  # type: ignore[no-untyped-call]
    return f"{name}:{database}:live:"


def encode(event: LiveEvent) -> bytes:
    """The wire form: version, audience, key and JSON on four lines (JSON text has no
    newline; audiences and keys have none either)."""
    version = "" if event.version is None else str(event.version)
    return f"{version}\n{event.audience}\n{event.key or ''}\n{event.data}".encode()


def decode(payload: bytes) -> LiveEvent:
    version, audience, key, data = payload.decode().split("\n", 3)
    return LiveEvent(audience, data, int(version) if version else None, key or None)


class RedisBus:
    """Publishes to one Redis channel per stream."""

    def __init__(self, url: str, name: str = "samenspel") -> None:
        self._url = url
        self.channel_prefix = channel_prefix(url, name)
        self._version_prefix = f"{name}:live-version:"  # keys, unlike channels, live per database
        # One quick retry covers a pooled connection that went stale when Redis restarted;
        # short timeouts keep a view from hanging on an unreachable Redis.
        self._client = redis.Redis.from_url(
            url, socket_timeout=2, socket_connect_timeout=2, retry=Retry(NoBackoff(), 1)
        )
        self._publish_with_version = self._client.register_script(PUBLISH_WITH_VERSION)

    def publish(self, stream: str, event: LiveEvent) -> None:
        try:
            if event.version is None:
                self._client.publish(self.channel_prefix + stream, encode(event))
            else:
                self._publish_with_version(
                    keys=[self.channel_prefix + stream, self._version_prefix + stream],
                    args=[encode(event), event.version, VERSION_SECONDS],
                )
        except (redis.RedisError, OSError):
            logger.warning("Live: could not publish to Redis for %s", stream, exc_info=True)

    def subscriber(self, deliver: Deliver, resync: Resync) -> RedisSubscriber:
        return RedisSubscriber(self._url, self.channel_prefix, self._version_prefix, deliver,
                               resync)


_subscriber_numbers = itertools.count(1)


class RedisSubscriber:
    """One pub/sub connection per process; a reader task delivers messages to the hub."""

    def __init__(self, url: str, channel_prefix: str, version_prefix: str, deliver: Deliver,
                 resync: Resync) -> None:
        self._channel_prefix = channel_prefix
        self._version_prefix = version_prefix
        # No silent retries: after a lost connection we must tell the hub (resync), since
        # Redis pub/sub does not replay what was published meanwhile.
        # Named, so an operator can tell these connections apart in CLIENT LIST.
        self.client_name = f"samenspel-live-{os.getpid()}-{next(_subscriber_numbers)}"
        self._client = redis.asyncio.Redis.from_url(
            url,
            client_name=self.client_name,
            socket_connect_timeout=2,
            health_check_interval=15,
            retry=AsyncRetry(NoBackoff(), 0),
        )
        self._pubsub = self._client.pubsub()
        self._deliver = deliver
        self._resync = resync
        self._lock = asyncio.Lock()  # one subscription command at a time, in order
        self._confirmations: dict[bytes, list[asyncio.Future[None]]] = {}
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        try:
            await self._client.ping()
        except (redis.RedisError, OSError):
            logger.warning("Live: Redis is not reachable yet; live updates wait for it")

    async def subscribe(self, stream: str) -> None:
        """Returns once Redis confirms the subscription, so nothing published after is lost."""
        channel = (self._channel_prefix + stream).encode()
        confirmed = asyncio.get_running_loop().create_future()
        waiting = self._confirmations.setdefault(channel, [])
        waiting.append(confirmed)
        try:
            async with self._lock:
                await self._pubsub.subscribe(channel)
            if self._reader is None:
                self._reader = asyncio.create_task(self._read())
            async with asyncio.timeout(SUBSCRIBE_TIMEOUT):
                await confirmed
        finally:
            waiting.remove(confirmed)
            if not waiting:
                self._confirmations.pop(channel, None)

    async def unsubscribe(self, stream: str) -> None:
        channel = (self._channel_prefix + stream).encode()
        try:
            async with self._lock:
                await self._pubsub.unsubscribe(channel)
        except (redis.RedisError, OSError):
            # Redis is away: forget the channel, so reconnecting does not subscribe again.
            self._pubsub.channels.pop(channel, None)

    async def latest_version(self, stream: str) -> int | None:
        try:
            known = await self._client.get(self._version_prefix + stream)
        except (redis.RedisError, OSError):
            return None  # the page then trusts what it shows; a lost Redis resyncs anyway
        return int(known) if known is not None else None

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.wait([self._reader])
            self._reader = None
        await self._pubsub.aclose()  # type: ignore[no-untyped-call]  # untyped in redis-py
        await self._client.aclose()

    async def _read(self) -> None:
        delay = RETRY_DELAYS[0]
        while True:
            try:
                message = await self._pubsub.get_message(timeout=READ_TIMEOUT)
            except Exception as error:  # whatever it was, the reader must live on
                logger.warning("Live: lost Redis (%r); trying again in %.1f s", error, delay)
                for waiting in self._confirmations.values():
                    for confirmed in waiting:
                        if not confirmed.done():
                            confirmed.set_exception(ConnectionError("Redis is not reachable"))
                self._resync()
                await asyncio.sleep(delay)
                delay = min(delay * 2, RETRY_DELAYS[1])
                continue
            delay = RETRY_DELAYS[0]
            if message is not None:
                self._handle(message)

    def _handle(self, message: dict[str, Any]) -> None:
        channel: bytes = message["channel"]
        if message["type"] == "message":
            try:
                event = decode(message["data"])
            except (ValueError, UnicodeDecodeError):
                logger.warning("Live: ignored a malformed message on %r", channel)
                return
            self._deliver(channel.decode().removeprefix(self._channel_prefix), event)
        elif message["type"] == "subscribe":
            for confirmed in self._confirmations.get(channel, []):
                if not confirmed.done():
                    confirmed.set_result(None)


_buses: dict[str, Bus] = {}
_buses_lock = threading.Lock()


def get_bus() -> Bus:
    """The bus the settings choose: Redis when REDIS_URL is set, else in-process."""
    url: str = settings.REDIS_URL
    name: str = settings.LIVE_REDIS_PREFIX
    with _buses_lock:
        bus = _buses.get(f"{name} {url}")
        if bus is None:
            bus = _buses[f"{name} {url}"] = RedisBus(url, name) if url else InProcessBus()
        return bus
