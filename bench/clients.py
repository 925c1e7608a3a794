"""Headless participants in one worker process: they join through the API, open the real
socket, write on a schedule, and note when each write reached each intended recipient.

A recipient has a write when a frame arrives whose `version` is at least the version the
write's answer gave (`X-Samenspel-Version`); for a note the frame must also hold the note's
unique marker, since a frame's version also moves with other groups' notes. Notes are
matched as frames arrive (a workshop's writers and readers live in the same worker); a
frame that holds the marker before the write's answer is back is kept as a candidate and
judged when the version is known. Reactions go to everyone, so each socket keeps
(arrival, version) whenever the version grows, and the latencies are worked out after the
run from the writes of all workers.

The worker obeys the coordinator over a pipe: join, connect, run, answers, drain, results,
stop.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from array import array
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import uvloop
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from bench import stats
from bench.http_client import HttpPool

GROUPS = ("government", "organisations", "community")
REACTIONS = ("support", "concern", "help")
PHRASES = (
    "We vragen de buurt eerst wat zij wil",
    "Inwoners weten zelf het best wat werkt",
    "We sluiten aan bij wat er al is",
    "Samen kunnen we meer dan we denken",
    "We organiseren zelf een buurtavond",
)
VERSION = re.compile(rb'"version":(\d+)')
MARKER = re.compile(rb"mk\d+n\d+k")
CANDIDATES = 8  # per write and recipient, while the answer is out: beyond, judge later frames
JOINS_AT_ONCE = 16  # the server runs sync views one at a time anyway
CONNECTS_AT_ONCE = 64


class Recipient:
    """One socket: a participant's, the console's or the projector's."""

    __slots__ = ("bytes", "closed", "frames", "screen", "socket", "times", "top", "url",
                 "versions", "workshop")

    def __init__(self, workshop: WorkshopRun, url: str, screen: bool = False) -> None:
        self.workshop, self.url, self.screen = workshop, url, screen
        self.socket: ClientConnection | None = None
        self.frames = self.bytes = 0
        self.top = -1  # the highest version heard
        self.times, self.versions = array("d"), array("q")  # when `top` grew, and to what
        self.closed: int | None = None


@dataclass(eq=False)
class Participant:
    workshop: WorkshopRun
    group: str
    pool: HttpPool
    token: str = ""
    recipient: Recipient | None = None


@dataclass(eq=False)
class Write:
    workshop: int
    key: str
    sent: float
    marker: bytes = b""
    version: int | None = None
    answered: float = 0.0
    status: int = 0
    waiting: set[Recipient] = field(default_factory=set)
    arrivals: list[float] = field(default_factory=list)
    # Frames with the note's marker that came before the answer: (arrival, frame version).
    candidates: dict[Recipient, list[tuple[float, int]]] = field(default_factory=dict)
    older_stamps: int = 0  # recipients whose first frame with the note had a lower version

    def arrived(self, recipient: Recipient, when: float, pending: dict[str, Write]) -> None:
        self.waiting.discard(recipient)
        self.arrivals.append(when)
        if not self.waiting:
            pending.pop(self.key, None)

    def answered_with(self, version: int, pending: dict[str, Write]) -> None:
        """The version is known: judge the frames that held the note before."""
        self.version = version
        for recipient, frames in self.candidates.items():
            if frames[0][1] < version:
                self.older_stamps += 1
            when = next((t for t, v in frames if v >= version), None)
            if when is not None:
                self.arrived(recipient, when, pending)
        self.candidates.clear()


@dataclass(eq=False)
class WorkshopRun:
    id: int
    join_code: str
    activity: int | None
    prompts: list[int] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    screens: list[Recipient] = field(default_factory=list)
    pending: dict[str, Write] = field(default_factory=dict)  # notes not yet everywhere

    def audience_of(self, group: str) -> set[Recipient]:
        """Who must hear a note of `group`: its members and the screens."""
        members = {p.recipient for p in self.participants
                   if p.group == group and p.recipient is not None}
        return members | set(self.screens)


class Worker:
    def __init__(self, pipe: Connection, index: int, plan: dict[str, Any]) -> None:
        self.pipe, self.index, self.plan = pipe, index, plan
        self.notes = plan["kind"] == "notes"
        self.pools = [HttpPool("127.0.0.1", port) for port in plan["ports"]]
        self.workshops = [WorkshopRun(w["id"], w["join_code"], w.get("activity"))
                          for w in plan["workshops"]]
        self.recipients: list[Recipient] = []
        self.writes: list[Write] = []
        self.writing: list[asyncio.Task[None]] = []
        self.listeners: list[asyncio.Task[None]] = []
        self.start = float("inf")  # frames count from here (the first write's time)...
        self.end = float("inf")  # ...until here (the end of the drain)
        # Not for secrets: the same seed gives the same schedule.
        self.random = random.Random(plan["seed"] * 1000 + index)  # noqa: S311
        self.cpu_at_start = 0.0
        self.cpu_in_run = 0.0

    async def serve(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            command, argument = await loop.run_in_executor(None, self.pipe.recv)
            if command == "stop":
                await self.stop()
                self.pipe.send(("stop", None))
                return
            self.pipe.send((command, await getattr(self, command)(argument)))

    # -- Phases ------------------------------------------------------------------------------

    async def join(self, _argument: None) -> dict[str, int]:
        """Every participant joins and gets a socket pass; the screens get theirs."""
        gate = asyncio.Semaphore(JOINS_AT_ONCE)
        number = self.plan["port_offset"]
        jobs = []
        for workshop, given in zip(self.workshops, self.plan["workshops"], strict=True):
            for group, count in given["groups"].items():
                for _ in range(count):
                    pool = self.pools[number % len(self.pools)]
                    number += 1
                    participant = Participant(workshop, group, pool)
                    workshop.participants.append(participant)
                    jobs.append(self._join(participant, gate))
            if given["screens"]:
                for pool, screen in ((self.pools[0], "console"), (self.pools[-1], "projector")):
                    jobs.append(self._screen(workshop, pool, screen, gate))
        await asyncio.gather(*jobs)
        if self.notes:
            for workshop in self.workshops:
                first = workshop.participants[0]
                me = (await first.pool.call("GET", "/api/v1/me", token=first.token)).json()
                workshop.prompts = [prompt["id"] for prompt in me["prompts"]]
        return {"participants": sum(len(w.participants) for w in self.workshops)}

    async def _join(self, participant: Participant, gate: asyncio.Semaphore) -> None:
        workshop = participant.workshop
        async with gate:
            joined = await participant.pool.call("POST", "/api/v1/join", {
                "code": workshop.join_code, "perspective": participant.group})
            participant.token = joined.json()["token"]
            live = await participant.pool.call("GET", "/api/v1/me/live", token=participant.token)
        participant.recipient = Recipient(workshop, live.json()["url"])
        self.recipients.append(participant.recipient)

    async def _screen(self, workshop: WorkshopRun, pool: HttpPool, screen: str,
                      gate: asyncio.Semaphore) -> None:
        async with gate:
            live = await pool.call("GET", f"/api/v1/workshops/{workshop.id}/live?screen={screen}",
                                   token=self.plan["staff_token"])
        recipient = Recipient(workshop, live.json()["url"], screen=True)
        workshop.screens.append(recipient)
        self.recipients.append(recipient)

    async def connect(self, _argument: None) -> dict[str, int]:
        """Open every socket, as a phone's browser does: it offers permessage-deflate
        (unless the plan says not to, to see what compression costs)."""
        compression = "deflate" if self.plan.get("deflate", True) else None
        gate = asyncio.Semaphore(CONNECTS_AT_ONCE)

        async def open_one(recipient: Recipient) -> None:
            async with gate:
                # No pings: phones' browsers do not send them, and an overloaded server's
                # late pong must not close a socket. A big queue: we read as fast as we can.
                recipient.socket = await connect(
                    recipient.url, max_size=None, max_queue=4096, ping_interval=None,
                    open_timeout=120, close_timeout=2, compression=compression,
                )
            self.listeners.append(asyncio.create_task(self._listen(recipient)))

        await asyncio.gather(*(open_one(r) for r in self.recipients))
        return {"sockets": len(self.recipients)}

    async def run(self, argument: dict[str, float]) -> dict[str, Any]:
        """Write on the schedule from `start`; answer with what was written."""
        self.start = argument["start"]
        self.cpu_at_start = time.process_time()
        schedule = self.plan["schedule"]
        last = 0.0
        for workshop in self.workshops:
            for participant in workshop.participants:
                for at in self._times(schedule):
                    self.writing.append(asyncio.create_task(
                        self._write(participant, self.start + at)))
                    last = max(last, at)
        # Writes go out on time whether or not earlier ones were answered, as taps do.
        await asyncio.sleep(max(0.0, self.start + last - time.perf_counter()) + 0.01)
        return {"last_sent": max((w.sent for w in self.writes), default=self.start)}

    async def answers(self, argument: dict[str, float]) -> dict[str, Any]:
        """Wait for the answers until the deadline; a write still unanswered then is lost."""
        if self.writing:
            await asyncio.wait(self.writing, timeout=max(0.0, argument["deadline"]
                                                         - time.perf_counter()))
        for task in self.writing:
            task.cancel()
        done = [w for w in self.writes if w.version is not None]
        return {
            "writes": [(w.workshop, w.version, w.sent) for w in done] if not self.notes else [],
            "written": dict(Counter(w.workshop for w in self.writes)),
            "top_versions": self._top_versions(),
        }

    async def drain(self, argument: dict[str, Any]) -> dict[str, float]:
        """Wait until every write reached every intended recipient, or the deadline."""
        final = {int(k): v for k, v in argument["final_versions"].items()}
        deadline = argument["deadline"]
        while time.perf_counter() < deadline:
            if self.notes:
                if not any(w.pending for w in self.workshops):
                    break
            elif all(r.top >= final.get(r.workshop.id, 0) for r in self.recipients):
                break
            await asyncio.sleep(0.02)
        self.end = time.perf_counter()
        self.cpu_in_run = time.process_time() - self.cpu_at_start
        return {"end": self.end}

    async def results(self, argument: dict[str, Any]) -> dict[str, Any]:
        """Latencies for this worker's recipients, as a histogram, with the counts."""
        if self.notes:
            latency, delivered, expected, older = self._note_latencies()
        else:
            written = {int(k): n for k, n in argument["written"].items()}
            latency, delivered, expected = self._reaction_latencies(argument["writes"], written)
            older = 0
        answered = stats.histogram(w.answered - w.sent for w in self.writes if w.answered)
        return {
            "latency": dict(latency),
            "answer": dict(answered),
            "delivered": delivered,
            "expected": expected,
            "older_stamps": older,
            "writes": len(self.writes),
            "write_errors": dict(Counter(str(w.status) for w in self.writes
                                         if not 200 <= w.status < 300)),
            "frames": sum(r.frames for r in self.recipients),
            "bytes": sum(r.bytes for r in self.recipients),
            "closed": dict(Counter(str(r.closed) for r in self.recipients if r.closed)),
            "sockets": len(self.recipients),
            "cpu_in_run": self.cpu_in_run,
            "seconds_in_run": self.end - self.start,
        }

    async def stop(self) -> None:
        for listener in self.listeners:
            listener.cancel()
        await asyncio.gather(
            *(r.socket.close() for r in self.recipients if r.socket is not None),
            return_exceptions=True,
        )
        for pool in self.pools:
            pool.close()

    # -- Writing -----------------------------------------------------------------------------

    def _times(self, schedule: dict[str, Any]) -> list[float]:
        """When one participant writes, in seconds from the start."""
        if schedule["every"] is None:  # once, somewhere in the window
            return [self.random.uniform(0, schedule["within"])]
        low, high = schedule["every"]
        times, at = [], self.random.uniform(0, (low + high) / 2)
        while at < schedule["within"]:
            times.append(at)
            at += self.random.uniform(low, high)
        return times

    async def _write(self, participant: Participant, at: float) -> None:
        await asyncio.sleep(max(0.0, at - time.perf_counter()))
        workshop = participant.workshop
        number = len(self.writes)
        key = f"w{self.index}-{number}"
        write = Write(workshop.id, key, sent=time.perf_counter())
        self.writes.append(write)
        if self.notes:
            marker = f"mk{self.index}n{number}k"
            write.marker = marker.encode()
            write.waiting = workshop.audience_of(participant.group)
            workshop.pending[key] = write
            prompt = workshop.prompts[number % len(workshop.prompts)]
            text = f"{self.random.choice(PHRASES)} ({marker})"
            request = participant.pool.request(
                "POST", "/api/v1/me/notes",
                {"prompt": prompt, "text": text, "idempotency_key": key}, participant.token,
            )
        else:
            kind = self.random.choice(REACTIONS)
            request = participant.pool.request(
                "PUT", f"/api/v1/me/activities/{workshop.activity}/reactions/{kind}",
                token=participant.token,
            )
        try:
            answer = await request
        except (OSError, TimeoutError):
            write.status = -1  # the connection failed: an error, its deliveries lost
            return
        except asyncio.CancelledError:
            write.status = -2  # no answer by the drain deadline: the same
            raise
        write.answered, write.sent, write.status = time.perf_counter(), answer.sent, answer.status
        if 200 <= answer.status < 300 and "x-samenspel-version" in answer.headers:
            write.answered_with(int(answer.headers["x-samenspel-version"]), workshop.pending)

    # -- Hearing -----------------------------------------------------------------------------

    async def _listen(self, recipient: Recipient) -> None:
        if recipient.socket is None:
            return
        receive = recipient.socket.recv
        pending = recipient.workshop.pending
        try:
            while True:
                frame = await receive(decode=False)
                now = time.perf_counter()
                if not self.start <= now <= self.end:
                    continue
                recipient.frames += 1
                recipient.bytes += len(frame)
                found = VERSION.search(frame, 0, 200)
                version = int(found[1]) if found else -1
                if version > recipient.top:
                    recipient.top = version
                    recipient.times.append(now)
                    recipient.versions.append(version)
                markers: set[bytes] | None = None  # every marker in this frame, found once
                for write in tuple(pending.values()) if pending else ():
                    if recipient not in write.waiting:
                        continue
                    if write.version is not None and version < write.version:
                        continue
                    if markers is None:
                        markers = set(MARKER.findall(frame))
                    if write.marker not in markers:
                        continue
                    if write.version is not None:
                        write.arrived(recipient, now, pending)
                        continue
                    frames = write.candidates.setdefault(recipient, [])
                    if len(frames) < CANDIDATES and (not frames or version > frames[-1][1]):
                        frames.append((now, version))
        except ConnectionClosed as closed:
            recipient.closed = closed.rcvd.code if closed.rcvd else 1006

    # -- Counting ----------------------------------------------------------------------------

    def _top_versions(self) -> dict[int, int]:
        tops: dict[int, int] = {}
        for write in self.writes:
            if write.version is not None:
                tops[write.workshop] = max(tops.get(write.workshop, 0), write.version)
        return tops

    def _note_latencies(self) -> tuple[Counter[int], int, int, int]:
        latency: Counter[int] = Counter()
        delivered = expected = older = 0
        for write in self.writes:
            latency.update(stats.bucket(t - write.sent) for t in write.arrivals)
            delivered += len(write.arrivals)
            expected += len(write.arrivals) + len(write.waiting)
            older += write.older_stamps
        return latency, delivered, expected, older

    def _reaction_latencies(self, writes: list[tuple[int, int, float]], written: dict[int, int]
                            ) -> tuple[Counter[int], int, int]:
        """For each recipient, sweep its (arrival, version) steps along the workshop's writes
        in version order: the first step at or above a write's version delivered it. Every
        write made counts as expected; one without an answer (no version) was not delivered."""
        per_workshop: dict[int, list[tuple[int, float]]] = {}
        for workshop, version, sent in writes:
            per_workshop.setdefault(workshop, []).append((version, sent))
        for listed in per_workshop.values():
            listed.sort()
        latency: Counter[int] = Counter()
        delivered = expected = 0
        for recipient in self.recipients:
            listed = per_workshop.get(recipient.workshop.id, [])
            expected += written.get(recipient.workshop.id, 0)
            times, versions, steps = recipient.times, recipient.versions, len(recipient.times)
            step = 0
            for version, sent in listed:
                while step < steps and versions[step] < version:
                    step += 1
                if step == steps:
                    break
                latency[stats.bucket(times[step] - sent)] += 1
                delivered += 1
        return latency, delivered, expected


def main(pipe: Connection, index: int, plan: dict[str, Any]) -> None:
    """The worker process's entry point."""
    uvloop.run(Worker(pipe, index, plan).serve())
