"""Targets as PASS/FAIL, the results table, and the machine and versions they came from."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

P99_CONFERENCE_MS = 250
BASELINE_FACTOR = 2.0
SCALED_OUT_FACTOR = 1.5
KB_PER_SOCKET = 40


LOST = float("inf")


def p99(run: dict[str, Any] | None) -> float | None:
    """The p99 with undelivered pairs counted as infinitely late (inf when they reach it)."""
    if not run:
        return None
    value = run["latency_with_losses_ms"]["p99"]
    return LOST if value is None else value


def ratio(run: dict[str, Any], baseline: dict[str, Any] | None) -> float | None:
    mine, theirs = p99(run), p99(baseline)
    if mine is None or not theirs or theirs == LOST:
        return None
    return LOST if mine == LOST else round(mine / theirs, 2)


def targets(key: str, runs: dict[str, dict[str, Any]]) -> list[tuple[str, bool | None]]:
    """The issue's targets for one scenario: (what, passed); None when it cannot be judged
    (a run it compares with is missing)."""
    run, baseline = runs[key]["samenspel"], runs[key].get("baseline")
    complete = (run["delivered_pct"] == 100 and run["write_errors"] == 0
                and not run["sockets_closed"])
    verdicts: list[tuple[str, bool | None]] = [("100 % delivered", complete)]
    if key == "a":
        verdicts.append((f"p99 ≤ {P99_CONFERENCE_MS} ms", _at_most(p99(run), P99_CONFERENCE_MS)))
    elif key in {"b", "c", "e"}:
        verdicts.append((f"p99 ≤ {BASELINE_FACTOR:g}x baseline",
                         _within(p99(run), p99(baseline), BASELINE_FACTOR)))
    elif key == "d":
        conference = runs["a"]["samenspel"] if "a" in runs else None
        verdicts.append((f"p99 ≤ {SCALED_OUT_FACTOR:g}x (a)",
                         _within(p99(run), p99(conference), SCALED_OUT_FACTOR)))
    verdicts.append((f"≤ {KB_PER_SOCKET} KB per socket", _at_most(run["kb_per_socket"],
                                                                    KB_PER_SOCKET)))
    return verdicts


def _shown(value: float | None) -> str:
    return "" if value is None else "lost" if value == LOST else f"{value:g}"


def _within(mine: float | None, reference: float | None, factor: float) -> bool | None:
    """mine ≤ factor * reference; with the reference lost too, they cannot be compared."""
    if mine is None or reference is None:
        return None
    if reference == LOST:
        return None if mine == LOST else True
    return mine <= factor * reference


def _at_most(value: float | None, limit: float | None) -> bool | None:
    if value is None or limit is None:
        return None
    return value <= limit


def verdict_text(passed: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "n/a"}[passed]


def table(runs: dict[str, dict[str, Any]]) -> str:
    """A Markdown table: per scenario Samenspel, its baseline, the ratio, the targets."""
    head = ("| scenario | server | sockets | writes | p50 ms | p95 ms | p99 ms "
            "| p99 incl. lost | delivered "
            "| frames/s | MB in | server CPU s | client CPU s | KB/socket | p99 x baseline "
            "| targets |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for key, pair in runs.items():
        for server in ("baseline", "samenspel"):
            run = pair.get(server)
            if run is None:
                continue
            latency = run["latency_ms"]
            times = ratio(run, pair.get("baseline")) if server == "samenspel" else None
            verdicts = "; ".join(f"{name}: {verdict_text(ok)}" for name, ok in
                                 targets(key, runs)) if server == "samenspel" else ""
            lines.append(
                f"| ({key}) | {server} x{run['processes']} | {run['sockets']} | "
                f"{run['writes']} | {latency['p50']} | {latency['p95']} | {latency['p99']} | "
                f"{_shown(p99(run))} | "
                f"{run['delivered_pct']} % | {run['frames_per_s']:g} | {run['mb_received']:g} | "
                f"{' + '.join(f'{c:g}' for c in run['server_cpu_s'])} | "
                f"{' + '.join(f'{c:g}' for c in run['client_cpu_s'])} | "
                f"{run['kb_per_socket']} | {'' if times is None else _shown(times)} | "
                f"{verdicts} |"
            )
    return "\n".join(lines)


def environment() -> dict[str, Any]:
    """The machine and the versions, for docs/benchmarks.md."""
    cpu = next((line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    found: dict[str, Any] = {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(memory_kb / 2**20, 1),
        "kernel": platform.release(),
        "python": sys.version.split()[0],
    }
    for package in ("django", "uvicorn", "a2wsgi", "websockets", "uvloop", "httptools", "redis",
                    "psycopg"):
        found[package] = version(package)
    found["redis_server"] = _command(["redis-cli", "-n", "3", "INFO", "server"],
                                     "redis_version:")
    found["postgresql"] = _command(["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc",
                                    "SHOW server_version"], "")
    return found


def _command(command: list[str], prefix: str) -> str | None:
    try:
        output = subprocess.run(  # noqa: S603 - fixed commands for version numbers
            command, capture_output=True, text=True, timeout=10
        ).stdout
    except OSError:
        return None
    for line in output.splitlines():
        if line.startswith(prefix):
            return line.removeprefix(prefix).strip()
    return None
