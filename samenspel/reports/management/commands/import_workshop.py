"""``manage.py import_workshop FILE``: a workshop from its JSON file (made with
``export_workshop --format json``, here or on another installation) becomes a new workshop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenspel.reports.restore import import_workshop
from samenspel.workshops.join_codes import spoken
from samenspel.workshops.services import WorkshopError


class Command(BaseCommand):
    help = "Import a workshop from the JSON file Samenspel exported; '-' reads standard input."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            raw = (sys.stdin.buffer.read() if options["file"] == "-"
                   else Path(options["file"]).read_bytes())
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error.strerror}") from error
        try:
            workshop = import_workshop(raw, created_by=None)
        except WorkshopError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"Imported workshop {workshop.pk}: {workshop.title} "
                          f"(code {spoken(workshop.join_code)})")
