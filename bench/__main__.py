"""The load benchmark in one command: each scenario against Samenspel and against the
baseline in the same run, the targets as PASS/FAIL, the raw results as JSON.

    .venv/bin/python -m bench             # full size (about 15 minutes on 2 cores)
    .venv/bin/python -m bench --quick     # small counts, a minute or two
    .venv/bin/python -m bench --only b,c  # some scenarios
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from bench import report
from bench.scenarios import BASELINE_SHAPE, FULL, QUICK, TINY, measure, scaled

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small counts and durations")
    parser.add_argument("--tiny", action="store_true",
                        help="a few clients for a second or two: the smoke test")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="participants per group times this (full durations)")
    parser.add_argument("--only", default="a,b,c,d,e", help="scenarios, e.g. a,c")
    parser.add_argument("--workers", type=int, default=2, help="client processes")
    parser.add_argument("--drain", type=float, default=10.0,
                        help="seconds after the last write before a delivery counts as lost")
    parser.add_argument("--no-deflate", action="store_true",
                        help="clients do not offer permessage-deflate (browsers do)")
    parser.add_argument("--settings", default="samenspel.settings",
                        help="the server's settings module, to try a change (importable)")
    parser.add_argument("--no-baseline", action="store_true", help="Samenspel only")
    parser.add_argument("--out", type=Path, help="JSON results file (full runs: bench/results/)")
    arguments = parser.parse_args()
    results = asyncio.run(run(arguments))
    print()
    print(report.table(results["runs"]))
    out = arguments.out
    if out is None and not (arguments.quick or arguments.tiny) and arguments.scale == 1:
        out = RESULTS / f"{dt.datetime.now():%Y-%m-%d-%H%M}.json"
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        print(f"\nRaw results: {out}")


async def run(arguments: argparse.Namespace) -> dict[str, Any]:
    scenarios = TINY if arguments.tiny else QUICK if arguments.quick else FULL
    if arguments.scale != 1:
        scenarios = {key: scaled(s, arguments.scale) for key, s in scenarios.items()}
    keys = [key.strip() for key in arguments.only.split(",") if key.strip()]
    runs: dict[str, dict[str, Any]] = {}
    baselines: dict[str, dict[str, Any]] = {}
    started = dt.datetime.now().astimezone()
    for key in keys:
        scenario = scenarios[key]
        print(f"({key}) {scenario.title}: {scenario.describe()}", flush=True)
        shape = BASELINE_SHAPE[key]
        if not arguments.no_baseline and shape not in baselines:
            baselines[shape] = await measure(scenarios[shape], True, arguments.workers,
                                             arguments.drain, deflate=not arguments.no_deflate)
            _progress("baseline", baselines[shape])
        runs[key] = {"samenspel": await measure(scenario, False, arguments.workers,
                                                arguments.drain,
                                                deflate=not arguments.no_deflate,
                                                settings=arguments.settings)}
        _progress("samenspel", runs[key]["samenspel"])
        if shape in baselines:
            runs[key]["baseline"] = baselines[shape]
        for name, passed in report.targets(key, runs):
            print(f"    {report.verdict_text(passed)}  {name}", flush=True)
    return {
        "started": started.isoformat(timespec="seconds"),
        "size": "tiny" if arguments.tiny else "quick" if arguments.quick else "full",
        "scale": arguments.scale,
        "workers": arguments.workers,
        "drain_s": arguments.drain,
        "deflate": not arguments.no_deflate,
        "settings": arguments.settings,
        "tick_ms": int(os.environ.get("LIVE_TICK_MS", "100")),
        "environment": report.environment(),
        "scenarios": {key: {"title": scenarios[key].title, "describe": scenarios[key].describe()}
                      for key in keys},
        "runs": runs,
        "targets": {key: [(name, report.verdict_text(ok)) for name, ok in
                          report.targets(key, runs)] for key in runs},
    }


def _progress(server: str, run: dict[str, Any]) -> None:
    latency = run["latency_ms"]
    print(f"    {server:9} p50 {latency['p50']} ms, p99 {latency['p99']} ms, "
          f"{run['delivered_pct']} % of {run['pairs']} delivered, "
          f"{run['frames_per_s']:g} frames/s, "
          f"server CPU {sum(run['server_cpu_s']):.1f} s, client CPU "
          f"{sum(run['client_cpu_s']):.1f} s, {run['kb_per_socket']} KB/socket, "
          f"load {run['load_after'][0]}", flush=True)


if __name__ == "__main__":
    main()
