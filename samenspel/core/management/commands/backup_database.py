"""``manage.py backup_database FILE``: a consistent copy of the whole database while
Samenspel keeps running — SQLite's online backup (safe in WAL mode, writers wait only for a
moment), or ``pg_dump --format=custom`` for PostgreSQL (restore with ``pg_restore``).
docs/deployment.md says how to restore and how to plan it with cron."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection


class Command(BaseCommand):
    help = "Write a consistent copy of the database to FILE, while the app keeps running."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["file"]
        if target.exists():
            raise CommandError(f"{target} exists already: choose a new file name.")
        database = connection.settings_dict
        if connection.vendor == "sqlite":
            with sqlite3.connect(database["NAME"]) as source, sqlite3.connect(target) as copy:
                source.backup(copy)
        elif connection.vendor == "postgresql":
            environment = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
            command = ["pg_dump", "--format=custom", f"--file={target}",
                       f"--dbname={database['NAME']}"]
            for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
                if database.get(key):
                    command.append(f"{flag}={database[key]}")
            done = subprocess.run(  # noqa: S603 - our own settings, no shell
                command, env=environment, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise CommandError(f"pg_dump failed: {done.stderr.strip()}")
        else:
            raise CommandError(f"No backup for the {connection.vendor} database.")
        self.stdout.write(f"Backup written to {target} ({target.stat().st_size} bytes).")
