"""The servers under test, as subprocesses on loopback: Samenspel (uvicorn on a fresh
database with a facilitator and an API key) and the baseline; their CPU and memory read
from /proc."""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
POSTGRES = "postgres://postgres@127.0.0.1:5432"
BENCH_DATABASE = "samenspel_bench"
REDIS_URL = "redis://127.0.0.1:6379/3"
LOGS = Path(tempfile.gettempdir()) / "samenspel-bench-logs"  # the servers' output, kept
# Redis pub/sub channels ignore the database number and Samenspel names a channel after the
# workshop's id, so other servers on the same Redis must not see our workshops: start ours
# at an id no test reaches.
FIRST_WORKSHOP_ID = 900_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_bytes(pid: int) -> int:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE


@dataclass
class Servers:
    """One or more uvicorn processes serving the same workshops."""

    name: str
    ports: list[int]
    processes: list[subprocess.Popen[bytes]]
    staff_token: str
    log: Path
    cleanup: list[str] = field(default_factory=list)  # temp dirs to remove
    database: str | None = None  # a PostgreSQL database to drop

    def cpu(self) -> list[float]:
        return [cpu_seconds(p.pid) for p in self.processes]

    def rss(self) -> list[int]:
        return [rss_bytes(p.pid) for p in self.processes]

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        LOGS.mkdir(exist_ok=True)
        kept = LOGS / f"{self.name}-{self.ports[0]}.log"
        shutil.copyfile(self.log, kept)
        self.log = kept
        for path in self.cleanup:
            shutil.rmtree(path, ignore_errors=True)
        if self.database:
            _drop_database(self.database)


def _uvicorn(app: str, port: int, environment: dict[str, str], log: Path
             ) -> subprocess.Popen[bytes]:
    with log.open("ab") as output:
        return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port),
             "--no-access-log", "--log-level", "warning",
             # as `make run` serves; the baseline the same, so the ratios compare like with like
             "--ws-per-message-deflate", "false"],
            cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT,
        )


def _wait_until_serving(servers: Servers, path: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    for process, port in zip(servers.processes, servers.ports, strict=True):
        while True:
            if process.poll() is not None:
                servers.stop()
                raise RuntimeError(f"{servers.name} stopped:\n{log.read_text()[-3000:]}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2).close()
                break
            except urllib.error.HTTPError:
                break  # it answers
            except OSError:
                if time.monotonic() > deadline:
                    servers.stop()
                    raise RuntimeError(f"{servers.name} on port {port} did not answer") from None
                time.sleep(0.1)


def start_baseline(processes: int = 1) -> Servers:
    """The baseline; one process (it has no bus, so it cannot be scaled out)."""
    if processes != 1:
        raise ValueError("The baseline runs in one process.")
    directory = tempfile.mkdtemp(prefix="samenspel-bench-baseline-")
    log = Path(directory) / "server.log"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    port = free_port()
    servers = Servers("baseline", [port], [_uvicorn("bench.baseline:application", port,
                                                    environment, log)],
                      staff_token="sst_baseline", log=log, cleanup=[directory])  # noqa: S106
    _wait_until_serving(servers, "/ping", log)
    return servers


def start_samenspel(processes: int = 1, scaled_out: bool = False,
                    settings: str = "samenspel.settings") -> Servers:
    """Samenspel on a fresh database: SQLite in a temp dir, or (scaled out) PostgreSQL and
    Redis. Migrated, with a facilitator and an API key made the way an administrator
    would, then served by `processes` uvicorn processes. Another `settings` module (one
    that imports samenspel.settings and changes a little) tries a change on the server."""
    directory = tempfile.mkdtemp(prefix="samenspel-bench-")
    log = Path(directory) / "server.log"
    environment = {
        key: value for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "DATABASE_URL"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE=settings,
        SAMENSPEL_VAR_DIR=directory,
        SECRET_KEY=_SECRET_KEY,
        SECURE_COOKIES="0",
        LOG_LEVEL="WARNING",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    database = None
    if scaled_out:
        database = BENCH_DATABASE
        _drop_database(database)
        _psql("postgres", f"CREATE DATABASE {database}")
        environment.update(DATABASE_URL=f"{POSTGRES}/{database}", REDIS_URL=REDIS_URL)
        staff_token = _set_up_database(environment, log)
    else:
        environment["DATABASE_URL"] = f"sqlite:///{directory}/samenspel.sqlite3"
        staff_token = _fresh_sqlite(Path(directory) / "samenspel.sqlite3", log)
    ports = [free_port() for _ in range(processes)]
    servers = Servers(
        "samenspel", ports,
        [_uvicorn("samenspel.asgi:application", port, environment, log) for port in ports],
        staff_token=staff_token, log=log, cleanup=[directory], database=database,
    )
    _wait_until_serving(servers, "/verbinding/", log)
    return servers


_SECRET_KEY = secrets.token_urlsafe(50)
_template: tuple[Path, str] | None = None  # a migrated SQLite file and its staff key


def _fresh_sqlite(target: Path, log: Path) -> str:
    """A copy of one migrated database per run: each scenario starts from the same empty
    state, without migrating again."""
    global _template
    if _template is None:
        directory = Path(tempfile.mkdtemp(prefix="samenspel-bench-template-"))
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        path = directory / "samenspel.sqlite3"
        environment = {
            key: value for key, value in os.environ.items()
            if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "REDIS_URL"}
        }
        environment.update(DJANGO_SETTINGS_MODULE="samenspel.settings",
                           SAMENSPEL_VAR_DIR=str(directory), SECRET_KEY=_SECRET_KEY,
                           DATABASE_URL=f"sqlite:///{path}", PYTHONPATH=str(ROOT))
        _template = path, _set_up_database(environment, log)
    shutil.copyfile(_template[0], target)
    return _template[1]


def _set_up_database(environment: dict[str, str], log: Path) -> str:
    with log.open("ab") as output:
        made = subprocess.run(
            [sys.executable, "-m", "bench.setup_database"], cwd=ROOT, env=environment,
            stdout=subprocess.PIPE, stderr=output, text=True,
        )
    if made.returncode != 0:
        raise RuntimeError(f"Setting up the database failed:\n{log.read_text()[-3000:]}")
    return made.stdout.strip().splitlines()[-1]


def _psql(database: str, command: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/{database}", autocommit=True) as connection:
        connection.execute(command)  # type: ignore[arg-type]  # our own constant names


def _drop_database(database: str) -> None:
    _psql("postgres", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
