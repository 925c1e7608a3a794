"""The hub: per stream, what arrives within one tick goes to each client as one frame.

A frame is pre-serialised once per distinct selection of events, not once per client:

    {"stream": "workshop:42", "version": 17, "events": [...]}

`version` is the highest version published on the stream so far (null if none carried one).
An event with a key supersedes an earlier one with the same audience and key in the same
tick, so counters and regions travel as their current state, once per tick. A client that
joins first gets a frame without events that says the stream's version, so a page can tell
that it missed something between being rendered and connecting. Each client has a queue
bounded in frames and bytes; a client that cannot keep up is closed with CLOSE_RESYNC, so it
reconnects and re-fetches, instead of slowing down everyone else.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from samenspel.live.bus import Bus, LiveEvent

logger = logging.getLogger(__name__)

CLOSE_GOING_AWAY = 1001
CLOSE_RESYNC = 4008  # fell behind, or the bus may have lost events: reconnect and re-fetch
QUEUE_FRAMES = 64  # at a 100 ms tick: over six seconds behind
QUEUE_BYTES = 512 * 1024  # what one slow phone may hold of the server's memory


class Client:
    """One socket as the hub sees it: its audiences, its outbound frames, its fate."""

    __slots__ = ("audiences", "closing", "frames", "queued_bytes")

    def __init__(self, audiences: frozenset[str], queue_frames: int) -> None:
        self.audiences = audiences
        self.frames: asyncio.Queue[str] = asyncio.Queue(maxsize=queue_frames)
        self.queued_bytes = 0
        # Resolved with a close code when the hub wants this socket closed.
        self.closing: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def offer(self, frame: str) -> None:
        if self.closing.done():
            return
        if self.queued_bytes + len(frame) > QUEUE_BYTES:
            self.close(CLOSE_RESYNC)
            return
        try:
            self.frames.put_nowait(frame)
        except asyncio.QueueFull:
            self.close(CLOSE_RESYNC)
            return
        self.queued_bytes += len(frame)

    async def next_frame(self) -> str:
        frame = await self.frames.get()
        self.queued_bytes -= len(frame)
        return frame

    def close(self, code: int) -> None:
        if not self.closing.done():
            self.closing.set_result(code)


@dataclass(eq=False)
class _Stream:
    name: str
    subscribed: asyncio.Future[None]
    clients: set[Client] = field(default_factory=set)
    # Superseded events become None, so the order of the others stays as published.
    pending: list[LiveEvent | None] = field(default_factory=list)
    keyed: dict[tuple[str, str], int] = field(default_factory=dict)
    version: int | None = None
    flush: asyncio.TimerHandle | None = None


class Hub:
    """All streams with sockets in this process; lives on one event loop."""

    def __init__(self, bus: Bus, tick_seconds: float, queue_frames: int = QUEUE_FRAMES) -> None:
        self.loop = asyncio.get_running_loop()
        self._tick = tick_seconds
        self._queue_frames = queue_frames
        self._subscriber = bus.subscriber(self.deliver, self.resync)
        self._streams: dict[str, _Stream] = {}
        self._operations: dict[str, asyncio.Task[None]] = {}  # the latest per stream

    async def start(self) -> None:
        await self._subscriber.start()

    async def stop(self) -> None:
        for stream in list(self._streams.values()):
            for client in stream.clients:
                client.close(CLOSE_GOING_AWAY)
            if stream.flush is not None:
                stream.flush.cancel()
        self._streams.clear()
        await self.settle()
        await self._subscriber.close()

    async def settle(self) -> None:
        """Wait until every subscribe and unsubscribe asked for so far is done."""
        while self._operations:
            await asyncio.wait(list(self._operations.values()))

    def streams(self) -> dict[str, int]:
        """Client count per stream with sockets here."""
        return {name: len(stream.clients) for name, stream in self._streams.items()}

    async def join(self, stream_name: str, audiences: frozenset[str]) -> Client:
        """A new client on `stream_name`; returns once the bus delivers that stream here."""
        client = Client(audiences, self._queue_frames)
        stream = self._streams.get(stream_name)
        if stream is None:
            subscribed = self._in_turn(stream_name, self._subscriber.subscribe)
            stream = self._streams[stream_name] = _Stream(stream_name, subscribed)
        stream.clients.add(client)
        try:
            # Shielded: other clients of this stream wait for the same subscription.
            await asyncio.shield(stream.subscribed)
            # Asked after subscribing: whatever is published from now on reaches the client.
            known = await self._subscriber.latest_version(stream_name)
        except BaseException:
            self.leave(stream_name, client)
            raise
        version = max(v for v in (known, stream.version, -1) if v is not None)
        if version >= 0:
            client.offer(f'{{"stream":{json.dumps(stream_name)},"version":{version},"events":[]}}')
        return client

    def leave(self, stream_name: str, client: Client) -> None:
        """Remove a client; the last one out stops the stream's timer and subscription."""
        stream = self._streams.get(stream_name)
        if stream is None or client not in stream.clients:
            return
        stream.clients.discard(client)
        if stream.clients:
            return
        del self._streams[stream_name]
        if stream.flush is not None:
            stream.flush.cancel()
        self._in_turn(stream_name, self._unsubscribe)

    def deliver(self, stream_name: str, event: LiveEvent) -> None:
        """On the hub's loop: queue an event for the stream's next frame."""
        stream = self._streams.get(stream_name)
        if stream is None:
            return  # nobody here listens to it (any more)
        if event.key is not None:
            earlier = stream.keyed.get((event.audience, event.key))
            if earlier is not None:
                stream.pending[earlier] = None
            stream.keyed[(event.audience, event.key)] = len(stream.pending)
        stream.pending.append(event)
        if event.version is not None and (stream.version is None or event.version > stream.version):
            stream.version = event.version
        if stream.flush is None:
            stream.flush = self.loop.call_later(self._tick, self._flush, stream)

    def resync(self) -> None:
        """Events may have been lost: close every socket so each client re-fetches."""
        for stream in self._streams.values():
            for client in stream.clients:
                client.close(CLOSE_RESYNC)

    def _flush(self, stream: _Stream) -> None:
        stream.flush = None
        events, stream.pending, stream.keyed = stream.pending, [], {}
        version = "null" if stream.version is None else str(stream.version)
        head = f'{{"stream":{json.dumps(stream.name)},"version":{version},"events":['
        by_audience: dict[str, list[int]] = {}
        texts = []
        for position, event in enumerate(events):
            texts.append(event.data if event is not None else "")
            if event is not None:
                by_audience.setdefault(event.audience, []).append(position)
        # Phones that differ only in a private audience (their own notes) mostly get the same
        # events: build each distinct selection's frame once.
        selections: dict[frozenset[str], tuple[int, ...]] = {}
        frames: dict[tuple[int, ...], str] = {}
        for client in stream.clients:
            chosen = selections.get(client.audiences)
            if chosen is None:
                chosen = selections[client.audiences] = tuple(sorted(
                    position for audience in client.audiences
                    for position in by_audience.get(audience, ())
                ))
            if not chosen:
                continue
            frame = frames.get(chosen)
            if frame is None:
                frame = frames[chosen] = head + ",".join(texts[p] for p in chosen) + "]}"
            client.offer(frame)

    def _in_turn(
        self, stream_name: str, operation: Callable[[str], Awaitable[None]]
    ) -> asyncio.Task[None]:
        """Run a subscription change after the previous one for the same stream, so a quick
        leave-and-rejoin can never end unsubscribed."""
        previous = self._operations.get(stream_name)

        async def run() -> None:
            if previous is not None:
                await asyncio.wait([previous])
            await operation(stream_name)

        task = asyncio.ensure_future(run())
        task.add_done_callback(_retrieve_exception)
        self._operations[stream_name] = task

        def forget(done: asyncio.Task[None]) -> None:
            if self._operations.get(stream_name) is done:
                del self._operations[stream_name]

        task.add_done_callback(forget)
        return task

    async def _unsubscribe(self, stream_name: str) -> None:
        try:
            await self._subscriber.unsubscribe(stream_name)
        except Exception:
            logger.warning("Live: could not unsubscribe from %s", stream_name, exc_info=True)


def _retrieve_exception(future: asyncio.Future[None]) -> None:
    # The joiners see the failure; this keeps asyncio from also logging it as unretrieved.
    if not future.cancelled():
        future.exception()
