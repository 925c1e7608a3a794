"""Server CPU per request, one kind at a time: what a plain GET, a note and a reaction cost
the real server (uvicorn, production settings, SQLite), measured from /proc while a few
clients send them one after another. It says how many writes per second one process can
take at most, which is what the load scenarios run into.

    python -m bench.request_cost [--notes 600] [--reactions 180] [--group 20] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import time

from bench.http_client import HttpPool
from bench.scenarios import start_sharing
from bench.servers import cpu_seconds, start_samenspel

GROUPS = ("government", "organisations", "community")


async def measure(port: int, staff: str, pid: int, notes: int, gets: int, group: int,
                  concurrency: int, reactions: int = 0) -> dict[str, float]:
    api = HttpPool("127.0.0.1", port)
    made = (await api.call("POST", "/api/v1/workshops", {
        "title": "Kosten per verzoek", "case_description": "Meten", "private_rounds": [],
    }, staff)).json()
    await api.call("POST", f"/api/v1/workshops/{made['id']}/rounds/1/open", token=staff)
    tokens = [
        (await api.call("POST", "/api/v1/join", {"code": made["join_code"], "perspective": g}
                        )).json()["token"]
        for g in GROUPS for _ in range(group)
    ]
    me = (await api.call("GET", "/api/v1/me", token=tokens[0])).json()
    prompts = [p["id"] for p in me["prompts"]]
    numbers = itertools.count()

    async def note(n: int) -> None:
        await api.call("POST", "/api/v1/me/notes", {
            "prompt": prompts[n % len(prompts)], "text": f"Een notitie, nummer {n}",
            "idempotency_key": f"cost-{n}",
        }, tokens[n % len(tokens)])

    async def plain_get(n: int) -> None:
        await api.call("GET", "/api/v1/me/live", token=tokens[n % len(tokens)])

    async def cost(kind, count: int) -> float:
        async def client() -> None:
            while (n := next(numbers)) < stop:
                await kind(n)
        stop = next(numbers) + count
        before = cpu_seconds(pid)
        await asyncio.gather(*(client() for _ in range(concurrency)))
        return 1000 * (cpu_seconds(pid) - before) / count

    results = {
        "GET /me/live": await cost(plain_get, gets),
        f"notes 1-{notes // 2}": await cost(note, notes // 2),
        f"notes {notes // 2 + 1}-{notes}": await cost(note, notes // 2),
    }
    if reactions:
        # The same room shares its choice: every participant reacts to the shown activity,
        # one kind after another (a second tap of the same kind would change nothing).
        shown = await start_sharing(api, staff, made)
        kinds = ("support", "concern", "help")

        async def reaction(n: int) -> None:
            kind = kinds[(n // len(tokens)) % len(kinds)]
            await api.call("PUT", f"/api/v1/me/activities/{shown}/reactions/{kind}",
                           token=tokens[n % len(tokens)])

        results["reactions"] = await cost(reaction, min(reactions, len(tokens) * len(kinds)))
    api.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=600)
    parser.add_argument("--gets", type=int, default=200)
    parser.add_argument("--reactions", type=int, default=180,
                        help="at most three per participant")
    parser.add_argument("--group", type=int, default=20, help="participants per group")
    parser.add_argument("--concurrency", type=int, default=4)
    arguments = parser.parse_args()
    servers = start_samenspel()
    try:
        started = time.perf_counter()
        results = asyncio.run(measure(servers.ports[0], servers.staff_token,
                                      servers.processes[0].pid, arguments.notes,
                                      arguments.gets, arguments.group, arguments.concurrency,
                                      arguments.reactions))
    finally:
        servers.stop()
    for name, value in results.items():
        print(f"{name:>16}: {value:6.2f} ms of server CPU each")
    print(f"(3 groups of {arguments.group}, {arguments.notes} notes in all, "
          f"{arguments.concurrency} clients, {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
