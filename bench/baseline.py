"""The baseline: a minimal plain-ASGI broadcast server, the limit for Python on this machine.

It answers the few API calls the benchmark's clients make (the same paths and the same JSON
keys as Samenspel), keeps everything in memory, renders nothing and stores nothing. Each
write bumps the workshop's version and queues a small event; per stream, what arrives
within one tick (`LIVE_TICK_MS`, as in Samenspel) goes to each client as one frame,
serialised once per audience set, through a bounded queue per client. Counters travel as
current totals: a newer total replaces an older one in the same tick.

    uvicorn bench.baseline:application --port 8001
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

TICK = int(os.environ.get("LIVE_TICK_MS", "100")) / 1000
QUEUE_FRAMES = 64
CLOSE_RESYNC = 4008
GROUPS = ("government", "organisations", "community")
PROMPTS = [{"id": 1, "kind": "desired_behaviour"}, {"id": 2, "kind": "activating_belief"}]
REACTION_KINDS = ("support", "concern", "help")


class Client:
    def __init__(self, audiences: frozenset[str]) -> None:
        self.audiences = audiences
        self.frames: asyncio.Queue[str] = asyncio.Queue(QUEUE_FRAMES)
        self.closing: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def offer(self, frame: str) -> None:
        try:
            self.frames.put_nowait(frame)
        except asyncio.QueueFull:
            if not self.closing.done():
                self.closing.set_result(CLOSE_RESYNC)


@dataclass(eq=False)
class Workshop:
    id: int
    join_code: str
    version: int = 1
    clients: set[Client] = field(default_factory=set)
    # (audience, region) -> event JSON; a region of None never coalesces (a new note).
    pending: dict[tuple[str, str | int], str] = field(default_factory=dict)
    flush: asyncio.TimerHandle | None = None
    reactions: dict[int, dict[str, int]] = field(default_factory=dict)

    def publish(self, audiences: list[str], event: dict[str, Any], region: str | None) -> None:
        data = json.dumps(event, separators=(",", ":"))
        for audience in audiences:
            key = region if region is not None else next(_serial)
            self.pending[(audience, key)] = data
        if self.flush is None:
            self.flush = asyncio.get_running_loop().call_later(TICK, self._flush)

    def _flush(self) -> None:
        self.flush = None
        pending, self.pending = self.pending, {}
        head = f'{{"stream":"workshop:{self.id}","version":{self.version},"events":['
        frames: dict[frozenset[str], str | None] = {}
        for client in self.clients:
            if client.audiences not in frames:
                chosen = [data for (audience, _), data in pending.items()
                          if audience in client.audiences]
                frames[client.audiences] = head + ",".join(chosen) + "]}" if chosen else None
            frame = frames[client.audiences]
            if frame is not None:
                client.offer(frame)


_serial = itertools.count()
_ids = itertools.count(1)
workshops: dict[int, Workshop] = {}
by_code: dict[str, Workshop] = {}
participants: dict[str, tuple[Workshop, str, int]] = {}  # token -> workshop, group, id
passes: dict[str, tuple[Workshop, frozenset[str]]] = {}  # socket token -> stream, audiences


def everyone() -> list[str]:
    return ["console", "projector", *(f"group:{g}" for g in GROUPS)]


def live_pass(scope: dict[str, Any], workshop: Workshop, audiences: list[str]) -> dict[str, Any]:
    token = secrets.token_urlsafe(16)
    passes[token] = (workshop, frozenset(audiences))
    host = dict(scope["headers"]).get(b"host", b"").decode()
    return {"url": f"ws://{host}/ws/live?token={token}", "token": token,
            "stream": f"workshop:{workshop.id}", "audiences": sorted(audiences)}


def route(method: str, path: str, body: Any, token: str, scope: dict[str, Any]
          ) -> tuple[int, Any, Workshop | None]:
    """One API call: (status, JSON answer, the workshop it is about)."""
    if method == "POST" and path == "/api/v1/workshops":
        workshop = Workshop(next(_ids), secrets.token_hex(3).upper())
        workshops[workshop.id] = by_code[workshop.join_code] = workshop
        return 201, {"id": workshop.id, "join_code": workshop.join_code,
                     "version": workshop.version}, workshop
    if method == "POST" and path == "/api/v1/join":
        workshop = by_code[body["code"]]
        number = next(_ids)
        secret = "spt_" + secrets.token_urlsafe(16)
        participants[secret] = (workshop, body["perspective"], number)
        return 201, {"token": secret, "participant": {"id": number},
                     "workshop": {"id": workshop.id, "version": workshop.version}}, workshop
    if path.startswith("/api/v1/me"):
        workshop, group, number = participants[token]
        return me(method, path.removeprefix("/api/v1/me"), body, scope, workshop, group, number)
    found = re.fullmatch(r"/api/v1/workshops/(\d+)(/.*)", path)
    if found:
        workshop = workshops[int(found[1])]
        rest = found[2]
        if method == "GET" and rest == "/live":
            screen = parse_qs(scope["query_string"].decode()).get("screen", ["console"])[0]
            return 200, live_pass(scope, workshop, [screen]), workshop
        if method in {"POST", "PUT"}:  # open a round, choose, show: a change for everyone
            workshop.version += 1
            workshop.publish(everyone(), {"reload": True}, region="reload")
            return 200, {"id": workshop.id, "version": workshop.version}, workshop
    return 404, {"code": "not_found"}, None


def me(method: str, path: str, body: Any, scope: dict[str, Any], workshop: Workshop,
       group: str, number: int) -> tuple[int, Any, Workshop | None]:
    if method == "GET" and path == "":
        return 200, {"workshop": {"id": workshop.id, "version": workshop.version},
                     "prompts": PROMPTS}, workshop
    if method == "GET" and path == "/live":
        return 200, live_pass(scope, workshop, [f"group:{group}"]), workshop
    if method == "POST" and path == "/notes":
        workshop.version += 1
        note = {"id": next(_ids), "text": body["text"]}
        workshop.publish([f"group:{group}", "projector", "console"],
                         {"region": f"notes-{group}-{body['prompt']}", "note": note}, None)
        return 201, note, workshop
    if method == "POST" and path == "/activities":
        return 201, {"id": next(_ids), "title": body["title"]}, workshop
    found = re.fullmatch(r"/activities/(\d+)/reactions/(\w+)", path)
    if method == "PUT" and found and found[2] in REACTION_KINDS:
        activity = int(found[1])
        totals = workshop.reactions.setdefault(activity, dict.fromkeys(REACTION_KINDS, 0))
        totals[found[2]] += 1
        workshop.version += 1
        region = f"reactions-{activity}"
        workshop.publish(everyone(), {"region": region, "totals": totals}, region)
        return 200, {"id": activity, "reactions": totals}, workshop
    return 404, {"code": "not_found"}, None


async def application(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "http":
        await serve_http(scope, receive, send)
    elif scope["type"] == "websocket":
        await serve_socket(scope, receive, send)
    elif scope["type"] == "lifespan":
        while True:
            message = await receive()
            await send({"type": message["type"] + ".complete"})
            if message["type"] == "lifespan.shutdown":
                return


async def serve_http(scope: dict[str, Any], receive: Any, send: Any) -> None:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    raw = b"".join(chunks)
    token = dict(scope["headers"]).get(b"authorization", b"").decode().removeprefix("Bearer ")
    status, answer, workshop = route(
        scope["method"], scope["path"], json.loads(raw) if raw else None, token, scope
    )
    content = json.dumps(answer).encode()
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(content)).encode())]
    if workshop is not None:
        headers.append((b"x-samenspel-version", str(workshop.version).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": content})


async def serve_socket(scope: dict[str, Any], receive: Any, send: Any) -> None:
    await receive()  # websocket.connect
    token = parse_qs(scope["query_string"].decode()).get("token", [""])[0]
    if token not in passes:
        await send({"type": "websocket.close", "code": 4403})
        return
    workshop, audiences = passes[token]
    client = Client(audiences)
    workshop.clients.add(client)
    await send({"type": "websocket.accept"})

    async def write() -> None:
        while True:
            await send({"type": "websocket.send", "text": await client.frames.get()})

    async def read() -> None:
        while (await receive())["type"] != "websocket.disconnect":
            pass

    writer, reader = asyncio.ensure_future(write()), asyncio.ensure_future(read())
    try:
        await asyncio.wait([writer, reader, client.closing], return_when=asyncio.FIRST_COMPLETED)
    finally:
        workshop.clients.discard(client)
        writer.cancel()
        reader.cancel()
        await asyncio.gather(writer, reader, return_exceptions=True)
    if client.closing.done() and not reader.done():
        await send({"type": "websocket.close", "code": client.closing.result()})
