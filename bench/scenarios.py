"""The scenarios, and one measured run of a scenario against a server (Samenspel or the
baseline): prepare the workshops through the API, let worker processes join, connect and
write, then gather latencies, deliveries, frames, CPU and memory."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from collections import Counter
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from typing import Any

from bench import clients, stats
from bench.http_client import HttpPool
from bench.servers import Servers, start_baseline, start_samenspel

START_DELAY = 0.5  # from the last command to the first write: every worker is listening
# Sockets open and idle this long before the server's memory is read: the last accepts are
# still being handled for a moment after the clients saw them open.
IDLE_SETTLE = 2.0


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    kind: str  # "notes" (to the writer's group and the screens) or "reactions" (to everyone)
    workshops: int
    groups: tuple[int, int, int]  # participants per perspective group, in each workshop
    within: float  # seconds in which the writes happen
    every: tuple[float, float] | None = None  # seconds between one participant's writes
    processes: int = 1
    scaled_out: bool = False  # PostgreSQL and Redis instead of SQLite and the in-process bus
    screens: bool = True  # a console and a projector socket per workshop

    @property
    def participants(self) -> int:
        return self.workshops * sum(self.groups)

    def describe(self) -> str:
        if self.every is None:
            rate = f"each writes once within {self.within:g} s"
        else:
            low, high = self.every
            rate = f"each every {low:g} to {high:g} s for {self.within:g} s"
        where = f"{self.processes} processes, PostgreSQL + Redis" if self.scaled_out else (
            "1 process, SQLite")
        return f"{self.participants} participants ({rate}); {where}"


FULL = {
    "a": Scenario("a", "conference: 10 workshops of 3 groups of 20 posting notes", "notes",
                  10, (20, 20, 20), within=60, every=(4, 6)),
    "b": Scenario("b", "one group of 500 posting within 10 s", "notes", 1, (500, 0, 0),
                  within=10),
    "c": Scenario("c", "plenary of 1,000 reacting within 10 s", "reactions", 1,
                  (334, 333, 333), within=10),
    "d": Scenario("d", "conference (a) over two processes, PostgreSQL and Redis", "notes",
                  10, (20, 20, 20), within=60, every=(4, 6), processes=2, scaled_out=True),
    "e": Scenario("e", "plenary of 5,000 connected, reacting within 30 s", "reactions", 1,
                  (1667, 1667, 1666), within=30),
}
QUICK = {
    "a": replace(FULL["a"], workshops=2, groups=(3, 3, 3), within=4, every=(1, 2)),
    "b": replace(FULL["b"], groups=(30, 0, 0), within=3),
    "c": replace(FULL["c"], groups=(10, 10, 10), within=3),
    "d": replace(FULL["d"], workshops=2, groups=(3, 3, 3), within=4, every=(1, 2)),
    "e": replace(FULL["e"], groups=(40, 40, 40), within=3),
}
def scaled(scenario: Scenario, factor: float) -> Scenario:
    """The scenario with `factor` times the participants per group (at least one)."""
    low, middle, high = (max(1, round(n * factor)) if n else 0 for n in scenario.groups)
    return replace(scenario, groups=(low, middle, high))


TINY = {  # for the smoke test: the machinery, not the numbers
    "a": replace(FULL["a"], workshops=1, groups=(2, 2, 1), within=1.5, every=(0.5, 1)),
    "b": replace(FULL["b"], groups=(4, 0, 0), within=1),
    "c": replace(FULL["c"], groups=(2, 2, 1), within=1),
    "d": replace(FULL["d"], workshops=1, groups=(2, 2, 1), within=1.5, every=(0.5, 1)),
    "e": replace(FULL["e"], groups=(2, 2, 1), within=1),
}
BASELINE_SHAPE = {"a": "a", "b": "b", "c": "c", "d": "a", "e": "e"}  # (d) is (a)'s shape


def start_servers(scenario: Scenario, baseline: bool, settings: str) -> Servers:
    if baseline:
        return start_baseline()
    return start_samenspel(scenario.processes, scenario.scaled_out, settings)


PROFILE = (*range(1, 100), 99.5, 99.9)


async def prepare(scenario: Scenario, servers: Servers) -> list[dict[str, Any]]:
    """The facilitator prepares the workshops through the API: round 1 open for notes; for
    reactions round 3 with two chosen activities per group and the first one shown."""
    api = HttpPool("127.0.0.1", servers.ports[0])
    staff = servers.staff_token
    workshops = []
    for number in range(1, scenario.workshops + 1):
        made = (await api.call("POST", "/api/v1/workshops", {
            "title": f"Werkconferentie, tafel {number}",
            "case_description": "Hoe houden we het dorpshuis open?", "private_rounds": [],
        }, staff)).json()
        workshop = {"id": made["id"], "join_code": made["join_code"], "activity": None}
        if scenario.kind == "notes":
            await api.call("POST", f"/api/v1/workshops/{made['id']}/rounds/1/open", token=staff)
        else:
            workshop["activity"] = await start_sharing(api, staff, made)
        workshops.append(workshop)
    api.close()
    return workshops


async def start_sharing(api: HttpPool, staff: str, workshop: dict[str, Any]) -> int:
    await api.call("POST", f"/api/v1/workshops/{workshop['id']}/rounds/3/open", token=staff)
    shown = 0
    for group in clients.GROUPS:
        # One proposer per group (no socket: not a recipient) brings two activities.
        joined = (await api.call("POST", "/api/v1/join", {
            "code": workshop["join_code"], "perspective": group})).json()
        proposed = [
            (await api.call("POST", "/api/v1/me/activities", {
                "title": f"{title} ({group})", "serves": []}, joined["token"])).json()["id"]
            for title in ("Een vaste buurttafel", "Samen een plan")
        ]
        await api.call("PUT", f"/api/v1/workshops/{workshop['id']}/groups/{group}/choice",
                       {"activities": proposed}, staff)
        shown = shown or proposed[0]
    await api.call("PUT", f"/api/v1/workshops/{workshop['id']}/shown-activity",
                   {"activity": shown}, staff)
    return shown


def plans(scenario: Scenario, workshops: list[dict[str, Any]], servers: Servers,
          workers: int, seed: int) -> list[dict[str, Any]]:
    """What each worker does. Notes: whole workshops per worker (a note's writer and its
    recipients in one process). Reactions: every workshop's groups split over the workers."""
    common = {"kind": scenario.kind, "ports": servers.ports, "staff_token": servers.staff_token,
              "schedule": {"within": scenario.within, "every": scenario.every}, "seed": seed}
    if scenario.kind == "notes":
        workers = min(workers, len(workshops))
        shares = [[dict(w, groups=dict(zip(clients.GROUPS, scenario.groups, strict=True)),
                        screens=scenario.screens)
                   for w in workshops[i::workers]] for i in range(workers)]
    else:
        shares = [[] for _ in range(workers)]
        for w in workshops:
            for i in range(workers):
                groups = {g: n // workers + (1 if i < n % workers else 0)
                          for g, n in zip(clients.GROUPS, scenario.groups, strict=True)}
                shares[i].append(dict(w, groups=groups, screens=scenario.screens and i == 0))
    offsets, offset = [], 0
    for share in shares:  # participants alternate over the ports, across workers too
        offsets.append(offset)
        offset += sum(sum(w["groups"].values()) for w in share)
    return [dict(common, workshops=share, port_offset=offsets[i])
            for i, share in enumerate(shares)]


class Workers:
    """The worker processes, driven in lockstep."""

    def __init__(self, worker_plans: list[dict[str, Any]]) -> None:
        context = multiprocessing.get_context("spawn")
        self.pipes: list[Connection] = []
        self.processes = []
        for index, plan in enumerate(worker_plans):
            mine, theirs = context.Pipe()
            process = context.Process(target=clients.main, args=(theirs, index, plan),
                                      daemon=True)
            process.start()
            self.pipes.append(mine)
            self.processes.append(process)

    async def all(self, command: str, argument: Any = None) -> list[Any]:
        loop = asyncio.get_running_loop()
        for pipe in self.pipes:
            pipe.send((command, argument))
        replies = []
        for pipe, process in zip(self.pipes, self.processes, strict=True):
            answered, reply = await loop.run_in_executor(None, _receive, pipe, process)
            if answered != command:
                raise RuntimeError(f"worker answered {answered!r} to {command!r}")
            replies.append(reply)
        return replies

    def end(self) -> None:
        for process in self.processes:
            process.join(20)
            if process.is_alive():
                process.kill()


def _receive(pipe: Connection, process: Any) -> Any:
    while not pipe.poll(1.0):
        if not process.is_alive():
            raise RuntimeError(f"worker {process.pid} died (exit code {process.exitcode})")
    return pipe.recv()


async def measure(scenario: Scenario, baseline: bool, workers: int, drain: float,
                  seed: int = 1, deflate: bool = True, settings: str = "samenspel.settings",
                  ) -> dict[str, Any]:
    """One scenario against one server set, from a fresh start to a stopped server."""
    load_before = os.getloadavg()
    servers = start_servers(scenario, baseline, settings)
    team: Workers | None = None
    try:
        workshops = await prepare(scenario, servers)
        team = Workers([dict(plan, deflate=deflate)
                        for plan in plans(scenario, workshops, servers, workers, seed)])
        began = time.perf_counter()
        await team.all("join")
        joined = time.perf_counter()
        rss_before = servers.rss()
        sockets = sum(r["sockets"] for r in await team.all("connect"))
        connected = time.perf_counter()
        await asyncio.sleep(min(IDLE_SETTLE, 0.2 + sockets / 1000))
        rss_idle = servers.rss()
        cpu_before = servers.cpu()
        start = time.perf_counter() + START_DELAY
        sent = await team.all("run", {"start": start})
        deadline = max(r["last_sent"] for r in sent) + drain
        written = await team.all("answers", {"deadline": deadline})
        final: dict[int, int] = {}
        for reply in written:
            for workshop, version in reply["top_versions"].items():
                final[workshop] = max(final.get(workshop, 0), version)
        await team.all("drain", {"final_versions": final, "deadline": deadline})
        cpu_after = servers.cpu()
        end = time.perf_counter()
        rss_after = servers.rss()
        writes = [w for reply in written for w in reply["writes"]]
        counts: Counter[int] = Counter()
        for reply in written:
            counts.update({int(k): n for k, n in reply["written"].items()})
        results = await team.all("results", {"writes": writes, "written": dict(counts)})
        await team.all("stop")
    finally:
        if team is not None:
            team.end()
        servers.stop()
    return summarise(scenario, servers, results, {
        "rss_before": rss_before, "rss_idle": rss_idle, "rss_after": rss_after,
        "sockets": sockets, "join_s": joined - began, "connect_s": connected - joined,
        "cpu": [b - a for a, b in zip(cpu_before, cpu_after, strict=True)],
        "seconds": end - start, "load_before": load_before, "load_after": os.getloadavg(),
    })


def summarise(scenario: Scenario, servers: Servers, results: list[dict[str, Any]],
              measured: dict[str, Any]) -> dict[str, Any]:
    latency = stats.merge(r["latency"] for r in results)
    answer = stats.merge(r["answer"] for r in results)
    delivered = sum(r["delivered"] for r in results)
    expected = sum(r["expected"] for r in results)
    seconds = measured["seconds"]
    sockets = measured["sockets"]
    grown = sum(measured["rss_idle"]) - sum(measured["rss_before"])
    closed: dict[str, int] = {}
    for r in results:
        for code, n in r["closed"].items():
            closed[code] = closed.get(code, 0) + n
    return {
        "server": servers.name,
        "server_log": str(servers.log),
        "processes": len(servers.processes),
        "participants": scenario.participants,
        "sockets": sockets,
        "writes": sum(r["writes"] for r in results),
        "write_errors": sum(sum(r["write_errors"].values()) for r in results),
        "error_statuses": dict(sum((Counter(r["write_errors"]) for r in results), Counter())),
        "pairs": expected,
        "delivered_pct": round(100 * delivered / expected, 3) if expected else None,
        "latency_ms": stats.percentiles(latency),
        # The same with every undelivered pair counted as infinitely late (None): the
        # targets are judged on these, so losses cannot make the latency look good.
        "latency_with_losses_ms": stats.percentiles(latency, lost=expected - delivered),
        "answer_ms": stats.percentiles(answer),
        # Every percentile of the pairs that arrived, to compare runs later (the raw
        # histogram of 0.1 ms buckets made a result file of 10 MB).
        "latency_profile_ms": stats.percentiles(latency, PROFILE),
        # Recipients whose first frame with a note was stamped with a lower version than
        # the note's: the content was newer than the frame's version said.
        "older_stamps": sum(r["older_stamps"] for r in results),
        "sockets_closed": closed,
        "seconds": round(seconds, 2),
        "join_s": round(measured["join_s"], 1),
        "connect_s": round(measured["connect_s"], 1),
        "frames_per_s": round(sum(r["frames"] for r in results) / seconds, 1),
        "mb_received": round(sum(r["bytes"] for r in results) / 1e6, 2),
        "server_cpu_s": [round(c, 2) for c in measured["cpu"]],
        "client_cpu_s": [round(r["cpu_in_run"], 2) for r in results],
        "rss_before_mb": [round(b / 2**20, 1) for b in measured["rss_before"]],
        "rss_idle_mb": [round(b / 2**20, 1) for b in measured["rss_idle"]],
        "kb_per_socket": round(grown / sockets / 1024, 1) if sockets else None,
        "rss_after_run_mb": [round(b / 2**20, 1) for b in measured["rss_after"]],
        "load_before": [round(x, 2) for x in measured["load_before"]],
        "load_after": [round(x, 2) for x in measured["load_after"]],
    }
